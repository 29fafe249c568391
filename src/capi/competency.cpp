// penata C API — competency: framework, position standards, assessment history, gap rules, the
// gap/JPM kernel, gap analysis, training needs and candidate ranking. The handles wrap the core
// objects; they are defined here rather than in handles.hpp because no other file uses them.
// Matrices cross as row-major n x k byte arrays, the layout of the core's LevelMatrix, so copies
// in and out are one memcpy.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "handles.hpp"
#include "penata/sample.hpp"

struct penata_competency_framework {
    penata::CompetencyFramework framework;
};

struct penata_position_standards {
    penata::PositionStandards standards;
};

struct penata_assessments {
    penata::Assessments assessments;
};

struct penata_gap_rules {
    penata::GapRules rules;
};

struct penata_gap_result {
    penata::GapResult result;
    std::vector<std::uint8_t> potential;  // from the JPM by the rules the analysis used
};

struct penata_tna {
    penata::Tna tna;
    std::size_t units = 0;  // unit count of the workforce analysed, to check unit indices
};

struct penata_rank_options {
    penata::RankOptions options;
};

struct penata_ranking {
    penata::Ranking ranking;
};

using namespace penata::capi;

namespace {

using namespace penata;

template <class E> constexpr bool same(E cpp, int c) { return static_cast<int>(cpp) == c; }
static_assert(same(CompetencyType::manajerial, PENATA_COMPETENCY_MANAJERIAL) &&
              same(CompetencyType::sosial_kultural, PENATA_COMPETENCY_SOSIAL_KULTURAL) &&
              same(CompetencyType::teknis, PENATA_COMPETENCY_TEKNIS) && EnumNames<CompetencyType>::names.size() == 3);
static_assert(same(AssessmentMethod::assessment_centre, PENATA_METHOD_ASSESSMENT_CENTRE) &&
              same(AssessmentMethod::uji_kompetensi, PENATA_METHOD_UJI_KOMPETENSI) &&
              same(AssessmentMethod::self, PENATA_METHOD_SELF) &&
              same(AssessmentMethod::supervisor, PENATA_METHOD_SUPERVISOR) &&
              EnumNames<AssessmentMethod>::names.size() == 4);
static_assert(same(JpmScheme::mapping, PENATA_JPM_SCHEME_MAPPING) &&
              same(JpmScheme::selection, PENATA_JPM_SCHEME_SELECTION) && EnumNames<JpmScheme>::names.size() == 2);
static_assert(same(JpmCategory::optimal, PENATA_JPM_OPTIMAL) &&
              same(JpmCategory::cukup_optimal, PENATA_JPM_CUKUP_OPTIMAL) &&
              same(JpmCategory::kurang_optimal, PENATA_JPM_KURANG_OPTIMAL) && same(JpmCategory::ms, PENATA_JPM_MS) &&
              same(JpmCategory::mms, PENATA_JPM_MMS) && same(JpmCategory::kms, PENATA_JPM_KMS) &&
              EnumNames<JpmCategory>::names.size() == 6);
static_assert(same(MissingPolicy::exclude, PENATA_MISSING_EXCLUDE) &&
              same(MissingPolicy::refuse, PENATA_MISSING_REFUSE) && EnumNames<MissingPolicy>::names.size() == 2);
static_assert(kNoGap == PENATA_NO_GAP && kNoCategory == PENATA_NO_CODE);
static_assert(kMinCompetencyLevel == PENATA_COMPETENCY_LEVEL_MIN && kMaxCompetencyLevel == PENATA_COMPETENCY_LEVEL_MAX);
static_assert(EnumNames<PositionClass>::names.size() == 7 && kPositionLevelCount == 9);

constexpr std::size_t kMaxIssues = 1000;  // as the appraisal bulk functions

// EnumNames holds string_views of string literals, so data() is NUL-terminated.
template <class E> const char* name_of(int value) {
    const auto& names = EnumNames<E>::names;
    return value >= 0 && static_cast<std::size_t>(value) < names.size() ? names[static_cast<std::size_t>(value)].data()
                                                                        : nullptr;
}

/// Collects the issues of one bulk call: at most kMaxIssues listed, the rest counted.
class Issues {
public:
    void add(std::size_t index, const char* field, std::string value, const char* rule, std::string message) {
        if (++total_ <= kMaxIssues)
            list_.push_back(Issue{static_cast<std::int64_t>(index) + 1, field, clip_value(value), rule,
                                  std::move(message)});
    }
    void raise() {
        if (total_ == 0) return;
        if (total_ > list_.size()) {
            const std::string more = std::to_string(total_ - list_.size());
            list_.push_back(Issue{-1, "", more, "input.more_issues", more + " more issue(s) not listed"});
        }
        throw ValidationError(std::move(list_));
    }

private:
    std::vector<Issue> list_;
    std::size_t total_ = 0;
};

std::string_view text_arg(const char* p, size_t len, const char* name) {
    if (len > 0) need(p, name);
    return {p ? p : "", len};
}

void to_buffer(const std::string& s, char** out, size_t* len_out) {
    auto* buffer = static_cast<char*>(std::malloc(s.size() + 1));  // released by penata_free()
    if (!buffer) throw std::bad_alloc();
    std::memcpy(buffer, s.c_str(), s.size() + 1);
    *out = buffer;
    if (len_out) *len_out = s.size();
}

/// Refuses a too-small caller array when any output is given.
void capacity_arg(bool any_output, size_t capacity, size_t needed, const char* what) {
    if (any_output && capacity < needed)
        fail(PENATA_ERR_BUFFER_TOO_SMALL, std::string(what) + " has " + std::to_string(needed) +
                                              " elements; capacity is " + std::to_string(capacity));
}

template <class T> void copy_out(T* out, const T* from, size_t n) {
    if (out && n) std::memcpy(out, from, n * sizeof(T));
}

const CompetencyFramework& fw_of(const penata_competency_framework* fw) { return need(fw, "fw")->framework; }
const Assessments& as_of_handle(const penata_assessments* as) { return need(as, "as")->assessments; }
const PositionStandards& st_of(const penata_position_standards* st) { return need(st, "st")->standards; }
const GapRules& rules_of(const penata_gap_rules* r) { return need(r, "rules")->rules; }
const Workforce& wf_of(const penata_workforce* wf) { return need(wf, "wf")->wf; }

const Competency& competency_at(const CompetencyFramework& f, size_t index) {
    if (index >= f.size())
        fail(PENATA_ERR_NOT_FOUND,
             "no competency " + std::to_string(index) + ": the framework has " + std::to_string(f.size()));
    return f[index];
}

CompetencyType type_arg(int type) {
    if (!name_of<CompetencyType>(type))
        fail(PENATA_ERR_INVALID_ARGUMENT, "unknown competency type " + std::to_string(type) +
                                              " (expected PENATA_COMPETENCY_MANAJERIAL, _SOSIAL_KULTURAL or _TEKNIS)");
    return static_cast<CompetencyType>(type);
}

/// A position class / jenjang pair from C codes. Codes out of range are refused here, before a
/// cast to the one-byte enums could wrap them into valid ones; the pair itself is the core's check.
std::pair<PositionClass, PositionLevel> position_arg(int cls, int level) {
    if (!name_of<PositionClass>(cls))
        throw ValidationError(Issue{-1, "position_class", std::to_string(cls), "standards.position",
                                    "must be a penata_position_class code 0..6"});
    if (level < 0 || static_cast<std::size_t>(level) >= kPositionLevelCount)
        throw ValidationError(Issue{-1, "position_level", std::to_string(level), "standards.position",
                                    "must be a penata_position_level code 0..8"});
    return {static_cast<PositionClass>(cls), static_cast<PositionLevel>(level)};
}

std::size_t kind_of(PositionClass cls, PositionLevel level) {
    const auto kind = position_kind(cls, level);
    if (!kind)
        throw ValidationError(Issue{-1, "position_level", std::string(to_text(level)), "standards.position",
                                    "no position kind for class " + std::string(to_text(cls)) + " with this level"});
    return *kind;
}

[[noreturn]] void bad_level(const std::string& path, int level) {
    throw ValidationError(
        Issue{-1, path, std::to_string(level), "standards.level", "must be a level 0..5 (0 = not required)"});
}

/// A selection of workforce rows for the core, where an empty Span means every row. Here NULL
/// means every row and a non-NULL empty array nobody, which the callers handle before the core.
Span<std::uint32_t> rows_arg(const uint32_t* rows, size_t nrows) {
    return rows ? Span<std::uint32_t>{rows, nrows} : Span<std::uint32_t>{};
}

/// A text output (JSON, CSV) handed to the caller in a buffer freed with penata_free().
template <class Handle> int write_text(penata_context* ctx, const Handle* h, const char* name, char** text,
                                       const char* text_name, size_t* len, std::string (*write)(const Handle&)) {
    return guard(ctx, [&] {
        need(h, name);
        need(text, text_name);
        to_buffer(write(*h), text, len);
    });
}

}  // namespace

