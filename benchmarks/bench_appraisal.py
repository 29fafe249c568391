"""Appraisal of a national-size workforce: predikat + IP ASN + talent box through penata against
the same computation written with numpy/pandas, and against one pass over the input columns.

    .venv/bin/python benchmarks/bench_appraisal.py [--n 4300000] [--seed 0] [--repeat 3]
                                                   [--json build/bench/bench_appraisal.json]

1. Generates the SYNTHETIC Bengkulu sample with n employees (default 4,300,000: the national civil
   service) and its SYNTHETIC appraisal inputs (penata.datasets.appraisal_inputs): the two ratings,
   the three training flags and potential 0..100, next to the workforce's education,
   position_class, training_hours and discipline.
2. Times, best of --repeat runs each:
   (a) penata.appraise(wf, rules, inputs): predikat (PermenPANRB 6/2022 matrix), IP ASN with its
       four dimensions and category (Peraturan BKN 8/2019), talent box (PermenPANRB 3/2020) for
       every employee, returned as a DataFrame (Categorical predikat and category). The rule set
       combines permenpanrb-6-2022, perban-8-2019 and the talent section of permenpanrb-3-2020 (no
       reward/coaching policy, whose reason texts are not part of this comparison). Every input is
       validated (codes known, flags 0/1, training hours finite >= 0, potential in 0..100).
       ids=False: the nip/unit_code columns (18-digit texts) are left out, as (b) has none.
   (a1) for reference: the three bulk core calls on code arrays (no DataFrame, no input checks in
       Python): _core.predikat, _core.ip_asn, _core.talent_box.
   (a2) for reference: the fused core call under (a), _core.appraise, on the same code arrays
       (validation and numpy outputs included, no DataFrame); (a3) the same on one thread (by
       default the core gives half of the rows to a second thread on a multi-core machine).
   (b) the same outputs with numpy/pandas, vectorised as an analyst would write them: a DataFrame
       with Categorical inputs, Series.map over dicts of points, np.select for the kompetensi groups,
       pd.cut for the bands, a lookup table for the two matrices. It validates nothing.
   (c) one pass over the input columns: numpy sums each of the ten input columns once.
3. Checks that (a) and (b) agree on every value, prints the times and the ratios for the goals of
   issue 3: (a) at least 10x faster than (b), and within 3x of (c). (a) may use two cores (its CPU
   time is printed next to the wall time; (a3) is the one-core figure); (b) and (c) use one. The
   load average before and after is printed: on a busy machine compare the ratios of one run, not
   absolute times.
A benchmark program, not a test; see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Dict

try:
    import penata
    from penata import _core
except ImportError as exc:  # pragma: no cover - message for a missing build
    sys.exit(f"bench_appraisal.py: cannot import penata ({exc}); build it with `make python` first")
import numpy as np
import pandas as pd

from timing import CPU, best_of


def bench_rules() -> penata.RuleSet:
    talent = json.loads(penata.RuleSet.builtin("permenpanrb-3-2020").to_json())
    talent.pop("policy")
    talent["notes"] = {k: v for k, v in talent.get("notes", {}).items() if not k.startswith("policy")}
    return penata.RuleSet.combine("bench", "PermenPANRB 6/2022 + Perban BKN 8/2019 + PermenPANRB 3/2020", "1",
                                  [penata.RuleSet.builtin("permenpanrb-6-2022"),
                                   penata.RuleSet.builtin("perban-8-2019"),
                                   penata.RuleSet.from_json(json.dumps(talent))])


def pandas_version(df: pd.DataFrame, tables: Dict[str, object]) -> pd.DataFrame:
    """predikat, IP ASN (+ dimensions, category) and talent box with numpy/pandas only."""
    rating = {"di_bawah": 0, "sesuai": 1, "di_atas": 2}
    h = df["rating_hasil_kerja"].map(rating).to_numpy(dtype=np.int64)
    p = df["rating_perilaku"].map(rating).to_numpy(dtype=np.int64)
    pred_codes = tables["matrix"][h * 3 + p]
    predikat = pd.Categorical.from_codes(pred_codes, categories=tables["predikat"])
    pred = pd.Series(predikat, index=df.index)
    kual = df["education"].map(tables["kualifikasi"]).astype(np.float64)
    cls = df["position_class"]
    structural = cls.isin(["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"]).to_numpy()
    fungsional = (cls == "fungsional").to_numpy()
    tech = (df["training_hours"] >= 20).to_numpy()
    lead, func, sem = (df[c].to_numpy() for c in ("has_leadership_training", "has_functional_training", "has_seminar"))
    komp = np.select([structural, fungsional],
                     [15.0 * lead + 15.0 * tech + 10.0 * sem, 15.0 * func + 15.0 * tech + 10.0 * sem],
                     default=22.5 * tech + 17.5 * sem)
    kin = pred.map(tables["kinerja"]).astype(np.float64)
    dis = df["discipline"].map(tables["disiplin"]).astype(np.float64)
    ip = kual.to_numpy() + komp + kin.to_numpy() + dis.to_numpy()
    category = pd.cut(ip, bins=[0, 61, 71, 81, 91, np.nextafter(100, 101)], right=False,
                      labels=["sangat_rendah", "rendah", "sedang", "tinggi", "sangat_tinggi"])
    perf = pred.map(tables["perf"]).to_numpy(dtype=np.int64)
    pot = pd.cut(df["potential"], bins=[0, 78, 90, np.nextafter(100, 101)], right=False, labels=False)
    box = tables["boxes"][perf * 3 + pot.to_numpy(dtype=np.int64)]
    return pd.DataFrame({"predikat": predikat, "ip_asn": ip, "ip_kualifikasi": kual.to_numpy(),
                         "ip_kompetensi": komp, "ip_kinerja": kin.to_numpy(), "ip_disiplin": dis.to_numpy(),
                         "ip_asn_category": category, "talent_box": box}, index=df.index)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=4_300_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="write the figures to this JSON file")
    args = ap.parse_args()

    load_before = os.getloadavg()
    t0 = time.perf_counter()
    wf = penata.datasets.bengkulu(n=args.n, seed=args.seed)
    inputs = penata.datasets.appraisal_inputs(wf, seed=args.seed)
    print(f"penata {penata.__version__}: {len(wf):,} SYNTHETIC employees and appraisal inputs generated in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    rules = bench_rules()

    # The inputs as a DataFrame with Categorical columns (what wf.to_frame() and pd.read_csv with
    # category dtypes give), shared by both sides.
    frame = wf.to_frame()[["education", "position_class", "training_hours", "discipline"]]
    df = pd.concat([frame, inputs], axis=1)
    cols = ["rating_hasil_kerja", "rating_perilaku", "has_leadership_training", "has_functional_training",
            "has_seminar", "potential"]

    # (a) penata.appraise: the public API, DataFrame out.
    t_a, out_a = best_of(args.repeat, lambda: penata.appraise(wf, rules=rules, inputs=df[cols], ids=False), "a")
    print(f"(a)  penata.appraise                      {t_a:8.3f} s   (CPU {CPU['a']:.3f} s)", flush=True)

    # (a1) the three core calls on code arrays.
    codes = {c: (inputs[c].cat.codes.to_numpy().astype(np.uint8) if isinstance(inputs[c].dtype, pd.CategoricalDtype)
                 else inputs[c].to_numpy()) for c in cols}
    flags = {c: codes[c].astype(np.uint8) for c in cols[2:5]}
    edu, cls, hours, disc = (wf.column(c) for c in ("education", "position_class", "training_hours", "discipline"))

    def core_calls():
        pred = _core.predikat(rules._r, codes["rating_hasil_kerja"], codes["rating_perilaku"])
        ip = _core.ip_asn(rules._r, edu, cls, hours, flags["has_leadership_training"],
                          flags["has_functional_training"], flags["has_seminar"], pred, disc)
        box = _core.talent_box(rules._r, predikat=pred, potential=codes["potential"])
        return pred, ip, box

    t_a1, _ = best_of(args.repeat, core_calls)
    print(f"(a1) core calls on code arrays            {t_a1:8.3f} s", flush=True)

    # (a2) the fused core call on the same code arrays.
    core_in = {"rating_hasil_kerja": codes["rating_hasil_kerja"], "rating_perilaku": codes["rating_perilaku"],
               "potential": codes["potential"], **flags}
    t_a2, _ = best_of(args.repeat, lambda: _core.appraise(wf._wf, rules._r, core_in, None), "a2")
    print(f"(a2) fused core call _core.appraise       {t_a2:8.3f} s   (CPU {CPU['a2']:.3f} s)", flush=True)
    t_a3, _ = best_of(args.repeat, lambda: _core.appraise(wf._wf, rules._r, core_in, None, threads=1), "a3")
    print(f"(a3) the same on one thread               {t_a3:8.3f} s   (CPU {CPU['a3']:.3f} s)", flush=True)

    # (b) numpy/pandas.
    perban = json.loads(penata.RuleSet.builtin("perban-8-2019").to_json())["ip_asn"]["points"]
    talent = json.loads(penata.RuleSet.builtin("permenpanrb-3-2020").to_json())["talent"]
    matrix = json.loads(penata.RuleSet.builtin("permenpanrb-6-2022").to_json())["predikat_matrix"]
    ratings = penata.APPRAISAL_ENUMS["rating"]
    pred_names = penata.APPRAISAL_ENUMS["predikat"]
    tables = {
        "predikat": pred_names,
        "matrix": np.array([pred_names.index(matrix[h][p]) for h in ratings for p in ratings], dtype=np.int8),
        "kualifikasi": perban["kualifikasi"], "kinerja": perban["kinerja"], "disiplin": perban["disiplin"],
        "perf": {k: ratings.index(v) for k, v in talent["performance_from_predikat"].items()},
        "boxes": np.array([talent["boxes"][r][q] for r in ratings for q in ("rendah", "menengah", "tinggi")],
                          dtype=np.uint8),
    }
    t_b, out_b = best_of(args.repeat, lambda: pandas_version(df, tables))
    print(f"(b)  numpy/pandas                         {t_b:8.3f} s", flush=True)

    # (c) one pass over the ten input columns.
    arrays = [edu, cls, hours, disc] + [codes[c] for c in cols]

    def one_pass():
        return [a.sum(dtype=np.float64 if a.dtype.kind == "f" else np.int64) for a in arrays]

    t_c, _ = best_of(args.repeat, one_pass)
    print(f"(c)  one pass over the 10 input columns   {t_c:8.3f} s", flush=True)

    # Same results?
    for c in ("predikat", "ip_asn", "ip_kualifikasi", "ip_kompetensi", "ip_kinerja", "ip_disiplin", "ip_asn_category",
              "talent_box"):
        a = np.asarray(out_a[c].astype(str) if isinstance(out_a[c].dtype, pd.CategoricalDtype) else out_a[c])
        b = np.asarray(out_b[c].astype(str) if isinstance(out_b[c].dtype, pd.CategoricalDtype) else out_b[c])
        if not np.array_equal(a, b):
            print(f"MISMATCH in {c}", file=sys.stderr)
            return 1
    print("(a) and (b) agree on every value of predikat, IP ASN, its dimensions and category, and talent box.")

    n = len(wf)
    load_after = os.getloadavg()
    print(f"\nload average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} CPUs")
    print(f"per employee: penata {1e9 * t_a / n:.0f} ns, pandas {1e9 * t_b / n:.0f} ns, one pass {1e9 * t_c / n:.1f} ns")
    print(f"goal 1: penata vs pandas      {t_b / t_a:6.1f}x faster   (goal >= 10x)  {'MET' if t_b / t_a >= 10 else 'NOT MET'}")
    print(f"goal 2: penata vs one pass    {t_a / t_c:6.1f}x slower   (goal <= 3x)   {'MET' if t_a / t_c <= 3 else 'NOT MET'}")
    print(f"        core calls vs one pass {t_a1 / t_c:5.1f}x slower")
    print(f"        fused core call vs one pass {t_a2 / t_c:5.1f}x slower; vs pandas {t_b / t_a2:5.1f}x faster")
    print(f"        on one thread: vs one pass {t_a3 / t_c:5.1f}x slower; vs pandas {t_b / t_a3:5.1f}x faster")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"n": n, "penata_appraise_s": t_a, "core_calls_s": t_a1, "fused_core_call_s": t_a2, "fused_core_call_one_thread_s": t_a3,
                       "pandas_s": t_b, "one_pass_s": t_c, "speedup_vs_pandas": t_b / t_a,
                       "ratio_to_one_pass": t_a / t_c, "loadavg_before": load_before[0],
                       "loadavg_after": load_after[0]}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
