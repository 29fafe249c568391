// Appraisal and scoring: worked examples from ASN-RULES.md, each citing its regulation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <random>

#include "fixtures.hpp"
#include "penata/appraisal.hpp"
#include "penata/error.hpp"
#include "penata/sample.hpp"

using namespace penata;
using penata::testing::issues_of;

namespace {

constexpr double kTol = 1e-9;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class E> std::uint8_t c(E e) { return static_cast<std::uint8_t>(e); }


const RuleSet& rs(const char* name) {
    static std::map<std::string, RuleSet> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, RuleSet::builtin(name)).first;
    return it->second;
}

}  // namespace

// ----- PermenPANRB 6/2022: predikat matrix ------------------------------------------------------

TEST(AppraisalPredikat, AllNineCells_PermenPANRB_6_2022) {
    using R = Rating;
    using P = Predikat;
    const RuleSet& r = rs("permenpanrb-6-2022");
    // ASN-RULES §2.2: rows hasil kerja, columns perilaku.
    EXPECT_EQ(predikat(r, R::di_atas, R::di_atas), P::sangat_baik);
    EXPECT_EQ(predikat(r, R::di_atas, R::sesuai), P::baik);
    EXPECT_EQ(predikat(r, R::di_atas, R::di_bawah), P::kurang);
    EXPECT_EQ(predikat(r, R::sesuai, R::di_atas), P::baik);
    EXPECT_EQ(predikat(r, R::sesuai, R::sesuai), P::baik);
    EXPECT_EQ(predikat(r, R::sesuai, R::di_bawah), P::kurang);
    EXPECT_EQ(predikat(r, R::di_bawah, R::di_atas), P::butuh_perbaikan);
    EXPECT_EQ(predikat(r, R::di_bawah, R::sesuai), P::butuh_perbaikan);
    EXPECT_EQ(predikat(r, R::di_bawah, R::di_bawah), P::sangat_kurang);
    const std::vector<std::uint8_t> h{2, 2, 2, 1, 1, 1, 0, 0, 0}, p{2, 1, 0, 2, 1, 0, 2, 1, 0};
    EXPECT_EQ(predikat(r, h, p), (std::vector<std::uint8_t>{0, 1, 3, 1, 1, 3, 2, 2, 4}));
    EXPECT_EQ(to_text(P::butuh_perbaikan), "butuh_perbaikan");
    EXPECT_EQ(from_text<Rating>("di_atas"), Rating::di_atas);
}

TEST(AppraisalPredikat, RefusesUnknownRatingCodesWithRowAndField) {
    const RuleSet& r = rs("permenpanrb-6-2022");
    const auto is = issues_of([&] { predikat(r, std::vector<std::uint8_t>{0, 1, 7}, std::vector<std::uint8_t>{0, 3, 1}); });
    ASSERT_EQ(is.size(), 2u);
    EXPECT_EQ(is[0].row, 3);
    EXPECT_EQ(is[0].field, "rating_hasil_kerja");
    EXPECT_EQ(is[0].value, "7");
    EXPECT_EQ(is[0].rule, "rating_hasil_kerja.known");
    EXPECT_EQ(is[1].row, 2);
    EXPECT_EQ(is[1].rule, "rating_perilaku.known");
    EXPECT_EQ(issues_of([&] { predikat(r, std::vector<std::uint8_t>{0}, std::vector<std::uint8_t>{0, 1}); })[0].rule,
              "input.length");
    EXPECT_EQ(issues_of([&] { predikat(r, static_cast<Rating>(3), Rating::sesuai); })[0].rule, "rating_hasil_kerja.known");
    EXPECT_EQ(issues_of([&] { predikat(rs("pp-30-2019"), Rating::sesuai, Rating::sesuai); })[0].rule,
              "ruleset.section_missing");
    // Never more than 1000 listed, and the rest counted.
    std::vector<std::uint8_t> bad(1500, 9), ok(1500, 0);
    const auto many = issues_of([&] { predikat(r, bad, ok); });
    ASSERT_EQ(many.size(), 1001u);
    EXPECT_EQ(many.back().rule, "input.more_issues");
    EXPECT_EQ(many.back().value, "500");
}

// ----- PP 46/2011 + Perka BKN 1/2013: SKP and prestasi kerja ------------------------------------

TEST(AppraisalSkp, WorkedExampleOneTask_85_5_PerkaBKN_1_2013) {
    // (100 + 90 + 76 + 76) / 4 = 85.5: output and time on target, quality 90 %, cost on budget.
    SkpTasks t;
    t.nip = {1};
    t.target_output = {10}; t.real_output = {10};
    t.target_quality = {100}; t.real_quality = {90};
    t.target_time = {12}; t.real_time = {12};
    t.target_cost = {5e6}; t.real_cost = {5e6};
    const auto s = skp_task_scores(rs("pp-46-2011"), t);
    EXPECT_NEAR(s.kuantitas[0], 100, kTol);
    EXPECT_NEAR(s.kualitas[0], 90, kTol);
    EXPECT_NEAR(s.waktu[0], 76, kTol);
    EXPECT_NEAR(s.biaya[0], 76, kTol);
    EXPECT_EQ(s.aspects[0], 4);
    EXPECT_NEAR(s.score[0], 85.5, kTol);
}

TEST(AppraisalSkp, TimeAspectByThe176Rule_PerkaBKN_1_2013) {
    const RuleSet& r = rs("pp-46-2011");
    EXPECT_NEAR(skp_time_aspect(r, 12, 12), 76, kTol);           // exactly on target
    EXPECT_NEAR(skp_time_aspect(r, 12, 0.76 * 12), 100, kTol);   // 76 % of the target time
    EXPECT_NEAR(skp_time_aspect(r, 100, 76), 100, kTol);
    EXPECT_NEAR(skp_time_aspect(r, 10, 12), 56, kTol);           // late: efficiency -20 % <= 24 %
    EXPECT_NEAR(skp_time_aspect(r, 100, 75), 75, kTol);          // efficiency 25 % > 24 %: 76 - (101 - 100)
    EXPECT_NEAR(skp_time_aspect(r, 12, 6), 50, kTol);            // efficiency 50 %: 76 - (126 - 100)
    EXPECT_EQ(issues_of([&] { skp_time_aspect(r, 0, 1); })[0].rule, "target_time.positive");
    EXPECT_EQ(issues_of([&] { skp_time_aspect(r, 1, -1); })[0].rule, "real_time.non_negative");
}

TEST(AppraisalSkp, ThreeAspectsWithoutCostAndMeanPerNip_PerkaBKN_1_2013) {
    SkpTasks t;
    t.nip = {7, 8, 7};
    t.target_output = {10, 4, 20}; t.real_output = {10, 0, 20};
    t.target_quality = {100, 100, 100}; t.real_quality = {90, 0, 100};
    t.target_time = {12, 12, 12}; t.real_time = {12, 12, 12};
    t.target_cost = {5e6, kNaN, kNaN}; t.real_cost = {5e6, kNaN, kNaN};
    const RuleSet& r = rs("pp-46-2011");
    const auto ts = skp_task_scores(r, t);
    EXPECT_EQ(ts.aspects, (std::vector<std::uint8_t>{4, 3, 3}));
    EXPECT_TRUE(std::isnan(ts.biaya[1]));
    EXPECT_EQ(ts.waktu[1], 0);  // not carried out
    EXPECT_EQ(ts.score[1], 0);
    EXPECT_NEAR(ts.score[2], (100 + 100 + 76) / 3.0, kTol);
    SkpExtras ex;
    ex.nip = {7};
    ex.tugas_tambahan = {4};                       // +2 [MEMORY]
    ex.kreativitas = {c(Kreativitas::organisasi)};  // +6 [MEMORY]
    const auto s = skp_scores(r, t, ex);
    ASSERT_EQ(s.nip, (std::vector<std::uint64_t>{7, 8}));
    EXPECT_EQ(s.task_count, (std::vector<std::uint32_t>{2, 1}));
    EXPECT_NEAR(s.mean_task_score[0], (85.5 + 92) / 2, kTol);
    EXPECT_EQ(s.additions[0], 8);
    EXPECT_NEAR(s.skp_score[0], 88.75 + 8, kTol);
    EXPECT_EQ(s.band[0], c(PrestasiBand::sangat_baik));
    EXPECT_EQ(s.band[1], c(PrestasiBand::buruk));
    ex.nip = {9};
    EXPECT_EQ(issues_of([&] { skp_scores(r, t, ex); })[0].rule, "nip.known");
    ex.nip = {7};
    ex.kreativitas = {4};
    EXPECT_EQ(issues_of([&] { skp_scores(r, t, ex); })[0].rule, "kreativitas.known");
}

