"""NIP (Nomor Induk Pegawai) of a PNS and NI PPPK.

A PNS NIP has 18 digits, ``YYYYMMDD YYYYMM G NNN`` (Peraturan Kepala BKN 22/2007 and 43/2007):
birth date, TMT CPNS (year and month of first appointment), gender (1 = L, 2 = P) and a sequence
number 001-999. An NI PPPK has the same length but digits 9-12 are the year of first appointment
as PPPK and digits 13-14 a code (not a month; by default 21 or 24).

>>> parse_nip("198609262015051001")
NipParts(employment_type='PNS', birth_date=datetime.date(1986, 9, 26), tmt='2015-05', gender='L', sequence=1, pppk_code=None, tmt_year=2015, tmt_month=5)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Optional, Tuple, Union

from . import _core

__all__ = ["NipParts", "NipRules", "parse_nip"]


@dataclass(frozen=True)
class NipRules:
    """The configurable parts of NIP validation.

    Attributes:
        min_age_at_tmt: minimum age in whole years at first appointment (PP 11/2017 sets the
            applicant age at 18-35), compared at month granularity.
        pppk_codes: accepted values of NI PPPK digits 13-14.
        min_birth_year, max_birth_year: plausible birth years.
        source: where these rules come from.
    """

    min_age_at_tmt: int = 18
    pppk_codes: Tuple[int, ...] = (21, 24)
    min_birth_year: int = 1900
    max_birth_year: int = 2099
    source: str = field(default_factory=lambda: _core.NipRules().source)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pppk_codes", tuple(int(c) for c in self.pppk_codes))
        self._to_core().validate()  # refuse inconsistent rules at once, naming the field

    def __reduce__(self):  # pickling through the library's own serialization, like the other objects
        from .archive import _restore
        return (_restore, (_core.save_bytes([("nip_rules", self._to_core())], "binary"),))

    def _to_core(self) -> "_core.NipRules":
        r = _core.NipRules()
        r.min_age_at_tmt = int(self.min_age_at_tmt)
        r.pppk_codes = list(self.pppk_codes)
        r.min_birth_year = int(self.min_birth_year)
        r.max_birth_year = int(self.max_birth_year)
        r.source = str(self.source)
        return r

    @classmethod
    def _from_core(cls, r: "_core.NipRules") -> "NipRules":
        return cls(min_age_at_tmt=r.min_age_at_tmt, pppk_codes=tuple(r.pppk_codes),
                   min_birth_year=r.min_birth_year, max_birth_year=r.max_birth_year, source=r.source)


@dataclass(frozen=True)
class NipParts:
    """The parts of a valid NIP or NI PPPK.

    Attributes:
        employment_type: "PNS" or "PPPK".
        birth_date: the birth date (digits 1-8).
        tmt: first appointment, "YYYY-MM" for a PNS, "YYYY" for a PPPK (whose number has no month).
        gender: "L" (digit 1) or "P" (digit 2).
        sequence: 1..999.
        pppk_code: digits 13-14 of an NI PPPK; None for a PNS.
        tmt_year: year of first appointment.
        tmt_month: 1..12 for a PNS; None for a PPPK.
    """

    employment_type: str
    birth_date: datetime.date
    tmt: str
    gender: str
    sequence: int
    pppk_code: Optional[int]
    tmt_year: int
    tmt_month: Optional[int]


def _coerce_rules(rules: Optional[NipRules]) -> "_core.NipRules":
    if rules is None:
        return _core.NipRules()
    if isinstance(rules, NipRules):
        return rules._to_core()
    if isinstance(rules, _core.NipRules):
        return rules
    raise TypeError(f"rules must be a penata.NipRules, not {type(rules).__name__}")


def parse_nip(nip: Union[str, int], employment_type: str = "PNS",
              rules: Optional[NipRules] = None) -> NipParts:
    """Parses a PNS NIP or an NI PPPK.

    Args:
        nip: the 18 digits, as text (an int is accepted and written out as its digits).
        employment_type: "PNS" (default) or "PPPK"; decides how digits 9-14 are read.
        rules: the NipRules to apply; the defaults when None.

    Raises:
        ValidationError: with ``field == "nip"`` and a ``rule`` naming the wrong part
            (``nip.digits``, ``nip.length``, ``nip.birth_date``, ``nip.birth_year``,
            ``nip.tmt_month``, ``nip.tmt_age``, ``nip.pppk_code``, ``nip.gender``,
            ``nip.sequence``), or ``field == "employment_type"`` for an unknown type.
    """
    if isinstance(nip, bool) or not isinstance(nip, (str, int)):
        raise TypeError(f"nip must be a str of 18 digits, not {type(nip).__name__}")
    if not isinstance(employment_type, str):
        raise TypeError(f"employment_type must be 'PNS' or 'PPPK', not {type(employment_type).__name__}")
    d = _core.parse_nip(str(nip), employment_type, _coerce_rules(rules))
    pns = d["employment_type"] == "PNS"
    year, month = d["tmt_year"], d["tmt_month"]
    return NipParts(
        employment_type=d["employment_type"],
        birth_date=datetime.date(*d["birth_date"]),
        tmt=f"{year:04d}-{month:02d}" if pns else f"{year:04d}",
        gender=d["gender"],
        sequence=d["sequence"],
        pppk_code=None if pns else d["pppk_code"],
        tmt_year=year,
        tmt_month=month if pns else None,
    )