extern "C" {

const char* penata_competency_code_text(int kind, int code) {
    switch (kind) {
        case PENATA_COMPETENCY_KIND_TYPE: return name_of<CompetencyType>(code);
        case PENATA_COMPETENCY_KIND_METHOD: return name_of<AssessmentMethod>(code);
        case PENATA_COMPETENCY_KIND_JPM_SCHEME: return name_of<JpmScheme>(code);
        case PENATA_COMPETENCY_KIND_JPM_CATEGORY: return name_of<JpmCategory>(code);
        case PENATA_COMPETENCY_KIND_MISSING_POLICY: return name_of<MissingPolicy>(code);
        default: return nullptr;
    }
}

// ----- framework ---------------------------------------------------------------------------------

int penata_competency_framework_create(penata_context* ctx, penata_competency_framework** out) {
    return guard(ctx, [&] { make(need(out, "out")); });
}

int penata_competency_framework_builtin(penata_context* ctx, penata_competency_framework** out) {
    return guard(ctx, [&] { make(need(out, "out"), CompetencyFramework::builtin()); });
}

int penata_competency_framework_from_json(penata_context* ctx, const char* json, size_t len,
                                          penata_competency_framework** out) {
    return guard(ctx, [&] {
        need(out, "out");
        make(out, CompetencyFramework::from_json(text_arg(json, len, "json")));
    });
}

int penata_competency_framework_to_json(penata_context* ctx, const penata_competency_framework* fw, char** json_out,
                                        size_t* len_out) {
    return write_text(ctx, fw, "fw", json_out, "json_out", len_out,
                      +[](const penata_competency_framework& h) { return h.framework.to_json(); });
}

int penata_competency_framework_from_csv(penata_context* ctx, const char* data, size_t len,
                                         penata_competency_framework** out) {
    return guard(ctx, [&] {
        need(out, "out");
        make(out, CompetencyFramework::from_csv(text_arg(data, len, "data")));
    });
}

int penata_competency_framework_to_csv(penata_context* ctx, const penata_competency_framework* fw, char** csv_out,
                                       size_t* len_out) {
    return write_text(ctx, fw, "fw", csv_out, "csv_out", len_out,
                      +[](const penata_competency_framework& h) { return h.framework.to_csv(); });
}

void penata_competency_framework_destroy(penata_competency_framework* fw) { delete fw; }

int penata_competency_framework_add(penata_context* ctx, penata_competency_framework* fw, const char* code,
                                    const char* name, int type, const char* const* levels, size_t* index_out) {
    return guard(ctx, [&] {
        need(fw, "fw");
        Competency c{need(code, "code"), need(name, "name"), type_arg(type), {}};
        if (levels)
            for (size_t l = 0; l < c.levels.size(); ++l) {
                if (!levels[l])
                    fail(PENATA_ERR_INVALID_ARGUMENT, "argument 'levels[" + std::to_string(l) + "]' is NULL");
                c.levels[l] = levels[l];
            }
        const size_t index = fw->framework.add(std::move(c));
        if (index_out) *index_out = index;
    });
}

int penata_competency_framework_size(penata_context* ctx, const penata_competency_framework* fw, size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = fw_of(fw).size(); });
}

