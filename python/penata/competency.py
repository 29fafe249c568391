"""Competency standards and gap analysis (PermenPANRB 38/2017; docs/rules.md, ASN-RULES.md section 3).

>>> import penata
>>> wf = penata.datasets.bengkulu(n=1000)                      # SYNTHETIC sample
>>> assessments = penata.datasets.assessments(wf)              # SYNTHETIC assessments
>>> result = penata.gap_analysis(wf, assessments, as_of="2025-06-30")
>>> result.jpm.describe()                                      # Job Person Match per employee
>>> result.by_unit()                                           # training needs per unit x competency

The model: a :class:`CompetencyFramework` (the eight managerial competencies M.01-M.08 and Perekat
Bangsa built in; teknis competencies added by the agency), :class:`PositionStandards` (the required
level of every competency per position: defaults per position kind, overridden per position name),
an append-only :class:`Assessments` history (level 1-5, date, method) and :class:`GapRules` (JPM
cap, teknis weights by jenjang, category scheme, missing-assessment policy, the 20 JP rule,
eligible golongan). Levels are one byte; gap matrices are shared with numpy without copying.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from . import _convert as cv
from .errors import ValidationError
from .frames import ENUM_FIELDS

__all__ = [
    "CompetencyFramework", "PositionStandards", "Assessments", "GapRules", "GapResult", "gap_analysis",
    "rank_candidates", "gaps_and_jpm", "COMPETENCY_TYPES", "ASSESSMENT_METHODS", "ASSESSMENT_COLUMNS",
    "JPM_CATEGORIES", "POSITION_KINDS",
]

PathLike = cv.PathLike

#: Competency types (PermenPANRB 38/2017 Pasal 4).
COMPETENCY_TYPES: Tuple[str, ...] = tuple(_core.COMPETENCY_TYPES)
#: How a level was assessed.
ASSESSMENT_METHODS: Tuple[str, ...] = tuple(_core.ASSESSMENT_METHODS)
#: The columns of an assessment table (CSV or DataFrame), all required.
ASSESSMENT_COLUMNS: Tuple[str, ...] = ("nip", "competency", "level", "date", "method")
#: JPM categories: optimal / cukup_optimal / kurang_optimal (mapping), ms / mms / kms (selection).
JPM_CATEGORIES: Tuple[str, ...] = tuple(_core.JPM_CATEGORIES)
#: Position kinds a default standard is given for: the six non-fungsional classes, then the eight
#: fungsional jenjang.
POSITION_KINDS: Tuple[str, ...] = tuple(_core.POSITION_KINDS)
_POTENTIAL: Tuple[str, ...] = tuple(_core.APPRAISAL_ENUMS["potential"])
_CLASSES: List[str] = ENUM_FIELDS["position_class"]
_LEVELS: List[str] = ENUM_FIELDS["position_level"]


# ---- framework ---------------------------------------------------------------------------------

class CompetencyFramework:
    """An ordered set of competencies with unique codes; a competency's position here is its
    column in every level matrix.

    Make one with :meth:`builtin` (M.01-M.08 and SK.01 Perekat Bangsa), :meth:`from_json`,
    :meth:`from_csv` / :meth:`from_frame` (columns ``code, name, type`` and optionally
    ``level_1``..``level_5``), or start empty and :meth:`add` competencies. A framework given to
    :class:`PositionStandards` or :class:`Assessments` is copied: later changes do not reach them.
    """

    __slots__ = ("_f",)

    def __init__(self) -> None:
        self._f = _core.CompetencyFramework()

    @classmethod
    def _wrap(cls, core: "_core.CompetencyFramework") -> "CompetencyFramework":
        obj = cls.__new__(cls)
        obj._f = core
        return obj

    @classmethod
    def builtin(cls) -> "CompetencyFramework":
        """The eight managerial competencies of PermenPANRB 38/2017 Lampiran II and the sosial
        kultural competency Perekat Bangsa (coded ``SK.01`` by penata)."""
        return cls._wrap(_core.CompetencyFramework.builtin())

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "CompetencyFramework":
        """Parses a framework (JSON format 1, docs/schema.md); ValidationError names the JSON path."""
        return cls._wrap(_core.CompetencyFramework.from_json(text.decode("utf-8") if isinstance(text, bytes) else text))

    @classmethod
    def from_file(cls, path: PathLike) -> "CompetencyFramework":
        """Reads a framework from a ``.json`` or ``.csv`` file."""
        text = cv.read_text(path, "competency framework")
        if os.fspath(path).lower().endswith(".csv"):
            return cls._wrap(_core.CompetencyFramework.from_csv(text))
        return cls.from_json(text)

    @classmethod
    def from_csv(cls, path: PathLike) -> "CompetencyFramework":
        """Reads a framework CSV file (columns ``code, name, type[, level_1..level_5]``)."""
        return cls._wrap(_core.CompetencyFramework.from_csv(cv.read_text(path, "competency framework")))

    @classmethod
    def from_frame(cls, df: pd.DataFrame) -> "CompetencyFramework":
        """A framework from a DataFrame with the CSV columns; issues name the frame's index labels."""
        text = df.to_csv(index=False, lineterminator="\n")
        with cv.RowsAsLabels(df.index):
            return cls._wrap(_core.CompetencyFramework.from_csv(text))

    def to_json(self, indent: int = 2) -> str:
        return self._f.to_json(int(indent))

    def to_csv(self, path: Optional[PathLike] = None) -> Optional[str]:
        """The framework as CSV text, or written to ``path``."""
        text = self._f.to_csv()
        if path is None:
            return text
        cv.write_text(path, text, "competency framework")
        return None

    def to_frame(self) -> pd.DataFrame:
        """One row per competency: code (index), name, type, level_1..level_5."""
        items = [self._f.item(i) for i in range(len(self._f))]
        out = pd.DataFrame({"name": [c["name"] for c in items],
                            "type": pd.Categorical([c["type"] for c in items], categories=list(COMPETENCY_TYPES))},
                           index=pd.Index([c["code"] for c in items], name="code"))
        for lv in range(5):
            out[f"level_{lv + 1}"] = [c["levels"][lv] for c in items]
        return out

    def add(self, code: str, name: str, type: str = "teknis", levels: Sequence[str] = ()) -> int:
        """Appends a competency (validated: code, name, type); returns its column index."""
        return int(self._f.add(str(code), str(name), str(type), [str(x) for x in levels]))

    @property
    def codes(self) -> List[str]:
        return list(self._f.codes())

    @property
    def types(self) -> pd.Series:
        """The type of each competency, indexed by code."""
        return pd.Series(pd.Categorical.from_codes(self._f.types().astype(np.int16), categories=list(COMPETENCY_TYPES)),
                         index=pd.Index(self.codes, name="code"), name="type")

    def __len__(self) -> int:
        return len(self._f)

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self._f.find(code) is not None

    def __getitem__(self, code: str) -> Dict[str, Any]:
        """The competency with this code: a dict of code, name, type, levels."""
        i = self._f.find(str(code))
        if i is None:
            raise KeyError(code)
        return self._f.item(i)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CompetencyFramework):
            return NotImplemented
        return self._f == other._f

    def __hash__(self) -> int:
        return hash(self.to_json(-1))

    def __reduce__(self):
        return (CompetencyFramework.from_json, (self.to_json(-1),))

    def __repr__(self) -> str:
        codes = self.codes
        shown = ", ".join(codes[:10]) + (", \u2026" if len(codes) > 10 else "")
        return f"<penata.CompetencyFramework: {len(codes)} competencies ({shown})>"

    def _repr_html_(self) -> str:
        return self.to_frame()[["name", "type"]].to_html()


