"""Workforce.from_csv / to_csv: raise and collect modes, every kind of bad input."""

import warnings

import pandas as pd
import pytest

import penata
from penata import FormatError, IoError, PenataWarning, ValidationError, Workforce
from conftest import GOOD_ROWS, HEADER, UNITS_CSV, csv_text, row


def test_good_file_loads(write_csv):
    wf = Workforce.from_csv(write_csv(GOOD_ROWS))
    assert len(wf) == 3
    r = wf.import_report
    assert (r.rows_read, r.rows_loaded, r.rows_rejected) == (3, 3, 0)
    assert r.unknown_columns == ()
    assert set(r.created_units) == {"BKD", "DISDIK", "BKD-MUT"}  # units=None: created, top-level
    assert list(wf.rejected.columns) == ["row", "field", "value", "rule", "reason"]
    assert wf.rejected.empty
    assert set(wf.units.roots()) == {"BKD", "DISDIK", "BKD-MUT"}


def test_units_given_as_path_frame_or_object(write_csv, units_path):
    path = write_csv(GOOD_ROWS)
    for units in (units_path, pd.read_csv(units_path, keep_default_na=False), penata.Units.from_csv(units_path)):
        wf = Workforce.from_csv(path, units=units)
        assert wf.import_report.created_units == ()
        assert wf.units.parent_code("BKD-MUT") == "BKD"
        assert list(wf.units_frame().columns) == ["code", "name", "parent_code"]
        assert len(wf.units_frame()) == 4


def test_errors_argument_is_checked(write_csv):
    with pytest.raises(ValueError, match="'raise' or 'collect'"):
        Workforce.from_csv(write_csv(GOOD_ROWS), errors="ignore")


def test_raise_stops_at_first_bad_row_and_names_it(write_csv):
    rows = [GOOD_ROWS[0], row(1, golongan="XVIII"), row(2, golongan="V/a")]
    with pytest.raises(ValidationError) as info:
        Workforce.from_csv(write_csv(rows))
    e = info.value
    assert (e.row, e.field, e.value, e.rule) == (2, "golongan", "XVIII", "golongan.known")
    assert isinstance(e, ValueError)


def test_collect_loads_good_rows_and_reports_bad(write_csv):
    rows = [GOOD_ROWS[0], row(1, golongan="XVIII", training_hours="-2"), GOOD_ROWS[2]]
    wf = Workforce.from_csv(write_csv(rows), errors="collect")
    assert len(wf) == 2
    assert (wf.import_report.rows_read, wf.import_report.rows_loaded, wf.import_report.rows_rejected) == (3, 2, 1)
    rej = wf.rejected
    assert list(rej.columns) == ["row", "field", "value", "rule", "reason"]
    assert rej["row"].tolist() == [2, 2]
    assert rej["field"].tolist() == ["golongan", "training_hours"]
    assert rej["value"].tolist() == ["XVIII", "-2"]
    assert rej["rule"].tolist() == ["golongan.known", "training_hours.non_negative"]
    assert all(rej["reason"].str.len() > 0)
    assert wf.find(GOOD_ROWS[1]["nip"]) is None


@pytest.mark.parametrize("changes, field, rule", [
    (dict(golongan="V/z"), "golongan", "golongan.known"),
    (dict(golongan="IX"), "golongan", "golongan.known"),               # a PPPK golongan on a PNS
    (dict(training_hours="-1"), "training_hours", "training_hours.non_negative"),
    (dict(training_hours="lots"), "training_hours", "training_hours.number"),
    (dict(training_hours="nan"), "training_hours", "training_hours.number"),
    (dict(nip="198609262015131001"), "nip", "nip.tmt_month"),
    (dict(nip="19860926201505100X"), "nip", "nip.digits"),
    (dict(gender="P"), "gender", "gender.matches_nip"),
    (dict(gender="X"), "gender", "gender.known"),
    (dict(birth_date="1986-09-27"), "birth_date", "birth_date.matches_nip"),
    (dict(birth_date="1986-02-30"), "birth_date", "birth_date.format"),
    (dict(tmt="2015-06"), "tmt", "tmt.matches_nip"),
    (dict(tmt="2015-13"), "tmt", "tmt.format"),
    (dict(employment_type="pns"), "employment_type", "employment_type.known"),
    (dict(position_class="staf"), "position_class", "position_class.known"),
    (dict(position_level=""), "position_level", "position_level.required"),
    (dict(position_level="madya"), "position_level", "position_level.known"),
    (dict(education="S4"), "education", "education.known"),
    (dict(discipline="berat sekali"), "discipline", "discipline.known"),
    (dict(name=""), "name", "name.required"),
    (dict(name="x" * 201), "name", "name.length"),
    (dict(unit_code=""), "unit_code", "unit_code.required"),
])
def test_every_bad_field_is_named(write_csv, changes, field, rule):
    wf = Workforce.from_csv(write_csv([GOOD_ROWS[1], row(0, **changes)]), errors="collect")
    assert len(wf) == 1
    rej = wf.rejected
    assert (rej["row"] == 2).all()
    assert field in rej["field"].tolist()
    assert rule in rej["rule"].tolist()
    value = changes.get(field, GOOD_ROWS[0][field])
    if len(value) <= 200:
        assert value in rej["value"].tolist()


