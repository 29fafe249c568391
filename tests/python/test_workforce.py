"""Workforce in Python: DataFrames, zero-copy columns, single-employee changes, display, pickling."""

import datetime
import pickle

import numpy as np
import pandas as pd
import pytest

import penata
from penata import NotFoundError, ValidationError, Workforce
from conftest import GOOD_ROWS, HEADER, UNITS_CSV, csv_text, row


@pytest.fixture(scope="module")
def sample():
    return penata.datasets.bengkulu(n=3000, seed=7)


@pytest.fixture
def small(units_path):
    wf = Workforce(units=units_path)
    for r in GOOD_ROWS:
        wf.add(r)
    return wf


def test_to_frame_columns_and_dtypes(small):
    df = small.to_frame()
    assert list(df.columns) == HEADER
    assert df["nip"].tolist() == [r["nip"] for r in GOOD_ROWS]
    assert isinstance(df["nip"][0], str)
    assert df["birth_date"].dtype == np.dtype("datetime64[ns]")
    assert df["birth_date"][0] == pd.Timestamp("1986-09-26")
    assert df["tmt"].dtype == pd.PeriodDtype("M")
    assert df["tmt"][0] == pd.Period("2015-05", "M")
    for col in ("employment_type", "gender", "golongan", "position_class", "position_level", "education", "discipline"):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
    assert df["golongan"].tolist() == ["III/a", "IX", "IV/a"]
    assert df["position_level"].tolist() == ["ahli_pertama", "ahli_pertama", ""]
    assert "" in df["position_level"].cat.categories
    assert list(df["employment_type"].cat.categories) == ["PNS", "PPPK"]
    assert df["education"].cat.ordered and df["education"].min() == "S1"
    assert df["training_hours"].dtype == np.float64 and df["training_hours"].tolist() == [24.0, 12.5, 30.0]
    assert df["unit_code"].tolist() == ["BKD", "DISDIK", "BKD-MUT"]
    assert df["name"][2] == "Ahmad, S.Sos."


def test_frame_round_trip(sample):
    df = sample.to_frame()
    back = Workforce.from_frame(df, units=sample.units)
    assert back.rejected.empty
    pd.testing.assert_frame_equal(back.to_frame(), df)


def test_from_frame_accepts_plain_text_columns(small):
    df = small.to_frame()
    plain = pd.DataFrame({c: df[c].astype(str) for c in df.columns})
    plain["birth_date"] = df["birth_date"].dt.strftime("%Y-%m-%d")
    plain["training_hours"] = df["training_hours"]
    back = Workforce.from_frame(plain, units=small.units)
    pd.testing.assert_frame_equal(back.to_frame(), df)
    # python dates and Timestamps for tmt work as well
    obj = df.copy()
    obj["birth_date"] = [d.date() for d in df["birth_date"]]
    obj["tmt"] = df["tmt"].dt.to_timestamp()
    pd.testing.assert_frame_equal(Workforce.from_frame(obj, units=small.units).to_frame(), df)


def test_from_frame_rejections_use_index_labels(small):
    df = small.to_frame()
    df.index = ["a", "b", "c"]
    df["golongan"] = df["golongan"].astype(str)
    df.loc["b", "golongan"] = "XVIII"
    wf = Workforce.from_frame(df, units=small.units, errors="collect")
    assert len(wf) == 2
    assert wf.rejected[["row", "field", "value", "rule"]].values.tolist() == [["b", "golongan", "XVIII", "golongan.known"]]
    with pytest.raises(ValidationError) as info:
        Workforce.from_frame(df, units=small.units)
    assert info.value.row == "b" and "row b, field 'golongan'" in str(info.value)
    with pytest.raises(ValueError):
        Workforce.from_frame(df, errors="maybe")
    with pytest.raises(TypeError):
        Workforce.from_frame(GOOD_ROWS)  # type: ignore[arg-type]


def test_from_frame_missing_values_are_rejected_not_defaulted(small):
    df = small.to_frame()
    df["training_hours"] = df["training_hours"].astype(float)
    df.loc[1, "training_hours"] = np.nan
    wf = Workforce.from_frame(df, units=small.units, errors="collect")
    assert wf.rejected[["row", "rule"]].values.tolist() == [[1, "training_hours.number"]]


