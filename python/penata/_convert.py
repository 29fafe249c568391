"""Input conversions shared by the modules of the package (private): ``from . import _convert as cv``.

Every public function takes arrays, Series, Categoricals or lists and checks them here: texts to
one-byte codes, flags, numbers, NIPs and dates, each bad value reported as an issue with its row
(the index label of a Series / DataFrame, else the 1-based position), field, value and rule.
Outputs are shaped like the inputs (:func:`shaped_like`) and coded values become Categoricals
over the core's codes without a copy (:func:`categorical`).
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import Any, Dict, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .errors import FormatError, IoError, ValidationError

PathLike = Union[str, "os.PathLike[str]"]

MAX_ISSUES = 1000
FLAG_TEXTS = {"true": 1, "false": 0, "1": 1, "0": 0, "True": 1, "False": 0, "TRUE": 1, "FALSE": 0}


# ---- conversions --------------------------------------------------------------------------------

def labels_of(values: Any) -> Optional[pd.Index]:
    return values.index if isinstance(values, (pd.Series, pd.DataFrame)) else None


def row_label(index: Optional[pd.Index], pos: int) -> Any:
    """The row of an issue: the index label, or the 1-based position."""
    if index is None:
        return pos + 1
    v = index[pos]
    return v.item() if isinstance(v, np.generic) else v


def raise_issues(bad: np.ndarray, values: Any, index: Optional[pd.Index], field: str, rule: str,
                  message: str) -> None:
    positions = np.flatnonzero(bad)
    issues = []
    for p in positions[:MAX_ISSUES]:
        v = values[p]
        text = "" if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA else str(v)
        issues.append({"row": row_label(index, int(p)), "field": field, "value": text[:200], "rule": rule,
                       "message": message})
    if len(positions) > MAX_ISSUES:
        issues.append({"row": -1, "field": field, "value": "", "rule": "input.more_issues",
                       "message": f"{len(positions) - MAX_ISSUES} more issue(s) not listed"})
    raise ValidationError.from_issues(issues)


def raw(values: Any) -> Any:
    """The data of a Series / Categorical / array-like, without the index."""
    if isinstance(values, pd.Series):
        return values.array
    if isinstance(values, (np.ndarray, pd.Categorical, pd.api.extensions.ExtensionArray)):
        return values
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise TypeError(f"expected an array, Series or list, not {type(values).__name__}")
    return np.asarray(list(values), dtype=object)


def codes(values: Any, field: str, names: Sequence[str], rules_name: str = "",
           index: Optional[pd.Index] = None) -> np.ndarray:
    """uint8 codes of texts (exact names), of a Categorical, or of integer codes (checked by the
    core). Unknown or missing texts raise ValidationError with rule "<field>.known"."""
    index = labels_of(values) if index is None else index
    data = raw(values)
    where = f" (rule set {rules_name})" if rules_name else ""
    message = "must be one of " + "|".join(names) + where
    if isinstance(getattr(data, "dtype", None), pd.CategoricalDtype):
        cats = [str(c) for c in data.categories]
        raw_codes = np.asarray(data.codes)
        if (len(cats) <= len(names) and cats == list(names[:len(cats)]) and raw_codes.dtype.itemsize == 1
                and (raw_codes.size == 0 or raw_codes.min() >= 0)):
            # The categories are the names in code order (as penata's own outputs and
            # sample_inputs give them) and none is missing: the codes are the core's, viewed.
            return raw_codes.view(np.uint8)
        # A lookup per category (the last entry, -1, is where a missing value's code -1 lands).
        lut = np.array([names.index(c) if c in names else -1 for c in cats] + [-1], dtype=np.int16)
        codes = lut[raw_codes]
        bad = codes < 0
        if bad.any():
            raise_issues(bad, np.asarray(data, dtype=object), index, field, f"{field}.known", message)
        return codes.astype(np.uint8)
    arr = np.asarray(data)
    if arr.dtype.kind == "b":
        return arr.astype(np.uint8)
    if arr.dtype.kind in "iu":
        bad = (arr < 0) | (arr >= len(names)) if arr.size else np.zeros(0, dtype=bool)
        if bad.any():
            raise_issues(bad, arr, index, field, f"{field}.known", message + " (or its code 0.." +
                          str(len(names) - 1) + ")")
        return arr.astype(np.uint8)
    codes = pd.Index(list(names)).get_indexer(arr.astype(object) if arr.dtype.kind != "O" else arr)
    bad = codes < 0
    if bad.any():
        raise_issues(bad, arr, index, field, f"{field}.known", message)
    return codes.astype(np.uint8)


def flags(values: Any, field: str, index: Optional[pd.Index] = None) -> np.ndarray:
    """0/1 flags from bools, 0/1 integers or the texts true/false (also 1/0)."""
    index = labels_of(values) if index is None else index
    arr = np.asarray(raw(values))
    if arr.dtype.kind == "b":
        return arr.view(np.uint8) if arr.ndim == 1 else arr.astype(np.uint8)  # 0/1 bytes: no copy
    if arr.dtype.kind in "iu":
        bad = (arr != 0) & (arr != 1)
        if bad.any():
            raise_issues(bad, arr, index, field, f"{field}.known", "must be true or false (1 or 0)")
        return arr.astype(np.uint8)
    if arr.dtype.kind == "f":
        bad = (arr != 0) & (arr != 1)
        if bad.any():
            raise_issues(bad, arr, index, field, f"{field}.known", "must be true or false (1 or 0)")
        return arr.astype(np.uint8)
    s = pd.Series(arr.astype(object), dtype=object)
    mapped = s.map(lambda v: FLAG_TEXTS.get(v, 1 if v is True else 0 if v is False else -1)
                   if isinstance(v, (str, bool, np.bool_)) else -1)
    m = mapped.to_numpy(dtype=np.int16)
    if (m < 0).any():
        raise_issues(m < 0, arr, index, field, f"{field}.known", "must be true or false (1 or 0)")
    return m.astype(np.uint8)


def floats(values: Any, field: str, index: Optional[pd.Index] = None) -> np.ndarray:
    """float64 values; texts must be numbers (an empty text is NaN, judged by the core)."""
    index = labels_of(values) if index is None else index
    arr = np.asarray(raw(values))
    if arr.dtype.kind in "fiub":
        return np.ascontiguousarray(arr, dtype=np.float64)
    obj = pd.Series(arr.astype(object), dtype=object)
    num = pd.to_numeric(obj.where(obj != "", None), errors="coerce").to_numpy(dtype=np.float64)
    bad = np.isnan(num) & obj.notna().to_numpy() & (obj != "").to_numpy()
    if bad.any():
        raise_issues(bad, arr, index, field, f"{field}.number", "must be a number")
    return num


def nips(values: Any, field: str = "nip", index: Optional[pd.Index] = None) -> np.ndarray:
    """uint64 NIPs from 18-digit texts or integers."""
    index = labels_of(values) if index is None else index
    arr = np.asarray(raw(values))
    if arr.dtype.kind in "iu":
        bad = (arr < 0) | (arr >= 10**18) if arr.dtype.kind == "i" else arr >= 10**18
        if bad.any():
            raise_issues(bad, arr, index, field, "nip.digits", "must be 18 digits")
        return arr.astype(np.uint64)
    s = pd.Series(arr.astype(object), dtype=object).astype(str).str.strip()
    ok = (s.str.len() == 18) & s.str.fullmatch(r"[0-9]{18}").fillna(False).astype(bool)
    if not ok.all():
        raise_issues(~ok.to_numpy(), arr, index, field, "nip.digits", "must be 18 digits")
    return s.to_numpy().astype(np.uint64)


class RowsAsLabels:
    """Turns the core's 1-based rows into index labels (or keeps positions)."""

    def __init__(self, index: Optional[pd.Index]) -> None:
        self.index = index

    def __enter__(self) -> "RowsAsLabels":
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, ValidationError) or self.index is None:
            return False
        n = len(self.index)
        issues = [dict(i, row=row_label(self.index, i["row"] - 1)) if isinstance(i.get("row"), int)
                  and 1 <= i["row"] <= n else dict(i) for i in exc.issues]
        raise ValidationError.from_issues(issues) from None


