"""Runs every benchmark (`make bench`): the C++ import program, the Python import comparison with
pandas, the snapshot (save/load) comparison with CSV import and Parquet, then the appraisal
(predikat + IP ASN + talent box) comparison with numpy/pandas and the competency gap / JPM
comparison with numpy broadcasting.

    .venv/bin/python benchmarks/run_all.py [--build build/cmake] [--n 4300000] [--repeat 3]

The two import benchmarks use the same CSV file (build/bench/asn_<n>.csv: written by the C++
program, reused by the Python one); the snapshot benchmark writes its own files
(build/bench/archive_<n>.*, removed afterwards). All write their figures as JSON in build/bench/.
See docs/benchmarks.md for what is measured and the figures on the reference machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd: list[str]) -> None:
    print("+ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description="Run the penata benchmarks.")
    ap.add_argument("--build", default=os.environ.get("PENATA_BUILD_DIR", os.path.join("build", "cmake")),
                    help="CMake build directory holding benchmarks/bench_import (default build/cmake)")
    ap.add_argument("--n", type=int, default=4_300_000, help="employees (default: national ASN, 4.3 million)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (best is kept)")
    args = ap.parse_args()

    csv = os.path.join("build", "bench", f"asn_{args.n}.csv")
    exe = os.path.join(args.build, "benchmarks", "bench_import")
    if not os.path.exists(os.path.join(ROOT, exe)):
        sys.exit(f"run_all.py: {exe} not found; build first (`make build`, or pass --build)")
    os.makedirs(os.path.join(ROOT, "build", "bench"), exist_ok=True)

    run([exe, "--n", str(args.n), "--repeat", str(args.repeat), "--csv", csv,
         "--json", os.path.join("build", "bench", "bench_import_cpp.json")])
    print(flush=True)
    run([sys.executable, os.path.join("benchmarks", "bench_import.py"), "--n", str(args.n), "--repeat",
         str(args.repeat), "--csv", csv, "--reuse", "--json", os.path.join("build", "bench", "bench_import_py.json")])
    print(flush=True)
    run([sys.executable, os.path.join("benchmarks", "bench_archive.py"), "--n", str(args.n), "--repeat",
         str(args.repeat), "--json", os.path.join("build", "bench", "bench_archive.json")])
    print(flush=True)
    run([sys.executable, os.path.join("benchmarks", "bench_appraisal.py"), "--n", str(args.n), "--repeat",
         str(args.repeat), "--json", os.path.join("build", "bench", "bench_appraisal.json")])
    print(flush=True)
    run([sys.executable, os.path.join("benchmarks", "bench_gaps.py"), "--n", str(args.n), "--repeat",
         str(args.repeat), "--json", os.path.join("build", "bench", "bench_gaps.json")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
