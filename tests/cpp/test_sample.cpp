// The synthetic Pemprov Bengkulu sample: deterministic, valid, and plausible.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "penata/csv.hpp"
#include "penata/date.hpp"
#include "penata/sample.hpp"

using namespace penata;

namespace {

Workforce make(std::size_t n, std::uint64_t seed = 0, int year = 2025) {
    SampleOptions o;
    o.n = n;
    o.seed = seed;
    o.reference_year = year;
    return bengkulu_sample(o);
}

// Every column (and every name) of two workforces is identical.
void expect_same(const Workforce& a, const Workforce& b) {
    ASSERT_EQ(a.size(), b.size());
    EXPECT_EQ(a.nip(), b.nip());
    EXPECT_EQ(a.employment_type(), b.employment_type());
    EXPECT_EQ(a.gender(), b.gender());
    EXPECT_EQ(a.birth_date(), b.birth_date());
    EXPECT_EQ(a.tmt(), b.tmt());
    EXPECT_EQ(a.golongan(), b.golongan());
    EXPECT_EQ(a.position_class(), b.position_class());
    EXPECT_EQ(a.position_level(), b.position_level());
    EXPECT_EQ(a.unit_index(), b.unit_index());
    EXPECT_EQ(a.education(), b.education());
    EXPECT_EQ(a.training_hours(), b.training_hours());
    EXPECT_EQ(a.discipline(), b.discipline());
    for (std::size_t r = 0; r < a.size(); ++r) {
        ASSERT_EQ(a.name(r), b.name(r)) << "row " << r;
        ASSERT_EQ(a[r].position_name(), b[r].position_name()) << "row " << r;
    }
}

// Age in whole years at 30 June of `year`.
int age_at(std::int32_t birth, int year) {
    const CivilDate b = civil_from_days(birth);
    return year - b.year - ((b.month > 6 || (b.month == 6 && b.day > 30)) ? 1 : 0);
}

constexpr std::array<int, 10> kPnsEntry{1, 3, 5, 5, 6, 7, 9, 9, 10, 11};   // PP 99/2000
constexpr std::array<int, 10> kPppkEntry{1, 4, 5, 5, 6, 7, 9, 9, 10, 11};  // Perpres 98/2020
constexpr std::array<int, 10> kEduAge{18, 18, 19, 19, 20, 21, 22, 22, 24, 28};

}  // namespace

TEST(SampleUnits, TreeHasTheProvinceItsPerangkatDaerahAndSubUnits) {
    const Units u = bengkulu_units();
    ASSERT_GT(u.size(), 40u);
    EXPECT_EQ(u[0].code, "PROV");
    EXPECT_EQ(u[0].parent, Units::kNoParent);
    for (const char* code : {"SETDA", "SETWAN", "BKD", "BPSDM", "BAPENDA", "BKAD", "BAPPERIDA", "DIKBUD",
                             "NAKERTRANS", "DISKOMINFOTIK", "INSPEKTORAT", "DINKES", "SATPOLPP"})
        EXPECT_EQ(u.parent_code(u.at(code)), "PROV") << code;
    EXPECT_EQ(u.parent_code(u.at("SETDA-BIRO-HUKUM")), "SETDA");
    EXPECT_EQ(u.parent_code(u.at("RSUD-MY")), "DINKES");
    EXPECT_EQ(u[u.at("RSUD-MY")].name, "RSUD dr. M. Yunus");
    for (int w = 1; w <= 9; ++w) {
        const std::string code = "DIKBUD-CABDIN-0" + std::to_string(w);
        EXPECT_EQ(u.parent_code(u.at(code)), "DIKBUD") << code;
    }
    for (const auto& unit : u.all()) EXPECT_EQ(unit.code.find(' '), std::string::npos) << unit.code;
    EXPECT_EQ(u.subtree(0).size(), u.size());  // everything hangs below PROV
}

TEST(Sample, SameSeedGivesIdenticalColumns) {
    const Workforce a = make(3000, 42), b = make(3000, 42);
    expect_same(a, b);
}

