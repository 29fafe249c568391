"""Competency gaps and Job Person Match for a national-size workforce: penata's bulk kernel against
the same computation written with numpy broadcasting.

    .venv/bin/python benchmarks/bench_gaps.py [--n 4300000] [--seed 0] [--repeat 3]
                                              [--json build/bench/bench_gaps.json]

1. Generates the SYNTHETIC Bengkulu sample with n employees (default 4,300,000: the national civil
   service), its SYNTHETIC assessments (penata.datasets.assessments) and a framework of 12
   competencies: the nine built-in ones (M.01-M.08, SK.01) and three teknis ones. The achieved
   levels are the latest sample assessments as of 2025-06-30 for the nine, and seeded random levels
   for the three teknis ones, with 0.5% of required cells left unassessed; the required levels come
   from the built-in position standards with teknis defaults for the jabatan fungsional jenjang
   (so that the jenjang weights of the JPM apply). Both are n x 12 uint8 matrices: one byte per
   level.
2. Times, best of --repeat runs each, the same outputs: the signed gap per cell (int8, -128 where
   none), JPM per employee (teknis weights by jenjang; NaN when a required competency is not
   assessed or nothing is required) and the number of missing assessments:
   (a) penata.gaps_and_jpm(achieved, required, teknis, position_level=...): checks every level is
       0..5 and every position level code is known, then the one-pass C++ kernel;
   (b) numpy broadcasting, as an analyst would write it (no input checks).
   For reference (no goal), one run of penata.gap_analysis end to end on the nine built-in
   competencies: the latest assessment per cell from the history, the standards, the kernel.
3. Checks that (a) and (b) agree on every value and prints the ratio (issue 4's goal: >= 5x).
A benchmark program, not a test; see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

try:
    import penata
except ImportError as exc:  # pragma: no cover - message for a missing build
    sys.exit(f"bench_gaps.py: cannot import penata ({exc}); build it with `make python` first")
import numpy as np

from timing import CPU, best_of, machine

TEKNIS = {"ahli_pertama": 2, "ahli_muda": 3, "ahli_madya": 4, "ahli_utama": 4, "pemula": 1, "terampil": 2,
          "mahir": 2, "penyelia": 3}


def inputs(n: int, seed: int):
    wf = penata.datasets.bengkulu(n=n, seed=seed)
    assessments = penata.datasets.assessments(wf, seed=seed)
    framework = penata.CompetencyFramework.builtin()
    for i in range(1, 4):
        framework.add(f"T.{i:02d}", f"Teknis {i}", "teknis")
    standards = penata.PositionStandards(framework)
    for kind, level in TEKNIS.items():
        standards.set_default("teknis", kind, level)
    required = np.ascontiguousarray(standards.required_matrix(wf).to_numpy(dtype=np.uint8))
    achieved = np.zeros_like(required)
    achieved[:, :9] = assessments.latest(wf, "2025-06-30").to_numpy(dtype=np.uint8, na_value=0)
    rng = np.random.default_rng(seed)
    teknis_req = required[:, 9:]
    drawn = np.clip(teknis_req.astype(np.int16) + rng.integers(-2, 2, size=teknis_req.shape), 1, 5)
    achieved[:, 9:] = np.where(teknis_req > 0, drawn, 0).astype(np.uint8)
    unassessed = (rng.random(required.shape) < 0.005) & (required > 0)
    achieved[unassessed] = 0
    teknis = np.array([False] * 9 + [True] * 3)
    level = wf.column("position_level").astype(np.uint8)
    return achieved, required, teknis, level, wf, assessments


def numpy_version(a: np.ndarray, r: np.ndarray, teknis: np.ndarray, level: np.ndarray, weights: np.ndarray):
    need, has = r > 0, a > 0
    both = need & has
    gaps = np.where(both, a.astype(np.int8) - r.astype(np.int8), np.int8(-128)).astype(np.int8)
    got_cells = np.where(need, a, np.uint8(0))
    got = got_cells.sum(axis=1, dtype=np.int32)
    req = r.sum(axis=1, dtype=np.int32)
    tgot = got_cells[:, teknis].sum(axis=1, dtype=np.int32)
    treq = r[:, teknis].sum(axis=1, dtype=np.int32)
    missing = (need & ~has).sum(axis=1).astype(np.uint8)
    w = weights[level]
    nreq = req - treq
    weighted = ~np.isnan(w) & (treq > 0) & (nreq > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        jpm = np.where(weighted, w * (100.0 * tgot / treq) + (1 - w) * (100.0 * (got - tgot) / nreq), 100.0 * got / req)
    jpm[(missing > 0) | (req == 0)] = np.nan
    return gaps, jpm, missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=4_300_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="write the figures to this JSON file")
    args = ap.parse_args()

    t0 = time.perf_counter()
    achieved, required, teknis, level, wf, assessments = inputs(args.n, args.seed)
    n, k = achieved.shape
    print(f"penata {penata.__version__}: {n:,} SYNTHETIC employees x {k} competencies "
          f"(achieved and required uint8, {achieved.nbytes / n:.0f} + {required.nbytes / n:.0f} bytes per employee) "
          f"prepared in {time.perf_counter() - t0:.1f} s", flush=True)
    rules = penata.GapRules.builtin()
    weights = np.asarray(penata._core.gap_rules_weights(rules._g), dtype=np.float64)

    t_a, out_a = best_of(args.repeat, lambda: penata.gaps_and_jpm(achieved, required, teknis, position_level=level,
                                                                  rules=rules), "penata")
    print(f"(a) penata.gaps_and_jpm         {t_a:8.3f} s  (CPU {CPU['penata']:.3f} s)", flush=True)
    t_b, out_b = best_of(args.repeat, lambda: numpy_version(achieved, required, teknis, level, weights), "numpy")
    print(f"(b) numpy broadcasting          {t_b:8.3f} s  (CPU {CPU['numpy']:.3f} s)", flush=True)

    t_full, full = best_of(1, lambda: penata.gap_analysis(wf, assessments, as_of="2025-06-30"), "full")
    print(f"for reference, penata.gap_analysis end to end on the 9 built-in competencies ({len(assessments):,} "
          f"assessment records: latest per cell as of the date, standards, kernel, one run): {t_full:.2f} s", flush=True)
    del full

    for name, x, y in zip(("gaps", "jpm", "missing"), out_a, out_b):
        if name == "jpm":
            same = np.array_equal(np.isnan(x), np.isnan(y)) and np.allclose(x[~np.isnan(x)], y[~np.isnan(y)],
                                                                              rtol=0, atol=1e-9)
        else:
            same = np.array_equal(x, y)
        if not same:
            print(f"MISMATCH in {name}", file=sys.stderr)
            return 1
    jpm = out_a[1]
    print(f"(a) and (b) agree on every gap, JPM and missing count; {np.isnan(jpm).sum():,} employees without a JPM "
          f"(a required competency not assessed), mean JPM {np.nanmean(jpm):.1f}.")
    print(f"per employee: penata {1e9 * t_a / n:.1f} ns, numpy {1e9 * t_b / n:.1f} ns")
    ratio = t_b / t_a
    print(f"goal: penata vs numpy {ratio:6.1f}x faster (goal >= 5x)  {'MET' if ratio >= 5 else 'NOT MET'}; "
          f"one byte per level: {'MET' if achieved.itemsize == required.itemsize == 1 else 'NOT MET'}")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"n": n, "k": k, "penata_s": t_a, "numpy_s": t_b, "ratio": ratio, "gap_analysis_s": t_full, "cpu": dict(CPU),
                       "machine": machine(penata=penata.__version__, numpy=np.__version__)}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