int penata_competency_framework_code(penata_context* ctx, const penata_competency_framework* fw, size_t index,
                                     const char** out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        *need(out, "out") = competency_at(f, index).code.c_str();
    });
}

int penata_competency_framework_name(penata_context* ctx, const penata_competency_framework* fw, size_t index,
                                     const char** out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        *need(out, "out") = competency_at(f, index).name.c_str();
    });
}

int penata_competency_framework_type(penata_context* ctx, const penata_competency_framework* fw, size_t index,
                                     int* out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        *need(out, "out") = static_cast<int>(competency_at(f, index).type);
    });
}

int penata_competency_framework_level_text(penata_context* ctx, const penata_competency_framework* fw, size_t index,
                                           int level, const char** out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        need(out, "out");
        const auto& c = competency_at(f, index);
        if (level < kMinCompetencyLevel || level > kMaxCompetencyLevel)
            fail(PENATA_ERR_NOT_FOUND, "no level " + std::to_string(level) + " (levels are 1..5)");
        *out = c.levels[static_cast<size_t>(level - 1)].c_str();
    });
}

int penata_competency_framework_find(penata_context* ctx, const penata_competency_framework* fw, const char* code,
                                     size_t* out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        need(out, "out");
        *out = f.index(need(code, "code"));  // NotFoundError names the code
    });
}

// ----- position standards ------------------------------------------------------------------------

int penata_position_standards_create(penata_context* ctx, const penata_competency_framework* fw,
                                     penata_position_standards** out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        make(need(out, "out"), PositionStandards(f));
    });
}

int penata_position_standards_from_json(penata_context* ctx, const penata_competency_framework* fw, const char* json,
                                        size_t len, penata_position_standards** out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        need(out, "out");
        make(out, PositionStandards::from_json(f, text_arg(json, len, "json")));
    });
}

