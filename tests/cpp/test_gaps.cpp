// Gap analysis, Job Person Match, training needs and candidate ranking (ASN-RULES.md 3.2).
#include <gtest/gtest.h>

#include <cmath>

#include "fixtures.hpp"
#include "penata/date.hpp"
#include "penata/error.hpp"
#include "penata/gaps.hpp"
#include "penata/sample.hpp"

using namespace penata;

namespace {

const std::int32_t kToday = days_from_civil(2025, 6, 30);
const std::int32_t kDay = days_from_civil(2025, 1, 15);

CompetencyFramework with_teknis() {
    auto f = CompetencyFramework::builtin();
    f.add({"T.01", "Analisis Jabatan", CompetencyType::teknis, {}});
    return f;
}

Employee person(int seq, PositionClass cls, PositionLevel lvl, std::uint8_t gol, const char* unit = "BKD-MUTASI") {
    Employee e = penata::testing::pns();
    e.nip += static_cast<std::uint64_t>(seq - 1);
    e.position_class = cls;
    e.position_level = lvl;
    e.golongan = gol;
    e.unit_code = unit;
    e.position_name = std::string(to_text(cls)) + std::string(to_text(lvl));
    return e;
}

void assess(Assessments& as, std::uint64_t nip, const std::vector<std::uint8_t>& levels) {
    std::vector<AssessmentRecord> r;
    for (std::size_t c = 0; c < levels.size(); ++c)
        if (levels[c]) r.push_back({nip, as.framework()[c].code, levels[c], kDay, AssessmentMethod::assessment_centre});
    as.add(r, kToday);
}

}  // namespace

// JPM = sum achieved / sum required x 100 (uji kompetensi JF regulation 2020). Administrator
// standard 3 on the 9 built-in competencies = 27. Achieved 4,4,3,3,3,2,2,3,3 = 27 -> 100%;
// capped at the standard 3,3,3,3,3,2,2,3,3 = 25 -> 92.5926%.
TEST(Gaps, JpmWorkedExampleCapAndNoCap) {
    Workforce wf(penata::testing::small_units());
    const auto e = person(1, PositionClass::administrator, PositionLevel::none, 13);
    wf.add(e);
    Assessments as(CompetencyFramework::builtin());
    assess(as, e.nip, {4, 4, 3, 3, 3, 2, 2, 3, 3});
    PositionStandards st(CompetencyFramework::builtin());
    GapRules rules = GapRules::builtin();
    auto r = gap_analysis(wf, as, st, rules, kToday);
    ASSERT_EQ(r.jpm.size(), 1u);
    EXPECT_DOUBLE_EQ(r.jpm[0], 100.0);
    EXPECT_EQ(r.category[0], static_cast<std::uint8_t>(JpmCategory::optimal));
    EXPECT_EQ(r.gaps(0, 0), 1);
    EXPECT_EQ(r.gaps(0, 5), -1);
    EXPECT_EQ(r.gaps(0, 8), 0);
    rules.cap_at_standard = true;
    r = gap_analysis(wf, as, st, rules, kToday);
    EXPECT_NEAR(r.jpm[0], 2500.0 / 27.0, 1e-12);  // 92.59
    EXPECT_EQ(r.gaps(0, 0), 1);  // the gap itself is not capped
    // Selection scheme: 92.59 >= 80 -> MS.
    rules.scheme = JpmScheme::selection;
    r = gap_analysis(wf, as, st, rules, kToday);
    EXPECT_EQ(r.category[0], static_cast<std::uint8_t>(JpmCategory::ms));
}

