// Pseudonymisation (HMAC-SHA-256 tokens, coarsened dates) and disclosure checks.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "fixtures.hpp"
#include "penata/date.hpp"
#include "penata/privacy.hpp"
#include "penata/sample.hpp"

using namespace penata;
using penata::testing::issues_of;

namespace {

std::string hex(const std::array<std::uint8_t, 32>& mac) {
    static const char* d = "0123456789abcdef";
    std::string s;
    for (auto b : mac) (s += d[b >> 4]) += d[b & 15];
    return s;
}

const std::string kKey(32, 'k');

}  // namespace

TEST(Privacy, HmacMatchesRfc4231AndTheCrossLanguageVector) {
    // RFC 4231 test case 2.
    EXPECT_EQ(hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // The vector of shared/research/siasn-and-tooling.md B.6 (OpenSSL in C and Python's hmac agree).
    EXPECT_EQ(hex(hmac_sha256(kKey, "199001012015031001")),
              "29f94a801f131526ec4a6f9f66ffbcb225921d8557e7678b5af5a7c6476a31f3");
}

TEST(Privacy, TokenIsTheHmacOfTheDomainPrefixedNip) {
    const PseudonymKey key(kKey);
    const std::string full = hex(hmac_sha256(kKey, "penata:nip:v1:198609262015051001"));
    EXPECT_EQ(nip_token(key, 198609262015051001ULL), full.substr(0, 32));
    EXPECT_EQ(nip_token(key, 198609262015051001ULL, 256), full);
    EXPECT_EQ(nip_token(key, 198609262015051001ULL, 64), full.substr(0, 16));
    // A leading zero is part of the 18-digit text.
    EXPECT_EQ(nip_token(key, 12345ULL, 256), hex(hmac_sha256(kKey, "penata:nip:v1:000000000000012345")));
}

TEST(Privacy, SameKeySameTokensOtherKeyOtherTokens) {
    const PseudonymKey a(kKey), b(std::string(32, 'x'));
    const std::uint64_t nip = 199009132025242014ULL;
    EXPECT_EQ(nip_token(a, nip), nip_token(PseudonymKey(kKey), nip));
    EXPECT_NE(nip_token(a, nip), nip_token(b, nip));
    EXPECT_NE(nip_token(a, nip), nip_token(a, nip + 1));
}

TEST(Privacy, BulkTokensEqualOneByOneOnAnyThreadCount) {
    const PseudonymKey key(kKey);
    std::vector<std::uint64_t> nips;
    for (std::uint64_t i = 0; i < 30000; ++i) nips.push_back(198001012005011001ULL + i * 7919);
    std::string one(nips.size() * 32, '\0'), two(nips.size() * 32, '\0');
    nip_tokens(key, nips.data(), nips.size(), one.data(), 128, 1);
    nip_tokens(key, nips.data(), nips.size(), two.data(), 128, 2);
    EXPECT_EQ(one, two);
    EXPECT_EQ(one.substr(32 * 12345, 32), nip_token(key, nips[12345]));
    std::set<std::string> distinct;
    for (std::size_t i = 0; i < nips.size(); ++i) distinct.insert(one.substr(i * 32, 32));
    EXPECT_EQ(distinct.size(), nips.size());
}

TEST(Privacy, BadKeysAndTokenLengthsAreRefused) {
    auto empty = issues_of([] { PseudonymKey k(""); });
    ASSERT_EQ(empty.size(), 1u);
    EXPECT_EQ(empty[0].rule, "privacy.key_empty");
    auto short_key = issues_of([] { PseudonymKey k(std::string(31, 'a')); });
    ASSERT_EQ(short_key.size(), 1u);
    EXPECT_EQ(short_key[0].rule, "privacy.key_short");
    EXPECT_EQ(short_key[0].value, "31 bytes");  // the key itself is never quoted
    const PseudonymKey key(kKey);
    for (unsigned bits : {0u, 32u, 100u, 288u})
        EXPECT_EQ(issues_of([&] { nip_token(key, 1, bits); }).at(0).rule, "privacy.token_bits") << bits;
}

TEST(Privacy, AgeBandsCountWholeYears) {
    const auto as_of = days_from_civil(2026, 6, 30);
    EXPECT_EQ(age_band_start(days_from_civil(1986, 6, 30), as_of, 5), 40);  // 40 on the day
    EXPECT_EQ(age_band_start(days_from_civil(1986, 7, 1), as_of, 5), 35);   // 39 until tomorrow
    EXPECT_EQ(age_band_start(days_from_civil(1986, 7, 1), as_of, 1), 39);
    EXPECT_EQ(age_band_start(days_from_civil(1968, 1, 1), as_of, 10), 50);
}

TEST(Privacy, PseudonymisedWorkforceKeepsNoDirectIdentifier) {
    const Workforce wf = bengkulu_sample({500, 3, 2025});
    const PseudonymKey key(kKey);
    const auto p = pseudonymise(wf, key);
    ASSERT_EQ(p.size(), wf.size());
    EXPECT_EQ(p.token(7), nip_token(key, wf.nip()[7]));
    EXPECT_EQ(p.birth[7], civil_from_days(wf.birth_date()[7]).year);
    EXPECT_EQ(p.tmt_year[7], year_of_month_index(wf.tmt()[7]));
    EXPECT_TRUE(p.position_names.empty());
    const std::string csv = p.to_csv();
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "token,employment_type,gender,birth_year,tmt_year,golongan,position_class,position_level,unit_code,"
              "education,training_hours,discipline");
    for (std::size_t r = 0; r < wf.size(); ++r) {
        ASSERT_EQ(csv.find(format_nip(wf.nip()[r])), std::string::npos) << r;
        ASSERT_EQ(csv.find(std::string(wf.name(r))), std::string::npos) << r;
        ASSERT_EQ(csv.find(format_date(wf.birth_date()[r])), std::string::npos) << r;
    }
    PseudonymOptions o;
    o.birth = DateDetail::age_band;
    o.as_of = days_from_civil(2025, 6, 30);
    o.tmt = DateDetail::drop;
    o.keep_position_name = true;
    const auto q = pseudonymise(wf, key, o);
    EXPECT_TRUE(q.tmt_year.empty());
    EXPECT_EQ(q.birth[7], age_band_start(wf.birth_date()[7], o.as_of, 5));
    EXPECT_NE(q.to_csv().find(",age_band,"), std::string::npos);
    EXPECT_TRUE(std::regex_search(q.to_csv(), std::regex(",[0-9]+-[0-9]+,")));
    EXPECT_EQ(q.position_names[7], wf.position_name_dictionary()[wf.position_name_code()[7]]);
    o.as_of = 0;
    EXPECT_EQ(issues_of([&] { pseudonymise(wf, key, o); }).at(0).rule, "privacy.as_of");
    o.as_of = 1;
    o.band_years = 0;
    EXPECT_EQ(issues_of([&] { pseudonymise(wf, key, o); }).at(0).rule, "privacy.band_years");
}

