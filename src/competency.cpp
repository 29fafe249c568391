#include "penata/competency.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>
#include <unordered_map>

#include "penata/date.hpp"
#include "csv_table.hpp"
#include "penata/error.hpp"

namespace penata {

using Json = nlohmann::ordered_json;
using detail::field_count_issue;
using detail::Fields;
using detail::Header;
using detail::nip_text;
using detail::put_digits;
using detail::quote;
using detail::read_csv_records;
using detail::read_header;

namespace {

[[noreturn]] void fail(std::string path, std::string value, std::string rule, std::string msg) {
    throw ValidationError(Issue{-1, std::move(path), clip_value(value), std::move(rule), std::move(msg)});
}

Json parse(std::string_view text) {
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        throw FormatError(std::string("not valid JSON: ") + e.what());
    }
}

void only_keys(const Json& j, const std::string& path, std::initializer_list<const char*> keys) {
    if (!j.is_object()) fail(path, j.dump(), "ruleset.type", "must be a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
            fail(path.empty() ? it.key() : path + "." + it.key(), it.key(), "ruleset.unknown_key", "unknown key");
}

const Json& need(const Json& j, const std::string& path, const char* k) {
    auto it = j.find(k);
    if (it == j.end()) fail(path.empty() ? k : path + "." + k, "", "ruleset.missing_key", "is required");
    return *it;
}

std::string need_string(const Json& j, const std::string& path) {
    if (!j.is_string()) fail(path, j.dump(), "ruleset.type", "must be a string");
    return j.get<std::string>();
}

std::uint8_t need_level(const Json& j, const std::string& path, const char* rule) {
    if (!j.is_number_integer() || j.get<long long>() < 0 || j.get<long long>() > kMaxCompetencyLevel)
        fail(path, j.dump(), rule, "must be a whole level 0..5 (0 = not required)");
    return static_cast<std::uint8_t>(j.get<int>());
}

bool bad_code(const std::string& c) {
    return c.empty() || c.size() > 32 ||
           std::any_of(c.begin(), c.end(), [](char ch) { return ch == ' ' || ch == ',' || static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F; });
}

std::map<std::string, std::string> read_notes(const Json& j) {
    std::map<std::string, std::string> out;
    if (!j.is_object()) fail("notes", j.dump(), "ruleset.type", "must be a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = need_string(*it, "notes." + it.key());
    return out;
}

// A whole level "0".."5" (or from `lowest`), nullopt otherwise.
std::optional<std::uint8_t> level_text(std::string_view t, char lowest) {
    if (t.size() != 1 || t[0] < lowest || t[0] > '5') return std::nullopt;
    return static_cast<std::uint8_t>(t[0] - '0');
}

}  // namespace

// ----- framework ---------------------------------------------------------------------------------

CompetencyFramework CompetencyFramework::builtin() {
    CompetencyFramework f;
    const std::array<std::string, 5> generic{
        "Level 1: understands and applies the competency in simple, routine situations with guidance",
        "Level 2: applies it independently in their own work",
        "Level 3: applies it in complex situations and guides colleagues in the work unit",
        "Level 4: develops it across units and makes it part of the organisation's practice",
        "Level 5: sets the direction for it at the level of the instansi and beyond"};
    const std::pair<const char*, const char*> m[] = {
        {"M.01", "Integritas"},          {"M.02", "Kerjasama"},
        {"M.03", "Komunikasi"},          {"M.04", "Orientasi pada Hasil"},
        {"M.05", "Pelayanan Publik"},    {"M.06", "Pengembangan Diri dan Orang Lain"},
        {"M.07", "Mengelola Perubahan"}, {"M.08", "Pengambilan Keputusan"}};
    for (const auto& [code, name] : m) f.add({code, name, CompetencyType::manajerial, generic});
    f.add({"SK.01", "Perekat Bangsa", CompetencyType::sosial_kultural, generic});
    return f;
}

std::size_t CompetencyFramework::add(Competency c) {
    if (bad_code(c.code))
        fail("code", c.code, "competency.code", "a competency code must be 1-32 bytes without spaces, commas or control characters");
    if (find(c.code)) fail("code", c.code, "competency.code_duplicate", "the framework already has this code");
    if (c.name.empty() || c.name.size() > kMaxTextLength)
        fail("name", c.name, "competency.name", "a competency name must be 1-200 bytes");
    if (static_cast<std::size_t>(c.type) >= EnumNames<CompetencyType>::names.size())
        fail("type", std::to_string(static_cast<int>(c.type)), "competency.type", "unknown competency type");
    if (items_.size() >= 0xFFFF) fail("code", c.code, "competency.count", "at most 65535 competencies");
    items_.push_back(std::move(c));
    return items_.size() - 1;
}

std::optional<std::size_t> CompetencyFramework::find(std::string_view code) const {
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (items_[i].code == code) return i;
    return std::nullopt;
}

std::size_t CompetencyFramework::index(std::string_view code) const {
    if (auto i = find(code)) return *i;
    throw NotFoundError("no competency with code '" + std::string(code) + "'");
}

bool CompetencyFramework::same_codes(const CompetencyFramework& o) const {
    return std::equal(items_.begin(), items_.end(), o.items_.begin(), o.items_.end(),
                      [](const Competency& a, const Competency& b) { return a.code == b.code; });
}

bool operator==(const CompetencyFramework& a, const CompetencyFramework& b) {
    return std::equal(a.items_.begin(), a.items_.end(), b.items_.begin(), b.items_.end(),
                      [](const Competency& x, const Competency& y) {
                          return x.code == y.code && x.name == y.name && x.type == y.type && x.levels == y.levels;
                      });
}

CompetencyFramework CompetencyFramework::from_json(std::string_view text) {
    const Json top = parse(text);
    only_keys(top, "", {"penata_competencies", "competencies"});
    if (auto v = top.find("penata_competencies"); v != top.end() && *v != 1)
        fail("penata_competencies", v->dump(), "competency.format_version", "only format 1 is known");
    const Json& list = need(top, "", "competencies");
    if (!list.is_array()) fail("competencies", list.dump(), "ruleset.type", "must be a JSON array");
    CompetencyFramework f;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string p = "competencies[" + std::to_string(i) + "]";
        const Json& c = list[i];
        only_keys(c, p, {"code", "name", "type", "levels"});
        Competency comp;
        comp.code = need_string(need(c, p, "code"), p + ".code");
        comp.name = need_string(need(c, p, "name"), p + ".name");
        const std::string t = need_string(need(c, p, "type"), p + ".type");
        auto type = from_text<CompetencyType>(t);
        if (!type) fail(p + ".type", t, "competency.type", "must be manajerial|sosial_kultural|teknis");
        comp.type = *type;
        if (auto l = c.find("levels"); l != c.end()) {
            if (!l->is_array() || l->size() != 5)
                fail(p + ".levels", l->dump(), "competency.levels", "must be an array of five level descriptions");
            for (std::size_t k = 0; k < 5; ++k)
                comp.levels[k] = need_string((*l)[k], p + ".levels[" + std::to_string(k) + "]");
        }
        try {
            f.add(std::move(comp));
        } catch (ValidationError& e) {
            Issue is = e.first();
            is.field = p + "." + is.field;
            throw ValidationError(std::move(is));
        }
    }
    return f;
}

std::string CompetencyFramework::to_json(int indent) const {
    Json list = Json::array();
    for (const Competency& c : items_)
        list.push_back({{"code", c.code}, {"name", c.name}, {"type", to_text(c.type)}, {"levels", c.levels}});
    return Json{{"penata_competencies", 1}, {"competencies", list}}.dump(indent);
}

CompetencyFramework CompetencyFramework::from_csv(std::string_view text) {
    static const std::vector<std::string_view> kCols{"code", "name", "type", "level_1", "level_2",
                                                     "level_3", "level_4", "level_5"};
    CompetencyFramework f;
    std::vector<Issue> issues;
    Header h;
    read_csv_records(text, "competency framework", [&](const Fields& fields, std::size_t record) {
        if (record == 1) {
            h = read_header(fields, kCols, 3, "competency");
            return;
        }
        const auto row = static_cast<std::int64_t>(record - 1);
        if (fields.size() != h.width) return issues.push_back(field_count_issue(row, fields.size(), h.width));
        auto cell = [&](std::size_t c) { return h.col[c] < 0 ? std::string_view{} : fields[static_cast<std::size_t>(h.col[c])]; };
        Competency comp;
        comp.code = std::string(cell(0));
        comp.name = std::string(cell(1));
        const auto type = from_text<CompetencyType>(cell(2));
        if (!type)
            issues.push_back(Issue{row, "type", clip_value(std::string(cell(2))), "competency.type",
                                   "must be manajerial|sosial_kultural|teknis"});
        comp.type = type.value_or(CompetencyType::teknis);  // the row is refused; code and name are still checked
        for (std::size_t l = 0; l < 5; ++l) comp.levels[l] = std::string(cell(3 + l));
        try {
            f.add(std::move(comp));
        } catch (const ValidationError& e) {
            Issue is = e.first();
            is.row = row;
            issues.push_back(std::move(is));
        }
    });
    if (h.col.empty()) throw FormatError("competency framework CSV is empty: a header row code,name,type is required");
    if (!issues.empty()) throw ValidationError(std::move(issues));
    return f;
}

std::string CompetencyFramework::to_csv() const {
    std::string out = "code,name,type,level_1,level_2,level_3,level_4,level_5\r\n";
    for (const Competency& c : items_) {
        out += quote(c.code) + ',' + quote(c.name) + ',' + std::string(to_text(c.type));
        for (const std::string& l : c.levels) out += ',' + quote(l);
        out += "\r\n";
    }
    return out;
}

// ----- position standards -----------------------------------------------------------------------

std::optional<std::size_t> position_kind(PositionClass cls, PositionLevel level) noexcept {
    const auto c = static_cast<std::size_t>(cls), l = static_cast<std::size_t>(level);
    if (cls == PositionClass::fungsional) return l == 0 || l >= kPositionLevelCount ? std::nullopt : std::optional(5 + l);
    if (c >= 6 || l != 0) return std::nullopt;
    return c;
}

std::string_view position_kind_name(std::size_t kind) {
    return kind < 6 ? EnumNames<PositionClass>::names.at(kind) : EnumNames<PositionLevel>::names.at(kind - 5);
}

namespace {
constexpr std::array<std::uint8_t, kPositionKindCount> kTypicalLevel{5, 5, 4, 3, 2, 1, 1, 2, 3, 4, 1, 1, 2, 2};

std::map<std::string, std::string> default_notes() {
    std::map<std::string, std::string> n;
    for (const char* t : {"manajerial", "sosial_kultural"}) {
        const std::string p = std::string("defaults.") + t;
        n[p] = "MEMORY: typical required level by position (ASN-RULES.md 3.1), a common assessment "
               "practice not found in the regulation text; configure per standar kompetensi jabatan";
        n[p + ".jpt_madya"] = "UNCERTAIN: 5, some competencies 4 (ASN-RULES.md 3.1)";
        for (const char* k : {"pemula", "terampil", "mahir", "penyelia"})
            n[p + "." + k] = "UNCERTAIN: ASN-RULES.md 3.1 gives 1-2 for JF keterampilan; penata uses 1 for "
                             "pemula/terampil and 2 for mahir/penyelia";
    }
    n["defaults.teknis"] = "teknis standards are set per jabatan by the PPK or instansi pembina: override per position";
    return n;
}
}  // namespace

PositionStandards::PositionStandards(CompetencyFramework framework)
    : framework_(std::move(framework)), notes_(default_notes()) {
    defaults_[0] = kTypicalLevel;
    defaults_[1] = kTypicalLevel;
    name = "permenpanrb-38-2017-typical";
}

PositionStandards::PositionStandards(CompetencyFramework framework, const Defaults& defaults)
    : framework_(std::move(framework)) {
    for (std::size_t t = 0; t < 3; ++t)
        for (std::size_t k = 0; k < kPositionKindCount; ++k) set_default(static_cast<CompetencyType>(t), k, defaults[t][k]);
}

void PositionStandards::set_default(CompetencyType type, std::size_t kind, std::uint8_t level) {
    const auto t = static_cast<std::size_t>(type);
    if (t >= 3 || kind >= kPositionKindCount) throw NotFoundError("no such competency type or position kind");
    const std::string p = "defaults." + std::string(to_text(type)) + "." + std::string(position_kind_name(kind));
    if (level > kMaxCompetencyLevel) fail(p, std::to_string(level), "standards.level", "must be a level 0..5 (0 = not required)");
    defaults_[t][kind] = level;
}

void PositionStandards::set_override(const std::string& position_name, std::string_view code, std::uint8_t level) {
    const std::string p = "overrides." + position_name + "." + std::string(code);
    auto i = framework_.find(code);
    if (!i) fail(p, std::string(code), "standards.unknown_competency", "a standard for a competency that is not in the framework");
    if (level > kMaxCompetencyLevel) fail(p, std::to_string(level), "standards.level", "must be a level 0..5 (0 = not required)");
    overrides_[position_name][*i] = level;
}

void PositionStandards::add_overrides_csv(std::string_view text) {
    static const std::vector<std::string_view> kCols{"position_name", "competency", "level"};
    std::vector<Issue> issues;
    std::vector<std::tuple<std::string, std::size_t, std::uint8_t>> rows;
    std::set<std::pair<std::string, std::size_t>> seen;
    Header h;
    read_csv_records(text, "standards overrides", [&](const Fields& fields, std::size_t record) {
        if (record == 1) {
            h = read_header(fields, kCols, 3, "standards");
            return;
        }
        const auto row = static_cast<std::int64_t>(record - 1);
        if (fields.size() != h.width) return issues.push_back(field_count_issue(row, fields.size(), h.width));
        const std::string pos(fields[static_cast<std::size_t>(h.col[0])]);
        const std::string_view code = fields[static_cast<std::size_t>(h.col[1])], lv = fields[static_cast<std::size_t>(h.col[2])];
        const std::size_t before = issues.size();
        if (pos.empty() || pos.size() > kMaxTextLength ||
            std::any_of(pos.begin(), pos.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F; }))
            issues.push_back(Issue{row, "position_name", clip_value(pos), "standards.position_name",
                                   "a position name is 1-200 bytes without control characters"});
        const auto c = framework_.find(code);
        if (!c)
            issues.push_back(Issue{row, "competency", clip_value(std::string(code)), "standards.unknown_competency",
                                   "a standard for a competency that is not in the framework"});
        const auto level = level_text(lv, '0');
        if (!level)
            issues.push_back(Issue{row, "level", clip_value(std::string(lv)), "standards.level",
                                   "must be a whole level 0..5 (0 = not required)"});
        if (issues.size() != before) return;
        if (!seen.emplace(pos, *c).second)
            return issues.push_back(Issue{row, "competency", clip_value(std::string(code)), "standards.override_duplicate",
                                          "this file already sets " + std::string(code) + " for '" + clip_value(pos) + "'"});
        rows.emplace_back(pos, *c, *level);
    });
    if (h.col.empty()) throw FormatError("standards overrides CSV is empty: a header row position_name,competency,level is required");
    if (!issues.empty()) throw ValidationError(std::move(issues));
    for (auto& [pos, c, level] : rows) overrides_[pos][c] = level;
}