// Teknis vs manajerial+sosial kultural weights by jenjang (JFKK 2020: ahli madya 40/60, ahli muda
// 50/50, ahli pertama 60/40). Ahli muda standard 2 on 9 (=18) and T.01 3 (override).
// Achieved: M.01 1, the other eight 2 (17/18 = 94.44%); T.01 2 (2/3 = 66.67%).
// Weighted 0.5 x 66.67 + 0.5 x 94.44 = 80.56; unweighted 19/21 = 90.48.
TEST(Gaps, JpmTeknisWeightsByJenjang) {
    Workforce wf(penata::testing::small_units());
    const auto muda = person(1, PositionClass::fungsional, PositionLevel::ahli_muda, 11);
    const auto madya = person(2, PositionClass::fungsional, PositionLevel::ahli_madya, 13);
    wf.add(muda);
    wf.add(madya);
    Assessments as(with_teknis());
    assess(as, muda.nip, {1, 2, 2, 2, 2, 2, 2, 2, 2, 2});
    assess(as, madya.nip, {3, 3, 3, 3, 3, 3, 3, 3, 2, 3});  // 26/27 non-teknis, 3/3 teknis
    PositionStandards st(with_teknis());
    st.set_override(muda.position_name, "T.01", 3);
    st.set_override(madya.position_name, "T.01", 3);
    GapRules rules = GapRules::builtin();
    auto r = gap_analysis(wf, as, st, rules, kToday);
    EXPECT_NEAR(r.jpm[0], 0.5 * 200.0 / 3.0 + 0.5 * 1700.0 / 18.0, 1e-9);
    EXPECT_NEAR(r.jpm[0], 80.5556, 1e-4);
    EXPECT_EQ(r.category[0], static_cast<std::uint8_t>(JpmCategory::cukup_optimal));
    EXPECT_NEAR(r.jpm[1], 0.4 * 100.0 + 0.6 * 2600.0 / 27.0, 1e-9);
    rules.teknis_weight[static_cast<std::size_t>(PositionLevel::ahli_muda)] = std::nan("");
    r = gap_analysis(wf, as, st, rules, kToday);
    EXPECT_NEAR(r.jpm[0], 1900.0 / 21.0, 1e-9);
}

// Category edges, both sides: mapping 90 / 78 (Peraturan BRIN 3/2023 Pasal 33), selection 80 / 68.
TEST(Gaps, CategoryEdgesBothSchemes) {
    GapRules r = GapRules::builtin();
    EXPECT_EQ(jpm_category(89.999, r), JpmCategory::cukup_optimal);
    EXPECT_EQ(jpm_category(90.0, r), JpmCategory::optimal);
    EXPECT_EQ(jpm_category(77.999, r), JpmCategory::kurang_optimal);
    EXPECT_EQ(jpm_category(78.0, r), JpmCategory::cukup_optimal);
    EXPECT_EQ(jpm_category(0.0, r), JpmCategory::kurang_optimal);
    EXPECT_EQ(jpm_category(140.0, r), JpmCategory::optimal);  // uncapped JPM may exceed 100
    EXPECT_FALSE(jpm_category(std::nan(""), r));
    r.scheme = JpmScheme::selection;
    EXPECT_EQ(jpm_category(79.999, r), JpmCategory::mms);
    EXPECT_EQ(jpm_category(80.0, r), JpmCategory::ms);
    EXPECT_EQ(jpm_category(67.999, r), JpmCategory::kms);
    EXPECT_EQ(jpm_category(68.0, r), JpmCategory::mms);
    // Potential axis of the talent box (PermenPANRB 3/2020), penata's JPM cut-offs 78 / 90.
    EXPECT_EQ(potential_from_jpm(77.999, r), Potential::rendah);
    EXPECT_EQ(potential_from_jpm(78.0, r), Potential::menengah);
    EXPECT_EQ(potential_from_jpm(89.999, r), Potential::menengah);
    EXPECT_EQ(potential_from_jpm(90.0, r), Potential::tinggi);
    EXPECT_NE(r.notes.at("potential").find("UNCERTAIN"), std::string::npos);
}