TEST(AppraisalSkp, RefusesZeroTargetsNegativeValuesAndHalfGivenCosts) {
    SkpTasks t;
    t.nip = {1, 2, 3, 4};
    t.target_output = {0, 1, 1, 1}; t.real_output = {1, 1, 1, 1};
    t.target_quality = {1, 1, 1, 1}; t.real_quality = {1, -5, 1, 1};
    t.target_time = {1, 1, 1, 1}; t.real_time = {1, 1, 1, 1};
    t.target_cost = {kNaN, 10, kNaN, 0}; t.real_cost = {kNaN, kNaN, 3, 1};
    const auto is = issues_of([&] { skp_task_scores(rs("pp-46-2011"), t); });
    ASSERT_EQ(is.size(), 5u);
    EXPECT_EQ(is[0].rule, "target_output.positive");
    EXPECT_EQ(is[0].row, 1);
    EXPECT_EQ(is[0].field, "target_output");
    EXPECT_EQ(is[0].value, "0");
    EXPECT_EQ(is[1].rule, "real_quality.non_negative");
    EXPECT_EQ(is[1].row, 2);
    EXPECT_EQ(is[1].value, "-5");
    EXPECT_EQ(is[2].rule, "real_cost.required");
    EXPECT_EQ(is[2].row, 2);
    EXPECT_EQ(is[3].rule, "target_cost.required");
    EXPECT_EQ(is[3].row, 3);
    EXPECT_EQ(is[4].rule, "target_cost.positive");
    EXPECT_EQ(is[4].row, 4);
    t.real_time.pop_back();
    EXPECT_EQ(issues_of([&] { skp_task_scores(rs("pp-46-2011"), t); })[0].rule, "input.length");
}

TEST(AppraisalSkp, PrestasiIs60PercentSkpPlus40PercentPerilaku_PP_46_2011) {
    const RuleSet& r = rs("pp-46-2011");
    const auto p = prestasi(r, std::vector<double>{85.5, 100}, std::vector<double>{80, 50});
    EXPECT_NEAR(p.prestasi_score[0], 0.6 * 85.5 + 0.4 * 80, kTol);  // 83.3
    EXPECT_EQ(p.prestasi_band[0], c(PrestasiBand::baik));
    EXPECT_NEAR(p.prestasi_score[1], 80, kTol);
    EXPECT_EQ(issues_of([&] { prestasi(r, std::vector<double>{-1}, std::vector<double>{50}); })[0].rule,
              "skp_score.non_negative");
    // Nilai perilaku: mean of the applicable elements (kepemimpinan only for struktural).
    const std::vector<double> el{80, 90, 70, 80, 80, kNaN, 80, 80, 80, 80, 80, 92};
    const auto per = perilaku_scores(r, el, 2);
    EXPECT_NEAR(per[0], 80, kTol);
    EXPECT_NEAR(per[1], 82, kTol);
    const std::vector<double> bad{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, 101, 80, 80, 80, 80, 80};
    const auto is = issues_of([&] { perilaku_scores(r, bad, 2); });
    ASSERT_EQ(is.size(), 2u);
    EXPECT_EQ(is[0].rule, "perilaku.required");
    EXPECT_EQ(is[1].rule, "orientasi_pelayanan.range");
}

TEST(AppraisalSkp, BandEdgesOnBothSides_PerkaBKN_1_2013) {
    const RuleSet& r = rs("pp-46-2011");
    using B = PrestasiBand;
    EXPECT_EQ(prestasi_band(r, 91), B::sangat_baik);
    EXPECT_EQ(prestasi_band(r, 90.99), B::baik);
    EXPECT_EQ(prestasi_band(r, 76), B::baik);
    EXPECT_EQ(prestasi_band(r, 75.99), B::cukup);
    EXPECT_EQ(prestasi_band(r, 61), B::cukup);
    EXPECT_EQ(prestasi_band(r, 60.99), B::kurang);
    EXPECT_EQ(prestasi_band(r, 51), B::kurang);
    EXPECT_EQ(prestasi_band(r, 50.99), B::buruk);
    EXPECT_EQ(prestasi_band(r, 0), B::buruk);
    EXPECT_EQ(prestasi_band(r, 112), B::sangat_baik);
    EXPECT_EQ(issues_of([&] { prestasi_band(r, -0.01); })[0].rule, "score.range");
}

// ----- PP 30/2019 Pasal 41 ----------------------------------------------------------------------

TEST(AppraisalPp30, BandEdgesAndTheInnovationCondition_PP_30_2019) {
    const RuleSet& r = rs("pp-30-2019");
    using P = Predikat;
    EXPECT_EQ(pp30_predikat(r, 110, true), P::sangat_baik);
    EXPECT_EQ(pp30_predikat(r, 110, false), P::baik);
    EXPECT_EQ(pp30_predikat(r, 109.99, true), P::baik);
    EXPECT_EQ(pp30_predikat(r, 120, true), P::sangat_baik);
    EXPECT_EQ(pp30_predikat(r, 120, false), P::baik);
    EXPECT_EQ(pp30_predikat(r, 90, false), P::baik);
    EXPECT_EQ(pp30_predikat(r, 89.99, false), P::butuh_perbaikan);  // Cukup
    EXPECT_EQ(pp30_predikat(r, 70, false), P::butuh_perbaikan);
    EXPECT_EQ(pp30_predikat(r, 69.99, false), P::kurang);
    EXPECT_EQ(pp30_predikat(r, 50, false), P::kurang);
    EXPECT_EQ(pp30_predikat(r, 49.99, true), P::sangat_kurang);
    EXPECT_EQ(pp30_predikat(r, 0, false), P::sangat_kurang);
    EXPECT_EQ(issues_of([&] { pp30_predikat(r, 120.01, false); })[0].rule, "nilai_kinerja.range");
}

TEST(AppraisalPp30, WeightsSeventyThirtyOrSixtyForty_PP_30_2019) {
    const RuleSet& r = rs("pp-30-2019");
    const std::vector<double> skp{100, 120, 60}, per{80, 100, 60};
    const std::vector<std::uint8_t> inn{0, 1, 0};
    const auto a = pp30_scores(r, skp, per, inn, PerilakuRater::superior_only);
    EXPECT_NEAR(a.nilai_kinerja[0], 94, kTol);
    EXPECT_NEAR(a.nilai_kinerja[1], 114, kTol);
    EXPECT_EQ(a.predikat, (std::vector<std::uint8_t>{c(Predikat::baik), c(Predikat::sangat_baik), c(Predikat::kurang)}));
    const auto b = pp30_scores(r, skp, per, {}, PerilakuRater::multi_rater);
    EXPECT_NEAR(b.nilai_kinerja[0], 92, kTol);
    EXPECT_NEAR(b.nilai_kinerja[1], 112, kTol);
    EXPECT_EQ(b.predikat[1], c(Predikat::baik));  // no innovation given
    const auto is = issues_of([&] {
        pp30_scores(r, std::vector<double>{130, 50}, std::vector<double>{50, -1}, std::vector<std::uint8_t>{2, 0},
                    PerilakuRater::superior_only);
    });
    ASSERT_EQ(is.size(), 3u);
    EXPECT_EQ(is[0].rule, "skp.range");
    EXPECT_EQ(is[1].rule, "perilaku.range");
    EXPECT_EQ(is[1].row, 2);
    EXPECT_EQ(is[2].rule, "innovation.known");
}

// ----- IP ASN: PermenPANRB 38/2018, Peraturan BKN 8/2019 ----------------------------------------

