"""Appraisal through Python: predikat matrix (PermenPANRB 6/2022), SKP (PP 46/2011, Perka BKN
1/2013), prestasi, PP 30/2019, IP ASN (Peraturan BKN 8/2019), talent 9-box (PermenPANRB 3/2020),
angka kredit (PermenPANRB 1/2023), distribution check, whole-workforce appraisal, bad input."""

import math

import numpy as np
import pandas as pd
import pytest

import penata
from penata import ValidationError, _core

RS = penata.RuleSet.builtin

# PermenPANRB 6/2022 Lampiran: rating hasil kerja (rows) x rating perilaku (columns).
MATRIX = [
    ("di_atas", "di_atas", "sangat_baik"), ("di_atas", "sesuai", "baik"), ("di_atas", "di_bawah", "kurang"),
    ("sesuai", "di_atas", "baik"), ("sesuai", "sesuai", "baik"), ("sesuai", "di_bawah", "kurang"),
    ("di_bawah", "di_atas", "butuh_perbaikan"), ("di_bawah", "sesuai", "butuh_perbaikan"),
    ("di_bawah", "di_bawah", "sangat_kurang"),
]

# PermenPANRB 3/2020 Lampiran A: kinerja x potensial -> box.
BOXES = [
    ("di_bawah", "rendah", 1), ("sesuai", "rendah", 2), ("di_bawah", "menengah", 3),
    ("di_atas", "rendah", 4), ("sesuai", "menengah", 5), ("di_bawah", "tinggi", 6),
    ("di_atas", "menengah", 7), ("sesuai", "tinggi", 8), ("di_atas", "tinggi", 9),
]


# ---- predikat ------------------------------------------------------------------------------------

@pytest.mark.parametrize("hasil,perilaku,expected", MATRIX)
def test_matrix_cell(hasil, perilaku, expected):
    assert penata.predikat([hasil], [perilaku]).tolist() == [expected]
    assert _core.predikat_cell(RS("permenpanrb-6-2022")._r, hasil, perilaku) == expected


def test_predikat_vectorised_over_all_cells_and_types():
    h = [m[0] for m in MATRIX]
    p = [m[1] for m in MATRIX]
    expected = [m[2] for m in MATRIX]
    out = penata.predikat(h, p)
    assert isinstance(out, pd.Categorical) and out.tolist() == expected
    assert penata.predikat(np.array(h), np.array(p)).tolist() == expected
    # Categorical and codes in.
    assert penata.predikat(pd.Categorical(h), pd.Categorical(p)).tolist() == expected
    codes = {"di_bawah": 0, "sesuai": 1, "di_atas": 2}
    assert penata.predikat(np.array([codes[x] for x in h]), np.array([codes[x] for x in p])).tolist() == expected


def test_predikat_series_keeps_the_index():
    idx = pd.Index(["x", "y", "z"], name="nip")
    s = penata.predikat(pd.Series(["di_atas", "sesuai", "di_bawah"], index=idx),
                        pd.Series(["di_atas", "di_bawah", "di_bawah"], index=idx))
    assert isinstance(s, pd.Series) and s.name == "predikat"
    assert s.index.equals(idx)
    assert s.to_dict() == {"x": "sangat_baik", "y": "kurang", "z": "sangat_kurang"}
    assert isinstance(s.dtype, pd.CategoricalDtype)


def test_unknown_rating_text_names_row_field_value_rule():
    hasil = pd.Series(["di_atas", "bagus", "sesuai"], index=[10, 20, 30])
    with pytest.raises(ValidationError) as e:
        penata.predikat(hasil, pd.Series(["sesuai"] * 3, index=[10, 20, 30]))
    err = e.value
    assert (err.row, err.field, err.value, err.rule) == (20, "rating_hasil_kerja", "bagus", "rating_hasil_kerja.known")
    assert "permenpanrb-6-2022" in str(err)
    # Arrays: 1-based positions; missing values are errors too, never skipped.
    with pytest.raises(ValidationError) as e:
        penata.predikat(["sesuai", "sesuai"], ["sesuai", None])
    assert (e.value.row, e.value.field, e.value.rule) == (2, "rating_perilaku", "rating_perilaku.known")
    with pytest.raises(ValidationError) as e:
        penata.predikat(np.array([0, 5]), np.array([1, 1]))
    assert e.value.row == 2 and e.value.rule == "rating_hasil_kerja.known"


