// Competency framework, position standards and assessment history (PermenPANRB 38/2017).
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "penata/competency.hpp"
#include "penata/date.hpp"
#include "penata/error.hpp"

using namespace penata;

namespace {

const std::int32_t kToday = days_from_civil(2025, 6, 30);

template <class F> Issue first_issue(F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        return e.first();
    }
    ADD_FAILURE() << "no ValidationError";
    return {};
}

CompetencyFramework with_teknis() {
    auto f = CompetencyFramework::builtin();
    f.add({"T.01", "Analisis Kebutuhan Diklat", CompetencyType::teknis, {}});
    return f;
}

}  // namespace

// PermenPANRB 38/2017 Lampiran II: eight managerial competencies M.01-M.08, plus Perekat Bangsa.
TEST(Competency, BuiltinPermenPanRb38_2017) {
    const auto f = CompetencyFramework::builtin();
    ASSERT_EQ(f.size(), 9u);
    EXPECT_EQ(f[0].code, "M.01");
    EXPECT_EQ(f[0].name, "Integritas");
    EXPECT_EQ(f[7].code, "M.08");
    EXPECT_EQ(f[7].name, "Pengambilan Keputusan");
    for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ(f[i].type, CompetencyType::manajerial);
    EXPECT_EQ(f[8].code, "SK.01");
    EXPECT_EQ(f[8].name, "Perekat Bangsa");
    EXPECT_EQ(f[8].type, CompetencyType::sosial_kultural);
    EXPECT_EQ(f.index("M.05"), 4u);
    EXPECT_THROW(f.index("X"), NotFoundError);
}

TEST(Competency, FrameworkJsonRoundTrip) {
    const auto f = with_teknis();
    const auto g = CompetencyFramework::from_json(f.to_json());
    EXPECT_TRUE(f == g);
    EXPECT_EQ(g.to_json(), f.to_json());
    const auto h = CompetencyFramework::from_json(
        R"({"competencies": [{"code": "T.09", "name": "Penyusunan Anggaran", "type": "teknis"}]})");
    EXPECT_EQ(h[0].type, CompetencyType::teknis);
}

TEST(Competency, FrameworkRejectsBadInput) {
    auto is = first_issue([] {
        CompetencyFramework::from_json(R"({"competencies": [{"code": "T.01", "name": "x", "type": "technical"}]})");
    });
    EXPECT_EQ(is.field, "competencies[0].type");
    EXPECT_EQ(is.value, "technical");
    EXPECT_EQ(is.rule, "competency.type");
    is = first_issue([] {
        CompetencyFramework::from_json(
            R"({"competencies": [{"code": "T.01", "name": "x", "type": "teknis"}, {"code": "T.01", "name": "y", "type": "teknis"}]})");
    });
    EXPECT_EQ(is.field, "competencies[1].code");
    EXPECT_EQ(is.rule, "competency.code_duplicate");
    is = first_issue([] { CompetencyFramework::from_json(R"({"competencies": [], "extra": 1})"); });
    EXPECT_EQ(is.rule, "ruleset.unknown_key");
    auto f = CompetencyFramework::builtin();
    is = first_issue([&] { f.add({"T 01", "x", CompetencyType::teknis, {}}); });
    EXPECT_EQ(is.rule, "competency.code");
    EXPECT_THROW(CompetencyFramework::from_json("{not json"), FormatError);
}

