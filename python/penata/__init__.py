"""penata: the Indonesian civil-service (ASN: PNS and PPPK) workforce, modelled as regulation
describes it.

>>> import penata
>>> penata.parse_nip("198609262015051001").birth_date
datetime.date(1986, 9, 26)
>>> wf = penata.datasets.bengkulu(n=1000, seed=1)   # SYNTHETIC sample
>>> df = wf.to_frame()
>>> scored = penata.appraise(wf, inputs="sample")   # predikat, IP ASN, talent box, ... (SYNTHETIC inputs)
>>> gaps = penata.gap_analysis(wf, penata.datasets.assessments(wf), as_of="2025-06-30")
>>> gaps.jpm, gaps.by_unit()                        # Job Person Match, training needs per unit

The compiled core is ``penata._core`` (private); this package is the public API.
"""

from . import _core
from .errors import CancelledError, FormatError, IoError, NotFoundError, PenataError, PenataWarning, ValidationError
from .nip import NipParts, NipRules, parse_nip
from .units import Units
from .workforce import ImportReport, Workforce
from . import datasets
from .archive import dumps, load, loads, save
from .rules import APPRAISAL_ENUMS, RuleSet
from .appraisal import (DistributionCheck, angka_kredit, appraise, check_distribution, coaching_list, ip_asn,
                        pp30, predikat, prestasi, reward_list, skp_score, skp_task_scores, summarise_units,
                        talent_action, talent_box)
from .competency import (Assessments, CompetencyFramework, GapResult, GapRules, PositionStandards, gap_analysis,
                         gaps_and_jpm, rank_candidates)
from .privacy import DisclosureCheck, Pseudonymiser, disclosure_check, pseudonymise
from . import plots

__version__: str = _core.__version__

#: The canonical CSV / DataFrame columns, in order.
FIELDS = tuple(_core.FIELD_NAMES)

__all__ = [
    "__version__",
    "FIELDS",
    "Workforce",
    "ImportReport",
    "Units",
    "parse_nip",
    "NipParts",
    "NipRules",
    "PenataError",
    "ValidationError",
    "FormatError",
    "IoError",
    "NotFoundError",
    "CancelledError",
    "PenataWarning",
    "datasets",
    "save",
    "load",
    "dumps",
    "loads",
    "RuleSet",
    "APPRAISAL_ENUMS",
    "predikat",
    "pp30",
    "skp_score",
    "skp_task_scores",
    "prestasi",
    "ip_asn",
    "talent_box",
    "talent_action",
    "angka_kredit",
    "appraise",
    "reward_list",
    "coaching_list",
    "summarise_units",
    "check_distribution",
    "DistributionCheck",
    "CompetencyFramework",
    "PositionStandards",
    "Assessments",
    "GapRules",
    "GapResult",
    "gap_analysis",
    "rank_candidates",
    "gaps_and_jpm",
    "Pseudonymiser",
    "pseudonymise",
    "disclosure_check",
    "DisclosureCheck",
    "plots",
]
