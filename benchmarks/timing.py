"""Timing helpers shared by the benchmark programs (benchmarks/bench_*.py)."""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import Callable, Dict, Tuple

#: Best process CPU time per measurement label: on a machine shared with other work it varies
#: less than wall time, and it shows how many cores a measurement used.
CPU: Dict[str, float] = {}


def best_of(repeat: int, fn: Callable[[], object], label: str = "") -> Tuple[float, object]:
    """Best wall-clock time of `repeat` runs of fn (and the best CPU time, in CPU[label]).
    The result of the previous run is dropped before the next one starts."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    CPU[label] = best_cpu
    return best, result


def machine(**versions: str) -> Dict[str, object]:
    """Core count, CPU model and Python version, plus the library versions given."""
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": sys.version.split()[0], **versions}