namespace {
struct IpRow {
    Education edu;
    PositionClass pc;
    double hours;
    bool lead, func, sem;
    Predikat p;
    Discipline d;
};
IpAsnScores score(const RuleSet& r, const std::vector<IpRow>& rows) {
    std::vector<std::uint8_t> e, pc, l, f, s, p, d;
    std::vector<double> h;
    for (const auto& x : rows) {
        e.push_back(c(x.edu)); pc.push_back(c(x.pc)); h.push_back(x.hours);
        l.push_back(x.lead); f.push_back(x.func); s.push_back(x.sem); p.push_back(c(x.p)); d.push_back(c(x.d));
    }
    return ip_asn(r, IpAsnInputs{e, pc, h, l, f, s, p, d});
}
}  // namespace

TEST(AppraisalIpAsn, DimensionPointsAndSum_Perban_BKN_8_2019) {
    using E = Education;
    using PC = PositionClass;
    const auto s = score(rs("perban-8-2019"),
                         {{E::S2, PC::administrator, 24, true, false, true, Predikat::baik, Discipline::none},
                          {E::S3, PC::fungsional, 40, false, true, true, Predikat::sangat_baik, Discipline::none},
                          {E::SLTA, PC::pelaksana, 19.5, false, false, true, Predikat::butuh_perbaikan, Discipline::ringan},
                          {E::D4, PC::pelaksana, 20, false, false, false, Predikat::kurang, Discipline::berat},
                          {E::SD, PC::jpt_pratama, 0, true, true, false, Predikat::sangat_kurang, Discipline::sedang}});
    // S2 20 + (15 + 15 + 10) + baik 25 + 5 = 90 -> tinggi.
    EXPECT_EQ(s.ip_kualifikasi[0], 20);
    EXPECT_EQ(s.ip_kompetensi[0], 40);
    EXPECT_EQ(s.ip_kinerja[0], 25);
    EXPECT_EQ(s.ip_disiplin[0], 5);
    EXPECT_EQ(s.ip_asn[0], 90);
    EXPECT_EQ(s.ip_asn_category[0], c(IpAsnCategory::tinggi));
    // S3 25 + 40 + 30 + 5 = 100.
    EXPECT_EQ(s.ip_asn[1], 100);
    EXPECT_EQ(s.ip_asn_category[1], c(IpAsnCategory::sangat_tinggi));
    // Pelaksana: 19.5 JP does not meet diklat teknis (>= 20 JP): 5 + 17.5 + 15 + 3 = 40.5.
    EXPECT_EQ(s.ip_kompetensi[2], 17.5);
    EXPECT_EQ(s.ip_asn[2], 40.5);
    EXPECT_EQ(s.ip_asn_category[2], c(IpAsnCategory::sangat_rendah));
    // Exactly 20 JP meets it: 15 + 22.5 + 10 + 1.
    EXPECT_EQ(s.ip_kompetensi[3], 22.5);
    EXPECT_EQ(s.ip_asn[3], 48.5);
    // A structural post gets nothing for diklat fungsional: 1 + 15 + 5 + 2.
    EXPECT_EQ(s.ip_kompetensi[4], 15);
    EXPECT_EQ(s.ip_asn[4], 23);
}

TEST(AppraisalIpAsn, CategoryEdgesOnBothSides_Perban_BKN_8_2019) {
    const RuleSet& r = rs("perban-8-2019");
    using C = IpAsnCategory;
    EXPECT_EQ(ip_asn_category(r, 100), C::sangat_tinggi);
    EXPECT_EQ(ip_asn_category(r, 91), C::sangat_tinggi);
    EXPECT_EQ(ip_asn_category(r, 90.999), C::tinggi);
    EXPECT_EQ(ip_asn_category(r, 81), C::tinggi);
    EXPECT_EQ(ip_asn_category(r, 80.999), C::sedang);
    EXPECT_EQ(ip_asn_category(r, 71), C::sedang);
    EXPECT_EQ(ip_asn_category(r, 70.999), C::rendah);
    EXPECT_EQ(ip_asn_category(r, 61), C::rendah);
    EXPECT_EQ(ip_asn_category(r, 60.999), C::sangat_rendah);
    EXPECT_EQ(ip_asn_category(r, 0), C::sangat_rendah);
    EXPECT_EQ(issues_of([&] { ip_asn_category(r, 100.001); })[0].rule, "ip_asn.range");
    EXPECT_EQ(issues_of([&] { ip_asn_category(r, kNaN); })[0].rule, "ip_asn.range");
}

TEST(AppraisalIpAsn, AgencyWeightsRescaleTheDimensions) {
    RuleSet r("agency", "Peraturan Gubernur (example)", "1");
    IpAsnRules ip = rs("perban-8-2019").ip_asn();
    ip.weights = IpAsnWeights{0.2, 0.4, 0.3, 0.1};
    r.set_ip_asn(ip);
    const auto s = score(r, {{Education::S3, PositionClass::pelaksana, 0, false, false, false, Predikat::baik,
                              Discipline::ringan}});
    EXPECT_NEAR(s.ip_kualifikasi[0], 20, kTol);  // full kualifikasi is now 20 points
    EXPECT_NEAR(s.ip_disiplin[0], 6, kTol);      // 3 of 5 points of a 10-point dimension
    EXPECT_NEAR(s.ip_asn[0], 20 + 0 + 25 + 6, kTol);
}

TEST(AppraisalIpAsn, LargeInputsGiveTheSameCategoriesAsSingleScores) {
    // Above 4096 rows the categories come from a table of every combination; they must agree.
    const RuleSet& r = rs("perban-8-2019");
    std::mt19937 gen(8);
    const std::size_t n = 5000;
    std::vector<std::uint8_t> e(n), pc(n), l(n), f(n), s(n), p(n), d(n);
    std::vector<double> h(n);
    for (std::size_t i = 0; i < n; ++i) {
        e[i] = static_cast<std::uint8_t>(gen() % 10); pc[i] = static_cast<std::uint8_t>(gen() % 7);
        l[i] = static_cast<std::uint8_t>(gen() % 2); f[i] = static_cast<std::uint8_t>(gen() % 2);
        s[i] = static_cast<std::uint8_t>(gen() % 2); p[i] = static_cast<std::uint8_t>(gen() % 5);
        d[i] = static_cast<std::uint8_t>(gen() % 4); h[i] = static_cast<double>(gen() % 400) / 10;
    }
    const auto big = ip_asn(r, IpAsnInputs{e, pc, h, l, f, s, p, d});
    for (std::size_t i = 0; i < n; ++i) {
        ASSERT_EQ(big.ip_asn_category[i], c(ip_asn_category(r, big.ip_asn[i]))) << i;
        ASSERT_EQ(big.ip_asn[i], big.ip_kualifikasi[i] + big.ip_kompetensi[i] + big.ip_kinerja[i] + big.ip_disiplin[i]);
    }
    // A category table starting at 10: combinations below it exist but not in the data, so no error...
    RuleSet custom("custom", "test", "1");
    IpAsnRules ip = r.ip_asn();
    ip.categories.min = 10;
    ip.categories.bands[0].from = 10;
    custom.set_ip_asn(ip);
    std::fill(e.begin(), e.end(), c(Education::S3));
    EXPECT_NO_THROW(ip_asn(custom, IpAsnInputs{e, pc, h, l, f, s, p, d}));
    // ...until one row scores below it (SD, nothing met, sangat_kurang, berat: 1 + 0 + 5 + 1 = 7).
    e[4321] = c(Education::SD); pc[4321] = c(PositionClass::pelaksana); h[4321] = 0; s[4321] = 0;
    p[4321] = c(Predikat::sangat_kurang); d[4321] = c(Discipline::berat);
    const auto is = issues_of([&] { ip_asn(custom, IpAsnInputs{e, pc, h, l, f, s, p, d}); });
    ASSERT_FALSE(is.empty());
    EXPECT_EQ(is[0].rule, "ip_asn.range");
    EXPECT_EQ(is[0].field, "ip_asn");
    EXPECT_EQ(is[0].row, 4322);
    EXPECT_EQ(is[0].value, "7");
    for (auto* v : {&e, &pc, &l, &f, &s, &p, &d}) v->erase(v->begin(), v->begin() + 4318);  // 682 rows: no table
    h.erase(h.begin(), h.begin() + 4318);
    const auto small = issues_of([&] { ip_asn(custom, IpAsnInputs{e, pc, h, l, f, s, p, d}); });
    ASSERT_FALSE(small.empty());
    EXPECT_EQ(small[0].row, 4);
}

