// Rule sets: built-ins, JSON round trip, validation of bad rule sets (ASN-RULES.md §1, §2, §4).
#include <gtest/gtest.h>

#include <string>

#include "penata/error.hpp"
#include "penata/rules.hpp"

using namespace penata;

namespace {

/// Replaces the only occurrence of `from` in `text` (fails the test when it is absent or repeated).
std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "missing: " << from;
    EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "repeated: " << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

/// The first issue of loading `json`, or a marker when it loads.
Issue load_issue(const std::string& json) {
    try {
        RuleSet::from_json(json);
    } catch (const ValidationError& e) {
        return e.first();
    }
    return Issue{-1, "(loaded)", "", "(loaded)", ""};
}

const char* kMatrixHeader = R"({"name": "m", "regulation": "test", "version": "1", "predikat_matrix": )";

}  // namespace

TEST(Rules, BuiltinNamesAllLoadAndRoundTripExactly) {
    const auto names = RuleSet::names();
    ASSERT_EQ(names.size(), 7u);
    for (const auto& n : names) {
        SCOPED_TRACE(n);
        const RuleSet rs = RuleSet::builtin(n);
        EXPECT_EQ(rs.name(), n);
        EXPECT_FALSE(rs.regulation().empty());
        EXPECT_FALSE(rs.version().empty());
        EXPECT_FALSE(rs.sections().empty());
        const std::string text = rs.to_json();
        const RuleSet back = RuleSet::from_json(text);
        EXPECT_EQ(back.to_json(), text);
        EXPECT_EQ(back.notes(), rs.notes());
        EXPECT_EQ(RuleSet::from_json(rs.to_json(-1)).to_json(), text);  // compact form too
    }
    EXPECT_THROW(RuleSet::builtin("pp-53-2010"), NotFoundError);
}

TEST(Rules, BuiltinsHoldTheirSections) {
    EXPECT_EQ(RuleSet::builtin("permenpanrb-6-2022").sections(),
              (std::vector<RuleSection>{RuleSection::predikat_matrix, RuleSection::distribution}));
    EXPECT_EQ(RuleSet::builtin("pp-30-2019").sections(), std::vector<RuleSection>{RuleSection::pp30});
    EXPECT_EQ(RuleSet::builtin("pp-46-2011").sections(), std::vector<RuleSection>{RuleSection::pp46});
    EXPECT_EQ(RuleSet::builtin("perban-8-2019").sections(), std::vector<RuleSection>{RuleSection::ip_asn});
    EXPECT_EQ(RuleSet::builtin("permenpanrb-3-2020").sections(),
              (std::vector<RuleSection>{RuleSection::talent, RuleSection::policy}));
    EXPECT_EQ(RuleSet::builtin("permenpanrb-1-2023").sections(), std::vector<RuleSection>{RuleSection::angka_kredit});
    EXPECT_EQ(RuleSet::builtin("default").sections().size(), 6u);
}

TEST(Rules, BuiltinFiguresMatchTheRegulations) {
    // Peraturan BKN 8/2019: weights 25/40/30/5, kualifikasi S3 25 ... SLTP 1, pelaksana 22.5 + 17.5.
    const RuleSet ip_rs = RuleSet::builtin("perban-8-2019");
    const auto& ip = ip_rs.ip_asn();
    EXPECT_EQ(ip.weights.kualifikasi, 0.25);
    EXPECT_EQ(ip.weights.kompetensi, 0.40);
    EXPECT_EQ(ip.weights.kinerja, 0.30);
    EXPECT_EQ(ip.weights.disiplin, 0.05);
    EXPECT_EQ(ip.kualifikasi[static_cast<int>(Education::S3)], 25);
    EXPECT_EQ(ip.kualifikasi[static_cast<int>(Education::D4)], 15);
    EXPECT_EQ(ip.kualifikasi[static_cast<int>(Education::SLTP)], 1);
    ASSERT_EQ(ip.kompetensi.size(), 3u);
    EXPECT_EQ(ip.kompetensi[2].name, "pelaksana");
    EXPECT_EQ(ip.kompetensi[2].technical_training, 22.5);
    EXPECT_EQ(ip.kompetensi[2].seminar, 17.5);
    // PermenPANRB 1/2023: 150/100/75/50/25 %, ahli pertama 12.5, ahli madya 37.5.
    const RuleSet ak_rs = RuleSet::builtin("permenpanrb-1-2023");
    const auto& ak = ak_rs.angka_kredit();
    EXPECT_EQ(ak.percent, (std::array<double, 5>{150, 100, 75, 50, 25}));
    EXPECT_EQ(ak.koefisien[static_cast<int>(PositionLevel::ahli_pertama)], 12.5);
    EXPECT_EQ(ak.koefisien[static_cast<int>(PositionLevel::ahli_madya)], 37.5);
    // PP 46/2011: 1.76, 24 %, 60/40.
    const RuleSet pp46_rs = RuleSet::builtin("pp-46-2011");
    const auto& pp46 = pp46_rs.pp46();
    EXPECT_EQ(pp46.nilai_tertimbang, 1.76);
    EXPECT_EQ(pp46.efficiency_threshold, 24);
    EXPECT_EQ(pp46.weights.skp, 0.6);
    // PP 30/2019 Pasal 41: 70/30 and 60/40.
    const RuleSet pp30_rs = RuleSet::builtin("pp-30-2019");
    const auto& pp30 = pp30_rs.pp30();
    EXPECT_EQ(pp30.superior_only.skp, 0.7);
    EXPECT_EQ(pp30.multi_rater.perilaku, 0.4);
}

