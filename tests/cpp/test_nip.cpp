// NIP rules: Peraturan Kepala BKN 22/2007 (PNS) and the NI PPPK layout (ASN-RULES.md section 9).
#include <gtest/gtest.h>

#include "penata/date.hpp"
#include "penata/nip.hpp"

using namespace penata;

namespace {
std::string rule_of(const std::string& nip, EmploymentType t = EmploymentType::PNS, const NipRules& r = {}) {
    try {
        parse_nip(nip, t, r);
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.first().field, "nip");
        EXPECT_EQ(e.first().value, nip);
        return e.first().rule;
    }
    return "valid";
}
}  // namespace

TEST(Nip, PerkaBkn22_2007_ExampleParses) {
    const NipParts p = parse_nip("198609262015051001", EmploymentType::PNS);
    EXPECT_EQ(p.birth_date, days_from_civil(1986, 9, 26));
    EXPECT_EQ(p.tmt_year, 2015);
    EXPECT_EQ(p.tmt_month, 5);
    EXPECT_EQ(p.gender, Gender::L);
    EXPECT_EQ(p.sequence, 1);
    EXPECT_EQ(p.pppk_code, 0);
}

TEST(Nip, EachWrongPartNamesItself) {
    EXPECT_EQ(rule_of("198602302015051001"), "nip.birth_date");  // 30 February
    EXPECT_EQ(rule_of("198613012015051001"), "nip.birth_date");  // month 13
    EXPECT_EQ(rule_of("198609262015131001"), "nip.tmt_month");   // TMT month 13
    EXPECT_EQ(rule_of("198609262015001001"), "nip.tmt_month");   // TMT month 00
    EXPECT_EQ(rule_of("198609262004081001"), "nip.tmt_age");     // aged 17
    EXPECT_EQ(rule_of("198609262015053001"), "nip.gender");      // gender digit 3
    EXPECT_EQ(rule_of("198609262015050001"), "nip.gender");      // gender digit 0
    EXPECT_EQ(rule_of("198609262015051000"), "nip.sequence");    // sequence 000
    EXPECT_EQ(rule_of("19860926201505100"), "nip.length");       // 17 digits
    EXPECT_EQ(rule_of("1986092620150510011"), "nip.length");     // 19 digits
    EXPECT_EQ(rule_of("19860926201505100A"), "nip.digits");
    EXPECT_EQ(rule_of("1986 09262015051001"), "nip.digits");
    EXPECT_EQ(rule_of(""), "nip.required");
    EXPECT_EQ(rule_of("180009262015051001"), "nip.birth_year");
}

TEST(Nip, MinimumAgeIsMonthGranularAndConfigurable) {
    EXPECT_EQ(rule_of("198609262004091001"), "valid");    // the month of the 18th birthday
    EXPECT_EQ(rule_of("198609262004081001"), "nip.tmt_age");
    NipRules r;
    r.min_age_at_tmt = 20;
    EXPECT_EQ(rule_of("198609262004091001", EmploymentType::PNS, r), "nip.tmt_age");
}

TEST(Nip, MessagesSayWhatIsWrong) {
    try {
        parse_nip("198609262015131001", EmploymentType::PNS);
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("digits 13-14"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("01-12"), std::string::npos) << e.what();
    }
}

TEST(Nip, PppkUsesAppointmentYearAndACodeNotAMonth) {
    const NipParts p = parse_nip("199009132025242014", EmploymentType::PPPK);
    EXPECT_EQ(p.birth_date, days_from_civil(1990, 9, 13));
    EXPECT_EQ(p.tmt_year, 2025);
    EXPECT_EQ(p.tmt_month, 0);
    EXPECT_EQ(p.pppk_code, 24);
    EXPECT_EQ(p.gender, Gender::P);
    EXPECT_EQ(p.sequence, 14);
    EXPECT_EQ(rule_of("199009132021212001", EmploymentType::PPPK), "valid");
    EXPECT_EQ(rule_of("199009132021052001", EmploymentType::PPPK), "nip.pppk_code");
    // The same digits as a PNS NIP: 24 is not a month.
    EXPECT_EQ(rule_of("199009132025242014", EmploymentType::PNS), "nip.tmt_month");
    NipRules r;
    r.pppk_codes = {21};
    EXPECT_EQ(rule_of("199009132025242014", EmploymentType::PPPK, r), "nip.pppk_code");
}

TEST(Nip, RulesAreValidated) {
    NipRules r;
    r.pppk_codes = {123};
    EXPECT_THROW(r.validate(), ValidationError);
    r = NipRules{};
    r.min_age_at_tmt = -1;
    EXPECT_THROW(r.validate(), ValidationError);
    EXPECT_NO_THROW(NipRules{}.validate());
}

TEST(Nip, FormatsEighteenDigits) {
    EXPECT_EQ(format_nip(198609262015051001ULL), "198609262015051001");
    EXPECT_EQ(format_nip(1), "000000000000000001");
}