TEST(AppraisalIpAsn, RefusesBadCodesFlagsAndHours) {
    const RuleSet& r = rs("perban-8-2019");
    std::vector<std::uint8_t> e{7, 10}, pc{5, 5}, l{0, 0}, f{0, 0}, s{0, 2}, p{1, 5}, d{0, 0};
    std::vector<double> h{-1, 3};
    const auto is = issues_of([&] { ip_asn(r, IpAsnInputs{e, pc, h, l, f, s, p, d}); });
    ASSERT_EQ(is.size(), 4u);
    EXPECT_EQ(is[0].rule, "education.known");
    EXPECT_EQ(is[0].row, 2);
    EXPECT_EQ(is[1].rule, "training_hours.non_negative");
    EXPECT_EQ(is[1].row, 1);
    EXPECT_EQ(is[2].rule, "has_seminar.known");
    EXPECT_EQ(is[3].rule, "predikat.known");
    h = {std::numeric_limits<double>::infinity(), 3};
    e[1] = 7; s[1] = 0; p[1] = 1;
    EXPECT_EQ(issues_of([&] { ip_asn(r, IpAsnInputs{e, pc, h, l, f, s, p, d}); })[0].rule, "training_hours.non_negative");
    d.pop_back();
    EXPECT_EQ(issues_of([&] { ip_asn(r, IpAsnInputs{e, pc, h, l, f, s, p, d}); })[0].rule, "input.length");
}

// ----- PermenPANRB 3/2020: talent 9-box ---------------------------------------------------------