// ASN-RULES.md 3.1 (MEMORY/UNCERTAIN typical levels): administrator 3, JF ahli muda 2, teknis 0.
TEST(Competency, StandardsDefaultsAndOverrides) {
    PositionStandards s(with_teknis());
    auto adm = s.required(PositionClass::administrator, PositionLevel::none);
    EXPECT_EQ(adm, (std::vector<std::uint8_t>{3, 3, 3, 3, 3, 3, 3, 3, 3, 0}));
    auto muda = s.required(PositionClass::fungsional, PositionLevel::ahli_muda);
    EXPECT_EQ(muda[0], 2);
    EXPECT_EQ(s.required(PositionClass::jpt_utama, PositionLevel::none)[8], 5);
    EXPECT_EQ(s.required(PositionClass::fungsional, PositionLevel::penyelia)[0], 2);
    EXPECT_NE(s.notes().at("defaults.manajerial").find("MEMORY"), std::string::npos);
    EXPECT_NE(s.notes().at("defaults.sosial_kultural.jpt_madya").find("UNCERTAIN"), std::string::npos);

    s.set_override("Analis SDM Aparatur Ahli Muda", "T.01", 3);
    s.set_override("Analis SDM Aparatur Ahli Muda", "M.01", 3);
    auto o = s.required(PositionClass::fungsional, PositionLevel::ahli_muda, "Analis SDM Aparatur Ahli Muda");
    EXPECT_EQ(o, (std::vector<std::uint8_t>{3, 2, 2, 2, 2, 2, 2, 2, 2, 3}));

    auto is = first_issue([&] { s.set_override("X", "T.99", 3); });
    EXPECT_EQ(is.rule, "standards.unknown_competency");
    EXPECT_EQ(is.value, "T.99");
    is = first_issue([&] { s.set_override("X", "M.01", 6); });
    EXPECT_EQ(is.rule, "standards.level");
    is = first_issue([&] { s.required(PositionClass::fungsional, PositionLevel::none); });
    EXPECT_EQ(is.rule, "standards.position");
}

TEST(Competency, StandardsJsonRoundTripAndErrors) {
    PositionStandards s(with_teknis());
    s.set_override("Analis SDM Aparatur Ahli Muda", "T.01", 3);
    const auto t = PositionStandards::from_json(with_teknis(), s.to_json());
    EXPECT_EQ(t.to_json(), s.to_json());
    EXPECT_EQ(t.overrides().at("Analis SDM Aparatur Ahli Muda").at(9), 3);
    // A standard for a competency that is not in the framework.
    auto is = first_issue([&] { PositionStandards::from_json(CompetencyFramework::builtin(), s.to_json()); });
    EXPECT_EQ(is.rule, "standards.unknown_competency");
    EXPECT_EQ(is.field, "overrides.Analis SDM Aparatur Ahli Muda.T.01");
    std::string bad = s.to_json(-1);
    bad.replace(bad.find("\"jpt_utama\":5"), 13, "\"jpt_utama\":7");
    is = first_issue([&] { PositionStandards::from_json(with_teknis(), bad); });
    EXPECT_EQ(is.field, "defaults.manajerial.jpt_utama");
    EXPECT_EQ(is.rule, "standards.level");
}

TEST(Competency, StandardsMatrixOverWorkforce) {
    Workforce wf(penata::testing::small_units());
    auto a = penata::testing::pns();
    wf.add(a);
    auto b = penata::testing::pns();
    b.nip += 1;
    b.position_class = PositionClass::pengawas;
    b.position_level = PositionLevel::none;
    b.position_name = "Kepala Subbidang";
    wf.add(b);
    PositionStandards s(with_teknis());
    s.set_override(a.position_name, "T.01", 2);
    const LevelMatrix m = s.required(wf);
    ASSERT_EQ(m.rows(), 2);
    ASSERT_EQ(m.cols(), 10);
    EXPECT_EQ(m(0, 0), 1);  // JF ahli pertama
    EXPECT_EQ(m(0, 9), 2);  // override
    EXPECT_EQ(m(1, 0), 2);  // pengawas
    EXPECT_EQ(m(1, 9), 0);
    std::vector<std::uint32_t> rows{1};
    EXPECT_EQ(s.required(wf, rows)(0, 0), 2);
}