def test_from_frame_unknown_column_warns(small):
    df = small.to_frame()
    df["remarks"] = "x"
    with pytest.warns(penata.PenataWarning, match="remarks"):
        wf = Workforce.from_frame(df, units=small.units)
    assert wf.import_report.unknown_columns == ("remarks",)


def test_units_none_creates_top_level_units(small):
    wf = Workforce.from_frame(small.to_frame())
    assert sorted(wf.import_report.created_units) == ["BKD", "BKD-MUT", "DISDIK"]
    assert wf.units_frame()["parent_code"].tolist() == ["", "", ""]


def test_column_is_zero_copy_and_read_only(sample):
    a = sample.column("training_hours")
    b = sample.column("training_hours")
    assert a.dtype == np.float64 and len(a) == len(sample)
    assert np.shares_memory(a, b)  # both views of the core's one vector
    assert not a.flags.writeable and not a.flags.owndata
    with pytest.raises(ValueError):
        a[0] = 1.0
    assert np.array_equal(a, sample.to_frame()["training_hours"].to_numpy())
    types = {"nip": np.uint64, "birth_date": np.int32, "tmt": np.int32, "golongan": np.uint8,
             "position_name": np.uint32, "unit_code": np.uint32, "employment_type": np.uint8}
    for name, t in types.items():
        assert sample.column(name).dtype == t
    with pytest.raises(ValueError):
        sample.column("name")
    with pytest.raises(ValueError):
        sample.column("salary")


def test_column_outlives_workforce_and_changes():
    wf = penata.datasets.bengkulu(n=100, seed=1)
    a = wf.column("nip")
    first = int(a[0])
    wf.remove(str(first))  # the workforce copies itself; the view keeps the old data
    assert len(wf) == 99 and len(a) == 100 and int(a[0]) == first
    assert wf.find(str(first)) is None
    del wf
    assert int(a.sum() % 7) >= 0  # still readable
    c = penata.datasets.bengkulu(n=10).column("golongan")
    assert c.shape == (10,)


def test_find_get_contains(small):
    assert small.find("198609262015051001") == 0
    assert small.find(199009132025242014) == 1
    assert small.find("199009132025242015") is None
    assert small.find("not a nip") is None
    assert "197503122000031002" in small and "0" not in small and None not in small
    assert small.get("197503122000031002")["position_class"] == "administrator"
    assert small.row(-1) == small.get("197503122000031002")
    with pytest.raises(NotFoundError):
        small.get("199009132025242015")
    with pytest.raises(IndexError):
        small.row(3)


def test_add_update_remove(small):
    new = row(0, nip="198609262015051002", name="Budi Dua")
    assert small.add(new) == 3
    assert small.get("198609262015051002")["name"] == "Budi Dua"
    # typed values are accepted too
    small.update({"nip": "198609262015051002", "training_hours": 40.5, "birth_date": datetime.date(1986, 9, 26)})
    assert small.get("198609262015051002")["training_hours"] == "40.5"
    with pytest.raises(ValidationError) as info:
        small.update({"nip": "198609262015051002", "golongan": "V/a"})
    assert info.value.rule == "golongan.known"
    with pytest.raises(NotFoundError):
        small.update({"nip": "198609262015051009", "name": "x"})
    small.remove("198609262015051002")
    assert len(small) == 3
    with pytest.raises(NotFoundError):
        small.remove("198609262015051002")


def test_add_names_every_issue(small):
    with pytest.raises(ValidationError) as info:
        small.add(row(0, nip="198609262015051003", golongan="V/a", education="S9"))
    assert {i["field"] for i in info.value.issues} == {"golongan", "education"}
    with pytest.raises(ValidationError) as info:
        small.add(GOOD_ROWS[0])
    assert info.value.rule == "nip.unique"
    incomplete = {k: v for k, v in GOOD_ROWS[2].items() if k not in ("position_level", "discipline")}
    incomplete["nip"] = "197503122000031003"
    with pytest.raises(ValidationError) as info:
        small.add(incomplete)
    assert [i["rule"] for i in info.value.issues] == ["discipline.required"]
    with pytest.raises(ValidationError) as info:
        small.add(dict(GOOD_ROWS[2], nip="197503122000031003", salary="1"))
    assert info.value.field == "salary"
    assert small.check(GOOD_ROWS[0], replacing=True) == []
    assert small.check(row(0, nip="198609262015051003", unit_code="NOPE"))[0]["rule"] == "unit_code.known"
    assert len(small) == 3


