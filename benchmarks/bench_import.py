"""Import + validation of a national-size ASN CSV: penata against pandas, in the same run.

    .venv/bin/python benchmarks/bench_import.py [--n 4300000] [--seed 0] [--repeat 3]
                                                [--csv build/bench/asn_4300000.csv] [--reuse]
                                                [--json build/bench/bench_import.json]

1. Generates the SYNTHETIC Bengkulu sample with n employees (default 4,300,000: the national
   civil service, BKN June 2023) and writes it to the CSV file (kept with --reuse).
2. Reads the file once (warm page cache), then times, best of --repeat runs each:
   (a) penata.Workforce.from_csv: parse + validate every row (field rules, NIP agreement,
       golongan per type, level rule, unit existence, unique NIP) into the columnar store;
   (b) pandas.read_csv(path) alone, with its defaults (C parser, numpy dtypes);
   (c) pandas.read_csv with explicit dtypes plus the same validation written in pandas/numpy
       (validate_frame below), which is what an analyst would otherwise have to run.
   Also, for reference: pandas.read_csv(engine="pyarrow") alone, which is multi-threaded.
3. Prints the times, the ratios penata/pandas and the bytes per employee held by penata apart
   from names (Workforce.memory_bytes(False) / n) next to pandas' deep memory usage.

The goal (issue): (a) at most (b), and under 100 bytes per employee apart from names.
A benchmark program, not a test; see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from typing import Dict, List

import numpy as np
import pandas as pd

from timing import CPU, best_of, machine

try:
    import penata
except ImportError as exc:  # pragma: no cover - message for a missing build
    sys.exit(f"bench_import.py: cannot import penata ({exc}); build it with `make python` first")

# ---- the rules, as data (docs/schema.md; ASN-RULES.md sections 8 and 9) --------------------------

PNS_GOLONGAN = [f"{g}/{r}" for g in ("I", "II", "III") for r in "abcd"] + [f"IV/{r}" for r in "abcde"]
PPPK_GOLONGAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
                 "XIV", "XV", "XVI", "XVII"]
EMPLOYMENT_TYPES = ["PNS", "PPPK"]
GENDERS = ["L", "P"]
POSITION_CLASSES = ["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
                    "fungsional"]
POSITION_LEVELS = ["", "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil",
                   "mahir", "penyelia"]
EDUCATION = ["SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
DISCIPLINE = ["none", "ringan", "sedang", "berat"]
PPPK_CODES = [21, 24]
MIN_AGE_AT_TMT = 18
MIN_BIRTH_YEAR, MAX_BIRTH_YEAR = 1900, 2099
MAX_TEXT = 200

# Read for (c): text kept verbatim ("" stays "", a name "NA" stays "NA": na_filter=False), nip as
# text so that its digits and length can be checked, training hours as float64. The coded columns
# stay strings: with pandas 3 (Arrow-backed str) that reads about twice as fast as "category" and
# isin() on it is fast.
TYPED = dict(dtype={"nip": str, "training_hours": "float64"}, na_filter=False)


def days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 (Howard Hinnant's algorithm, vectorised, int64)."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def is_real_date(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    dim = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[np.clip(m, 0, 12)]
    dim = dim + ((m == 2) & leap)
    return (m >= 1) & (m <= 12) & (d >= 1) & (d <= dim)


def text_issues(s: pd.Series, required: bool = True) -> np.ndarray:
    """Rows whose text is empty (when required), longer than 200 bytes or has control characters."""
    lengths = s.str.len().to_numpy()
    bad = lengths > MAX_TEXT
    if required:
        bad |= lengths == 0
    bad |= s.str.contains(r"[\x00-\x1f\x7f]", regex=True).to_numpy()
    return bad


def validate_frame(df: pd.DataFrame, unit_codes: List[str]) -> Dict[str, int]:
    """The penata row rules in pandas/numpy; returns the number of rows breaking each rule."""
    n = len(df)
    issues: Dict[str, np.ndarray] = {}

    # Coded fields.
    def coded(col: str, allowed: List[str]) -> np.ndarray:
        return ~df[col].isin(allowed).to_numpy()

    issues["employment_type.known"] = coded("employment_type", EMPLOYMENT_TYPES)
    issues["gender.known"] = coded("gender", GENDERS)
    issues["position_class.known"] = coded("position_class", POSITION_CLASSES)
    issues["position_level.known"] = coded("position_level", POSITION_LEVELS)
    issues["education.known"] = coded("education", EDUCATION)
    issues["discipline.known"] = coded("discipline", DISCIPLINE)
    is_pns = (df["employment_type"] == "PNS").to_numpy()
    is_pppk = (df["employment_type"] == "PPPK").to_numpy()
    gol = df["golongan"]
    issues["golongan.known"] = ~((is_pns & gol.isin(PNS_GOLONGAN).to_numpy()) |
                                 (is_pppk & gol.isin(PPPK_GOLONGAN).to_numpy()))
    fungsional = (df["position_class"] == "fungsional").to_numpy()
    has_level = (df["position_level"] != "").to_numpy()
    issues["position_level.required"] = fungsional & ~has_level
    issues["position_level.not_allowed"] = ~fungsional & has_level
    issues["unit_code.known"] = ~df["unit_code"].isin(unit_codes).to_numpy()
    th = df["training_hours"].to_numpy(dtype=np.float64)
    issues["training_hours.non_negative"] = ~(np.isfinite(th) & (th >= 0))
    issues["name.text"] = text_issues(df["name"])
    issues["position_name.text"] = text_issues(df["position_name"])

    # Dates.
    birth = pd.to_datetime(df["birth_date"], format="%Y-%m-%d", errors="coerce")
    issues["birth_date.format"] = birth.isna().to_numpy()
    birth_days = birth.to_numpy().astype("datetime64[D]").astype(np.int64)
    tmt = pd.to_datetime(df["tmt"], format="%Y-%m", errors="coerce")
    issues["tmt.format"] = tmt.isna().to_numpy()
    tmt_months = tmt.to_numpy().astype("datetime64[M]").astype(np.int64)

    # The NIP: 18 digits, then what they encode.
    raw = df["nip"].to_numpy().astype("S")
    width = raw.dtype.itemsize
    lengths = np.char.str_len(raw)
    digits = (np.frombuffer(raw.tobytes(), dtype=np.uint8).reshape(n, width)[:, :18].astype(np.int64) - 48
              if width >= 18 else np.zeros((n, 18), dtype=np.int64))
    bad_digits = ((digits < 0) | (digits > 9)).any(axis=1)
    issues["nip.length"] = lengths != 18
    issues["nip.digits"] = bad_digits & (lengths == 18)
    ok = (lengths == 18) & ~bad_digits
    dg = np.where(ok[:, None], digits, 0)

    def num(a: int, b: int) -> np.ndarray:  # digits a..b-1 as a number
        return dg[:, a:b] @ (10 ** np.arange(b - a - 1, -1, -1, dtype=np.int64))

    by, bm, bd = num(0, 4), num(4, 6), num(6, 8)
    ny, mid, g, seq = num(8, 12), num(12, 14), dg[:, 14], num(15, 18)
    real = is_real_date(by, bm, bd)
    issues["nip.birth_date"] = ok & ~real
    issues["nip.birth_year"] = ok & real & ((by < MIN_BIRTH_YEAR) | (by > MAX_BIRTH_YEAR))
    nip_birth = days_from_civil(by, np.where(real, bm, 1), np.where(real, bd, 1))
    min_age_month = (by + MIN_AGE_AT_TMT - 1970) * 12 + (bm - 1)
    pns_month = (ny - 1970) * 12 + (mid - 1)
    issues["nip.tmt_month"] = ok & is_pns & ((mid < 1) | (mid > 12))
    issues["nip.tmt_age"] = ok & real & ((is_pns & (pns_month < min_age_month)) |
                                         (is_pppk & (ny < by + MIN_AGE_AT_TMT)))
    issues["nip.pppk_code"] = ok & is_pppk & ~np.isin(mid, PPPK_CODES)
    issues["nip.gender"] = ok & (g != 1) & (g != 2)
    issues["nip.sequence"] = ok & (seq < 1)
    # As penata: the fields are compared with the NIP only when the NIP itself parsed.
    nip_ok = ok & real
    for rule in ("nip.birth_year", "nip.tmt_month", "nip.tmt_age", "nip.pppk_code", "nip.gender", "nip.sequence"):
        nip_ok &= ~issues[rule]
    gender = df["gender"].to_numpy()
    issues["gender.matches_nip"] = nip_ok & (((g == 1) & (gender != "L")) | ((g == 2) & (gender != "P")))
    issues["birth_date.matches_nip"] = nip_ok & ~issues["birth_date.format"] & (birth_days != nip_birth)
    tmt_ok = nip_ok & ~issues["tmt.format"]
    issues["tmt.matches_nip"] = tmt_ok & ((is_pns & (tmt_months != pns_month)) |
                                          (is_pppk & (tmt_months // 12 + 1970 != ny)))
    issues["tmt.min_age"] = tmt_ok & is_pppk & (tmt_months // 12 + 1970 == ny) & (tmt_months < min_age_month)

    # Unique NIP (on the numeric value; equal 18-digit texts give equal values).
    value = num(0, 18).astype(np.uint64)
    issues["nip.unique"] = ok & pd.Series(value).duplicated(keep="first").to_numpy()

    return {rule: int(mask.sum()) for rule, mask in issues.items()}


# ---- timing -------------------------------------------------------------------------------------

def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=4_300_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--csv", default=None)
    ap.add_argument("--reuse", action="store_true", help="keep an existing CSV file")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    ap.add_argument("--no-pyarrow", action="store_true", help="skip the pyarrow reference read")
    args = ap.parse_args(argv)
    path = args.csv or os.path.join("build", "bench", f"asn_{args.n}.csv")
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    info = machine(pandas=pd.__version__, numpy=np.__version__, penata=penata.__version__)
    print(f"bench_import.py: n={args.n} seed={args.seed} repeat={args.repeat} csv={path}")
    print(f"machine: {info['nproc']} x {info['cpu']}; python {info['python']}, pandas {info['pandas']}, "
          f"numpy {info['numpy']}, penata {info['penata']}")
    results: Dict[str, object] = {"n": args.n, "seed": args.seed, "repeat": args.repeat, "machine": info,
                                  "date": time.strftime("%Y-%m-%d")}

    if not (args.reuse and os.path.exists(path)):
        t0 = time.perf_counter()
        wf = penata.datasets.bengkulu(args.n, args.seed)
        results["generate_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        wf.to_csv(path)
        results["write_s"] = time.perf_counter() - t0
        del wf
        print(f"generate  penata.datasets.bengkulu({args.n})  {results['generate_s']:8.3f} s")
        print(f"write     Workforce.to_csv                  {results['write_s']:8.3f} s")
    with open(path, "rb") as f:  # warm the page cache
        size = len(f.read())
    results["csv_bytes"] = size
    print(f"file      {size / 1e6:.1f} MB")

    units = penata.datasets.bengkulu_units()
    unit_codes = units.codes
    load_before = os.getloadavg()

    t_penata, wf = best_of(args.repeat, lambda: penata.Workforce.from_csv(path, units=units), "a")
    rows = len(wf)
    mem_no_names = wf.memory_bytes(False) / rows
    mem_all = wf.memory_bytes(True) / rows
    del wf
    gc.collect()

    t_pandas, df = best_of(args.repeat, lambda: pd.read_csv(path), "b")
    pandas_mem = df.memory_usage(deep=True).sum() / len(df)
    pandas_rows = len(df)
    del df
    gc.collect()

    def pandas_validate() -> Dict[str, int]:
        frame = pd.read_csv(path, **TYPED)
        return validate_frame(frame, unit_codes)

    t_pandas_validate, counts = best_of(args.repeat, pandas_validate, "c")
    bad = {k: v for k, v in counts.items() if v}

    t_arrow = None
    if not args.no_pyarrow:
        try:
            import pyarrow  # noqa: F401
            t_arrow, df = best_of(args.repeat, lambda: pd.read_csv(path, engine="pyarrow"), "arrow")
            del df
        except ImportError:
            pass

    results.update({
        "rows": rows, "pandas_rows": pandas_rows,
        "penata_import_validate_s": t_penata, "pandas_read_csv_s": t_pandas,
        "pandas_read_csv_validate_s": t_pandas_validate, "pandas_read_csv_pyarrow_s": t_arrow,
        "ratio_penata_over_pandas_read": t_penata / t_pandas,
        "ratio_penata_over_pandas_read_validate": t_penata / t_pandas_validate,
        "penata_bytes_per_employee_no_names": mem_no_names,
        "penata_bytes_per_employee_with_names": mem_all,
        "pandas_bytes_per_employee_deep": pandas_mem,
        "pandas_validation_rejections": bad,
        "cpu_s": dict(CPU),
        "loadavg_before": load_before,
    })
    print()
    def line(tag: str, what: str, t: float, extra: str = "") -> None:
        print(f"{tag} {what:44s} {t:8.3f} s wall {CPU.get(tag.strip('()'), float('nan')):8.3f} s cpu  {extra}")

    print(f"load average before the timed runs: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    line("(a)", "penata Workforce.from_csv (parse + validate)", t_penata, f"{rows / t_penata / 1e6:.2f} M rows/s")
    line("(b)", "pandas read_csv alone", t_pandas, f"{pandas_rows / t_pandas / 1e6:.2f} M rows/s")
    line("(c)", "pandas read_csv (typed) + validation", t_pandas_validate)
    if t_arrow is not None:
        print(f"    {'pandas read_csv(engine=pyarrow) alone':44s} {t_arrow:8.3f} s wall {CPU['arrow']:8.3f} s cpu  "
              "(multi-threaded, reference)")
    print(f"ratio (a)/(b) = {t_penata / t_pandas:.2f} wall, {CPU['a'] / CPU['b']:.2f} cpu   (goal: <= 1)")
    print(f"ratio (a)/(c) = {t_penata / t_pandas_validate:.2f} wall, {CPU['a'] / CPU['c']:.2f} cpu")
    print(f"memory  penata {mem_no_names:.1f} bytes/employee apart from names (goal: < 100), "
          f"{mem_all:.1f} with names; pandas read_csv frame {pandas_mem:.1f} bytes/employee (deep)")
    if bad:
        print(f"pandas validation rejected rows (should be none for the sample): {bad}")
    if args.json:
        os.makedirs(os.path.dirname(args.json) or ".", exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
