"""penata snapshots: save a model and load it back, and send a workforce to worker processes.

Run:  python examples/python/snapshots.py
"""

import multiprocessing as mp
import os
import tempfile

import penata


def pns_share(wf: penata.Workforce) -> float:
    """Runs in a worker process: the workforce arrived there by pickle (penata's own serializer)."""
    return float((wf.column("employment_type") == 0).mean())


if __name__ == "__main__":
    wf = penata.datasets.bengkulu(n=20000, seed=3)  # SYNTHETIC Pemprov Bengkulu sample

    with tempfile.TemporaryDirectory() as tmp:
        # "portable" (text) travels between machines and releases; "binary" is faster locally.
        for encoding in ("portable", "binary"):
            path = os.path.join(tmp, f"bengkulu-{encoding}.pnt")
            penata.save(path, wf, wf.units, encoding=encoding)
            back, units = penata.load(path)
            assert back.to_frame().equals(wf.to_frame()) and units == wf.units
            print(f"{encoding:>8}: {os.path.getsize(path) / 1e6:.1f} MB, {len(back):,} employees back")

        # A damaged file is refused with a message that says what is wrong.
        damaged = os.path.join(tmp, "damaged.pnt")
        with open(path, "rb") as f:
            data = f.read()
        with open(damaged, "wb") as f:
            f.write(data[: len(data) // 2])
        try:
            penata.load(damaged)
        except penata.FormatError as e:
            print("refused:", e)

    # Workforces pickle, so they travel to multiprocessing (or Dask) workers.
    with mp.get_context("spawn").Pool(2) as pool:
        shares = pool.map(pns_share, [wf, penata.datasets.bengkulu(n=5000, seed=4)])
    print("PNS share per workforce:", [round(s, 3) for s in shares])
