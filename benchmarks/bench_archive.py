"""Snapshot save/load of a national-size workforce against CSV import and a Parquet round trip.

    .venv/bin/python benchmarks/bench_archive.py [--n 4300000] [--seed 0] [--repeat 3]
                                                 [--dir build/bench] [--keep]
                                                 [--json build/bench/bench_archive.json]

1. Generates the SYNTHETIC Bengkulu sample with n employees (default 4,300,000: the national
   civil service, BKN June 2023).
2. Times, best of --repeat runs each, with the file just written or read (warm page cache):
   (a) penata.save(path, wf, encoding="binary") and (b) penata.load(path) of that file;
   (c) penata.save(..., encoding="portable") and (d) penata.load of that file;
   (e) penata.Workforce.from_csv(path, units=bengkulu_units()) of the file wf.to_csv wrote
       (only the import is timed: parse + validate every row);
   (f) pyarrow.parquet.write_table(pyarrow.Table.from_pandas(wf.to_frame())) and
   (g) pyarrow.parquet.read_table(path).to_pandas() (pyarrow's defaults: snappy, multi-threaded
       read); wf.to_frame() itself is timed once, outside (f).
   For reference, (g1): the same Parquet read with use_threads=False (penata's load is
   single-threaded).
3. Prints the times (wall and process CPU), file sizes, and the ratios for the goals of issue 5:
   binary load >= 5x faster than CSV import, binary load no slower than the Parquet read,
   portable load no slower than CSV import.

What each side does:
 - penata.load reads the file, checks the container (magic, versions, encoding, platform,
   length, XXH64 checksum of the whole payload), deserialises, checks the structure of every row
   (codes in range, references inside their tables, finite training hours, name lengths) and
   builds the NIP index with a uniqueness check; the result is a Workforce. penata.save copies
   the workforce into a snapshot, serialises it, writes a temporary file, fsyncs it and renames
   it (atomic and durable).
 - The CSV import parses and validates every rule of every row (docs/benchmarks.md).
 - The Parquet read decodes the columns and converts them to the DataFrame of wf.to_frame()
   (categoricals, datetime64, Period[M], strings). It validates nothing (no rule, no range, no
   uniqueness, no NIP index; Parquet page checksums are not verified by default) and gives a
   DataFrame, not a Workforce. The Parquet write is neither atomic nor fsync'ed.
A benchmark program, not a test; see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Callable, Dict, List, Tuple

try:
    import penata
except ImportError as exc:  # pragma: no cover - message for a missing build
    sys.exit(f"bench_archive.py: cannot import penata ({exc}); build it with `make python` first")
try:
    import pyarrow
    import pyarrow.parquet as pq
except ImportError as exc:  # pragma: no cover
    sys.exit(f"bench_archive.py: cannot import pyarrow ({exc}); `make venv` installs it into .venv")
import numpy as np
import pandas as pd

from timing import CPU, best_of, machine


def once(fn: Callable[[], object], label: str) -> Tuple[float, object]:
    return best_of(1, fn, label)


def same_columns(a: "penata.Workforce", b: "penata.Workforce") -> bool:
    """A cheap check that a load gave the workforce back: size and a few whole columns."""
    return len(a) == len(b) and all(np.array_equal(a.column(c), b.column(c))
                                    for c in ("nip", "golongan", "unit_code", "training_hours"))


def main(argv: List[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=4_300_000, help="employees (default 4,300,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (best is kept)")
    ap.add_argument("--dir", default=os.path.join("build", "bench"), help="where the files go")
    ap.add_argument("--keep", action="store_true", help="keep the snapshot, CSV and Parquet files")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    os.makedirs(args.dir, exist_ok=True)
    stem = os.path.join(args.dir, f"archive_{args.n}")
    paths = {"binary": stem + ".binary.pnt", "portable": stem + ".portable.pnt", "csv": stem + ".csv",
             "parquet": stem + ".parquet"}
    info = machine(pandas=pd.__version__, numpy=np.__version__, pyarrow=pyarrow.__version__, penata=penata.__version__)
    print(f"bench_archive.py: n={args.n} seed={args.seed} repeat={args.repeat} files={stem}.*")
    print(f"machine: {info['nproc']} x {info['cpu']}; python {info['python']}, pandas {info['pandas']}, "
          f"numpy {info['numpy']}, pyarrow {info['pyarrow']}, penata {info['penata']}")
    results: Dict[str, object] = {"n": args.n, "seed": args.seed, "repeat": args.repeat, "machine": info,
                                  "date": time.strftime("%Y-%m-%d"), "loadavg_start": os.getloadavg()}
    times: Dict[str, float] = {}
    sizes: Dict[str, int] = {}
    checks: Dict[str, bool] = {}
    started = time.perf_counter()

    t, wf = once(lambda: penata.datasets.bengkulu(args.n, args.seed), "generate")
    times["generate"] = t
    print(f"generated {len(wf)} employees in {t:.2f} s", flush=True)

    # (a)-(d) penata snapshots, each encoding: save best of R, then load best of R.
    for enc, (ts, tl) in (("binary", ("a", "b")), ("portable", ("c", "d"))):
        path = paths[enc]
        times[ts], _ = best_of(args.repeat, lambda: penata.save(path, wf, encoding=enc), ts)
        sizes[enc] = os.path.getsize(path)
        times[tl], loaded = best_of(args.repeat, lambda: penata.load(path), tl)
        checks[f"{enc} load equals the original"] = same_columns(wf, loaded)
        del loaded
        print(f"{enc}: save {times[ts]:.2f} s, load {times[tl]:.2f} s, {sizes[enc] / 1e6:.1f} MB", flush=True)

    # (e) CSV import of the file wf.to_csv wrote.
    times["csv_write"], _ = once(lambda: wf.to_csv(paths["csv"]), "csv_write")
    sizes["csv"] = os.path.getsize(paths["csv"])
    units = penata.datasets.bengkulu_units()
    times["e"], imported = best_of(args.repeat, lambda: penata.Workforce.from_csv(paths["csv"], units=units), "e")
    checks["CSV import equals the original"] = same_columns(wf, imported)
    del imported
    print(f"csv: import {times['e']:.2f} s, {sizes['csv'] / 1e6:.1f} MB", flush=True)

    # (f), (g) Parquet round trip of wf.to_frame().
    times["to_frame"], df = once(lambda: wf.to_frame(), "to_frame")
    times["f"], _ = best_of(args.repeat,
                            lambda: pq.write_table(pyarrow.Table.from_pandas(df, preserve_index=False),
                                                   paths["parquet"]), "f")
    sizes["parquet"] = os.path.getsize(paths["parquet"])
    times["g"], back = best_of(args.repeat, lambda: pq.read_table(paths["parquet"]).to_pandas(), "g")
    checks["Parquet read equals to_frame()"] = bool(back.equals(df)) if args.n <= 200_000 else \
        (len(back) == len(df) and list(back.dtypes) == list(df.dtypes))
    del back
    times["g1"], back = best_of(args.repeat,
                                lambda: pq.read_table(paths["parquet"], use_threads=False).to_pandas(use_threads=False),
                                "g1")
    del back, df
    print(f"parquet: write {times['f']:.2f} s, read {times['g']:.2f} s, {sizes['parquet'] / 1e6:.1f} MB",
          flush=True)
    results["total_s"] = time.perf_counter() - started
    results["loadavg_end"] = os.getloadavg()

    rows = [
        ("(a)", "penata.save binary (atomic, fsync)", "a", "binary"),
        ("(b)", "penata.load binary", "b", "binary"),
        ("(c)", "penata.save portable (atomic, fsync)", "c", "portable"),
        ("(d)", "penata.load portable", "d", "portable"),
        ("(e)", "Workforce.from_csv (parse + validate)", "e", "csv"),
        ("(f)", "Parquet: from_pandas + write_table", "f", "parquet"),
        ("(g)", "Parquet: read_table + to_pandas", "g", "parquet"),
        ("(g1)", "  the same, use_threads=False", "g1", "parquet"),
    ]
    print()
    la0, la1 = results["loadavg_start"], results["loadavg_end"]
    print(f"n = {args.n}, best of {args.repeat}; load average at start {la0[0]:.2f}, at end {la1[0]:.2f} "
          f"(the machine has {info['nproc']} cores)")
    print(f"{'':5s}{'measurement':40s}{'wall s':>9s}{'CPU s':>9s}{'file MB':>10s}{'M rows/s':>10s}")
    for tag, what, key, kind in rows:
        print(f"{tag:5s}{what:40s}{times[key]:9.3f}{CPU[key]:9.3f}{sizes[kind] / 1e6:10.1f}"
              f"{args.n / times[key] / 1e6:10.2f}")
    print(f"     (not in the comparisons: generate {times['generate']:.2f} s, wf.to_csv {times['csv_write']:.2f} s, "
          f"wf.to_frame {times['to_frame']:.2f} s)")

    goals = [
        ("CSV import / binary load", times["e"] / times["b"], CPU["e"] / CPU["b"], ">= 5"),
        ("Parquet read / binary load", times["g"] / times["b"], CPU["g"] / CPU["b"], ">= 1"),
        ("CSV import / portable load", times["e"] / times["d"], CPU["e"] / CPU["d"], ">= 1"),
    ]
    print()
    print(f"{'ratio':32s}{'wall':>8s}{'CPU':>8s}  goal")
    for what, wall, cpu, goal in goals:
        need = float(goal.split()[-1])
        print(f"{what:32s}{wall:8.2f}{cpu:8.2f}  {goal}: {'met' if wall >= need else 'NOT met'} (wall)")
    print(f"{'Parquet read 1 thread / binary':32s}{times['g1'] / times['b']:8.2f}{CPU['g1'] / CPU['b']:8.2f}  (reference)")
    for what, ok in checks.items():
        print(f"check: {what}: {'yes' if ok else 'NO'}")
    print(f"whole run {results['total_s']:.0f} s")

    results.update({"seconds": times, "cpu_seconds": dict(CPU), "bytes": sizes, "checks": checks,
                    "ratios_wall": {g[0]: g[1] for g in goals}, "ratios_cpu": {g[0]: g[2] for g in goals}})
    if args.json:
        os.makedirs(os.path.dirname(args.json) or ".", exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
        print(f"figures written to {args.json}")
    if not args.keep:
        for p in paths.values():
            if os.path.exists(p):
                os.remove(p)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