def _framework(framework: Optional[CompetencyFramework]) -> CompetencyFramework:
    if framework is None:
        return CompetencyFramework.builtin()
    if not isinstance(framework, CompetencyFramework):
        raise TypeError(f"framework must be a CompetencyFramework, not {type(framework).__name__}")
    return framework


# ---- position standards ---------------------------------------------------------------------------

class PositionStandards:
    """Standar kompetensi jabatan: the required level (1-5, or 0 = not required) of every
    competency of a framework for each position.

    Defaults are given per competency type and position kind (:data:`POSITION_KINDS`); the
    built-in defaults for manajerial and sosial kultural follow ASN-RULES.md 3.1, a convention
    tagged MEMORY/UNCERTAIN there (see :attr:`notes`), and teknis defaults are 0 (a teknis standard
    is set per position). A position name (the workforce's ``position_name``) can override any
    competency's level.

    Args:
        framework: the competencies (default :meth:`CompetencyFramework.builtin`).
        overrides: per position name, e.g. ``{"Analis Kebijakan Ahli Muda": {"T.01": 3}}``, or a
            DataFrame with columns ``position_name, competency, level``.
    """

    __slots__ = ("_s",)

    def __init__(self, framework: Optional[CompetencyFramework] = None, *,
                 overrides: Union[None, Mapping[str, Mapping[str, int]], pd.DataFrame] = None) -> None:
        self._s = _core.PositionStandards(_framework(framework)._f)
        if overrides is not None:
            self.add_overrides(overrides)

    @classmethod
    def _wrap(cls, core: "_core.PositionStandards") -> "PositionStandards":
        obj = cls.__new__(cls)
        obj._s = core
        return obj

    @classmethod
    def from_json(cls, text: Union[str, bytes], framework: Optional[CompetencyFramework] = None) -> "PositionStandards":
        """Parses standards (JSON format 1, docs/schema.md) over ``framework`` (default built-in)."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls._wrap(_core.PositionStandards.from_json(_framework(framework)._f, text))

    @classmethod
    def from_file(cls, path: PathLike, framework: Optional[CompetencyFramework] = None) -> "PositionStandards":
        return cls.from_json(cv.read_text(path, "position standards"), framework)

    def to_json(self, indent: int = 2) -> str:
        return self._s.to_json(int(indent))

    @property
    def framework(self) -> CompetencyFramework:
        return CompetencyFramework._wrap(self._s.framework)

    @property
    def notes(self) -> Dict[str, str]:
        """Notes on figures keyed by JSON path, each with its ASN-RULES.md confidence tag."""
        return dict(self._s.notes)

    @property
    def defaults(self) -> pd.DataFrame:
        """Default required levels: competency type (rows) x position kind (columns)."""
        return pd.DataFrame(self._s.defaults(), index=pd.Index(COMPETENCY_TYPES, name="type"),
                            columns=pd.Index(POSITION_KINDS, name="position_kind"))

    def set_default(self, type: str, position_kind: str, level: int) -> None:
        """Sets the default level (0..5) of a competency type for a position kind."""
        if position_kind not in POSITION_KINDS:
            raise ValidationError.from_issues([{"row": -1, "field": "position_kind", "value": str(position_kind),
                                                "rule": "standards.position",
                                                "message": "must be one of " + "|".join(POSITION_KINDS)}])
        self._s.set_default(str(type), POSITION_KINDS.index(position_kind), _level(level, "level"))

    def set_override(self, position_name: str, code: str, level: int) -> None:
        """Sets the required level (0..5; 0 = not required) of ``code`` for ``position_name``."""
        self._s.set_override(str(position_name), str(code), _level(level, "level"))

    def add_overrides(self, overrides: Union[Mapping[str, Mapping[str, int]], pd.DataFrame, PathLike]) -> None:
        """Adds overrides from a mapping, a DataFrame or a CSV file (``position_name, competency,
        level``). All or none: a bad row raises ValidationError naming it, and nothing is set."""
        if isinstance(overrides, pd.DataFrame):
            if "level" in overrides.columns:  # 3.0 (a float column) is level 3; 2.5 is refused
                overrides = overrides.assign(level=cv.whole_numbers(overrides["level"], "level", "standards.level",
                                                          "a required level must be 0..5", 0, 5, overrides.index))
            text = overrides.to_csv(index=False, lineterminator="\n")
            copy = _core.PositionStandards.from_json(self._s.framework, self._s.to_json(-1))
            with cv.RowsAsLabels(overrides.index):
                copy.add_overrides_csv(text)
            self._s = copy
            return
        if isinstance(overrides, (str, os.PathLike)):
            copy = _core.PositionStandards.from_json(self._s.framework, self._s.to_json(-1))
            copy.add_overrides_csv(cv.read_text(overrides, "position standards"))
            self._s = copy
            return
        copy = _core.PositionStandards.from_json(self._s.framework, self._s.to_json(-1))
        for position, levels in overrides.items():
            for code, level in levels.items():
                copy.set_override(str(position), str(code), _level(level, f"{position}.{code}"))
        self._s = copy

    @property
    def overrides(self) -> pd.DataFrame:
        """The overrides: position_name, competency, level."""
        rows = [(p, c, lv) for p, levels in self._s.overrides().items() for c, lv in levels.items()]
        return pd.DataFrame(rows, columns=["position_name", "competency", "level"]).astype({"level": np.uint8})

    def required(self, position: str, position_name: str = "") -> pd.Series:
        """Required levels (indexed by code) of a position kind (e.g. ``"administrator"``,
        ``"ahli_muda"``), with the overrides of ``position_name`` if given."""
        cls_code, lvl_code = _kind_codes(position)
        return pd.Series(np.asarray(self._s.required(cls_code, lvl_code, str(position_name)), dtype=np.uint8),
                         index=pd.Index(self.framework.codes, name="code"), name="required")

    def required_matrix(self, workforce: Any, rows: Any = None) -> pd.DataFrame:
        """Required levels of the employees (rows ``rows`` of ``workforce``, all when None):
        a DataFrame nip x competency code."""
        rows_arr = None if rows is None else np.ascontiguousarray(rows, dtype=np.uint32)
        m = self._s.required_matrix(workforce._wf, rows_arr)
        nips = workforce.column("nip") if rows_arr is None else workforce.column("nip")[rows_arr]
        return pd.DataFrame(m, index=cv.nip_texts(nips), columns=pd.Index(self.framework.codes, name="competency"),
                            copy=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PositionStandards):
            return NotImplemented
        return self._s.framework == other._s.framework and self.to_json(-1) == other.to_json(-1)

    def __reduce__(self):
        return (_standards_from_json, (self._s.framework.to_json(-1), self.to_json(-1)))

    def __repr__(self) -> str:
        return (f"<penata.PositionStandards {self._s.name!r}: {len(self._s.framework)} competencies, "
                f"{len(self._s.overrides())} position override(s), {len(self._s.notes)} note(s)>")

    def _repr_html_(self) -> str:
        return "<p><b>penata.PositionStandards</b> default levels</p>" + self.defaults.to_html()


def _standards_from_json(framework_json: str, text: str) -> PositionStandards:
    return PositionStandards.from_json(text, CompetencyFramework.from_json(framework_json))


def _level(value: Any, field: str) -> int:
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = float("nan")
    if not np.isfinite(v) or v != int(v) or not 0 <= v <= 5 or isinstance(value, (bool, np.bool_)):
        raise ValidationError.from_issues([{"row": -1, "field": field, "value": str(value)[:200],
                                            "rule": "standards.level", "message": "a required level must be 0..5"}])
    return int(v)


def _kind_codes(position: str) -> Tuple[int, int]:
    """(position_class, position_level) codes of a position kind name."""
    if position in _CLASSES and position != "fungsional":
        return _CLASSES.index(position), 0
    if position in _LEVELS and position:
        return _CLASSES.index("fungsional"), _LEVELS.index(position)
    raise ValidationError.from_issues([{"row": -1, "field": "position", "value": str(position)[:200],
                                        "rule": "standards.position",
                                        "message": "must be a position kind: " + "|".join(POSITION_KINDS)}])


# ---- assessments ----------------------------------------------------------------------------------

class Assessments:
    """An append-only history of assessed competency levels: per employee and competency a level
    1-5, a date and a method (assessment_centre, uji_kompetensi, self, supervisor). Records are
    never overwritten; analysis uses the latest record on or before a chosen date.

    Make one with :meth:`from_frame` / :meth:`from_csv` (columns :data:`ASSESSMENT_COLUMNS`) or
    start empty over a framework and :meth:`add` batches. Each batch is all or nothing: every bad
    record is reported in one ValidationError (row, field, value, rule): an unknown competency
    code, a level outside 1..5, an unknown method, a date after ``today``, or a second record of
    the same employee, competency and date.
    """

    __slots__ = ("_a",)

    def __init__(self, framework: Optional[CompetencyFramework] = None) -> None:
        self._a = _core.Assessments(_framework(framework)._f)

    @classmethod
    def _wrap(cls, core: "_core.Assessments") -> "Assessments":
        obj = cls.__new__(cls)
        obj._a = core
        return obj

    @classmethod
    def from_frame(cls, df: pd.DataFrame, framework: Optional[CompetencyFramework] = None,
                   today: Any = None) -> "Assessments":
        """A history from a DataFrame with the columns ``nip, competency, level, date, method``.
        ``today`` (default: the current date) is the latest allowed assessment date."""
        out = cls(framework)
        out.add(df, today=today)
        return out

    @classmethod
    def from_csv(cls, path: PathLike, framework: Optional[CompetencyFramework] = None,
                 today: Any = None) -> "Assessments":
        """A history from a CSV file (columns ``nip, competency, level, date, method``, any
        order, dates YYYY-MM-DD); issues name the CSV data row."""
        out = cls(framework)
        out._a.add_csv(cv.read_text(path, "assessments"), cv.today() if today is None else cv.day(today, "today"))
        return out

    def add(self, df: pd.DataFrame, today: Any = None) -> None:
        """Appends the records of a DataFrame (columns :data:`ASSESSMENT_COLUMNS`; extra columns
        are refused). Issues name the frame's index labels."""
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"expected a DataFrame of {', '.join(ASSESSMENT_COLUMNS)}, not {type(df).__name__}")
        missing = [c for c in ASSESSMENT_COLUMNS if c not in df.columns]
        extra = [str(c) for c in df.columns if c not in ASSESSMENT_COLUMNS]
        if missing or extra:
            raise ValidationError.from_issues(
                [{"row": -1, "field": c, "value": "", "rule": "assessment.column_missing",
                  "message": "the assessment table needs this column"} for c in missing] +
                [{"row": -1, "field": c, "value": "", "rule": "assessment.column_unknown",
                  "message": "not an assessment column (" + ", ".join(ASSESSMENT_COLUMNS) + ")"} for c in extra])
        index = df.index
        codes = self.framework.codes
        issues: List[Dict[str, Any]] = []

        def checked(convert):  # runs one column's check, keeping its issues for the single error
            try:
                return convert()
            except ValidationError as e:
                issues.extend(e.issues)
                return None

        def competency() -> np.ndarray:
            raw = np.asarray(cv.raw(df["competency"]), dtype=object)
            comp = pd.Index(codes).get_indexer(raw) if len(codes) else np.full(len(df), -1)
            if (comp < 0).any():
                cv.raise_issues(comp < 0, raw, index, "competency", "assessment.competency",
                              "unknown competency code (not in the framework)")
            return comp

        def method() -> np.ndarray:
            raw = np.asarray(cv.raw(df["method"]), dtype=object)
            m = pd.Index(list(ASSESSMENT_METHODS)).get_indexer(raw)
            if (m < 0).any():
                cv.raise_issues(m < 0, raw, index, "method", "assessment.method", "must be " + "|".join(ASSESSMENT_METHODS))
            return m

        nip = checked(lambda: cv.nips(df["nip"], "nip", index))
        comp = checked(competency)
        level = checked(lambda: cv.whole_numbers(df["level"], "level", "assessment.level", "a competency level must be 1..5",
                                       1, 5, index))
        date = checked(lambda: cv.dates(df["date"], index, "date", "assessment.date"))
        meth = checked(method)
        if issues:
            raise ValidationError.from_issues(issues)
        with cv.RowsAsLabels(index):
            self._a.add_columns(nip, comp.astype(np.uint16), level.astype(np.uint8), date, meth.astype(np.uint8),
                                cv.today() if today is None else cv.day(today, "today"))

    def add_csv(self, path: PathLike, today: Any = None) -> None:
        """Appends the records of a CSV file (all or none)."""
        self._a.add_csv(cv.read_text(path, "assessments"), cv.today() if today is None else cv.day(today, "today"))

    @property
    def framework(self) -> CompetencyFramework:
        return CompetencyFramework._wrap(self._a.framework)

    def __len__(self) -> int:
        return len(self._a)

    def to_frame(self) -> pd.DataFrame:
        """The history, one row per record in the order added: nip (text), competency, level,
        date, method."""
        c = self._a.columns()
        codes = self.framework.codes
        return pd.DataFrame({
            "nip": pd.array(c["nip"].astype("U18"), dtype="str") if len(c["nip"]) else pd.array([], dtype="str"),
            "competency": pd.Categorical.from_codes(c["competency"].astype(np.int32), categories=codes),
            "level": c["level"],
            "date": c["date"].astype(np.int64).astype("datetime64[D]").astype("datetime64[ns]"),
            "method": pd.Categorical.from_codes(c["method"].astype(np.int16), categories=list(ASSESSMENT_METHODS)),
        })

    def to_csv(self, path: Optional[PathLike] = None) -> Optional[str]:
        text = self._a.to_csv()
        if path is None:
            return text
        cv.write_text(path, text, "assessments")
        return None

    def latest(self, workforce: Any, as_of: Any = None, rows: Any = None) -> pd.DataFrame:
        """The latest level of each employee and competency on or before ``as_of`` (default
        today): a DataFrame nip x code with pandas' nullable UInt8 (NA = no assessment)."""
        rows_arr = None if rows is None else np.ascontiguousarray(rows, dtype=np.uint32)
        m = self._a.latest(workforce._wf, cv.today() if as_of is None else cv.day(as_of), rows_arr)
        nips = workforce.column("nip") if rows_arr is None else workforce.column("nip")[rows_arr]
        return _masked_frame(m, m == 0, cv.nip_texts(nips), self.framework.codes, "UInt8")

    def copy(self) -> "Assessments":
        return Assessments._wrap(self._a.copy())

    def __reduce__(self):
        from .archive import _restore
        return (_restore, (_core.save_bytes([("assessments", self._a)], "binary"),))

    def __repr__(self) -> str:
        return f"<penata.Assessments: {len(self)} records over {len(self._a.framework)} competencies>"