def test_level_on_a_non_fungsional_position(write_csv):
    wf = Workforce.from_csv(write_csv([row(2, position_level="ahli_muda")]), errors="collect")
    assert wf.rejected["rule"].tolist() == ["position_level.not_allowed"]


def test_pppk_tmt_must_be_in_the_appointment_year(write_csv):
    wf = Workforce.from_csv(write_csv([row(1, tmt="2024-12")]), errors="collect")
    assert wf.rejected["rule"].tolist() == ["tmt.matches_nip"]


def test_unknown_unit_with_units_given(write_csv, units_path):
    wf = Workforce.from_csv(write_csv([GOOD_ROWS[0], row(2, unit_code="NOPE")]), units=units_path, errors="collect")
    assert len(wf) == 1
    assert wf.rejected[["row", "field", "value", "rule"]].values.tolist() == [[2, "unit_code", "NOPE", "unit_code.known"]]
    with pytest.raises(ValidationError) as info:
        Workforce.from_csv(write_csv([row(2, unit_code="NOPE")]), units=units_path)
    assert info.value.rule == "unit_code.known"


def test_duplicate_nip(write_csv):
    wf = Workforce.from_csv(write_csv([GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]]), errors="collect")
    assert len(wf) == 2
    rej = wf.rejected
    assert rej["row"].tolist() == [3] and rej["rule"].tolist() == ["nip.unique"]
    assert "row 1" in rej["reason"][0]


def test_missing_column_is_a_format_error(write_csv):
    header = [h for h in HEADER if h != "golongan"]
    for errors in ("raise", "collect"):
        with pytest.raises(FormatError, match="golongan") as info:
            Workforce.from_csv(write_csv(csv_text(GOOD_ROWS, header)), errors=errors)
        assert isinstance(info.value, ValueError)


def test_duplicated_column_is_a_format_error(write_csv):
    text = csv_text(GOOD_ROWS).replace("discipline\n", "discipline,nip\n", 1)
    with pytest.raises(FormatError, match="twice"):
        Workforce.from_csv(write_csv(text))


def test_wrong_field_count(write_csv):
    lines = csv_text(GOOD_ROWS).splitlines()
    lines[2] += ",extra"
    text = "\n".join(lines) + "\n"
    wf = Workforce.from_csv(write_csv(text), errors="collect")
    assert wf.rejected["rule"].tolist() == ["row.field_count"] and wf.rejected["row"].tolist() == [2]
    with pytest.raises(ValidationError):
        Workforce.from_csv(write_csv(text))


def test_bom_is_accepted(write_csv):
    wf = Workforce.from_csv(write_csv(GOOD_ROWS, bom=True))
    assert len(wf) == 3 and wf.import_report.unknown_columns == ()


def test_columns_in_any_order(write_csv):
    wf = Workforce.from_csv(write_csv(csv_text(GOOD_ROWS, list(reversed(HEADER)))))
    assert wf.to_frame()["name"].tolist() == [r["name"] for r in GOOD_ROWS]