std::vector<std::uint8_t> PositionStandards::required(PositionClass cls, PositionLevel level,
                                                      std::string_view position_name) const {
    auto kind = position_kind(cls, level);
    if (!kind)
        fail("position_level", std::string(to_text(level)), "standards.position",
             "no position kind for class " + std::string(to_text(cls)) + " with this level");
    std::vector<std::uint8_t> out(framework_.size());
    for (std::size_t c = 0; c < out.size(); ++c) out[c] = defaults_[static_cast<std::size_t>(framework_[c].type)][*kind];
    if (auto o = overrides_.find(std::string(position_name)); o != overrides_.end())
        for (const auto& [c, l] : o->second) out[c] = l;
    return out;
}

LevelMatrix PositionStandards::required(const Workforce& wf, Span<std::uint32_t> rows) const {
    const std::size_t n = rows.empty() ? wf.size() : rows.size, k = framework_.size();
    LevelMatrix out(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    // One standard row per (position kind, position-name code); most employees share few positions.
    const auto& dict = wf.position_name_dictionary();
    std::vector<std::int32_t> override_of(dict.size(), -1);
    std::vector<std::vector<std::uint8_t>> table;  // [kind] then appended override rows
    for (std::size_t kind = 0; kind < kPositionKindCount; ++kind) {
        std::vector<std::uint8_t> r(k);
        for (std::size_t c = 0; c < k; ++c) r[c] = defaults_[static_cast<std::size_t>(framework_[c].type)][kind];
        table.push_back(std::move(r));
    }
    std::vector<const std::map<std::size_t, std::uint8_t>*> ovr;
    for (std::size_t d = 0; d < dict.size(); ++d)
        if (auto o = overrides_.find(dict[d]); o != overrides_.end()) {
            override_of[d] = static_cast<std::int32_t>(ovr.size());
            ovr.push_back(&o->second);
        }
    std::map<std::pair<std::size_t, std::int32_t>, std::size_t> cache;
    const auto& cls = wf.position_class();
    const auto& lvl = wf.position_level();
    const auto& pn = wf.position_name_code();
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t r = rows.empty() ? i : rows[i];
        auto kind = position_kind(static_cast<PositionClass>(cls[r]), static_cast<PositionLevel>(lvl[r]));
        if (!kind) throw Error("workforce row with an invalid class/level pair");  // Workforce prevents this
        std::size_t t = *kind;
        if (const std::int32_t o = override_of[pn[r]]; o >= 0) {
            auto [it, fresh] = cache.try_emplace({*kind, o}, table.size());
            if (fresh) {
                std::vector<std::uint8_t> row = table[*kind];
                for (const auto& [c, l] : *ovr[static_cast<std::size_t>(o)]) row[c] = l;
                table.push_back(std::move(row));
            }
            t = it->second;
        }
        if (k) std::copy(table[t].begin(), table[t].end(), out.data() + i * k);
    }
    return out;
}

