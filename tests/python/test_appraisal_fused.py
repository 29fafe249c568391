"""penata.appraise's fused pass (one pass over the rows in the core, numpy outputs written in place)
against the single-purpose functions, the zero-copy input paths, and its errors."""

import numpy as np
import pandas as pd
import pytest

import penata
from penata import ValidationError, _core
from penata import _convert as cv

RATINGS = penata.APPRAISAL_ENUMS["rating"]
PREDIKAT = penata.APPRAISAL_ENUMS["predikat"]


@pytest.fixture(scope="module")
def big():
    # Several blocks of the core's pass (2048 rows) with a partial last one, and above the size
    # (4096) where IP ASN categories come from a table.
    wf = penata.datasets.bengkulu(n=9001, seed=7)
    return wf, penata.datasets.appraisal_inputs(wf, seed=3)


def test_every_output_equals_the_single_purpose_functions(big):
    wf, inputs = big
    a = penata.appraise(wf, inputs=inputs, ids=False)
    pred = penata.predikat(inputs["rating_hasil_kerja"], inputs["rating_perilaku"])
    assert (a["predikat"] == pred).all()
    frame = pd.concat([wf.to_frame(), inputs], axis=1)
    ip = penata.ip_asn(frame, rules="perban-8-2019")
    for c in ("ip_asn", "ip_kualifikasi", "ip_kompetensi", "ip_kinerja", "ip_disiplin"):
        np.testing.assert_array_equal(a[c].to_numpy(), ip[c].to_numpy(), err_msg=c)
    assert (a["ip_asn_category"] == ip["ip_asn_category"]).all()
    boxes = penata.talent_box(pred, inputs["potential"].to_numpy())
    np.testing.assert_array_equal(a["talent_box"].to_numpy(), np.asarray(boxes))
    assert (a["talent_action"] == penata.talent_action(a["talent_box"])).all()
    ak = penata.angka_kredit(pred, wf.to_frame()["position_level"])
    np.testing.assert_array_equal(a["angka_kredit"].to_numpy(), np.asarray(ak))
    # Categorical outputs keep pandas' int8 codes and behave as usual.
    for c in ("predikat", "ip_asn_category", "talent_action"):
        assert a[c].cat.codes.dtype == np.int8, c
        assert not a[c].isna().any(), c
    assert a["predikat"].value_counts().sum() == len(wf)


def test_input_types_give_the_same_appraisal(big):
    wf, inputs = big
    base = penata.appraise(wf, inputs=inputs, ids=False)
    # Texts, Categoricals with other category orders, and integer codes; flags as bool, 0/1 ints, texts.
    alt = pd.DataFrame({
        "rating_hasil_kerja": inputs["rating_hasil_kerja"].astype(str),
        "rating_perilaku": inputs["rating_perilaku"].cat.reorder_categories(list(reversed(RATINGS))),
        "has_leadership_training": inputs["has_leadership_training"].astype(np.int64),
        "has_functional_training": inputs["has_functional_training"].map({True: "true", False: "false"}),
        "has_seminar": inputs["has_seminar"].astype(np.uint8),
        "potential": inputs["potential"],
    })
    pd.testing.assert_frame_equal(penata.appraise(wf, inputs=alt, ids=False), base)
    codes = {c: inputs[c].cat.codes.to_numpy() for c in ("rating_hasil_kerja", "rating_perilaku")}
    mapping = dict(inputs, **codes)
    pd.testing.assert_frame_equal(penata.appraise(wf, inputs=mapping, ids=False), base)


def test_codes_and_flags_are_viewed_not_copied(big):
    _, inputs = big
    ratings = inputs["rating_hasil_kerja"]
    codes = cv.codes(ratings, "rating_hasil_kerja", RATINGS)
    assert codes.dtype == np.uint8 and np.shares_memory(codes, ratings.array.codes)
    flags = cv.flags(inputs["has_seminar"], "has_seminar")
    assert flags.dtype == np.uint8 and np.shares_memory(flags, inputs["has_seminar"].to_numpy())
    np.testing.assert_array_equal(flags, inputs["has_seminar"].to_numpy().astype(np.uint8))
    # A missing rating in a Categorical still names its row.
    broken = ratings.copy()
    broken.iloc[5] = np.nan
    with pytest.raises(ValidationError) as e:
        cv.codes(broken, "rating_hasil_kerja", RATINGS)
    assert (e.value.row, e.value.rule) == (5, "rating_hasil_kerja.known")