TEST(Gaps, MissingAssessmentExcludeOrRefuseNeverZero) {
    Workforce wf(penata::testing::small_units());
    const auto a = person(1, PositionClass::pengawas, PositionLevel::none, 11);
    const auto b = person(2, PositionClass::pengawas, PositionLevel::none, 11);
    wf.add(a);
    wf.add(b);
    Assessments as(CompetencyFramework::builtin());
    assess(as, a.nip, {2, 2, 2, 2, 2, 2, 2, 2, 2});
    assess(as, b.nip, {2, 2, 0, 2, 2, 2, 2, 2, 0});  // no M.03, no SK.01
    PositionStandards st(CompetencyFramework::builtin());
    GapRules rules = GapRules::builtin();
    auto r = gap_analysis(wf, as, st, rules, kToday);
    EXPECT_DOUBLE_EQ(r.jpm[0], 100.0);
    EXPECT_TRUE(std::isnan(r.jpm[1]));
    EXPECT_EQ(r.category[1], kNoCategory);
    EXPECT_EQ(r.gaps(1, 2), kNoGap);
    ASSERT_EQ(r.missing.size(), 1u);
    EXPECT_EQ(r.missing[0].nip, b.nip);
    EXPECT_EQ(r.missing[0].competencies, (std::vector<std::uint16_t>{2, 8}));
    EXPECT_EQ(r.missing[0].reason, "not assessed on M.03, SK.01 as of 2025-06-30");
    EXPECT_EQ(potential(r, rules)[1], kNoCategory);
    // Before any assessment, nobody has a JPM.
    r = gap_analysis(wf, as, st, rules, kDay - 1);
    EXPECT_EQ(r.missing.size(), 2u);

    rules.missing = MissingPolicy::refuse;
    try {
        gap_analysis(wf, as, st, rules, kToday);
        FAIL() << "not refused";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.issues().size(), 2u);
        EXPECT_EQ(e.first().row, 2);
        EXPECT_EQ(e.first().field, "competency");
        EXPECT_EQ(e.first().value, "M.03");
        EXPECT_EQ(e.first().rule, "gaps.missing_assessment");
    }
    // Different frameworks cannot be combined.
    PositionStandards other(with_teknis());
    EXPECT_THROW(gap_analysis(wf, as, other, GapRules::builtin(), kToday), ValidationError);
}

// A result read against a workforce that changed since the analysis is refused, never misread.
TEST(Gaps, TrainingNeedsRefusesAResultOfAnotherWorkforce) {
    Workforce wf = bengkulu_sample({50, 3});
    const Assessments as = sample_assessments(wf, 3);
    const GapRules rules = GapRules::builtin();
    const GapResult r = gap_analysis(wf, as, PositionStandards(CompetencyFramework::builtin()), rules,
                                     days_from_civil(2025, 6, 30));
    EXPECT_NO_THROW(training_needs(wf, r, rules));
    wf.remove(wf.nip()[wf.size() - 1]);  // the last row is gone
    try {
        training_needs(wf, r, rules);
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.issues().front().rule, "gaps.result_workforce");
    }
}

TEST(Gaps, KernelOnRawBuffers) {
    // 2 employees x 3 competencies (last one teknis); row 2 lacks a required level.
    const std::uint8_t ach[] = {3, 1, 4, 2, 0, 2};
    const std::uint8_t req[] = {2, 2, 4, 2, 2, 0};
    const std::uint8_t tek[] = {0, 0, 1};
    std::int8_t gaps[6];
    double jpm[2];
    std::uint8_t miss[2];
    gap_jpm_kernel(ach, req, 2, 3, tek, nullptr, nullptr, false, gaps, jpm, miss);
    EXPECT_EQ(gaps[0], 1);
    EXPECT_EQ(gaps[1], -1);
    EXPECT_EQ(gaps[2], 0);
    EXPECT_EQ(gaps[4], kNoGap);
    EXPECT_EQ(gaps[5], kNoGap);  // not required
    EXPECT_DOUBLE_EQ(jpm[0], 100.0);  // (3+1+4)/(2+2+4)
    EXPECT_TRUE(std::isnan(jpm[1]));
    EXPECT_EQ(miss[0], 0);
    EXPECT_EQ(miss[1], 1);
    gap_jpm_kernel(ach, req, 1, 3, tek, nullptr, nullptr, true, nullptr, jpm, nullptr);
    EXPECT_DOUBLE_EQ(jpm[0], 87.5);  // (2+1+4)/8
}