TEST(AppraisalTalent, AllNineBoxes_PermenPANRB_3_2020) {
    const RuleSet& r = rs("permenpanrb-3-2020");
    using R = Rating;
    using P = Potential;
    EXPECT_EQ(talent_box(r, R::di_bawah, P::rendah), 1);
    EXPECT_EQ(talent_box(r, R::sesuai, P::rendah), 2);
    EXPECT_EQ(talent_box(r, R::di_bawah, P::menengah), 3);
    EXPECT_EQ(talent_box(r, R::di_atas, P::rendah), 4);
    EXPECT_EQ(talent_box(r, R::sesuai, P::menengah), 5);
    EXPECT_EQ(talent_box(r, R::di_bawah, P::tinggi), 6);
    EXPECT_EQ(talent_box(r, R::di_atas, P::menengah), 7);
    EXPECT_EQ(talent_box(r, R::sesuai, P::tinggi), 8);
    EXPECT_EQ(talent_box(r, R::di_atas, P::tinggi), 9);
    EXPECT_EQ(talent_action(r, 1), "Diproses sesuai ketentuan peraturan perundang-undangan");
    EXPECT_EQ(talent_action(r, 9).rfind("Dipromosikan dan dipertahankan", 0), 0u);
    EXPECT_EQ(talent_action(r, 4), "Rotasi; pengembangan kompetensi");
    EXPECT_THROW(talent_action(r, 0), NotFoundError);
    EXPECT_THROW(talent_action(r, 10), NotFoundError);
    // Bulk, levels given.
    TalentInputs in;
    const std::vector<std::uint8_t> perf{0, 1, 0, 2, 1, 0, 2, 1, 2}, pot{0, 0, 1, 0, 1, 2, 1, 2, 2};
    in.performance = perf;
    in.potential_level = pot;
    EXPECT_EQ(talent_box(r, in), (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(AppraisalTalent, PotentialCutOffsAndPredikatMapping) {
    const RuleSet& r = rs("permenpanrb-3-2020");
    EXPECT_EQ(potential_level(r, 77.99), Potential::rendah);
    EXPECT_EQ(potential_level(r, 78), Potential::menengah);
    EXPECT_EQ(potential_level(r, 89.99), Potential::menengah);
    EXPECT_EQ(potential_level(r, 90), Potential::tinggi);
    EXPECT_EQ(potential_level(r, 100), Potential::tinggi);
    EXPECT_EQ(issues_of([&] { potential_level(r, 100.5); })[0].rule, "potential.range");
    TalentInputs in;
    const std::vector<std::uint8_t> pred{c(Predikat::sangat_baik), c(Predikat::baik), c(Predikat::kurang)};
    const std::vector<double> pot{95, 80, 50};
    in.predikat = pred;
    in.potential = pot;
    EXPECT_EQ(talent_box(r, in), (std::vector<std::uint8_t>{9, 5, 1}));
    in.performance = pred;  // both axes given twice
    EXPECT_EQ(issues_of([&] { talent_box(r, in); })[0].rule, "input.choice");
    in.performance = {};
    const std::vector<double> bad{95, -1, 50};
    in.potential = bad;
    EXPECT_EQ(issues_of([&] { talent_box(r, in); })[0].row, 2);
}

// ----- PermenPANRB 1/2023: angka kredit ---------------------------------------------------------

TEST(AppraisalAngkaKredit, PercentTimesKoefisienTimesMonths_PermenPANRB_1_2023) {
    const RuleSet& r = rs("permenpanrb-1-2023");
    EXPECT_EQ(angka_kredit(r, Predikat::baik, PositionLevel::ahli_pertama), 12.5);
    EXPECT_EQ(angka_kredit(r, Predikat::sangat_baik, PositionLevel::ahli_madya), 56.25);  // 150 % x 37.5
    EXPECT_EQ(angka_kredit(r, Predikat::butuh_perbaikan, PositionLevel::ahli_muda, 6), 9.375);
    EXPECT_EQ(angka_kredit(r, Predikat::sangat_kurang, PositionLevel::pemula, 12), 0.9375);
    EXPECT_TRUE(std::isnan(angka_kredit(r, Predikat::baik, PositionLevel::none)));
    EXPECT_EQ(issues_of([&] { angka_kredit(r, Predikat::baik, PositionLevel::mahir, 13); })[0].rule, "months.range");
    const std::vector<std::uint8_t> p{1, 0, 3}, l{1, 0, 8}, m{12, 12, 3};
    const auto ak = angka_kredit(r, p, l, m);
    EXPECT_EQ(ak[0], 12.5);
    EXPECT_TRUE(std::isnan(ak[1]));
    EXPECT_EQ(ak[2], 0.5 * 25 * 3 / 12);
    const std::vector<std::uint8_t> m0{12, 0, 12};
    EXPECT_EQ(issues_of([&] { angka_kredit(r, p, l, m0); })[0].row, 2);
}

// ----- rewards and coaching ---------------------------------------------------------------------

TEST(AppraisalPolicy, RewardAndCoachingListsWithReasons) {
    const RuleSet& r = rs("permenpanrb-3-2020");
    using P = Predikat;
    const std::vector<std::uint8_t> pred{c(P::sangat_baik), c(P::baik), c(P::baik), c(P::kurang), c(P::baik), c(P::baik)};
    const std::vector<std::uint8_t> box{9, 8, 4, 3, 5, 2};
    const auto lists = policy_lists(r, pred, box);
    ASSERT_EQ(lists.reward.size(), 2u);
    EXPECT_EQ(lists.reward[0].index, 0u);
    EXPECT_TRUE(lists.reward[0].by_predikat && lists.reward[0].by_box);
    EXPECT_EQ(lists.reward[0].reason, "predikat sangat_baik; talent box 9");
    EXPECT_EQ(lists.reward[1].index, 1u);
    EXPECT_EQ(lists.reward[1].reason, "talent box 8");
    ASSERT_EQ(lists.coaching.size(), 2u);
    EXPECT_EQ(lists.coaching[0].index, 3u);
    EXPECT_EQ(lists.coaching[0].reason, "predikat kurang; talent box 3");
    EXPECT_EQ(lists.coaching[1].index, 5u);
    EXPECT_EQ(lists.coaching[1].reason, "talent box 2");
    // Boxes 4 and 5 with predikat baik are on neither list; predikat alone is enough.
    EXPECT_EQ(policy_lists(r, pred, {}).coaching.size(), 1u);
    EXPECT_EQ(issues_of([&] { policy_lists(r, pred, std::vector<std::uint8_t>{9, 8, 4, 0, 5, 2}); })[0].rule,
              "talent_box.range");
}

// ----- PermenPANRB 6/2022: distribution check ---------------------------------------------------

namespace {
using Counts = std::array<std::size_t, 5>;  // sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang
std::size_t moved(const DistributionCheck& d) {
    std::size_t k = 0;
    for (const auto& ch : d.changes) k += ch.count;
    return k;
}
std::size_t steps(const DistributionCheck& d) {
    std::size_t k = 0;
    for (const auto& ch : d.changes) k += ch.count * static_cast<std::size_t>(std::abs(int(c(ch.from)) - int(c(ch.to))));
    return k;
}
}  // namespace

TEST(AppraisalDistribution, Istimewa_PermenPANRB_6_2022) {
    const RuleSet& r = rs("permenpanrb-6-2022");
    EXPECT_TRUE(check_distribution(r, OrgPredikat::istimewa, Counts{7, 3, 0, 0, 0}).ok());
    EXPECT_TRUE(check_distribution(r, OrgPredikat::istimewa, Counts{2, 3, 2, 2, 1}).ok());
    const auto d = check_distribution(r, OrgPredikat::istimewa, Counts{8, 2, 0, 0, 0});
    ASSERT_EQ(d.violations.size(), 1u);
    EXPECT_EQ(d.violations[0].bound, DistributionBound::max_share);
    EXPECT_EQ(d.violations[0].required_count, 7u);
    EXPECT_EQ(d.violations[0].actual_count, 8u);
    EXPECT_EQ(d.violations[0].message, "at most 70% (7 of 10) sangat_baik; actual 8 (80%)");
    ASSERT_EQ(d.changes.size(), 1u);
    EXPECT_EQ(d.changes[0].from, Predikat::sangat_baik);
    EXPECT_EQ(d.changes[0].to, Predikat::baik);
    EXPECT_EQ(d.changes[0].count, 1u);
    EXPECT_EQ(d.suggested_counts, (Counts{7, 3, 0, 0, 0}));
}

TEST(AppraisalDistribution, Baik_PermenPANRB_6_2022) {
    const RuleSet& r = rs("permenpanrb-6-2022");
    EXPECT_TRUE(check_distribution(r, OrgPredikat::baik, Counts{1, 7, 1, 0, 1}).ok());
    EXPECT_TRUE(check_distribution(r, OrgPredikat::baik, Counts{0, 5, 0, 5, 0}).ok());
    const auto d = check_distribution(r, OrgPredikat::baik, Counts{0, 10, 0, 0, 0});
    ASSERT_EQ(d.violations.size(), 2u);  // at most 70 % baik; some butuh_perbaikan and/or kurang
    EXPECT_EQ(d.violations[1].bound, DistributionBound::min_count);
    EXPECT_EQ(d.violations[1].message, "at least 1 butuh_perbaikan or kurang; actual 0 (0%)");
    ASSERT_EQ(d.changes.size(), 1u);
    EXPECT_EQ(d.changes[0].from, Predikat::baik);
    EXPECT_EQ(d.changes[0].to, Predikat::butuh_perbaikan);
    EXPECT_EQ(d.changes[0].count, 3u);
    EXPECT_EQ(d.changes[0].reason, "at most 70% (7 of 10) baik; at least 1 butuh_perbaikan or kurang");
    // Too many baik but already some kurang: only the share rule breaks.
    const auto e = check_distribution(r, OrgPredikat::baik, Counts{0, 9, 0, 1, 0});
    ASSERT_EQ(e.violations.size(), 1u);
    EXPECT_EQ(moved(e), 2u);
}

TEST(AppraisalDistribution, ButuhPerbaikan_PermenPANRB_6_2022) {
    const RuleSet& r = rs("permenpanrb-6-2022");
    EXPECT_TRUE(check_distribution(r, OrgPredikat::butuh_perbaikan, Counts{1, 3, 6, 0, 0}).ok());
    const auto d = check_distribution(r, OrgPredikat::butuh_perbaikan, Counts{2, 3, 5, 0, 0});
    ASSERT_EQ(d.violations.size(), 2u);  // min 60 % butuh_perbaikan, max 10 % sangat_baik
    ASSERT_EQ(d.changes.size(), 1u);     // one sangat_baik to butuh_perbaikan repairs both
    EXPECT_EQ(d.changes[0].from, Predikat::sangat_baik);
    EXPECT_EQ(d.changes[0].to, Predikat::butuh_perbaikan);
    EXPECT_EQ(d.changes[0].count, 1u);
    EXPECT_EQ(d.suggested_counts, (Counts{1, 3, 6, 0, 0}));
}

TEST(AppraisalDistribution, Kurang_PermenPANRB_6_2022) {
    const RuleSet& r = rs("permenpanrb-6-2022");
    EXPECT_TRUE(check_distribution(r, OrgPredikat::kurang, Counts{1, 2, 1, 6, 0}).ok());
    const auto d = check_distribution(r, OrgPredikat::kurang, Counts{0, 10, 0, 0, 0});
    ASSERT_EQ(d.violations.size(), 2u);
    EXPECT_EQ(moved(d), 7u);
    EXPECT_EQ(d.suggested_counts, (Counts{0, 3, 1, 6, 0}));
    EXPECT_TRUE(check_distribution(r, OrgPredikat::kurang, d.suggested_counts).ok());
    EXPECT_FALSE(check_distribution(r, OrgPredikat::kurang, Counts{2, 2, 1, 6, 0}).ok());  // 18 % sangat_baik
}

TEST(AppraisalDistribution, SangatKurang_PermenPANRB_6_2022) {
    const RuleSet& r = rs("permenpanrb-6-2022");
    EXPECT_TRUE(check_distribution(r, OrgPredikat::sangat_kurang, Counts{0, 3, 0, 1, 6}).ok());
    const auto d = check_distribution(r, OrgPredikat::sangat_kurang, Counts{1, 4, 0, 0, 5});
    ASSERT_EQ(d.violations.size(), 3u);
    EXPECT_EQ(d.violations[2].message, "no sangat_baik; actual 1 (10%)");
    EXPECT_EQ(moved(d), 2u);
    EXPECT_EQ(steps(d), 5u);
    EXPECT_TRUE(check_distribution(r, OrgPredikat::sangat_kurang, d.suggested_counts).ok());
    // One employee cannot be both 60 % sangat_kurang and 10 % kurang/butuh_perbaikan.
    const auto one = check_distribution(r, OrgPredikat::sangat_kurang, Counts{0, 1, 0, 0, 0});
    EXPECT_FALSE(one.ok());
    EXPECT_FALSE(one.satisfiable);
    EXPECT_TRUE(one.changes.empty());
    EXPECT_TRUE(check_distribution(r, OrgPredikat::sangat_kurang, Counts{0, 0, 0, 0, 0}).ok());
}

TEST(AppraisalDistribution, SuggestionIsTheSmallestChangeAgainstBruteForce) {
    const RuleSet& r = rs("permenpanrb-6-2022");
    std::mt19937 gen(20220406);
    for (int trial = 0; trial < 300; ++trial) {
        const std::size_t n = 1 + gen() % 9;
        Counts cur{};
        for (std::size_t i = 0; i < n; ++i) ++cur[gen() % 5];
        const auto org = static_cast<OrgPredikat>(gen() % 5);
        const auto d = check_distribution(r, org, cur);
        // Brute force over every distribution of n employees: fewest moves, then fewest steps.
        std::size_t best_moves = SIZE_MAX, best_steps = SIZE_MAX;
        Counts x{};
        for (x[0] = 0; x[0] <= n; ++x[0])
            for (x[1] = 0; x[0] + x[1] <= n; ++x[1])
                for (x[2] = 0; x[0] + x[1] + x[2] <= n; ++x[2])
                    for (x[3] = 0; x[0] + x[1] + x[2] + x[3] <= n; ++x[3]) {
                        x[4] = n - x[0] - x[1] - x[2] - x[3];
                        if (!check_distribution(r, org, x).ok()) continue;
                        std::size_t mv = 0, st = 0;
                        long long pc = 0, px = 0;
                        for (std::size_t p = 0; p < 5; ++p) {
                            mv += cur[p] > x[p] ? cur[p] - x[p] : 0;
                            pc += static_cast<long long>(cur[p]);
                            px += static_cast<long long>(x[p]);
                            st += static_cast<std::size_t>(std::llabs(pc - px));
                        }
                        if (mv < best_moves || (mv == best_moves && st < best_steps)) { best_moves = mv; best_steps = st; }
                    }
        SCOPED_TRACE("org " + std::string(to_text(org)) + " n " + std::to_string(n));
        if (best_moves == SIZE_MAX) {
            EXPECT_FALSE(d.satisfiable);
            continue;
        }
        EXPECT_TRUE(d.satisfiable);
        EXPECT_EQ(moved(d), best_moves);
        EXPECT_EQ(steps(d), best_steps);
        EXPECT_TRUE(check_distribution(r, org, d.suggested_counts).ok());
        EXPECT_EQ(d.ok(), best_moves == 0);
    }
}

// ----- a whole workforce ------------------------------------------------------------------------

namespace {
Workforce sample_workforce() {
    Workforce wf(penata::testing::small_units());
    const char* units[] = {"BKD", "BKD-MUTASI", "BKD-MUTASI", "DIKBUD", "DIKBUD", "PROV"};
    const PositionClass pcs[] = {PositionClass::administrator, PositionClass::fungsional, PositionClass::pelaksana,
                                 PositionClass::fungsional, PositionClass::pelaksana, PositionClass::jpt_pratama};
    for (std::size_t i = 0; i < 6; ++i) {
        Employee e = penata::testing::pns();
        e.nip += i;  // sequence 001..006
        e.unit_code = units[i];
        e.position_class = pcs[i];
        e.position_level = pcs[i] == PositionClass::fungsional ? PositionLevel::ahli_pertama : PositionLevel::none;
        e.education = i == 5 ? Education::S3 : Education::S1;
        e.training_hours = 10.0 * static_cast<double>(i);
        wf.add(e);
    }
    return wf;
}
}  // namespace

TEST(AppraisalWorkforce, AppraisesEveryOutputAndSummarisesUnits) {
    const Workforce wf = sample_workforce();
    const RuleSet r = RuleSet::builtin("default");
    const std::vector<std::uint8_t> hasil{2, 1, 0, 2, 1, 1}, perilaku{2, 1, 0, 1, 0, 2};
    const std::vector<std::uint8_t> lead{1, 0, 0, 0, 0, 1}, func{0, 1, 0, 1, 0, 0}, sem{1, 1, 0, 0, 1, 1};
    const std::vector<double> pot{95, 80, 50, 92, 70, 85};
    AppraisalInputs in;
    in.rating_hasil_kerja = hasil;
    in.rating_perilaku = perilaku;
    in.has_leadership_training = lead;
    in.has_functional_training = func;
    in.has_seminar = sem;
    in.potential = pot;
    const Appraisal a = appraise(wf, r, in);
    using P = Predikat;
    EXPECT_EQ(a.predikat, (std::vector<std::uint8_t>{c(P::sangat_baik), c(P::baik), c(P::sangat_kurang), c(P::baik),
                                                     c(P::kurang), c(P::baik)}));
    ASSERT_EQ(a.ip_asn.ip_asn.size(), 6u);
    EXPECT_EQ(a.ip_asn.ip_asn[0], 15 + 15 + 10 + 30 + 5);  // S1, 0 JP, leadership + seminar, sangat_baik
    EXPECT_EQ(a.ip_asn.ip_asn[1], 15 + 15 + 10 + 25 + 5);  // fungsional, 10 JP: no diklat teknis
    EXPECT_EQ(a.ip_asn.ip_asn[2], 15 + 22.5 + 5 + 5);      // pelaksana, 20 JP
    EXPECT_EQ(a.talent_box, (std::vector<std::uint8_t>{9, 5, 1, 8, 1, 5}));
    ASSERT_EQ(a.angka_kredit.size(), 6u);
    EXPECT_EQ(a.angka_kredit[1], 12.5);
    EXPECT_EQ(a.angka_kredit[3], 12.5);
    EXPECT_TRUE(std::isnan(a.angka_kredit[0]));
    ASSERT_EQ(a.policy.reward.size(), 2u);
    EXPECT_EQ(a.policy.reward[0].nip, 198609262015051001ULL);
    EXPECT_EQ(a.policy.reward[1].index, 3u);
    EXPECT_EQ(a.policy.reward[1].nip, 198609262015051004ULL);
    ASSERT_EQ(a.policy.coaching.size(), 2u);
    EXPECT_EQ(a.policy.coaching[1].reason, "predikat kurang; talent box 1");

    const auto units = summarise_units(wf, a);
    const auto& prov = units[wf.units().at("PROV")];
    EXPECT_EQ(prov.employees, 6u);
    EXPECT_EQ(prov.predikat_counts, (std::array<std::size_t, 5>{1, 3, 0, 1, 1}));
    EXPECT_DOUBLE_EQ(prov.predikat_share(P::baik), 0.5);
    EXPECT_EQ(prov.box_counts[0], 2u);
    const auto& bkd = units[wf.units().at("BKD")];
    EXPECT_EQ(bkd.employees, 3u);
    EXPECT_DOUBLE_EQ(bkd.mean_ip_asn, (a.ip_asn.ip_asn[0] + a.ip_asn.ip_asn[1] + a.ip_asn.ip_asn[2]) / 3);
    EXPECT_EQ(summarise_units(wf, a, false)[wf.units().at("BKD")].employees, 1u);

    // The distribution of BKD (with Bidang Mutasi) against an organisational predikat of Baik.
    const auto d = check_distribution(r, OrgPredikat::baik, wf, "BKD", a.predikat);
    EXPECT_EQ(d.employees, 3u);
    EXPECT_EQ(d.counts, (std::array<std::size_t, 5>{1, 1, 0, 0, 1}));
    ASSERT_EQ(d.violations.size(), 1u);  // there must be some butuh_perbaikan and/or kurang
    ASSERT_EQ(d.changes.size(), 1u);
    EXPECT_EQ(d.changes[0].count, 1u);
    EXPECT_EQ(d.changes[0].from, Predikat::baik);  // one step down (sangat_kurang -> kurang would be an upgrade)
    EXPECT_EQ(d.changes[0].to, Predikat::butuh_perbaikan);
}

TEST(AppraisalWorkforce, SelectionsGivenPredikatAndMissingInputs) {
    const Workforce wf = sample_workforce();
    const RuleSet r = RuleSet::builtin("default");
    const std::vector<std::uint8_t> pred{0, 1, 2, 3, 4, 1};
    AppraisalInputs in;
    in.predikat = pred;
    const std::vector<std::uint32_t> rows{4, 1};
    const Appraisal a = appraise(wf, r, in, rows);
    EXPECT_EQ(a.rows, rows);
    EXPECT_EQ(a.predikat, (std::vector<std::uint8_t>{4, 1}));
    EXPECT_TRUE(a.ip_asn.ip_asn.empty());
    EXPECT_TRUE(a.talent_box.empty());
    ASSERT_EQ(a.angka_kredit.size(), 2u);
    EXPECT_TRUE(std::isnan(a.angka_kredit[0]));
    EXPECT_EQ(a.angka_kredit[1], 12.5);
    ASSERT_EQ(a.policy.coaching.size(), 1u);
    EXPECT_EQ(a.policy.coaching[0].index, 4u);
    const auto units = summarise_units(wf, a);
    EXPECT_EQ(units[wf.units().at("PROV")].employees, 2u);
    EXPECT_TRUE(std::isnan(units[wf.units().at("PROV")].mean_ip_asn));

    const std::vector<std::uint8_t> flags(6, 0);
    AppraisalInputs only_one;
    only_one.predikat = pred;
    only_one.has_seminar = flags;
    EXPECT_EQ(issues_of([&] { appraise(wf, r, only_one); })[0].rule, "input.required");
    AppraisalInputs short_col;
    const std::vector<std::uint8_t> five(5, 0);
    short_col.predikat = five;
    EXPECT_EQ(issues_of([&] { appraise(wf, r, short_col); })[0].rule, "input.length");
    AppraisalInputs talent_without_section;
    const std::vector<double> pot(6, 50);
    talent_without_section.predikat = pred;
    talent_without_section.potential = pot;
    EXPECT_EQ(issues_of([&] { appraise(wf, rs("permenpanrb-6-2022"), talent_without_section); })[0].rule,
              "ruleset.section_missing");
    const std::vector<std::uint32_t> bad_rows{6};
    EXPECT_EQ(issues_of([&] { appraise(wf, r, in, bad_rows); })[0].rule, "input.row_range");
}

// ----- the fused pass of appraise() against the bulk calls ---------------------------------------

namespace {
/// Bit-for-bit equality (NaN equal to NaN).
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}
void expect_same_issues(const std::vector<Issue>& got, const std::vector<Issue>& want) {
    ASSERT_EQ(got.size(), want.size());
    ASSERT_FALSE(want.empty());
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].row, want[i].row) << i;
        EXPECT_EQ(got[i].field, want[i].field) << i;
        EXPECT_EQ(got[i].value, want[i].value) << i;
        EXPECT_EQ(got[i].rule, want[i].rule) << i;
        EXPECT_EQ(got[i].message, want[i].message) << i;
    }
}
template <class T> std::vector<T> picked(const std::vector<T>& col, const std::vector<std::uint32_t>& rows) {
    std::vector<T> out;
    for (auto r : rows) out.push_back(col[r]);
    return out;
}