PositionStandards PositionStandards::from_json(CompetencyFramework framework, std::string_view text) {
    const Json top = parse(text);
    only_keys(top, "", {"penata_standards", "name", "notes", "defaults", "overrides"});
    if (auto v = top.find("penata_standards"); v != top.end() && *v != 1)
        fail("penata_standards", v->dump(), "standards.format_version", "only format 1 is known");
    Defaults d{};
    const Json& defs = need(top, "", "defaults");
    only_keys(defs, "defaults", {"manajerial", "sosial_kultural", "teknis"});
    for (std::size_t t = 0; t < 3; ++t) {
        const std::string tn(EnumNames<CompetencyType>::names[t]);
        const std::string p = "defaults." + tn;
        const Json& row = need(defs, "defaults", tn.c_str());
        if (!row.is_object()) fail(p, row.dump(), "ruleset.type", "must be a JSON object");
        for (auto it = row.begin(); it != row.end(); ++it) {
            bool known = false;
            for (std::size_t k = 0; k < kPositionKindCount; ++k) known |= position_kind_name(k) == it.key();
            if (!known) fail(p + "." + it.key(), it.key(), "ruleset.unknown_key", "not a position kind");
        }
        for (std::size_t k = 0; k < kPositionKindCount; ++k) {
            const std::string kn(position_kind_name(k));
            d[t][k] = need_level(need(row, p, kn.c_str()), p + "." + kn, "standards.level");
        }
    }
    PositionStandards s(std::move(framework), d);
    if (auto n = top.find("name"); n != top.end()) s.name = need_string(*n, "name");
    if (auto n = top.find("notes"); n != top.end()) s.notes_ = read_notes(*n);
    if (auto o = top.find("overrides"); o != top.end()) {
        if (!o->is_object()) fail("overrides", o->dump(), "ruleset.type", "must be a JSON object");
        for (auto it = o->begin(); it != o->end(); ++it) {
            const std::string p = "overrides." + it.key();
            if (!it->is_object()) fail(p, it->dump(), "ruleset.type", "must be a JSON object");
            for (auto c = it->begin(); c != it->end(); ++c)
                s.set_override(it.key(), c.key(), need_level(*c, p + "." + c.key(), "standards.level"));
        }
    }
    return s;
}