int penata_position_standards_to_json(penata_context* ctx, const penata_position_standards* st, char** json_out,
                                      size_t* len_out) {
    return write_text(ctx, st, "st", json_out, "json_out", len_out,
                      +[](const penata_position_standards& h) { return h.standards.to_json(); });
}

void penata_position_standards_destroy(penata_position_standards* st) { delete st; }

int penata_position_standards_set_default(penata_context* ctx, penata_position_standards* st, int type,
                                          int position_class, int position_level, int level) {
    return guard(ctx, [&] {
        need(st, "st");
        const auto t = type_arg(type);
        const auto [cls, lvl] = position_arg(position_class, position_level);
        const size_t kind = kind_of(cls, lvl);
        if (level < 0 || level > kMaxCompetencyLevel)
            bad_level("defaults." + std::string(to_text(t)) + "." + std::string(position_kind_name(kind)), level);
        st->standards.set_default(t, kind, static_cast<std::uint8_t>(level));
    });
}

int penata_position_standards_set_override(penata_context* ctx, penata_position_standards* st,
                                           const char* position_name, const char* code, int level) {
    return guard(ctx, [&] {
        need(st, "st");
        const std::string name = need(position_name, "position_name");
        need(code, "code");
        // An unknown code is reported before a bad level, as the core does.
        if ((level < 0 || level > kMaxCompetencyLevel) && st->standards.framework().find(code))
            bad_level("overrides." + name + "." + code, level);
        st->standards.set_override(name, code, static_cast<std::uint8_t>(level < 0 ? 0 : level));
    });
}

int penata_position_standards_add_overrides_csv(penata_context* ctx, penata_position_standards* st, const char* data,
                                                size_t len) {
    return guard(ctx, [&] { need(st, "st")->standards.add_overrides_csv(text_arg(data, len, "data")); });
}

int penata_position_standards_required(penata_context* ctx, const penata_position_standards* st, int position_class,
                                       int position_level, const char* position_name, uint8_t* out,
                                       size_t capacity) {
    return guard(ctx, [&] {
        const auto& s = st_of(st);
        const auto [cls, lvl] = position_arg(position_class, position_level);
        const auto levels = s.required(cls, lvl, position_name ? position_name : "");
        if (!levels.empty()) need(out, "out");
        capacity_arg(true, capacity, levels.size(), "the standard");
        copy_out(out, levels.data(), levels.size());
    });
}

// ----- assessments -------------------------------------------------------------------------------

int penata_assessments_create(penata_context* ctx, const penata_competency_framework* fw, penata_assessments** out) {
    return guard(ctx, [&] {
        const auto& f = fw_of(fw);
        make(need(out, "out"), Assessments(f));
    });
}

int penata_sample_assessments(penata_context* ctx, const penata_workforce* wf, uint64_t seed, int reference_year,
                              penata_assessments** out) {
    return guard(ctx, [&] {
        const auto& w = wf_of(wf);
        make(need(out, "out"), sample_assessments(w, seed, reference_year));
    });
}

void penata_assessments_destroy(penata_assessments* as) { delete as; }

int penata_assessments_size(penata_context* ctx, const penata_assessments* as, size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = as_of_handle(as).size(); });
}

int penata_assessments_add(penata_context* ctx, penata_assessments* as, size_t n, const uint64_t* nip,
                           const uint16_t* competency, const uint8_t* level, const int32_t* date,
                           const uint8_t* method, int32_t today) {
    return guard(ctx, [&] {
        need(as, "as");
        if (n > 0) {
            need(nip, "nip");
            need(competency, "competency");
            need(level, "level");
            need(date, "date");
        }
        std::vector<std::uint8_t> default_method;
        if (!method) {
            default_method.assign(n, static_cast<std::uint8_t>(AssessmentMethod::assessment_centre));
            method = default_method.data();
        }
        as->assessments.add(AssessmentColumns{{nip, n}, {competency, n}, {level, n}, {date, n}, {method, n}}, today);
    });
}

int penata_assessments_add_csv(penata_context* ctx, penata_assessments* as, const char* data, size_t len,
                               int32_t today) {
    return guard(ctx, [&] { need(as, "as")->assessments.add_csv(text_arg(data, len, "data"), today); });
}

int penata_assessments_to_csv(penata_context* ctx, const penata_assessments* as, char** csv_out, size_t* len_out) {
    return write_text(ctx, as, "as", csv_out, "csv_out", len_out,
                      +[](const penata_assessments& h) { return h.assessments.to_csv(); });
}