def _masked_frame(values: np.ndarray, mask: np.ndarray, index: pd.Index, codes: List[str], dtype: str) -> pd.DataFrame:
    """A DataFrame of nullable integer columns (NA where ``mask``) from a C-order matrix."""
    cols = {}
    np_dtype = np.uint8 if dtype == "UInt8" else np.int8
    for j, c in enumerate(codes):
        cols[c] = pd.arrays.IntegerArray(np.ascontiguousarray(values[:, j], dtype=np_dtype),
                                         np.ascontiguousarray(mask[:, j]))
    out = pd.DataFrame(cols, index=index, copy=False)
    out.columns.name = "competency"
    return out


# ---- gap rules -------------------------------------------------------------------------------------

class GapRules:
    """The rules of gap analysis, as validated data (docs/rules.md): cap at standard, teknis
    weights by jenjang, the JPM category scheme (``mapping``: optimal >= 90, cukup_optimal 78-<90,
    kurang_optimal < 78; ``selection``: ms >= 80, mms 68-<80, kms < 68), the missing-assessment
    policy (``exclude`` and report, or ``refuse``), potential bands on JPM, the 20 JP training rule
    and the golongan range of each position kind. Figures tagged MEMORY/UNCERTAIN carry a note.
    """

    __slots__ = ("_g",)

    def __init__(self) -> None:  # pragma: no cover - use the constructors
        raise TypeError("use GapRules.builtin(), GapRules.from_json(text) or GapRules.from_file(path)")

    @classmethod
    def _wrap(cls, core: "_core.GapRules") -> "GapRules":
        obj = cls.__new__(cls)
        obj._g = core
        return obj

    @classmethod
    def builtin(cls) -> "GapRules":
        return cls._wrap(_core.GapRules.builtin())

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "GapRules":
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls._wrap(_core.GapRules.from_json(text))

    @classmethod
    def from_file(cls, path: PathLike) -> "GapRules":
        return cls.from_json(cv.read_text(path, "gap rules"))

    def to_json(self, indent: int = 2) -> str:
        return self._g.to_json(int(indent))

    def replace(self, **changes: Any) -> "GapRules":
        """A copy with top-level settings changed (validated): ``cap_at_standard``, ``scheme``,
        ``missing``, ``training_min_hours``, ``name`` ..., e.g. ``rules.replace(scheme="selection")``."""
        import json

        d = json.loads(self.to_json(-1))
        for k, v in changes.items():
            if k not in d or k.startswith("penata_"):
                raise ValueError(f"'{k}' is not a gap-rules setting; settings: " +
                                 ", ".join(x for x in d if not x.startswith("penata_")))
            d[k] = v
        return GapRules.from_json(json.dumps(d))

    name = property(lambda self: self._g.name)
    regulation = property(lambda self: self._g.regulation)
    version = property(lambda self: self._g.version)
    cap_at_standard = property(lambda self: bool(self._g.cap_at_standard))
    scheme = property(lambda self: self._g.scheme)
    missing = property(lambda self: self._g.missing)
    training_min_hours = property(lambda self: float(self._g.training_min_hours))

    @property
    def notes(self) -> Dict[str, str]:
        return dict(self._g.notes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GapRules):
            return NotImplemented
        return self.to_json(-1) == other.to_json(-1)

    def __hash__(self) -> int:
        return hash(self.to_json(-1))

    def __reduce__(self):
        return (GapRules.from_json, (self.to_json(-1),))

    def __repr__(self) -> str:
        return (f"<penata.GapRules {self.name!r}: scheme {self.scheme}, cap_at_standard {self.cap_at_standard}, "
                f"missing {self.missing}, {self.training_min_hours:g} JP; {len(self.notes)} note(s)>")