// The kernel (SIMD where available, scalar for the last rows) agrees with a plain reference on
// random matrices of every width around the 16-lane chunks, with and without cap and weights, and
// never writes past its outputs.
TEST(Gaps, KernelMatchesReferenceOnEveryShape) {
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&] { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; };
    const GapRules rules = GapRules::builtin();
    for (std::size_t k : {1u, 2u, 5u, 9u, 12u, 15u, 16u, 17u, 31u, 32u, 33u, 70u})
        for (std::size_t n : {0u, 1u, 2u, 3u, 7u, 65u}) {
            std::vector<std::uint8_t> ach(n * k), req(n * k), tek(k), lvl(n);
            for (auto& v : ach) v = static_cast<std::uint8_t>(next() % 6);
            for (auto& v : req) v = static_cast<std::uint8_t>(next() % 4 == 0 ? 0 : next() % 6);
            for (auto& v : tek) v = static_cast<std::uint8_t>(next() % 3 == 0);
            for (auto& v : lvl) v = static_cast<std::uint8_t>(next() % kPositionLevelCount);
            for (bool cap : {false, true})
                for (bool weighted : {false, true}) {
                    std::vector<std::int8_t> gaps(n * k + 16, 7);
                    std::vector<double> jpm(n + 1, -1.0);
                    std::vector<std::uint8_t> miss(n + 1, 77);
                    gap_jpm_kernel(ach.data(), req.data(), n, k, tek.data(), weighted ? lvl.data() : nullptr,
                                   rules.teknis_weight.data(), cap, gaps.data(), jpm.data(), miss.data());
                    for (std::size_t i = 0; i < n; ++i) {
                        unsigned got = 0, sum = 0, tgot = 0, treq = 0, m = 0;
                        for (std::size_t j = 0; j < k; ++j) {
                            const int a = ach[i * k + j], r = req[i * k + j];
                            ASSERT_EQ(gaps[i * k + j], (a && r) ? a - r : kNoGap) << "n=" << n << " k=" << k;
                            if (!r) continue;
                            m += a == 0;
                            const unsigned g = static_cast<unsigned>(cap ? std::min(a, r) : a);
                            got += g; sum += static_cast<unsigned>(r);
                            if (tek[j]) { tgot += g; treq += static_cast<unsigned>(r); }
                        }
                        ASSERT_EQ(miss[i], m);
                        const double w = weighted ? rules.teknis_weight[lvl[i]] : std::nan("");
                        double want = 100.0 * got / sum;
                        if (m || sum == 0) want = std::nan("");
                        else if (!std::isnan(w) && treq && sum > treq)
                            want = w * (100.0 * tgot / treq) + (1 - w) * (100.0 * (got - tgot) / (sum - treq));
                        if (std::isnan(want)) ASSERT_TRUE(std::isnan(jpm[i])) << "n=" << n << " k=" << k << " i=" << i;
                        else ASSERT_NEAR(jpm[i], want, 1e-9) << "n=" << n << " k=" << k << " i=" << i;
                    }
                    EXPECT_EQ(gaps[n * k], 7);  // nothing written past the outputs
                    EXPECT_EQ(jpm[n], -1.0);
                    EXPECT_EQ(miss[n], 77);
                }
        }
}

