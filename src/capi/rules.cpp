// penata C API — rule sets (built-in, JSON in and out), appraisal code texts and options. The C
// constants are the C++ enum values; the static_asserts keep them from drifting apart.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "handles.hpp"

using namespace penata::capi;

namespace {

using namespace penata;

template <class E> constexpr bool same(E cpp, int c) { return static_cast<int>(cpp) == c; }
static_assert(same(Rating::di_bawah, PENATA_RATING_DI_BAWAH) && same(Rating::sesuai, PENATA_RATING_SESUAI) &&
              same(Rating::di_atas, PENATA_RATING_DI_ATAS) && EnumNames<Rating>::names.size() == 3);
static_assert(same(Predikat::sangat_baik, PENATA_PREDIKAT_SANGAT_BAIK) && same(Predikat::baik, PENATA_PREDIKAT_BAIK) &&
              same(Predikat::butuh_perbaikan, PENATA_PREDIKAT_BUTUH_PERBAIKAN) &&
              same(Predikat::kurang, PENATA_PREDIKAT_KURANG) &&
              same(Predikat::sangat_kurang, PENATA_PREDIKAT_SANGAT_KURANG) &&
              EnumNames<Predikat>::names.size() == PENATA_PREDIKAT_COUNT && kPredikatCount == PENATA_PREDIKAT_COUNT);
static_assert(same(OrgPredikat::istimewa, PENATA_ORG_PREDIKAT_ISTIMEWA) &&
              same(OrgPredikat::baik, PENATA_ORG_PREDIKAT_BAIK) &&
              same(OrgPredikat::butuh_perbaikan, PENATA_ORG_PREDIKAT_BUTUH_PERBAIKAN) &&
              same(OrgPredikat::kurang, PENATA_ORG_PREDIKAT_KURANG) &&
              same(OrgPredikat::sangat_kurang, PENATA_ORG_PREDIKAT_SANGAT_KURANG) &&
              EnumNames<OrgPredikat>::names.size() == 5);
static_assert(same(Potential::rendah, PENATA_POTENTIAL_RENDAH) && same(Potential::menengah, PENATA_POTENTIAL_MENENGAH) &&
              same(Potential::tinggi, PENATA_POTENTIAL_TINGGI) && EnumNames<Potential>::names.size() == 3);
static_assert(same(IpAsnCategory::sangat_tinggi, PENATA_IP_ASN_CATEGORY_SANGAT_TINGGI) &&
              same(IpAsnCategory::tinggi, PENATA_IP_ASN_CATEGORY_TINGGI) &&
              same(IpAsnCategory::sedang, PENATA_IP_ASN_CATEGORY_SEDANG) &&
              same(IpAsnCategory::rendah, PENATA_IP_ASN_CATEGORY_RENDAH) &&
              same(IpAsnCategory::sangat_rendah, PENATA_IP_ASN_CATEGORY_SANGAT_RENDAH) &&
              EnumNames<IpAsnCategory>::names.size() == 5);
static_assert(same(PrestasiBand::sangat_baik, PENATA_PRESTASI_SANGAT_BAIK) &&
              same(PrestasiBand::baik, PENATA_PRESTASI_BAIK) && same(PrestasiBand::cukup, PENATA_PRESTASI_CUKUP) &&
              same(PrestasiBand::kurang, PENATA_PRESTASI_KURANG) && same(PrestasiBand::buruk, PENATA_PRESTASI_BURUK) &&
              EnumNames<PrestasiBand>::names.size() == 5);
static_assert(same(Kreativitas::none, PENATA_KREATIVITAS_NONE) && same(Kreativitas::unit, PENATA_KREATIVITAS_UNIT) &&
              same(Kreativitas::organisasi, PENATA_KREATIVITAS_ORGANISASI) &&
              same(Kreativitas::nasional, PENATA_KREATIVITAS_NASIONAL) && EnumNames<Kreativitas>::names.size() == 4);
static_assert(same(PerilakuRater::superior_only, PENATA_RATER_SUPERIOR_ONLY) &&
              same(PerilakuRater::multi_rater, PENATA_RATER_MULTI));
static_assert(same(DistributionBound::min_share, PENATA_BOUND_MIN_SHARE) &&
              same(DistributionBound::max_share, PENATA_BOUND_MAX_SHARE) &&
              same(DistributionBound::min_count, PENATA_BOUND_MIN_COUNT) &&
              same(DistributionBound::max_count, PENATA_BOUND_MAX_COUNT) &&
              EnumNames<DistributionBound>::names.size() == 4);
static_assert(PENATA_NO_CODE > 9, "PENATA_NO_CODE must differ from every code and talent box");

// EnumNames holds string_views of string literals, so data() is NUL-terminated.
template <class E> const char* name_of(int value) {
    const auto& names = EnumNames<E>::names;
    return value >= 0 && static_cast<std::size_t>(value) < names.size() ? names[static_cast<std::size_t>(value)].data()
                                                                        : nullptr;
}

// RuleSet::names() builds a vector per call; keep one copy for the static strings handed out.
const std::vector<std::string>* builtin_names() noexcept {
    try {
        static const std::vector<std::string> names = RuleSet::names();
        return &names;
    } catch (...) {
        return nullptr;
    }
}

int borrow(penata_context* ctx, const penata_ruleset* rs, const char** out, const std::string& (RuleSet::*get)() const) {
    return guard(ctx, [&] { *need(out, "out") = (need(rs, "rs")->rules.*get)().c_str(); });
}

}  // namespace