def test_length_mismatch():
    with pytest.raises(ValidationError) as e:
        penata.predikat(["sesuai"], ["sesuai", "sesuai"])
    assert e.value.rule == "input.length"


# ---- talent 9-box --------------------------------------------------------------------------------

@pytest.mark.parametrize("performance,potential,box", BOXES)
def test_box(performance, potential, box):
    assert penata.talent_box([performance], [potential]).tolist() == [box]
    assert _core.talent_cell(RS("permenpanrb-3-2020")._r, performance, potential) == box


def test_all_nine_boxes_from_scores_and_actions():
    perf = [b[0] for b in BOXES]
    score = {"rendah": 50.0, "menengah": 80.0, "tinggi": 95.0}
    out = penata.talent_box(perf, np.array([score[b[1]] for b in BOXES]))
    assert isinstance(out, np.ndarray) and out.tolist() == list(range(1, 10))
    actions = penata.talent_action(out)
    assert len(set(actions.tolist())) >= 5 and all(a for a in actions.tolist())
    assert penata.RuleSet.builtin("permenpanrb-3-2020").talent_actions()[9] == actions.tolist()[8]


@pytest.mark.parametrize("score,level", [(0, "rendah"), (77.999, "rendah"), (78, "menengah"), (89.999, "menengah"),
                                         (90, "tinggi"), (100, "tinggi")])
def test_potential_band_edges(score, level):
    assert _core.potential_level(RS("permenpanrb-3-2020")._r, score) == level


@pytest.mark.parametrize("score", [-0.001, 100.001, float("nan")])
def test_potential_out_of_range(score):
    with pytest.raises(ValidationError) as e:
        penata.talent_box(["sesuai"], np.array([score]))
    assert e.value.rule == "potential.range" and e.value.row == 1


def test_talent_box_from_predikat_and_series():
    idx = pd.Index(["a", "b"])
    boxes = penata.talent_box(pd.Series(["sangat_baik", "kurang"], index=idx), pd.Series([95.0, 10.0], index=idx))
    assert isinstance(boxes, pd.Series) and boxes.index.equals(idx) and boxes.tolist() == [9, 1]


# ---- band edges ----------------------------------------------------------------------------------

@pytest.mark.parametrize("score,category", [
    (0, "sangat_rendah"), (60.999, "sangat_rendah"), (61, "rendah"), (70.999, "rendah"), (71, "sedang"),
    (80.999, "sedang"), (81, "tinggi"), (90.999, "tinggi"), (91, "sangat_tinggi"), (100, "sangat_tinggi")])
def test_ip_asn_category_edges(score, category):
    assert _core.ip_asn_category(RS("perban-8-2019")._r, score) == category


@pytest.mark.parametrize("score", [-0.5, 100.5])
def test_ip_asn_category_out_of_range(score):
    with pytest.raises(ValidationError) as e:
        _core.ip_asn_category(RS("perban-8-2019")._r, score)
    assert e.value.rule == "ip_asn.range"


@pytest.mark.parametrize("score,band", [
    (0, "buruk"), (50.999, "buruk"), (51, "kurang"), (60.999, "kurang"), (61, "cukup"), (75.999, "cukup"),
    (76, "baik"), (90.999, "baik"), (91, "sangat_baik"), (112, "sangat_baik")])
def test_prestasi_band_edges(score, band):
    assert _core.prestasi_band(RS("pp-46-2011")._r, score) == band