TEST(Rules, MemoryAndUncertainFiguresCarryTheirTag) {
    const RuleSet ip = RuleSet::builtin("perban-8-2019");
    EXPECT_EQ(ip.note("ip_asn.points.kinerja").rfind("UNCERTAIN", 0), 0u);
    EXPECT_EQ(ip.note("ip_asn.points.disiplin").rfind("UNCERTAIN", 0), 0u);
    EXPECT_EQ(ip.note("ip_asn.weights"), "");
    const RuleSet ak = RuleSet::builtin("permenpanrb-1-2023");
    for (const char* l : {"ahli_muda", "ahli_utama", "pemula", "terampil", "mahir", "penyelia"})
        EXPECT_EQ(ak.note(std::string("angka_kredit.koefisien.") + l).rfind("MEMORY", 0), 0u) << l;
    EXPECT_EQ(ak.note("angka_kredit.koefisien.ahli_pertama"), "");  // CONFIRMED
    const RuleSet t = RuleSet::builtin("permenpanrb-3-2020");
    EXPECT_EQ(t.note("talent.potential").rfind("UNCERTAIN", 0), 0u);
    EXPECT_EQ(RuleSet::builtin("pp-46-2011").note("pp46.tugas_tambahan").rfind("MEMORY", 0), 0u);
}

TEST(Rules, NotesMustNameAFigure) {
    RuleSet rs = RuleSet::builtin("pp-30-2019");
    rs.set_note("pp30.weights.multi_rater.skp", "checked against the Pasal 41 text");
    EXPECT_EQ(rs.note("pp30.weights.multi_rater.skp"), "checked against the Pasal 41 text");
    EXPECT_EQ(RuleSet::from_json(rs.to_json()).note("pp30.weights.multi_rater.skp"), "checked against the Pasal 41 text");
    try {
        rs.set_note("pp30.weights.peer", "x");
        FAIL() << "accepted a note on a missing figure";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().rule, "ruleset.note_path");
    }
    EXPECT_EQ(load_issue(replace_once(rs.to_json(), "\"pp30.weights.multi_rater.skp\"", "\"pp30.bogus\"")).rule,
              "ruleset.note_path");
    rs.set_note("pp30.weights.multi_rater.skp", "");
    EXPECT_EQ(rs.note("pp30.weights.multi_rater.skp"), "");
}

TEST(Rules, RefusesWeightsThatDoNotSumToOne) {
    // Weights summing to 0.9 (kinerja 0.3 -> 0.2).
    const std::string ip = RuleSet::builtin("perban-8-2019").to_json();
    const Issue i = load_issue(replace_once(ip, "\"kinerja\": 0.3", "\"kinerja\": 0.2"));
    EXPECT_EQ(i.rule, "ruleset.weights_sum");
    EXPECT_EQ(i.field, "ip_asn.weights");
    EXPECT_NE(i.message.find("1e-9"), std::string::npos) << i.message;
    const Issue neg = load_issue(replace_once(ip, "\"kinerja\": 0.3", "\"kinerja\": -0.3"));
    EXPECT_EQ(neg.rule, "ruleset.weight_positive");
    EXPECT_EQ(neg.field, "ip_asn.weights.kinerja");
    // Within the tolerance is fine; just outside is not.
    EXPECT_EQ(load_issue(replace_once(ip, "\"kinerja\": 0.3", "\"kinerja\": 0.3000000000001")).rule, "(loaded)");
    EXPECT_EQ(load_issue(replace_once(ip, "\"kinerja\": 0.3", "\"kinerja\": 0.300000002")).rule, "ruleset.weights_sum");
    const std::string pp30 = RuleSet::builtin("pp-30-2019").to_json();
    const Issue p = load_issue(replace_once(pp30, "\"skp\": 0.6", "\"skp\": 0.5"));
    EXPECT_EQ(p.rule, "ruleset.weights_sum");
    EXPECT_EQ(p.field, "pp30.weights.multi_rater");
}

