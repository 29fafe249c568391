#include "penata/kpi.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "penata/error.hpp"

namespace penata {

namespace {
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}
Issue issue(std::size_t i, const char* field, std::string value, std::string rule, std::string msg) {
    return Issue{static_cast<std::int64_t>(i) + 1, field, clip_value(value), std::move(rule), std::move(msg)};
}
}  // namespace

double kpi_achievement(double target, double actual, KpiDirection direction, double cap) {
    const double a = direction == KpiDirection::lower ? (actual == 0 ? kOpenEnd : target / actual * 100)
                                                      : actual / target * 100;
    return a > cap ? cap : a;
}

KpiScores score_kpis(const KpiScheme& s, const KpiRecords& r) {
    RuleSet("kpi", "", "").set_kpi(s);  // validates a scheme that did not come through a RuleSet
    const std::size_t n = r.size();
    auto sized = [&](const char* f, std::size_t got, bool optional) {
        if (got != n && !(optional && got == 0))
            throw ValidationError(Issue{-1, f, std::to_string(got), "input.length",
                                        "has " + std::to_string(got) + " values; expected " + std::to_string(n)});
    };
    sized("weight", r.weight.size(), false);
    sized("target", r.target.size(), false);
    sized("actual", r.actual.size(), false);
    sized("direction", r.direction.size(), true);
    sized("cap", r.cap.size(), true);

    std::vector<Issue> issues;
    KpiScores out;
    out.achievement.resize(n);
    std::unordered_map<std::uint64_t, std::size_t> at;
    std::vector<double> wsum, wpresent, wa;
    std::vector<std::size_t> first_row, missing_row;
    for (std::size_t i = 0; i < n; ++i) {
        auto [it, fresh] = at.emplace(r.employee[i], out.employee.size());
        if (fresh) {
            out.employee.push_back(r.employee[i]);
            wsum.push_back(0); wpresent.push_back(0); wa.push_back(0);
            first_row.push_back(i);
            missing_row.push_back(n);
        }
        const std::size_t e = it->second;
        const double w = r.weight[i], t = r.target[i], a = r.actual[i];
        const auto dir = r.direction.empty() ? std::uint8_t{0} : r.direction[i];
        const double cap = r.cap.empty() || std::isnan(r.cap[i]) ? s.default_cap : r.cap[i];
        out.achievement[i] = std::numeric_limits<double>::quiet_NaN();
        bool ok = true;
        if (!std::isfinite(w) || !(w > 0)) { issues.push_back(issue(i, "weight", num(w), "weight.positive", "must be a finite number > 0")); ok = false; }
        if (!std::isfinite(t) || !(t > 0)) { issues.push_back(issue(i, "target", num(t), "target.positive", "must be a finite number > 0")); ok = false; }
        if (dir > 1) { issues.push_back(issue(i, "direction", std::to_string(dir), "direction.known", "must be 0 higher or 1 lower")); ok = false; }
        if (std::isnan(cap) || !(cap > 0)) { issues.push_back(issue(i, "cap", num(cap), "cap.positive", "must be > 0 (NaN for the scheme default)")); ok = false; }
        if (!std::isnan(a) && (!std::isfinite(a) || a < 0)) { issues.push_back(issue(i, "actual", num(a), "actual.non_negative", "must be a finite number >= 0, or NaN when missing")); ok = false; }
        if (ok && a == 0 && dir == 1 && std::isinf(cap))
            { issues.push_back(issue(i, "actual", "0", "actual.needs_cap", "lower-is-better with actual 0 has unbounded achievement; give a cap")); ok = false; }
        if (ok) wsum[e] += w;
        if (!ok) continue;
        if (std::isnan(a)) {
            if (s.missing == KpiMissing::refuse)
                issues.push_back(issue(i, "actual", "", "actual.required", "the KPI scheme refuses missing actual values"));
            if (missing_row[e] == n) missing_row[e] = i;
            continue;
        }
        const double ach = kpi_achievement(t, a, static_cast<KpiDirection>(dir), cap);
        out.achievement[i] = ach;
        wpresent[e] += w;
        wa[e] += w * ach;
    }
    const std::size_t m = out.employee.size();
    out.score.resize(m); out.coverage.resize(m); out.rating.resize(m);
    if (issues.empty())
        for (std::size_t e = 0; e < m; ++e) {
            const std::size_t row = first_row[e];
            if (std::fabs(wsum[e] - s.weight_total) > kWeightTolerance * s.weight_total) {
                issues.push_back(issue(row, "weight", num(wsum[e]), "kpi.weights_sum",
                                       "the weights of employee " + std::to_string(out.employee[e]) + " sum to " +
                                           num(wsum[e]) + "; they must sum to " + num(s.weight_total) + " within 1e-9"));
                continue;
            }
            out.coverage[e] = wpresent[e] / wsum[e];
            if (s.missing == KpiMissing::renormalise) {
                if (wpresent[e] == 0) {
                    issues.push_back(issue(missing_row[e], "actual", "", "kpi.all_missing",
                                           "employee " + std::to_string(out.employee[e]) + " has no actual value to score"));
                    continue;
                }
                out.score[e] = wa[e] / wpresent[e];
            } else {
                out.score[e] = wa[e] / wsum[e];
            }
            if (auto l = s.scale.find(out.score[e])) out.rating[e] = *l;
            else issues.push_back(issue(row, "score", num(out.score[e]), "score.range",
                                        "the score of employee " + std::to_string(out.employee[e]) +
                                            " lies outside the rating scale"));
        }
    if (!issues.empty()) {
        if (issues.size() > 1000) issues.resize(1000);
        throw ValidationError(std::move(issues));
    }
    return out;
}

KpiScores score_kpis(const RuleSet& rules, const KpiRecords& records) { return score_kpis(rules.kpi(), records); }

}  // namespace penata