std::string PositionStandards::to_json(int indent) const {
    Json defs = Json::object();
    for (std::size_t t = 0; t < 3; ++t) {
        Json row = Json::object();
        for (std::size_t k = 0; k < kPositionKindCount; ++k) row[std::string(position_kind_name(k))] = defaults_[t][k];
        defs[std::string(EnumNames<CompetencyType>::names[t])] = row;
    }
    Json ovr = Json::object();
    for (const auto& [pos, m] : overrides_) {
        Json row = Json::object();
        for (const auto& [c, l] : m) row[framework_[c].code] = l;
        ovr[pos] = row;
    }
    Json top{{"penata_standards", 1}, {"name", name}};
    if (!notes_.empty()) top["notes"] = notes_;
    top["defaults"] = defs;
    top["overrides"] = ovr;
    return top.dump(indent);
}

// ----- assessments ------------------------------------------------------------------------------

namespace {

constexpr std::uint64_t kMaxNip = 999999999999999999ULL;  // 18 digits
constexpr std::size_t kMaxIssues = 1000;
constexpr std::uint16_t kNoCompetency = 0xFFFF;  // never an index: a framework has at most 65535

// Record issues, in the order they are listed for one record (after a row-level one).
enum Kind : std::uint8_t { k_nip = 0, k_competency, k_level, k_method, k_date, k_duplicate };

// Asks for the cache line of `p` ahead of its use (the index visits records in NIP order, which is
// random in memory).
inline void prefetch(const void* p) {
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}
constexpr std::size_t kAhead = 32;  // index entries prefetched ahead

// A batch record while it is sorted: NIP, competency << 16 | date offset (coarsened by a shift
// when the dates span more than 65535 days; ties then compare the dates), index in the batch.
// After the duplicate checks `sub` holds the record's insertion place in the index.
struct Entry {
    std::uint64_t nip;
    std::uint32_t sub;
    std::uint32_t idx;
};

}  // namespace

// The bulk add behind every add: validation, sort, duplicate checks, merge into the index.
struct AssessmentStore {
    // Bits of `reported`: the caller (the CSV reader) already reported the field's issue.
    enum : std::uint8_t { nip = 1, competency = 2, level = 4, date = 8, method = 16 };
    using CodeText = std::function<std::string(std::size_t)>;

    static void add(Assessments& a, const AssessmentColumns& c, std::int32_t today, const std::uint8_t* reported,
                    std::vector<Issue> pre, std::size_t pre_total, const CodeText& code_text);
};

