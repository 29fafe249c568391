"""Plots for notebooks and reports (matplotlib, the ``plot`` extra: ``pip install penata[plot]``).

>>> import penata
>>> result = penata.gap_analysis(wf, assessments, as_of="2025-06-30")
>>> penata.plots.gap_heatmap(result)          # unit x competency mean gap
>>> penata.plots.jpm_histogram(result)        # JPM distribution with the category cut-offs
>>> penata.plots.talent_grid(penata.appraise(wf, inputs="sample"))   # the 9-box counts

Every function draws on ``ax`` (a new figure when None) and returns the Axes.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

import numpy as np
import pandas as pd

__all__ = ["gap_heatmap", "jpm_histogram", "talent_grid"]


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("penata.plots needs matplotlib: pip install 'penata[plot]'") from e
    return plt


def _axes(ax: Any, size: Sequence[float]):
    if ax is not None:
        return ax
    _, ax = _pyplot().subplots(figsize=tuple(size))
    return ax


def gap_heatmap(data: Any, value: str = "mean_gap", units: Optional[Sequence[str]] = None, ax: Any = None,
                annotate: bool = True, cmap: str = "RdYlGn") -> Any:
    """Heatmap of a training-needs table: units (rows) x competencies (columns).

    Args:
        data: a :class:`penata.GapResult` or its :meth:`~penata.GapResult.by_unit` table.
        value: the TNA column to show: ``mean_gap`` (default, diverging around 0),
            ``share_below`` (0..1) or a count column (``need_1``, ``need_2``, ``need_3``).
        units: the unit codes to show, in order (default every unit with analysed employees).
        annotate: write the value in each cell.
    """
    from .competency import GapResult

    tna = data.by_unit() if isinstance(data, GapResult) else data
    if not isinstance(tna, pd.DataFrame) or not {"unit_code", "competency", value} <= set(tna.columns):
        raise ValueError(f"expected a GapResult or a by_unit() table with unit_code, competency and {value!r}")
    grid = tna.pivot_table(index="unit_code", columns="competency", values=value, aggfunc="first", sort=False,
                           dropna=False)  # a unit with no assessed cell keeps its (empty) row
    if isinstance(data, GapResult):
        grid = grid.reindex(columns=[c for c in data.codes if c in grid.columns])
    if units is not None:
        unknown = [u for u in units if u not in grid.index]
        if unknown:
            raise ValueError(f"unit(s) not in the table: {', '.join(map(str, unknown))}")
        grid = grid.loc[list(units)]
    m = grid.to_numpy(dtype=np.float64)
    ax = _axes(ax, (1.2 + 0.7 * grid.shape[1], 1.0 + 0.35 * grid.shape[0]))
    if value == "mean_gap":
        lim = max(float(np.nanmax(np.abs(m))) if np.isfinite(m).any() else 1.0, 0.1)
        vmin, vmax = -lim, lim
    elif value == "share_below":
        vmin, vmax, cmap = 0.0, 1.0, cmap + "_r" if not cmap.endswith("_r") else cmap[:-2]
    else:
        vmin, vmax, cmap = 0.0, max(float(np.nanmax(m)) if np.isfinite(m).any() else 1.0, 1.0), "Reds"
    image = ax.imshow(np.ma.masked_invalid(m), cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(grid.shape[1]), [str(c) for c in grid.columns], rotation=45, ha="right")
    ax.set_yticks(range(grid.shape[0]), [str(u) for u in grid.index])
    ax.set_xlabel("competency")
    ax.set_ylabel("unit")
    ax.set_title({"mean_gap": "Mean competency gap (achieved - required)",
                  "share_below": "Share of employees below standard"}.get(value, value))
    if annotate:
        fmt = "{:+.2f}" if value == "mean_gap" else ("{:.0%}" if value == "share_below" else "{:.0f}")
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                if np.isfinite(m[i, j]):
                    ax.text(j, i, fmt.format(m[i, j]), ha="center", va="center", fontsize=7)
    ax.figure.colorbar(image, ax=ax, shrink=0.8)
    return ax


def jpm_histogram(result: Any, bins: int = 24, ax: Any = None) -> Any:
    """Histogram of Job Person Match with the category cut-offs of the rules' scheme."""
    import json

    jpm = result.jpm.to_numpy()
    jpm = jpm[np.isfinite(jpm)]
    ax = _axes(ax, (7, 3.5))
    ax.hist(jpm, bins=int(bins), color="#4c72b0", edgecolor="white")
    rules = json.loads(result.rules.to_json(-1))
    bands = rules[result.rules.scheme]
    for band in bands.get("bands", []):
        lo = band.get("from")
        if lo is not None and lo > bands.get("min", 0):
            ax.axvline(float(lo), color="black", linestyle="--", linewidth=1)
            ax.text(float(lo), ax.get_ylim()[1] * 0.97, f" {band.get('label', '')} \u2265 {lo:g}", fontsize=8,
                    va="top", ha="right", rotation=90)
    ax.set_xlabel("JPM (%)")
    ax.set_ylabel("employees")
    ax.set_title(f"Job Person Match ({len(jpm)} employees, {result.rules.scheme} scheme)")
    return ax


def talent_grid(appraised: pd.DataFrame, rules: Any = "permenpanrb-3-2020", ax: Any = None) -> Any:
    """The talent 9-box (PermenPANRB 3/2020) as a 3x3 grid of head counts: potential up,
    performance (kinerja) right, each cell labelled with its box number from ``rules``' box map."""
    import json

    from .rules import coerce_rules

    if "talent_box" not in appraised.columns:
        raise ValueError("the appraisal has no talent_box column (give potential inputs to penata.appraise)")
    boxes = json.loads(coerce_rules(rules).to_json(-1))["talent"]["boxes"]
    perf, pot = ("di_bawah", "sesuai", "di_atas"), ("rendah", "menengah", "tinggi")
    layout = np.array([[int(boxes[k][p]) for k in perf] for p in pot])  # rows: potential, low first
    counts = np.bincount(appraised["talent_box"].to_numpy(dtype=np.int64), minlength=10)[1:10]
    grid = counts[layout - 1]
    ax = _axes(ax, (5, 4.5))
    ax.imshow(grid, cmap="Blues", origin="lower")
    dark = grid > 0.6 * max(int(grid.max()), 1)  # white text on the darkest cells
    for i in range(3):
        for j in range(3):
            colour = "white" if dark[i, j] else "black"
            ax.text(j, i, f"{grid[i, j]:,}", ha="center", va="center", fontsize=12, color=colour)
            ax.text(j - 0.45, i + 0.45, f"box {layout[i, j]}", ha="left", va="top", fontsize=8, color=colour)
    ax.set_xticks(range(3), ["di bawah", "sesuai", "di atas"])
    ax.set_yticks(range(3), list(pot))
    ax.set_xlabel("kinerja (performance)")
    ax.set_ylabel("potensial")
    ax.set_title("Talent boxes (PermenPANRB 3/2020)")
    return ax