TEST(Sample, DifferentSeedGivesDifferentData) {
    const Workforce a = make(2000, 1), b = make(2000, 2);
    ASSERT_EQ(a.size(), b.size());
    EXPECT_NE(a.nip(), b.nip());
    EXPECT_NE(a.birth_date(), b.birth_date());
    std::size_t same_names = 0;
    for (std::size_t r = 0; r < a.size(); ++r) same_names += a.name(r) == b.name(r);
    EXPECT_LT(same_names, a.size() / 2);
}

TEST(Sample, PrefixOfALargerSampleIsTheSmallerSampleApartFromSequenceNumbers) {
    // Employee i depends only on (seed, i), except the NIP sequence number which counts the
    // earlier employees with the same NIP digits 1-15.
    const Workforce small = make(500, 9), large = make(1500, 9);
    for (std::size_t r = 0; r < small.size(); ++r) {
        ASSERT_EQ(small.nip()[r] / 1000, large.nip()[r] / 1000) << r;
        ASSERT_EQ(small.name(r), large.name(r)) << r;
    }
}

TEST(Sample, DefaultIsTheBkdFigureAndNIsRespected) {
    EXPECT_EQ(SampleOptions{}.n, 10300u);
    for (std::size_t n : {0u, 1u, 2u, 7u, 64u, 999u}) EXPECT_EQ(make(n).size(), n) << n;
}

TEST(Sample, EmptyAndSingleEmployee) {
    const Workforce none = make(0);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.units().size(), bengkulu_units().size());

    const Workforce one = make(1);
    ASSERT_EQ(one.size(), 1u);
    // The first employee is the Sekretaris Daerah (JPT madya).
    EXPECT_EQ(one[0].position_class(), PositionClass::jpt_madya);
    EXPECT_EQ(one[0].position_name(), "Sekretaris Daerah");
    EXPECT_EQ(one[0].unit_code(), "SETDA");
    EXPECT_EQ(one[0].employment_type(), EmploymentType::PNS);
    EXPECT_GE(one[0].golongan(), 16);  // IV/d or IV/e
    EXPECT_TRUE(one.check(one[0].get(), 1, true).empty());
}

TEST(Sample, RejectsAnImpossibleReferenceYear) {
    EXPECT_THROW(make(10, 0, 1900), ValidationError);
    EXPECT_THROW(make(10, 0, 2200), ValidationError);
}

TEST(Sample, EveryRowPassesValidationAndSurvivesACsvRoundTrip) {
    const Workforce wf = make(10300, 3);
    for (std::size_t r = 0; r < wf.size(); ++r) {
        const auto issues = wf.check(wf[r].get(), static_cast<std::int64_t>(r + 1), true);
        ASSERT_TRUE(issues.empty()) << issues.front().describe();
    }
    std::ostringstream out;
    write_csv(out, wf);
    Workforce back(bengkulu_units());
    CsvOptions strict;
    strict.on_error = OnError::raise;
    const ImportReport rep = read_csv_text(out.str(), back, strict);
    EXPECT_EQ(rep.rows_loaded, wf.size());
    EXPECT_EQ(rep.rows_rejected, 0u);
    expect_same(wf, back);
}

TEST(Sample, NipsAgreeWithBirthDateTmtGenderAndAreUnique) {
    const Workforce wf = make(20000, 5);
    std::set<std::uint64_t> seen(wf.nip().begin(), wf.nip().end());
    EXPECT_EQ(seen.size(), wf.size());
    std::map<std::uint64_t, int> max_seq;
    for (std::size_t r = 0; r < wf.size(); ++r) {
        const auto type = EmploymentType(wf.employment_type()[r]);
        const NipParts p = parse_nip(format_nip(wf.nip()[r]), type, wf.nip_rules());
        ASSERT_EQ(p.birth_date, wf.birth_date()[r]);
        ASSERT_EQ(p.gender, Gender(wf.gender()[r]));
        ASSERT_EQ(p.tmt_year, year_of_month_index(wf.tmt()[r]));
        if (type == EmploymentType::PNS) ASSERT_EQ(p.tmt_month, month_of_month_index(wf.tmt()[r]));
        else ASSERT_TRUE(p.pppk_code == 21 || p.pppk_code == 24) << p.pppk_code;
        if (p.pppk_code == 24) {
            EXPECT_GE(p.tmt_year, 2025);  // paruh waktu from 2025
        }
        auto& m = max_seq[wf.nip()[r] / 1000];
        m = std::max(m, p.sequence);
    }
    // Sequence numbers start at 001 and have no gaps within a prefix (they are counts).
    std::map<std::uint64_t, int> count;
    for (auto nip : wf.nip()) ++count[nip / 1000];
    for (const auto& [prefix, c] : count) ASSERT_EQ(max_seq[prefix], c) << prefix;
}