int penata_assessments_columns(penata_context* ctx, const penata_assessments* as, uint64_t* nip_out,
                               uint16_t* competency_out, uint8_t* level_out, int32_t* date_out, uint8_t* method_out,
                               size_t capacity) {
    return guard(ctx, [&] {
        const auto& a = as_of_handle(as);
        const size_t n = a.size();
        capacity_arg(nip_out || competency_out || level_out || date_out || method_out, capacity, n,
                     "the assessment history");
        copy_out(nip_out, a.nip().data(), n);
        copy_out(competency_out, a.competency().data(), n);
        copy_out(level_out, a.level().data(), n);
        copy_out(date_out, a.date().data(), n);
        copy_out(method_out, a.method().data(), n);
    });
}

int penata_assessments_latest(penata_context* ctx, const penata_assessments* as, const penata_workforce* wf,
                              int32_t as_of, const uint32_t* rows, size_t nrows, uint8_t* out, size_t capacity) {
    return guard(ctx, [&] {
        const auto& a = as_of_handle(as);
        const auto& w = wf_of(wf);
        const size_t n = rows ? nrows : w.size(), k = a.framework().size();
        if (n == 0) return;  // also a non-NULL empty selection, which the core would read as "all"
        if (k > 0) need(out, "out");
        capacity_arg(true, capacity, n * k, "the level matrix");
        const LevelMatrix m = a.latest(w, as_of, rows_arg(rows, nrows));
        copy_out(out, m.data(), n * k);
    });
}

// ----- gap rules ---------------------------------------------------------------------------------

int penata_gap_rules_builtin(penata_context* ctx, penata_gap_rules** out) {
    return guard(ctx, [&] { make(need(out, "out"), GapRules::builtin()); });
}

int penata_gap_rules_from_json(penata_context* ctx, const char* json, size_t len, penata_gap_rules** out) {
    return guard(ctx, [&] {
        need(out, "out");
        make(out, GapRules::from_json(text_arg(json, len, "json")));
    });
}

int penata_gap_rules_to_json(penata_context* ctx, const penata_gap_rules* rules, char** json_out, size_t* len_out) {
    return write_text(ctx, rules, "rules", json_out, "json_out", len_out,
                      +[](const penata_gap_rules& h) { return h.rules.to_json(); });
}

void penata_gap_rules_destroy(penata_gap_rules* rules) { delete rules; }

int penata_gap_rules_set_cap_at_standard(penata_context* ctx, penata_gap_rules* rules, int cap) {
    return guard(ctx, [&] { need(rules, "rules")->rules.cap_at_standard = cap != 0; });
}

int penata_gap_rules_set_scheme(penata_context* ctx, penata_gap_rules* rules, int scheme) {
    return guard(ctx, [&] {
        need(rules, "rules");
        if (!name_of<JpmScheme>(scheme))
            fail(PENATA_ERR_INVALID_ARGUMENT, "unknown JPM scheme " + std::to_string(scheme) +
                                                  " (expected PENATA_JPM_SCHEME_MAPPING or _SELECTION)");
        rules->rules.scheme = static_cast<JpmScheme>(scheme);
    });
}

int penata_gap_rules_set_missing(penata_context* ctx, penata_gap_rules* rules, int policy) {
    return guard(ctx, [&] {
        need(rules, "rules");
        if (!name_of<MissingPolicy>(policy))
            fail(PENATA_ERR_INVALID_ARGUMENT, "unknown missing-assessment policy " + std::to_string(policy) +
                                                  " (expected PENATA_MISSING_EXCLUDE or PENATA_MISSING_REFUSE)");
        rules->rules.missing = static_cast<MissingPolicy>(policy);
    });
}

int penata_gap_rules_set_training_min_hours(penata_context* ctx, penata_gap_rules* rules, double hours) {
    return guard(ctx, [&] {
        need(rules, "rules");
        GapRules changed = rules->rules;  // validated as a whole, so that a refusal changes nothing
        changed.training_min_hours = hours;
        changed.validate();
        rules->rules.training_min_hours = hours;
    });
}

int penata_jpm_categories(penata_context* ctx, const penata_gap_rules* rules, size_t n, const double* jpm,
                          uint8_t* category_out, uint8_t* potential_out) {
    return guard(ctx, [&] {
        const auto& r = rules_of(rules);
        if (n > 0) need(jpm, "jpm");
        Issues issues;
        for (size_t i = 0; i < n; ++i)
            if (!std::isnan(jpm[i]) && (!jpm_category(jpm[i], r) || !potential_from_jpm(jpm[i], r)))
                issues.add(i, "jpm", std::to_string(jpm[i]), "jpm.range",
                           "no band of the rules covers this JPM (percent, from 0)");
        issues.raise();
        for (size_t i = 0; i < n; ++i) {
            if (category_out) {
                const auto c = jpm_category(jpm[i], r);
                category_out[i] = c ? static_cast<std::uint8_t>(*c) : kNoCategory;
            }
            if (potential_out) {
                const auto p = potential_from_jpm(jpm[i], r);
                potential_out[i] = p ? static_cast<std::uint8_t>(*p) : kNoCategory;
            }
        }
    });
}

