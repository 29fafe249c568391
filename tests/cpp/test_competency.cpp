// Competency framework, position standards and assessment history (PermenPANRB 38/2017).
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <tuple>

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

// ----- the columnar add and the sorted index ----------------------------------------------------

namespace {

struct Columns {
    std::vector<std::uint64_t> nip;
    std::vector<std::uint16_t> competency;
    std::vector<std::uint8_t> level;
    std::vector<std::int32_t> date;
    std::vector<std::uint8_t> method;
    void push(std::uint64_t n, std::uint16_t c, std::uint8_t l, std::int32_t d, std::uint8_t m = 0) {
        nip.push_back(n), competency.push_back(c), level.push_back(l), date.push_back(d), method.push_back(m);
    }
    AssessmentColumns view() const { return {nip, competency, level, date, method}; }
};

// splitmix64, for reproducible test data.
struct TestRng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t k) { return static_cast<std::uint32_t>(next() % k); }
};

// The latest level by brute force: the record with the greatest date <= as_of.
std::optional<std::size_t> brute_latest(const Assessments& as, std::uint64_t nip, std::size_t c, std::int32_t as_of) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < as.size(); ++i)
        if (as.nip()[i] == nip && as.competency()[i] == c && as.date()[i] <= as_of && (!best || as.date()[i] > as.date()[*best]))
            best = i;
    return best;
}

}  // namespace

TEST(Assessments, ColumnarAddReportsEveryBadRecordAndAddsNothing) {
    Assessments as(CompetencyFramework::builtin());
    const std::uint64_t nip = penata::testing::pns().nip;
    const std::int32_t d = days_from_civil(2024, 3, 1);
    Columns first;
    first.push(nip, 0, 3, d);
    as.add(first.view(), kToday);
    Columns c;
    c.push(nip, 1, 3, d);                          // 1 fine
    c.push(0, 1, 3, d);                            // 2 nip 0
    c.push(1000000000000000000ULL, 1, 3, d);       // 3 nip of 19 digits
    c.push(nip, 9, 3, d);                          // 4 index 9 of a 9-competency framework
    c.push(nip, 2, 0, d, 4);                       // 5 level 0 and method 4
    c.push(nip, 3, 3, kToday + 1);                 // 6 future
    c.push(nip, 0, 4, d);                          // 7 duplicate of the history
    c.push(nip, 1, 5, d, 3);                       // 8 duplicate of row 1
    c.push(nip, 1, 5, d + 1, 3);                   // 9 fine
    try {
        as.add(c.view(), kToday);
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        const auto& is = e.issues();
        ASSERT_EQ(is.size(), 8u);
        EXPECT_EQ(is[0].row, 2);
        EXPECT_EQ(is[0].rule, "assessment.nip");
        EXPECT_EQ(is[0].value, "0");
        EXPECT_EQ(is[1].row, 3);
        EXPECT_EQ(is[1].rule, "assessment.nip");
        EXPECT_EQ(is[2].row, 4);
        EXPECT_EQ(is[2].field, "competency");
        EXPECT_EQ(is[2].value, "9");
        EXPECT_EQ(is[2].rule, "assessment.competency");
        EXPECT_EQ(is[3].row, 5);
        EXPECT_EQ(is[3].rule, "assessment.level");
        EXPECT_EQ(is[4].row, 5);
        EXPECT_EQ(is[4].rule, "assessment.method");
        EXPECT_EQ(is[4].value, "4");
        EXPECT_EQ(is[5].row, 6);
        EXPECT_EQ(is[5].rule, "assessment.date_future");
        EXPECT_EQ(is[6].row, 7);
        EXPECT_EQ(is[6].rule, "assessment.duplicate");
        EXPECT_EQ(is[6].value, "2024-03-01");
        EXPECT_NE(is[6].message.find("M.01"), std::string::npos);
        EXPECT_EQ(is[7].row, 8);
        EXPECT_EQ(is[7].rule, "assessment.duplicate");
    }
    EXPECT_EQ(as.size(), 1u);
    // Spans of different lengths.
    Columns short_level = first;
    short_level.level.push_back(3);
    auto is = first_issue([&] { as.add(short_level.view(), kToday); });
    EXPECT_EQ(is.rule, "assessment.columns");
    EXPECT_EQ(is.field, "level");
    EXPECT_EQ(is.value, "2");
    EXPECT_EQ(as.size(), 1u);
    // An empty batch adds nothing and is fine.
    as.add(Columns{}.view(), kToday);
    EXPECT_EQ(as.size(), 1u);
    // A batch already in (nip, competency, date) order takes the path without a sort: the same
    // checks apply.
    Columns sorted;
    sorted.push(nip, 0, 3, d - 1);
    sorted.push(nip, 0, 3, d);      // 2 duplicate of the history
    sorted.push(nip, 4, 2, d);
    sorted.push(nip, 4, 5, d);      // 4 duplicate of row 3
    sorted.push(nip + 1, 0, 1, d);
    const auto dups = penata::testing::issues_of([&] { as.add(sorted.view(), kToday); });
    ASSERT_EQ(dups.size(), 2u);
    EXPECT_EQ(dups[0].row, 2);
    EXPECT_EQ(dups[0].rule, "assessment.duplicate");
    EXPECT_EQ(dups[1].row, 4);
    EXPECT_EQ(dups[1].rule, "assessment.duplicate");
    sorted.nip.erase(sorted.nip.begin() + 3), sorted.competency.erase(sorted.competency.begin() + 3);
    sorted.level.erase(sorted.level.begin() + 3), sorted.date.erase(sorted.date.begin() + 3);
    sorted.method.erase(sorted.method.begin() + 3);
    sorted.date[1] = d + 1;
    as.add(sorted.view(), kToday);
    EXPECT_EQ(as.size(), 5u);
    EXPECT_EQ(as.latest(nip, "M.01", d), std::optional<std::size_t>(0));
    EXPECT_EQ(as.latest(nip, "M.01", d + 1), std::optional<std::size_t>(2));
    EXPECT_EQ(as.latest(nip, "M.01", d - 1), std::optional<std::size_t>(1));
}

