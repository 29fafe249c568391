"""Pseudonymisation (keyed NIP tokens, coarsened dates) and disclosure checks."""

import hashlib
import hmac
import pickle
import re

import numpy as np
import pandas as pd
import pytest

import penata
from penata import ValidationError

KEY = b"k" * 32


@pytest.fixture(scope="module")
def wf():
    return penata.datasets.bengkulu(n=800, seed=5)


def test_token_is_the_hmac_of_the_prefixed_nip_and_matches_pythons_hmac():
    # The cross-language vector of shared/research B.6, on the raw HMAC.
    assert penata._core.hmac_sha256(KEY, b"199001012015031001").hex() == \
        "29f94a801f131526ec4a6f9f66ffbcb225921d8557e7678b5af5a7c6476a31f3"
    p = penata.Pseudonymiser(KEY, token_bits=256)
    want = hmac.new(KEY, b"penata:nip:v1:199001012015031001", hashlib.sha256).hexdigest()
    assert p.tokens(["199001012015031001"])[0] == want
    assert penata.Pseudonymiser(KEY).tokens(np.array([199001012015031001], dtype=np.uint64))[0] == want[:32]


def test_same_key_same_tokens_other_key_other_tokens(wf):
    nips = wf.to_frame()["nip"]
    a = penata.Pseudonymiser(KEY).tokens(nips)
    assert isinstance(a, pd.Series) and a.index.equals(nips.index)
    assert a.equals(penata.Pseudonymiser(KEY.hex()).tokens(nips))  # a hex text is the same key
    b = penata.Pseudonymiser(b"x" * 32).tokens(nips)
    assert not (a == b).any()
    assert a.is_unique


@pytest.mark.parametrize("key, rule", [(b"", "privacy.key_empty"), (b"k" * 31, "privacy.key_short"),
                                       ("not hex", "privacy.key_hex")])
def test_bad_keys_are_refused_without_quoting_them(key, rule):
    with pytest.raises(ValidationError) as e:
        penata.Pseudonymiser(key)
    assert e.value.rule == rule
    if key:
        assert "kkkk" not in str(e.value)
    with pytest.raises(TypeError):
        penata.Pseudonymiser(12345)
    with pytest.raises(ValidationError, match="privacy.token_bits"):
        penata.Pseudonymiser(KEY, token_bits=100)


def test_the_key_never_travels():
    p = penata.Pseudonymiser(KEY)
    assert "kkkk" not in repr(p) and KEY.hex() not in repr(p)
    with pytest.raises(TypeError, match="never pickled"):
        pickle.dumps(p)
    with pytest.raises(TypeError):
        pickle.dumps(penata._core.PseudonymKey(KEY))


def _scan(text: str, wf) -> None:
    """No NIP, name or birth date of the workforce appears in text."""
    df = wf.to_frame()
    for nip in df["nip"]:
        assert nip not in text
    for name in df["name"]:
        assert name not in text
    for d in df["birth_date"].dt.strftime("%Y-%m-%d"):
        assert d not in text
    assert KEY.hex() not in text and "kkkkkkkk" not in text


def test_released_workforce_keeps_no_direct_identifier(wf, tmp_path):
    out = penata.pseudonymise(wf, KEY)
    assert list(out.columns) == ["token", "employment_type", "gender", "birth_year", "tmt_year", "golongan",
                                 "position_class", "position_level", "unit_code", "education", "training_hours",
                                 "discipline"]
    assert out.attrs["penata"]["pseudonymised"] and "not anonymised" in out.attrs["penata"]["note"]
    df = wf.to_frame()
    assert (out["birth_year"].to_numpy() == df["birth_date"].dt.year.to_numpy()).all()
    assert (out["tmt_year"].to_numpy() == df["tmt"].dt.year.to_numpy()).all()
    assert (out["golongan"].astype(str) == df["golongan"].astype(str)).all()
    assert (out["unit_code"].astype(str) == df["unit_code"].astype(str)).all()
    path = tmp_path / "release.csv"
    out.to_csv(path, index=False)
    _scan(path.read_text(), wf)
    banded = penata.pseudonymise(wf, KEY, birth="age_band", as_of="2025-06-30", band_years=10, tmt="drop",
                                 keep_position_name=True)
    assert "tmt_year" not in banded.columns and "position_name" in banded.columns
    assert banded["age_band"].cat.ordered
    assert all(re.fullmatch(r"\d+-\d+", s) for s in banded["age_band"].astype(str))
    with pytest.raises(ValidationError, match="privacy.as_of"):
        penata.pseudonymise(wf, KEY, birth="age_band")
    with pytest.raises(ValidationError, match="privacy.tmt"):
        penata.pseudonymise(wf, KEY, tmt="age_band")
    assert "birth_year" not in penata.pseudonymise(wf, KEY, birth="drop").columns


