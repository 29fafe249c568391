"""Pseudonymisation and disclosure checks for data shared with researchers (UU 27/2022).

NIPs, names and birth dates are personal data (UU 27/2022 Pasal 4), and appraisal, competency
and discipline results per person are excepted from public information (UU 14/2008 Pasal 17 h).
Before such data leaves the BKD:

>>> import secrets, penata
>>> key = secrets.token_bytes(32)                  # keep it with the data controller, never in the data
>>> wf = penata.datasets.bengkulu(n=1000)          # SYNTHETIC sample
>>> release = penata.pseudonymise(wf, key)         # tokens, no names, birth and TMT years
>>> p = penata.Pseudonymiser(key)
>>> scores = p.apply(penata.appraise(wf, inputs="sample").reset_index())  # the same tokens: joins still work
>>> penata.disclosure_check(wf, k=5, as_of="2025-06-30").below_k          # groups that single people out

A token is the hex of HMAC-SHA-256(key, "penata:nip:v1:" + the 18-digit NIP), cut to
``token_bits`` (OpenSSL, through the C++ core). The same key gives the same tokens (link yearly
releases only when that is approved); without the key the tokens can be neither reversed nor
recomputed. The result is **pseudonymised, not anonymised**: it is still personal data, and a
DPIA is due for systematic scoring of employees (UU 27/2022 Pasal 34). See docs/privacy.md.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _convert as cv
from . import _core
from .errors import ValidationError
from .frames import ENUM_FIELDS, golongan_categories

__all__ = ["Pseudonymiser", "pseudonymise", "disclosure_check", "DisclosureCheck", "new_key", "NIP_TOKEN_DOMAIN",
           "QUASI_IDENTIFIERS", "DEFAULT_QUASI_IDENTIFIERS"]

#: The domain-separation prefix hashed before every NIP (token format version 1).
NIP_TOKEN_DOMAIN: str = _core.NIP_TOKEN_DOMAIN
#: Quasi-identifiers a workforce can be checked on.
QUASI_IDENTIFIERS = tuple(_core.QUASI_IDENTIFIERS)
#: The quasi-identifiers of the default disclosure check.
DEFAULT_QUASI_IDENTIFIERS = ("unit_code", "golongan", "gender", "age_band", "education")
#: Columns that name a person directly; dropped by :meth:`Pseudonymiser.apply`.
NAME_COLUMNS = ("name", "nama", "gelar_depan", "gelar_belakang", "nik", "email", "alamat", "nomor_hp", "npwp")

_NOTE = "pseudonymised, not anonymised: still personal data under UU 27/2022"

KeyLike = Union[bytes, bytearray, memoryview, str]


def new_key() -> bytes:
    """32 bytes from the operating system's cryptographic random source: a new key per release
    (unlinkable releases) unless longitudinal linkage is approved."""
    import secrets

    return secrets.token_bytes(32)


def _key_bytes(key: KeyLike) -> bytes:
    if isinstance(key, str):  # a hex text, as kept in a secrets manager or an environment variable
        try:
            return bytes.fromhex(key)
        except ValueError:
            raise ValidationError.from_issues([{"row": -1, "field": "key", "value": f"{len(key)} characters",
                                                "rule": "privacy.key_hex",
                                                "message": "a text key must be hexadecimal (bytes.hex() of 32 random "
                                                           "bytes); pass bytes otherwise"}]) from None
    if isinstance(key, (bytes, bytearray, memoryview)):
        return bytes(key)
    raise TypeError(f"key must be bytes or a hex text, not {type(key).__name__}")


class Pseudonymiser:
    """Replaces NIPs by keyed tokens in any table, with one key.

    Args:
        key: at least 32 secret bytes (or their hex text). Kept in memory only; this object
            refuses to be pickled so that the key never travels with data.
        token_bits: token length, 64 to 256 in steps of 32 (128 = 32 hex characters).
    """

    __slots__ = ("_key", "token_bits")

    def __init__(self, key: KeyLike, token_bits: int = 128) -> None:
        self._key = _core.PseudonymKey(_key_bytes(key))
        if not isinstance(token_bits, (int, np.integer)) or isinstance(token_bits, bool):
            raise TypeError("token_bits must be an integer")
        self.token_bits = int(token_bits)
        self.tokens(np.zeros(0, dtype=np.uint64))  # checks token_bits now

    def tokens(self, nips: Any) -> Any:
        """The token of each NIP (18-digit texts or unsigned integers).
        A Series gives a Series with the same index, anything else a numpy array of str."""
        index = cv.labels_of(nips)
        codes = cv.nips(nips, "nip", index)
        out = _core.nip_tokens(self._key, codes, self.token_bits).astype(str)
        if isinstance(nips, pd.Series):
            return pd.Series(out, index=nips.index, name=nips.name)
        return out

    def apply(self, frame: pd.DataFrame, nip_columns: Optional[Sequence[str]] = None) -> pd.DataFrame:
        """A copy of `frame` safe to share: every NIP column (``nip`` and every ``*_nip``, or
        those named) holds tokens, and a NIP index becomes tokens too; direct identifiers
        (:data:`NAME_COLUMNS`) are dropped; ``birth_date`` becomes ``birth_year`` and ``tmt``
        becomes ``tmt_year``. An empty NIP cell (e.g. no evaluator) stays empty."""
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"apply takes a DataFrame, not {type(frame).__name__}")
        out = frame.copy()
        cols = list(nip_columns) if nip_columns is not None else [
            c for c in out.columns if isinstance(c, str) and (c == "nip" or c.endswith("_nip"))]
        missing = [c for c in cols if c not in out.columns]
        if missing:
            raise KeyError(f"no such column(s): {', '.join(map(str, missing))}")
        for c in cols:
            out[c] = self._column(out[c], c)
        if out.index.name == "nip" or (isinstance(out.index, pd.MultiIndex) and "nip" in out.index.names):
            out = out.reset_index()
            out["nip"] = self._column(out["nip"], "nip")
            out = out.set_index("nip")
            out.index.name = "token"
        out = out.drop(columns=[c for c in NAME_COLUMNS if c in out.columns])
        if "birth_date" in out.columns:
            out.insert(out.columns.get_loc("birth_date"), "birth_year", pd.to_datetime(out.pop("birth_date")).dt.year)
        if "tmt" in out.columns:
            at = out.columns.get_loc("tmt")
            t = out.pop("tmt")
            out.insert(at, "tmt_year", t.dt.year if isinstance(t.dtype, pd.PeriodDtype) else pd.to_datetime(t).dt.year)
        out = out.rename(columns={c: ("token" if c == "nip" else c[:-4] + "_token") for c in cols})
        out.attrs["penata"] = {"pseudonymised": True, "note": _NOTE, "token": f"HMAC-SHA-256, {self.token_bits} bits"}
        return out

    def _column(self, s: pd.Series, name: str) -> pd.Series:
        empty = s.isna() | (s.astype(str).str.strip() == "")
        out = pd.Series(pd.array([None] * len(s), dtype="string"), index=s.index)
        if (~empty).any():
            kept = s[~empty]
            out[~empty] = self.tokens(kept.reset_index(drop=True).rename(name)).to_numpy()
        return out

    def __repr__(self) -> str:
        return f"<penata.Pseudonymiser: {self.token_bits}-bit tokens, key hidden>"

    def __reduce__(self):
        raise TypeError("a Pseudonymiser holds a secret key and is never pickled: create one in each process")


_BIRTH = ("year", "age_band", "drop")


def pseudonymise(data: Any, key: KeyLike, *, birth: str = "year", tmt: str = "year", as_of: Any = None,
                 band_years: int = 5, keep_position_name: bool = False, token_bits: int = 128,
                 nip_columns: Optional[Sequence[str]] = None) -> pd.DataFrame:
    """A release-ready copy of a workforce (or of any table with NIP columns).

    For a :class:`penata.Workforce`: columns ``token``, ``employment_type``, ``gender``,
    ``birth_year`` (``birth="year"``; ``"age_band"`` gives ``age_band`` such as "40-44" as of
    ``as_of``; ``"drop"`` leaves it out), ``tmt_year`` (``tmt="drop"`` leaves it out),
    ``golongan``, ``position_class``, ``position_level``, ``position_name`` (only with
    ``keep_position_name``: a unique post names its holder), ``unit_code``, ``education``,
    ``training_hours``, ``discipline``. Names are never kept.

    For a DataFrame (assessments, appraisal results, attendance...): :meth:`Pseudonymiser.apply`.
    Use one key for every table of a release so that they still join on the token.
    """
    p = Pseudonymiser(key, token_bits)
    if isinstance(data, pd.DataFrame):
        return p.apply(data, nip_columns)
    from .workforce import Workforce

    if not isinstance(data, Workforce):
        raise TypeError(f"pseudonymise takes a Workforce or a DataFrame, not {type(data).__name__}")
    for value, field, allowed in ((birth, "birth", _BIRTH), (tmt, "tmt", ("year", "drop"))):
        if value not in allowed:
            raise ValidationError.from_issues([{"row": -1, "field": field, "value": str(value)[:200],
                                                "rule": f"privacy.{field}",
                                                "message": "must be one of " + "|".join(allowed)}])
    day = 0 if as_of is None else cv.day(as_of)
    d = _core.pseudonymise(data._wf, p._key, p.token_bits, birth, tmt, day, int(band_years), bool(keep_position_name))
    et = d["employment_type"]
    g = d["golongan"].astype(np.int16)
    cols: dict = {"token": d["token"].astype(str)}
    cols["employment_type"] = pd.Categorical.from_codes(et.astype(np.int8), categories=ENUM_FIELDS["employment_type"])
    cols["gender"] = pd.Categorical.from_codes(d["gender"].astype(np.int8), categories=ENUM_FIELDS["gender"])
    if "birth" in d:
        if birth == "age_band":
            lo = d["birth"].astype(np.int64)
            labels = np.char.add(np.char.add(lo.astype(str), "-"), (lo + int(band_years) - 1).astype(str))
            cats = sorted(set(labels.tolist()), key=lambda s: int(s.split("-")[0]))
            cols["age_band"] = pd.Categorical(labels, categories=cats, ordered=True)
        else:
            cols["birth_year"] = d["birth"].astype(np.int16)
    if "tmt_year" in d:
        cols["tmt_year"] = d["tmt_year"]
    cols["golongan"] = pd.Categorical.from_codes(np.where(g >= 1, g - 1 + 17 * et.astype(np.int16), -1),
                                                 categories=golongan_categories())
    for f in ("position_class", "position_level"):
        cols[f] = pd.Categorical.from_codes(d[f].astype(np.int8), categories=ENUM_FIELDS[f])
    if keep_position_name:
        cols["position_name"] = pd.Series(d["position_name"], dtype="string")
    cols["unit_code"] = pd.Categorical.from_codes(d["unit"].astype(np.int32), categories=list(d["unit_codes"]))
    cols["education"] = pd.Categorical.from_codes(d["education"].astype(np.int8), categories=ENUM_FIELDS["education"],
                                                  ordered=True)
    cols["training_hours"] = d["training_hours"]
    cols["discipline"] = pd.Categorical.from_codes(d["discipline"].astype(np.int8),
                                                   categories=ENUM_FIELDS["discipline"], ordered=True)
    out = pd.DataFrame(cols)
    out.attrs["penata"] = {"pseudonymised": True, "note": _NOTE, "token": f"HMAC-SHA-256, {p.token_bits} bits"}
    return out


class DisclosureCheck:
    """The smallest group over a set of quasi-identifiers, and every group of fewer than k.

    Attributes:
        k, records, groups, smallest: the threshold, the number of records and of distinct
            groups, and the size of the smallest group (the table is k-anonymous on these
            quasi-identifiers when ``smallest >= k``).
        below_k: one row per group of fewer than k records: the quasi-identifier values and
            ``count``.
        ok: no group below k.
    """

    def __init__(self, quasi_identifiers: Sequence[str], k: int, records: int, groups: int, smallest: int,
                 below_k: pd.DataFrame) -> None:
        self.quasi_identifiers = tuple(quasi_identifiers)
        self.k, self.records, self.groups, self.smallest = int(k), int(records), int(groups), int(smallest)
        self.below_k = below_k

    @property
    def ok(self) -> bool:
        return len(self.below_k) == 0

    def __repr__(self) -> str:
        state = "ok" if self.ok else f"{len(self.below_k)} group(s) below k, {int(self.below_k['count'].sum())} record(s)"
        return (f"<penata.DisclosureCheck k={self.k} over {', '.join(self.quasi_identifiers)}: {self.records} records, "
                f"{self.groups} groups, smallest {self.smallest}; {state}>")

    def _repr_html_(self) -> str:
        head = html.escape(repr(self))
        return f"<p>{head}</p>" + (self.below_k.head(20).to_html(index=False) if len(self.below_k) else "")


def _check(qi: Sequence[str], d: dict, decode: List[Any]) -> DisclosureCheck:
    values = d["values"]
    cols = {q: [decode[j](v) for v in values[:, j]] for j, q in enumerate(qi)}
    below = pd.DataFrame(cols)
    below["count"] = d["counts"].astype(np.int64)
    return DisclosureCheck(qi, d["k"], d["records"], d["groups"], d["smallest"], below)


def disclosure_check(data: Any, quasi_identifiers: Iterable[str] = DEFAULT_QUASI_IDENTIFIERS, k: int = 5,
                     as_of: Any = None, band_years: int = 5) -> DisclosureCheck:
    """Counts the records of each combination of quasi-identifiers and lists the combinations
    with fewer than ``k`` records (the people a release could single out).

    ``data`` is a :class:`penata.Workforce` (quasi-identifiers among :data:`QUASI_IDENTIFIERS`;
    ``age_band`` needs ``as_of``) or any DataFrame (quasi-identifiers are its columns, e.g. those
    of :func:`pseudonymise`'s output). Missing values form a group of their own.
    """
    qi = list(quasi_identifiers)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError("k must be an integer")
    if isinstance(data, pd.DataFrame):
        missing = [q for q in qi if q not in data.columns]
        if missing:
            raise KeyError(f"the DataFrame has no column(s) {', '.join(missing)}")
        codes, uniques = [], []
        for q in qi:
            c, u = pd.factorize(data[q], sort=True, use_na_sentinel=False)
            codes.append(np.asarray(c, dtype=np.uint32))
            uniques.append(u)
        d = _core.group_sizes(codes, int(k))
        return _check(qi, d, [lambda v, u=u: u[int(v)] for u in uniques])
    from .workforce import Workforce

    if not isinstance(data, Workforce):
        raise TypeError(f"disclosure_check takes a Workforce or a DataFrame, not {type(data).__name__}")
    unknown = [q for q in qi if q not in QUASI_IDENTIFIERS]
    if unknown:
        raise ValidationError.from_issues([{"row": -1, "field": "quasi_identifiers", "value": q,
                                            "rule": "privacy.quasi_identifier",
                                            "message": "must be one of " + "|".join(QUASI_IDENTIFIERS)}
                                           for q in unknown])
    day = 0 if as_of is None else cv.day(as_of)
    d = _core.disclosure_check(data._wf, [QUASI_IDENTIFIERS.index(q) for q in qi], int(k), day, int(band_years))
    units = list(data._wf.unit_codes())
    gol = golongan_categories()
    decoders = {
        "unit_code": lambda v: units[int(v)],
        "golongan": lambda v: gol[(int(v) % 32) - 1 + 17 * (int(v) // 32)],
        "age_band": lambda v: f"{int(v)}-{int(v) + int(band_years) - 1}",
        "birth_year": int,
    }
    for f in ("gender", "education", "employment_type", "position_class", "position_level"):
        decoders[f] = (lambda names: lambda v: names[int(v)])(ENUM_FIELDS[f])
    return _check(qi, d, [decoders[q] for q in qi])