def test_select_unit(small):
    assert small.select_unit("BKD").tolist() == [0, 2]
    assert small.select_unit("BKD", include_subunits=False).tolist() == [0]
    assert small.select_unit("PROV").tolist() == [0, 1, 2]
    assert small.to_frame(small.select_unit("DISDIK"))["nip"].tolist() == ["199009132025242014"]
    with pytest.raises(NotFoundError):
        small.select_unit("NOPE")


def test_memory_bytes(sample):
    assert sample.memory_bytes() > sample.memory_bytes(include_names=False) > 0


def test_empty_workforce():
    wf = Workforce()
    assert len(wf) == 0 and wf.to_frame().empty and list(wf.to_frame().columns) == HEADER
    assert "0 employees" in repr(wf) and "<table" in wf._repr_html_()
    assert wf.rejected.empty and list(wf.rejected.columns) == ["row", "field", "value", "rule", "reason"]


def test_repr_is_bounded_for_a_large_workforce():
    wf = penata.datasets.bengkulu(n=100_000, seed=2)
    r = repr(wf)
    assert r.startswith("<penata.Workforce: 100,000 employees") and len(r) < 200
    h = wf._repr_html_()
    assert "100,000 employees" in h and "99,995 more rows" in h
    assert len(h) < 20_000
    assert h.count("<tr") <= 7


def test_repr_never_raises():
    wf = Workforce.__new__(Workforce)  # a broken object: no state at all
    assert repr(wf) == "<penata.Workforce>"
    assert "penata.Workforce" in wf._repr_html_()


def test_pickle_round_trip(sample):
    back = pickle.loads(pickle.dumps(sample))
    pd.testing.assert_frame_equal(back.to_frame(), sample.to_frame())
    assert back.units == sample.units
    strict = Workforce(rules=penata.NipRules(min_age_at_tmt=20))
    assert pickle.loads(pickle.dumps(strict)).rules.min_age_at_tmt == 20


def test_copy_is_independent(small):
    c = small.copy()
    c.remove("198609262015051001")
    assert len(c) == 2 and len(small) == 3


def test_units_object():
    u = penata.Units.from_frame(pd.read_csv(__import__("io").StringIO(UNITS_CSV), keep_default_na=False))
    assert len(u) == 4 and "BKD" in u and "X" not in u
    assert u.roots() == ["PROV"] and u.children("PROV") == ["BKD", "DISDIK"]
    assert u.subtree("BKD") == ["BKD", "BKD-MUT"] and u.depth("BKD-MUT") == 2
    assert u.name("DISDIK") == "Dinas Pendidikan"
    with pytest.raises(ValidationError) as info:
        u.add("BKD", "again")
    assert info.value.rule == "unit.code_unique"
    with pytest.raises(NotFoundError):
        u.parent_code("X")
    assert pickle.loads(pickle.dumps(u)) == u
    assert "4 units" in repr(u)


def test_from_frame_nip_column_types(small):
    df = small.to_frame()
    as_int = df.assign(nip=df["nip"].astype("int64"))
    pd.testing.assert_frame_equal(Workforce.from_frame(as_int, units=small.units).to_frame(), df)
    as_float = df.assign(nip=df["nip"].astype("float64"))  # would silently change the digits
    with pytest.raises(penata.FormatError, match="nip"):
        Workforce.from_frame(as_float, units=small.units)


def test_from_frame_quotes_commas_and_unicode(small):
    df = small.to_frame()
    df["name"] = ['Budi "Bud" Santoso, S.T.', "Siti Aminah, S.Pd., M.Pd.", "Ahmad Zaïd"]
    back = Workforce.from_frame(df, units=small.units)
    assert back.to_frame()["name"].tolist() == df["name"].tolist()


def test_units_from_frame_is_strict():
    with pytest.raises(penata.FormatError, match="extra"):
        penata.Units.from_frame(pd.DataFrame({"code": ["A"], "name": ["a"], "parent_code": [""], "extra": [1]}))
    with pytest.raises(penata.FormatError, match="parent_code"):
        penata.Units.from_frame(pd.DataFrame({"code": ["A"], "name": ["a"]}))


def test_iterates_employees_as_dicts_in_row_order(small):
    rows = list(small)
    assert len(rows) == len(small)
    assert [r["nip"] for r in rows] == small.to_frame()["nip"].tolist()
    assert set(rows[0]) == set(penata.FIELDS)