TEST(Rules, RefusesBandsWithOverlapsGapsOrBadCoverage) {
    const std::string ip = RuleSet::builtin("perban-8-2019").to_json();
    const std::string tinggi = "\"from\": 81.0,\n          \"to\": 91.0";
    Issue i = load_issue(replace_once(ip, tinggi, "\"from\": 80.0,\n          \"to\": 91.0"));
    EXPECT_EQ(i.rule, "ruleset.band_overlap");
    EXPECT_EQ(i.field, "ip_asn.categories.bands[3].from");
    i = load_issue(replace_once(ip, tinggi, "\"from\": 82.0,\n          \"to\": 91.0"));
    EXPECT_EQ(i.rule, "ruleset.band_gap");
    EXPECT_EQ(i.field, "ip_asn.categories.bands[3].from");
    i = load_issue(replace_once(ip, "\"from\": 0.0,\n          \"to\": 61.0", "\"from\": 1.0,\n          \"to\": 61.0"));
    EXPECT_EQ(i.rule, "ruleset.band_coverage");
    i = load_issue(replace_once(ip, "\"from\": 91.0,\n          \"to\": 100.0", "\"from\": 91.0,\n          \"to\": 99.0"));
    EXPECT_EQ(i.rule, "ruleset.band_coverage");
    EXPECT_EQ(i.field, "ip_asn.categories.bands[4].to");
    i = load_issue(replace_once(ip, tinggi, "\"from\": 81.0,\n          \"to\": 81.0"));
    EXPECT_EQ(i.rule, "ruleset.band_order");
    i = load_issue(replace_once(ip, "\"label\": \"tinggi\"", "\"label\": \"tingi\""));
    EXPECT_EQ(i.rule, "ruleset.enum_known");
    EXPECT_EQ(i.field, "ip_asn.categories.bands[3].label");
    // An open upper end is written as null and only allowed where the table's max is open.
    const std::string pp46 = RuleSet::builtin("pp-46-2011").to_json();
    i = load_issue(replace_once(pp46, "\"max\": null", "\"max\": 100.0"));
    EXPECT_EQ(i.rule, "ruleset.band_coverage");
}

TEST(Rules, RefusesIncompleteMatricesAndUnknownEnumText) {
    const std::string full = R"({"di_bawah": {"di_bawah": "sangat_kurang", "sesuai": "butuh_perbaikan", "di_atas": "butuh_perbaikan"},
        "sesuai": {"di_bawah": "kurang", "sesuai": "baik", "di_atas": "baik"},
        "di_atas": {"di_bawah": "kurang", "sesuai": "baik", "di_atas": "sangat_baik"}}})";
    EXPECT_EQ(load_issue(kMatrixHeader + full).rule, "(loaded)");
    Issue i = load_issue(kMatrixHeader + replace_once(full, R"(, "di_atas": "sangat_baik")", ""));
    EXPECT_EQ(i.rule, "ruleset.matrix_complete");
    EXPECT_EQ(i.field, "predikat_matrix.di_atas.di_atas");
    i = load_issue(kMatrixHeader + replace_once(full, R"("sesuai": "baik", "di_atas": "baik")",
                                                R"("sesuai": "cukup", "di_atas": "baik")"));
    EXPECT_EQ(i.rule, "ruleset.enum_known");
    EXPECT_EQ(i.field, "predikat_matrix.sesuai.sesuai");
    EXPECT_EQ(i.value, "cukup");
    i = load_issue(kMatrixHeader + replace_once(full, R"("sesuai": {"di_bawah")", R"("sesuai_ekspektasi": {"di_bawah")"));
    EXPECT_EQ(i.rule, "ruleset.enum_known");
    EXPECT_EQ(i.field, "predikat_matrix.sesuai_ekspektasi");
}