def test_quoted_commas_quotes_and_newlines(write_csv):
    rows = [row(0, name='Budi "Bud" Santoso, S.T.', position_name="Analis, SDM"),
            row(1, name="Siti\nAminah"),  # a newline inside a quoted field: one record, a bad name
            GOOD_ROWS[2]]
    wf = Workforce.from_csv(write_csv(rows), errors="collect")
    assert wf.import_report.rows_read == 3
    assert wf.to_frame()["name"].tolist() == ['Budi "Bud" Santoso, S.T.', "Ahmad, S.Sos."]
    assert wf.to_frame()["position_name"][0] == "Analis, SDM"
    assert wf.rejected[["row", "rule"]].values.tolist() == [[2, "name.chars"]]


def test_unterminated_quote_is_a_format_error(write_csv):
    text = csv_text(GOOD_ROWS[:1]) + '198609262015051002,"Unclosed,PNS\n'
    with pytest.raises(FormatError):
        Workforce.from_csv(write_csv(text), errors="collect")


@pytest.mark.parametrize("content", ["", "\ufeff"])
def test_empty_file_is_a_format_error(write_csv, content):
    with pytest.raises(FormatError, match="empty"):
        Workforce.from_csv(write_csv(content))


def test_header_only_gives_an_empty_workforce(write_csv):
    wf = Workforce.from_csv(write_csv([]))
    assert len(wf) == 0
    assert list(wf.to_frame().columns) == HEADER
    assert repr(wf).startswith("<penata.Workforce: 0 employees")


def test_a_10_mb_field_is_rejected_and_clipped(write_csv):
    big = "A" * (10 * 1024 * 1024)
    wf = Workforce.from_csv(write_csv([row(0, name=big), GOOD_ROWS[1]]), errors="collect")
    assert len(wf) == 1
    rej = wf.rejected
    assert rej["rule"].tolist() == ["name.length"]
    assert len(rej["value"][0]) <= 203 and rej["value"][0].endswith("...")
    assert str(10 * 1024 * 1024) in rej["reason"][0]


def test_unknown_column_warns_and_is_reported(write_csv):
    header = HEADER + ["catatan", "nik"]
    rows = [dict(r, catatan="x", nik="1") for r in GOOD_ROWS]
    with pytest.warns(PenataWarning, match="'catatan', 'nik'"):
        wf = Workforce.from_csv(write_csv(csv_text(rows, header)))
    assert wf.import_report.unknown_columns == ("catatan", "nik")
    assert len(wf) == 3


def test_no_warning_for_canonical_columns(write_csv):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Workforce.from_csv(write_csv(GOOD_ROWS))


def test_missing_file_is_an_io_error(tmp_path):
    with pytest.raises(IoError) as info:
        Workforce.from_csv(tmp_path / "nope.csv")
    assert isinstance(info.value, OSError) and "nope.csv" in str(info.value)


def test_to_csv_from_csv_round_trip(tmp_path, write_csv):
    wf = Workforce.from_csv(write_csv(GOOD_ROWS))
    out = tmp_path / "out.csv"
    assert wf.to_csv(out) is None
    back = Workforce.from_csv(out)
    pd.testing.assert_frame_equal(back.to_frame(), wf.to_frame())
    assert wf.to_csv().splitlines()[0] == ",".join(HEADER)
    assert out.read_bytes().decode("utf-8") == wf.to_csv()


def test_sample_round_trip_through_csv(tmp_path):
    wf = penata.datasets.bengkulu(n=2000, seed=3)
    wf.to_csv(tmp_path / "w.csv")
    wf.units.to_csv(tmp_path / "u.csv")
    back = Workforce.from_csv(tmp_path / "w.csv", units=tmp_path / "u.csv")
    assert back.rejected.empty and back.import_report.created_units == ()
    pd.testing.assert_frame_equal(back.to_frame(), wf.to_frame())
    assert back.units == wf.units


def test_bad_units_file(tmp_path, write_csv):
    bad = tmp_path / "units.csv"
    bad.write_text("code,name,parent_code\nA,Unit A,\nB,Unit B,MISSING\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Workforce.from_csv(write_csv(GOOD_ROWS), units=bad)
    assert (info.value.row, info.value.field, info.value.rule) == (2, "parent_code", "unit.parent_known")
    with pytest.raises(TypeError):
        Workforce.from_csv(write_csv(GOOD_ROWS), units=42)