TEST(Sample, DistributionsArePlausible) {
    const int year = 2025;
    const Workforce wf = make(10300, 0, year);
    const std::size_t n = wf.size();
    const std::int32_t ref_month = month_index(year, 6);

    std::size_t pns = 0, women = 0, jpt_madya = 0, jpt_pratama = 0, jpt_utama = 0, fungsional = 0,
                pelaksana = 0, below20 = 0, zero_training = 0, no_discipline = 0, berat = 0, guru = 0,
                rsud = 0;
    std::array<std::size_t, 10> edu{};
    int min_age = 100, max_age = 0;
    const auto rsud_unit = wf.units().at("RSUD-MY");
    for (std::size_t r = 0; r < n; ++r) {
        const auto ref = wf[r];
        const bool is_pns = ref.employment_type() == EmploymentType::PNS;
        pns += is_pns;
        women += ref.gender() == Gender::P;
        const auto e = static_cast<std::size_t>(ref.education());
        ++edu[e];
        const int age = age_at(ref.birth_date(), year);
        min_age = std::min(min_age, age);
        max_age = std::max(max_age, age);
        const int gol = ref.golongan();
        const auto cls = ref.position_class();
        const auto lvl = ref.position_level();
        jpt_madya += cls == PositionClass::jpt_madya;
        jpt_pratama += cls == PositionClass::jpt_pratama;
        jpt_utama += cls == PositionClass::jpt_utama;
        fungsional += cls == PositionClass::fungsional;
        pelaksana += cls == PositionClass::pelaksana;
        guru += ref.position_name().rfind("Guru ", 0) == 0;
        rsud += wf.unit_index()[r] == rsud_unit;
        below20 += ref.training_hours() < 20;
        zero_training += ref.training_hours() == 0;
        no_discipline += ref.discipline() == Discipline::none;
        berat += ref.discipline() == Discipline::berat;
        ASSERT_LE(ref.training_hours(), 120.0);
        ASSERT_LT(wf.unit_index()[r], wf.units().size());
        ASSERT_NE(wf.unit_index()[r], 0u) << "nobody works directly in PROV";

        // Dates: appointed after finishing education (and at 18 or older), not after the reference date.
        ASSERT_LE(ref.tmt(), ref_month) << r;
        const CivilDate b = civil_from_days(ref.birth_date());
        ASSERT_GT(ref.tmt(), month_index(b.year + kEduAge[e], b.month)) << r;
        ASSERT_GE(age, 19) << r;
        const bool bup60 = cls == PositionClass::jpt_madya || cls == PositionClass::jpt_pratama ||
                           ref.position_name().rfind("Guru ", 0) == 0 ||
                           ref.position_name().rfind("Pengawas Sekolah ", 0) == 0;
        ASSERT_LE(age, bup60 ? 59 : 57) << r << " " << ref.position_name();

        // Golongan at least the entry golongan for the education.
        ASSERT_GE(gol, is_pns ? kPnsEntry[e] : kPppkEntry[e]) << r;

        // Levels: fungsional only, consistent with the golongan (ASN-RULES.md 8.4 and 8.5).
        if (cls != PositionClass::fungsional) {
            ASSERT_EQ(lvl, PositionLevel::none) << r;
        } else if (is_pns) {
            static const std::map<PositionLevel, std::pair<int, int>> range{
                {PositionLevel::ahli_pertama, {9, 10}}, {PositionLevel::ahli_muda, {11, 12}},
                {PositionLevel::ahli_madya, {13, 15}},  {PositionLevel::ahli_utama, {16, 17}},
                {PositionLevel::pemula, {5, 5}},        {PositionLevel::terampil, {6, 8}},
                {PositionLevel::mahir, {9, 10}},        {PositionLevel::penyelia, {11, 12}}};
            ASSERT_TRUE(range.count(lvl)) << r;
            ASSERT_GE(gol, range.at(lvl).first) << r;
            ASSERT_LE(gol, range.at(lvl).second) << r;
        } else {
            static const std::map<PositionLevel, std::set<int>> allowed{
                {PositionLevel::pemula, {5}},           {PositionLevel::terampil, {6, 7}},
                {PositionLevel::mahir, {9}},            {PositionLevel::penyelia, {11}},
                {PositionLevel::ahli_pertama, {9, 10}}, {PositionLevel::ahli_muda, {11}},
                {PositionLevel::ahli_madya, {13}},      {PositionLevel::ahli_utama, {16}}};
            ASSERT_TRUE(allowed.at(lvl).count(gol)) << r << " " << ref.position_name();
        }
        if (cls == PositionClass::fungsional) {
            // The position name ends with the jenjang, e.g. "Guru Ahli Muda".
            const std::string_view name = ref.position_name();
            ASSERT_NE(name.find(' '), std::string_view::npos);
        }
        // Structural posts: PNS, with a golongan in the eselon range (PP 13/2002, approximately).
        if (cls == PositionClass::jpt_madya) { ASSERT_GE(gol, 16); }
        if (cls == PositionClass::jpt_pratama) { ASSERT_GE(gol, 14); }
        if (cls == PositionClass::administrator) { ASSERT_GE(gol, 12); ASSERT_LE(gol, 14); }
        if (cls == PositionClass::pengawas) { ASSERT_GE(gol, 10); ASSERT_LE(gol, 12); }
        if (cls != PositionClass::fungsional && cls != PositionClass::pelaksana) { ASSERT_TRUE(is_pns) << r; }
    }
    const double N = static_cast<double>(n);
    auto share = [N](std::size_t x) { return static_cast<double>(x) / N; };
    EXPECT_NEAR(share(pns), 0.83, 0.05);  // ~80-85% PNS
    EXPECT_NEAR(share(women), 0.55, 0.08);
    EXPECT_EQ(jpt_madya, 1u);
    EXPECT_EQ(jpt_utama, 0u);
    EXPECT_GE(jpt_pratama, 35u);
    EXPECT_LE(jpt_pratama, 60u);
    EXPECT_GT(share(fungsional), 0.5);
    EXPECT_GT(share(pelaksana), 0.15);
    EXPECT_NEAR(share(guru), 0.45, 0.08);  // SMA/SMK/SLB teachers are provincial
    EXPECT_NEAR(share(rsud), 0.09, 0.02);
    // Education: S1 dominant, S2 about a tenth, D3 and SLTA present, a few S3/SD/SLTP.
    const auto S1 = edu[static_cast<std::size_t>(Education::S1)];
    for (std::size_t e = 0; e < edu.size(); ++e)
        if (e != static_cast<std::size_t>(Education::S1)) { EXPECT_GT(S1, edu[e]); }
    EXPECT_GT(share(S1), 0.5);
    EXPECT_NEAR(share(edu[static_cast<std::size_t>(Education::S2)]), 0.12, 0.05);
    EXPECT_GT(share(edu[static_cast<std::size_t>(Education::D3)]), 0.05);
    EXPECT_GT(share(edu[static_cast<std::size_t>(Education::SLTA)]), 0.04);
    for (auto e : {Education::S3, Education::SD, Education::SLTP, Education::D4}) {
        EXPECT_GT(edu[static_cast<std::size_t>(e)], 0u) << to_text(e);
        EXPECT_LT(share(edu[static_cast<std::size_t>(e)]), 0.03) << to_text(e);
    }
    EXPECT_LE(min_age, 24);
    EXPECT_GE(max_age, 57);
    EXPECT_NEAR(share(below20), 0.5, 0.1);
    EXPECT_NEAR(share(zero_training), 0.15, 0.05);
    EXPECT_NEAR(share(no_discipline), 0.96, 0.015);
    EXPECT_GT(berat, 0u);
    EXPECT_LT(share(berat), 0.015);
}

