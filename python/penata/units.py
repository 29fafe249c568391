"""Organisational units (perangkat daerah and their sub-units) as a tree."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterator, List, Optional, Union

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Units", "UNIT_COLUMNS"]

#: Columns of a units table (CSV or DataFrame).
UNIT_COLUMNS = ("code", "name", "parent_code")


class Units:
    """A tree of units: each has a code (the key employees refer to), a name and an optional
    parent. Parents come before their children, so the tree has no cycle.

    >>> u = Units()
    >>> u.add("PROV", "Pemerintah Provinsi")
    >>> u.add("BKD", "Badan Kepegawaian Daerah", parent_code="PROV")
    >>> u.subtree("PROV")
    ['PROV', 'BKD']
    """

    __slots__ = ("_u",)

    def __init__(self) -> None:
        self._u = _core.Units()

    @classmethod
    def _wrap(cls, core: "_core.Units") -> "Units":
        obj = cls.__new__(cls)
        obj._u = core
        return obj

    # construction -------------------------------------------------------------------------------
    @classmethod
    def from_csv(cls, path: Union[str, "os.PathLike[str]"]) -> "Units":
        """Reads a units CSV (columns code, name, parent_code; parents before children).

        Raises FormatError, ValidationError (naming row and field) or IoError.
        """
        return cls._wrap(_core.read_units_csv_file(os.fspath(path)))

    @classmethod
    def from_frame(cls, df: "pd.DataFrame") -> "Units":
        """Units from a DataFrame with columns code, name and parent_code (may be empty/NaN)."""
        from .frames import frame_to_csv_text

        return cls._wrap(_core.read_units_csv_text(frame_to_csv_text(df)))

    def add(self, code: str, name: str, parent_code: str = "") -> None:
        """Adds a unit below ``parent_code`` ("" for a top-level unit); raises ValidationError."""
        self._u.add(code, name, parent_code or "")

    def copy(self) -> "Units":
        return Units._wrap(self._u.__copy__())

    # reading ------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._u)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self._u.find(code) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._u.codes())

    @property
    def codes(self) -> List[str]:
        """Every unit code, parents before children."""
        return self._u.codes()

    def name(self, code: str) -> str:
        return self._u.name(self._u.at(code))

    def parent_code(self, code: str) -> str:
        """Code of the parent, "" for a top-level unit; NotFoundError for an unknown code."""
        p = self._u.parent(self._u.at(code))
        return "" if p is None else self._u.code(p)

    def depth(self, code: str) -> int:
        """0 for a top-level unit."""
        return self._u.depth(self._u.at(code))

    def subtree(self, code: str) -> List[str]:
        """The unit and every unit below it, parents first."""
        return [self._u.code(i) for i in self._u.subtree(self._u.at(code))]

    def children(self, code: str) -> List[str]:
        """The units directly below this one."""
        i = self._u.at(code)
        return [self._u.code(j) for j in self._u.subtree(i) if self._u.parent(j) == i]

    def roots(self) -> List[str]:
        """The top-level units."""
        return [c for c, p in zip(self._u.codes(), self._u.parent_codes()) if not p]

    def to_frame(self) -> "pd.DataFrame":
        """A DataFrame with columns code, name, parent_code ("" for a top-level unit)."""
        import pandas as pd

        return pd.DataFrame({"code": self._u.codes(), "name": self._u.names(),
                             "parent_code": self._u.parent_codes()}, columns=list(UNIT_COLUMNS))

    def to_csv(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the units CSV (code, name, parent_code)."""
        _core.write_units_csv_file(os.fspath(path), self._u)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Units):
            return NotImplemented
        return (self._u.codes() == other._u.codes() and self._u.names() == other._u.names()
                and self._u.parent_codes() == other._u.parent_codes())

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):  # pickling through the library's own serialization
        from .archive import _restore
        return (_restore, (_core.save_bytes([("units", self._u)], "binary"),))

    def __repr__(self) -> str:
        try:
            n = len(self._u)
            roots = self.roots()
            shown = ", ".join(roots[:5]) + (", ..." if len(roots) > 5 else "")
            return f"<penata.Units: {n:,} units, {len(roots):,} top-level ({shown})>"
        except Exception:  # a repr never raises
            return "<penata.Units>"


def coerce_units(units: object) -> Optional["_core.Units"]:
    """The core unit tree of a ``units=`` argument: None (no tree given), a path to a units CSV,
    a DataFrame with columns code, name, parent_code, or a Units (copied, so that the caller's
    tree and the workforce's do not change together)."""
    if units is None:
        return None
    if isinstance(units, Units):
        return units._u.__copy__()
    if isinstance(units, _core.Units):
        return units.__copy__()
    if isinstance(units, (str, os.PathLike)):
        return Units.from_csv(units)._u
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(units, pd.DataFrame):
        return Units.from_frame(units)._u
    raise TypeError("units must be None, a path to a units CSV, a DataFrame (code, name, parent_code) "
                    f"or a penata.Units, not {type(units).__name__}")
