"""penata.plots draws on matplotlib (Agg backend, no display)."""

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import penata  # noqa: E402


@pytest.fixture(scope="module")
def result():
    wf = penata.datasets.bengkulu(n=600, seed=4)
    return wf, penata.gap_analysis(wf, penata.datasets.assessments(wf, seed=4), as_of="2025-06-30")


def test_gap_heatmap_has_one_cell_per_unit_and_competency(result):
    _, r = result
    ax = penata.plots.gap_heatmap(r)
    image = ax.get_images()[0].get_array()
    tna = r.by_unit()
    assert image.shape == (tna["unit_code"].nunique(), len(r.codes))
    assert [t.get_text() for t in ax.get_xticklabels()] == r.codes
    ax2 = penata.plots.gap_heatmap(tna, value="share_below", units=["BKD", "DINKES"], annotate=False)
    assert ax2.get_images()[0].get_array().shape == (2, len(r.codes))
    with pytest.raises(ValueError):
        penata.plots.gap_heatmap(tna, units=["NOPE"])
    with pytest.raises(ValueError):
        penata.plots.gap_heatmap(tna, value="colour")


def test_jpm_histogram_marks_the_category_cut_offs(result):
    _, r = result
    ax = penata.plots.jpm_histogram(r)
    cut_offs = sorted(round(line.get_xdata()[0]) for line in ax.get_lines())
    assert cut_offs == [78, 90]


def test_talent_grid_counts_every_employee(result):
    wf, r = result
    inputs = penata.datasets.appraisal_inputs(wf, seed=4).assign(potential=r.potential.to_numpy())
    appraised = penata.appraise(wf, inputs=inputs)
    ax = penata.plots.talent_grid(appraised)
    assert ax.get_images()[0].get_array().sum() == len(wf)
    with pytest.raises(ValueError):
        penata.plots.talent_grid(appraised.drop(columns=["talent_box"]))
