// penata C API — NIP rules and NIP parsing.
#include <string_view>

#include "handles.hpp"

using namespace penata::capi;

namespace {

// Changes a copy, validates it and only then commits, so refused values leave rules unchanged.
template <class Change> int change_rules(penata_context* ctx, penata_nip_rules* rules, Change&& change) {
    return guard(ctx, [&] {
        need(rules, "rules");
        penata::NipRules copy = rules->rules;
        change(copy);
        copy.validate();
        rules->rules = std::move(copy);
    });
}

}  // namespace

extern "C" {

int penata_nip_rules_create(penata_context* ctx, penata_nip_rules** out) {
    return guard(ctx, [&] { make(need(out, "out"), penata::NipRules::defaults()); });
}

void penata_nip_rules_destroy(penata_nip_rules* rules) { delete rules; }

int penata_nip_rules_set_min_age(penata_context* ctx, penata_nip_rules* rules, int years) {
    return change_rules(ctx, rules, [&](penata::NipRules& r) { r.min_age_at_tmt = years; });
}

int penata_nip_rules_set_pppk_codes(penata_context* ctx, penata_nip_rules* rules, const int* codes, size_t n) {
    return change_rules(ctx, rules, [&](penata::NipRules& r) {
        if (n > 0) need(codes, "codes");
        r.pppk_codes.assign(codes, codes + n);
    });
}

int penata_nip_rules_set_birth_years(penata_context* ctx, penata_nip_rules* rules, int min_year, int max_year) {
    return change_rules(ctx, rules, [&](penata::NipRules& r) {
        r.min_birth_year = min_year;
        r.max_birth_year = max_year;
    });
}

int penata_nip_parse(penata_context* ctx, const penata_nip_rules* rules, const char* nip, int employment_type,
                     penata_nip_parts* out) {
    return guard(ctx, [&] {
        need(nip, "nip");
        need(out, "out");
        if (employment_type != PENATA_PNS && employment_type != PENATA_PPPK)
            fail(PENATA_ERR_INVALID_ARGUMENT, "employment_type must be PENATA_PNS (0) or PENATA_PPPK (1), not " +
                                                  std::to_string(employment_type));
        const auto type = static_cast<penata::EmploymentType>(employment_type);
        const auto parts = penata::parse_nip(nip, type, rules ? rules->rules : penata::NipRules::defaults());
        const auto birth = penata::civil_from_days(parts.birth_date);
        *out = penata_nip_parts{employment_type,  birth.year,     birth.month,
                                birth.day,        parts.birth_date, parts.tmt_year,
                                parts.tmt_month,  parts.pppk_code, static_cast<int>(parts.gender),
                                parts.sequence};
    });
}

}  // extern "C"