// ----- gaps and JPM ------------------------------------------------------------------------------

int penata_gap_jpm(penata_context* ctx, const penata_gap_rules* rules, size_t n, size_t k, const uint8_t* achieved,
                   const uint8_t* required, const uint8_t* teknis, const uint8_t* position_level, int8_t* gaps_out,
                   double* jpm_out, uint8_t* missing_out) {
    return guard(ctx, [&] {
        const auto& r = rules_of(rules);
        if (k > 0 && n > std::numeric_limits<size_t>::max() / k)
            fail(PENATA_ERR_INVALID_ARGUMENT,
                 "n x k overflows: n = " + std::to_string(n) + ", k = " + std::to_string(k));
        const size_t cells = n * k;
        if (cells > 0) {
            need(achieved, "achieved");
            need(required, "required");
        }
        // The kernel trusts its input (it indexes the weights by position_level): check it all first.
        check_gap_inputs(achieved, required, n, k, teknis, position_level);
        std::vector<std::uint8_t> no_teknis;
        if (!teknis) {
            no_teknis.assign(k, 0);
            teknis = no_teknis.data();
        }
        gap_jpm_kernel(achieved, required, n, k, teknis, position_level, r.teknis_weight.data(), r.cap_at_standard,
                       gaps_out, jpm_out, missing_out);
    });
}

int penata_gap_analysis(penata_context* ctx, const penata_workforce* wf, const penata_assessments* as,
                        const penata_position_standards* st, const penata_gap_rules* rules, int32_t as_of,
                        const uint32_t* rows, size_t nrows, penata_gap_result** out) {
    return guard(ctx, [&] {
        const auto& w = wf_of(wf);
        const auto& a = as_of_handle(as);
        const auto& s = st_of(st);
        const auto& r = rules_of(rules);
        need(out, "out");
        GapResult result;
        if (rows && nrows == 0)  // nobody: the core reads an empty selection as "every row"
            result = gap_analysis(Workforce(w.units()), a, s, r, as_of);
        else
            result = gap_analysis(w, a, s, r, as_of, rows_arg(rows, nrows));
        auto p = potential(result, r);
        make(out, std::move(result), std::move(p));
    });
}

void penata_gap_result_destroy(penata_gap_result* result) { delete result; }

int penata_gap_result_size(penata_context* ctx, const penata_gap_result* result, size_t* n_out, size_t* k_out) {
    return guard(ctx, [&] {
        const auto& g = need(result, "result")->result;
        if (n_out) *n_out = g.rows.size();
        if (k_out) *k_out = g.codes.size();
    });
}

int penata_gap_result_columns(penata_context* ctx, const penata_gap_result* result, uint32_t* rows_out,
                              uint64_t* nip_out, double* jpm_out, uint8_t* category_out, uint8_t* potential_out,
                              size_t capacity) {
    return guard(ctx, [&] {
        const auto& h = *need(result, "result");
        const auto& g = h.result;
        const size_t n = g.rows.size();
        capacity_arg(rows_out || nip_out || jpm_out || category_out || potential_out, capacity, n, "the gap result");
        copy_out(rows_out, g.rows.data(), n);
        copy_out(nip_out, g.nip.data(), n);
        copy_out(jpm_out, g.jpm.data(), n);
        copy_out(category_out, g.category.data(), n);
        copy_out(potential_out, h.potential.data(), n);
    });
}

int penata_gap_result_matrices(penata_context* ctx, const penata_gap_result* result, uint8_t* achieved_out,
                               uint8_t* required_out, int8_t* gaps_out, size_t capacity) {
    return guard(ctx, [&] {
        const auto& g = need(result, "result")->result;
        const size_t cells = g.rows.size() * g.codes.size();
        capacity_arg(achieved_out || required_out || gaps_out, capacity, cells, "each gap matrix");
        copy_out(achieved_out, g.achieved.data(), cells);
        copy_out(required_out, g.required.data(), cells);
        copy_out(gaps_out, g.gaps.data(), cells);
    });
}

int penata_gap_result_missing_count(penata_context* ctx, const penata_gap_result* result, size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = need(result, "result")->result.missing.size(); });
}