extern "C" {

const char* penata_appraisal_code_text(int kind, int code) {
    switch (kind) {
        case PENATA_KIND_RATING: return name_of<Rating>(code);
        case PENATA_KIND_PREDIKAT: return name_of<Predikat>(code);
        case PENATA_KIND_ORG_PREDIKAT: return name_of<OrgPredikat>(code);
        case PENATA_KIND_POTENTIAL: return name_of<Potential>(code);
        case PENATA_KIND_IP_ASN_CATEGORY: return name_of<IpAsnCategory>(code);
        case PENATA_KIND_PRESTASI_BAND: return name_of<PrestasiBand>(code);
        case PENATA_KIND_KREATIVITAS: return name_of<Kreativitas>(code);
        case PENATA_KIND_DISTRIBUTION_BOUND: return name_of<DistributionBound>(code);
        default: return nullptr;
    }
}

size_t penata_ruleset_builtin_count(void) {
    const auto* names = builtin_names();
    return names ? names->size() : 0;
}

const char* penata_ruleset_builtin_name(size_t index) {
    const auto* names = builtin_names();
    return names && index < names->size() ? (*names)[index].c_str() : nullptr;
}

int penata_ruleset_builtin(penata_context* ctx, const char* name, penata_ruleset** out) {
    return guard(ctx, [&] { make(need(out, "out"), RuleSet::builtin(need(name, "name"))); });
}

int penata_ruleset_from_json(penata_context* ctx, const char* json, size_t len, penata_ruleset** out) {
    return guard(ctx, [&] {
        need(out, "out");
        if (len > 0) need(json, "json");
        make(out, RuleSet::from_json(std::string_view(json ? json : "", len)));
    });
}

int penata_ruleset_to_json(penata_context* ctx, const penata_ruleset* rs, char** json_out, size_t* len_out) {
    return guard(ctx, [&] {
        need(rs, "rs");
        need(json_out, "json_out");
        const std::string s = rs->rules.to_json();
        auto* buffer = static_cast<char*>(std::malloc(s.size() + 1));  // released by penata_free()
        if (!buffer) throw std::bad_alloc();
        std::memcpy(buffer, s.c_str(), s.size() + 1);
        *json_out = buffer;
        if (len_out) *len_out = s.size();
    });
}

void penata_ruleset_destroy(penata_ruleset* rs) { delete rs; }

int penata_ruleset_name(penata_context* ctx, const penata_ruleset* rs, const char** out) {
    return borrow(ctx, rs, out, &RuleSet::name);
}

int penata_ruleset_regulation(penata_context* ctx, const penata_ruleset* rs, const char** out) {
    return borrow(ctx, rs, out, &RuleSet::regulation);
}

int penata_ruleset_version(penata_context* ctx, const penata_ruleset* rs, const char** out) {
    return borrow(ctx, rs, out, &RuleSet::version);
}

int penata_ruleset_has_section(penata_context* ctx, const penata_ruleset* rs, const char* section, int* out) {
    return guard(ctx, [&] {
        need(rs, "rs");
        need(out, "out");
        const auto s = from_text<RuleSection>(need(section, "section"));
        if (!s) fail(PENATA_ERR_INVALID_ARGUMENT, std::string("'") + section + "' is not a rule set section");
        *out = rs->rules.has(*s) ? 1 : 0;
    });
}

int penata_talent_action(penata_context* ctx, const penata_ruleset* rs, int box, const char** out) {
    return guard(ctx, [&] {
        need(rs, "rs");
        need(out, "out");
        if (box < 1 || box > 9) fail(PENATA_ERR_NOT_FOUND, "no talent box " + std::to_string(box) + " (boxes are 1..9)");
        *out = talent_action(rs->rules, static_cast<std::uint8_t>(box)).c_str();
    });
}

int penata_appraisal_options_create(penata_context* ctx, penata_appraisal_options** out) {
    return guard(ctx, [&] { make(need(out, "out")); });
}

void penata_appraisal_options_destroy(penata_appraisal_options* opts) { delete opts; }

int penata_appraisal_options_set_perilaku_rater(penata_context* ctx, penata_appraisal_options* opts, int rater) {
    return guard(ctx, [&] {
        need(opts, "opts");
        if (rater != PENATA_RATER_SUPERIOR_ONLY && rater != PENATA_RATER_MULTI)
            fail(PENATA_ERR_INVALID_ARGUMENT, "unknown perilaku rater " + std::to_string(rater) +
                                                  " (expected PENATA_RATER_SUPERIOR_ONLY or PENATA_RATER_MULTI)");
        opts->rater = static_cast<PerilakuRater>(rater);
    });
}

int penata_appraisal_options_set_months(penata_context* ctx, penata_appraisal_options* opts, int months) {
    return guard(ctx, [&] {
        need(opts, "opts");
        if (months < 1 || months > 12)
            throw ValidationError(Issue{-1, "months", std::to_string(months), "months.range",
                                        "the angka kredit period must be 1..12 months"});
        opts->months = static_cast<std::uint8_t>(months);
    });
}

}  // extern "C"
