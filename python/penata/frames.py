"""pandas conversions: Workforce columns to a DataFrame and a DataFrame to canonical CSV text.

The DataFrame form of a workforce (see :meth:`penata.Workforce.to_frame`):

===================  =================================================================
column               dtype
===================  =================================================================
nip                  string, 18 digits
name                 string
employment_type      Categorical ["PNS", "PPPK"]
gender               Categorical ["L", "P"]
birth_date           datetime64[ns]
tmt                  Period[M] (first appointment)
golongan             Categorical: PNS "I/a".."IV/e" then PPPK "I".."XVII"
position_class       Categorical
position_level       Categorical, "" when the position has no level
position_name        string
unit_code            string
education            Categorical, SD..S3 in order
training_hours       float64 (JP this year)
discipline           Categorical ["none", "ringan", "sedang", "berat"]
===================  =================================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from . import _core
from .errors import FormatError

if TYPE_CHECKING:  # pragma: no cover
    pass

__all__ = ["FIELDS", "ENUM_FIELDS", "workforce_to_frame", "frame_to_csv_text", "golongan_categories",
           "to_text"]

#: The canonical columns, in order.
FIELDS: Sequence[str] = tuple(_core.FIELD_NAMES)
#: Fields stored as one-byte codes, with their texts in code order.
ENUM_FIELDS: Dict[str, List[str]] = {k: list(v) for k, v in _core.ENUM_NAMES.items()}
_ORDERED = {"education", "discipline"}


def golongan_categories() -> List[str]:
    """The golongan texts in category order: PNS I/a..IV/e, then PPPK I..XVII."""
    return list(_core.GOLONGAN_NAMES["PNS"]) + list(_core.GOLONGAN_NAMES["PPPK"])


def _periods(months: np.ndarray) -> Any:
    """Period[M] values from months since 1970-01 (the Period ordinal for monthly frequency)."""
    ordinals = np.asarray(months, dtype=np.int64)
    from_ordinals = getattr(pd.PeriodIndex, "from_ordinals", None)
    if from_ordinals is not None:  # pandas >= 2.2
        return pd.array(from_ordinals(ordinals, freq="M"))
    return pd.array(pd.PeriodIndex(ordinal=ordinals, freq="M"))  # pragma: no cover


_STR_DTYPE: Any = "str" if int(pd.__version__.split(".")[0]) >= 3 else object


def _strings(values: Any) -> pd.Series:
    return pd.Series(values, dtype=_STR_DTYPE)


def workforce_to_frame(core: "_core.Workforce", rows: Optional[np.ndarray] = None) -> pd.DataFrame:
    """Builds the DataFrame of a core workforce, all rows or the given row indices."""
    idx = None if rows is None else np.asarray(rows, dtype=np.int64)
    n = len(core)
    if idx is not None and idx.size and (idx.min() < -n or idx.max() >= n):
        raise IndexError(f"row index out of range (the workforce has {n} rows)")

    def col(name: str) -> np.ndarray:
        a = core.column(name)
        return np.array(a) if idx is None else a[idx]  # always a copy: the frame owns its data

    def cat(name: str, codes: np.ndarray, categories: List[str]) -> pd.Categorical:
        return pd.Categorical.from_codes(codes.astype(np.int16), categories=categories,
                                         ordered=name in _ORDERED)

    data: Dict[str, Any] = {}
    data["nip"] = _strings(col("nip").astype("U18"))
    data["name"] = _strings(core.names(idx) if idx is not None else core.names())
    et = col("employment_type")
    for f in ("employment_type", "gender"):
        data[f] = cat(f, et if f == "employment_type" else col(f), ENUM_FIELDS[f])
    data["birth_date"] = col("birth_date").astype(np.int64).astype("datetime64[D]").astype("datetime64[ns]")
    data["tmt"] = _periods(col("tmt"))
    g = col("golongan").astype(np.int16)
    g_codes = np.where((g >= 1) & (g <= 17), g - 1 + 17 * et.astype(np.int16), -1)
    data["golongan"] = cat("golongan", g_codes, golongan_categories())
    for f in ("position_class", "position_level"):
        data[f] = cat(f, col(f), ENUM_FIELDS[f])
    pos_dict = np.array(core.position_names(), dtype=object)
    data["position_name"] = _strings(pos_dict[col("position_name")] if len(pos_dict) else np.array([], dtype=object))
    unit_codes = np.array(core.unit_codes(), dtype=object)
    data["unit_code"] = _strings(unit_codes[col("unit_code")] if len(unit_codes) else np.array([], dtype=object))
    data["education"] = cat("education", col("education"), ENUM_FIELDS["education"])
    data["training_hours"] = col("training_hours").astype(np.float64)
    data["discipline"] = cat("discipline", col("discipline"), ENUM_FIELDS["discipline"])
    out = pd.DataFrame({k: (v.reset_index(drop=True) if isinstance(v, pd.Series) else v)
                        for k, v in data.items()}, columns=list(FIELDS))
    return out


def to_text(value: Any) -> str:
    """The canonical text of one field value as a user may give it (str, int, float, date,
    Timestamp, Period, None/NaN)."""
    import datetime

    if isinstance(value, str):
        return value
    if value is None or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, bool):
        raise TypeError("a bool is not a field value")
    if isinstance(value, pd.Period):
        return value.strftime("%Y-%m") if value.freqstr.startswith("M") else str(value)
    if isinstance(value, (pd.Timestamp, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (np.datetime64,)):
        return "" if np.isnat(value) else str(np.datetime_as_string(value, unit="D"))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return "" if np.isnan(value) else repr(float(value))
    return str(value)


def _dates_as_text(values: np.ndarray, unit: Any) -> np.ndarray:
    """datetime64 values as "YYYY-MM-DD" (unit "D") or "YYYY-MM" (unit "M"); NaT as ""."""
    out = np.datetime_as_string(values.astype(f"datetime64[{unit}]"), unit=unit).astype(object)
    out[np.isnat(values)] = ""
    return out


def _column_texts(name: str, s: pd.Series) -> List[str]:
    """A column as the texts the CSV reader expects (vectorised for the common dtypes)."""
    dtype = s.dtype
    unit = "M" if name == "tmt" else "D"
    if isinstance(dtype, pd.PeriodDtype):
        if dtype == pd.PeriodDtype("M"):
            months = s.array.asi8.astype("datetime64[M]")  # monthly ordinals count from 1970-01
            months[s.isna().to_numpy()] = np.datetime64("NaT")
            return _dates_as_text(months, unit).tolist()
        return s.dt.strftime("%Y-%m" if unit == "M" else "%Y-%m-%d").fillna("").tolist()
    if pd.api.types.is_datetime64_any_dtype(dtype):
        if isinstance(dtype, pd.DatetimeTZDtype):
            s = s.dt.tz_localize(None)
        return _dates_as_text(s.to_numpy(dtype="datetime64[ns]"), unit).tolist()
    if isinstance(dtype, pd.CategoricalDtype):  # convert each category once, not each value
        texts = np.array(_column_texts(name, pd.Series(s.cat.categories)) + [""], dtype=object)
        return texts[s.cat.codes.to_numpy()].tolist()
    extension = isinstance(dtype, pd.api.extensions.ExtensionDtype)
    if pd.api.types.is_bool_dtype(dtype) and not extension:
        return s.to_numpy().astype(str).tolist()
    if pd.api.types.is_integer_dtype(dtype) and not extension:
        return s.to_numpy().astype(str).tolist()
    if pd.api.types.is_float_dtype(dtype):
        if name == "nip":  # float64 holds 15-16 digits: the NIP would be silently changed
            raise FormatError("the 'nip' column is floating point, which cannot hold 18 digits exactly; "
                              "read NIPs as text (e.g. pd.read_csv(..., dtype={'nip': str}))")
        if not extension:
            return _floats_as_text(s.to_numpy(dtype=np.float64)).tolist()
    if pd.api.types.is_string_dtype(dtype) and extension:
        return s.fillna("").tolist()
    values = s.tolist()
    if pd.api.types.is_object_dtype(dtype) and pd.api.types.infer_dtype(values, skipna=False) == "string":
        return values  # an object column of str only
    return [to_text(v) for v in values]


def frame_to_csv_text(df: pd.DataFrame) -> bytes:
    """A DataFrame as CSV text (UTF-8 bytes) for the core reader: the header is the column names,
    dates are written YYYY-MM-DD, a Period or datetime ``tmt`` YYYY-MM, numbers in their shortest
    round-trip form, missing values as empty fields."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, not {type(df).__name__}")
    names = [str(c) for c in df.columns]
    return _core.csv_from_columns(names, [_column_texts(n, df.iloc[:, i]) for i, n in enumerate(names)])


def _floats_as_text(values: np.ndarray) -> np.ndarray:
    """Floats in their shortest round-trip form ("12.5", "24.0", "1e-07"); NaN as ""."""
    out = np.array([repr(v) for v in values.tolist()], dtype=object)
    out[np.isnan(values)] = ""
    return out