TEST(Sample, ExtremeReferenceYearsStayValid) {
    for (int year : {1960, 1999, 2019, 2099}) {
        const Workforce wf = make(3000, 11, year);
        ASSERT_EQ(wf.size(), 3000u);
        for (std::size_t r = 0; r < wf.size(); ++r) {
            const auto issues = wf.check(wf[r].get(), static_cast<std::int64_t>(r + 1), true);
            ASSERT_TRUE(issues.empty()) << year << ": " << issues.front().describe();
            ASSERT_LE(wf.tmt()[r], month_index(year, 6)) << year;
        }
    }
}

TEST(Sample, OlderReferenceYearHasNoPppk) {
    const Workforce wf = make(2000, 0, 2015);
    for (auto t : wf.employment_type()) ASSERT_EQ(t, static_cast<std::uint8_t>(EmploymentType::PNS));
    for (auto m : wf.tmt()) ASSERT_LE(m, month_index(2015, 6));
}

TEST(Sample, StableAcrossPlatforms) {
    // A fingerprint of seed 0: it changes only when the generator is changed on purpose (then
    // update it and say so in the commit); a change without that means lost determinism.
    const Workforce wf = make(1000, 0);
    std::uint64_t h = 1469598103934665603ULL;
    auto eat = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
    for (std::size_t r = 0; r < wf.size(); ++r) {
        eat(wf.nip()[r]);
        eat(wf.golongan()[r]);
        eat(wf.position_level()[r]);
        eat(wf.unit_index()[r]);
        eat(static_cast<std::uint64_t>(wf.training_hours()[r]));
        eat(wf.discipline()[r]);
        for (char c : wf.name(r)) eat(static_cast<unsigned char>(c));
        for (char c : wf[r].position_name()) eat(static_cast<unsigned char>(c));
    }
    EXPECT_EQ(h, 12279332922397694530ULL) << "fingerprint of bengkulu_sample(n=1000, seed=0)";
}