def _rules(rules: Union[None, GapRules, PathLike], changes: Dict[str, Any]) -> GapRules:
    if rules is None:
        rs = GapRules.builtin()
    elif isinstance(rules, GapRules):
        rs = rules
    elif isinstance(rules, (str, os.PathLike)):
        rs = GapRules.from_file(rules)
    else:
        raise TypeError(f"rules must be a GapRules or a JSON file path, not {type(rules).__name__}")
    changes = {k: v for k, v in changes.items() if v is not None}
    return rs.replace(**changes) if changes else rs


def _standards(standards: Optional[PositionStandards], assessments: Assessments) -> PositionStandards:
    if standards is None:
        return PositionStandards(assessments.framework)
    if not isinstance(standards, PositionStandards):
        raise TypeError(f"standards must be a PositionStandards, not {type(standards).__name__}")
    return standards


def _selection(workforce: Any, unit: Optional[str], include_subunits: bool, rows: Any) -> Optional[np.ndarray]:
    if unit is not None and rows is not None:
        raise ValueError("give unit= or rows=, not both")
    if unit is not None:
        return np.ascontiguousarray(workforce.select_unit(str(unit), include_subunits), dtype=np.uint32)
    if rows is not None:
        return np.ascontiguousarray(rows, dtype=np.uint32)
    return None


