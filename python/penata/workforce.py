"""The Workforce: validated employees stored as columns by the C++ core."""

from __future__ import annotations

import html
import os
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

import numpy as np

from . import _core
from .errors import PenataWarning, ValidationError
from .nip import NipRules, _coerce_rules
from .units import Units, coerce_units

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Workforce", "ImportReport", "REJECTED_COLUMNS"]

#: Columns of :attr:`Workforce.rejected`.
REJECTED_COLUMNS = ("row", "field", "value", "rule", "reason")

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class ImportReport:
    """What an import did.

    Attributes:
        rows_read: data rows seen (the header is not counted).
        rows_loaded: rows added to the workforce.
        rows_rejected: rows refused; each has one or more entries in ``Workforce.rejected``.
        unknown_columns: header names that are not canonical fields (ignored, and warned about).
        created_units: unit codes added as top-level units because no unit tree was given.
    """

    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    unknown_columns: Tuple[str, ...] = ()
    created_units: Tuple[str, ...] = ()


def _check_errors(errors: object) -> str:
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', not {errors!r}")
    return errors  # type: ignore[return-value]


def _nip_int(nip: object) -> Optional[int]:
    """The stored form of a NIP given as 18-digit text or an int; None when it cannot be one."""
    if isinstance(nip, bool):
        raise TypeError("a NIP is 18 digits given as str (or int), not bool")
    if isinstance(nip, (int, np.integer)):
        v = int(nip)
        return v if 0 <= v < 10**18 else None
    if isinstance(nip, str):
        s = nip.strip()
        return int(s) if len(s) == 18 and s.isascii() and s.isdigit() else None
    raise TypeError(f"a NIP is 18 digits given as str (or int), not {type(nip).__name__}")


def _employee_texts(employee: Mapping[str, Any]) -> Dict[str, str]:
    from .frames import to_text

    if not isinstance(employee, Mapping):
        raise TypeError(f"an employee is a mapping of canonical field names to values, not {type(employee).__name__}")
    return {str(k): to_text(v) for k, v in employee.items()}


def _rejected_frame(issues: List[Dict[str, Any]], labels: Optional[Callable[[int], Any]] = None) -> "pd.DataFrame":
    import pandas as pd

    rows = [labels(i["row"]) if labels else i["row"] for i in issues]
    frame = pd.DataFrame({
        "row": pd.Series(rows, dtype="int64" if labels is None else None),
        "field": pd.Series([i["field"] for i in issues], dtype=object),
        "value": pd.Series([i["value"] for i in issues], dtype=object),
        "rule": pd.Series([i["rule"] for i in issues], dtype=object),
        "reason": pd.Series([i["message"] for i in issues], dtype=object),
    }, columns=list(REJECTED_COLUMNS))
    return frame