int penata_gap_result_missing(penata_context* ctx, const penata_gap_result* result, size_t index,
                              penata_missing_assessment* out) {
    return guard(ctx, [&] {
        const auto& list = need(result, "result")->result.missing;
        need(out, "out");
        if (index >= list.size())
            fail(PENATA_ERR_NOT_FOUND, "no excluded employee " + std::to_string(index) + ": the result has " +
                                           std::to_string(list.size()));
        const auto& m = list[index];
        out->row = m.row;
        out->nip = m.nip;
        out->competency_count = m.competencies.size();
        out->competencies = m.competencies.empty() ? nullptr : m.competencies.data();
        out->reason = m.reason.c_str();
    });
}

// ----- training needs ----------------------------------------------------------------------------

int penata_training_needs(penata_context* ctx, const penata_workforce* wf, const penata_gap_result* result,
                          const penata_gap_rules* rules, penata_tna** out) {
    return guard(ctx, [&] {
        const auto& w = wf_of(wf);
        const auto& g = need(result, "result")->result;
        const auto& r = rules_of(rules);
        need(out, "out");
        // The core indexes the workforce by the result's rows: make sure they are still its rows.
        for (size_t i = 0; i < g.rows.size(); ++i)
            if (g.rows[i] >= w.size() || w.nip()[g.rows[i]] != g.nip[i])
                fail(PENATA_ERR_INVALID_ARGUMENT, "the gap result does not belong to this workforce (row " +
                                                      std::to_string(g.rows[i]) + " is not employee " +
                                                      std::to_string(g.nip[i]) + "): analyse it again");
        make(out, training_needs(w, g, r), w.units().size());
    });
}

void penata_tna_destroy(penata_tna* tna) { delete tna; }

int penata_tna_counts(penata_context* ctx, const penata_tna* tna, size_t* needs_out, size_t* training_out) {
    return guard(ctx, [&] {
        const auto& t = need(tna, "tna")->tna;
        if (needs_out) *needs_out = t.rows.size();
        if (training_out) *training_out = t.training.size();
    });
}

int penata_tna_needs(penata_context* ctx, const penata_tna* tna, uint32_t* unit_out, uint16_t* competency_out,
                     uint32_t* required_out, uint32_t* assessed_out, double* mean_gap_out, double* share_below_out,
                     uint32_t* need1_out, uint32_t* need2_out, uint32_t* need3_out, size_t capacity) {
    return guard(ctx, [&] {
        const auto& rows = need(tna, "tna")->tna.rows;
        capacity_arg(unit_out || competency_out || required_out || assessed_out || mean_gap_out || share_below_out ||
                         need1_out || need2_out || need3_out,
                     capacity, rows.size(), "the needs table");
        for (size_t i = 0; i < rows.size(); ++i) {
            const TnaRow& t = rows[i];
            if (unit_out) unit_out[i] = t.unit;
            if (competency_out) competency_out[i] = t.competency;
            if (required_out) required_out[i] = t.required;
            if (assessed_out) assessed_out[i] = t.assessed;
            if (mean_gap_out) mean_gap_out[i] = t.mean_gap;
            if (share_below_out) share_below_out[i] = t.share_below;
            if (need1_out) need1_out[i] = t.need[0];
            if (need2_out) need2_out[i] = t.need[1];
            if (need3_out) need3_out[i] = t.need[2];
        }
    });
}

int penata_tna_training(penata_context* ctx, const penata_tna* tna, uint32_t* unit_out, uint32_t* employees_out,
                        uint32_t* compliant_out, double* share_out, size_t capacity) {
    return guard(ctx, [&] {
        const auto& rows = need(tna, "tna")->tna.training;
        capacity_arg(unit_out || employees_out || compliant_out || share_out, capacity, rows.size(),
                     "the 20 JP table");
        for (size_t i = 0; i < rows.size(); ++i) {
            if (unit_out) unit_out[i] = rows[i].unit;
            if (employees_out) employees_out[i] = rows[i].employees;
            if (compliant_out) compliant_out[i] = rows[i].compliant;
            if (share_out) share_out[i] = rows[i].share;
        }
    });
}

int penata_tna_largest_gaps(penata_context* ctx, const penata_tna* tna, size_t unit, size_t max,
                            uint16_t* competency_out, double* mean_gap_out, size_t* count_out) {
    return guard(ctx, [&] {
        const auto& h = *need(tna, "tna");
        need(count_out, "count_out");
        if (unit >= h.units)
            fail(PENATA_ERR_NOT_FOUND, "no unit " + std::to_string(unit) + ": the workforce analysed has " +
                                           std::to_string(h.units) + " units");
        const auto top = h.tna.largest_gaps(static_cast<std::uint32_t>(unit), max);
        for (size_t i = 0; i < top.size(); ++i) {
            if (competency_out) competency_out[i] = top[i].competency;
            if (mean_gap_out) mean_gap_out[i] = top[i].mean_gap;
        }
        *count_out = top.size();
    });
}

