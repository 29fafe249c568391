// penata — a generic weighted KPI scorer for agency-specific schemes (key result areas, local
// KPIs) next to the regulated appraisal of appraisal.hpp.
//
// Input is a long table, one row per (employee, KPI): weight, target, actual (NaN when missing),
// direction (higher or lower is better) and an optional cap. The scheme (KpiScheme, the "kpi"
// section of a RuleSet) says what a missing actual means — renormalise the weights over the present
// KPIs, count it as zero, or refuse — so a missing value never dilutes a score silently, and
// carries the rating scale as data (any number of levels).
#pragma once

#include <cstdint>
#include <vector>

#include "penata/rules.hpp"

namespace penata {

/// One row per (employee, KPI); the rows of one employee need not be adjacent.
struct KpiRecords {
    std::vector<std::uint64_t> employee;     ///< employee id (a NIP or a row number)
    std::vector<double> weight;              ///< > 0; an employee's weights sum to scheme.weight_total
    std::vector<double> target;              ///< > 0
    std::vector<double> actual;              ///< >= 0, or NaN when missing
    std::vector<std::uint8_t> direction;     ///< KpiDirection codes; empty = all higher-is-better
    std::vector<double> cap;                 ///< percent cap per KPI, NaN = scheme default; empty = all default
    std::size_t size() const noexcept { return employee.size(); }
};

/// Achievement per record and score per employee.
struct KpiScores {
    std::vector<double> achievement;      ///< per record: percent after the cap; NaN when actual is missing
    std::vector<std::uint64_t> employee;  ///< one per employee, in order of first appearance
    std::vector<double> score;            ///< weighted achievement (percent)
    std::vector<double> coverage;         ///< share of the employee's weight with an actual value (0..1)
    std::vector<std::uint8_t> rating;     ///< index into scheme.scale_labels
};

/// Achievement of one KPI in percent: actual/target x 100 when higher is better, target/actual x
/// 100 when lower is better (infinite for actual 0, so it then needs a cap), at most `cap`
/// (kOpenEnd for none).
double kpi_achievement(double target, double actual, KpiDirection direction, double cap = kOpenEnd);

/// Scores every employee. Score = sum(weight x achievement) / weight_total, where a missing actual
/// counts 0 (KpiMissing::zero), is left out with the weights renormalised over the present KPIs
/// (renormalise; an employee with no actual at all is refused, "kpi.all_missing"), or is refused
/// (refuse, "actual.required"). Other rules: "weight.positive", "target.positive",
/// "actual.non_negative", "direction.known", "cap.positive", "kpi.weights_sum" (an employee's
/// weights must sum to weight_total within 1e-9 relative), "actual.needs_cap" (lower-is-better
/// with actual 0 and no cap), "score.range" (a score outside the rating scale). Issue rows are
/// record indices + 1.
KpiScores score_kpis(const KpiScheme& scheme, const KpiRecords& records);
/// As above with rules.kpi().
KpiScores score_kpis(const RuleSet& rules, const KpiRecords& records);

}  // namespace penata
