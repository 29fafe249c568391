"""Snapshots and pickling through the library's own serialization (docs/persistence.md)."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

import penata


@pytest.fixture(scope="module")
def wf():
    return penata.datasets.bengkulu(n=2000, seed=11)


@pytest.mark.parametrize("encoding", ["portable", "binary"])
def test_save_load_round_trip(tmp_path, wf, encoding):
    path = tmp_path / "w.pnt"
    rules = penata.NipRules(pppk_codes=(21, 24, 25))
    penata.save(path, wf, wf.units, rules, encoding=encoding)
    back, units, rules_back = penata.load(path)
    pd.testing.assert_frame_equal(back.to_frame(), wf.to_frame())
    assert units == wf.units
    assert rules_back == rules
    named = penata.load(path, as_dict=True)
    assert list(named) == ["workforce", "units", "nip_rules"]
    assert penata._core.archive_info(path.read_bytes())["encoding"] == encoding


def test_single_object_and_keywords(tmp_path, wf):
    penata.save(tmp_path / "one.pnt", wf)
    assert isinstance(penata.load(tmp_path / "one.pnt"), penata.Workforce)
    data = penata.dumps(before=wf, after=wf.copy(), encoding="binary")
    assert list(penata.loads(data, as_dict=True)) == ["before", "after"]


def test_bad_arguments(tmp_path, wf):
    with pytest.raises(ValueError, match="encoding"):
        penata.save(tmp_path / "x.pnt", wf, encoding="zip")
    with pytest.raises(TypeError, match="DataFrame"):
        penata.save(tmp_path / "x.pnt", wf.to_frame())
    with pytest.raises(ValueError, match="nothing to save"):
        penata.save(tmp_path / "x.pnt")


def test_damaged_files_give_clear_errors(tmp_path, wf):
    path = tmp_path / "w.pnt"
    penata.save(path, wf, encoding="binary")
    data = path.read_bytes()
    (tmp_path / "cut.pnt").write_bytes(data[: len(data) // 2])
    with pytest.raises(penata.FormatError, match="truncated"):
        penata.load(tmp_path / "cut.pnt")
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x10
    (tmp_path / "flip.pnt").write_bytes(bytes(flipped))
    with pytest.raises(penata.FormatError, match="checksum"):
        penata.load(tmp_path / "flip.pnt")
    (tmp_path / "csv.pnt").write_text("nip,name\n")
    with pytest.raises(penata.FormatError, match="not a penata archive"):
        penata.load(tmp_path / "csv.pnt")
    with pytest.raises(penata.IoError):
        penata.load(tmp_path / "missing.pnt")
    with pytest.raises(penata.FormatError):
        penata.loads(b"")


def test_rule_sets_save_and_load(tmp_path):
    rs = penata.RuleSet.builtin("default")
    penata.save(tmp_path / "rules.pnt", rs, encoding="binary")
    back = penata.load(tmp_path / "rules.pnt")
    assert isinstance(back, penata.RuleSet) and back == rs


def test_every_model_object_pickles(wf):
    for obj in (wf, wf.units, penata.NipRules(min_age_at_tmt=19), penata.RuleSet.builtin("default")):
        data = pickle.dumps(obj)
        assert b"\x89PNATA" in data, f"{type(obj).__name__} does not pickle through penata's serializer"
        back = pickle.loads(data)
        if isinstance(obj, penata.Workforce):
            pd.testing.assert_frame_equal(back.to_frame(), obj.to_frame())
        else:
            assert back == obj


def test_pickle_round_trip_in_a_subprocess(tmp_path, wf):
    """A workforce travels to another interpreter (as to multiprocessing or Dask workers)."""
    blob = tmp_path / "wf.pickle"
    blob.write_bytes(pickle.dumps((wf, wf.units)))
    script = textwrap.dedent(f"""
        import pickle, sys
        wf, units = pickle.loads(open({str(blob)!r}, "rb").read())
        df = wf.to_frame()
        print(len(wf), len(units), df["training_hours"].sum(), df["nip"].iloc[-1])
        sys.stdout.flush()
        pickle.dump(wf, open({str(blob)!r} + ".back", "wb"))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    df = wf.to_frame()
    assert out.stdout.split() == [str(len(wf)), str(len(wf.units)), str(df["training_hours"].sum()), df["nip"].iloc[-1]]
    back = pickle.loads((tmp_path / "wf.pickle.back").read_bytes())
    pd.testing.assert_frame_equal(back.to_frame(), df)


def test_pickle_through_multiprocessing(wf):
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        sizes = pool.map(len, [wf, wf.copy()])
    assert sizes == [len(wf), len(wf)]