// ----- candidate ranking -------------------------------------------------------------------------

int penata_rank_options_create(penata_context* ctx, penata_rank_options** out) {
    return guard(ctx, [&] { make(need(out, "out")); });
}

void penata_rank_options_destroy(penata_rank_options* opts) { delete opts; }

int penata_rank_options_set_unit(penata_context* ctx, penata_rank_options* opts, const char* unit_code) {
    return guard(ctx, [&] { need(opts, "opts")->options.unit_code = unit_code ? unit_code : ""; });
}

int penata_rank_options_set_include_subunits(penata_context* ctx, penata_rank_options* opts, int include) {
    return guard(ctx, [&] { need(opts, "opts")->options.include_subunits = include != 0; });
}

int penata_rank_options_set_employment_types(penata_context* ctx, penata_rank_options* opts, unsigned mask) {
    return guard(ctx, [&] {
        need(opts, "opts");
        if (mask & ~(PENATA_EMPLOYMENT_MASK_PNS | PENATA_EMPLOYMENT_MASK_PPPK))
            fail(PENATA_ERR_INVALID_ARGUMENT, "employment type mask " + std::to_string(mask) +
                                                  " has bits other than PENATA_EMPLOYMENT_MASK_PNS and _PPPK");
        opts->options.employment_types = static_cast<std::uint8_t>(mask);
    });
}

int penata_rank_options_set_check_golongan(penata_context* ctx, penata_rank_options* opts, int check) {
    return guard(ctx, [&] { need(opts, "opts")->options.check_golongan = check != 0; });
}

int penata_rank_candidates(penata_context* ctx, const penata_workforce* wf, const penata_assessments* as,
                           const penata_position_standards* st, const penata_gap_rules* rules, int position_class,
                           int position_level, const char* position_name, int32_t as_of,
                           const penata_rank_options* opts, penata_ranking** out) {
    return guard(ctx, [&] {
        const auto& w = wf_of(wf);
        const auto& a = as_of_handle(as);
        const auto& s = st_of(st);
        const auto& r = rules_of(rules);
        need(out, "out");
        const auto [cls, lvl] = position_arg(position_class, position_level);
        const PositionTarget target{cls, lvl, position_name ? position_name : ""};
        make(out, rank_candidates(w, a, s, r, target, as_of, opts ? opts->options : RankOptions{}));
    });
}

void penata_ranking_destroy(penata_ranking* ranking) { delete ranking; }

int penata_ranking_counts(penata_context* ctx, const penata_ranking* ranking, size_t* eligible_out,
                          size_t* ineligible_out) {
    return guard(ctx, [&] {
        const auto& k = need(ranking, "ranking")->ranking;
        if (eligible_out) *eligible_out = k.eligible.size();
        if (ineligible_out) *ineligible_out = k.ineligible.size();
    });
}

int penata_ranking_candidate(penata_context* ctx, const penata_ranking* ranking, size_t index, penata_candidate* out) {
    return guard(ctx, [&] {
        const auto& k = need(ranking, "ranking")->ranking;
        need(out, "out");
        const size_t e = k.eligible.size(), total = e + k.ineligible.size();
        if (index >= total)
            fail(PENATA_ERR_NOT_FOUND,
                 "no candidate " + std::to_string(index) + ": the ranking has " + std::to_string(total));
        const Candidate& c = index < e ? k.eligible[index] : k.ineligible[index - e];
        out->row = c.row;
        out->nip = c.nip;
        out->jpm = c.jpm;
        out->shortfall = c.shortfall;
        out->rank = c.rank;
        out->rule = c.rule.c_str();
        out->reason = c.reason.c_str();
    });
}

int penata_ranking_columns(penata_context* ctx, const penata_ranking* ranking, uint32_t* rows_out, uint64_t* nip_out,
                           double* jpm_out, uint32_t* shortfall_out, uint32_t* rank_out, size_t capacity) {
    return guard(ctx, [&] {
        const auto& k = need(ranking, "ranking")->ranking;
        const size_t e = k.eligible.size(), total = e + k.ineligible.size();
        capacity_arg(rows_out || nip_out || jpm_out || shortfall_out || rank_out, capacity, total, "the ranking");
        for (size_t i = 0; i < total; ++i) {
            const Candidate& c = i < e ? k.eligible[i] : k.ineligible[i - e];
            if (rows_out) rows_out[i] = c.row;
            if (nip_out) nip_out[i] = c.nip;
            if (jpm_out) jpm_out[i] = c.jpm;
            if (shortfall_out) shortfall_out[i] = c.shortfall;
            if (rank_out) rank_out[i] = c.rank;
        }
    });
}

}  // extern "C"