TEST(Gaps, CheckGapInputsNamesEveryBadValue) {
    const std::uint8_t ach[] = {3, 6, 2, 1};
    const std::uint8_t req[] = {2, 2, 9, 2};
    const std::uint8_t tek[] = {0, 2};
    const std::uint8_t lvl[] = {1, 9};
    EXPECT_NO_THROW(check_gap_inputs(ach, ach, 1, 1, nullptr, nullptr));
    try {
        check_gap_inputs(ach, req, 2, 2, tek, lvl);
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.issues().size(), 4u);
        EXPECT_EQ(e.issues()[0].rule, "achieved.range");
        EXPECT_EQ(e.issues()[0].row, 1);
        EXPECT_EQ(e.issues()[0].value, "6");
        EXPECT_EQ(e.issues()[1].rule, "required.range");
        EXPECT_EQ(e.issues()[1].row, 2);
        EXPECT_EQ(e.issues()[2].rule, "teknis.known");
        EXPECT_EQ(e.issues()[3].rule, "position_level.known");
    }
}

TEST(Gaps, RulesJsonRoundTripAndValidation) {
    const GapRules r = GapRules::builtin();
    const GapRules s = GapRules::from_json(r.to_json());
    EXPECT_EQ(s.to_json(), r.to_json());
    EXPECT_EQ(s.golongan[static_cast<std::size_t>(PositionClass::administrator)].min, 12);  // III/d
    std::string t = r.to_json(-1);
    t.replace(t.find("{\"from\":78.0,\"to\":90.0"), 22, "{\"from\":79.0,\"to\":90.0");
    try {
        GapRules::from_json(t);
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().field, "mapping.bands[1].from");
        EXPECT_EQ(e.first().rule, "ruleset.band_gap");
    }
    GapRules w = r;
    w.teknis_weight[static_cast<std::size_t>(PositionLevel::ahli_muda)] = 1.5;
    try {
        w.validate();
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().field, "teknis_weight.ahli_muda");
    }
}

