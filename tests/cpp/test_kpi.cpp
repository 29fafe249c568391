// Generic weighted KPI scorer (agency schemes next to the regulated appraisal).
#include <gtest/gtest.h>

#include <cmath>

#include "fixtures.hpp"
#include "penata/error.hpp"
#include "penata/kpi.hpp"

using namespace penata;
using penata::testing::issues_of;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A 4-level scale with a 120 % default cap, loaded from JSON as an agency would write it.
RuleSet scheme(const std::string& missing) {
    return RuleSet::from_json(R"J({"name": "kpi-dinas", "regulation": "Peraturan Kepala Dinas (example)", "version": "1",
        "kpi": {"missing": ")J" + missing + R"J(", "weight_total": 100, "default_cap": 120,
                "scale_labels": ["kurang", "cukup", "baik", "istimewa"],
                "scale": {"min": 0, "max": 120, "bands": [
                    {"from": 0, "to": 60, "label": "kurang"}, {"from": 60, "to": 80, "label": "cukup"},
                    {"from": 80, "to": 100, "label": "baik"}, {"from": 100, "to": 120, "label": "istimewa"}]}}})J");
}

KpiRecords records() {
    KpiRecords r;
    // Employee 1: output 90 of 100 (higher is better), complaints 2 against a target of 4 (lower),
    // a missing survey. Employee 2: two KPIs, one far above target (capped at its own 110 %).
    r.employee = {1, 1, 1, 2, 2};
    r.weight = {50, 30, 20, 60, 40};
    r.target = {100, 4, 80, 10, 10};
    r.actual = {90, 2, kNaN, 20, 8};
    r.direction = {0, 1, 0, 0, 0};
    r.cap = {kNaN, kNaN, kNaN, 110, kNaN};
    return r;
}


}  // namespace

TEST(Kpi, AchievementHigherLowerAndCap) {
    EXPECT_EQ(kpi_achievement(100, 90, KpiDirection::higher), 90);
    EXPECT_EQ(kpi_achievement(4, 2, KpiDirection::lower), 200);
    EXPECT_EQ(kpi_achievement(4, 2, KpiDirection::lower, 120), 120);
    EXPECT_EQ(kpi_achievement(4, 0, KpiDirection::lower, 120), 120);
    EXPECT_TRUE(std::isinf(kpi_achievement(4, 0, KpiDirection::lower)));
}

TEST(Kpi, MissingValuesFollowTheSchemePolicy) {
    const KpiRecords r = records();
    // Renormalise: (50 x 90 + 30 x 120) / 80 = 101.25.
    const auto a = score_kpis(scheme("renormalise"), r);
    EXPECT_EQ(a.employee, (std::vector<std::uint64_t>{1, 2}));
    EXPECT_DOUBLE_EQ(a.achievement[0], 90);
    EXPECT_DOUBLE_EQ(a.achievement[1], 120);  // 200 % capped at the scheme's 120 %
    EXPECT_TRUE(std::isnan(a.achievement[2]));
    EXPECT_DOUBLE_EQ(a.achievement[3], 110);  // the KPI's own cap
    EXPECT_DOUBLE_EQ(a.score[0], 101.25);
    EXPECT_DOUBLE_EQ(a.coverage[0], 0.8);
    EXPECT_EQ(a.rating[0], 3);  // istimewa
    EXPECT_DOUBLE_EQ(a.score[1], 0.6 * 110 + 0.4 * 80);
    EXPECT_EQ(a.rating[1], 2);
    // Zero: (50 x 90 + 30 x 120 + 20 x 0) / 100 = 81.
    const auto z = score_kpis(scheme("zero"), r);
    EXPECT_DOUBLE_EQ(z.score[0], 81);
    EXPECT_EQ(z.rating[0], 2);  // baik
    // Refuse names the record.
    const auto is = issues_of([&] { score_kpis(scheme("refuse"), r); });
    ASSERT_EQ(is.size(), 1u);
    EXPECT_EQ(is[0].rule, "actual.required");
    EXPECT_EQ(is[0].row, 3);
}

TEST(Kpi, RefusesBadRecords) {
    const RuleSet s = scheme("renormalise");
    KpiRecords r = records();
    r.weight[4] = 30;  // employee 2 sums to 90
    auto is = issues_of([&] { score_kpis(s, r); });
    ASSERT_EQ(is.size(), 1u);
    EXPECT_EQ(is[0].rule, "kpi.weights_sum");
    EXPECT_EQ(is[0].row, 4);
    r = records();
    r.target[0] = 0;
    r.actual[1] = -1;
    r.direction[3] = 2;
    is = issues_of([&] { score_kpis(s, r); });
    ASSERT_EQ(is.size(), 3u);
    EXPECT_EQ(is[0].rule, "target.positive");
    EXPECT_EQ(is[1].rule, "actual.non_negative");
    EXPECT_EQ(is[2].rule, "direction.known");
    r = records();
    r.actual[0] = kNaN;
    r.actual[1] = kNaN;
    EXPECT_EQ(issues_of([&] { score_kpis(s, r); })[0].rule, "kpi.all_missing");
    r = records();
    r.cap[3] = kNaN;  // the scheme's default cap of 120 % keeps the score on the scale
    EXPECT_TRUE(issues_of([&] { score_kpis(s, r); }).empty());
    r.cap[3] = 300;
    EXPECT_EQ(issues_of([&] { score_kpis(s, r); })[0].rule, "score.range");
    r = records();
    r.weight.pop_back();
    EXPECT_EQ(issues_of([&] { score_kpis(s, r); })[0].rule, "input.length");
}

TEST(Kpi, SchemeIsDataAndRoundTrips) {
    const RuleSet s = scheme("zero");
    EXPECT_EQ(RuleSet::from_json(s.to_json()).to_json(), s.to_json());
    EXPECT_EQ(s.kpi().scale_labels.size(), 4u);
    KpiScheme bad = s.kpi();
    bad.scale_labels.push_back("kurang");
    RuleSet mine("x", "y", "1");
    try {
        mine.set_kpi(bad);
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().rule, "ruleset.value");
        EXPECT_EQ(e.first().field, "kpi.scale_labels[4]");
    }
    EXPECT_EQ(issues_of([&] { score_kpis(bad, records()); })[0].rule, "ruleset.value");
    EXPECT_EQ(issues_of([&] {
                  RuleSet::from_json(R"({"name": "k", "regulation": "r", "version": "1", "kpi": {"missing": "ignore",
                      "weight_total": 1, "default_cap": null, "scale_labels": ["a"],
                      "scale": {"min": 0, "max": null, "bands": [{"from": 0, "to": null, "label": "a"}]}}})");
              })[0].rule,
              "ruleset.enum_known");
}
