"""Competency standards and gap analysis from Python: frameworks, standards, assessments, JPM
worked examples, missing-assessment policy, training needs, ranking, CLI-facing errors."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import penata
from penata.competency import NO_GAP

from conftest import GOOD_ROWS, UNITS_CSV

BUDI, SITI, AHMAD = (r["nip"] for r in GOOD_ROWS)  # ahli_pertama PNS, ahli_pertama PPPK, administrator PNS
CODES = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]
AS_OF = "2025-06-30"


@pytest.fixture
def wf(tmp_path):
    units = tmp_path / "units.csv"
    units.write_text(UNITS_CSV)
    return penata.Workforce.from_frame(pd.DataFrame(GOOD_ROWS), units=str(units))


def records(nip, levels, date="2025-01-15", method="assessment_centre", codes=CODES):
    return [dict(nip=nip, competency=c, level=lv, date=date, method=method) for c, lv in zip(codes, levels)]


def frame(*parts):
    return pd.DataFrame([r for p in parts for r in p])


# ---- framework ---------------------------------------------------------------------------------

def test_builtin_framework_has_the_nine_competencies():
    f = penata.CompetencyFramework.builtin()
    assert f.codes == CODES
    assert f["M.01"]["name"] == "Integritas"
    assert f["SK.01"]["type"] == "sosial_kultural"
    assert list(f.types.unique()) == ["manajerial", "sosial_kultural"]
    assert "M.08" in f and "X" not in f
    assert f.to_frame().loc["M.05", "name"] == "Pelayanan Publik"


def test_framework_round_trips_json_csv_and_pickle(tmp_path):
    f = penata.CompetencyFramework.builtin()
    f.add("T.01", "Manajemen Kepegawaian", "teknis", ["dasar", "", "", "", "ahli"])
    assert penata.CompetencyFramework.from_json(f.to_json()) == f
    path = tmp_path / "f.csv"
    f.to_csv(path)
    assert penata.CompetencyFramework.from_csv(path) == f
    assert penata.CompetencyFramework.from_file(path) == f
    assert penata.CompetencyFramework.from_frame(f.to_frame().reset_index()) == f
    assert pickle.loads(pickle.dumps(f)) == f


def test_framework_bad_input_names_field_and_rule():
    f = penata.CompetencyFramework.builtin()
    with pytest.raises(penata.ValidationError) as e:
        f.add("M.01", "again", "manajerial")
    assert e.value.issues[0]["rule"] == "competency.code_duplicate"
    with pytest.raises(penata.ValidationError) as e:
        f.add("T.09", "x", "keahlian")
    assert e.value.issues[0]["field"] == "type"
    bad = pd.DataFrame({"code": ["T.01", "T.01"], "name": ["a", "b"], "type": ["teknis", "teknis"]},
                       index=["first", "second"])
    with pytest.raises(penata.ValidationError) as e:
        penata.CompetencyFramework.from_frame(bad)
    assert e.value.issues[0]["rule"] == "competency.code_duplicate"
    with pytest.raises(penata.FormatError):
        penata.CompetencyFramework.from_json("{not json")


# ---- standards ---------------------------------------------------------------------------------

def test_default_standards_by_position_kind_and_overrides():
    s = penata.PositionStandards()
    assert s.required("administrator").tolist() == [3] * 9
    assert s.required("ahli_pertama").tolist() == [1] * 9
    assert s.defaults.loc["manajerial", "jpt_pratama"] == 4
    assert any(v.startswith(("MEMORY", "UNCERTAIN")) for v in s.notes.values())
    s.set_override("Kepala Bidang Mutasi", "M.04", 4)
    assert s.required("administrator", "Kepala Bidang Mutasi")["M.04"] == 4
    assert s.overrides.to_dict("records") == [{"position_name": "Kepala Bidang Mutasi", "competency": "M.04",
                                               "level": 4}]
    back = penata.PositionStandards.from_json(s.to_json())
    assert back == s and pickle.loads(pickle.dumps(s)) == s


def test_standards_bad_input():
    s = penata.PositionStandards()
    with pytest.raises(penata.ValidationError) as e:
        s.set_override("X", "T.99", 2)  # a standard for a competency not in the framework
    assert e.value.issues[0]["rule"] == "standards.unknown_competency"
    for level in (6, -1, 2.5, "tinggi"):
        with pytest.raises(penata.ValidationError) as e:
            s.set_override("X", "M.01", level)
        assert e.value.issues[0]["rule"] == "standards.level"
    with pytest.raises(penata.ValidationError):
        s.required("kepala")
    before = s.to_json()
    with pytest.raises(penata.ValidationError) as e:  # all or none
        s.add_overrides(pd.DataFrame({"position_name": ["A", "B"], "competency": ["M.01", "ZZ"], "level": [2, 2]},
                                     index=[10, 11]))
    assert e.value.issues[0]["row"] == 11
    assert s.to_json() == before


# ---- assessments -------------------------------------------------------------------------------

def test_assessments_from_frame_and_latest_as_of(wf):
    df = frame(records(AHMAD, [3] * 9, "2023-03-01"), records(AHMAD, [4] * 9, "2025-02-01"))
    a = penata.Assessments.from_frame(df, today=AS_OF)
    assert len(a) == 18
    early = a.latest(wf, "2024-12-31")
    assert early.loc[AHMAD].tolist() == [3] * 9
    assert early.loc[BUDI].isna().all()
    assert a.latest(wf, AS_OF).loc[AHMAD].tolist() == [4] * 9
    back = a.to_frame()
    assert list(back.columns) == ["nip", "competency", "level", "date", "method"]
    assert back["date"].iloc[-1] == pd.Timestamp("2025-02-01")
    assert pickle.loads(pickle.dumps(a)).to_frame().equals(back)


@pytest.mark.parametrize("column,value,rule", [
    ("level", 0, "assessment.level"),
    ("level", 6, "assessment.level"),
    ("level", 2.5, "assessment.level"),
    ("competency", "M.99", "assessment.competency"),
    ("method", "interview", "assessment.method"),
    ("date", "2025-13-01", "assessment.date"),
    ("date", "2030-01-01", "assessment.date_future"),
    ("nip", "12345", "nip.digits"),
])
def test_bad_assessment_rows_name_row_field_value_rule(column, value, rule):
    df = frame(records(AHMAD, [3] * 9))
    df.index = range(100, 109)
    df[column] = df[column].astype(object)
    df.loc[104, column] = value
    with pytest.raises(penata.ValidationError) as e:
        penata.Assessments.from_frame(df, today=AS_OF)
    issue = e.value.issues[0]
    assert (issue["row"], issue["field"], issue["rule"]) == (104, column, rule)
    assert issue["value"] == str(value)


def test_duplicate_assessment_same_date_is_refused_and_nothing_added():
    a = penata.Assessments.from_frame(frame(records(AHMAD, [3] * 9)), today=AS_OF)
    with pytest.raises(penata.ValidationError) as e:
        a.add(frame(records(BUDI, [2] * 9), records(AHMAD, [4], codes=["M.01"])), today=AS_OF)
    assert e.value.issues[0]["rule"] == "assessment.duplicate"
    assert e.value.issues[0]["row"] == 9  # the tenth row of the batch, index label 9
    assert len(a) == 9
    with pytest.raises(penata.ValidationError) as e:
        penata.Assessments.from_frame(frame(records(BUDI, [2, 2], codes=["M.01", "M.01"])), today=AS_OF)
    assert e.value.issues[0]["rule"] == "assessment.duplicate"


def test_assessment_columns_are_checked():
    df = frame(records(AHMAD, [3] * 9)).drop(columns=["method"]).assign(rater="x")
    with pytest.raises(penata.ValidationError) as e:
        penata.Assessments.from_frame(df, today=AS_OF)
    rules = {i["rule"] for i in e.value.issues}
    assert rules == {"assessment.column_missing", "assessment.column_unknown"}


def test_assessments_csv_round_trip_and_errors(tmp_path):
    a = penata.Assessments.from_frame(frame(records(AHMAD, [3] * 9)), today=AS_OF)
    path = tmp_path / "a.csv"
    a.to_csv(path)
    b = penata.Assessments.from_csv(path, today=AS_OF)
    assert b.to_frame().equals(a.to_frame())
    path.write_text("nip,competency,level,date,method\n" + AHMAD + ",M.01,7,2025-01-01,self\n")
    with pytest.raises(penata.ValidationError) as e:
        penata.Assessments.from_csv(path, today=AS_OF)
    assert (e.value.issues[0]["row"], e.value.issues[0]["field"], e.value.issues[0]["rule"]) == \
        (1, "level", "assessment.level")
    with pytest.raises(penata.IoError):
        penata.Assessments.from_csv(tmp_path / "missing.csv")


# ---- gap analysis: JPM worked examples -------------------------------------------------------------

def full(levels_ahmad, levels_budi=(1,) * 9, levels_siti=(1,) * 9):
    return penata.Assessments.from_frame(
        frame(records(AHMAD, levels_ahmad), records(BUDI, levels_budi), records(SITI, levels_siti)), today=AS_OF)


def test_jpm_worked_example_without_and_with_cap(wf):
    # Administrator: required 3 on all nine = 27. Achieved 4, 2 and seven 3s = 27 -> JPM 100;
    # capped at the standard: 3 + 2 + 21 = 26 -> 96.30.
    a = full([4, 2, 3, 3, 3, 3, 3, 3, 3])
    r = penata.gap_analysis(wf, a, as_of=AS_OF)
    assert r.jpm[AHMAD] == pytest.approx(100.0)
    assert r.gaps.loc[AHMAD, "M.01"] == 1 and r.gaps.loc[AHMAD, "M.02"] == -1
    assert r.jpm_category[AHMAD] == "optimal"
    capped = penata.gap_analysis(wf, a, as_of=AS_OF, cap_at_standard=True)
    assert capped.jpm[AHMAD] == pytest.approx(26 / 27 * 100)
    # All 2s: 18 / 27 = 66.67 -> kurang_optimal (mapping) / kms (selection).
    low = full([2] * 9)
    assert penata.gap_analysis(wf, low, as_of=AS_OF).jpm_category[AHMAD] == "kurang_optimal"
    sel = penata.gap_analysis(wf, low, as_of=AS_OF, scheme="selection")
    assert sel.jpm_category[AHMAD] == "kms"
    assert sel.jpm[AHMAD] == pytest.approx(200 / 3)


def teknis_setup(wf, n_teknis=10):
    f = penata.CompetencyFramework()
    codes = [f"T.{i:02d}" for i in range(1, n_teknis + 1)]
    for c in codes:
        f.add(c, f"Teknis {c}", "teknis")
    s = penata.PositionStandards(f, overrides={"Kepala Bidang Mutasi": {c: 5 for c in codes}})
    return f, s, codes


@pytest.mark.parametrize("total,mapping,selection", [
    (45, "optimal", "ms"),          # 90.0: optimal >= 90
    (44, "cukup_optimal", "ms"),    # 88.0
    (40, "cukup_optimal", "ms"),    # 80.0: ms >= 80
    (39, "cukup_optimal", "mms"),   # 78.0: cukup optimal from 78; mms below 80
    (38, "kurang_optimal", "mms"),  # 76.0
    (34, "kurang_optimal", "mms"),  # 68.0: mms from 68
    (33, "kurang_optimal", "kms"),  # 66.0
])
def test_category_edges_both_schemes(wf, total, mapping, selection):
    f, s, codes = teknis_setup(wf)
    levels = [5] * 10
    deficit = 50 - total
    for i in range(deficit):
        levels[i % 10] -= 1
    a = penata.Assessments.from_frame(frame(records(AHMAD, levels, codes=codes)), f, today=AS_OF)
    r = penata.gap_analysis(wf, a, s, as_of=AS_OF, unit="BKD-MUT")
    assert r.jpm[AHMAD] == pytest.approx(total * 2.0)
    assert r.jpm_category[AHMAD] == mapping
    assert penata.gap_analysis(wf, a, s, as_of=AS_OF, unit="BKD-MUT", scheme="selection").jpm_category[AHMAD] == \
        selection


def test_teknis_weights_by_jenjang():
    # Ahli pertama: JPM = 60% teknis + 40% manajerial/sosial kultural. Teknis 2/4 = 50%,
    # manajerial 3/3 = 100% -> 0.6 * 50 + 0.4 * 100 = 70.
    achieved = np.array([[2, 3]], dtype=np.uint8)
    required = np.array([[4, 3]], dtype=np.uint8)
    gaps, jpm, missing = penata.gaps_and_jpm(achieved, required, teknis=[True, False],
                                             position_level=np.array([1], dtype=np.uint8))
    assert jpm[0] == pytest.approx(70.0)
    assert gaps.tolist() == [[-2, 0]] and missing.tolist() == [0]
    # Ahli madya 40/60: 0.4 * 50 + 0.6 * 100 = 80; unweighted (no level) 5/7.
    assert penata.gaps_and_jpm(achieved, required, [True, False], position_level=np.array([3], np.uint8))[1][0] == \
        pytest.approx(80.0)
    assert penata.gaps_and_jpm(achieved, required, [True, False])[1][0] == pytest.approx(500 / 7)


def test_gaps_and_jpm_missing_and_bad_levels():
    gaps, jpm, missing = penata.gaps_and_jpm(np.array([[0, 3], [3, 0]]), np.array([[2, 3], [0, 0]]))
    assert np.isnan(jpm).all() and missing.tolist() == [1, 0]
    assert gaps[0, 0] == NO_GAP and gaps[1, 1] == NO_GAP
    with pytest.raises(penata.ValidationError) as e:
        penata.gaps_and_jpm(np.array([[6, 3]]), np.array([[2, 3]]))
    assert (e.value.issues[0]["rule"], e.value.issues[0]["row"], e.value.issues[0]["value"]) == ("achieved.range", 1, "6")
    with pytest.raises(ValueError):
        penata.gaps_and_jpm(np.zeros((2, 3)), np.zeros((2, 2)))


def test_missing_assessment_excluded_and_reported_or_refused(wf):
    a = penata.Assessments.from_frame(frame(records(AHMAD, [3] * 8, codes=CODES[:8]), records(BUDI, [1] * 9)),
                                      today=AS_OF)
    r = penata.gap_analysis(wf, a, as_of=AS_OF)
    assert np.isnan(r.jpm[AHMAD]) and np.isnan(r.jpm[SITI])
    assert r.jpm[BUDI] == pytest.approx(100.0)
    m = r.missing.set_index("nip")
    assert m.loc[AHMAD, "competencies"] == "SK.01"
    assert "SK.01" in m.loc[AHMAD, "reason"]
    assert pd.isna(r.jpm_category[AHMAD])
    with pytest.raises(penata.ValidationError) as e:
        penata.gap_analysis(wf, a, as_of=AS_OF, missing="refuse")
    assert {i["rule"] for i in e.value.issues} == {"gaps.missing_assessment"}
    assert len(e.value.issues) == 1 + 9  # Ahmad's SK.01 and all nine of Siti's


def test_gap_frames_are_heatmap_ready(wf):
    r = penata.gap_analysis(wf, full([4, 2, 3, 3, 3, 3, 3, 3, 3]), as_of=AS_OF)
    assert list(r.gaps.columns) == CODES and r.gaps.index.name == "nip"
    assert str(r.gaps.dtypes.iloc[0]) == "Int8"
    assert r.gap_matrix.dtype == np.int8 and not r.gap_matrix.flags.writeable
    assert r.required.loc[AHMAD].tolist() == [3] * 9
    out = r.to_frame()
    assert {"nip", "unit_code", "jpm", "jpm_category", "potential", "missing", "gap_M.01"} <= set(out.columns)
    assert r.potential[AHMAD] == "tinggi"
    assert "GapResult" in repr(r)


def test_training_needs_by_unit_with_subunits(wf):
    # Ahmad (BKD-MUT, under BKD) 2 below on M.01; Budi (BKD) meets everything.
    r = penata.gap_analysis(wf, full([1, 3, 3, 3, 3, 3, 3, 3, 3]), as_of=AS_OF)
    tna = r.by_unit().set_index(["unit_code", "competency"])
    bkd = tna.loc[("BKD", "M.01")]
    assert (bkd["required"], bkd["assessed"]) == (2, 2)
    assert bkd["mean_gap"] == pytest.approx(-1.0)
    assert bkd["share_below"] == pytest.approx(0.5)
    assert (bkd["need_1"], bkd["need_2"], bkd["need_3"]) == (0, 1, 0)
    assert tna.loc[("PROV", "M.01"), "required"] == 3
    jp = r.training_compliance()
    assert jp.loc["BKD", "employees"] == 2 and jp.loc["BKD", "compliant"] == 2  # 24 and 30 JP
    assert jp.loc["DISDIK", "compliant"] == 0  # 12.5 JP
    largest = r.largest_gaps(1)
    assert largest.set_index("unit_code").loc["BKD-MUT", "competency"] == "M.01"
    dist = r.jpm_distribution()
    assert dist["employees"].sum() == 3


def test_rank_candidates_eligibility_and_order():
    wf = penata.datasets.bengkulu(n=400, seed=8)
    f = wf.to_frame()
    admin_ok = f[(f.employment_type == "PNS") & f.golongan.astype(str).isin(["III/d", "IV/a", "IV/b"])]
    a_nip, b_nip, c_nip = admin_ok["nip"].iloc[:3]
    low = f[(f.employment_type == "PNS") & (f.golongan.astype(str) == "II/a")]["nip"].iloc[0]
    # Administrator standard: 3 on all nine. a: all 4 (JPM 133.3); b and c: JPM 100, b with a
    # shortfall of 1 (one 2, one 4), c with none; low: golongan II/a, ineligible.
    df = frame(records(a_nip, [4] * 9), records(b_nip, [2, 4] + [3] * 7), records(c_nip, [3] * 9),
               records(low, [5] * 9))
    a = penata.Assessments.from_frame(df, today=AS_OF)
    ranked = penata.rank_candidates(wf, a, "administrator", as_of=AS_OF)
    eligible = ranked[ranked["eligible"]]
    assert list(eligible["nip"]) == [a_nip, c_nip, b_nip]
    assert list(eligible["rank"]) == [1, 2, 3]
    assert list(eligible["shortfall"]) == [0, 0, 1]
    assert eligible["jpm"].round(2).tolist() == [133.33, 100.0, 100.0]
    inel = ranked[~ranked["eligible"]].set_index("nip")
    assert inel.loc[low, "rule"] == "rank.golongan" and pd.isna(inel.loc[low, "rank"])
    assert set(inel["rule"]) <= {"rank.golongan", "rank.missing_assessment"} and len(inel) == len(wf) - 3
    only_pns = penata.rank_candidates(wf, a, "administrator", as_of=AS_OF, employment_types=["PNS"],
                                      check_golongan=False)
    assert only_pns.loc[only_pns["eligible"], "nip"].iloc[0] == low  # JPM 166.7 once golongan is not checked
    with pytest.raises(penata.ValidationError):
        penata.rank_candidates(wf, a, "kepala", as_of=AS_OF)
    with pytest.raises(ValueError):
        penata.rank_candidates(wf, a, "administrator", employment_types=["honorer"])


def test_sample_assessments_cover_every_employee():
    wf = penata.datasets.bengkulu(n=2000, seed=3)
    a = penata.datasets.assessments(wf, seed=3)
    r = penata.gap_analysis(wf, a, as_of=AS_OF)
    assert len(r.missing) == 0
    assert np.isfinite(r.jpm.to_numpy()).all()
    below_any = (r.gaps.fillna(0) < 0).any(axis=1).mean()
    assert 0.15 < below_any < 0.7
    again = penata.datasets.assessments(wf, seed=3)
    assert again.to_frame().equals(a.to_frame())
    assert a.to_frame()["date"].max() <= pd.Timestamp(AS_OF)


def test_snapshot_holds_competency_objects(tmp_path):
    wf = penata.datasets.bengkulu(n=300)
    a = penata.datasets.assessments(wf)
    s = penata.PositionStandards()
    s.set_override("Analis", "M.01", 4)
    path = tmp_path / "c.pnt"
    penata.save(path, wf, a, s, s.framework)
    wf2, a2, s2, f2 = penata.load(path)
    assert a2.to_frame().equals(a.to_frame()) and s2 == s and f2 == s.framework
    r1 = penata.gap_analysis(wf, a, s, as_of=AS_OF)
    r2 = penata.gap_analysis(wf2, a2, s2, as_of=AS_OF)
    assert np.array_equal(r1.gap_matrix, r2.gap_matrix)


def test_gap_rules_json_and_replace():
    g = penata.GapRules.builtin()
    assert g.scheme == "mapping" and g.missing == "exclude" and not g.cap_at_standard
    assert g.training_min_hours == 20
    sel = g.replace(scheme="selection", cap_at_standard=True)
    assert sel.scheme == "selection" and sel.cap_at_standard
    assert penata.GapRules.from_json(sel.to_json()) == sel
    with pytest.raises(ValueError):
        g.replace(colour="red")
    with pytest.raises(penata.ValidationError):
        g.replace(scheme="lottery")


def test_refuse_lists_at_most_1000_missing_cells_then_counts_the_rest():
    wf = penata.datasets.bengkulu(n=200, seed=5)
    with pytest.raises(penata.ValidationError) as e:
        penata.gap_analysis(wf, penata.Assessments(), as_of=AS_OF, missing="refuse")
    issues = e.value.issues
    assert len(issues) == 1001 and issues[-1]["rule"] == "input.more_issues"
    required = int((penata.PositionStandards().required_matrix(wf).to_numpy() > 0).sum())
    assert int(issues[-1]["value"]) == required - 1000


def test_assessment_dates_as_dates_timestamps_datetime64_or_texts(wf):
    import datetime as dt

    for dates in ([dt.date(2025, 1, 15)] * 9, [pd.Timestamp("2025-01-15")] * 9,
                  pd.to_datetime(["2025-01-15"] * 9), ["2025-01-15"] * 9):
        df = frame(records(AHMAD, [3] * 9))
        df["date"] = dates
        a = penata.Assessments.from_frame(df, today=AS_OF)
        assert (a.to_frame()["date"] == pd.Timestamp("2025-01-15")).all()
    df = frame(records(AHMAD, [3] * 9))
    df["date"] = [dt.date(2025, 1, 15)] * 8 + ["15/01/2025"]  # a text must be YYYY-MM-DD
    with pytest.raises(penata.ValidationError) as e:
        penata.Assessments.from_frame(df, today=AS_OF)
    assert (e.value.issues[0]["row"], e.value.issues[0]["rule"]) == (8, "assessment.date")


def test_result_keeps_the_workforce_as_analysed(wf):
    r = penata.gap_analysis(wf, full([4, 2, 3, 3, 3, 3, 3, 3, 3]), as_of=AS_OF)
    before = r.to_frame().copy()
    tna_before = r.by_unit()
    wf.remove(BUDI)
    assert r.to_frame().equals(before)
    assert r.by_unit().equals(tna_before)
    assert r.to_frame().set_index("nip").loc[AHMAD, "jpm"] == pytest.approx(100.0)


def test_gap_columns_keep_nullable_integers(wf):
    r = penata.gap_analysis(wf, full([4, 2, 3, 3, 3, 3, 3, 3, 3]), as_of=AS_OF)
    out = r.to_frame()
    assert str(out["gap_M.01"].dtype) == "Int8"
    assert isinstance(out["jpm_category"].dtype, pd.CategoricalDtype)


def test_every_bad_column_is_reported_at_once():
    df = frame(records(AHMAD, [3] * 9))
    df["competency"] = df["competency"].astype(object)
    df.loc[0, "competency"] = "M.99"
    df.loc[1, "level"] = 6
    df.loc[2, "method"] = "interview"
    with pytest.raises(penata.ValidationError) as e:
        penata.Assessments.from_frame(df, today=AS_OF)
    assert {(i["row"], i["rule"]) for i in e.value.issues} == {
        (0, "assessment.competency"), (1, "assessment.level"), (2, "assessment.method")}


@pytest.mark.parametrize("bad", [20250115, 20250115.0, True])
def test_numbers_are_not_dates_nor_levels(bad):
    df = frame(records(AHMAD, [3] * 9))
    df["date"] = [bad] * 9
    with pytest.raises(penata.ValidationError) as e:
        penata.Assessments.from_frame(df, today=AS_OF)
    assert e.value.issues[0]["rule"] == "assessment.date"
    df = frame(records(AHMAD, [3] * 9))
    df["level"] = [True] * 9
    with pytest.raises(penata.ValidationError):
        penata.Assessments.from_frame(df, today=AS_OF)


def test_as_of_must_be_a_date(wf):
    a = full([3] * 9)
    for bad in (20250630, 20250630.0):
        with pytest.raises(TypeError):
            penata.gap_analysis(wf, a, as_of=bad)
    with pytest.raises(penata.ValidationError):
        penata.gap_analysis(wf, a, as_of="06/30/2025")


def test_gaps_and_jpm_never_wraps_levels():
    req = np.array([[3, 3]])
    for bad in (np.array([[259, 3]]), np.array([[256, 3]]), np.array([[2.7, 3]]), np.array([[-1, 3]])):
        with pytest.raises(penata.ValidationError) as e:
            penata.gaps_and_jpm(bad, req)
        assert e.value.issues[0]["rule"] == "achieved.range"
    with pytest.raises(penata.ValidationError) as e:
        penata.gaps_and_jpm(np.array([[3, 3]]), req, position_level=np.array([264]))
    assert e.value.issues[0]["rule"] == "position_level.known"
    assert penata.gaps_and_jpm(np.array([[3.0, 2.0]]), req)[1][0] == pytest.approx(500 / 6)


def test_standards_overrides_frame_accepts_whole_floats_only():
    s = penata.PositionStandards()
    s.add_overrides(pd.DataFrame({"position_name": ["A"], "competency": ["M.01"], "level": [3.0]}))
    assert s.required("pelaksana", "A")["M.01"] == 3
    with pytest.raises(penata.ValidationError):
        s.add_overrides(pd.DataFrame({"position_name": ["A"], "competency": ["M.01"], "level": [2.5]}))
    with pytest.raises(penata.ValidationError):
        s.set_override("A", "M.01", float("inf"))
