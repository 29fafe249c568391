"""penata.RuleSet: built-ins, JSON round trip, validation of bad rule sets, notes, repr, pickling."""

import json
import pickle

import pytest

import penata
from penata import RuleSet, ValidationError

BUILTINS = ["default", "perban-8-2019", "permenpanrb-1-2023", "permenpanrb-3-2020", "permenpanrb-6-2022",
            "pp-30-2019", "pp-46-2011"]


def test_names_and_properties():
    assert sorted(RuleSet.names()) == sorted(BUILTINS)
    rs = RuleSet.builtin("perban-8-2019")
    assert rs.name == "perban-8-2019"
    assert "BKN" in rs.regulation and "8 Tahun 2019" in rs.regulation
    assert rs.version
    assert rs.sections == ["ip_asn"] and rs.has("ip_asn") and not rs.has("talent")


def test_unknown_builtin_is_not_found():
    with pytest.raises(penata.NotFoundError):
        RuleSet.builtin("permenpanrb-99-2099")


@pytest.mark.parametrize("name", BUILTINS)
def test_json_round_trip(name):
    rs = RuleSet.builtin(name)
    text = rs.to_json()
    back = RuleSet.from_json(text)
    assert back == rs and back.to_json() == text
    assert back.notes == rs.notes
    one_line = rs.to_json(-1)
    assert "\n" not in one_line and RuleSet.from_json(one_line) == rs
    assert pickle.loads(pickle.dumps(rs)) == rs


def test_file_round_trip(tmp_path):
    rs = RuleSet.builtin("default")
    p = tmp_path / "rules.json"
    rs.to_file(p)
    assert RuleSet.from_file(p) == rs
    assert penata.predikat(["di_atas"], ["di_atas"], rules=str(p)).tolist() == ["sangat_baik"]
    with pytest.raises(penata.IoError):
        RuleSet.from_file(tmp_path / "missing.json")


def test_memory_and_uncertain_notes_are_carried():
    notes = RuleSet.builtin("perban-8-2019").notes
    assert notes["ip_asn.points.kinerja"].startswith("UNCERTAIN")
    assert notes["ip_asn.points.disiplin"].startswith("UNCERTAIN")
    pp46 = RuleSet.builtin("pp-46-2011")
    assert pp46.note("pp46.tugas_tambahan").startswith("MEMORY")
    assert RuleSet.builtin("permenpanrb-3-2020").note("talent.potential").startswith("UNCERTAIN")
    assert pp46.note("no.such.path") == ""


def test_repr_is_bounded_and_html():
    rs = RuleSet.builtin("default")
    r = repr(rs)
    assert r.startswith("<penata.RuleSet 'default'") and len(r) < 300
    assert "ip_asn" in rs._repr_html_()


def _edit(name, change):
    d = json.loads(RuleSet.builtin(name).to_json())
    change(d)
    return json.dumps(d)


def _raises(text, field_part, rule_part="ruleset."):
    with pytest.raises(ValidationError) as e:
        RuleSet.from_json(text)
    assert field_part in e.value.field, e.value.issues
    assert e.value.rule.startswith(rule_part), e.value.issues
    assert isinstance(e.value, ValueError)
    return e.value


def test_weights_summing_to_0_9_are_refused():
    def change(d):
        d["ip_asn"]["weights"]["kinerja"] = 0.2  # 0.25 + 0.4 + 0.2 + 0.05 = 0.9
    err = _raises(_edit("perban-8-2019", change), "ip_asn.weights")
    assert "0.9" in str(err) or "sum" in str(err)


def test_overlapping_bands_are_refused():
    def change(d):
        d["ip_asn"]["categories"]["bands"][1]["from"] = 60.0  # overlaps [0, 61)
    _raises(_edit("perban-8-2019", change), "ip_asn.categories.bands")


def test_gap_in_bands_is_refused():
    def change(d):
        d["talent"]["potential"]["bands"][1]["from"] = 80.0  # gap 78..80
    _raises(_edit("permenpanrb-3-2020", change), "talent.potential.bands")


def test_missing_matrix_cell_is_refused():
    def change(d):
        del d["predikat_matrix"]["sesuai"]["di_atas"]
    _raises(_edit("permenpanrb-6-2022", change), "predikat_matrix.sesuai")


def test_unknown_enum_text_and_unknown_key_are_refused():
    def change(d):
        d["predikat_matrix"]["sesuai"]["sesuai"] = "bagus"
    _raises(_edit("permenpanrb-6-2022", change), "predikat_matrix.sesuai.sesuai")

    def extra(d):
        d["ip_asn"]["bonus"] = 1
    _raises(_edit("perban-8-2019", extra), "ip_asn")


def test_box_numbers_must_be_a_permutation():
    def change(d):
        d["talent"]["boxes"]["sesuai"]["sesuai" if False else "rendah"] = 9
    _raises(_edit("permenpanrb-3-2020", change), "talent.boxes")


def test_not_json_is_a_format_error():
    with pytest.raises(penata.FormatError):
        RuleSet.from_json("{not json")


def test_combine_and_duplicate_sections():
    a, b = RuleSet.builtin("permenpanrb-6-2022"), RuleSet.builtin("perban-8-2019")
    c = RuleSet.combine("mine", "PermenPANRB 6/2022 + Perban 8/2019", "1", [a, b])
    assert c.sections == ["predikat_matrix", "distribution", "ip_asn"]
    with pytest.raises(ValidationError) as e:
        RuleSet.combine("dup", "", "1", [a, a])
    assert e.value.rule == "ruleset.section_duplicate"


def test_agency_rule_set_changes_results():
    # An agency that rates "di_atas x sesuai" as sangat_baik: edit the JSON, not the code.
    def change(d):
        d["name"] = "agency"
        d["predikat_matrix"]["di_atas"]["sesuai"] = "sangat_baik"
    rs = RuleSet.from_json(_edit("permenpanrb-6-2022", change))
    assert penata.predikat(["di_atas"], ["sesuai"], rules=rs).tolist() == ["sangat_baik"]
    assert penata.predikat(["di_atas"], ["sesuai"]).tolist() == ["baik"]