void AssessmentStore::add(Assessments& a, const AssessmentColumns& c, std::int32_t today, const std::uint8_t* reported,
                          std::vector<Issue> pre, std::size_t pre_total, const CodeText& code_text) {
    const std::size_t m = c.nip.size;
    const struct { const char* name; std::size_t size; const void* data; } spans[] = {
        {"nip", c.nip.size, c.nip.data}, {"competency", c.competency.size, c.competency.data},
        {"level", c.level.size, c.level.data}, {"date", c.date.size, c.date.data}, {"method", c.method.size, c.method.data}};
    for (const auto& sp : spans) {
        if (sp.size != m)
            fail(sp.name, std::to_string(sp.size), "assessment.columns",
                 "has " + std::to_string(sp.size) + " values but nip has " + std::to_string(m));
        if (sp.size && !sp.data) fail(sp.name, std::to_string(sp.size), "assessment.columns", "has a length but no data");
    }
    const std::size_t n0 = a.size();
    if (m > std::numeric_limits<std::uint32_t>::max() - n0)
        fail("nip", std::to_string(m), "assessment.count",
             "a history holds at most 4294967295 records; it has " + std::to_string(n0));
    const std::size_t k = a.framework_.size();

    // 1. Field rules, in record order (the first kMaxIssues kept, all counted).
    std::vector<std::uint64_t> bad;  // index << 3 | Kind
    std::size_t bad_total = 0;
    auto flag = [&](std::size_t i, Kind kind) {
        if (++bad_total <= kMaxIssues) bad.push_back(static_cast<std::uint64_t>(i) << 3 | kind);
    };
    auto keyed = [&](std::size_t i) {  // takes part in the duplicate checks
        return !(reported && (reported[i] & (nip | competency | date))) && c.nip[i] != 0 && c.nip[i] <= kMaxNip &&
               c.competency[i] < k;
    };
    std::size_t n_keyed = 0, prev = 0;
    bool sorted = true;  // the keyed records already in (nip, competency, date) order
    std::uint64_t nip_lo = std::numeric_limits<std::uint64_t>::max(), nip_hi = 0;
    std::int64_t date_lo = std::numeric_limits<std::int32_t>::max(), date_hi = std::numeric_limits<std::int32_t>::min();
    for (std::size_t i = 0; i < m; ++i) {
        const std::uint8_t rep = reported ? reported[i] : 0;
        if (!(rep & nip) && (c.nip[i] == 0 || c.nip[i] > kMaxNip)) flag(i, k_nip);
        if (!(rep & competency) && c.competency[i] >= k) flag(i, k_competency);
        if (!(rep & level) && (c.level[i] < kMinCompetencyLevel || c.level[i] > kMaxCompetencyLevel)) flag(i, k_level);
        if (!(rep & method) && c.method[i] >= EnumNames<AssessmentMethod>::names.size()) flag(i, k_method);
        if (!(rep & date) && c.date[i] > today) flag(i, k_date);
        if (keyed(i)) {
            if (n_keyed && sorted)
                sorted = std::make_tuple(c.nip[prev], c.competency[prev], c.date[prev]) <=
                         std::make_tuple(c.nip[i], c.competency[i], c.date[i]);
            prev = i;
            ++n_keyed;
            nip_lo = std::min(nip_lo, c.nip[i]);
            nip_hi = std::max(nip_hi, c.nip[i]);
            date_lo = std::min<std::int64_t>(date_lo, c.date[i]);
            date_hi = std::max<std::int64_t>(date_hi, c.date[i]);
        }
    }

    // 2. Sort the keyed records by (nip, competency, date, index), unless they came in that order:
    //    one scatter pass into buckets by the NIP's high bits, then a sort of each bucket (small
    //    enough to stay in cache).
    int date_shift = 0;
    while (n_keyed && ((date_hi - date_lo) >> date_shift) > 0xFFFF) ++date_shift;
    auto sub_of = [&](std::size_t i) {
        return static_cast<std::uint32_t>(c.competency[i]) << 16 |
               static_cast<std::uint32_t>((static_cast<std::int64_t>(c.date[i]) - date_lo) >> date_shift);
    };
    std::vector<Entry> e(n_keyed);
    if (sorted) {
        std::size_t j = 0;
        for (std::size_t i = 0; i < m; ++i)
            if (keyed(i)) e[j++] = Entry{c.nip[i], sub_of(i), static_cast<std::uint32_t>(i)};
    } else {
        const std::uint64_t span = n_keyed ? nip_hi - nip_lo : 0;
        int span_bits = 0, bucket_bits = 0;
        while (span_bits < 64 && (span >> span_bits)) ++span_bits;
        while (bucket_bits < 20 && bucket_bits < span_bits && (n_keyed >> (bucket_bits + 4))) ++bucket_bits;
        const int shift = span_bits - bucket_bits;
        std::vector<std::uint32_t> end(std::size_t{1} << bucket_bits, 0);
        auto bucket = [&](std::size_t i) { return static_cast<std::size_t>((c.nip[i] - nip_lo) >> shift); };
        for (std::size_t i = 0; i < m; ++i)
            if (keyed(i)) ++end[bucket(i)];
        std::uint32_t at = 0;
        for (auto& x : end) at += std::exchange(x, at);  // now the start of each bucket
        for (std::size_t i = 0; i < m; ++i)
            if (keyed(i)) e[end[bucket(i)]++] = Entry{c.nip[i], sub_of(i), static_cast<std::uint32_t>(i)};  // now the end
        auto less = [&](const Entry& x, const Entry& y) {
            if (x.nip != y.nip) return x.nip < y.nip;
            if (x.sub != y.sub) return x.sub < y.sub;
            if (date_shift && c.date[x.idx] != c.date[y.idx]) return c.date[x.idx] < c.date[y.idx];
            return x.idx < y.idx;
        };
        std::uint32_t begin = 0;
        for (const std::uint32_t b_end : end) {
            // Input already in order (an export sorted by NIP, say) is only checked.
            if (b_end - begin > 1 && !std::is_sorted(e.begin() + begin, e.begin() + b_end, less))
                std::sort(e.begin() + begin, e.begin() + b_end, less);
            begin = b_end;
        }
    }

    // 3. Duplicates in the batch (the later record is the duplicate) and against the history; the
    //    smallest kMaxIssues indices kept (a max-heap), all counted.
    std::vector<std::uint32_t> dups;
    std::size_t dup_total = 0;
    auto duplicate = [&](std::uint32_t i) {
        ++dup_total;
        if (dups.size() < kMaxIssues) {
            dups.push_back(i);
            std::push_heap(dups.begin(), dups.end());
        } else if (i < dups.front()) {
            std::pop_heap(dups.begin(), dups.end());
            dups.back() = i;
            std::push_heap(dups.begin(), dups.end());
        }
    };
    for (std::size_t j = 1; j < e.size(); ++j)
        if (e[j].nip == e[j - 1].nip && e[j].sub == e[j - 1].sub && (!date_shift || c.date[e[j].idx] == c.date[e[j - 1].idx]))
            duplicate(e[j].idx);
    const auto& o = a.order_;
    if (n0) {
        auto before = [&](std::uint32_t r, const Entry& x) {  // history record r sorts before x
            if (a.nip_[r] != x.nip) return a.nip_[r] < x.nip;
            if (a.competency_[r] != c.competency[x.idx]) return a.competency_[r] < c.competency[x.idx];
            return a.date_[r] < c.date[x.idx];
        };
        std::size_t p = 0;
        for (Entry& x : e) {
            // Gallop from the previous place, then bisect: O(log distance) per record.
            std::size_t lo = p, step = 1;
            if (p + kAhead < n0) {
                const std::uint32_t r = o[p + kAhead];
                prefetch(&a.nip_[r]), prefetch(&a.competency_[r]), prefetch(&a.date_[r]);
            }
            while (lo + step <= n0 && before(o[lo + step - 1], x)) {
                lo += step;
                step <<= 1;
            }
            const std::size_t hi = std::min(n0, lo + step - 1);
            p = static_cast<std::size_t>(std::partition_point(o.begin() + static_cast<std::ptrdiff_t>(lo), o.begin() + static_cast<std::ptrdiff_t>(hi),
                                                              [&](std::uint32_t r) { return before(r, x); }) - o.begin());
            if (p < n0 && a.nip_[o[p]] == x.nip && a.competency_[o[p]] == c.competency[x.idx] && a.date_[o[p]] == c.date[x.idx])
                duplicate(x.idx);
            x.sub = static_cast<std::uint32_t>(p);
        }
    } else {
        for (Entry& x : e) x.sub = 0;
    }

    // 4. Every issue in row order (a row's own issue first, then by field), at most kMaxIssues.
    if (const std::size_t total = bad_total + dup_total + pre_total) {
        auto rank = [](const std::string& field) -> std::uint64_t {
            static const char* const order[] = {"nip", "competency", "level", "method", "date"};
            for (std::uint64_t r = 0; r < 5; ++r)
                if (field == order[r]) return r + 1;
            return 0;
        };
        auto code = [&](std::size_t i) { return a.framework_[c.competency[i]].code; };
        std::vector<std::pair<std::uint64_t, Issue>> list;
        for (Issue& is : pre) list.emplace_back(static_cast<std::uint64_t>(is.row) << 3 | rank(is.field), std::move(is));
        auto issue = [&](std::size_t i, Kind kind, std::string field, std::string value, const char* rule, std::string msg) {
            list.emplace_back(static_cast<std::uint64_t>(i + 1) << 3 | (kind + 1u),
                              Issue{static_cast<std::int64_t>(i + 1), std::move(field), clip_value(value), rule, std::move(msg)});
        };
        for (const std::uint64_t b : bad) {
            const auto i = static_cast<std::size_t>(b >> 3);
            switch (static_cast<Kind>(b & 7)) {
                case k_nip:
                    issue(i, k_nip, "nip", std::to_string(c.nip[i]), "assessment.nip",
                          c.nip[i] ? "a NIP has at most 18 digits" : "an assessment needs the employee's NIP");
                    break;
                case k_competency:
                    if (code_text)
                        issue(i, k_competency, "competency", code_text(i), "assessment.competency",
                              "unknown competency code (not in the framework)");
                    else
                        issue(i, k_competency, "competency", std::to_string(c.competency[i]), "assessment.competency",
                              "no competency with this index: the framework has " + std::to_string(k));
                    break;
                case k_level:
                    issue(i, k_level, "level", std::to_string(c.level[i]), "assessment.level", "a competency level must be 1..5");
                    break;
                case k_method:
                    issue(i, k_method, "method", std::to_string(c.method[i]), "assessment.method",
                          "must be 0 assessment_centre, 1 uji_kompetensi, 2 self or 3 supervisor");
                    break;
                default:
                    issue(i, k_date, "date", format_date(c.date[i]), "assessment.date_future",
                          "an assessment cannot be dated after today (" + format_date(today) + ")");
            }
        }
        std::sort(dups.begin(), dups.end());
        for (const std::uint32_t i : dups)
            issue(i, k_duplicate, "date", format_date(c.date[i]), "assessment.duplicate",
                  "an assessment of " + std::to_string(c.nip[i]) + " on " + code(i) +
                      " with this date already exists (history is append-only)");
        std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        std::vector<Issue> out;
        for (std::size_t j = 0; j < list.size() && j < kMaxIssues; ++j) out.push_back(std::move(list[j].second));
        if (total > out.size())
            out.push_back(Issue{-1, "", std::to_string(total - out.size()), "assessment.more_issues",
                                std::to_string(total - out.size()) + " more issue(s) not listed"});
        throw ValidationError(std::move(out));
    }

    // 5. Append (room reserved first, so that nothing changes when memory runs out), then merge
    //    the sorted batch into the index from the back.
    const std::size_t n = n0 + m;
    auto room = [n](auto& v) {
        if (v.capacity() < n) v.reserve(std::max(n, v.capacity() + v.capacity() / 2));
    };
    room(a.nip_), room(a.competency_), room(a.level_), room(a.date_), room(a.method_), room(a.order_);
    a.nip_.insert(a.nip_.end(), c.nip.data, c.nip.data + m);
    a.competency_.insert(a.competency_.end(), c.competency.data, c.competency.data + m);
    a.level_.insert(a.level_.end(), c.level.data, c.level.data + m);
    a.date_.insert(a.date_.end(), c.date.data, c.date.data + m);
    a.method_.insert(a.method_.end(), c.method.data, c.method.data + m);
    auto& ord = a.order_;
    ord.resize(n);
    std::size_t w = n, src = n0;
    for (std::size_t j = m; j-- > 0;) {
        const std::size_t p = e[j].sub;
        if (src > p) {
            std::move_backward(ord.begin() + static_cast<std::ptrdiff_t>(p), ord.begin() + static_cast<std::ptrdiff_t>(src),
                               ord.begin() + static_cast<std::ptrdiff_t>(w));
            w -= src - p;
            src = p;
        }
        ord[--w] = static_cast<std::uint32_t>(n0 + e[j].idx);
    }
}