TEST(Assessments, AtMostAThousandIssuesListedTheRestCounted) {
    Assessments as(CompetencyFramework::builtin());
    Columns c;
    for (std::uint64_t i = 0; i < 1500; ++i) c.push(198609262015051001ULL + i, 0, 9, days_from_civil(2024, 1, 1));
    try {
        as.add(c.view(), kToday);
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.issues().size(), 1001u);
        EXPECT_EQ(e.issues()[999].row, 1000);
        EXPECT_EQ(e.issues().back().rule, "assessment.more_issues");
        EXPECT_EQ(e.issues().back().value, "500");
    }
    // Duplicates count too, and the smallest rows are the ones listed: the same batch twice.
    for (auto& l : c.level) l = 3;
    as.add(c.view(), kToday);
    try {
        as.add(c.view(), kToday);
        FAIL() << "accepted";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.issues().size(), 1001u);
        EXPECT_EQ(e.issues()[0].row, 1);
        EXPECT_EQ(e.issues()[999].row, 1000);
        EXPECT_EQ(e.issues()[999].rule, "assessment.duplicate");
        EXPECT_EQ(e.issues().back().value, "500");
    }
    EXPECT_EQ(as.size(), 1500u);
}

// Histories added in shuffled batches (employees interleaved, dates out of order, a batch with
// a duplicate of an earlier batch refused whole) give the same latest levels as a brute force.
TEST(Assessments, LatestOverInterleavedBatchesMatchesBruteForce) {
    Workforce wf(penata::testing::small_units());
    std::vector<std::uint64_t> nips;
    for (int i = 0; i < 40; ++i) {
        auto e = penata::testing::pns();
        e.nip += static_cast<std::uint64_t>(i);
        wf.add(e);
        nips.push_back(e.nip);
    }
    nips.push_back(199001012020011001ULL);  // assessed but not in the workforce
    const CompetencyFramework f = CompetencyFramework::builtin();
    Assessments as(f);
    TestRng rng{7};
    const std::int32_t d0 = days_from_civil(2018, 1, 1);
    std::set<std::tuple<std::uint64_t, std::uint16_t, std::int32_t>> seen;
    std::size_t refused = 0;
    for (int batch = 0; batch < 40; ++batch) {
        Columns c;
        const std::size_t m = 1 + rng.below(batch % 5 == 0 ? 300 : 20);
        bool has_dup = false;
        std::set<std::tuple<std::uint64_t, std::uint16_t, std::int32_t>> in_batch;
        for (std::size_t i = 0; i < m; ++i) {
            const std::uint64_t nip = nips[rng.below(static_cast<std::uint32_t>(nips.size()))];
            const auto comp = static_cast<std::uint16_t>(rng.below(9));
            const std::int32_t date = d0 + 40 * static_cast<std::int32_t>(rng.below(63));  // collisions are likely
            const auto key = std::make_tuple(nip, comp, date);
            if (in_batch.count(key)) continue;
            has_dup |= seen.count(key) > 0;
            in_batch.insert(key);
            c.push(nip, comp, static_cast<std::uint8_t>(1 + rng.below(5)), date, static_cast<std::uint8_t>(rng.below(4)));
        }
        if (batch % 6 == 5 && as.size()) {  // and for sure: a copy of a record of the history, last
            const std::size_t r = rng.below(static_cast<std::uint32_t>(as.size()));
            c.push(as.nip()[r], as.competency()[r], 1, as.date()[r]);
            has_dup = true;
        }
        if (has_dup) {
            const std::size_t before = as.size();
            EXPECT_THROW(as.add(c.view(), kToday), ValidationError);
            EXPECT_EQ(as.size(), before);
            ++refused;
            continue;
        }
        as.add(c.view(), kToday);
        seen.insert(in_batch.begin(), in_batch.end());
    }
    EXPECT_GT(refused, 0u);
    EXPECT_GT(as.size(), 300u);
    // A batch repeating one record of the history: the duplicate is named by its row.
    Columns again;
    again.push(as.nip()[17], as.competency()[17], 2, as.date()[17]);
    auto is = first_issue([&] { as.add(again.view(), kToday); });
    EXPECT_EQ(is.rule, "assessment.duplicate");
    EXPECT_EQ(is.row, 1);

    std::vector<std::uint32_t> few{3, 0, 3}, many;
    for (std::uint32_t r = 0; r < 40; r += 2) many.push_back(r);
    // As-of dates between and on record dates, among them dates of the selected employees' records.
    std::vector<std::int32_t> as_ofs{d0 - 1, d0, d0 + 1234, d0 + 2499, kToday};
    for (std::size_t i = 0; i < as.size(); ++i)
        if (as.nip()[i] == wf.nip()[3] || as.nip()[i] == wf.nip()[0]) as_ofs.push_back(as.date()[i]);
    ASSERT_GT(as_ofs.size(), 8u);
    for (const std::int32_t as_of : as_ofs) {
        const LevelMatrix all = as.latest(wf, as_of);
        const LevelMatrix sel_few = as.latest(wf, as_of, few), sel_many = as.latest(wf, as_of, many);
        ASSERT_EQ(all.rows(), 40);
        for (std::size_t r = 0; r < 40; ++r)
            for (std::size_t c = 0; c < 9; ++c) {
                const auto best = brute_latest(as, wf.nip()[r], c, as_of);
                const std::uint8_t want = best ? as.level()[*best] : 0;
                ASSERT_EQ(all(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)), want) << r << " " << c << " " << as_of;
                EXPECT_EQ(as.latest(wf.nip()[r], f[c].code, as_of), best);
            }
        for (std::size_t i = 0; i < few.size(); ++i) EXPECT_EQ(sel_few.row(static_cast<Eigen::Index>(i)), all.row(few[i]));
        for (std::size_t i = 0; i < many.size(); ++i) EXPECT_EQ(sel_many.row(static_cast<Eigen::Index>(i)), all.row(many[i]));
    }
    EXPECT_THROW(as.latest(wf, kToday, std::vector<std::uint32_t>{40}), NotFoundError);
}