// ---- synthetic appraisal inputs ------------------------------------------------------------------

TEST(SampleAppraisal, SameSeedSameInputsOtherSeedOther) {
    const Workforce wf = make(3000, 5);
    const SampleAppraisal a = sample_appraisal_inputs(wf, 1), b = sample_appraisal_inputs(wf, 1);
    const SampleAppraisal c = sample_appraisal_inputs(wf, 2);
    ASSERT_EQ(a.size(), wf.size());
    EXPECT_EQ(a.rating_hasil_kerja, b.rating_hasil_kerja);
    EXPECT_EQ(a.rating_perilaku, b.rating_perilaku);
    EXPECT_EQ(a.has_leadership_training, b.has_leadership_training);
    EXPECT_EQ(a.has_functional_training, b.has_functional_training);
    EXPECT_EQ(a.has_seminar, b.has_seminar);
    EXPECT_EQ(a.potential, b.potential);
    EXPECT_NE(a.rating_hasil_kerja, c.rating_hasil_kerja);
    EXPECT_NE(a.potential, c.potential);
    // Row i depends only on (seed, i) and row i of the workforce: a prefix gives a prefix.
    const Workforce small = make(3000, 5);
    EXPECT_EQ(sample_appraisal_inputs(small, 1).potential, a.potential);
    EXPECT_TRUE(sample_appraisal_inputs(make(0), 1).potential.empty());
}

