#include "penata/nip.hpp"

#include <algorithm>
#include <cstdio>

#include "penata/date.hpp"

namespace penata {

void NipRules::validate() const {
    auto bad = [](const char* field, std::string value, const char* msg) {
        throw ValidationError(Issue{-1, field, std::move(value), "nip_rules.range", msg});
    };
    if (min_age_at_tmt < 0 || min_age_at_tmt > 100)
        bad("min_age_at_tmt", std::to_string(min_age_at_tmt), "must be between 0 and 100 years");
    if (min_birth_year < 1000 || max_birth_year > 9999 || min_birth_year > max_birth_year)
        bad("min_birth_year", std::to_string(min_birth_year) + ".." + std::to_string(max_birth_year),
            "birth year range must be four-digit years with min <= max");
    for (int code : pppk_codes)
        if (code < 0 || code > 99) bad("pppk_codes", std::to_string(code), "each code must be two digits (00-99)");
}

namespace {
int num(std::string_view s, std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
}
std::string two(int v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}
}  // namespace

std::optional<NipParts> try_parse_nip(std::string_view nip, EmploymentType type,
                                      const NipRules& rules, Issue& why) {
    const bool pns = type == EmploymentType::PNS;
    auto fail = [&](const char* rule, std::string message) {
        why.field = "nip";
        why.value = std::string(nip);
        why.rule = rule;
        why.message = std::string(pns ? "NIP" : "NI PPPK") + " " + message;
        return std::nullopt;
    };
    if (nip.empty()) return fail("nip.required", "is empty");
    for (std::size_t i = 0; i < nip.size(); ++i)
        if (nip[i] < '0' || nip[i] > '9')
            return fail("nip.digits", "must contain digits only; character " + std::to_string(i + 1) +
                                          " is '" + std::string(1, nip[i]) + "'");
    if (nip.size() != 18)
        return fail("nip.length", "must have 18 digits, not " + std::to_string(nip.size()));

    NipParts p;
    p.employment_type = type;
    const int by = num(nip, 0, 4), bm = num(nip, 4, 2), bd = num(nip, 6, 2);
    if (!is_valid_date(by, bm, bd))
        return fail("nip.birth_date", "digits 1-8 (birth date " + std::string(nip.substr(0, 8)) +
                                          ") are not a real calendar date");
    if (by < rules.min_birth_year || by > rules.max_birth_year)
        return fail("nip.birth_year", "birth year " + std::to_string(by) + " is outside " +
                                          std::to_string(rules.min_birth_year) + "-" +
                                          std::to_string(rules.max_birth_year));
    p.birth_date = days_from_civil(by, bm, bd);
    p.tmt_year = num(nip, 8, 4);
    const int mid = num(nip, 12, 2);
    if (pns) {
        if (mid < 1 || mid > 12)
            return fail("nip.tmt_month", "digits 13-14 (TMT month " + two(mid) + ") must be 01-12");
        p.tmt_month = mid;
        if (month_index(p.tmt_year, p.tmt_month) < month_index(by + rules.min_age_at_tmt, bm))
            return fail("nip.tmt_age", "TMT " + std::to_string(p.tmt_year) + "-" + two(mid) +
                                           " is before the age of " + std::to_string(rules.min_age_at_tmt) +
                                           " (born " + format_date(p.birth_date) + ")");
    } else {
        if (std::find(rules.pppk_codes.begin(), rules.pppk_codes.end(), mid) == rules.pppk_codes.end()) {
            std::string codes;
            for (int c : rules.pppk_codes) codes += (codes.empty() ? "" : ", ") + two(c);
            return fail("nip.pppk_code", "digits 13-14 (code " + two(mid) + ") must be one of {" + codes + "}");
        }
        p.pppk_code = mid;
        if (p.tmt_year < by + rules.min_age_at_tmt)
            return fail("nip.tmt_age", "year of appointment " + std::to_string(p.tmt_year) +
                                           " is before the age of " + std::to_string(rules.min_age_at_tmt) +
                                           " (born " + format_date(p.birth_date) + ")");
    }
    const int g = nip[14] - '0';
    if (g != 1 && g != 2)
        return fail("nip.gender", "digit 15 (gender " + std::to_string(g) + ") must be 1 (L) or 2 (P)");
    p.gender = g == 1 ? Gender::L : Gender::P;
    p.sequence = num(nip, 15, 3);
    if (p.sequence < 1) return fail("nip.sequence", "digits 16-18 (sequence 000) must be 001-999");
    return p;
}

NipParts parse_nip(std::string_view nip, EmploymentType type, const NipRules& rules) {
    Issue why;
    if (auto p = try_parse_nip(nip, type, rules, why)) return *p;
    throw ValidationError(std::move(why));
}

std::string format_nip(std::uint64_t nip) {
    char b[24];
    std::snprintf(b, sizeof b, "%018llu", static_cast<unsigned long long>(nip));
    return b;
}

}  // namespace penata