def test_core_appraise_takes_one_byte_arrays_of_any_kind_and_row_selections(big):
    wf, inputs = big
    rs = penata.RuleSet.builtin("default")
    u8 = {c: inputs[c].cat.codes.to_numpy().astype(np.uint8) for c in ("rating_hasil_kerja", "rating_perilaku")}
    u8.update({c: inputs[c].to_numpy().astype(np.uint8)
               for c in ("has_leadership_training", "has_functional_training", "has_seminar")})
    u8["potential"] = inputs["potential"].to_numpy()
    d = _core.appraise(wf._wf, rs._r, u8)
    assert d["n"] == len(wf) and d["rows"] is None
    other = dict(u8)
    other.update({c: inputs[c].cat.codes.to_numpy() for c in ("rating_hasil_kerja", "rating_perilaku")})  # int8
    other.update({c: inputs[c].to_numpy() for c in ("has_leadership_training", "has_functional_training",
                                                     "has_seminar")})  # bool
    e = _core.appraise(wf._wf, rs._r, other)
    for k in ("predikat", "talent_box", "angka_kredit"):
        np.testing.assert_array_equal(d[k], e[k], err_msg=k)
    for k, v in d["ip_asn"].items():
        np.testing.assert_array_equal(v, e["ip_asn"][k], err_msg=k)
    rows = np.array([9000, 0, 4097, 4097, 2048], dtype=np.uint32)
    s = _core.appraise(wf._wf, rs._r, u8, rows)
    assert s["n"] == 5 and s["rows"] is not None
    np.testing.assert_array_equal(s["predikat"], d["predikat"][rows])
    np.testing.assert_array_equal(s["ip_asn"]["ip_asn"], d["ip_asn"]["ip_asn"][rows])
    np.testing.assert_array_equal(s["talent_box"], d["talent_box"][rows])
    np.testing.assert_array_equal(s["angka_kredit"], d["angka_kredit"][rows])
    # Outputs whose inputs are missing come back empty.
    only = {k: u8[k] for k in ("rating_hasil_kerja", "rating_perilaku")}
    p = _core.appraise(wf._wf, penata.RuleSet.builtin("permenpanrb-6-2022")._r, only)
    assert len(p["predikat"]) == len(wf) and len(p["talent_box"]) == 0 and len(p["ip_asn"]["ip_asn"]) == 0
    np.testing.assert_array_equal(p["predikat"], d["predikat"])


def _issue(exc):
    return [(i["row"], i["field"], i["value"], i["rule"]) for i in exc.value.issues]


def test_errors_name_the_row_field_value_and_rule_as_before(big):
    wf, inputs = big
    # Bad potential far into the data (core check), with the index labels of the inputs.
    bad = inputs.copy()
    bad.index = pd.RangeIndex(100, 100 + len(bad))
    bad.loc[100 + 7000, "potential"] = 120.0
    bad.loc[100 + 10, "potential"] = np.nan
    with pytest.raises(ValidationError) as e:
        penata.appraise(wf, inputs=bad)
    assert _issue(e) == [(110, "potential", "nan", "potential.range"), (7100, "potential", "120", "potential.range")]
    # A bad rating code in the core's input wins over the bad potential (predikat comes first).
    rs = penata.RuleSet.builtin("default")
    h = inputs["rating_hasil_kerja"].cat.codes.to_numpy().astype(np.uint8)
    h[4500] = 3
    d = {"rating_hasil_kerja": h, "rating_perilaku": inputs["rating_perilaku"].cat.codes.to_numpy(),
         "potential": bad["potential"].to_numpy()}
    with pytest.raises(ValidationError) as e:
        _core.appraise(wf._wf, rs._r, d)
    assert _issue(e) == [(4501, "rating_hasil_kerja", "3", "rating_hasil_kerja.known")]
    # Training flags other than 0/1 reaching the core.
    flags = {c: inputs[c].to_numpy().astype(np.uint8)
             for c in ("has_leadership_training", "has_functional_training", "has_seminar")}
    flags["has_seminar"][8999] = 2
    d = {"predikat": np.zeros(len(wf), dtype=np.uint8), **flags}
    with pytest.raises(ValidationError) as e:
        _core.appraise(wf._wf, rs._r, d)
    assert _issue(e) == [(9000, "has_seminar", "2", "has_seminar.known")]


def test_bulk_bindings_return_fresh_arrays_of_the_right_length():
    rs = penata.RuleSet.builtin("default")
    h = np.array([2, 1, 0], dtype=np.uint8)
    p = _core.predikat(rs._r, h, h)
    assert p.dtype == np.uint8 and p.tolist() == [0, 1, 4] and p.flags.writeable
    assert len(_core.predikat(rs._r, h[:0], h[:0])) == 0
    nilai, pred = _core.pp30_scores(penata.RuleSet.builtin("pp-30-2019")._r, np.array([90.0]), np.array([80.0]))
    assert nilai.tolist() == [pytest.approx(87.0)] and len(pred) == 1
    score, band = _core.prestasi(penata.RuleSet.builtin("pp-46-2011")._r, np.array([90.0]), np.array([80.0]))
    assert score.tolist() == [pytest.approx(86.0)] and band.dtype == np.uint8
    box = _core.talent_box(rs._r, performance=np.array([2], dtype=np.uint8), potential=np.array([95.0]))
    assert box.tolist() == [9]
    with pytest.raises(ValidationError) as e:
        _core.talent_box(rs._r, potential=np.array([95.0]))
    assert e.value.rule == "input.choice"
    ak = _core.angka_kredit(rs._r, np.array([1], dtype=np.uint8), np.array([1], dtype=np.uint8))
    assert ak.dtype == np.float64 and len(ak) == 1


def test_public_appraise_threads_give_the_same_frame():
    wf = penata.datasets.bengkulu(n=300_001, seed=9)  # above the two-thread threshold
    inputs = penata.datasets.appraisal_inputs(wf, seed=9)
    one = penata.appraise(wf, inputs=inputs, ids=False, threads=1)
    auto = penata.appraise(wf, inputs=inputs, ids=False)
    assert one.equals(auto)
    with pytest.raises(ValueError):
        penata.appraise(wf, inputs=inputs, threads=-1)