TEST(Assessments, ColumnsAndIndexTakeAboutTwentyBytesARecord) {
    Assessments as(CompetencyFramework::builtin());
    Columns c;
    TestRng rng{3};
    const std::int32_t d0 = days_from_civil(2022, 1, 1);
    for (std::uint64_t e = 0; e < 20000; ++e)
        for (std::uint16_t k = 0; k < 9; ++k)
            c.push(198001012005011001ULL + e * 7919, k, static_cast<std::uint8_t>(1 + k % 5),
                   d0 + static_cast<std::int32_t>(rng.below(1000)));
    as.add(c.view(), kToday);
    EXPECT_EQ(as.size(), 180000u);
    EXPECT_LE(as.memory_bytes(), 20u * as.size());
    // Columns stay in the order added.
    EXPECT_EQ(as.nip(), c.nip);
    EXPECT_EQ(as.date(), c.date);
}

// ----- CSV ------------------------------------------------------------------------------------------

namespace {
std::vector<Issue> csv_issues(const std::function<void()>& f) { return penata::testing::issues_of(f); }
}  // namespace

TEST(CompetencyCsv, FrameworkRoundTripsWithBomCrlfAndAnyColumnOrder) {
    CompetencyFramework f = with_teknis();
    f.add({"T.02", "Menyusun \"Rencana\", Anggaran", CompetencyType::teknis, {"a, b", "", "line\nbreak", "", "e"}});
    const std::string csv = f.to_csv();
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "code,name,type,level_1,level_2,level_3,level_4,level_5");
    EXPECT_TRUE(CompetencyFramework::from_csv(csv) == f);
    EXPECT_TRUE(CompetencyFramework::from_csv("\xEF\xBB\xBF" + csv) == f);
    EXPECT_EQ(CompetencyFramework::from_csv(csv).to_csv(), csv);
    // Levels optional, columns in any order, LF line ends.
    const auto g = CompetencyFramework::from_csv("type,code,name,level_3\nmanajerial,M.01,Integritas,tiga\nteknis,T.9,X,\n");
    ASSERT_EQ(g.size(), 2u);
    EXPECT_EQ(g[0].code, "M.01");
    EXPECT_EQ(g[0].type, CompetencyType::manajerial);
    EXPECT_EQ(g[0].levels[2], "tiga");
    EXPECT_EQ(g[0].levels[0], "");
    EXPECT_EQ(g[1].type, CompetencyType::teknis);
    EXPECT_EQ(CompetencyFramework::from_csv("code,name,type\r\n").size(), 0u);
}

