"""The synthetic Bengkulu sample: deterministic, valid."""

import pandas as pd
import pytest

import penata


def test_same_seed_same_frame():
    a = penata.datasets.bengkulu(n=1500, seed=11).to_frame()
    b = penata.datasets.bengkulu(n=1500, seed=11).to_frame()
    pd.testing.assert_frame_equal(a, b)


def test_different_seed_different_frame():
    a = penata.datasets.bengkulu(n=1500, seed=11).to_frame()
    b = penata.datasets.bengkulu(n=1500, seed=12).to_frame()
    assert not a.equals(b)


def test_default_size_and_validity():
    wf = penata.datasets.bengkulu()
    assert len(wf) == 10300
    df = wf.to_frame()
    assert df["nip"].is_unique
    assert set(df["employment_type"].unique()) <= {"PNS", "PPPK"}
    # every row passes validation again
    back = penata.Workforce.from_frame(df, units=wf.units, errors="collect")
    assert back.rejected.empty and len(back) == len(wf)
    assert len(penata.datasets.bengkulu_units()) == len(wf.units)


def test_bad_arguments():
    with pytest.raises(ValueError):
        penata.datasets.bengkulu(n=-1)
    with pytest.raises(ValueError):
        penata.datasets.bengkulu(n=10, seed=-3)