TEST(SampleAppraisal, RangesAndPlausibleShares) {
    const Workforce wf = make(20000, 3);
    const SampleAppraisal a = sample_appraisal_inputs(wf, 0);
    std::array<std::size_t, 3> hasil{}, perilaku{};
    std::size_t tinggi = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ASSERT_LE(a.rating_hasil_kerja[i], 2);
        ASSERT_LE(a.rating_perilaku[i], 2);
        ASSERT_LE(a.has_leadership_training[i], 1);
        ASSERT_LE(a.has_functional_training[i], 1);
        ASSERT_LE(a.has_seminar[i], 1);
        ASSERT_GE(a.potential[i], 0.0);
        ASSERT_LE(a.potential[i], 100.0);
        ASSERT_EQ(a.potential[i], static_cast<double>(static_cast<int>(a.potential[i])));
        const auto cls = static_cast<PositionClass>(wf.position_class()[i]);
        const bool structural = cls <= PositionClass::pengawas;
        if (!structural) {
            ASSERT_EQ(a.has_leadership_training[i], 0) << "row " << i;
        }
        if (cls != PositionClass::fungsional) {
            ASSERT_EQ(a.has_functional_training[i], 0) << "row " << i;
        }
        ++hasil[a.rating_hasil_kerja[i]];
        ++perilaku[a.rating_perilaku[i]];
        tinggi += a.potential[i] >= 90;
    }
    const double n = static_cast<double>(a.size());
    auto share = [n](std::size_t k) { return static_cast<double>(k) / n; };
    // Mostly sesuai; some di_atas; few di_bawah (every value occurs).
    EXPECT_GT(share(hasil[1]), 0.6);
    EXPECT_GT(share(hasil[2]), 0.05);
    EXPECT_LT(share(hasil[2]), 0.35);
    EXPECT_GT(share(hasil[0]), 0.005);
    EXPECT_LT(share(hasil[0]), 0.15);
    EXPECT_GT(perilaku[0], 0u);
    EXPECT_GT(perilaku[2], 0u);
    EXPECT_GT(tinggi, 0u);
    // Correlated with education: S2/S3 rate di_atas more often than SLTA and below.
    std::array<std::size_t, 2> top{}, all{};
    for (std::size_t i = 0; i < a.size(); ++i) {
        const int k = wf.education()[i] >= static_cast<std::uint8_t>(Education::S2) ? 1
                      : wf.education()[i] <= static_cast<std::uint8_t>(Education::SLTA) ? 0 : -1;
        if (k < 0) continue;
        ++all[static_cast<std::size_t>(k)];
        top[static_cast<std::size_t>(k)] += a.rating_hasil_kerja[i] == 2;
    }
    ASSERT_GT(all[0], 0u);
    ASSERT_GT(all[1], 0u);
    EXPECT_GT(static_cast<double>(top[1]) / static_cast<double>(all[1]), static_cast<double>(top[0]) / static_cast<double>(all[0]));
}

// ---- synthetic competency assessments --------------------------------------------------------