TEST(CompetencyCsv, FrameworkRefusesBadHeadersAndRowsNamingEach) {
    auto is = csv_issues([] { CompetencyFramework::from_csv("code,name,kind,name\nM.01,x,y,z\n"); });
    ASSERT_EQ(is.size(), 3u);
    EXPECT_EQ(is[0].row, 0);
    EXPECT_EQ(is[0].field, "kind");
    EXPECT_EQ(is[0].rule, "competency.column_unknown");
    EXPECT_EQ(is[1].field, "name");
    EXPECT_EQ(is[1].rule, "competency.column_duplicate");
    EXPECT_EQ(is[2].field, "type");
    EXPECT_EQ(is[2].rule, "competency.column_missing");
    is = csv_issues([] {
        CompetencyFramework::from_csv(
            "code,name,type\n"
            "M.01,Integritas,manajerial\n"
            "M.02,Kerjasama,technical\n"   // 2: bad type
            "M.01,Lagi,manajerial\n"       // 3: duplicate code
            "M 03,Komunikasi,manajerial\n"  // 4: space in code
            "M.04,,manajerial\n"           // 5: empty name
            "M.05,x\n");                   // 6: two fields
    });
    ASSERT_EQ(is.size(), 5u);
    EXPECT_EQ(is[0].row, 2);
    EXPECT_EQ(is[0].field, "type");
    EXPECT_EQ(is[0].value, "technical");
    EXPECT_EQ(is[0].rule, "competency.type");
    EXPECT_EQ(is[1].row, 3);
    EXPECT_EQ(is[1].field, "code");
    EXPECT_EQ(is[1].rule, "competency.code_duplicate");
    EXPECT_EQ(is[2].row, 4);
    EXPECT_EQ(is[2].rule, "competency.code");
    EXPECT_EQ(is[3].row, 5);
    EXPECT_EQ(is[3].field, "name");
    EXPECT_EQ(is[3].rule, "competency.name");
    EXPECT_EQ(is[4].row, 6);
    EXPECT_EQ(is[4].rule, "row.field_count");
    EXPECT_THROW(CompetencyFramework::from_csv(""), FormatError);
    EXPECT_THROW(CompetencyFramework::from_csv("\xEF\xBB\xBF"), FormatError);
    EXPECT_THROW(CompetencyFramework::from_csv("code,name,type\nM.01,\"Integ\"ritas,manajerial\n"), FormatError);
    EXPECT_THROW(CompetencyFramework::from_csv("code,name,type\nM.01,\"Integritas,manajerial\n"), FormatError);
}