class Workforce:
    """Employees (PNS and PPPK) as validated columns, over a tree of units.

    Every employee is checked on the way in: NIP structure and its agreement with gender, birth
    date and TMT, minimum age at TMT, golongan for the employment type, a level for jabatan
    fungsional only, a known unit, non-negative training hours, a unique NIP. Bad input raises
    :class:`penata.ValidationError` naming the row, field, value and rule, or (``errors="collect"``)
    is listed in :attr:`rejected`.

    Build one with :meth:`from_csv`, :meth:`from_frame`, :func:`penata.datasets.bengkulu`, or
    ``Workforce(units)`` and :meth:`add`.
    """

    __slots__ = ("_wf", "_report", "_rejected")

    def __init__(self, units: Union[None, PathLike, "pd.DataFrame", Units] = None,
                 rules: Optional[NipRules] = None) -> None:
        core_units = coerce_units(units)
        self._wf = _core.Workforce(core_units if core_units is not None else _core.Units(), _coerce_rules(rules))
        self._report = ImportReport()
        self._rejected: Optional["pd.DataFrame"] = None

    @classmethod
    def _wrap(cls, core: "_core.Workforce", report: Optional[ImportReport] = None,
              rejected: Optional["pd.DataFrame"] = None) -> "Workforce":
        obj = cls.__new__(cls)
        obj._wf = core
        obj._report = report or ImportReport(rows_read=len(core), rows_loaded=len(core))
        obj._rejected = rejected
        return obj

    # import -----------------------------------------------------------------------------------
    @classmethod
    def _load(cls, read: Callable[["_core.Workforce", str, bool], Dict[str, Any]], units: object,
              errors: str, rules: Optional[NipRules], label: Optional[Callable[[int], Any]] = None) -> "Workforce":
        _check_errors(errors)
        core_units = coerce_units(units)
        create_missing = core_units is None
        core = _core.Workforce(core_units if core_units is not None else _core.Units(), _coerce_rules(rules))
        try:
            rep = read(core, errors, create_missing)
        except ValidationError as e:
            if label is None:
                raise
            issues = [dict(i, row=label(i["row"])) for i in e.issues]
            raise ValidationError.from_issues(issues) from None
        report = ImportReport(rows_read=rep["rows_read"], rows_loaded=rep["rows_loaded"],
                              rows_rejected=rep["rows_rejected"],
                              unknown_columns=tuple(rep["unknown_columns"]),
                              created_units=tuple(rep["created_units"]))
        if report.unknown_columns:
            warnings.warn("ignored unknown column(s) " + ", ".join(repr(c) for c in report.unknown_columns)
                          + "; the canonical columns are " + ",".join(_core.FIELD_NAMES),
                          PenataWarning, stacklevel=3)
        rejected = _rejected_frame(rep["issues"], label)
        return cls._wrap(core, report, rejected)

    @classmethod
    def from_csv(cls, path: PathLike, units: Union[None, PathLike, "pd.DataFrame", Units] = None,
                 errors: str = "raise", rules: Optional[NipRules] = None) -> "Workforce":
        """Reads a CSV file of the canonical schema (docs/schema.md).

        Args:
            path: the CSV file (UTF-8, a BOM is accepted; columns in any order).
            units: the unit tree: a path to a units CSV (code, name, parent_code), a DataFrame
                with those columns, or a :class:`Units`. With ``None`` every unit code met becomes
                a top-level unit, listed in ``import_report.created_units``; otherwise an unknown
                unit code is a rejection (rule ``unit_code.known``).
            errors: ``"raise"`` stops at the first bad row with ValidationError (nothing is
                loaded); ``"collect"`` loads the good rows and lists every bad one in
                :attr:`rejected`.
            rules: the NipRules to validate NIPs with (defaults when None).

        Raises:
            FormatError: a missing or duplicated column, a malformed quote, an empty file.
            IoError: the file cannot be read.
            ValidationError: a bad row (``errors="raise"``).
        """
        p = os.fspath(path)
        return cls._load(lambda wf, e, c: _core.read_csv_file(wf, p, e, c), units, errors, rules)

    @classmethod
    def from_frame(cls, df: "pd.DataFrame", units: Union[None, PathLike, "pd.DataFrame", Units] = None,
                   errors: str = "raise", rules: Optional[NipRules] = None) -> "Workforce":
        """Builds a workforce from a DataFrame with the canonical columns (as :meth:`to_frame`
        gives; text columns may also be plain strings, dates may be datetime64 or text).

        Arguments as for :meth:`from_csv`. The ``row`` of an issue (in :attr:`rejected` and in a
        raised ValidationError) is the DataFrame's index label of the bad row.
        """
        from .frames import frame_to_csv_text

        text = frame_to_csv_text(df)
        index = df.index

        def label(row: int) -> Any:
            if 1 <= row <= len(index):
                v = index[row - 1]
                return v.item() if isinstance(v, np.generic) else v
            return row

        return cls._load(lambda wf, e, c: _core.read_csv_text(wf, text, e, c), units, errors, rules, label)

    # export -----------------------------------------------------------------------------------
    def to_frame(self, rows: Optional[Any] = None) -> "pd.DataFrame":
        """The employees as a DataFrame with the canonical columns in canonical order (see
        :mod:`penata.frames` for the dtypes); ``rows`` selects row indices (e.g. from
        :meth:`select_unit`)."""
        from .frames import workforce_to_frame

        return workforce_to_frame(self._wf, None if rows is None else np.asarray(rows))

    def to_csv(self, path: Optional[PathLike] = None) -> Optional[str]:
        """Writes the canonical CSV to ``path`` (atomically); returns it as text when no path."""
        if path is None:
            return _core.write_csv_text(self._wf).decode("utf-8")
        _core.write_csv_file(self._wf, os.fspath(path))
        return None

    # units ------------------------------------------------------------------------------------
    @property
    def units(self) -> Units:
        """A copy of the unit tree."""
        return Units._wrap(self._wf.units)

    def units_frame(self) -> "pd.DataFrame":
        """The unit tree as a DataFrame: code, name, parent_code ("" for a top-level unit)."""
        return self.units.to_frame()

    def add_unit(self, code: str, name: str, parent_code: str = "") -> None:
        """Adds a unit to the tree (parents before children)."""
        self._wf.add_unit(code, name, parent_code or "")

    @property
    def rules(self) -> NipRules:
        """The NipRules this workforce validates NIPs with."""
        return NipRules._from_core(self._wf.nip_rules)

    # the import that built this workforce -------------------------------------------------------
    @property
    def import_report(self) -> ImportReport:
        """What the import that built this workforce did (rows read/loaded/rejected, unknown
        columns, created units)."""
        return self._report

    @property
    def rejected(self) -> "pd.DataFrame":
        """Every rejection of the import, one row per bad field: row (1-based data row, or the
        DataFrame index label for :meth:`from_frame`), field, value, rule, reason. Empty (with
        those columns) when nothing was rejected."""
        if self._rejected is None:
            self._rejected = _rejected_frame([])
        return self._rejected.copy()

    # reading ----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._wf)

    def column(self, name: str) -> np.ndarray:
        """A numeric column as a read-only numpy array that shares the core's memory.

        Types: nip uint64; employment_type, gender, golongan (1..17), position_class,
        position_level, education, discipline uint8 codes (texts in ``penata.frames.ENUM_FIELDS``);
        birth_date int32 days since 1970-01-01; tmt int32 months since 1970-01; position_name
        uint32 codes into the position dictionary; unit_code uint32 unit indices;
        training_hours float64. The array stays valid and unchanged if the workforce changes
        afterwards (the workforce then copies itself).
        """
        return self._wf.column(name)

    def find(self, nip: Union[str, int]) -> Optional[int]:
        """Row of the employee with this NIP (constant time), or None."""
        v = _nip_int(nip)
        return None if v is None else self._wf.find(v)

    def __contains__(self, nip: object) -> bool:
        try:
            return self.find(nip) is not None  # type: ignore[arg-type]
        except TypeError:
            return False

    def get(self, nip: Union[str, int]) -> Dict[str, str]:
        """The employee with this NIP as a dict of canonical field texts; NotFoundError if absent."""
        row = self.find(nip)
        if row is None:
            from .errors import NotFoundError

            raise NotFoundError(f"no employee with NIP '{nip}'")
        return self._wf.row(row)

    def row(self, row: int) -> Dict[str, str]:
        """The employee in this row as a dict of canonical field texts."""
        return self._wf.row(int(row))

    def select_unit(self, code: str, include_subunits: bool = True) -> np.ndarray:
        """Row indices (uint32, in row order) of the employees of a unit and, by default, of
        every unit below it; NotFoundError for an unknown unit."""
        return self._wf.select_unit(code, include_subunits)

    def memory_bytes(self, include_names: bool = True) -> int:
        """Bytes held by the employee store (columns, NIP index and, by default, names)."""
        return self._wf.memory_bytes(include_names)

    # changing ---------------------------------------------------------------------------------
    def check(self, employee: Mapping[str, Any], replacing: bool = False) -> List[Dict[str, Any]]:
        """Every issue adding ``employee`` would raise (each a dict row/field/value/rule/message);
        an empty list when it is valid. With ``replacing``, as for :meth:`update`."""
        return self._wf.check(_employee_texts(employee), replacing)

    def add(self, employee: Mapping[str, Any]) -> int:
        """Adds one employee given as a mapping of canonical field names to values (texts as in
        the CSV; dates, Periods and numbers are accepted too). Every field is required except
        ``position_level``. Returns the new row; raises ValidationError naming every issue."""
        return self._wf.add(_employee_texts(employee))

    def update(self, employee: Mapping[str, Any]) -> None:
        """Changes the employee whose NIP is ``employee["nip"]``; fields left out keep their
        values. Raises NotFoundError or ValidationError."""
        self._wf.update(_employee_texts(employee))

    def remove(self, nip: Union[str, int]) -> None:
        """Removes the employee with this NIP (later rows move up by one); NotFoundError."""
        v = _nip_int(nip)
        if v is None:
            from .errors import NotFoundError

            raise NotFoundError(f"no employee with NIP '{nip}'")
        self._wf.remove(v)

    def copy(self) -> "Workforce":
        """An independent copy."""
        return Workforce._wrap(self._wf.copy(), self._report,
                               None if self._rejected is None else self._rejected.copy())

    def __iter__(self):
        """The employees in row order, each as a dict of canonical field texts (for bulk work use
        ``to_frame()`` or ``column()``)."""
        for i in range(len(self._wf)):
            yield self._wf.row(i)

    # display ----------------------------------------------------------------------------------
    def _summary(self) -> str:
        n = len(self._wf)
        et = self._wf.column("employment_type")
        counts = np.bincount(et, minlength=2) if n else np.zeros(2, dtype=np.int64)
        mb = self._wf.memory_bytes(True) / 1e6
        return (f"{n:,} employees (PNS {int(counts[0]):,}, PPPK {int(counts[1]):,}) in "
                f"{self._wf.unit_count():,} units, {mb:,.1f} MB")

    def __repr__(self) -> str:
        try:
            s = f"<penata.Workforce: {self._summary()}"
            if self._report.rows_rejected:
                s += f"; {self._report.rows_rejected:,} rows rejected on import"
            return s + ">"
        except Exception:  # a repr never raises
            return "<penata.Workforce>"

    def _repr_html_(self, max_rows: int = 5) -> str:
        try:
            n = len(self._wf)
            head = self.to_frame(np.arange(min(n, max_rows)))
            out = [f"<div><p><b>penata.Workforce</b>: {html.escape(self._summary())}</p>"]
            if self._report.rows_rejected:
                out.append(f"<p>{self._report.rows_rejected:,} rows rejected on import "
                           "(see <code>.rejected</code>)</p>")
            out.append(head.to_html(max_cols=20, max_rows=max_rows))
            if n > max_rows:
                out.append(f"<p>... {n - max_rows:,} more rows</p>")
            out.append("</div>")
            return "".join(out)
        except Exception:
            return "<pre>" + html.escape(repr(self)) + "</pre>"

    # pickling through the library's own serialization (a binary snapshot) ------------------------
    def __reduce__(self):
        from .archive import _restore
        return (_restore, (_core.save_bytes([("workforce", self._wf)], "binary"),))