# ---- gap analysis -----------------------------------------------------------------------------------

class GapResult:
    """Gaps and Job Person Match of the analysed employees (see :func:`gap_analysis`).

    Matrices are shared with the core without copying: :attr:`gap_matrix` is the raw int8
    employees x competencies array (``penata.competency.NO_GAP`` where a competency is not
    required or not assessed); :attr:`gaps`, :attr:`achieved` and :attr:`required` are
    heatmap-ready DataFrames (nip x code, nullable integers, NA where there is no value).
    """

    __slots__ = ("_r", "_wf", "_rules", "_as_of", "_framework", "_tna")

    def __init__(self, core: "_core.GapResult", workforce: Any, rules: GapRules, as_of: int,
                 framework: CompetencyFramework) -> None:
        from .workforce import Workforce

        # The workforce as analysed: a second handle on the same data, so that a later change to
        # `workforce` copies first and leaves this result's rows, NIPs and units as they were.
        snapshot = Workforce._wrap(workforce._wf.share())
        self._r, self._wf, self._rules, self._as_of, self._framework = core, snapshot, rules, as_of, framework
        self._tna: Optional[Dict[str, Any]] = None

    def _training_needs(self) -> Dict[str, Any]:
        """The core's training-needs tables, computed once (the result and its workforce are fixed)."""
        if self._tna is None:
            self._tna = _core.training_needs(self._wf._wf, self._r, self._rules._g)
        return self._tna

    def __len__(self) -> int:
        return len(self._r)

    @property
    def as_of(self) -> _dt.date:
        return cv.date_of(self._as_of)

    @property
    def rules(self) -> GapRules:
        return self._rules

    @property
    def codes(self) -> List[str]:
        return list(self._r.codes)

    @property
    def rows(self) -> np.ndarray:
        """Workforce rows of the analysed employees (read-only, zero-copy)."""
        return self._r.rows

    @property
    def index(self) -> pd.Index:
        return cv.nip_texts(self._r.nip)

    @property
    def gap_matrix(self) -> np.ndarray:
        """achieved - required, int8, employees x competencies (read-only, zero-copy)."""
        return self._r.gaps

    @property
    def gaps(self) -> pd.DataFrame:
        """Signed gaps (achieved - required), nip x code, nullable Int8; NA where the competency is
        not required or not assessed."""
        g = self._r.gaps
        return _masked_frame(g, g == _core.NO_GAP, self.index, self.codes, "Int8")

    @property
    def achieved(self) -> pd.DataFrame:
        """The latest assessed levels as of the date, nip x code (NA = none)."""
        a = self._r.achieved
        return _masked_frame(a, a == 0, self.index, self.codes, "UInt8")

    @property
    def required(self) -> pd.DataFrame:
        """The required levels, nip x code (NA = not required)."""
        r = self._r.required
        return _masked_frame(r, r == 0, self.index, self.codes, "UInt8")

    @property
    def jpm(self) -> pd.Series:
        """Job Person Match in percent, by nip; NaN for excluded employees (see :attr:`missing`)."""
        return pd.Series(np.array(self._r.jpm), index=self.index, name="jpm")

    @property
    def jpm_category(self) -> pd.Series:
        """The JPM category under the rules' scheme (NaN for excluded employees)."""
        c = self._r.category.astype(np.int16)
        c[c == _core.NO_CATEGORY] = -1
        return pd.Series(pd.Categorical.from_codes(c, categories=list(JPM_CATEGORIES)), index=self.index,
                         name="jpm_category")

    @property
    def potential(self) -> pd.Series:
        """The JPM-based potential (rendah|menengah|tinggi; the talent-box potential axis)."""
        c = _core.potential_from_gaps(self._r, self._rules._g).astype(np.int16)
        c[c == _core.NO_CATEGORY] = -1
        return pd.Series(pd.Categorical.from_codes(c, categories=list(_POTENTIAL)), index=self.index,
                         name="potential")

    @property
    def missing(self) -> pd.DataFrame:
        """Employees left out of the JPM and why: nip, row, unit_code, competencies, reason."""
        m = self._r.missing
        units = np.array(self._wf._wf.unit_codes(), dtype=object)
        unit_codes = units[self._wf.column("unit_code")[m["row"]]] if len(m["row"]) else np.array([], dtype=object)
        return pd.DataFrame({"nip": pd.array(m["nip"].astype("U18"), dtype="str"),
                             "row": m["row"].astype(np.int64),
                             "unit_code": pd.array(unit_codes, dtype="str"),
                             "competencies": [", ".join(c) for c in m["competencies"]],
                             "reason": pd.array(m["reason"], dtype="str")})

    def to_frame(self, gaps: bool = True) -> pd.DataFrame:
        """One row per analysed employee: nip, unit_code, position_class, position_level,
        position_name, jpm, jpm_category, potential, missing (required competencies not assessed)
        and, with ``gaps``, one ``gap_<code>`` column per competency."""
        rows = np.asarray(self._r.rows, dtype=np.int64)
        wf = self._wf.to_frame(rows)
        out = pd.DataFrame({"nip": wf["nip"].to_numpy(), "unit_code": wf["unit_code"].to_numpy(),
                            "position_class": wf["position_class"].to_numpy(),
                            "position_level": wf["position_level"].to_numpy(),
                            "position_name": wf["position_name"].to_numpy()})
        out["jpm"] = np.array(self._r.jpm)
        out["jpm_category"] = self.jpm_category.array
        out["potential"] = self.potential.array
        req_missing = (np.asarray(self._r.required) > 0) & (np.asarray(self._r.achieved) == 0)
        out["missing"] = req_missing.sum(axis=1).astype(np.int64)
        if gaps:
            g = self.gaps
            for c in self.codes:
                out[f"gap_{c}"] = g[c].array  # nullable Int8: NA where there is no gap
        return out

    def by_unit(self, include_empty: bool = False) -> pd.DataFrame:
        """Training needs per unit (with its sub-units) x competency: required (employees whose
        position requires it), assessed, mean_gap, share_below (standard), need_1/need_2/need_3
        (levels to gain; need_3 counts three or more), and the unit's 20 JP training compliance
        (training_employees, training_compliant, training_share). Rows: units in tree order, then
        competencies in framework order; ``include_empty`` keeps cells nobody requires."""
        t = self._training_needs()
        units = self._wf._wf.units
        ucodes, unames = np.array(units.codes(), dtype=object), np.array(units.names(), dtype=object)
        codes = np.array(self.codes, dtype=object)
        names = np.array([self._framework[c]["name"] for c in self.codes], dtype=object)
        r = t["rows"]
        out = pd.DataFrame({
            "unit_code": ucodes[r["unit"]] if len(r["unit"]) else np.array([], dtype=object),
            "unit_name": unames[r["unit"]] if len(r["unit"]) else np.array([], dtype=object),
            "competency": codes[r["competency"]] if len(r["competency"]) else np.array([], dtype=object),
            "competency_name": names[r["competency"]] if len(r["competency"]) else np.array([], dtype=object),
            "required": r["required"].astype(np.int64), "assessed": r["assessed"].astype(np.int64),
            "mean_gap": r["mean_gap"], "share_below": r["share_below"],
            "need_1": r["need_1"].astype(np.int64), "need_2": r["need_2"].astype(np.int64),
            "need_3": r["need_3"].astype(np.int64)})
        if include_empty:
            full = pd.MultiIndex.from_product([list(ucodes), list(codes)], names=["unit_code", "competency"])
            out = out.set_index(["unit_code", "competency"]).reindex(full).reset_index()
            out["unit_name"] = out["unit_code"].map(dict(zip(ucodes, unames)))
            out["competency_name"] = out["competency"].map(dict(zip(codes, names)))
            for c in ("required", "assessed", "need_1", "need_2", "need_3"):
                out[c] = out[c].fillna(0).astype(np.int64)
        tr = self.training_compliance()
        out = out.merge(tr[["employees", "compliant", "share"]].rename(columns=lambda c: f"training_{c}"),
                        left_on="unit_code", right_index=True, how="left")
        return out.reset_index(drop=True)

    def training_compliance(self) -> pd.DataFrame:
        """The 20 JP rule per unit (with sub-units): employees, compliant (training_hours >=
        the rules' minimum), share; indexed by unit_code."""
        t = self._training_needs()["training"]
        units = self._wf._wf.units
        ucodes, unames = np.array(units.codes(), dtype=object), np.array(units.names(), dtype=object)
        return pd.DataFrame({"unit_name": unames[t["unit"]] if len(t["unit"]) else np.array([], dtype=object),
                             "employees": t["employees"].astype(np.int64),
                             "compliant": t["compliant"].astype(np.int64), "share": t["share"]},
                            index=pd.Index(ucodes[t["unit"]] if len(t["unit"]) else np.array([], dtype=object),
                                           name="unit_code"))

    def largest_gaps(self, n: int = 3) -> pd.DataFrame:
        """The ``n`` competencies with the most negative mean gap of each unit (ties in framework
        order; competencies without a gap are left out)."""
        tna = self.by_unit()
        below = tna[tna["mean_gap"] < 0]
        order = {u: i for i, u in enumerate(dict.fromkeys(tna["unit_code"]))}  # tree order
        ranked = below.assign(_unit=below["unit_code"].map(order)).sort_values(["_unit", "mean_gap"], kind="stable")
        return ranked.groupby("_unit", sort=False).head(int(n)).drop(columns="_unit").reset_index(drop=True)

    def jpm_distribution(self) -> pd.DataFrame:
        """Employees per JPM category (and excluded), with shares of the analysed employees."""
        cat = self.jpm_category
        counts = cat.value_counts(sort=False).reindex(self._scheme_categories(), fill_value=0)
        counts.loc["excluded"] = int(cat.isna().sum())
        out = counts.rename("employees").to_frame()
        out["share"] = out["employees"] / max(len(self), 1)
        out.index.name = "jpm_category"
        return out

    def _scheme_categories(self) -> List[str]:
        return list(JPM_CATEGORIES[:3] if self._rules.scheme == "mapping" else JPM_CATEGORIES[3:])

    def __repr__(self) -> str:
        try:
            jpm = np.asarray(self._r.jpm)
            ok = np.isfinite(jpm)
            mean = f"{jpm[ok].mean():.1f}" if ok.any() else "-"
            return (f"<penata.GapResult: {len(self)} employees x {len(self.codes)} competencies as of {self.as_of}; "
                    f"mean JPM {mean}; {int((~ok).sum())} excluded>")
        except Exception:  # a repr never raises
            return "<penata.GapResult>"

    def _repr_html_(self) -> str:
        try:
            return (f"<p>{html.escape(repr(self))}</p>" + self.jpm_distribution().to_html())
        except Exception:
            return "<pre>" + html.escape(repr(self)) + "</pre>"