TEST(Privacy, GroupSizesOfACraftedTable) {
    // unit x gender: (0,0) x3, (0,1) x1, (1,0) x2.
    const std::vector<std::vector<std::uint32_t>> cols{{0, 0, 0, 0, 1, 1}, {0, 1, 0, 0, 0, 0}};
    const auto c = group_sizes(cols, 3);
    EXPECT_EQ(c.records, 6u);
    EXPECT_EQ(c.groups, 3u);
    EXPECT_EQ(c.smallest, 1u);
    ASSERT_EQ(c.below_k.size(), 2u);
    EXPECT_EQ(c.below_k[0].values, (std::vector<std::uint32_t>{0, 1}));
    EXPECT_EQ(c.below_k[0].count, 1u);
    EXPECT_EQ(c.below_k[1].values, (std::vector<std::uint32_t>{1, 0}));
    EXPECT_EQ(c.below_k[1].count, 2u);
    EXPECT_FALSE(c.ok());
    EXPECT_TRUE(group_sizes(cols, 1).ok());
    EXPECT_EQ(issues_of([&] { group_sizes(cols, 0); }).at(0).rule, "privacy.k");
    EXPECT_EQ(issues_of([&] { group_sizes({{1, 2}, {1}}, 2); }).at(0).rule, "privacy.columns");
    EXPECT_EQ(issues_of([&] { group_sizes({}, 2); }).at(0).rule, "privacy.columns");
    const auto none = group_sizes({{}}, 5);
    EXPECT_EQ(none.smallest, 0u);
    EXPECT_TRUE(none.ok());
}

TEST(Privacy, DisclosureCheckOfAWorkforce) {
    const Workforce wf = bengkulu_sample({2000, 1, 2025});
    const auto as_of = days_from_civil(2025, 6, 30);
    const auto by_unit = disclosure_check(wf, {QuasiIdentifier::unit}, 1);
    EXPECT_EQ(by_unit.records, wf.size());
    EXPECT_TRUE(by_unit.ok());
    const auto fine = disclosure_check(wf, {QuasiIdentifier::unit, QuasiIdentifier::golongan, QuasiIdentifier::gender,
                                            QuasiIdentifier::age_band, QuasiIdentifier::education},
                                       5, as_of);
    EXPECT_FALSE(fine.ok());  // five quasi-identifiers single out many people in 2,000
    EXPECT_LT(fine.smallest, 5u);
    std::uint64_t below = 0;
    for (const auto& g : fine.below_k) {
        EXPECT_LT(g.count, 5u);
        EXPECT_EQ(g.values.size(), 5u);
        below += g.count;
    }
    EXPECT_LE(below, wf.size());
    EXPECT_EQ(issues_of([&] { disclosure_check(wf, {QuasiIdentifier::age_band}, 5); }).at(0).rule, "privacy.as_of");
}
