#include "penata/competency.hpp"

#include <algorithm>
#include <numeric>
#include <nlohmann/json.hpp>

#include "penata/date.hpp"
#include "penata/error.hpp"

namespace penata {

using Json = nlohmann::ordered_json;

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

std::size_t Assessments::KeyHash::operator()(const std::pair<std::uint64_t, std::uint64_t>& k) const noexcept {
    std::uint64_t h = k.first * 0x9E3779B97F4A7C15ULL ^ (k.second + 0x632BE59BD9B4E019ULL + (k.first << 6));
    h ^= h >> 31;
    return static_cast<std::size_t>(h * 0xBF58476D1CE4E5B9ULL);
}

Assessments::Assessments(CompetencyFramework framework) : framework_(std::move(framework)) {}

void Assessments::add(const std::vector<AssessmentRecord>& records, std::int32_t today) {
    std::vector<Issue> issues;
    std::vector<std::uint16_t> comp(records.size());
    std::unordered_set<std::pair<std::uint64_t, std::uint64_t>, KeyHash> batch;
    auto issue = [&](std::size_t i, const char* field, std::string value, const char* rule, std::string msg) {
        issues.push_back(Issue{static_cast<std::int64_t>(i + 1), field, clip_value(value), rule, std::move(msg)});
    };
    for (std::size_t i = 0; i < records.size(); ++i) {
        const AssessmentRecord& r = records[i];
        bool ok = true;
        if (r.nip == 0) { issue(i, "nip", "0", "assessment.nip", "an assessment needs the employee's NIP"); ok = false; }
        auto c = framework_.find(r.competency);
        if (!c) {
            issue(i, "competency", r.competency, "assessment.competency", "unknown competency code (not in the framework)");
            ok = false;
        } else {
            comp[i] = static_cast<std::uint16_t>(*c);
        }
        if (r.level < kMinCompetencyLevel || r.level > kMaxCompetencyLevel)
            issue(i, "level", std::to_string(r.level), "assessment.level", "a competency level must be 1..5");
        if (static_cast<std::size_t>(r.method) >= EnumNames<AssessmentMethod>::names.size())
            issue(i, "method", std::to_string(static_cast<int>(r.method)), "assessment.method",
                  "must be assessment_centre|uji_kompetensi|self|supervisor");
        if (r.date > today)
            issue(i, "date", format_date(r.date), "assessment.date_future",
                  "an assessment cannot be dated after today (" + format_date(today) + ")");
        if (ok) {
            const std::pair<std::uint64_t, std::uint64_t> key{
                r.nip, (std::uint64_t{comp[i]} << 32) | static_cast<std::uint32_t>(r.date)};
            if (keys_.count(key) || !batch.insert(key).second)
                issue(i, "date", format_date(r.date), "assessment.duplicate",
                      "an assessment of " + std::to_string(r.nip) + " on " + r.competency +
                          " with this date already exists (history is append-only)");
        }
    }
    if (!issues.empty()) throw ValidationError(std::move(issues));
    const std::size_t n0 = nip_.size(), n = n0 + records.size();
    nip_.reserve(n); competency_.reserve(n); level_.reserve(n); date_.reserve(n); method_.reserve(n);
    for (std::size_t i = 0; i < records.size(); ++i) {
        nip_.push_back(records[i].nip);
        competency_.push_back(comp[i]);
        level_.push_back(records[i].level);
        date_.push_back(records[i].date);
        method_.push_back(static_cast<std::uint8_t>(records[i].method));
    }
    keys_.insert(batch.begin(), batch.end());
}

AssessmentRecord Assessments::record(std::size_t i) const {
    if (i >= size()) throw NotFoundError("no assessment record " + std::to_string(i));
    return {nip_[i], framework_[competency_[i]].code, level_[i], date_[i], static_cast<AssessmentMethod>(method_[i])};
}

LevelMatrix Assessments::latest(const Workforce& wf, std::int32_t as_of, Span<std::uint32_t> rows) const {
    const std::size_t n = rows.empty() ? wf.size() : rows.size, k = framework_.size();
    LevelMatrix out = LevelMatrix::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    std::vector<std::int32_t> out_row;  // workforce row -> output row, -1 = not selected
    if (!rows.empty()) {
        out_row.assign(wf.size(), -1);
        for (std::size_t i = 0; i < n; ++i) out_row.at(rows[i]) = static_cast<std::int32_t>(i);
    }
    std::vector<std::uint32_t> order(size());
    std::iota(order.begin(), order.end(), 0u);
    // Ascending date: a later record overwrites an earlier one; dates of one cell are unique.
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return date_[a] < date_[b]; });
    for (std::uint32_t i : order) {
        if (date_[i] > as_of) break;
        auto r = wf.find(nip_[i]);
        if (!r) continue;
        std::int64_t o = static_cast<std::int64_t>(*r);
        if (!rows.empty()) o = out_row[*r];
        if (o < 0) continue;
        out(o, competency_[i]) = level_[i];
    }
    return out;
}

std::optional<std::size_t> Assessments::latest(std::uint64_t nip, std::string_view code, std::int32_t as_of) const {
    const std::size_t c = framework_.index(code);
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < size(); ++i)
        if (nip_[i] == nip && competency_[i] == c && date_[i] <= as_of && (!best || date_[i] > date_[*best])) best = i;
    return best;
}

}  // namespace penata