/// A synthetic workforce of 9000 (several blocks of the fused pass, a partial last one, and above
/// the size where IP ASN categories are tabulated) with its synthetic appraisal inputs.
struct Big {
    Workforce wf = bengkulu_sample(SampleOptions{9000, 3, 2025});
    SampleAppraisal s = sample_appraisal_inputs(wf, 5);
    AppraisalInputs inputs() const {
        AppraisalInputs in;
        in.rating_hasil_kerja = s.rating_hasil_kerja;
        in.rating_perilaku = s.rating_perilaku;
        in.has_leadership_training = s.has_leadership_training;
        in.has_functional_training = s.has_functional_training;
        in.has_seminar = s.has_seminar;
        in.potential = s.potential;
        return in;
    }
    IpAsnInputs ip(const std::vector<std::uint8_t>& pred) const {
        return IpAsnInputs{wf.education(), wf.position_class(), wf.training_hours(), s.has_leadership_training,
                           s.has_functional_training, s.has_seminar, pred, wf.discipline()};
    }
};
const Big& big() {
    static const Big b;
    return b;
}
}  // namespace

TEST(AppraisalFused, AgreesWithTheBulkCallsOnEveryOutput) {
    const Big& b = big();
    const RuleSet r = RuleSet::builtin("default");
    const Appraisal a = appraise(b.wf, r, b.inputs());
    const auto pred = predikat(r, b.s.rating_hasil_kerja, b.s.rating_perilaku);
    EXPECT_EQ(a.predikat, pred);
    const IpAsnScores ip = ip_asn(r, b.ip(pred));
    EXPECT_TRUE(same_bits(a.ip_asn.ip_asn, ip.ip_asn));
    EXPECT_TRUE(same_bits(a.ip_asn.ip_kualifikasi, ip.ip_kualifikasi));
    EXPECT_TRUE(same_bits(a.ip_asn.ip_kompetensi, ip.ip_kompetensi));
    EXPECT_TRUE(same_bits(a.ip_asn.ip_kinerja, ip.ip_kinerja));
    EXPECT_TRUE(same_bits(a.ip_asn.ip_disiplin, ip.ip_disiplin));
    EXPECT_EQ(a.ip_asn.ip_asn_category, ip.ip_asn_category);
    TalentInputs ti;
    ti.predikat = pred;
    ti.potential = b.s.potential;
    EXPECT_EQ(a.talent_box, talent_box(r, ti));
    EXPECT_TRUE(same_bits(a.angka_kredit, angka_kredit(r, pred, b.wf.position_level())));
    const PolicyLists pl = policy_lists(r, pred, a.talent_box);
    ASSERT_EQ(a.policy.reward.size(), pl.reward.size());
    ASSERT_EQ(a.policy.coaching.size(), pl.coaching.size());
    for (std::size_t i = 0; i < pl.coaching.size(); ++i) {
        EXPECT_EQ(a.policy.coaching[i].index, pl.coaching[i].index);
        EXPECT_EQ(a.policy.coaching[i].nip, b.wf.nip()[pl.coaching[i].index]);
        EXPECT_EQ(a.policy.coaching[i].reason, pl.coaching[i].reason);
    }
    // Every category agrees with the single-score classification as well.
    for (std::size_t i = 0; i < a.ip_asn.ip_asn.size(); i += 7)
        ASSERT_EQ(a.ip_asn.ip_asn_category[i], c(ip_asn_category(r, a.ip_asn.ip_asn[i]))) << i;
}