@pytest.mark.parametrize("nilai,innovation,predikat", [
    (0, False, "sangat_kurang"), (49.999, False, "sangat_kurang"), (50, False, "kurang"), (69.999, False, "kurang"),
    (70, False, "butuh_perbaikan"), (89.999, False, "butuh_perbaikan"), (90, False, "baik"), (120, False, "baik"),
    (109.999, True, "baik"), (110, True, "sangat_baik")])
def test_pp30_band_edges(nilai, innovation, predikat):
    assert _core.pp30_predikat(RS("pp-30-2019")._r, nilai, innovation) == predikat


def test_pp30_weights():
    df = penata.pp30([100.0, 100.0], [80.0, 80.0])
    assert df["nilai_kinerja"].tolist() == pytest.approx([94.0, 94.0])  # 0.7 x 100 + 0.3 x 80
    df = penata.pp30([100.0], [80.0], multi_rater=True)
    assert df["nilai_kinerja"].tolist() == pytest.approx([92.0])  # 0.6 x 100 + 0.4 x 80
    assert df["predikat"].tolist() == ["baik"]


# ---- PP 46/2011 SKP (Perka BKN 1/2013 worked examples) --------------------------------------------

def tasks_frame(**over):
    d = dict(nip=["198609262015051001"], task=["Menyusun laporan"], target_output=[10.0], real_output=[10.0],
             target_quality=[100.0], real_quality=[90.0], target_time=[12.0], real_time=[12.0],
             target_cost=[1_000_000.0], real_cost=[1_000_000.0])
    d.update(over)
    return pd.DataFrame(d)


def test_skp_worked_example_85_5():
    # One task: kuantitas 100, kualitas 90, waktu 76 (on target), biaya 76 -> (100+90+76+76)/4 = 85.5.
    per_task = penata.skp_task_scores(tasks_frame())
    assert per_task.loc[0, ["kuantitas", "kualitas", "waktu", "biaya"]].tolist() == pytest.approx([100, 90, 76, 76])
    out = penata.skp_score(tasks_frame())
    assert list(out.columns[:3]) == ["nip", "skp_score", "tasks"]
    assert out.loc[0, "nip"] == "198609262015051001"
    assert out.loc[0, "skp_score"] == pytest.approx(85.5)
    assert out.loc[0, "tasks"] == 1 and out.loc[0, "skp_band"] == "baik"


def test_time_aspect_76_on_target_100_at_76_percent():
    r = RS("pp-46-2011")._r
    assert _core.skp_time_aspect(r, 12, 12) == pytest.approx(76)
    assert _core.skp_time_aspect(r, 100, 76) == pytest.approx(100)
    assert _core.skp_time_aspect(r, 12, 12 * 0.76) == pytest.approx(100)


def test_skp_without_cost_scores_three_aspects_and_groups_by_nip():
    t = pd.DataFrame(dict(nip=["198609262015051001", "197503122000031002", "198609262015051001"],
                          task=["a", "b", "c"], target_output=[10.0, 4, 10], real_output=[10.0, 4, 5],
                          target_quality=[100.0, 100, 100], real_quality=[90.0, 100, 80],
                          target_time=[12.0, 12, 12], real_time=[12.0, 12, 12]))
    out = penata.skp_score(t)
    assert out["nip"].tolist() == ["198609262015051001", "197503122000031002"]
    assert out["tasks"].tolist() == [2, 1]
    first = (100 + 90 + 76) / 3
    second = (50 + 80 + 76) / 3
    assert out["skp_score"].tolist() == pytest.approx([(first + second) / 2, (100 + 100 + 76) / 3])
    # NaN cost: a task without a cost target is scored on three aspects.
    t2 = tasks_frame(target_cost=[float("nan")], real_cost=[float("nan")])
    assert penata.skp_score(t2).loc[0, "skp_score"] == pytest.approx((100 + 90 + 76) / 3)


@pytest.mark.parametrize("column,value,rule", [
    ("target_output", 0.0, "target_output.positive"), ("target_time", 0.0, "target_time.positive"),
    ("real_quality", -1.0, "real_quality.non_negative"), ("real_cost", -5.0, "real_cost.non_negative")])