TEST(CompetencyCsv, AssessmentsRoundTripInAnyColumnOrder) {
    Assessments as(with_teknis());
    const std::uint64_t nip = penata::testing::pns().nip;
    as.add(std::vector<AssessmentRecord>{{nip, "M.03", 3, days_from_civil(2024, 2, 29), AssessmentMethod::uji_kompetensi},
                                         {nip, "T.01", 2, days_from_civil(2023, 1, 5), AssessmentMethod::self},
                                         {nip + 1, "SK.01", 5, days_from_civil(2025, 6, 30), AssessmentMethod::supervisor}},
           kToday);
    const std::string csv = as.to_csv();
    EXPECT_EQ(csv,
              "nip,competency,level,date,method\r\n"
              "198609262015051001,M.03,3,2024-02-29,uji_kompetensi\r\n"
              "198609262015051001,T.01,2,2023-01-05,self\r\n"
              "198609262015051002,SK.01,5,2025-06-30,supervisor\r\n");
    Assessments back(with_teknis());
    back.add_csv("\xEF\xBB\xBF" + csv, kToday);
    EXPECT_EQ(back.nip(), as.nip());
    EXPECT_EQ(back.competency(), as.competency());
    EXPECT_EQ(back.level(), as.level());
    EXPECT_EQ(back.date(), as.date());
    EXPECT_EQ(back.method(), as.method());
    // Columns in another order, LF line ends, appended to a history.
    back.add_csv("method,date,level,competency,nip\nassessment_centre,2025-01-02,4,M.03,198609262015051001\n", kToday);
    EXPECT_EQ(back.size(), 4u);
    EXPECT_EQ(back.level().back(), 4);
    EXPECT_EQ(back.latest(nip, "M.03", kToday), std::optional<std::size_t>(3));
    back.add_csv("nip,competency,level,date,method\r\n", kToday);  // a header alone adds nothing
    EXPECT_EQ(back.size(), 4u);
}

TEST(CompetencyCsv, AssessmentsRefuseEveryBadCellAllOrNothing) {
    Assessments as(CompetencyFramework::builtin());
    as.add_csv("nip,competency,level,date,method\n198609262015051001,M.01,3,2024-03-01,self\n", kToday);
    const std::string text =
        "nip,competency,level,date,method\r\n"
        "198609262015051001,M.02,3,2024-03-01,self\r\n"           // 1 fine
        "19860926201505100,M.02,3,2024-03-01,self\r\n"            // 2 nip of 17 digits
        "198609262015051001,X.99,3,2024-03-01,self\r\n"           // 3 unknown code
        "198609262015051001,M.03,6,2024-03-01,self\r\n"           // 4 level 6
        "198609262015051001,M.04,3.0,2024-02-30,interview\r\n"    // 5 level text, impossible date, method
        "198609262015051001,M.05,3,2025-07-01,self\r\n"           // 6 future
        "198609262015051001,M.01,4,2024-03-01,supervisor\r\n"     // 7 duplicate of the history
        "198609262015051001,M.02,4,2024-03-01,supervisor\r\n"     // 8 duplicate of row 1
        "198609262015051001,M.06,4\r\n"                           // 9 three fields
        "000000000000000000,M.07,4,2024-03-01,self\r\n";          // 10 NIP 0
    const auto is = csv_issues([&] { as.add_csv(text, kToday); });
    ASSERT_EQ(is.size(), 11u);
    auto expect = [&](std::size_t k, std::int64_t row, const char* field, const char* value, const char* rule) {
        EXPECT_EQ(is[k].row, row) << k;
        EXPECT_EQ(is[k].field, field) << k;
        EXPECT_EQ(is[k].value, value) << k;
        EXPECT_EQ(is[k].rule, rule) << k;
    };
    expect(0, 2, "nip", "19860926201505100", "assessment.nip");
    expect(1, 3, "competency", "X.99", "assessment.competency");
    expect(2, 4, "level", "6", "assessment.level");
    expect(3, 5, "level", "3.0", "assessment.level");
    expect(4, 5, "method", "interview", "assessment.method");
    expect(5, 5, "date", "2024-02-30", "assessment.date");
    expect(6, 6, "date", "2025-07-01", "assessment.date_future");
    expect(7, 7, "date", "2024-03-01", "assessment.duplicate");
    expect(8, 8, "date", "2024-03-01", "assessment.duplicate");
    expect(9, 9, "", "3 fields", "row.field_count");
    expect(10, 10, "nip", "0", "assessment.nip");
    EXPECT_EQ(as.size(), 1u);  // nothing added

    auto header = csv_issues([&] { as.add_csv("nip,competency,level,date,score,nip\n", kToday); });
    ASSERT_EQ(header.size(), 3u);
    EXPECT_EQ(header[0].row, 0);
    EXPECT_EQ(header[0].field, "score");
    EXPECT_EQ(header[0].rule, "assessment.column_unknown");
    EXPECT_EQ(header[1].field, "nip");
    EXPECT_EQ(header[1].rule, "assessment.column_duplicate");
    EXPECT_EQ(header[2].field, "method");
    EXPECT_EQ(header[2].rule, "assessment.column_missing");
    EXPECT_THROW(as.add_csv("", kToday), FormatError);
    EXPECT_THROW(as.add_csv("nip,competency,level,date,method\n\"1986,M.01,3,2024-03-01,self\n", kToday), FormatError);
    EXPECT_EQ(as.size(), 1u);
}