Assessments::Assessments(CompetencyFramework framework) : framework_(std::move(framework)) {}

void Assessments::add(const AssessmentColumns& columns, std::int32_t today) {
    AssessmentStore::add(*this, columns, today, nullptr, {}, 0, nullptr);
}

void Assessments::add(const std::vector<AssessmentRecord>& records, std::int32_t today) {
    const std::size_t m = records.size();
    std::vector<std::uint64_t> nip(m);
    std::vector<std::uint16_t> comp(m);
    std::vector<std::uint8_t> level(m), method(m);
    std::vector<std::int32_t> date(m);
    std::unordered_map<std::string_view, std::uint16_t> codes;
    for (std::size_t c = 0; c < framework_.size(); ++c) codes.emplace(framework_[c].code, static_cast<std::uint16_t>(c));
    for (std::size_t i = 0; i < m; ++i) {
        const AssessmentRecord& r = records[i];
        const auto c = codes.find(r.competency);
        nip[i] = r.nip;
        comp[i] = c != codes.end() ? c->second : kNoCompetency;
        level[i] = r.level;
        date[i] = r.date;
        method[i] = static_cast<std::uint8_t>(r.method);
    }
    AssessmentStore::add(*this, {nip, comp, level, date, method}, today, nullptr, {}, 0,
                         [&](std::size_t i) { return records[i].competency; });
}