def test_skp_bad_values_name_row_field_rule(column, value, rule):
    t = pd.concat([tasks_frame(), tasks_frame(**{column: [value]})], ignore_index=True)
    t.index = ["t1", "t2"]
    with pytest.raises(ValidationError) as e:
        penata.skp_score(t)
    assert (e.value.row, e.value.field, e.value.rule) == ("t2", column, rule)


def test_skp_bad_nip_and_missing_column():
    with pytest.raises(ValidationError) as e:
        penata.skp_score(tasks_frame(nip=["12345"]))
    assert e.value.field == "nip" and e.value.row == 0
    with pytest.raises(penata.FormatError):
        penata.skp_score(tasks_frame().drop(columns=["real_time"]))


def test_prestasi_60_40():
    df = penata.prestasi([85.5, 50.0], [80.0, 50.0])
    assert df["prestasi_score"].tolist() == pytest.approx([0.6 * 85.5 + 0.4 * 80, 50.0])
    assert df["prestasi_band"].tolist() == ["baik", "buruk"]


# ---- IP ASN ---------------------------------------------------------------------------------------

def ip_frame(**over):
    d = dict(education=["S1", "S3", "SLTA"], position_class=["fungsional", "administrator", "pelaksana"],
             training_hours=[24.0, 0.0, 20.0], discipline=["none", "ringan", "berat"],
             has_leadership_training=[False, True, False], has_functional_training=[True, False, False],
             has_seminar=[True, False, True], predikat=["baik", "sangat_baik", "kurang"])
    d.update(over)
    return pd.DataFrame(d, index=["a", "b", "c"])


def test_ip_asn_dimensions():
    out = penata.ip_asn(ip_frame())
    assert out.index.tolist() == ["a", "b", "c"]
    # a: S1 15; fungsional: functional 15 + technical 15 (24 JP) + seminar 10 = 40; baik 25; none 5.
    # b: S3 25; structural: leadership 15, no technical, no seminar = 15; sangat_baik 30; ringan 3.
    # c: SLTA 5; pelaksana: technical 22.5 + seminar 17.5 = 40; kurang 10; berat 1.
    assert out["ip_kualifikasi"].tolist() == [15, 25, 5]
    assert out["ip_kompetensi"].tolist() == [40, 15, 40]
    assert out["ip_kinerja"].tolist() == [25, 30, 10]
    assert out["ip_disiplin"].tolist() == [5, 3, 1]
    assert out["ip_asn"].tolist() == [85, 73, 56]
    assert out["ip_asn_category"].tolist() == ["tinggi", "sedang", "sangat_rendah"]


def test_ip_asn_computes_predikat_from_ratings_and_reads_csv_texts():
    f = ip_frame().drop(columns=["predikat"])
    f["rating_hasil_kerja"] = ["sesuai", "di_atas", "sesuai"]
    f["rating_perilaku"] = ["sesuai", "di_atas", "di_bawah"]
    for c in ("has_leadership_training", "has_functional_training", "has_seminar"):
        f[c] = f[c].map({True: "true", False: "false"})
    f["training_hours"] = f["training_hours"].astype(str)
    assert penata.ip_asn(f)["ip_asn"].tolist() == [85, 73, 56]


@pytest.mark.parametrize("column,value,rule", [
    ("has_seminar", "ya", "has_seminar.known"), ("education", "S4", "education.known"),
    ("training_hours", -1.0, "training_hours.non_negative"), ("predikat", "istimewa", "predikat.known")])
def test_ip_asn_bad_inputs(column, value, rule):
    f = ip_frame()
    f[column] = f[column].astype(object)
    f.loc["b", column] = value
    with pytest.raises(ValidationError) as e:
        penata.ip_asn(f)
    assert (e.value.row, e.value.field, e.value.rule) == ("b", column, rule)


# ---- angka kredit ---------------------------------------------------------------------------------

def test_angka_kredit():
    out = penata.angka_kredit(["baik", "sangat_baik", "baik"], ["ahli_pertama", "ahli_muda", ""], months=[12, 6, 12])
    assert out[0] == pytest.approx(12.5) and out[1] == pytest.approx(1.5 * 25 * 6 / 12) and math.isnan(out[2])