def gap_analysis(workforce: Any, assessments: Assessments, standards: Optional[PositionStandards] = None,
                 rules: Union[None, GapRules, PathLike] = None, *, as_of: Any = None, unit: Optional[str] = None,
                 include_subunits: bool = True, rows: Any = None, cap_at_standard: Optional[bool] = None,
                 scheme: Optional[str] = None, missing: Optional[str] = None) -> GapResult:
    """Gaps and Job Person Match of every employee (or of ``unit`` / ``rows``) against the
    standard of their own position, using the latest assessments on or before ``as_of``.

    Args:
        workforce: a :class:`penata.Workforce`.
        assessments: an :class:`Assessments` history.
        standards: :class:`PositionStandards` over the same framework (default: the built-in
            defaults over the assessments' framework).
        rules: :class:`GapRules` or a JSON file (default :meth:`GapRules.builtin`);
            ``cap_at_standard``, ``scheme`` and ``missing`` override its settings.
        as_of: the analysis date (default today).

    Under ``missing="exclude"`` an employee lacking an assessment of a required competency is
    left out of the JPM and listed in :attr:`GapResult.missing`; under ``"refuse"`` the analysis
    raises ValidationError listing every missing cell. A missing assessment never counts as zero
    nor as meeting the standard.
    """
    if not isinstance(assessments, Assessments):
        raise TypeError(f"assessments must be an Assessments, not {type(assessments).__name__}")
    rs = _rules(rules, {"cap_at_standard": cap_at_standard, "scheme": scheme, "missing": missing})
    st = _standards(standards, assessments)
    day = cv.today() if as_of is None else cv.day(as_of)
    sel = _selection(workforce, unit, include_subunits, rows)
    core = _core.gap_analysis(workforce._wf, assessments._a, st._s, rs._g, day, sel)
    return GapResult(core, workforce, rs, day, st.framework)