TEST(SampleAssessments, SameSeedSameHistoryOtherSeedOther) {
    const Workforce wf = make(3000, 5);
    const Assessments a = sample_assessments(wf, 1), b = sample_assessments(wf, 1), c = sample_assessments(wf, 2);
    EXPECT_EQ(a.nip(), b.nip());
    EXPECT_EQ(a.competency(), b.competency());
    EXPECT_EQ(a.level(), b.level());
    EXPECT_EQ(a.date(), b.date());
    EXPECT_EQ(a.method(), b.method());
    EXPECT_NE(a.level(), c.level());
    EXPECT_NE(a.date(), c.date());
    EXPECT_EQ(a.framework(), CompetencyFramework::builtin());
    // Records sorted by (NIP, competency, date).
    for (std::size_t i = 1; i < a.size(); ++i)
        ASSERT_TRUE(std::make_tuple(a.nip()[i - 1], a.competency()[i - 1], a.date()[i - 1]) <
                    std::make_tuple(a.nip()[i], a.competency()[i], a.date()[i]));
    // Row i depends only on (seed, i) and row i of the workforce: the first 1000 rows of a
    // workforce of 3000 get the same records as a workforce of those 1000 (whose NIP sequence
    // numbers may differ).
    const Workforce first = make(1000, 5);
    const Assessments p = sample_assessments(first, 1);
    ASSERT_LT(p.size(), a.size());
    auto records_of = [](const Assessments& x, std::uint64_t nip) {
        std::vector<std::tuple<std::uint16_t, std::uint8_t, std::int32_t, std::uint8_t>> out;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x.nip()[i] == nip) out.emplace_back(x.competency()[i], x.level()[i], x.date()[i], x.method()[i]);
        return out;
    };
    for (std::size_t r = 0; r < 1000; r += 37) {
        ASSERT_EQ(first.golongan()[r], wf.golongan()[r]);
        const auto mine = records_of(p, first.nip()[r]);
        EXPECT_FALSE(mine.empty());
        EXPECT_EQ(mine, records_of(a, wf.nip()[r])) << "row " << r;
    }
    EXPECT_EQ(sample_assessments(make(0)).size(), 0u);
    const Workforce ten = make(10);
    try {
        sample_assessments(ten, 0, 1959);
        ADD_FAILURE() << "accepted 1959";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().rule, "sample.reference_year");
    }
    // A fingerprint of seed 0 (see Sample.StableAcrossPlatforms).
    const Assessments f = sample_assessments(make(1000, 0), 0);
    std::uint64_t h = 1469598103934665603ULL;
    auto eat = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
    for (std::size_t i = 0; i < f.size(); ++i) {
        eat(f.nip()[i]);
        eat(f.competency()[i]);
        eat(f.level()[i]);
        eat(static_cast<std::uint32_t>(f.date()[i]));
        eat(f.method()[i]);
    }
    EXPECT_EQ(h, 9889658106741282188ULL) << "fingerprint of sample_assessments(bengkulu_sample(n=1000, seed=0), seed=0)";
}

TEST(SampleAssessments, EveryEmployeeAssessedOnEveryRequiredCompetencyWithinTheWindow) {
    for (const int year : {2025, 2021}) {
        const Workforce wf = make(6000, 11, year);
        const Assessments as = sample_assessments(wf, 4, year);
        const std::int32_t first = days_from_civil(year - 3, 1, 1), last = days_from_civil(year, 6, 30);
        const PositionStandards standards(CompetencyFramework::builtin());
        const LevelMatrix req = standards.required(wf), now = as.latest(wf, last);
        for (Eigen::Index r = 0; r < req.rows(); ++r)
            for (Eigen::Index c = 0; c < req.cols(); ++c) {
                ASSERT_EQ(req(r, c) > 0, now(r, c) > 0) << "row " << r << " competency " << c;
                ASSERT_GE(now(r, c), req(r, c) > 2 ? req(r, c) - 2 : 1);
                ASSERT_LE(now(r, c), std::min(5, req(r, c) + 1));
            }
        std::map<std::uint64_t, std::set<std::int32_t>> events;
        for (std::size_t i = 0; i < as.size(); ++i) {
            ASSERT_GE(as.date()[i], first);
            ASSERT_LE(as.date()[i], last);
            ASSERT_GE(as.level()[i], 1);
            ASSERT_LE(as.level()[i], 5);
            events[as.nip()[i]].insert(as.date()[i]);
        }
        ASSERT_EQ(events.size(), wf.size());
        std::size_t with_history = 0;
        for (std::size_t r = 0; r < wf.size(); ++r) {
            const auto& e = events.at(wf.nip()[r]);
            ASSERT_LE(e.size(), 2u);
            const std::int32_t tmt_day = days_from_civil(year_of_month_index(wf.tmt()[r]), month_of_month_index(wf.tmt()[r]), 1);
            if (tmt_day >= first) {
                EXPECT_GE(*e.begin(), tmt_day) << "assessed before the TMT, row " << r;
            }
            if (e.size() == 2) {
                ++with_history;
                const std::int32_t gap = *e.rbegin() - *e.begin();
                EXPECT_GE(gap, 365);
                EXPECT_LE(gap, 1095);
            }
        }
        EXPECT_NEAR(static_cast<double>(with_history) / static_cast<double>(wf.size()), 0.25, 0.05);
    }
}