TEST(CompetencyCsv, OverridesAllOrNone) {
    PositionStandards s(with_teknis());
    s.set_override("Analis SDM Aparatur Ahli Muda", "T.01", 1);
    s.add_overrides_csv(
        "\xEF\xBB\xBFlevel,competency,position_name\r\n"
        "3,T.01,Analis SDM Aparatur Ahli Muda\r\n"
        "0,M.08,Analis SDM Aparatur Ahli Muda\r\n"
        "4,T.01,\"Kepala Bidang Mutasi, Promosi\"\r\n");
    EXPECT_EQ(s.required(PositionClass::fungsional, PositionLevel::ahli_muda, "Analis SDM Aparatur Ahli Muda"),
              (std::vector<std::uint8_t>{2, 2, 2, 2, 2, 2, 2, 0, 2, 3}));
    EXPECT_EQ(s.overrides().at("Kepala Bidang Mutasi, Promosi").at(9), 4);
    const std::string before = s.to_json();
    const auto is = csv_issues([&] {
        s.add_overrides_csv(
            "position_name,competency,level\n"
            "Pranata Komputer Ahli Pertama,T.01,2\n"  // 1 fine (but not applied: the file is refused)
            ",T.01,2\n"                               // 2 empty position name
            "Pranata Komputer Ahli Pertama,T.99,2\n"  // 3 unknown competency
            "Pranata Komputer Ahli Pertama,M.01,6\n"  // 4 level 6
            "Pranata Komputer Ahli Pertama,T.01,3\n"  // 5 the same override twice
            "Pranata Komputer Ahli Pertama,M.02\n");  // 6 two fields
    });
    ASSERT_EQ(is.size(), 5u);
    EXPECT_EQ(is[0].row, 2);
    EXPECT_EQ(is[0].rule, "standards.position_name");
    EXPECT_EQ(is[1].row, 3);
    EXPECT_EQ(is[1].field, "competency");
    EXPECT_EQ(is[1].value, "T.99");
    EXPECT_EQ(is[1].rule, "standards.unknown_competency");
    EXPECT_EQ(is[2].row, 4);
    EXPECT_EQ(is[2].field, "level");
    EXPECT_EQ(is[2].rule, "standards.level");
    EXPECT_EQ(is[3].row, 5);
    EXPECT_EQ(is[3].rule, "standards.override_duplicate");
    EXPECT_EQ(is[4].row, 6);
    EXPECT_EQ(is[4].rule, "row.field_count");
    EXPECT_EQ(s.to_json(), before);  // nothing changed
    const auto header = csv_issues([&] { s.add_overrides_csv("position,competency,level\n"); });
    ASSERT_EQ(header.size(), 2u);
    EXPECT_EQ(header[0].rule, "standards.column_unknown");
    EXPECT_EQ(header[1].field, "position_name");
    EXPECT_EQ(header[1].rule, "standards.column_missing");
    EXPECT_THROW(s.add_overrides_csv(""), FormatError);
}
