"""Rule sets: the weights, point tables, bands, matrices and thresholds of the ASN appraisal
regulations, as validated data (see docs/rules.md).

>>> import penata
>>> penata.RuleSet.names()[:2]
['default', 'permenpanrb-6-2022']
>>> rs = penata.RuleSet.builtin("perban-8-2019")
>>> rs.regulation
'Peraturan BKN 8/2019 ...'

Built-in rule sets ship for the regulations in force; edit :meth:`RuleSet.to_json` output and
load it back with :meth:`RuleSet.from_json` to make an agency's own. Every rule set is validated
when made: a bad one raises :class:`penata.ValidationError` whose ``field`` is the JSON path of the
figure (``"ip_asn.weights.kinerja"``) and whose ``rule`` starts with ``"ruleset."``.
"""

from __future__ import annotations

import html
import os
from typing import Dict, List, Union

from . import _core

__all__ = ["RuleSet", "coerce_rules", "APPRAISAL_ENUMS"]

#: The texts of the appraisal enums in code order (rating, predikat, org_predikat, potential,
#: ip_asn_category, prestasi_band, ...).
APPRAISAL_ENUMS: Dict[str, List[str]] = {k: list(v) for k, v in _core.APPRAISAL_ENUMS.items()}


class RuleSet:
    """A named, versioned, validated set of regulatory tables.

    Make one with :meth:`builtin`, :meth:`from_json`, :meth:`from_file` or :meth:`combine`.
    Rule sets are immutable apart from their notes, compare equal when their JSON is equal, and
    pickle as their JSON.
    """

    __slots__ = ("_r",)

    def __init__(self) -> None:  # pragma: no cover - use the constructors below
        raise TypeError("use RuleSet.builtin(name), RuleSet.from_json(text) or RuleSet.from_file(path)")

    @classmethod
    def _wrap(cls, core: "_core.RuleSet") -> "RuleSet":
        obj = cls.__new__(cls)
        obj._r = core
        return obj

    # construction -------------------------------------------------------------------------------
    @classmethod
    def builtin(cls, name: str) -> "RuleSet":
        """A built-in rule set by name (see :meth:`names`); NotFoundError for another name."""
        return cls._wrap(_core.RuleSet.builtin(str(name)))

    @staticmethod
    def names() -> List[str]:
        """Names of the built-in rule sets."""
        return list(_core.RuleSet.names())

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "RuleSet":
        """Parses and validates a rule set (JSON format 1, docs/rules.md). FormatError for text
        that is not JSON; ValidationError naming the JSON path for a bad rule set."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls._wrap(_core.RuleSet.from_json(text))

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "RuleSet":
        """Reads a rule-set JSON file (see :meth:`from_json`); IoError when it cannot be read."""
        from .errors import IoError

        try:
            with open(os.fspath(path), "r", encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise IoError(f"cannot read rule set '{os.fspath(path)}': {e.strerror or e}") from None
        return cls.from_json(text)

    @classmethod
    def combine(cls, name: str, regulation: str, version: str, parts: List["RuleSet"]) -> "RuleSet":
        """A rule set holding the sections and notes of all ``parts`` (each section from one part)."""
        return cls._wrap(_core.RuleSet.combine(name, regulation, version, [coerce_rules(p)._r for p in parts]))

    def to_json(self, indent: int = 2) -> str:
        """The rule set as JSON (``indent < 0``: one line); ``from_json(to_json())`` gives it back."""
        return self._r.to_json(int(indent))

    def to_file(self, path: Union[str, "os.PathLike[str]"], indent: int = 2) -> None:
        """Writes :meth:`to_json` to a file."""
        with open(os.fspath(path), "w", encoding="utf-8") as f:
            f.write(self.to_json(indent) + "\n")

    # properties --------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._r.name

    @property
    def regulation(self) -> str:
        """The regulation(s) the tables implement."""
        return self._r.regulation

    @property
    def version(self) -> str:
        return self._r.version

    @property
    def notes(self) -> Dict[str, str]:
        """Notes per figure keyed by JSON path; each starts with the confidence tag of
        ASN-RULES.md (``"UNCERTAIN: ..."``, ``"MEMORY: ..."``)."""
        return dict(self._r.notes)

    def note(self, path: str) -> str:
        """The note on one JSON path, or ""."""
        return self._r.note(path)

    @property
    def sections(self) -> List[str]:
        """The sections present (predikat_matrix, distribution, pp30, pp46, ip_asn, talent,
        angka_kredit, policy, kpi)."""
        return list(self._r.sections())

    def has(self, section: str) -> bool:
        return self._r.has(section)

    def talent_actions(self) -> Dict[int, str]:
        """The recommended action of each talent box 1..9 (needs the talent section)."""
        return {b: a for b, a in enumerate(_core.talent_actions(self._r), start=1)}

    # behaviour ----------------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RuleSet):
            return NotImplemented
        return self.to_json(-1) == other.to_json(-1)

    def __hash__(self) -> int:
        return hash(self.to_json(-1))

    def __reduce__(self):  # pickling through the library's own serialization (a binary snapshot)
        from .archive import _restore
        return (_restore, (_core.save_bytes([("ruleset", self._r)], "binary"),))

    def __repr__(self) -> str:
        try:
            reg = self.regulation
            reg = reg if len(reg) <= 60 else reg[:59] + "\u2026"
            notes = len(self._r.notes)
            return (f"<penata.RuleSet {self.name!r} v{self.version}: {reg}; sections "
                    f"{', '.join(self.sections) or '-'}; {notes} note(s)>")
        except Exception:  # a repr never raises
            return "<penata.RuleSet>"

    def _repr_html_(self) -> str:
        try:
            rows = "".join(f"<tr><td><code>{html.escape(k)}</code></td><td>{html.escape(v)}</td></tr>"
                           for k, v in sorted(self.notes.items()))
            return (f"<div><p><b>penata.RuleSet</b> <code>{html.escape(self.name)}</code> "
                    f"v{html.escape(self.version)}: {html.escape(self.regulation)}</p>"
                    f"<p>sections: {html.escape(', '.join(self.sections))}</p>"
                    + (f"<table><tr><th>figure</th><th>note</th></tr>{rows}</table>" if rows else "")
                    + "</div>")
        except Exception:
            return "<pre>" + html.escape(repr(self)) + "</pre>"


def coerce_rules(rules: Union[str, RuleSet, "os.PathLike[str]", None], default: str = "default") -> RuleSet:
    """A RuleSet from a RuleSet, a built-in name, a path to a JSON file, or None (``default``)."""
    if rules is None:
        return RuleSet.builtin(default)
    if isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, os.PathLike) or (isinstance(rules, str) and rules.endswith(".json")):
        return RuleSet.from_file(rules)
    if isinstance(rules, str):
        return RuleSet.builtin(rules)
    raise TypeError(f"rules must be a RuleSet, a built-in name or a JSON file path, not {type(rules).__name__}")