TEST(Competency, AssessmentBadInputNamesRowFieldValueRule) {
    Assessments as(CompetencyFramework::builtin());
    const std::uint64_t nip = penata::testing::pns().nip;
    const std::int32_t d = days_from_civil(2024, 3, 1);
    std::vector<AssessmentRecord> rows{
        {nip, "M.01", 3, d, AssessmentMethod::assessment_centre},  // fine
        {nip, "M.02", 0, d, AssessmentMethod::self},               // level 0
        {nip, "M.03", 6, d, AssessmentMethod::self},               // level 6
        {nip, "M.99", 3, d, AssessmentMethod::self},               // unknown code
        {nip, "M.04", 3, kToday + 1, AssessmentMethod::self},      // future
        {nip, "M.01", 4, d, AssessmentMethod::supervisor},         // duplicate of row 1
    };
    try {
        as.add(rows, kToday);
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        const auto& is = e.issues();
        ASSERT_EQ(is.size(), 5u);
        EXPECT_EQ(is[0].row, 2);
        EXPECT_EQ(is[0].field, "level");
        EXPECT_EQ(is[0].value, "0");
        EXPECT_EQ(is[0].rule, "assessment.level");
        EXPECT_EQ(is[1].row, 3);
        EXPECT_EQ(is[1].value, "6");
        EXPECT_EQ(is[2].row, 4);
        EXPECT_EQ(is[2].field, "competency");
        EXPECT_EQ(is[2].value, "M.99");
        EXPECT_EQ(is[2].rule, "assessment.competency");
        EXPECT_EQ(is[3].row, 5);
        EXPECT_EQ(is[3].field, "date");
        EXPECT_EQ(is[3].value, "2025-07-01");
        EXPECT_EQ(is[3].rule, "assessment.date_future");
        EXPECT_EQ(is[4].row, 6);
        EXPECT_EQ(is[4].rule, "assessment.duplicate");
    }
    EXPECT_EQ(as.size(), 0u);  // all or nothing
    as.add(rows[0], kToday);
    EXPECT_EQ(as.size(), 1u);
    // Same nip + competency + date as the history: refused; another date: kept (append-only).
    auto is = first_issue([&] { as.add(rows[5], kToday); });
    EXPECT_EQ(is.rule, "assessment.duplicate");
    EXPECT_EQ(is.value, "2024-03-01");
    AssessmentRecord later = rows[5];
    later.date = d + 1;
    as.add(later, kToday);
    EXPECT_EQ(as.size(), 2u);
    EXPECT_EQ(as.record(0).level, 3);  // never overwritten
    EXPECT_EQ(first_issue([&] { as.add({0, "M.01", 3, d, AssessmentMethod::self}, kToday); }).rule, "assessment.nip");
}

TEST(Competency, LatestAsOfHistory) {
    Workforce wf(penata::testing::small_units());
    auto a = penata::testing::pns();
    wf.add(a);
    auto b = penata::testing::pns();
    b.nip += 1;
    wf.add(b);
    Assessments as(CompetencyFramework::builtin());
    const auto d2023 = days_from_civil(2023, 5, 1), d2024 = days_from_civil(2024, 5, 1), d2025 = days_from_civil(2025, 5, 1);
    // Added out of date order on purpose.
    as.add(std::vector<AssessmentRecord>{{a.nip, "M.01", 4, d2025, AssessmentMethod::assessment_centre},
            {a.nip, "M.01", 2, d2023, AssessmentMethod::self},
            {a.nip, "M.01", 3, d2024, AssessmentMethod::supervisor},
            {b.nip, "SK.01", 5, d2024, AssessmentMethod::uji_kompetensi},
            {999, "M.01", 5, d2024, AssessmentMethod::self}},  // not in the workforce: ignored
           kToday);
    EXPECT_EQ(as.latest(wf, d2023 - 1)(0, 0), 0);
    EXPECT_EQ(as.latest(wf, d2023)(0, 0), 2);
    EXPECT_EQ(as.latest(wf, d2024 + 10)(0, 0), 3);
    const LevelMatrix now = as.latest(wf, kToday);
    EXPECT_EQ(now(0, 0), 4);
    EXPECT_EQ(now(1, 8), 5);
    EXPECT_EQ(now(1, 0), 0);
    std::vector<std::uint32_t> rows{1};
    const LevelMatrix sel = as.latest(wf, kToday, rows);
    ASSERT_EQ(sel.rows(), 1);
    EXPECT_EQ(sel(0, 8), 5);
    EXPECT_EQ(as.latest(a.nip, "M.01", d2024 + 10), std::optional<std::size_t>(2));
    EXPECT_FALSE(as.latest(a.nip, "M.02", kToday));
}