# ---- distribution (PermenPANRB 6/2022 kurva distribusi) --------------------------------------------

def counts(**c):
    return {k: v for k, v in c.items()}


@pytest.mark.parametrize("org,ok_counts,bad_counts,broken", [
    ("istimewa", counts(sangat_baik=7, baik=3), counts(sangat_baik=8, baik=2), "sangat_baik"),
    ("baik", counts(sangat_baik=2, baik=7, butuh_perbaikan=1), counts(sangat_baik=2, baik=8), "butuh_perbaikan"),
    ("butuh_perbaikan", counts(sangat_baik=1, baik=3, butuh_perbaikan=6),
     counts(sangat_baik=2, baik=3, butuh_perbaikan=5), "butuh_perbaikan"),
    ("kurang", counts(sangat_baik=1, butuh_perbaikan=1, kurang=6, baik=2),
     counts(baik=4, kurang=6), "butuh_perbaikan"),
    ("sangat_kurang", counts(sangat_kurang=6, kurang=1, baik=3),
     counts(sangat_baik=1, sangat_kurang=6, kurang=1, baik=2), "sangat_baik"),
])
def test_distribution_rules_per_org_predikat(org, ok_counts, bad_counts, broken):
    good = penata.check_distribution(ok_counts, org)
    assert good.ok and len(good.violations) == 0 and len(good.changes) == 0, good.violations
    bad = penata.check_distribution(bad_counts, org)
    assert not bad.ok and bad.satisfiable
    assert any(broken in v for v in bad.violations["predikat"]), bad.violations
    assert len(bad.changes) >= 1
    # The suggestion is never applied, and applying it complies.
    assert bad.counts.to_dict() == {p: bad_counts.get(p, 0) for p in bad.counts.index}
    fixed = penata.check_distribution(bad.suggested_counts.to_dict(), org)
    assert fixed.ok
    assert bad.employees == sum(bad_counts.values()) == int(bad.suggested_counts.sum())
    assert "violation" in repr(bad) and len(repr(bad)) < 300


def test_distribution_from_predikat_texts_and_smallest_change():
    pred = pd.Series(["sangat_baik"] * 9 + ["baik"])
    c = penata.check_distribution(pred, "baik")
    assert c.changes[["from", "to", "count"]].values.tolist() == [["baik", "butuh_perbaikan", 1]] or \
        int(c.changes["count"].sum()) == 1
    assert c.violations.loc[0, "message"]
    with pytest.raises(ValidationError) as e:
        penata.check_distribution(["baik"], "hebat")
    assert e.value.rule == "org_predikat.known"
    with pytest.raises(ValidationError):
        penata.check_distribution({"bagus": 3}, "baik")


# ---- whole workforce ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wf():
    return penata.datasets.bengkulu(n=3000, seed=2)


def test_sample_inputs_are_deterministic(wf):
    a = penata.datasets.appraisal_inputs(wf, seed=4)
    b = penata.datasets.appraisal_inputs(wf, seed=4)
    assert a.equals(b) and not a.equals(penata.datasets.appraisal_inputs(wf, seed=5))
    assert a["potential"].between(0, 100).all()
    structural = wf.to_frame()["position_class"].isin(["jpt_utama", "jpt_madya", "jpt_pratama", "administrator",
                                                        "pengawas"])
    assert not a.loc[~structural.to_numpy(), "has_leadership_training"].any()