// Units: PROV > BKD > BKD-MUTASI, PROV > DIKBUD. Pelaksana standard teknis T.01 = T.02 = 4.
// A (BKD-MUTASI, 24 JP): T.01 1 (-3), T.02 3 (-1). B (BKD, 10 JP): T.01 2 (-2), T.02 5 (+1).
// C (DIKBUD, 20 JP): T.01 4 (0), T.02 not assessed.
TEST(Gaps, TrainingNeedsPerUnitWithSubunits) {
    Workforce wf(penata::testing::small_units());
    auto a = person(1, PositionClass::pelaksana, PositionLevel::none, 9, "BKD-MUTASI");
    auto b = person(2, PositionClass::pelaksana, PositionLevel::none, 9, "BKD");
    auto c = person(3, PositionClass::pelaksana, PositionLevel::none, 9, "DIKBUD");
    a.training_hours = 24;
    b.training_hours = 10;
    c.training_hours = 20;
    for (const auto& e : {a, b, c}) wf.add(e);
    CompetencyFramework f;
    f.add({"T.01", "Pengelolaan Arsip", CompetencyType::teknis, {}});
    f.add({"T.02", "Layanan Kepegawaian", CompetencyType::teknis, {}});
    PositionStandards::Defaults d{};
    d[2][static_cast<std::size_t>(PositionClass::pelaksana)] = 4;
    PositionStandards st(f, d);
    Assessments as(f);
    assess(as, a.nip, {1, 3});
    assess(as, b.nip, {2, 5});
    assess(as, c.nip, {4, 0});
    const GapRules rules = GapRules::builtin();
    const auto r = gap_analysis(wf, as, st, rules, kToday);
    const Tna t = training_needs(wf, r, rules);
    const auto& u = wf.units();
    auto row = [&](const char* unit, std::uint16_t comp) {
        for (const auto& x : t.rows)
            if (x.unit == *u.find(unit) && x.competency == comp) return x;
        ADD_FAILURE() << unit << " " << comp;
        return TnaRow{};
    };
    auto bkd1 = row("BKD", 0);
    EXPECT_EQ(bkd1.required, 2u);
    EXPECT_EQ(bkd1.assessed, 2u);
    EXPECT_DOUBLE_EQ(bkd1.mean_gap, -2.5);
    EXPECT_DOUBLE_EQ(bkd1.share_below, 1.0);
    EXPECT_EQ(bkd1.need, (std::array<std::uint32_t, 3>{0, 1, 1}));
    auto bkd2 = row("BKD", 1);
    EXPECT_DOUBLE_EQ(bkd2.mean_gap, 0.0);
    EXPECT_DOUBLE_EQ(bkd2.share_below, 0.5);
    EXPECT_EQ(bkd2.need, (std::array<std::uint32_t, 3>{1, 0, 0}));
    auto prov1 = row("PROV", 0);
    EXPECT_EQ(prov1.required, 3u);
    EXPECT_DOUBLE_EQ(prov1.mean_gap, -5.0 / 3.0);
    EXPECT_DOUBLE_EQ(prov1.share_below, 2.0 / 3.0);
    auto prov2 = row("PROV", 1);
    EXPECT_EQ(prov2.required, 3u);
    EXPECT_EQ(prov2.assessed, 2u);  // C's missing T.02 is not counted as a gap
    auto dik2 = row("DIKBUD", 1);
    EXPECT_EQ(dik2.assessed, 0u);
    EXPECT_TRUE(std::isnan(dik2.mean_gap));
    EXPECT_EQ(row("BKD-MUTASI", 0).need, (std::array<std::uint32_t, 3>{0, 0, 1}));
    EXPECT_EQ(t.rows.size(), 8u);

    auto top = t.largest_gaps(*u.find("BKD"), 5);
    ASSERT_EQ(top.size(), 1u);
    EXPECT_EQ(top[0].competency, 0);
    top = t.largest_gaps(*u.find("BKD-MUTASI"), 1);
    ASSERT_EQ(top.size(), 1u);
    EXPECT_EQ(top[0].competency, 0);

    // 20 JP rule (PP 11/2017 Pasal 203 (4)): >= 20 complies (C has exactly 20).
    ASSERT_EQ(t.training.size(), 4u);
    auto tr = [&](const char* unit) {
        for (const auto& x : t.training)
            if (x.unit == *u.find(unit)) return x;
        return TrainingCompliance{};
    };
    EXPECT_EQ(tr("PROV").employees, 3u);
    EXPECT_EQ(tr("PROV").compliant, 2u);
    EXPECT_EQ(tr("BKD").compliant, 1u);
    EXPECT_DOUBLE_EQ(tr("BKD").share, 0.5);
    EXPECT_EQ(tr("DIKBUD").compliant, 1u);
    // A selection of rows: only BKD's subtree.
    const auto sel = wf.select_unit("BKD");
    const auto rs = gap_analysis(wf, as, st, rules, kToday, sel);
    EXPECT_EQ(rs.rows, sel);
    EXPECT_EQ(training_needs(wf, rs, rules).training.size(), 3u);  // BKD-MUTASI, BKD, PROV
}