_DTYPES: Dict[Tuple[str, ...], pd.CategoricalDtype] = {}


def category_dtype(names: Sequence[str]) -> pd.CategoricalDtype:
    """The CategoricalDtype of these names, made (and its categories checked) once."""
    key = tuple(names)
    dtype = _DTYPES.get(key)
    if dtype is None:
        if len(_DTYPES) > 64:
            _DTYPES.clear()
        dtype = _DTYPES[key] = pd.CategoricalDtype(list(key))
    return dtype


def categorical(codes: np.ndarray, names: Sequence[str]) -> pd.Categorical:
    """A Categorical over the core's codes (always valid), without a copy: one-byte codes are
    viewed as the int8 codes pandas keeps for up to 127 categories."""
    codes = np.asarray(codes)
    if codes.dtype == np.uint8 and len(names) < 127:
        codes = codes.view(np.int8)
    return pd.Categorical.from_codes(codes, dtype=category_dtype(names), validate=False)


def shaped_like(codes_or_values: Any, names: Optional[Sequence[str]], like: Any, name: str) -> Any:
    """A result shaped like the input: Series (same index) for a Series, else Categorical/array."""
    data = categorical(codes_or_values, names) if names is not None else codes_or_values
    if isinstance(like, (pd.Series, pd.DataFrame)):
        return pd.Series(data, index=like.index, name=name, copy=False)
    return data