def test_the_same_tokens_join_every_table(wf, tmp_path):
    p = penata.Pseudonymiser(KEY)
    people = penata.pseudonymise(wf, KEY)
    assessments = penata.datasets.assessments(wf).to_frame()
    shared = p.apply(assessments)
    assert "token" in shared.columns and "nip" not in shared.columns
    assert set(shared["token"]) <= set(people["token"])
    scored = penata.appraise(wf, inputs="sample").reset_index()
    scored["evaluator_nip"] = scored["nip"].where(scored.index % 3 == 0, "")
    released = p.apply(scored)
    assert {"token", "evaluator_token"} <= set(released.columns)
    assert released["evaluator_token"].isna().sum() == (scored["evaluator_nip"] == "").sum()
    joined = people.merge(released, on="token", validate="one_to_one")
    assert len(joined) == len(wf)
    frame = wf.to_frame()
    released_frame = p.apply(frame)
    assert "name" not in released_frame.columns and "birth_date" not in released_frame.columns
    assert {"birth_year", "tmt_year"} <= set(released_frame.columns)
    path = tmp_path / "all.csv"
    pd.concat([released_frame.astype(str), shared.astype(str)]).to_csv(path, index=False)
    _scan(path.read_text(), wf)
    indexed = p.apply(frame.set_index("nip"))
    assert indexed.index.name == "token" and indexed.index.is_unique


def test_disclosure_check_of_a_crafted_table():
    t = pd.DataFrame({"unit": ["A", "A", "A", "A", "B", "B", None],
                      "gender": ["L", "P", "L", "L", "L", "L", "P"]})
    c = penata.disclosure_check(t, ["unit", "gender"], k=3)
    assert (c.records, c.groups, c.smallest) == (7, 4, 1)
    assert not c.ok
    rows = sorted(map(tuple, c.below_k.astype(object).where(c.below_k.notna(), None).values.tolist()),
                  key=lambda r: (r[0] is None, r))
    assert rows == [("A", "P", 1), ("B", "L", 2), (None, "P", 1)]
    assert penata.disclosure_check(t, ["gender"], k=2).ok
    assert "smallest 1" in repr(c) and "<p>" in c._repr_html_()
    with pytest.raises(KeyError):
        penata.disclosure_check(t, ["golongan"])
    with pytest.raises(ValidationError, match="privacy.k"):
        penata.disclosure_check(t, ["unit"], k=0)


def test_disclosure_check_of_a_workforce_agrees_with_its_release(wf):
    qi = ["unit_code", "gender", "birth_year"]
    direct = penata.disclosure_check(wf, qi, k=3)
    release = penata.disclosure_check(penata.pseudonymise(wf, KEY), qi, k=3)
    assert (direct.records, direct.groups, direct.smallest) == (release.records, release.groups, release.smallest)
    a = direct.below_k.astype(str).sort_values(qi).reset_index(drop=True)
    b = release.below_k.astype(str).sort_values(qi).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    banded = penata.disclosure_check(wf, k=5, as_of="2025-06-30")
    assert banded.quasi_identifiers == penata.privacy.DEFAULT_QUASI_IDENTIFIERS
    assert (banded.below_k["count"] < 5).all()
    assert set(banded.below_k["golongan"]) <= set(penata.frames.golongan_categories())
    with pytest.raises(ValidationError, match="privacy.as_of"):
        penata.disclosure_check(wf, ["age_band"])
    with pytest.raises(ValidationError, match="privacy.quasi_identifier"):
        penata.disclosure_check(wf, ["nip"])


def test_cli_pseudonymise(wf, tmp_path, monkeypatch):
    from penata.cli import main

    src = tmp_path / "pegawai.csv"
    units = tmp_path / "units.csv"
    wf.to_csv(src)
    wf.units.to_csv(units)
    key_file = tmp_path / "key.hex"
    key_file.write_text(KEY.hex() + "\n")
    out = tmp_path / "release.csv"
    report = tmp_path / "below.csv"
    status = main(["pseudonymise", str(src), "-o", str(out), "--key-file", str(key_file), "--units", str(units),
                   "--report", str(report)])
    assert status == 1  # 800 people over five quasi-identifiers: some groups are below 5
    released = pd.read_csv(out, dtype=str)
    assert released["token"].tolist() == penata.pseudonymise(wf, KEY)["token"].tolist()
    _scan(out.read_text(), wf)
    assert len(pd.read_csv(report)) > 0
    monkeypatch.setenv("PENATA_TEST_KEY", KEY.hex())
    assert main(["pseudonymise", str(src), "-o", str(out), "--key-env", "PENATA_TEST_KEY", "--units", str(units),
                 "--check", "unit_code", "--k", "1"]) == 0
    assert main(["pseudonymise", str(src), "-o", str(out), "--key-env", "PENATA_TEST_KEY_UNSET"]) == 2
    assert main(["pseudonymise", str(src), "-o", str(out), "--key-file", str(key_file), "--birth", "age_band",
                 "--as-of", "2025-06-30", "--units", str(units)]) in (0, 1)
    assert "age_band" in pd.read_csv(out, nrows=1).columns