void Assessments::add_csv(std::string_view text, std::int32_t today) {
    static const std::vector<std::string_view> kCols{"nip", "competency", "level", "date", "method"};
    std::unordered_map<std::string_view, std::uint16_t> codes;
    for (std::size_t c = 0; c < framework_.size(); ++c) codes.emplace(framework_[c].code, static_cast<std::uint16_t>(c));
    std::vector<std::uint64_t> nip;
    std::vector<std::uint16_t> comp;
    std::vector<std::uint8_t> level, method, reported;
    std::vector<std::int32_t> date;
    std::vector<Issue> pre;  // cell issues, the first kMaxIssues
    std::size_t pre_total = 0;
    std::unordered_map<std::size_t, std::string> unknown;  // unknown codes of the first kMaxIssues rows that have one
    Header h;
    read_csv_records(text, "assessment", [&](const Fields& fields, std::size_t record) {
        if (record == 1) {
            h = read_header(fields, kCols, kCols.size(), "assessment");
            return;
        }
        const auto row = static_cast<std::int64_t>(record - 1);
        const std::size_t i = nip.size();
        nip.push_back(0), comp.push_back(0), level.push_back(0), date.push_back(0), method.push_back(0), reported.push_back(0);
        auto issue = [&](Issue is, std::uint8_t bits) {
            reported.back() |= bits;
            if (++pre_total <= kMaxIssues) pre.push_back(std::move(is));
        };
        if (fields.size() != h.width)
            return issue(field_count_issue(row, fields.size(), h.width), AssessmentStore::nip | AssessmentStore::competency |
                                                                           AssessmentStore::level | AssessmentStore::date |
                                                                           AssessmentStore::method);
        auto cell = [&](std::size_t c) { return fields[static_cast<std::size_t>(h.col[c])]; };
        auto bad = [&](const char* field, std::string_view value, const char* rule, const char* msg) {
            return Issue{row, field, clip_value(std::string(value)), rule, msg};
        };
        if (const auto v = nip_text(cell(0))) nip.back() = *v;
        else issue(bad("nip", cell(0), "assessment.nip", "a NIP is 18 digits"), AssessmentStore::nip);
        if (const auto c = codes.find(cell(1)); c != codes.end()) {
            comp.back() = c->second;
        } else {
            comp.back() = kNoCompetency;
            if (unknown.size() < kMaxIssues) unknown.emplace(i, std::string(cell(1)));
        }
        if (const auto l = level_text(cell(2), '1')) level.back() = *l;
        else issue(bad("level", cell(2), "assessment.level", "a competency level is a whole number 1..5"), AssessmentStore::level);
        if (const auto d = parse_date(cell(3))) date.back() = *d;
        else issue(bad("date", cell(3), "assessment.date", "a date is YYYY-MM-DD and a real calendar day"), AssessmentStore::date);
        if (const auto m = from_text<AssessmentMethod>(cell(4))) method.back() = static_cast<std::uint8_t>(*m);
        else issue(bad("method", cell(4), "assessment.method", "must be assessment_centre|uji_kompetensi|self|supervisor"),
                   AssessmentStore::method);
    });
    if (h.col.empty()) throw FormatError("assessment CSV is empty: a header row nip,competency,level,date,method is required");
    AssessmentStore::add(*this, {nip, comp, level, date, method}, today, reported.data(), std::move(pre), pre_total,
                         [&](std::size_t i) {
                             const auto u = unknown.find(i);
                             return u == unknown.end() ? std::string() : u->second;
                         });
}