TEST(AppraisalFused, GivenPredikatPerformanceLevelsMonthsAndRowSelections) {
    const Big& b = big();
    const RuleSet r = RuleSet::builtin("default");
    const std::size_t n = b.wf.size();
    std::mt19937 gen(11);
    std::vector<std::uint8_t> pred(n), perf(n), level(n), months(n);
    for (std::size_t i = 0; i < n; ++i) {
        pred[i] = static_cast<std::uint8_t>(gen() % 5);
        perf[i] = static_cast<std::uint8_t>(gen() % 3);
        level[i] = static_cast<std::uint8_t>(gen() % 3);
        months[i] = static_cast<std::uint8_t>(1 + gen() % 12);
    }
    AppraisalInputs in = b.inputs();
    in.predikat = pred;  // used instead of the ratings
    in.performance = perf;
    in.potential = {};
    in.potential_level = level;
    in.months = months;
    const Appraisal a = appraise(b.wf, r, in);
    EXPECT_EQ(a.predikat, pred);
    const IpAsnScores ip = ip_asn(r, b.ip(pred));
    EXPECT_TRUE(same_bits(a.ip_asn.ip_asn, ip.ip_asn));
    EXPECT_EQ(a.ip_asn.ip_asn_category, ip.ip_asn_category);
    TalentInputs ti;
    ti.performance = perf;
    ti.potential_level = level;
    EXPECT_EQ(a.talent_box, talent_box(r, ti));
    EXPECT_TRUE(same_bits(a.angka_kredit, angka_kredit(r, pred, b.wf.position_level(), months)));

    // A selection (repeats allowed, under the tabulation size) gives the rows of the full appraisal.
    std::vector<std::uint32_t> rows(3001);
    for (auto& x : rows) x = static_cast<std::uint32_t>(gen() % n);
    const Appraisal full = appraise(b.wf, r, b.inputs());
    const Appraisal sel = appraise(b.wf, r, b.inputs(), rows);
    EXPECT_EQ(sel.rows, rows);
    EXPECT_EQ(sel.predikat, picked(full.predikat, rows));
    EXPECT_TRUE(same_bits(sel.ip_asn.ip_asn, picked(full.ip_asn.ip_asn, rows)));
    EXPECT_TRUE(same_bits(sel.ip_asn.ip_kompetensi, picked(full.ip_asn.ip_kompetensi, rows)));
    EXPECT_EQ(sel.ip_asn.ip_asn_category, picked(full.ip_asn.ip_asn_category, rows));
    EXPECT_EQ(sel.talent_box, picked(full.talent_box, rows));
    EXPECT_TRUE(same_bits(sel.angka_kredit, picked(full.angka_kredit, rows)));
    ASSERT_FALSE(sel.policy.reward.empty());
    for (const auto& e : sel.policy.reward) EXPECT_EQ(e.nip, b.wf.nip()[e.index]);
}

TEST(AppraisalFused, CallerBuffersOnlyTheOutputsAsked) {
    const Big& b = big();
    const RuleSet r = RuleSet::builtin("default");
    const std::size_t n = b.wf.size();
    const AppraisalOutputs o = appraisal_outputs(r, b.inputs());
    EXPECT_TRUE(o.predikat && o.ip_asn && o.talent_box && o.angka_kredit && o.policy);
    AppraisalInputs pred_only;
    pred_only.rating_hasil_kerja = b.s.rating_hasil_kerja;
    pred_only.rating_perilaku = b.s.rating_perilaku;
    const AppraisalOutputs p = appraisal_outputs(rs("permenpanrb-6-2022"), pred_only);
    EXPECT_TRUE(p.predikat);
    EXPECT_FALSE(p.ip_asn || p.talent_box || p.angka_kredit || p.policy);

    const Appraisal full = appraise(b.wf, r, b.inputs());
    // Only IP ASN and the box (no predikat buffer) plus the policy lists.
    std::vector<double> ip(n, -1), komp(n, -1);
    std::vector<std::uint8_t> box(n, 0), cat(n, 0xEE);
    PolicyLists pol;
    AppraisalBuffers buf;
    buf.ip_asn.ip_asn = ip.data();
    buf.ip_asn.kompetensi = komp.data();
    buf.talent_box = box.data();
    buf.policy = &pol;
    appraise(b.wf, r, b.inputs(), {}, buf);
    EXPECT_TRUE(same_bits(ip, full.ip_asn.ip_asn));
    EXPECT_TRUE(same_bits(komp, full.ip_asn.ip_kompetensi));
    EXPECT_EQ(box, full.talent_box);
    EXPECT_EQ(pol.reward.size(), full.policy.reward.size());
    EXPECT_EQ(pol.coaching.size(), full.policy.coaching.size());
    EXPECT_EQ(cat, std::vector<std::uint8_t>(n, 0xEE));  // not asked: untouched
    // Empty workforce: nothing to do, nothing written.
    const Workforce empty(penata::testing::small_units());
    std::uint8_t sentinel = 0xAB;
    AppraisalBuffers one;
    one.predikat = &sentinel;
    appraise(empty, r, AppraisalInputs{}, {}, one);
    EXPECT_EQ(sentinel, 0xAB);
}