def rank_candidates(workforce: Any, assessments: Assessments, position: Union[str, Mapping[str, Any]],
                    standards: Optional[PositionStandards] = None, rules: Union[None, GapRules, PathLike] = None,
                    *, as_of: Any = None, unit: Optional[str] = None, include_subunits: bool = True,
                    employment_types: Iterable[str] = ("PNS", "PPPK"), check_golongan: bool = True) -> pd.DataFrame:
    """Ranks employees for a position by Job Person Match against its standard, then by total
    shortfall (sum of levels missing), then NIP.

    Args:
        position: a position kind (``"administrator"``, ``"ahli_muda"``, ... see
            :data:`POSITION_KINDS`), or a mapping with ``position_class``, ``position_level`` and
            optionally ``position_name`` (whose overrides in ``standards`` apply).
        unit: rank only this unit (with ``include_subunits``); default everyone.
        employment_types: which of PNS / PPPK may be candidates.
        check_golongan: PNS only: the golongan must lie in the rules' range for the position kind.

    Returns:
        a DataFrame, eligible candidates first by rank, then the ineligible by NIP: rank (<NA>
        for the ineligible), nip, name, unit_code, golongan, position_class, jpm, shortfall,
        eligible, rule (why ineligible: rank.employment_type, rank.golongan,
        rank.missing_assessment) and reason.
    """
    if not isinstance(assessments, Assessments):
        raise TypeError(f"assessments must be an Assessments, not {type(assessments).__name__}")
    if isinstance(position, str):
        cls_code, lvl_code = _kind_codes(position)
        name = ""
    elif isinstance(position, Mapping):
        unknown = set(position) - {"position_class", "position_level", "position_name"}
        if unknown:
            raise ValueError(f"unknown position key(s) {', '.join(sorted(map(str, unknown)))}")
        pc, pl = str(position.get("position_class", "")), position.get("position_level") or ""
        if pc not in _CLASSES:
            raise ValidationError.from_issues([{"row": -1, "field": "position_class", "value": pc,
                                                "rule": "position_class.known",
                                                "message": "must be one of " + "|".join(_CLASSES)}])
        if pl not in _LEVELS:
            raise ValidationError.from_issues([{"row": -1, "field": "position_level", "value": str(pl),
                                                "rule": "position_level.known",
                                                "message": "must be one of " + "|".join(x for x in _LEVELS if x)}])
        cls_code, lvl_code, name = _CLASSES.index(pc), _LEVELS.index(pl), str(position.get("position_name") or "")
    else:
        raise TypeError("position must be a position kind name or a mapping of position_class, position_level, "
                        "position_name")
    mask = 0
    for t in employment_types:
        if t not in ("PNS", "PPPK"):
            raise ValueError(f"employment type must be PNS or PPPK, not {t!r}")
        mask |= 1 << ("PNS", "PPPK").index(t)
    rs = _rules(rules, {})
    st = _standards(standards, assessments)
    d = _core.rank_candidates(workforce._wf, assessments._a, st._s, rs._g, cls_code, lvl_code, name,
                              cv.today() if as_of is None else cv.day(as_of), "" if unit is None else str(unit),
                              bool(include_subunits), mask, bool(check_golongan))
    parts = []
    for which in ("eligible", "ineligible"):
        c = d[which]
        rows = c["row"].astype(np.int64)
        wf = workforce.to_frame(rows)
        part = pd.DataFrame({
            "rank": pd.array(np.where(c["rank"] > 0, c["rank"], 0).astype(np.int64), dtype="Int64"),
            "nip": wf["nip"].to_numpy(), "name": wf["name"].to_numpy(), "unit_code": wf["unit_code"].to_numpy(),
            "golongan": wf["golongan"].astype(str).to_numpy(), "position_class": wf["position_class"].to_numpy(),
            "jpm": c["jpm"], "shortfall": c["shortfall"].astype(np.int64),
            "eligible": np.full(len(rows), which == "eligible"),
            "rule": pd.array(c["rule"], dtype="str"), "reason": pd.array(c["reason"], dtype="str")})
        if which == "ineligible":
            part["rank"] = pd.array([pd.NA] * len(part), dtype="Int64")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def gaps_and_jpm(achieved: np.ndarray, required: np.ndarray, teknis: Optional[Sequence[bool]] = None, *,
                 position_level: Optional[np.ndarray] = None, rules: Union[None, GapRules, PathLike] = None,
                 cap_at_standard: Optional[bool] = None) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bulk kernel over level matrices, for researchers working on arrays directly.

    ``achieved`` and ``required`` are employees x competencies arrays of levels 0..5 (0 = none;
    uint8 is used in place, other dtypes are converted). ``teknis`` flags the teknis columns (for
    the jenjang weights; default none), ``position_level`` gives each employee's PositionLevel
    code (default: unweighted). Returns ``(gaps, jpm, missing)``: int8 gaps (``NO_GAP`` where the
    competency is not required or not assessed), float64 JPM (NaN when a required competency is
    not assessed or nothing is required) and the uint8 count of required competencies not
    assessed.
    """
    rs = _rules(rules, {"cap_at_standard": cap_at_standard})
    a = _level_matrix(achieved, "achieved")
    r = _level_matrix(required, "required")
    k = a.shape[1] if a.ndim == 2 else 0
    t = np.zeros(k, dtype=np.uint8) if teknis is None else np.asarray(teknis, dtype=np.uint8)
    lv = None if position_level is None else _small_codes(position_level, "position_level", "position_level.known",
                                                          len(_LEVELS) - 1)
    w = np.asarray(_core.gap_rules_weights(rs._g), dtype=np.float64)
    return _core.gap_jpm(a, r, t, lv, w, rs.cap_at_standard)


def _small_codes(values: Any, field: str, rule: str, top: int) -> np.ndarray:
    """uint8 codes 0..top; other dtypes are checked (whole, in range) before the cast, never wrapped."""
    arr = np.asarray(values)
    if arr.dtype == np.uint8:
        return arr
    num = np.asarray(arr, dtype=np.float64) if arr.dtype.kind in "biuf" else np.full(arr.shape, np.nan)
    bad = ~np.isfinite(num) | (num != np.round(num)) | (num < 0) | (num > top)
    if bad.any():
        flat = np.flatnonzero(bad.reshape(-1))[:1000]
        width = arr.shape[1] if arr.ndim == 2 else 1
        raise ValidationError.from_issues([{"row": int(p // width) + 1, "field": field, "value": str(arr.reshape(-1)[p]),
                                            "rule": rule, "message": f"must be a whole number 0..{top}"} for p in flat])
    return num.astype(np.uint8)


def _level_matrix(values: Any, field: str) -> np.ndarray:
    return _small_codes(values, field, f"{field}.range", 5)


#: Gap value of a cell without a gap (not required, or not assessed).
NO_GAP: int = int(_core.NO_GAP)