std::string Assessments::to_csv() const {
    std::string out = "nip,competency,level,date,method\r\n";
    std::vector<std::string> codes;
    std::size_t longest = 0;
    for (const Competency& c : framework_.all()) codes.push_back(quote(c.code)), longest = std::max(longest, codes.back().size());
    out.reserve(out.size() + size() * (54 + std::min<std::size_t>(longest, 16)));
    std::vector<char> buf(longest + 64);
    for (std::size_t i = 0; i < size(); ++i) {
        char* p = put_digits(buf.data(), nip_[i], 18);
        *p++ = ',';
        const std::string& code = codes[competency_[i]];
        p = std::copy(code.begin(), code.end(), p);
        *p++ = ',';
        *p++ = static_cast<char>('0' + level_[i]);
        *p++ = ',';
        if (const CivilDate d = civil_from_days(date_[i]); d.year >= 0 && d.year <= 9999) {
            p = put_digits(p, static_cast<std::uint64_t>(d.year), 4), *p++ = '-';
            p = put_digits(p, static_cast<std::uint64_t>(d.month), 2), *p++ = '-';
            p = put_digits(p, static_cast<std::uint64_t>(d.day), 2);
        } else {
            const std::string t = format_date(date_[i]);
            p = std::copy(t.begin(), t.end(), p);
        }
        *p++ = ',';
        const std::string_view m = to_text(static_cast<AssessmentMethod>(method_[i]));
        p = std::copy(m.begin(), m.end(), p);
        *p++ = '\r', *p++ = '\n';
        out.append(buf.data(), static_cast<std::size_t>(p - buf.data()));
    }
    return out;
}

AssessmentRecord Assessments::record(std::size_t i) const {
    if (i >= size()) throw NotFoundError("no assessment record " + std::to_string(i));
    return {nip_[i], framework_[competency_[i]].code, level_[i], date_[i], static_cast<AssessmentMethod>(method_[i])};
}

std::size_t Assessments::memory_bytes() const noexcept {
    return nip_.capacity() * sizeof(std::uint64_t) + competency_.capacity() * sizeof(std::uint16_t) +
           level_.capacity() + date_.capacity() * sizeof(std::int32_t) + method_.capacity() +
           order_.capacity() * sizeof(std::uint32_t);
}

LevelMatrix Assessments::latest(const Workforce& wf, std::int32_t as_of, Span<std::uint32_t> rows) const {
    const std::size_t n = rows.empty() ? wf.size() : rows.size, k = framework_.size(), total = size();
    LevelMatrix out = LevelMatrix::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    for (std::size_t i = 0; i < rows.size; ++i)
        if (rows[i] >= wf.size())
            throw NotFoundError("row " + std::to_string(rows[i]) + " is not in the workforce (" + std::to_string(wf.size()) + " rows)");
    if (!rows.empty() && rows.size * 32 < total) {  // a few rows: a binary search each
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t nip = wf.nip()[rows[i]];
            auto t = std::partition_point(order_.begin(), order_.end(), [&](std::uint32_t r) { return nip_[r] < nip; });
            // The NIP's records by competency then date: the last on or before as_of is written last.
            for (; t != order_.end() && nip_[*t] == nip; ++t)
                if (date_[*t] <= as_of) out(static_cast<Eigen::Index>(i), competency_[*t]) = level_[*t];
        }
        return out;
    }
    std::vector<std::int64_t> out_row;  // workforce row -> output row, -1 = not selected
    if (!rows.empty()) {
        out_row.assign(wf.size(), -1);
        for (std::size_t i = n; i-- > 0;) out_row[rows[i]] = static_cast<std::int64_t>(i);  // the first of repeats
    }
    // One pass over the index (by NIP, competency, date): a later record of a cell overwrites an
    // earlier one.
    std::uint64_t nip = 0;  // no record has NIP 0
    std::int64_t o = -1;
    for (std::size_t t = 0; t < total; ++t) {
        if (t + kAhead < total) {
            const std::uint32_t ahead = order_[t + kAhead];
            prefetch(&nip_[ahead]), prefetch(&competency_[ahead]), prefetch(&date_[ahead]), prefetch(&level_[ahead]);
        }
        const std::uint32_t r = order_[t];
        if (nip_[r] != nip) {
            nip = nip_[r];
            const auto row = wf.find(nip);
            o = !row ? -1 : rows.empty() ? static_cast<std::int64_t>(*row) : out_row[*row];
        }
        if (o >= 0 && date_[r] <= as_of) out(static_cast<Eigen::Index>(o), competency_[r]) = level_[r];
    }
    for (std::size_t i = 0; i < rows.size; ++i)  // a row listed twice gets the same levels twice
        if (const auto first = out_row[rows[i]]; first != static_cast<std::int64_t>(i))
            out.row(static_cast<Eigen::Index>(i)) = out.row(static_cast<Eigen::Index>(first));
    return out;
}

std::optional<std::size_t> Assessments::latest(std::uint64_t nip, std::string_view code, std::int32_t as_of) const {
    const std::size_t c = framework_.index(code);
    // The first record after (nip, c, as_of) in index order; the one before it is the answer if it
    // belongs to the same employee and competency.
    const auto it = std::partition_point(order_.begin(), order_.end(), [&](std::uint32_t r) {
        if (nip_[r] != nip) return nip_[r] < nip;
        if (competency_[r] != c) return competency_[r] < c;
        return date_[r] <= as_of;
    });
    if (it == order_.begin()) return std::nullopt;
    const std::uint32_t r = *(it - 1);
    if (nip_[r] != nip || competency_[r] != c) return std::nullopt;
    return r;
}

}  // namespace penata