TEST(Rules, RefusesUnknownKeysWrongTypesAndBadJson) {
    const std::string pp30 = RuleSet::builtin("pp-30-2019").to_json();
    Issue i = load_issue(replace_once(pp30, "\"version\": \"2019.1\",", "\"version\": \"2019.1\", \"extra\": 1,"));
    EXPECT_EQ(i.rule, "ruleset.unknown_key");
    EXPECT_EQ(i.field, "extra");
    i = load_issue(replace_once(pp30, "\"sangat_baik_min\": 110.0", "\"sangat_baik_min\": 110.0, \"sangat_baik_max\": 120"));
    EXPECT_EQ(i.rule, "ruleset.unknown_key");
    EXPECT_EQ(i.field, "pp30.sangat_baik_max");
    EXPECT_NE(i.message.find("sangat_baik_min"), std::string::npos);  // lists the allowed keys
    i = load_issue(replace_once(pp30, "\"skp\": 0.7", "\"skp\": \"0.7\""));
    EXPECT_EQ(i.rule, "ruleset.type");
    EXPECT_EQ(i.field, "pp30.weights.superior_only.skp");
    i = load_issue(replace_once(pp30, "\"sangat_baik_min\": 110.0", "\"sangat_baik_minimum\": 110.0"));
    EXPECT_EQ(i.rule, "ruleset.required");
    EXPECT_EQ(i.field, "pp30.sangat_baik_min");
    i = load_issue(replace_once(pp30, "\"penata_ruleset\": 1", "\"penata_ruleset\": 2"));
    EXPECT_EQ(i.rule, "ruleset.format_version");
    i = load_issue(replace_once(pp30, "\"name\": \"pp-30-2019\"", "\"name\": \"\""));
    EXPECT_EQ(i.rule, "ruleset.name_required");
    i = load_issue(replace_once(pp30, "\"skp\": 0.7,", "\"skp\": 0.7, \"skp\": 0.6,"));
    EXPECT_EQ(i.rule, "ruleset.duplicate_key");  // never "the last one wins"
    EXPECT_EQ(i.field, "pp30.weights.superior_only.skp");
    i = load_issue(replace_once(pp30, "\"label\": \"kurang\"", "\"label\": \"kurang\", \"from\": 51"));
    EXPECT_EQ(i.rule, "ruleset.duplicate_key");
    EXPECT_EQ(i.field, "pp30.predikat.bands[1].from");
    EXPECT_THROW(RuleSet::from_json("{\"name\": \"x\", "), FormatError);
    EXPECT_THROW(RuleSet::from_json(""), FormatError);
    EXPECT_EQ(load_issue("[1, 2]").rule, "ruleset.type");
}

TEST(Rules, RefusesBadTalentIpAsnAndDistributionTables) {
    const std::string t = RuleSet::builtin("permenpanrb-3-2020").to_json();
    Issue i = load_issue(replace_once(t, "\"tinggi\": 9", "\"tinggi\": 8"));
    EXPECT_EQ(i.rule, "ruleset.box_unique");
    i = load_issue(replace_once(t, "\"tinggi\": 9", "\"tinggi\": 10"));
    EXPECT_EQ(i.rule, "ruleset.box_range");
    EXPECT_EQ(i.field, "talent.boxes.di_atas.tinggi");
    i = load_issue(replace_once(t, "\"kurang\": \"di_bawah\"", "\"kurang\": \"dibawah\""));
    EXPECT_EQ(i.rule, "ruleset.enum_known");
    i = load_issue(replace_once(t, "        6\n", "        10\n"));
    EXPECT_EQ(i.rule, "ruleset.box_range");
    EXPECT_EQ(i.field, "policy.coaching.boxes[3]");

    const std::string ip = RuleSet::builtin("perban-8-2019").to_json();
    i = load_issue(replace_once(ip, "\"fungsional\"\n          ]", "\"pelaksana\"\n          ]"));
    EXPECT_EQ(i.rule, "ruleset.group_cover");  // pelaksana twice, fungsional in no group
    i = load_issue(replace_once(ip, "\"S3\": 25.0", "\"S3\": -25.0"));
    EXPECT_EQ(i.rule, "ruleset.non_negative");
    EXPECT_EQ(i.field, "ip_asn.points.kualifikasi.S3");
    i = load_issue(replace_once(ip, "\"sedang\": 2.0,\n        \"berat\": 1.0", "\"sedang\": 2.0"));
    EXPECT_EQ(i.rule, "ruleset.table_complete");
    EXPECT_EQ(i.field, "ip_asn.points.disiplin.berat");
}

