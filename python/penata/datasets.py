"""Sample data sets. SYNTHETIC: no real person is described."""

from __future__ import annotations

from . import _core
from .units import Units
from .workforce import ImportReport, Workforce

__all__ = ["bengkulu", "bengkulu_units", "appraisal_inputs", "assessments"]


def bengkulu(n: int = 10300, seed: int = 0, *, reference_year: int = 2025) -> Workforce:
    """A synthetic workforce of ``n`` employees of Pemerintah Provinsi Bengkulu.

    SYNTHETIC DATA: no real person is described. Unit names follow Perda Provinsi Bengkulu
    8/2016 where the domain notes confirm them and are illustrative otherwise; distributions
    (age, education, golongan, position classes, PNS/PPPK shares, training hours, discipline)
    are plausible, not official statistics. Every employee passes validation, and the same
    ``(n, seed, reference_year)`` gives the same data on any machine. The default ``n`` is the
    BKD head count of early 2024.
    """
    if isinstance(n, bool) or int(n) != n or n < 0:
        raise ValueError(f"n must be a non-negative integer, not {n!r}")
    if isinstance(seed, bool) or int(seed) != seed or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    core = _core.bengkulu_sample(int(n), int(seed), int(reference_year))
    return Workforce._wrap(core, ImportReport(rows_read=len(core), rows_loaded=len(core)))


def bengkulu_units() -> Units:
    """The unit tree of the synthetic Bengkulu sample."""
    return Units._wrap(_core.bengkulu_units())


def appraisal_inputs(workforce: Workforce, seed: int = 0):
    """SYNTHETIC appraisal inputs for every row of ``workforce`` (a DataFrame: rating_hasil_kerja,
    rating_perilaku, has_leadership_training, has_functional_training, has_seminar, potential);
    see :func:`penata.appraisal.sample_inputs`."""
    from .appraisal import sample_inputs

    if isinstance(seed, bool) or int(seed) != seed or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    return sample_inputs(workforce, int(seed))


def assessments(workforce: Workforce, seed: int = 0, *, reference_year: int = 2025):
    """SYNTHETIC competency assessments for every employee of ``workforce`` (a
    :class:`penata.Assessments` over the built-in framework).

    Every competency the employee's position requires under the built-in standards is assessed,
    at a level centred on the required one and higher with education, golongan and training hours
    (lower after a disciplinary sanction); about a quarter of employees also have an earlier
    assessment. Dates fall between ``reference_year - 3`` and 30 June ``reference_year``; methods
    are assessment_centre for structural posts, uji_kompetensi for jabatan fungsional, supervisor
    or self for pelaksana. The same workforce and seed give the same records on any machine.
    """
    from .competency import Assessments

    if isinstance(seed, bool) or int(seed) != seed or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, not {seed!r}")
    return Assessments._wrap(_core.sample_assessments(workforce._wf, int(seed), int(reference_year)))