def test_appraise_workforce_all_outputs(wf):
    a = penata.appraise(wf, inputs="sample")
    assert len(a) == len(wf) and a.index.equals(pd.RangeIndex(len(wf)))
    for c in penata.appraisal.OUTPUT_COLUMNS:
        assert c in a.columns, c
    assert a["nip"].iloc[0] == wf.row(0)["nip"]
    assert a["talent_box"].between(1, 9).all()
    assert a["ip_asn"].between(0, 100).all()
    fungsional = wf.column("position_level") > 0
    assert a.loc[fungsional, "angka_kredit"].notna().all() and a.loc[~fungsional, "angka_kredit"].isna().all()
    # The same numbers as the single-purpose functions.
    inputs = penata.datasets.appraisal_inputs(wf)
    pred = penata.predikat(inputs["rating_hasil_kerja"], inputs["rating_perilaku"])
    assert (a["predikat"] == pred).all()
    frame = pd.concat([wf.to_frame(), inputs], axis=1)
    ip = penata.ip_asn(frame, rules="perban-8-2019")
    np.testing.assert_array_equal(a["ip_asn"].to_numpy(), ip["ip_asn"].to_numpy())
    boxes = penata.talent_box(pred, inputs["potential"].to_numpy())
    np.testing.assert_array_equal(a["talent_box"].to_numpy(), np.asarray(boxes))
    # Reward and coaching: reasons for everyone listed, none for the others.
    assert (a.loc[a["reward"], "reward_reason"] != "").all() and (a.loc[~a["reward"], "reward_reason"] == "").all()
    assert a.loc[a["predikat"] == "sangat_baik", "reward"].all()
    assert a.loc[a["talent_box"].isin([1, 2, 3, 6]), "coaching"].all()
    r = penata.reward_list(a)
    assert len(r) == int(a["reward"].sum()) and list(r.columns)[-1] == "reason"
    assert r["ip_asn"].is_monotonic_decreasing
    assert len(penata.coaching_list(a, top=10)) == 10


def test_appraise_frame_keeps_its_index_and_maps_rows():
    from conftest import GOOD_ROWS

    f = pd.DataFrame(GOOD_ROWS, index=["p", "q", "r"])
    f["rating_hasil_kerja"] = ["di_atas", "sesuai", "di_bawah"]
    f["rating_perilaku"] = ["di_atas", "sesuai", "sesuai"]
    f["potential"] = [95, 50, 80]
    a = penata.appraise(f)
    assert a.index.tolist() == ["p", "q", "r"]
    assert a["predikat"].tolist() == ["sangat_baik", "baik", "butuh_perbaikan"]
    assert a["talent_box"].tolist() == [9, 2, 3]
    assert "ip_asn" not in a.columns  # no training flags given
    f.loc["q", "rating_perilaku"] = "luar_biasa"
    with pytest.raises(ValidationError) as e:
        penata.appraise(f)
    assert (e.value.row, e.value.field, e.value.rule) == ("q", "rating_perilaku", "rating_perilaku.known")
    f.loc["q", "rating_perilaku"] = "sesuai"
    f.loc["r", "potential"] = 120
    with pytest.raises(ValidationError) as e:
        penata.appraise(f)
    assert (e.value.row, e.value.field, e.value.rule) == ("r", "potential", "potential.range")


def test_appraise_needs_inputs_for_a_workforce(wf):
    with pytest.raises(ValueError):
        penata.appraise(wf)
    with pytest.raises(ValueError):
        penata.appraise(wf, inputs=pd.DataFrame({"bonus": np.zeros(len(wf))}))


def test_summarise_units(wf):
    a = penata.appraise(wf, inputs="sample")
    s = penata.summarise_units(wf, a)
    assert s.index[0] == "PROV" and s.loc["PROV", "employees"] == len(wf)
    assert s.loc["PROV", [f"n_{p}" for p in penata.APPRAISAL_ENUMS["predikat"]]].sum() == len(wf)
    assert s.loc["PROV", "mean_ip_asn"] == pytest.approx(a["ip_asn"].mean())
    assert s.loc["PROV", [f"box_{b}" for b in range(1, 10)]].sum() == len(wf)
    direct = penata.summarise_units(wf, a, include_subunits=False)
    assert direct["employees"].sum() == len(wf)
    shares = s.loc["PROV", [f"share_{p}" for p in penata.APPRAISAL_ENUMS["predikat"]]]
    assert shares.sum() == pytest.approx(1.0)