TEST(SampleAssessments, PlausibleSharesMethodsAndLinksToThePerson) {
    const Workforce wf = make(20000, 3);
    const Assessments as = sample_assessments(wf, 0);
    const PositionStandards standards(CompetencyFramework::builtin());
    const LevelMatrix req = standards.required(wf), now = as.latest(wf, days_from_civil(2025, 6, 30));
    std::size_t below = 0, below2 = 0;
    // Mean gap (achieved - required) by education group and by discipline.
    double gap_low_edu = 0, gap_high_edu = 0, gap_clean = 0, gap_sanctioned = 0;
    std::size_t n_low = 0, n_high = 0, n_clean = 0, n_sanct = 0;
    for (Eigen::Index r = 0; r < req.rows(); ++r) {
        int worst = 0, sum = 0;
        for (Eigen::Index c = 0; c < req.cols(); ++c) {
            const int g = static_cast<int>(now(r, c)) - static_cast<int>(req(r, c));
            worst = std::min(worst, g);
            sum += g;
        }
        below += worst < 0;
        below2 += worst <= -2;
        const auto row = static_cast<std::size_t>(r);
        if (req.row(r).maxCoeff() < 2) continue;  // nobody is below a standard of 1
        const auto e = static_cast<Education>(wf.education()[row]);
        if (e <= Education::D3) gap_low_edu += sum, ++n_low;
        if (e >= Education::S2) gap_high_edu += sum, ++n_high;
        if (wf.discipline()[row] == 0) gap_clean += sum, ++n_clean;
        if (wf.discipline()[row] >= 2) gap_sanctioned += sum, ++n_sanct;
    }
    const double n = static_cast<double>(wf.size());
    EXPECT_NEAR(static_cast<double>(below) / n, 0.33, 0.08) << "about a third below standard on at least one competency";
    EXPECT_GT(static_cast<double>(below2) / n, 0.01) << "some by two levels or more";
    EXPECT_LT(static_cast<double>(below2) / n, 0.10);
    ASSERT_GT(n_low, 100u);
    ASSERT_GT(n_high, 100u);
    ASSERT_GT(n_sanct, 20u);
    EXPECT_GT(gap_high_edu / static_cast<double>(n_high), gap_low_edu / static_cast<double>(n_low) + 0.5);
    EXPECT_GT(gap_clean / static_cast<double>(n_clean), gap_sanctioned / static_cast<double>(n_sanct) + 0.5);

    // Methods by position class; earlier events usually a level lower.
    std::map<std::uint64_t, std::size_t> row_of;
    for (std::size_t r = 0; r < wf.size(); ++r) row_of[wf.nip()[r]] = r;
    std::array<std::size_t, 4> pelaksana_methods{};
    std::size_t earlier = 0, earlier_lower = 0;
    for (std::size_t i = 0; i < as.size(); ++i) {
        const auto cls = static_cast<PositionClass>(wf.position_class()[row_of.at(as.nip()[i])]);
        const auto m = static_cast<AssessmentMethod>(as.method()[i]);
        if (cls == PositionClass::fungsional) {
            ASSERT_EQ(m, AssessmentMethod::uji_kompetensi);
        } else if (cls == PositionClass::pelaksana) {
            ++pelaksana_methods[as.method()[i]];
        } else {
            ASSERT_EQ(m, AssessmentMethod::assessment_centre);
        }
        const auto latest = as.latest(as.nip()[i], as.framework()[as.competency()[i]].code, as.date()[i] + 5000);
        if (*latest != i && as.level()[*latest] > 1) {  // an earlier event (a level lower is possible)
            ++earlier;
            earlier_lower += as.level()[i] < as.level()[*latest];
        }
    }
    EXPECT_EQ(pelaksana_methods[0] + pelaksana_methods[1], 0u);
    EXPECT_GT(pelaksana_methods[3], pelaksana_methods[2]);  // supervisor more often than self
    EXPECT_GT(pelaksana_methods[2], 0u);
    ASSERT_GT(earlier, 1000u);
    EXPECT_GT(static_cast<double>(earlier_lower) / static_cast<double>(earlier), 0.5);
}