// Ranking for a pengawas post (PP 13/2002 eselon IV: III/b-III/d), standard 2 on the 9 built-ins.
TEST(Gaps, RankCandidatesOrderTiesAndIneligibility) {
    Workforce wf(penata::testing::small_units());
    const auto e1 = person(1, PositionClass::pelaksana, PositionLevel::none, 11);  // all 3 -> 150
    const auto e2 = person(2, PositionClass::pelaksana, PositionLevel::none, 10);  // all 2 -> 100, shortfall 0
    const auto e3 = person(3, PositionClass::pelaksana, PositionLevel::none, 12);  // 100, shortfall 1
    const auto e4 = person(4, PositionClass::pelaksana, PositionLevel::none, 10);  // as e2, larger NIP
    const auto e5 = person(5, PositionClass::pelaksana, PositionLevel::none, 9);   // III/a: too low
    const auto e7 = person(7, PositionClass::pelaksana, PositionLevel::none, 11, "DIKBUD");  // no SK.01
    auto e6 = penata::testing::pppk();  // PPPK
    for (const auto& e : {e1, e2, e3, e4, e5, e6, e7}) wf.add(e);
    Assessments as(CompetencyFramework::builtin());
    assess(as, e1.nip, {3, 3, 3, 3, 3, 3, 3, 3, 3});
    assess(as, e2.nip, {2, 2, 2, 2, 2, 2, 2, 2, 2});
    assess(as, e3.nip, {3, 1, 2, 2, 2, 2, 2, 2, 2});
    assess(as, e4.nip, {2, 2, 2, 2, 2, 2, 2, 2, 2});
    assess(as, e5.nip, {5, 5, 5, 5, 5, 5, 5, 5, 5});
    assess(as, e6.nip, {5, 5, 5, 5, 5, 5, 5, 5, 5});
    assess(as, e7.nip, {5, 5, 5, 5, 5, 5, 5, 5, 0});
    PositionStandards st(CompetencyFramework::builtin());
    PositionTarget target{PositionClass::pengawas, PositionLevel::none, "Kepala Subbidang Mutasi"};
    RankOptions opt;
    opt.employment_types = 1u << static_cast<unsigned>(EmploymentType::PNS);
    const auto rk = rank_candidates(wf, as, st, GapRules::builtin(), target, kToday, opt);
    ASSERT_EQ(rk.eligible.size(), 4u);
    EXPECT_EQ(rk.eligible[0].nip, e1.nip);
    EXPECT_DOUBLE_EQ(rk.eligible[0].jpm, 150.0);
    EXPECT_EQ(rk.eligible[1].nip, e2.nip);  // JPM tie with e3, e4: shortfall 0 first, then NIP
    EXPECT_EQ(rk.eligible[2].nip, e4.nip);
    EXPECT_EQ(rk.eligible[3].nip, e3.nip);
    EXPECT_EQ(rk.eligible[3].shortfall, 1u);
    EXPECT_EQ(rk.eligible[3].rank, 4u);
    ASSERT_EQ(rk.ineligible.size(), 3u);
    EXPECT_EQ(rk.ineligible[0].nip, e5.nip);  // NIP order: 198609... < 199009...
    EXPECT_EQ(rk.ineligible[0].rule, "rank.golongan");
    EXPECT_EQ(rk.ineligible[0].reason, "golongan III/a is outside III/b-III/d for pengawas");
    EXPECT_EQ(rk.ineligible[1].nip, e7.nip);
    EXPECT_EQ(rk.ineligible[1].rule, "rank.missing_assessment");
    EXPECT_EQ(rk.ineligible[1].reason, "not assessed on SK.01 as of 2025-06-30");
    EXPECT_EQ(rk.ineligible[2].nip, e6.nip);
    EXPECT_EQ(rk.ineligible[2].rule, "rank.employment_type");
    EXPECT_EQ(rk.ineligible[2].rank, 0u);

    // Only a unit (with sub-units): BKD has e1..e5.
    opt.unit_code = "BKD";
    const auto bkd = rank_candidates(wf, as, st, GapRules::builtin(), target, kToday, opt);
    EXPECT_EQ(bkd.eligible.size() + bkd.ineligible.size(), 5u);
    // Capped: e1's surplus no longer counts; e1 and e2 tie at 100 with shortfall 0 -> NIP order.
    GapRules cap = GapRules::builtin();
    cap.cap_at_standard = true;
    const auto c = rank_candidates(wf, as, st, cap, target, kToday, opt);
    EXPECT_EQ(c.eligible[0].nip, e1.nip);
    EXPECT_EQ(c.eligible[1].nip, e2.nip);
    EXPECT_NEAR(c.eligible[3].jpm, 1700.0 / 18.0, 1e-9);
}
