"""Performance appraisal and weighted scoring (PermenPANRB 6/2022, PP 30/2019, PP 46/2011,
Peraturan BKN 8/2019, PermenPANRB 3/2020, PermenPANRB 1/2023), vectorised over arrays, Series
and DataFrames. The tables come from a :class:`penata.RuleSet` (see docs/rules.md); the columns
are those of docs/schema.md (appraisal inputs and outputs).

>>> import penata
>>> penata.predikat(["di_atas", "sesuai"], ["sesuai", "di_bawah"]).tolist()
['baik', 'butuh_perbaikan']

Conventions
-----------
* Inputs may be pandas Series, numpy arrays, pandas Categoricals or lists. Texts are the exact
  lower-case names of docs/schema.md (``di_atas``, ``sangat_baik``, ``true``...). Integer arrays
  are taken as the one-byte codes of ``penata.APPRAISAL_ENUMS`` / ``penata.frames.ENUM_FIELDS``
  (the position in those lists), bool arrays as flags.
* Outputs mirror inputs: a Series (or a DataFrame) in gives a Series (DataFrame) out with the
  same index; a numpy array or list in gives a ``pandas.Categorical`` for texts (predikat,
  category) and a numpy array for numbers and boxes. Categoricals keep the memory at one byte a
  value and convert with ``np.asarray(result)`` or ``.tolist()``.
* Bad input raises :class:`penata.ValidationError` listing each bad value (at most 1000) with its
  ``row`` (the index label for a Series/DataFrame, else the 1-based position), ``field`` (the
  column name), ``value`` and ``rule`` (e.g. ``"rating_perilaku.known"``,
  ``"target_time.positive"``). Nothing is clamped or skipped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple, Union

import numpy as np
import pandas as pd

from . import _core
from . import _convert as cv
from .errors import ValidationError
from .rules import APPRAISAL_ENUMS, RuleSet, coerce_rules

if TYPE_CHECKING:  # pragma: no cover
    from .workforce import Workforce

__all__ = [
    "predikat", "skp_score", "skp_task_scores", "prestasi", "pp30", "ip_asn", "talent_box",
    "talent_action", "angka_kredit", "appraise", "reward_list", "coaching_list", "check_distribution",
    "DistributionCheck", "summarise_units", "sample_inputs", "INPUT_COLUMNS", "OUTPUT_COLUMNS",
    "SKP_TASK_COLUMNS",
]

RATINGS: List[str] = APPRAISAL_ENUMS["rating"]
PREDIKAT: List[str] = APPRAISAL_ENUMS["predikat"]
ORG_PREDIKAT: List[str] = APPRAISAL_ENUMS["org_predikat"]
POTENTIAL: List[str] = APPRAISAL_ENUMS["potential"]
IP_ASN_CATEGORIES: List[str] = APPRAISAL_ENUMS["ip_asn_category"]
PRESTASI_BANDS: List[str] = APPRAISAL_ENUMS["prestasi_band"]
_ENUM_FIELDS = {k: list(v) for k, v in _core.ENUM_NAMES.items()}

#: Appraisal input columns (next to the canonical workforce columns) read by :func:`appraise`.
INPUT_COLUMNS = ("rating_hasil_kerja", "rating_perilaku", "predikat", "has_leadership_training",
                 "has_functional_training", "has_seminar", "performance", "potential", "months")
#: Output columns of :func:`appraise`, in order (those whose inputs were not given are left out).
OUTPUT_COLUMNS = ("predikat", "ip_asn", "ip_kualifikasi", "ip_kompetensi", "ip_kinerja", "ip_disiplin",
                  "ip_asn_category", "talent_box", "talent_action", "angka_kredit", "reward", "reward_reason",
                  "coaching", "coaching_reason")
#: Columns of the PP 46/2011 task table (the cost pair is optional).
SKP_TASK_COLUMNS = ("nip", "task", "target_output", "real_output", "target_quality", "real_quality",
                    "target_time", "real_time", "target_cost", "real_cost")

# ---- predikat -----------------------------------------------------------------------------------

def predikat(hasil: Any, perilaku: Any, rules: Union[str, RuleSet] = "permenpanrb-6-2022") -> Any:
    """Predikat kinerja from rating hasil kerja x rating perilaku (PermenPANRB 6/2022 matrix).

    Args:
        hasil, perilaku: ratings ``di_atas|sesuai|di_bawah`` (texts, Categoricals or Rating codes)
            of equal length.
        rules: a RuleSet with a ``predikat_matrix`` section, or its name.

    Returns:
        a Categorical Series (same index as ``hasil``) for a Series, else a ``pandas.Categorical``
        of ``sangat_baik|baik|butuh_perbaikan|kurang|sangat_kurang``.
    """
    rs = coerce_rules(rules)
    index = cv.labels_of(hasil) if cv.labels_of(hasil) is not None else cv.labels_of(perilaku)
    h = cv.codes(hasil, "rating_hasil_kerja", RATINGS, rs.name, index)
    p = cv.codes(perilaku, "rating_perilaku", RATINGS, rs.name, index)
    with cv.RowsAsLabels(index):
        codes = _core.predikat(rs._r, h, p)
    return cv.shaped_like(codes, PREDIKAT, hasil if isinstance(hasil, pd.Series) else perilaku, "predikat")


def pp30(skp: Any, perilaku: Any, innovation: Any = None, multi_rater: bool = False,
         rules: Union[str, RuleSet] = "pp-30-2019") -> pd.DataFrame:
    """PP 30/2019 nilai kinerja (70/30, or 60/40 with ``multi_rater``) and its predikat.
    Returns a DataFrame nilai_kinerja, predikat (index of ``skp`` when a Series)."""
    rs = coerce_rules(rules)
    index = cv.labels_of(skp)
    s = cv.floats(skp, "skp", index)
    b = cv.floats(perilaku, "perilaku", index)
    inn = None if innovation is None else cv.flags(innovation, "innovation", index)
    with cv.RowsAsLabels(index):
        nilai, pred = _core.pp30_scores(rs._r, s, b, inn, bool(multi_rater))
    return pd.DataFrame({"nilai_kinerja": nilai, "predikat": cv.categorical(pred, PREDIKAT)},
                        index=index if index is not None else None)


# ---- PP 46/2011 ----------------------------------------------------------------------------------

def _skp_call(tasks: pd.DataFrame, rules: Union[str, RuleSet]) -> Tuple[Dict[str, np.ndarray], Dict[str, np.ndarray]]:
    if not isinstance(tasks, pd.DataFrame):
        raise TypeError(f"tasks must be a DataFrame, not {type(tasks).__name__}")
    cv.need_columns(tasks, [c for c in SKP_TASK_COLUMNS if c not in ("task", "target_cost", "real_cost")], "skp_score")
    rs = coerce_rules(rules)
    index = tasks.index
    nums = {c: cv.floats(tasks[c], c, index) for c in SKP_TASK_COLUMNS[2:8]}
    has_cost = "target_cost" in tasks.columns or "real_cost" in tasks.columns
    tc = cv.floats(tasks["target_cost"], "target_cost", index) if "target_cost" in tasks.columns else None
    rc = cv.floats(tasks["real_cost"], "real_cost", index) if "real_cost" in tasks.columns else None
    if has_cost and (tc is None or rc is None):
        nan = np.full(len(tasks), np.nan)
        tc = nan if tc is None else tc
        rc = nan if rc is None else rc
    nip = cv.nips(tasks["nip"], "nip", index)
    with cv.RowsAsLabels(index):
        return _core.skp_scores(rs._r, nip, nums["target_output"], nums["real_output"], nums["target_quality"],
                                nums["real_quality"], nums["target_time"], nums["real_time"], tc, rc)


def skp_score(tasks: pd.DataFrame, rules: Union[str, RuleSet] = "pp-46-2011") -> pd.DataFrame:
    """Nilai SKP per NIP from a PP 46/2011 task table (one row per task).

    Columns read: ``nip, target_output, real_output, target_quality, real_quality, target_time,
    real_time`` and optionally ``target_cost, real_cost`` (NaN or empty for a task without a cost
    target: scored on 3 aspects, else 4); ``task`` is not needed. Targets must be > 0 and real
    values >= 0 (rules ``<column>.positive``, ``<column>.non_negative``).

    Returns one row per NIP in order of first appearance: ``nip`` (text), ``skp_score``, ``tasks``
    (count) and ``skp_band`` (sangat_baik|baik|cukup|kurang|buruk, Perka BKN 1/2013 bands).
    """
    _, per = _skp_call(tasks, rules)
    return pd.DataFrame({
        "nip": pd.array(per["nip"].astype("U18"), dtype="str"),
        "skp_score": per["skp_score"],
        "tasks": per["task_count"].astype(np.int64),
        "skp_band": cv.categorical(per["band"], PRESTASI_BANDS),
    })


def skp_task_scores(tasks: pd.DataFrame, rules: Union[str, RuleSet] = "pp-46-2011") -> pd.DataFrame:
    """Aspect scores per task (kuantitas, kualitas, waktu, biaya (NaN without a cost target),
    aspects, score), with the index of ``tasks``."""
    per_task, _ = _skp_call(tasks, rules)
    return pd.DataFrame({k: per_task[k] for k in ("kuantitas", "kualitas", "waktu", "biaya", "aspects", "score")},
                        index=tasks.index)


def prestasi(skp: Any, perilaku: Any, rules: Union[str, RuleSet] = "pp-46-2011") -> pd.DataFrame:
    """Nilai prestasi kerja = 60% SKP + 40% perilaku (PP 46/2011): DataFrame prestasi_score,
    prestasi_band."""
    rs = coerce_rules(rules)
    index = cv.labels_of(skp)
    s = cv.floats(skp, "skp_score", index)
    p = cv.floats(perilaku, "perilaku_score", index)
    with cv.RowsAsLabels(index):
        score, band = _core.prestasi(rs._r, s, p)
    return pd.DataFrame({"prestasi_score": score, "prestasi_band": cv.categorical(band, PRESTASI_BANDS)},
                        index=index if index is not None else None)


# ---- IP ASN -------------------------------------------------------------------------------------

_IP_COLUMNS = ("education", "position_class", "training_hours", "discipline", "has_leadership_training",
               "has_functional_training", "has_seminar")


def _predikat_codes(frame: Any, rs: RuleSet, index: Optional[pd.Index]) -> np.ndarray:
    """The predikat column, or the predikat of the two ratings (with the rule set's matrix, else
    PermenPANRB 6/2022's)."""
    if cv.has_column(frame, "predikat"):
        return cv.codes(cv.column(frame, "predikat"), "predikat", PREDIKAT, rs.name, index)
    if not (cv.has_column(frame, "rating_hasil_kerja") and cv.has_column(frame, "rating_perilaku")):
        from .errors import FormatError

        raise FormatError("a predikat column, or rating_hasil_kerja and rating_perilaku, is needed")
    m = rs if rs.has("predikat_matrix") else RuleSet.builtin("permenpanrb-6-2022")
    h = cv.codes(cv.column(frame, "rating_hasil_kerja"), "rating_hasil_kerja", RATINGS, m.name, index)
    p = cv.codes(cv.column(frame, "rating_perilaku"), "rating_perilaku", RATINGS, m.name, index)
    with cv.RowsAsLabels(index):
        return _core.predikat(m._r, h, p)


def ip_asn(frame: Union[pd.DataFrame, Mapping[str, Any]], rules: Union[str, RuleSet] = "perban-8-2019") -> pd.DataFrame:
    """Indeks Profesionalitas ASN (PermenPANRB 38/2018, Peraturan BKN 8/2019) per row.

    Columns read: ``education, position_class, training_hours, discipline`` (canonical texts,
    Categoricals or codes), ``has_leadership_training, has_functional_training, has_seminar``
    (true/false) and ``predikat`` — or, when there is no predikat column, ``rating_hasil_kerja``
    and ``rating_perilaku``, from which it is computed.

    Returns a DataFrame (index of ``frame``) with ``ip_asn, ip_kualifikasi, ip_kompetensi,
    ip_kinerja, ip_disiplin`` (points) and ``ip_asn_category``.
    """
    cv.need_columns(frame, _IP_COLUMNS, "ip_asn")
    rs = coerce_rules(rules)
    index = frame.index if isinstance(frame, pd.DataFrame) else None
    args = [
        cv.codes(cv.column(frame, "education"), "education", _ENUM_FIELDS["education"], rs.name, index),
        cv.codes(cv.column(frame, "position_class"), "position_class", _ENUM_FIELDS["position_class"], rs.name, index),
        cv.floats(cv.column(frame, "training_hours"), "training_hours", index),
        cv.flags(cv.column(frame, "has_leadership_training"), "has_leadership_training", index),
        cv.flags(cv.column(frame, "has_functional_training"), "has_functional_training", index),
        cv.flags(cv.column(frame, "has_seminar"), "has_seminar", index),
        _predikat_codes(frame, rs, index),
        cv.codes(cv.column(frame, "discipline"), "discipline", _ENUM_FIELDS["discipline"], rs.name, index),
    ]
    with cv.RowsAsLabels(index):
        d = _core.ip_asn(rs._r, *args)
    return _ip_frame(d, index)


def _ip_frame(d: Dict[str, np.ndarray], index: Optional[pd.Index]) -> pd.DataFrame:
    cols = {k: d[k] for k in ("ip_asn", "ip_kualifikasi", "ip_kompetensi", "ip_kinerja", "ip_disiplin")}
    cols["ip_asn_category"] = cv.categorical(d["ip_asn_category"], IP_ASN_CATEGORIES)
    return pd.DataFrame(cols, index=index, copy=False)


# ---- talent 9-box -----------------------------------------------------------------------------

def _talent_args(performance: Any, potential: Any, rs: RuleSet, index: Optional[pd.Index]) -> Dict[str, Any]:
    """Keyword arguments of _core.talent_box: the kinerja axis as Rating or Predikat codes, the
    potensial axis as a 0..100 score or Potential codes."""
    args: Dict[str, Any] = {}
    perf = cv.raw(performance)
    pa = np.asarray(perf) if not isinstance(getattr(perf, "dtype", None), pd.CategoricalDtype) else None
    if pa is not None and pa.dtype.kind in "iub":
        args["performance"] = cv.codes(performance, "performance", RATINGS, rs.name, index)
    else:
        cats = (set(str(c) for c in perf.categories) if pa is None
                else set(pd.unique(pa.astype(object))) if len(pa) else set())
        cats.discard(None)
        if cats and cats <= set(PREDIKAT) and not cats <= set(RATINGS):
            args["predikat"] = cv.codes(performance, "performance", PREDIKAT, rs.name, index)
        else:
            args["performance"] = cv.codes(performance, "performance", RATINGS, rs.name, index)
    args.update(_potential_arg(potential, rs.name, index))
    return args


def _potential_arg(potential, rules_name: str, index) -> Dict[str, np.ndarray]:
    """The potential axis as the core takes it: {"potential": 0-100 scores} for numbers (or number
    texts, as from a CSV), {"potential_level": codes} for rendah|menengah|tinggi."""
    raw = cv.raw(potential)
    qa = np.asarray(raw) if not isinstance(getattr(raw, "dtype", None), pd.CategoricalDtype) else None
    if qa is not None and qa.dtype.kind in "fiu":
        return {"potential": np.ascontiguousarray(qa, dtype=np.float64)}
    if qa is None or (len(qa) and set(pd.unique(qa.astype(object))) <= set(POTENTIAL)):
        return {"potential_level": cv.codes(potential, "potential", POTENTIAL, rules_name, index)}
    return {"potential": cv.floats(potential, "potential", index)}


def talent_box(performance: Any, potential: Any, rules: Union[str, RuleSet] = "permenpanrb-3-2020") -> Any:
    """Talent 9-box number (PermenPANRB 3/2020) per person.

    Args:
        performance: the kinerja axis, ``di_atas|sesuai|di_bawah`` (or Rating codes), or a
            predikat (``sangat_baik``..), mapped by the rule set's ``performance_from_predikat``.
        potential: a score 0..100 (cut by the rule set's potential bands) or
            ``rendah|menengah|tinggi``.

    Returns:
        boxes 1..9 as uint8: a Series (same index) for a Series, else a numpy array. The action
        of each box: :func:`talent_action`.
    """
    rs = coerce_rules(rules)
    index = cv.labels_of(performance) if cv.labels_of(performance) is not None else cv.labels_of(potential)
    args = _talent_args(performance, potential, rs, index)
    with cv.RowsAsLabels(index):
        boxes = _core.talent_box(rs._r, **args)
    like = performance if isinstance(performance, pd.Series) else potential
    return cv.shaped_like(boxes, None, like, "talent_box")


def talent_action(boxes: Any, rules: Union[str, RuleSet] = "permenpanrb-3-2020") -> Any:
    """The recommended action (PermenPANRB 3/2020) of each box 1..9: a Categorical (a Series for
    a Series)."""
    rs = coerce_rules(rules)
    actions = _core.talent_actions(rs._r)
    b = np.asarray(cv.raw(boxes))
    bad = (b < 1) | (b > 9)
    if bad.any():
        cv.raise_issues(bad, b, cv.labels_of(boxes), "talent_box", "talent_box.known", "must be a box 1..9")
    return cv.shaped_like(b.astype(np.int16) - 1, actions, boxes, "talent_action")


# ---- angka kredit -------------------------------------------------------------------------------

def angka_kredit(predikat: Any, position_level: Any, months: Any = None,
                 rules: Union[str, RuleSet] = "permenpanrb-1-2023") -> Any:
    """Angka kredit of jabatan fungsional (PermenPANRB 1/2023): percent[predikat] x
    koefisien[jenjang] x months/12; NaN where the position has no jenjang (``""``)."""
    rs = coerce_rules(rules)
    index = cv.labels_of(predikat)
    p = cv.codes(predikat, "predikat", PREDIKAT, rs.name, index)
    lv = cv.codes(position_level, "position_level", _ENUM_FIELDS["position_level"], rs.name, index)
    mo = None if months is None else cv.floats(months, "months", index)
    if mo is not None:
        bad = ~np.isfinite(mo) | (mo < 1) | (mo > 12) | (mo != np.round(mo))
        if bad.any():
            cv.raise_issues(bad, np.asarray(cv.raw(months)), index, "months", "months.range", "must be a whole number 1..12")
        mo = mo.astype(np.uint8)
    with cv.RowsAsLabels(index):
        out = _core.angka_kredit(rs._r, p, lv, mo)
    return cv.shaped_like(out, None, predikat, "angka_kredit")


# ---- a whole workforce --------------------------------------------------------------------------

def sample_inputs(workforce: "Workforce", seed: int = 0) -> pd.DataFrame:
    """SYNTHETIC appraisal inputs for every row of a workforce (see docs/schema.md): ratings as
    Categoricals, the three training flags as bool, potential 0..100. The same workforce and seed
    give the same inputs on any machine; plausible, not official."""
    d = _core.sample_appraisal_inputs(workforce._wf, int(seed))
    return pd.DataFrame({
        "rating_hasil_kerja": cv.categorical(d["rating_hasil_kerja"], RATINGS),
        "rating_perilaku": cv.categorical(d["rating_perilaku"], RATINGS),
        "has_leadership_training": d["has_leadership_training"].astype(bool),
        "has_functional_training": d["has_functional_training"].astype(bool),
        "has_seminar": d["has_seminar"].astype(bool),
        "potential": d["potential"],
    })


def _core_inputs(inputs: Union[pd.DataFrame, Mapping[str, Any]], rs: RuleSet, index: Optional[pd.Index]) -> Dict[str, Any]:
    """Appraisal input columns as the core's codes."""
    cols = list(inputs.columns) if isinstance(inputs, pd.DataFrame) else list(inputs)
    out: Dict[str, Any] = {}
    if "rating_hasil_kerja" in cols and "rating_perilaku" in cols:
        out["rating_hasil_kerja"] = cv.codes(cv.column(inputs, "rating_hasil_kerja"), "rating_hasil_kerja", RATINGS, rs.name, index)
        out["rating_perilaku"] = cv.codes(cv.column(inputs, "rating_perilaku"), "rating_perilaku", RATINGS, rs.name, index)
    elif "rating_hasil_kerja" in cols or "rating_perilaku" in cols:
        from .errors import FormatError

        raise FormatError("give both rating_hasil_kerja and rating_perilaku, or neither")
    if "predikat" in cols:
        out["predikat"] = cv.codes(cv.column(inputs, "predikat"), "predikat", PREDIKAT, rs.name, index)
    for f in ("has_leadership_training", "has_functional_training", "has_seminar"):
        if f in cols:
            out[f] = cv.flags(cv.column(inputs, f), f, index)
    if "potential" in cols:
        if "performance" in cols:
            t = _talent_args(cv.column(inputs, "performance"), cv.column(inputs, "potential"), rs, index)
            if "predikat" in t:
                if "predikat" not in out:
                    out["predikat"] = t.pop("predikat")
                else:
                    t.pop("predikat")
            out.update(t)
        else:
            out.update(_potential_arg(cv.column(inputs, "potential"), rs.name, index))
    if "months" in cols:
        mo = cv.floats(cv.column(inputs, "months"), "months", index)
        bad = ~np.isfinite(mo) | (mo < 1) | (mo > 12) | (mo != np.round(mo))
        if bad.any():
            cv.raise_issues(bad, np.asarray(cv.raw(cv.column(inputs, "months"))), index, "months", "months.range",
                          "must be a whole number 1..12")
        out["months"] = mo.astype(np.uint8)
    return out


def appraise(workforce_or_frame: Union["Workforce", pd.DataFrame], rules: Union[str, RuleSet, None] = "default",
             inputs: Union[None, str, pd.DataFrame, Mapping[str, Any]] = None, ids: bool = True,
             threads: int = 0) -> pd.DataFrame:
    """Every appraisal output of a workforce, as a DataFrame.

    Args:
        workforce_or_frame: a :class:`penata.Workforce`, or a DataFrame holding the canonical
            columns and the appraisal input columns (it is validated as
            :meth:`Workforce.from_frame` does).
        rules: a RuleSet (or a built-in name, or a JSON file path); ``"default"`` combines
            PermenPANRB 6/2022, Perban 8/2019, PermenPANRB 3/2020 and 1/2023.
        inputs: the appraisal input columns (docs/schema.md; one row per workforce row, in row
            order): a DataFrame or a mapping of columns; ``"sample"`` for the SYNTHETIC
            :func:`sample_inputs` (seed 0). For a frame, ``None`` reads them from the frame.
            Columns: rating_hasil_kerja + rating_perilaku and/or predikat; the three training
            flags (IP ASN); potential (+ performance, default the predikat) for the talent box;
            months for angka kredit.
        ids: add the ``nip`` (text) and ``unit_code`` columns; ``False`` leaves them out (making
            18-digit texts for millions of rows costs more than the appraisal itself).
        threads: 0 (default) lets a second thread take half of a large input (262,144 rows or
            more) when the machine has two cores; 1 keeps the work on the calling thread.

    Returns:
        a DataFrame indexed like the frame (or by workforce row): ``nip``, ``unit_code`` and the
        outputs whose inputs were given, in the order of :data:`OUTPUT_COLUMNS`: predikat, ip_asn
        and its four dimensions, ip_asn_category, talent_box, talent_action, angka_kredit (NaN
        for non-fungsional), reward / reward_reason and coaching / coaching_reason (bool and text,
        "" when not listed).
    """
    from .workforce import Workforce

    rs = coerce_rules(rules)
    if isinstance(workforce_or_frame, pd.DataFrame):
        frame = workforce_or_frame
        canonical = [c for c in frame.columns if c in _core.FIELD_NAMES]
        wf = Workforce.from_frame(frame[canonical])
        index: pd.Index = frame.index
        if inputs is None:
            inputs = frame[[c for c in frame.columns if c in INPUT_COLUMNS]]
    elif isinstance(workforce_or_frame, Workforce):
        wf = workforce_or_frame
        index = pd.RangeIndex(len(wf), name="row")
        if inputs is None:
            raise ValueError("a Workforce holds no appraisal inputs: pass inputs= (a DataFrame of the input "
                             "columns, or 'sample' for SYNTHETIC ones)")
    else:
        raise TypeError(f"expected a Workforce or a DataFrame, not {type(workforce_or_frame).__name__}")
    if isinstance(inputs, str):
        if inputs != "sample":
            raise ValueError(f"inputs must be a DataFrame, a mapping or 'sample', not {inputs!r}")
        inputs = sample_inputs(wf)
    n = len(wf)
    for c in (inputs.columns if isinstance(inputs, pd.DataFrame) else inputs):
        if len(cv.column(inputs, c)) != n:
            raise ValueError(f"input column '{c}' has {len(cv.column(inputs, c))} values for {n} employees")
    unknown = [c for c in (inputs.columns if isinstance(inputs, pd.DataFrame) else inputs) if c not in INPUT_COLUMNS]
    if unknown:
        raise ValueError(f"unknown appraisal input column(s) {', '.join(map(str, unknown))}; "
                         f"the input columns are {', '.join(INPUT_COLUMNS)}")
    labels = index if isinstance(workforce_or_frame, pd.DataFrame) else (
        inputs.index if isinstance(inputs, pd.DataFrame) else None)
    core_in = _core_inputs(inputs, rs, labels)
    with cv.RowsAsLabels(labels):
        if isinstance(threads, bool) or int(threads) != threads or threads < 0:
            raise ValueError(f"threads must be 0 (automatic) or a positive number, not {threads!r}")
        d = _core.appraise(wf._wf, rs._r, core_in, None, threads=int(threads))
    return _appraisal_frame(wf, rs, d, index, ids)


def _appraisal_frame(wf: "Workforce", rs: RuleSet, d: Dict[str, Any], index: pd.Index, ids: bool = True) -> pd.DataFrame:
    n = int(d["n"])
    cols: Dict[str, Any] = {}
    if ids:
        cols["nip"] = pd.array(wf.column("nip").astype("U18"), dtype="str")
        unit_codes = np.array(wf._wf.unit_codes(), dtype=object)
        cols["unit_code"] = (pd.Categorical.from_codes(wf.column("unit_code").astype(np.int64), categories=unit_codes,
                                                       validate=False) if len(unit_codes) else np.array([], dtype=object))
    if len(d["predikat"]):
        cols["predikat"] = cv.categorical(d["predikat"], PREDIKAT)
    ip = d["ip_asn"]
    if len(ip["ip_asn"]):
        for k in ("ip_asn", "ip_kualifikasi", "ip_kompetensi", "ip_kinerja", "ip_disiplin"):
            cols[k] = ip[k]
        cols["ip_asn_category"] = cv.categorical(ip["ip_asn_category"], IP_ASN_CATEGORIES)
    if len(d["talent_box"]):
        cols["talent_box"] = d["talent_box"]
        # Box b is action b - 1: int8 codes in one pass.
        cols["talent_action"] = cv.categorical(np.subtract(d["talent_box"].view(np.int8), np.int8(1)),
                                             _core.talent_actions(rs._r))
    if len(d["angka_kredit"]):
        cols["angka_kredit"] = d["angka_kredit"]
    if d["has_policy"] and ("predikat" in cols or "talent_box" in cols):
        for which in ("reward", "coaching"):
            lst = d["policy"][which]
            flag = np.zeros(n, dtype=bool)
            flag[lst["index"]] = True
            reason = np.full(n, "", dtype=object)
            reason[lst["index"]] = lst["reason"]
            cols[which] = flag
            cols[f"{which}_reason"] = pd.array(reason, dtype="str")
    return pd.DataFrame(cols, index=index, copy=False)


def _listed(appraised: pd.DataFrame, which: str, top: Optional[int]) -> pd.DataFrame:
    if which not in appraised.columns:
        raise ValueError(f"the appraisal has no '{which}' column (its rule set has no policy section, or "
                         "neither predikat nor talent boxes were computed)")
    keep = [c for c in ("nip", "unit_code", "predikat", "ip_asn", "talent_box") if c in appraised.columns]
    out = appraised.loc[appraised[which].to_numpy(), keep + [f"{which}_reason"]].rename(
        columns={f"{which}_reason": "reason"})
    if "ip_asn" in out.columns:  # the strongest (reward) or the weakest (coaching) first
        out = out.sort_values("ip_asn", ascending=(which == "coaching"), kind="stable")
    return out if top is None else out.head(int(top))


def reward_list(appraised: pd.DataFrame, top: Optional[int] = None) -> pd.DataFrame:
    """The people the rule set's policy lists for a reward (default: predikat sangat_baik or
    talent boxes 7-9), with the reason: nip, unit_code, predikat, ip_asn, talent_box, reason;
    highest IP ASN first; ``top`` keeps the first N."""
    return _listed(appraised, "reward", top)


def coaching_list(appraised: pd.DataFrame, top: Optional[int] = None) -> pd.DataFrame:
    """The people listed for coaching (default: predikat butuh_perbaikan, kurang or sangat_kurang,
    or talent boxes 1-3 and 6), with the reason; lowest IP ASN first."""
    return _listed(appraised, "coaching", top)


def summarise_units(workforce: "Workforce", appraised: pd.DataFrame, include_subunits: bool = True,
                    rows: Any = None) -> pd.DataFrame:
    """Appraisal aggregates per unit (every unit of the tree, in tree order; with
    ``include_subunits`` a unit also counts the units below it).

    ``appraised`` is :func:`appraise`'s result for ``workforce`` (all rows in row order, or the
    rows given in ``rows``). Columns: name, parent_code, employees; ``n_<predikat>`` and
    ``share_<predikat>``; mean_ip_asn and the four mean dimensions; ``box_1``..``box_9``.
    """
    rows_arr = np.arange(len(workforce), dtype=np.uint32) if rows is None else np.asarray(rows, dtype=np.uint32)
    if len(rows_arr) != len(appraised):
        raise ValueError(f"the appraisal has {len(appraised)} rows; {len(rows_arr)} workforce rows were given")

    def opt(name: str, kind: str) -> Any:
        if name not in appraised.columns:
            return None
        c = appraised[name]
        if kind == "cat":
            return cv.codes(c, name, PREDIKAT)
        return np.ascontiguousarray(c.to_numpy(), dtype=np.uint8 if kind == "u8" else np.float64)

    d = _core.summarise_units(workforce._wf, rows_arr, opt("predikat", "cat"), opt("ip_asn", "f"),
                              opt("ip_kualifikasi", "f"), opt("ip_kompetensi", "f"), opt("ip_kinerja", "f"),
                              opt("ip_disiplin", "f"), opt("talent_box", "u8"), bool(include_subunits))
    units = workforce._wf.units
    out = pd.DataFrame({"name": units.names(), "parent_code": units.parent_codes()},
                       index=pd.Index(units.codes(), name="unit_code"))
    emp = d["employees"].astype(np.int64)
    out["employees"] = emp
    pc = d["predikat_counts"].astype(np.int64)
    if "predikat" in appraised.columns:
        for k, p in enumerate(PREDIKAT):
            out[f"n_{p}"] = pc[:, k]
        with np.errstate(invalid="ignore", divide="ignore"):
            for k, p in enumerate(PREDIKAT):
                out[f"share_{p}"] = np.where(emp > 0, pc[:, k] / np.maximum(emp, 1), np.nan)
    if "ip_asn" in appraised.columns:
        for k, name in enumerate(("mean_ip_asn", "mean_kualifikasi", "mean_kompetensi", "mean_kinerja",
                                  "mean_disiplin")):
            out[name] = d["means"][:, k]
    if "talent_box" in appraised.columns:
        for b in range(9):
            out[f"box_{b + 1}"] = d["box_counts"][:, b].astype(np.int64)
    return out


# ---- distribution check -------------------------------------------------------------------------

@dataclass(frozen=True)
class DistributionCheck:
    """A unit's predikat distribution checked against PermenPANRB 6/2022 for its organisational
    predikat. ``changes`` is a suggestion (the fewest employees moved, then the fewest predikat
    steps); it is never applied.

    Attributes:
        org_predikat: the unit's organisational predikat.
        employees: employees counted.
        counts, suggested_counts: Series of counts by predikat (now, and after the changes).
        violations: DataFrame rule, predikat, bound, value, required_count, actual_count,
            actual_share, message — empty when the distribution complies.
        changes: DataFrame from, to, count, reason.
        satisfiable: False when no distribution of this many employees meets every rule.
    """

    org_predikat: str
    employees: int
    counts: pd.Series
    violations: pd.DataFrame
    changes: pd.DataFrame
    suggested_counts: pd.Series
    satisfiable: bool = True
    rules: str = field(default="")

    @property
    def ok(self) -> bool:
        """True when no rule is broken."""
        return len(self.violations) == 0

    def __repr__(self) -> str:
        try:
            state = "complies" if self.ok else f"{len(self.violations)} violation(s)"
            if not self.ok:
                state += (f"; suggestion: {len(self.changes)} change(s) moving "
                          f"{int(self.changes['count'].sum()) if len(self.changes) else 0} employee(s)"
                          if self.satisfiable else "; not satisfiable")
            counts = ", ".join(f"{k} {int(v)}" for k, v in self.counts.items() if v)
            return (f"<penata.DistributionCheck org {self.org_predikat}, {self.employees} employees "
                    f"({counts or '-'}): {state}>")
        except Exception:
            return "<penata.DistributionCheck>"

    def _repr_html_(self) -> str:
        try:
            parts = [f"<p>{html.escape(repr(self))}</p>"]
            if len(self.violations):
                parts.append(self.violations[["message"]].to_html(index=False))
            if len(self.changes):
                parts.append(self.changes.to_html(index=False))
            return "<div>" + "".join(parts) + "</div>"
        except Exception:
            return "<pre>" + html.escape(repr(self)) + "</pre>"


def check_distribution(predikat: Any, org_predikat: str,
                       rules: Union[str, RuleSet] = "permenpanrb-6-2022") -> DistributionCheck:
    """Checks one unit's predikat distribution against PermenPANRB 6/2022's rules for its
    organisational predikat (``istimewa|baik|butuh_perbaikan|kurang|sangat_kurang``).

    Args:
        predikat: the unit's employees' predikat (texts, Categorical, Series or codes), or a
            mapping ``{predikat: count}``.
        org_predikat: the unit's organisational predikat.
        rules: a RuleSet with a ``distribution`` section (default PermenPANRB 6/2022).

    Returns:
        a :class:`DistributionCheck` listing each violation and the smallest suggested change.
    """
    rs = coerce_rules(rules)
    if isinstance(predikat, Mapping):
        unknown = [k for k in predikat if k not in PREDIKAT]
        if unknown:
            raise ValidationError.from_issues([{"row": -1, "field": "predikat", "value": str(k),
                                                "rule": "predikat.known",
                                                "message": "must be one of " + "|".join(PREDIKAT)} for k in unknown])
        counts = [int(predikat.get(p, 0)) for p in PREDIKAT]
        if any(c < 0 for c in counts):
            raise ValidationError.from_issues([{"row": -1, "field": "predikat", "value": str(c), "rule": "count.non_negative",
                                                "message": "a count must be >= 0"} for c in counts if c < 0])
    else:
        codes = cv.codes(predikat, "predikat", PREDIKAT, rs.name)
        counts = np.bincount(codes, minlength=len(PREDIKAT)).tolist()
    d = _core.check_distribution(rs._r, str(org_predikat), counts)
    v = pd.DataFrame(d["violations"], columns=["rule", "predikat", "bound", "value", "required_count",
                                               "actual_count", "actual_share", "message"])
    ch = pd.DataFrame(d["changes"], columns=["from", "to", "count", "reason"])
    return DistributionCheck(org_predikat=d["org"], employees=int(d["employees"]),
                             counts=pd.Series(d["counts"], index=PREDIKAT, name="count", dtype=np.int64),
                             violations=v, changes=ch,
                             suggested_counts=pd.Series(d["suggested_counts"], index=PREDIKAT, name="count",
                                                        dtype=np.int64),
                             satisfiable=bool(d["satisfiable"]), rules=rs.name)
