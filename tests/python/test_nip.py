"""NIP and NI PPPK parsing (Peraturan Kepala BKN 22/2007 and 43/2007; ASN-RULES.md section 9)."""

import datetime

import pytest

import penata
from penata import NipRules, ValidationError, parse_nip


def test_pns_nip_parts():
    p = parse_nip("198609262015051001")
    assert p == penata.NipParts(employment_type="PNS", birth_date=datetime.date(1986, 9, 26), tmt="2015-05",
                                gender="L", sequence=1, pppk_code=None, tmt_year=2015, tmt_month=5)


def test_pppk_ni_parts():
    p = parse_nip("199009132025242014", "PPPK")
    assert p.employment_type == "PPPK"
    assert p.birth_date == datetime.date(1990, 9, 13)
    assert p.tmt == "2025" and p.tmt_year == 2025 and p.tmt_month is None
    assert p.pppk_code == 24 and p.gender == "P" and p.sequence == 14


def test_parts_are_frozen():
    p = parse_nip("198609262015051001")
    with pytest.raises(Exception):
        p.gender = "P"  # type: ignore[misc]


def test_int_nip_is_accepted():
    assert parse_nip(198609262015051001).sequence == 1


def test_leap_day_is_a_real_date():
    assert parse_nip("198402292015051001").birth_date == datetime.date(1984, 2, 29)


@pytest.mark.parametrize("nip, rule, words", [
    ("198602302015051001", "nip.birth_date", "birth date 19860230"),   # 30 February
    ("198509292015131001", "nip.tmt_month", "TMT month 13"),
    ("198609262015131001", "nip.tmt_month", "digits 13-14"),
    ("198609262015053001", "nip.gender", "gender 3"),
    ("198609262015051000", "nip.sequence", "sequence 000"),
    ("19860926201505100", "nip.length", "not 17"),
    ("1986092620150510011", "nip.length", "not 19"),
    ("19860926201505100A", "nip.digits", "character 18"),
    ("1986-09-26-2015-05", "nip.digits", "digits only"),
    ("", "nip.required", "empty"),
    ("200001012015051001", "nip.tmt_age", "age of 18"),                 # TMT at 15
    ("180001012015051001", "nip.birth_year", "1800"),
])
def test_each_wrong_part_names_itself(nip, rule, words):
    with pytest.raises(ValidationError) as info:
        parse_nip(nip)
    e = info.value
    assert e.rule == rule
    assert e.field == "nip"
    assert e.value == nip
    assert words in str(e)
    assert e.issues == [{"row": -1, "field": "nip", "value": nip, "rule": rule, "message": e.issues[0]["message"]}]
    assert isinstance(e, ValueError) and isinstance(e, penata.PenataError)


def test_pppk_code_is_not_a_month():
    with pytest.raises(ValidationError) as info:
        parse_nip("199009132025052014", "PPPK")
    assert info.value.rule == "nip.pppk_code"
    assert "21, 24" in str(info.value)
    # and a PPPK code read as a PNS month is refused as a month
    with pytest.raises(ValidationError, match="TMT month 24"):
        parse_nip("199009132025242014", "PNS")


def test_rules_argument():
    strict = NipRules(pppk_codes=(21,))
    with pytest.raises(ValidationError) as info:
        parse_nip("199009132025242014", "PPPK", rules=strict)
    assert info.value.rule == "nip.pppk_code"
    assert parse_nip("199009132025212014", "PPPK", rules=strict).pppk_code == 21
    young = NipRules(min_age_at_tmt=15)
    assert parse_nip("200001012015051001", rules=young).tmt == "2015-05"
    assert NipRules().min_age_at_tmt == 18 and NipRules().pppk_codes == (21, 24)
    assert "BKN" in NipRules().source


def test_bad_rules_name_their_field():
    with pytest.raises(ValidationError) as info:
        NipRules(min_age_at_tmt=-1)
    assert info.value.field == "min_age_at_tmt"
    with pytest.raises(ValidationError) as info:
        NipRules(pppk_codes=(100,))
    assert info.value.field == "pppk_codes"


def test_unknown_employment_type():
    with pytest.raises(ValidationError) as info:
        parse_nip("198609262015051001", "pns")
    assert info.value.field == "employment_type"


def test_wrong_types():
    with pytest.raises(TypeError):
        parse_nip(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_nip("198609262015051001", rules={"min_age_at_tmt": 18})  # type: ignore[arg-type]
