"""Competency gaps, Job Person Match and training needs with penata (SYNTHETIC data).

    python examples/python/competency.py

The sample workforce and its assessments are SYNTHETIC: no real person is described.
"""

import penata

wf = penata.datasets.bengkulu(n=2000, seed=1)
assessments = penata.datasets.assessments(wf, seed=1)          # latest level per competency, with history

# A teknis competency for one position, on top of the built-in M.01-M.08 and SK.01.
framework = penata.CompetencyFramework.builtin()
framework.add("T.01", "Manajemen Kepegawaian", "teknis")
standards = penata.PositionStandards(framework, overrides={"Analis SDM Aparatur": {"T.01": 3}})
print(standards.required("ahli_pertama", "Analis SDM Aparatur").to_dict())

# Gap analysis on the built-in framework, as of the end of the assessment round.
result = penata.gap_analysis(wf, assessments, as_of="2025-06-30")
print(result)
print(result.jpm_distribution())
print(result.gaps.head())                                       # employees x competencies, NA = none

tna = result.by_unit()                                           # training needs per unit x competency
print(tna.sort_values("mean_gap").head(5)[["unit_code", "competency", "assessed", "mean_gap", "share_below",
                                            "need_1", "need_2", "need_3"]])
print(result.training_compliance().head())                      # the 20 JP rule per unit

# Stricter selection scheme, capped at the standard; who is ranked first for an administrator post.
strict = penata.gap_analysis(wf, assessments, as_of="2025-06-30", scheme="selection", cap_at_standard=True)
print(strict.jpm_category.value_counts())
ranked = penata.rank_candidates(wf, assessments, "administrator", as_of="2025-06-30", unit="BKD")
print(ranked.head(5)[["rank", "nip", "golongan", "jpm", "shortfall", "eligible", "reason"]])

# The JPM-based potential feeds the talent boxes.
appraised = penata.appraise(wf, inputs=penata.datasets.appraisal_inputs(wf, seed=1).assign(
    potential=result.potential.to_numpy()))
print(appraised["talent_box"].value_counts().sort_index())