TEST(Rules, RefusesBadDistributionRules) {
    const std::string head = R"({"name": "d", "regulation": "t", "version": "1", "distribution": {
        "istimewa": [], "baik": [], "butuh_perbaikan": [], "kurang": [], "sangat_kurang": )";
    EXPECT_EQ(load_issue(head + "[]}}").rule, "(loaded)");
    Issue i = load_issue(head + R"([{"predikat": ["kurang", "sangat_kurang"], "min_share": 0.6},
                                    {"predikat": ["butuh_perbaikan", "kurang"], "min_share": 0.1}]}})");
    EXPECT_EQ(i.rule, "ruleset.distribution_laminar");
    EXPECT_EQ(i.field, "distribution.sangat_kurang[1].predikat");
    i = load_issue(head + R"([{"predikat": ["kurang"], "min_share": 0.6, "max_share": 0.9}]}})");
    EXPECT_EQ(i.rule, "ruleset.distribution_bound");
    i = load_issue(head + R"([{"predikat": ["kurang"], "min_share": 60}]}})");
    EXPECT_EQ(i.rule, "ruleset.share_range");
    EXPECT_EQ(i.field, "distribution.sangat_kurang[0].min_share");
    i = load_issue(head + R"([{"predikat": ["kurang"], "min_count": 1.5}]}})");
    EXPECT_EQ(i.rule, "ruleset.type");
    i = load_issue(head + R"([{"predikat": [], "min_count": 1}]}})");
    EXPECT_EQ(i.rule, "ruleset.distribution_set");
    i = load_issue(R"({"name": "d", "regulation": "t", "version": "1", "distribution": {"istimewa": []}})");
    EXPECT_EQ(i.rule, "ruleset.table_complete");
    EXPECT_EQ(i.field, "distribution.baik");
}

TEST(Rules, SettersValidateAndMissingSectionsAreNamed) {
    RuleSet rs("mine", "Peraturan Bupati X", "1");
    EXPECT_TRUE(rs.sections().empty());
    try {
        rs.ip_asn();
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().rule, "ruleset.section_missing");
        EXPECT_EQ(e.first().field, "ip_asn");
    }
    IpAsnRules ip = RuleSet::builtin("perban-8-2019").ip_asn();
    ip.weights.disiplin = 0.0;
    try {
        rs.set_ip_asn(ip);
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().field, "ip_asn.weights.disiplin");
        EXPECT_EQ(e.first().rule, "ruleset.weight_positive");
    }
    EXPECT_FALSE(rs.has(RuleSection::ip_asn));
    ip.weights = IpAsnWeights{0.2, 0.4, 0.3, 0.1};  // an agency's own weights
    rs.set_ip_asn(ip);
    EXPECT_TRUE(rs.has(RuleSection::ip_asn));
    EXPECT_EQ(RuleSet::from_json(rs.to_json()).ip_asn().weights.disiplin, 0.1);
    EXPECT_THROW(RuleSet("", "x", "1"), ValidationError);
}

TEST(Rules, CombineRefusesDuplicateSections) {
    const RuleSet a = RuleSet::builtin("permenpanrb-6-2022"), b = RuleSet::builtin("pp-30-2019");
    const RuleSet c = RuleSet::combine("mine", "6/2022 + 30/2019", "1", {a, b});
    EXPECT_EQ(c.sections().size(), 3u);
    EXPECT_EQ(c.note("predikat_matrix"), a.note("predikat_matrix"));
    try {
        RuleSet::combine("dup", "x", "1", {a, RuleSet::builtin("default")});
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().rule, "ruleset.section_duplicate");
        EXPECT_EQ(e.first().field, "predikat_matrix");
    }
}

TEST(Rules, BandTableFindsHalfOpenBands) {
    const RuleSet ip = RuleSet::builtin("perban-8-2019");
    const auto& t = ip.ip_asn().categories;
    EXPECT_EQ(t.find(0), static_cast<std::uint8_t>(IpAsnCategory::sangat_rendah));
    EXPECT_EQ(t.find(60.999), static_cast<std::uint8_t>(IpAsnCategory::sangat_rendah));
    EXPECT_EQ(t.find(61), static_cast<std::uint8_t>(IpAsnCategory::rendah));
    EXPECT_EQ(t.find(100), static_cast<std::uint8_t>(IpAsnCategory::sangat_tinggi));
    EXPECT_FALSE(t.find(100.0001));
    EXPECT_FALSE(t.find(-0.0001));
    EXPECT_FALSE(t.find(std::numeric_limits<double>::quiet_NaN()));
    const RuleSet pp46 = RuleSet::builtin("pp-46-2011");
    const auto& open = pp46.pp46().prestasi;
    EXPECT_EQ(open.find(1e9), static_cast<std::uint8_t>(PrestasiBand::sangat_baik));
}