def column(frame: Any, name: str) -> Any:
    if isinstance(frame, pd.DataFrame):
        return frame[name]
    return frame[name]


def has_column(frame: Any, name: str) -> bool:
    return name in frame.columns if isinstance(frame, pd.DataFrame) else name in frame


def need_columns(frame: Any, names: Sequence[str], what: str) -> None:
    missing = [n for n in names if not has_column(frame, n)]
    if missing:
        raise FormatError(f"{what} needs the column(s) {', '.join(missing)}")





def read_text(path: PathLike, what: str) -> str:
    try:
        with open(os.fspath(path), "r", encoding="utf-8-sig", newline="") as f:
            return f.read()
    except OSError as e:
        raise IoError(f"cannot read {what} '{os.fspath(path)}': {e.strerror or e}") from None


def write_text(path: PathLike, text: str, what: str) -> None:
    try:
        with open(os.fspath(path), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    except OSError as e:
        raise IoError(f"cannot write {what} '{os.fspath(path)}': {e.strerror or e}") from None


def day(value: Any, field: str = "as_of") -> int:
    """Days since 1970-01-01 of a date, datetime, Timestamp, datetime64 or "YYYY-MM-DD" text."""
    if isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{field} must be a date or a 'YYYY-MM-DD' text, not the number {value!r}")
    try:
        ts = pd.to_datetime(value, format="%Y-%m-%d") if isinstance(value, str) else pd.Timestamp(value)
    except (ValueError, TypeError):
        ts = pd.NaT
    if ts is pd.NaT or pd.isna(ts):
        raise ValidationError.from_issues([{"row": -1, "field": field, "value": str(value)[:200],
                                            "rule": f"{field}.date", "message": "must be a date (YYYY-MM-DD)"}])
    if ts.tz is not None:
        ts = ts.tz_localize(None)  # the wall-clock date where it was recorded
    return int((ts.normalize() - pd.Timestamp("1970-01-01")).days)


def today() -> int:
    return (_dt.date.today() - _dt.date(1970, 1, 1)).days


def date_of(days: int) -> _dt.date:
    return _dt.date(1970, 1, 1) + _dt.timedelta(days=int(days))


def nip_texts(nips: np.ndarray) -> pd.Index:
    return pd.Index(np.asarray(nips, dtype=np.uint64).astype("U18"), name="nip")



def whole_numbers(values: Any, field: str, rule: str, message: str, lo: int, hi: int, index: pd.Index) -> np.ndarray:
    """int64 whole numbers in [lo, hi] (whole floats and numeric texts too; bools refused)."""
    data = raw(values)
    objects = pd.Series(np.asarray(data, dtype=object))
    arr = np.asarray(pd.to_numeric(objects, errors="coerce"), dtype=np.float64)
    is_bool = objects.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(dtype=bool)
    bad = ~np.isfinite(arr) | (arr != np.round(arr)) | (arr < lo) | (arr > hi) | is_bool
    if bad.any():
        raise_issues(bad, np.asarray(data, dtype=object), index, field, rule, message)
    return arr.astype(np.int64)


def dates(values: Any, index: pd.Index, field: str, rule: str) -> np.ndarray:
    """Days since 1970-01-01 (int32) of datetime64 values, date/Timestamp objects or exact
    YYYY-MM-DD texts; anything else raises ValidationError naming `field` and `rule`."""
    data = raw(values)
    if pd.api.types.is_datetime64_any_dtype(getattr(data, "dtype", None)):
        d = pd.DatetimeIndex(data)
        if d.tz is not None:
            d = d.tz_localize(None)
    else:
        values = pd.Series(np.asarray(data, dtype=object))
        if pd.api.types.infer_dtype(values, skipna=False) == "string":  # texts: exactly YYYY-MM-DD
            d = pd.DatetimeIndex(pd.to_datetime(values, format="%Y-%m-%d", errors="coerce"))
        else:  # date / datetime / Timestamp objects (texts among them must still be YYYY-MM-DD)
            def one(v: Any) -> Any:
                if isinstance(v, str):
                    return pd.to_datetime(v, format="%Y-%m-%d", errors="coerce")
                if isinstance(v, (_dt.date, np.datetime64)):  # datetime and Timestamp are dates too
                    t = pd.Timestamp(v)
                    return t.tz_localize(None) if t.tz is not None else t  # the wall-clock date
                return pd.NaT  # numbers and anything else are not dates
            d = pd.DatetimeIndex([one(v) for v in values], dtype="datetime64[ns]")
    bad = np.asarray(d.isna())
    if bad.any():
        raise_issues(bad, np.asarray(data, dtype=object), index, field, rule, "must be a date YYYY-MM-DD")
    return np.asarray(d.normalize().to_numpy(dtype="datetime64[D]").astype(np.int64), dtype=np.int32)