TEST(AppraisalFused, BadValuesGiveTheErrorsOfTheStagedCalls) {
    const Big& b = big();
    const RuleSet r = RuleSet::builtin("default");
    const std::size_t n = b.wf.size();
    // Ratings: the predikat step reports first, even with a bad potential later on.
    std::vector<std::uint8_t> h = b.s.rating_hasil_kerja, p = b.s.rating_perilaku;
    std::vector<double> pot = b.s.potential;
    h[10] = 9;
    p[5000] = 3;
    p[n - 1] = 200;
    pot[8000] = 100.5;
    AppraisalInputs in = b.inputs();
    in.rating_hasil_kerja = h;
    in.rating_perilaku = p;
    in.potential = pot;
    expect_same_issues(issues_of([&] { appraise(b.wf, r, in); }), issues_of([&] { predikat(r, h, p); }));
    // Good ratings: then IP ASN's inputs, then the potential.
    in.rating_hasil_kerja = b.s.rating_hasil_kerja;
    in.rating_perilaku = b.s.rating_perilaku;
    const auto pred = predikat(r, b.s.rating_hasil_kerja, b.s.rating_perilaku);
    std::vector<std::uint8_t> sem = b.s.has_seminar;
    sem[4097] = 2;
    in.has_seminar = sem;
    IpAsnInputs ii = b.ip(pred);
    ii.has_seminar = sem;
    expect_same_issues(issues_of([&] { appraise(b.wf, r, in); }), issues_of([&] { ip_asn(r, ii); }));
    in.has_seminar = b.s.has_seminar;
    TalentInputs ti;
    ti.predikat = pred;
    ti.potential = pot;
    expect_same_issues(issues_of([&] { appraise(b.wf, r, in); }), issues_of([&] { talent_box(r, ti); }));
    pot[8000] = std::numeric_limits<double>::quiet_NaN();
    expect_same_issues(issues_of([&] { appraise(b.wf, r, in); }), issues_of([&] { talent_box(r, ti); }));
    // Months out of 1..12: angka kredit's errors.
    in.potential = b.s.potential;
    std::vector<std::uint8_t> months(n, 12);
    months[3] = 0;
    months[6000] = 13;
    in.months = months;
    expect_same_issues(issues_of([&] { appraise(b.wf, r, in); }),
                       issues_of([&] { angka_kredit(r, pred, b.wf.position_level(), months); }));
    // A given predikat with a bad code, on a selection: rows count over the selection.
    AppraisalInputs given;
    std::vector<std::uint8_t> gp(n, 1);
    gp[77] = 5;
    given.predikat = gp;
    const std::vector<std::uint32_t> rows{1, 2, 77, 3, 77};
    const auto is = issues_of([&] { appraise(b.wf, r, given, rows); });
    ASSERT_EQ(is.size(), 2u);
    EXPECT_EQ(is[0].row, 3);
    EXPECT_EQ(is[1].row, 5);
    EXPECT_EQ(is[0].rule, "predikat.known");
    // A score outside an agency's category table: IP ASN's error, with its row.
    RuleSet custom = RuleSet::combine("custom", "test", "1", {rs("permenpanrb-6-2022"), rs("permenpanrb-3-2020")});
    IpAsnRules ipr = rs("perban-8-2019").ip_asn();
    ipr.categories.min = 60;
    ipr.categories.bands[0].from = 60;
    custom.set_ip_asn(ipr);
    std::vector<std::uint8_t> lows(n, 0);
    std::vector<std::uint8_t> hl = b.s.rating_hasil_kerja, pl = b.s.rating_perilaku;
    AppraisalInputs low = b.inputs();
    low.has_leadership_training = lows;
    low.has_functional_training = lows;
    low.has_seminar = lows;
    hl[5555] = 0;
    pl[5555] = 0;  // sangat_kurang: 5 kinerja points
    low.rating_hasil_kerja = hl;
    low.rating_perilaku = pl;
    const auto pred_low = predikat(custom, hl, pl);
    IpAsnInputs il = b.ip(pred_low);
    il.has_leadership_training = lows;
    il.has_functional_training = lows;
    il.has_seminar = lows;
    const auto want = issues_of([&] { ip_asn(custom, il); });
    ASSERT_EQ(want.size(), 1u);
    EXPECT_EQ(want[0].rule, "ip_asn.range");
    expect_same_issues(issues_of([&] { appraise(b.wf, custom, low); }), want);
}

TEST(AppraisalFused, TwoThreadsGiveTheSameResultsAndErrors) {
    // 300,001 selected rows (repeats allowed) are enough for the second thread.
    const Big& b = big();
    const RuleSet r = RuleSet::builtin("default");
    std::mt19937 gen(5);
    std::vector<std::uint32_t> rows(300001);
    for (auto& x : rows) x = static_cast<std::uint32_t>(gen() % b.wf.size());
    const std::size_t n = rows.size();
    struct Out {
        std::vector<std::uint8_t> pred, cat, box;
        std::vector<double> ip, d1, d2, d3, d4, ak;
        PolicyLists policy;
        AppraisalBuffers buffers() {
            for (auto* v : {&pred, &cat, &box}) v->assign(300001, 0xEE);
            for (auto* v : {&ip, &d1, &d2, &d3, &d4, &ak}) v->assign(300001, -1.0);
            AppraisalBuffers x;
            x.predikat = pred.data();
            x.talent_box = box.data();
            x.angka_kredit = ak.data();
            x.ip_asn = IpAsnBuffers{ip.data(), d1.data(), d2.data(), d3.data(), d4.data(), cat.data()};
            x.policy = &policy;
            return x;
        }
    } one, two;
    appraise(b.wf, r, b.inputs(), rows, one.buffers(), 1);
    appraise(b.wf, r, b.inputs(), rows, two.buffers(), 0);
    ASSERT_EQ(one.pred.size(), n);
    EXPECT_EQ(one.pred, two.pred);
    EXPECT_EQ(one.cat, two.cat);
    EXPECT_EQ(one.box, two.box);
    for (auto [x, y] : {std::pair{&one.ip, &two.ip}, {&one.d1, &two.d1}, {&one.d2, &two.d2}, {&one.d3, &two.d3},
                        {&one.d4, &two.d4}, {&one.ak, &two.ak}})
        EXPECT_TRUE(same_bits(*x, *y));
    EXPECT_EQ(one.policy.reward.size(), two.policy.reward.size());
    const Appraisal full = appraise(b.wf, r, b.inputs());
    EXPECT_EQ(one.pred, picked(full.predikat, rows));
    EXPECT_TRUE(same_bits(one.ip, picked(full.ip_asn.ip_asn, rows)));
    EXPECT_EQ(one.box, picked(full.talent_box, rows));
    // A bad value met only by the second thread: the same issues as on one thread.
    std::vector<double> pot = b.s.potential;
    pot[rows[n - 10]] = -3;
    AppraisalInputs in = b.inputs();
    in.potential = pot;
    const auto single = issues_of([&] { appraise(b.wf, r, in, rows, one.buffers(), 1); });
    ASSERT_FALSE(single.empty());
    EXPECT_EQ(single[0].rule, "potential.range");
    expect_same_issues(issues_of([&] { appraise(b.wf, r, in, rows, two.buffers(), 0); }), single);
}
