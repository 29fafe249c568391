#include "penata/gaps.hpp"

#include <algorithm>
#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <nlohmann/json.hpp>

#include "penata/date.hpp"
#include "penata/error.hpp"

namespace penata {

using Json = nlohmann::ordered_json;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void fail(std::string path, std::string value, std::string rule, std::string msg) {
    throw ValidationError(Issue{-1, std::move(path), clip_value(value), std::move(rule), std::move(msg)});
}
std::string fmt(double v) { return std::isnan(v) ? "nan" : std::isinf(v) ? "inf" : Json(v).dump(); }

void check_bands(const BandTable& t, const std::string& path, std::uint8_t first, std::uint8_t count) {
    if (!std::isfinite(t.min)) fail(path + ".min", fmt(t.min), "ruleset.band_range", "must be a finite number");
    if (std::isnan(t.max) || !(t.max > t.min)) fail(path + ".max", fmt(t.max), "ruleset.band_range", "must be greater than min");
    if (t.bands.empty()) fail(path + ".bands", "[]", "ruleset.band_coverage", "needs at least one band");
    for (std::size_t i = 0; i < t.bands.size(); ++i) {
        const Band& b = t.bands[i];
        const std::string p = path + ".bands[" + std::to_string(i) + "]";
        if (b.label < first || b.label >= first + count)
            fail(p + ".label", std::to_string(b.label), "ruleset.enum_known", "label not of this table");
        if (std::isnan(b.from) || std::isnan(b.to) || !(b.from < b.to))
            fail(p + ".to", fmt(b.to), "ruleset.band_order", "a band must end after it starts");
        const double expect = i == 0 ? t.min : t.bands[i - 1].to;
        if (b.from != expect)
            fail(p + ".from", fmt(b.from), b.from > expect ? "ruleset.band_gap" : "ruleset.band_overlap",
                 "must start where the previous band ends (" + fmt(expect) + ")");
    }
    if (t.bands.back().to != t.max)
        fail(path + ".bands[" + std::to_string(t.bands.size() - 1) + "].to", fmt(t.bands.back().to),
             "ruleset.band_coverage", "the last band must end at max " + fmt(t.max));
}

BandTable three(double lo, double mid, std::uint8_t low, std::uint8_t middle, std::uint8_t high) {
    return BandTable{0, kOpenEnd, {{0, lo, low}, {lo, mid, middle}, {mid, kOpenEnd, high}}};
}

template <class E> Json bands_json(const BandTable& t) {
    Json b = Json::array();
    for (const Band& x : t.bands)
        b.push_back({{"from", x.from}, {"to", std::isinf(x.to) ? Json() : Json(x.to)}, {"label", to_text(static_cast<E>(x.label))}});
    return {{"min", t.min}, {"max", std::isinf(t.max) ? Json() : Json(t.max)}, {"bands", b}};
}

const Json& need(const Json& j, const std::string& p, const char* k) {
    if (!j.is_object()) fail(p, j.dump(), "ruleset.type", "must be a JSON object");
    auto it = j.find(k);
    if (it == j.end()) fail(p.empty() ? k : p + "." + k, "", "ruleset.missing_key", "is required");
    return *it;
}
double num(const Json& j, const std::string& p, bool null_is_open = false) {
    if (null_is_open && j.is_null()) return kOpenEnd;
    if (!j.is_number()) fail(p, j.dump(), "ruleset.type", "must be a number");
    return j.get<double>();
}
std::string str(const Json& j, const std::string& p) {
    if (!j.is_string()) fail(p, j.dump(), "ruleset.type", "must be a string");
    return j.get<std::string>();
}
template <class E> E enum_of(const Json& j, const std::string& p) {
    const std::string s = str(j, p);
    auto e = from_text<E>(s);
    if (!e) fail(p, s, "ruleset.enum_known", "unknown value");
    return *e;
}
void only_keys(const Json& j, const std::string& p, std::initializer_list<const char*> keys) {
    if (!j.is_object()) fail(p, j.dump(), "ruleset.type", "must be a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
            fail(p.empty() ? it.key() : p + "." + it.key(), it.key(), "ruleset.unknown_key", "unknown key");
}
template <class E> BandTable bands_of(const Json& j, const std::string& p) {
    only_keys(j, p, {"min", "max", "bands"});
    BandTable t{num(need(j, p, "min"), p + ".min"), num(need(j, p, "max"), p + ".max", true), {}};
    const Json& b = need(j, p, "bands");
    if (!b.is_array()) fail(p + ".bands", b.dump(), "ruleset.type", "must be a JSON array");
    for (std::size_t i = 0; i < b.size(); ++i) {
        const std::string q = p + ".bands[" + std::to_string(i) + "]";
        only_keys(b[i], q, {"from", "to", "label"});
        t.bands.push_back({num(need(b[i], q, "from"), q + ".from"), num(need(b[i], q, "to"), q + ".to", true),
                           static_cast<std::uint8_t>(enum_of<E>(need(b[i], q, "label"), q + ".label"))});
    }
    return t;
}

}  // namespace

// ----- rules ------------------------------------------------------------------------------------

GapRules GapRules::builtin() {
    GapRules r;
    r.name = "penata-gaps";
    r.regulation = "PermenPANRB 38/2017; Peraturan BKN 26/2019 (mapping: Peraturan BRIN 3/2023 Pasal 33; "
                   "selection: 2020 uji kompetensi regulation of a JF); PP 13/2002; PP 11/2017 Pasal 203";
    r.version = "1";
    r.mapping = three(78, 90, 2, 1, 0);
    r.selection = three(68, 80, 5, 4, 3);
    r.potential = three(78, 90, 0, 1, 2);
    r.teknis_weight.fill(kNaN);
    r.teknis_weight[static_cast<std::size_t>(PositionLevel::ahli_pertama)] = 0.6;
    r.teknis_weight[static_cast<std::size_t>(PositionLevel::ahli_muda)] = 0.5;
    r.teknis_weight[static_cast<std::size_t>(PositionLevel::ahli_madya)] = 0.4;
    // I/a=1 .. IV/e=17: III/a=9, III/b=10, III/c=11, III/d=12, IV/a=13, IV/b=14, IV/c=15, IV/d=16.
    r.golongan = {{{16, 17}, {15, 17}, {14, 16}, {12, 14}, {10, 12}, {1, 17},
                   {9, 10}, {11, 12}, {13, 15}, {16, 17}, {5, 5}, {6, 8}, {9, 10}, {11, 12}}};
    r.notes["potential"] = "UNCERTAIN: penata's choice (the mapping cut-offs); no regulation maps JPM to the potensial axis";
    r.notes["golongan.jpt_utama"] = "UNCERTAIN: JPT Utama has no eselon row in PP 13/2002; IV/d-IV/e assumed";
    r.notes["golongan.pelaksana"] = "UNCERTAIN: no range for pelaksana; any golongan";
    for (const char* k : {"pemula", "terampil", "mahir", "penyelia"})
        r.notes[std::string("golongan.") + k] = "MEMORY: keterampilan ranges of ASN-RULES.md 8.4 are not verified";
    r.notes["teknis_weight"] = "CONFIRMED for one JF (JFKK, 2020 regulation); applied to every JF of these jenjang";
    return r;
}

void GapRules::validate() const {
    if (name.empty()) fail("name", "", "ruleset.name", "must not be empty");
    if (static_cast<std::size_t>(scheme) > 1) fail("scheme", std::to_string(static_cast<int>(scheme)), "ruleset.enum_known", "mapping|selection");
    if (static_cast<std::size_t>(missing) > 1) fail("missing", std::to_string(static_cast<int>(missing)), "ruleset.enum_known", "exclude|refuse");
    check_bands(mapping, "mapping", 0, 3);
    check_bands(selection, "selection", 3, 3);
    check_bands(potential, "potential", 0, 3);
    if (!std::isnan(teknis_weight[0])) fail("teknis_weight", fmt(teknis_weight[0]), "ruleset.weight_positive", "no weight without a jenjang");
    for (std::size_t l = 1; l < kPositionLevelCount; ++l)
        if (!std::isnan(teknis_weight[l]) && !(teknis_weight[l] > 0 && teknis_weight[l] < 1))
            fail("teknis_weight." + std::string(EnumNames<PositionLevel>::names[l]), fmt(teknis_weight[l]),
                 "ruleset.weight_positive", "a teknis share must be in (0, 1), or null for no weighting");
    if (!std::isfinite(training_min_hours) || training_min_hours < 0)
        fail("training_min_hours", fmt(training_min_hours), "ruleset.non_negative", "must be a finite number >= 0");
    for (std::size_t k = 0; k < kPositionKindCount; ++k) {
        const GolonganRange g = golongan[k];
        if (g.min < 1 || g.max > kGolonganCount || g.min > g.max)
            fail("golongan." + std::string(position_kind_name(k)), std::to_string(g.min) + "-" + std::to_string(g.max),
                 "ruleset.band_order", "must be golongan I/a..IV/e with the lowest first");
    }
    for (const auto& [path, text] : notes)
        if (text.empty()) fail("notes." + path, "", "ruleset.note_path", "a note must not be empty");
}

std::string GapRules::to_json(int indent) const {
    Json top{{"penata_gap_rules", 1}, {"name", name}, {"regulation", regulation}, {"version", version}};
    if (!notes.empty()) top["notes"] = notes;
    top["cap_at_standard"] = cap_at_standard;
    top["scheme"] = to_text(scheme);
    top["missing"] = to_text(missing);
    top["mapping"] = bands_json<JpmCategory>(mapping);
    top["selection"] = bands_json<JpmCategory>(selection);
    top["potential"] = bands_json<Potential>(potential);
    Json w = Json::object();
    for (std::size_t l = 1; l < kPositionLevelCount; ++l)
        w[std::string(EnumNames<PositionLevel>::names[l])] = std::isnan(teknis_weight[l]) ? Json() : Json(teknis_weight[l]);
    top["teknis_weight"] = w;
    top["training_min_hours"] = training_min_hours;
    Json g = Json::object();
    for (std::size_t k = 0; k < kPositionKindCount; ++k)
        g[std::string(position_kind_name(k))] = {golongan_text(EmploymentType::PNS, golongan[k].min),
                                                  golongan_text(EmploymentType::PNS, golongan[k].max)};
    top["golongan"] = g;
    return top.dump(indent);
}

GapRules GapRules::from_json(std::string_view text) {
    Json top;
    try {
        top = Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        throw FormatError(std::string("not valid JSON: ") + e.what());
    }
    only_keys(top, "", {"penata_gap_rules", "name", "regulation", "version", "notes", "cap_at_standard", "scheme",
                        "missing", "mapping", "selection", "potential", "teknis_weight", "training_min_hours", "golongan"});
    if (auto v = top.find("penata_gap_rules"); v != top.end() && *v != 1)
        fail("penata_gap_rules", v->dump(), "ruleset.format_version", "only format 1 is known");
    GapRules r;
    r.name = str(need(top, "", "name"), "name");
    r.regulation = str(need(top, "", "regulation"), "regulation");
    r.version = str(need(top, "", "version"), "version");
    if (auto n = top.find("notes"); n != top.end()) {
        if (!n->is_object()) fail("notes", n->dump(), "ruleset.type", "must be a JSON object");
        for (auto it = n->begin(); it != n->end(); ++it) r.notes[it.key()] = str(*it, "notes." + it.key());
    }
    const Json& cap = need(top, "", "cap_at_standard");
    if (!cap.is_boolean()) fail("cap_at_standard", cap.dump(), "ruleset.type", "must be true or false");
    r.cap_at_standard = cap.get<bool>();
    r.scheme = enum_of<JpmScheme>(need(top, "", "scheme"), "scheme");
    r.missing = enum_of<MissingPolicy>(need(top, "", "missing"), "missing");
    r.mapping = bands_of<JpmCategory>(need(top, "", "mapping"), "mapping");
    r.selection = bands_of<JpmCategory>(need(top, "", "selection"), "selection");
    r.potential = bands_of<Potential>(need(top, "", "potential"), "potential");
    r.teknis_weight.fill(kNaN);
    const Json& w = need(top, "", "teknis_weight");
    only_keys(w, "teknis_weight", {"ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil", "mahir", "penyelia"});
    for (std::size_t l = 1; l < kPositionLevelCount; ++l) {
        const std::string k(EnumNames<PositionLevel>::names[l]);
        const Json& v = need(w, "teknis_weight", k.c_str());
        r.teknis_weight[l] = v.is_null() ? kNaN : num(v, "teknis_weight." + k);
    }
    r.training_min_hours = num(need(top, "", "training_min_hours"), "training_min_hours");
    const Json& g = need(top, "", "golongan");
    if (!g.is_object()) fail("golongan", g.dump(), "ruleset.type", "must be a JSON object");
    for (auto it = g.begin(); it != g.end(); ++it) {
        bool known = false;
        for (std::size_t k = 0; k < kPositionKindCount; ++k) known |= position_kind_name(k) == it.key();
        if (!known) fail("golongan." + it.key(), it.key(), "ruleset.unknown_key", "not a position kind");
    }
    for (std::size_t k = 0; k < kPositionKindCount; ++k) {
        const std::string kn(position_kind_name(k)), p = "golongan." + kn;
        const Json& v = need(g, "golongan", kn.c_str());
        if (!v.is_array() || v.size() != 2) fail(p, v.dump(), "ruleset.type", "must be [lowest, highest] golongan");
        std::array<std::uint8_t, 2> ab{};
        for (std::size_t i = 0; i < 2; ++i) {
            auto c = parse_golongan(EmploymentType::PNS, str(v[i], p + "[" + std::to_string(i) + "]"));
            if (!c) fail(p + "[" + std::to_string(i) + "]", v[i].dump(), "ruleset.enum_known", "not a PNS golongan (I/a..IV/e)");
            ab[i] = *c;
        }
        r.golongan[k] = {ab[0], ab[1]};
    }
    r.validate();
    return r;
}

std::optional<JpmCategory> jpm_category(double jpm, const GapRules& rules) noexcept {
    auto l = rules.categories().find(jpm);
    return l ? std::optional(static_cast<JpmCategory>(*l)) : std::nullopt;
}

std::optional<Potential> potential_from_jpm(double jpm, const GapRules& rules) noexcept {
    auto l = rules.potential.find(jpm);
    return l ? std::optional(static_cast<Potential>(*l)) : std::nullopt;
}

// ----- kernel -----------------------------------------------------------------------------------

namespace {

/// JPM of one employee from the row sums (see the header for the rule).
inline double row_jpm(unsigned got, unsigned req, unsigned tgot, unsigned treq, unsigned miss, double w) noexcept {
    const unsigned nreq = req - treq;
    if (miss || req == 0) return kNaN;
    if (!std::isnan(w) && treq && nreq) return w * (100.0 * tgot / treq) + (1 - w) * (100.0 * (got - tgot) / nreq);
    return 100.0 * got / req;
}

// Scalar row loop, branch-free; the teknis mask is 0/0xFF so that sums need no branch.
template <bool Cap, bool Gaps>
void kernel_rows(const std::uint8_t* achieved, const std::uint8_t* required, std::size_t first, std::size_t n,
                 std::size_t k, const std::uint8_t* tmask, const std::uint8_t* level, const double* wl,
                 std::int8_t* gaps, double* jpm, std::uint8_t* missing) noexcept {
    for (std::size_t i = first; i < n; ++i) {
        const std::uint8_t* a = achieved + i * k;
        const std::uint8_t* r = required + i * k;
        unsigned got = 0, req = 0, tgot = 0, treq = 0, miss = 0;
        for (std::size_t j = 0; j < k; ++j) {
            const unsigned av = a[j], rv = r[j];
            const unsigned has = av != 0, need = rv != 0;
            if constexpr (Gaps)
                gaps[i * k + j] = static_cast<std::int8_t>((has & need) ? static_cast<int>(av) - static_cast<int>(rv) : -128);
            miss += need & (has ^ 1u);
            const unsigned g = need ? (Cap ? std::min(av, rv) : av) : 0u;
            got += g;
            req += rv;
            tgot += g & tmask[j];
            treq += rv & tmask[j];
        }
        if (missing) missing[i] = static_cast<std::uint8_t>(miss > 255 ? 255 : miss);
        if (jpm) jpm[i] = row_jpm(got, req, tgot, treq, miss, level && wl ? wl[level[i]] : kNaN);
    }
}

#if defined(__SSE2__)
// SSE2 row loop (SSE2 is part of x86-64): 16 competencies at a time, row sums with PSADBW. Rows
// whose 16-byte loads would pass the end of the matrices are left to the scalar loop; returns the
// first row not done.
template <bool Cap, bool Gaps>
std::size_t kernel_rows_sse2(const std::uint8_t* achieved, const std::uint8_t* required, std::size_t n,
                             std::size_t k, const std::uint8_t* tmask, const std::uint8_t* level, const double* wl,
                             std::int8_t* gaps, double* jpm, std::uint8_t* missing) noexcept {
    const std::size_t chunks = (k + 15) / 16, cells = n * k;
    // Rows [0, safe) can load 16 bytes at every chunk start and store 16 gap bytes there.
    const std::size_t safe = cells >= chunks * 16 ? std::min(n, (cells - chunks * 16) / k + 1) : 0;
    std::uint8_t lane_mask[16 * 64], teknis_mask[16 * 64];  // per chunk: lanes < width, teknis lanes
    if (chunks > 64) return 0;
    for (std::size_t c = 0; c < chunks; ++c)
        for (std::size_t l = 0; l < 16; ++l) {
            const std::size_t j = c * 16 + l;
            lane_mask[c * 16 + l] = j < k ? 0xFF : 0;
            teknis_mask[c * 16 + l] = j < k ? tmask[j] : 0;
        }
    const __m128i zero = _mm_setzero_si128(), ones = _mm_set1_epi8(-1), none = _mm_set1_epi8(-128);
    for (std::size_t i = 0; i < safe; ++i) {
        const std::uint8_t* a = achieved + i * k;
        const std::uint8_t* r = required + i * k;
        __m128i got = zero, req = zero, tgot = zero, treq = zero;
        unsigned miss = 0;
        for (std::size_t c = 0; c < chunks; ++c) {
            const __m128i lanes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lane_mask + c * 16));
            const __m128i tm = _mm_loadu_si128(reinterpret_cast<const __m128i*>(teknis_mask + c * 16));
            const __m128i av = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + c * 16)), lanes);
            const __m128i rv = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(r + c * 16)), lanes);
            const __m128i need = _mm_xor_si128(_mm_cmpeq_epi8(rv, zero), ones);
            const __m128i has = _mm_xor_si128(_mm_cmpeq_epi8(av, zero), ones);
            if constexpr (Gaps) {
                const __m128i both = _mm_and_si128(need, has);
                const __m128i g = _mm_or_si128(_mm_and_si128(both, _mm_sub_epi8(av, rv)), _mm_andnot_si128(both, none));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(gaps + i * k + c * 16), g);  // the next row overwrites the excess
            }
            miss += static_cast<unsigned>(__builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(has, need)))));
            const __m128i gv = _mm_and_si128(Cap ? _mm_min_epu8(av, rv) : av, need);
            got = _mm_add_epi64(got, _mm_sad_epu8(gv, zero));
            req = _mm_add_epi64(req, _mm_sad_epu8(rv, zero));
            tgot = _mm_add_epi64(tgot, _mm_sad_epu8(_mm_and_si128(gv, tm), zero));
            treq = _mm_add_epi64(treq, _mm_sad_epu8(_mm_and_si128(rv, tm), zero));
        }
        auto total = [](__m128i v) {
            return static_cast<unsigned>(_mm_cvtsi128_si32(v)) + static_cast<unsigned>(_mm_cvtsi128_si32(_mm_srli_si128(v, 8)));
        };
        if (missing) missing[i] = static_cast<std::uint8_t>(miss > 255 ? 255 : miss);
        if (jpm) jpm[i] = row_jpm(total(got), total(req), total(tgot), total(treq), miss, level && wl ? wl[level[i]] : kNaN);
    }
    return safe;
}
#endif

template <bool Cap, bool Gaps>
void kernel_all(const std::uint8_t* achieved, const std::uint8_t* required, std::size_t n, std::size_t k,
                const std::uint8_t* tmask, const std::uint8_t* level, const double* wl, std::int8_t* gaps,
                double* jpm, std::uint8_t* missing) noexcept {
    std::size_t done = 0;
#if defined(__SSE2__)
    done = kernel_rows_sse2<Cap, Gaps>(achieved, required, n, k, tmask, level, wl, gaps, jpm, missing);
#endif
    kernel_rows<Cap, Gaps>(achieved, required, done, n, k, tmask, level, wl, gaps, jpm, missing);
}
}  // namespace

void gap_jpm_kernel(const std::uint8_t* achieved, const std::uint8_t* required, std::size_t n, std::size_t k,
                    const std::uint8_t* teknis, const std::uint8_t* level, const double* weight_by_level,
                    bool cap, std::int8_t* gaps, double* jpm, std::uint8_t* missing) noexcept {
    std::uint8_t stack[256];
    std::vector<std::uint8_t> heap;
    std::uint8_t* tm = stack;
    if (k > sizeof stack) { heap.resize(k); tm = heap.data(); }  // once per call, never per employee
    for (std::size_t j = 0; j < k; ++j) tm[j] = teknis[j] ? 0xFF : 0;
    if (k == 0) {
        kernel_rows<false, false>(achieved, required, 0, n, k, tm, level, weight_by_level, gaps, jpm, missing);
        return;
    }
    if (cap) {
        if (gaps) kernel_all<true, true>(achieved, required, n, k, tm, level, weight_by_level, gaps, jpm, missing);
        else kernel_all<true, false>(achieved, required, n, k, tm, level, weight_by_level, gaps, jpm, missing);
    } else {
        if (gaps) kernel_all<false, true>(achieved, required, n, k, tm, level, weight_by_level, gaps, jpm, missing);
        else kernel_all<false, false>(achieved, required, n, k, tm, level, weight_by_level, gaps, jpm, missing);
    }
}

void check_gap_inputs(const std::uint8_t* achieved, const std::uint8_t* required, std::size_t n, std::size_t k,
                      const std::uint8_t* teknis, const std::uint8_t* level) {
    // A vectorisable pass first: the detailed one below runs only when something is out of range.
    std::uint8_t top = 0, top_level = 0;
    for (std::size_t c = 0; c < n * k; ++c) top = std::max(top, std::max(achieved[c], required[c]));
    for (std::size_t i = 0; level && i < n; ++i) top_level = std::max(top_level, level[i]);
    bool teknis_ok = true;
    for (std::size_t j = 0; teknis && j < k; ++j) teknis_ok &= teknis[j] <= 1;
    if (top <= kMaxCompetencyLevel && top_level < kPositionLevelCount && teknis_ok) return;
    constexpr std::size_t kMaxIssues = 1000;
    std::vector<Issue> issues;
    std::size_t total = 0;
    auto add = [&](std::size_t index, const char* field, unsigned value, const char* rule, std::string message) {
        if (++total <= kMaxIssues)
            issues.push_back(Issue{static_cast<std::int64_t>(index) + 1, field, std::to_string(value), rule,
                                   std::move(message)});
    };
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const std::size_t c = i * k + j;
            if (achieved[c] > kMaxCompetencyLevel)
                add(i, "achieved", achieved[c], "achieved.range",
                    "competency " + std::to_string(j) + ": a level must be 0..5 (0 = not assessed)");
            if (required[c] > kMaxCompetencyLevel)
                add(i, "required", required[c], "required.range",
                    "competency " + std::to_string(j) + ": a level must be 0..5 (0 = not required)");
        }
    for (std::size_t j = 0; teknis && j < k; ++j)
        if (teknis[j] > 1) add(j, "teknis", teknis[j], "teknis.known", "must be 0 or 1 (1 = a teknis competency)");
    for (std::size_t i = 0; level && i < n; ++i)
        if (level[i] >= kPositionLevelCount)
            add(i, "position_level", level[i], "position_level.known", "must be a PositionLevel code 0..8");
    if (total == 0) return;
    if (total > issues.size()) {
        const std::string more = std::to_string(total - issues.size());
        issues.push_back(Issue{-1, "", more, "input.more_issues", more + " more issue(s) not listed"});
    }
    throw ValidationError(std::move(issues));
}

// ----- analysis ---------------------------------------------------------------------------------

namespace {

void check_frameworks(const Assessments& a, const PositionStandards& s) {
    if (!a.framework().same_codes(s.framework()))
        fail("competency", "", "gaps.framework_mismatch",
             "the assessments and the position standards use different competency frameworks");
}

std::vector<std::uint8_t> teknis_mask(const CompetencyFramework& f) {
    std::vector<std::uint8_t> t(f.size());
    for (std::size_t c = 0; c < f.size(); ++c) t[c] = f[c].type == CompetencyType::teknis;
    return t;
}

std::string list_codes(const CompetencyFramework& f, const std::vector<std::uint16_t>& cs) {
    std::string s;
    for (auto c : cs) s += (s.empty() ? "" : ", ") + f[c].code;
    return s;
}

}  // namespace

GapResult gap_analysis(const Workforce& wf, const Assessments& assessments, const PositionStandards& standards,
                       const GapRules& rules, std::int32_t as_of, Span<std::uint32_t> rows) {
    check_frameworks(assessments, standards);
    rules.validate();
    const CompetencyFramework& f = standards.framework();
    GapResult out;
    for (const auto& c : f.all()) out.codes.push_back(c.code);
    const std::size_t n = rows.empty() ? wf.size() : rows.size, k = f.size();
    out.rows.resize(n);
    out.nip.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.rows[i] = rows.empty() ? static_cast<std::uint32_t>(i) : rows[i];
        if (out.rows[i] >= wf.size()) throw NotFoundError("row " + std::to_string(out.rows[i]) + " is not in the workforce");
        out.nip[i] = wf.nip()[out.rows[i]];
    }
    out.achieved = assessments.latest(wf, as_of, rows);
    out.required = standards.required(wf, rows);
    out.gaps.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    out.jpm.resize(n);
    std::vector<std::uint8_t> level(n), miss(n);
    for (std::size_t i = 0; i < n; ++i) level[i] = wf.position_level()[out.rows[i]];
    const auto teknis = teknis_mask(f);
    gap_jpm_kernel(out.achieved.data(), out.required.data(), n, k, teknis.data(), level.data(),
                   rules.teknis_weight.data(), rules.cap_at_standard, out.gaps.data(), out.jpm.data(), miss.data());
    out.category.assign(n, kNoCategory);
    std::vector<Issue> refused;  // at most kMaxRefusedIssues listed, the rest counted
    constexpr std::size_t kMaxRefusedIssues = 1000;
    std::size_t refused_total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isnan(out.jpm[i])) {
            if (auto c = jpm_category(out.jpm[i], rules)) out.category[i] = static_cast<std::uint8_t>(*c);
            continue;
        }
        MissingAssessment m{out.rows[i], out.nip[i], {}, {}};
        for (std::size_t c = 0; c < k; ++c)
            if (out.required(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)) &&
                !out.achieved(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)))
                m.competencies.push_back(static_cast<std::uint16_t>(c));
        if (m.competencies.empty()) {
            m.reason = "the position requires no competency (no standard)";
        } else {
            m.reason = "not assessed on " + list_codes(f, m.competencies) + " as of " + format_date(as_of);
            if (rules.missing == MissingPolicy::refuse)
                for (auto c : m.competencies)
                    if (++refused_total <= kMaxRefusedIssues) refused.push_back(Issue{static_cast<std::int64_t>(out.rows[i]) + 1, "competency", f[c].code,
                                            "gaps.missing_assessment",
                                            "employee " + std::to_string(out.nip[i]) + " has no assessment of " +
                                                f[c].code + " as of " + format_date(as_of) + " (policy: refuse)"});
        }
        out.missing.push_back(std::move(m));
    }
    if (refused_total > refused.size()) {
        const std::string more = std::to_string(refused_total - refused.size());
        refused.push_back(Issue{-1, "competency", more, "input.more_issues", more + " more missing assessment(s) not listed"});
    }
    if (!refused.empty()) throw ValidationError(std::move(refused));
    return out;
}

std::vector<std::uint8_t> potential(const GapResult& result, const GapRules& rules) {
    std::vector<std::uint8_t> p(result.jpm.size(), kNoCategory);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (auto v = potential_from_jpm(result.jpm[i], rules)) p[i] = static_cast<std::uint8_t>(*v);
    return p;
}

// ----- training needs ---------------------------------------------------------------------------

Tna training_needs(const Workforce& wf, const GapResult& result, const GapRules& rules) {
    const std::size_t u = wf.units().size(), k = result.codes.size(), n = result.rows.size();
    struct Acc { std::uint32_t req = 0, assessed = 0, below = 0; long long gap = 0; std::array<std::uint32_t, 3> need{}; };
    std::vector<Acc> acc(u * k);
    std::vector<TrainingCompliance> train(u);
    std::vector<std::uint32_t> chain;
    if (result.nip.size() != n || static_cast<std::size_t>(result.gaps.rows()) != n ||
        static_cast<std::size_t>(result.gaps.cols()) != k)
        fail("result", std::to_string(n), "gaps.result_shape", "the gap result's columns differ in length");
    for (std::size_t i = 0; i < n; ++i)
        if (result.rows[i] >= wf.size() || wf.nip()[result.rows[i]] != result.nip[i])
            fail("row", std::to_string(result.rows[i]), "gaps.result_workforce",
                 "the gap result does not belong to this workforce (changed since the analysis?)");
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t row = result.rows[i];
        chain.clear();
        for (std::uint32_t x = wf.unit_index()[row]; x != Units::kNoParent; x = wf.units()[x].parent) chain.push_back(x);
        const bool ok = wf.training_hours()[row] >= rules.training_min_hours;
        for (auto x : chain) { ++train[x].employees; train[x].compliant += ok; }
        for (std::size_t c = 0; c < k; ++c) {
            const auto ie = static_cast<Eigen::Index>(i), ce = static_cast<Eigen::Index>(c);
            const int r = result.required(ie, ce), a = result.achieved(ie, ce);
            if (!r) continue;
            const int g = a - r;
            for (auto x : chain) {
                Acc& s = acc[x * k + c];
                ++s.req;
                if (!a) continue;
                ++s.assessed;
                s.gap += g;
                if (g < 0) { ++s.below; ++s.need[static_cast<std::size_t>(std::min(-g, 3) - 1)]; }
            }
        }
    }
    Tna t;
    for (std::uint32_t x = 0; x < u; ++x) {
        if (train[x].employees) {
            train[x].unit = x;
            train[x].share = static_cast<double>(train[x].compliant) / train[x].employees;
            t.training.push_back(train[x]);
        }
        for (std::size_t c = 0; c < k; ++c) {
            const Acc& s = acc[x * k + c];
            if (!s.req) continue;
            TnaRow r{x, static_cast<std::uint16_t>(c), s.req, s.assessed, kNaN, kNaN, s.need};
            if (s.assessed) {
                r.mean_gap = static_cast<double>(s.gap) / s.assessed;
                r.share_below = static_cast<double>(s.below) / s.assessed;
            }
            t.rows.push_back(r);
        }
    }
    return t;
}

std::vector<TnaRow> Tna::largest_gaps(std::uint32_t unit, std::size_t n) const {
    std::vector<TnaRow> out;
    for (const TnaRow& r : rows)
        if (r.unit == unit && r.mean_gap < 0) out.push_back(r);
    std::stable_sort(out.begin(), out.end(), [](const TnaRow& a, const TnaRow& b) { return a.mean_gap < b.mean_gap; });
    if (out.size() > n) out.resize(n);
    return out;
}

// ----- ranking ----------------------------------------------------------------------------------

Ranking rank_candidates(const Workforce& wf, const Assessments& assessments, const PositionStandards& standards,
                        const GapRules& rules, const PositionTarget& target, std::int32_t as_of,
                        const RankOptions& options) {
    check_frameworks(assessments, standards);
    rules.validate();
    const CompetencyFramework& f = standards.framework();
    const std::vector<std::uint8_t> req = standards.required(target.position_class, target.position_level, target.position_name);
    if (std::all_of(req.begin(), req.end(), [](std::uint8_t v) { return v == 0; }))
        fail("position_name", target.position_name, "rank.no_standard", "the target position requires no competency");
    const std::size_t kind = *position_kind(target.position_class, target.position_level);
    const GolonganRange range = rules.golongan[kind];
    std::vector<std::uint32_t> rows;
    if (options.unit_code.empty()) {
        rows.resize(wf.size());
        for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<std::uint32_t>(i);
    } else {
        rows = wf.select_unit(options.unit_code, options.include_subunits);
    }
    const LevelMatrix ach = assessments.latest(wf, as_of, rows);
    const std::size_t k = f.size();
    const auto teknis = teknis_mask(f);
    const std::uint8_t lvl = static_cast<std::uint8_t>(target.position_level);
    Ranking out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::uint32_t row = rows[i];
        Candidate c;
        c.row = row;
        c.nip = wf.nip()[row];
        std::uint8_t miss = 0;
        gap_jpm_kernel(ach.data() + i * k, req.data(), 1, k, teknis.data(), &lvl, rules.teknis_weight.data(),
                       rules.cap_at_standard, nullptr, &c.jpm, &miss);
        for (std::size_t j = 0; j < k; ++j) {
            const std::uint8_t a = ach(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            if (req[j] > a && a) c.shortfall += static_cast<std::uint32_t>(req[j] - a);
        }
        auto why = [&](const char* rule, const std::string& text) {
            if (c.rule.empty()) c.rule = rule;
            c.reason += (c.reason.empty() ? "" : "; ") + text;
        };
        const auto type = static_cast<EmploymentType>(wf.employment_type()[row]);
        if (!(options.employment_types >> static_cast<unsigned>(type) & 1u))
            why("rank.employment_type", "employment type " + std::string(to_text(type)) + " is not eligible");
        const std::uint8_t g = wf.golongan()[row];
        if (options.check_golongan && type == EmploymentType::PNS && (g < range.min || g > range.max))
            why("rank.golongan", "golongan " + std::string(golongan_text(type, g)) + " is outside " +
                                     std::string(golongan_text(EmploymentType::PNS, range.min)) + "-" +
                                     std::string(golongan_text(EmploymentType::PNS, range.max)) + " for " +
                                     std::string(position_kind_name(kind)));
        if (miss) {
            std::vector<std::uint16_t> cs;
            for (std::size_t j = 0; j < k; ++j)
                if (req[j] && !ach(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j))) cs.push_back(static_cast<std::uint16_t>(j));
            why("rank.missing_assessment", "not assessed on " + list_codes(f, cs) + " as of " + format_date(as_of));
        }
        (c.reason.empty() ? out.eligible : out.ineligible).push_back(std::move(c));
    }
    std::sort(out.eligible.begin(), out.eligible.end(), [](const Candidate& a, const Candidate& b) {
        if (a.jpm != b.jpm) return a.jpm > b.jpm;
        if (a.shortfall != b.shortfall) return a.shortfall < b.shortfall;
        return a.nip < b.nip;
    });
    for (std::size_t i = 0; i < out.eligible.size(); ++i) out.eligible[i].rank = static_cast<std::uint32_t>(i + 1);
    std::sort(out.ineligible.begin(), out.ineligible.end(), [](const Candidate& a, const Candidate& b) { return a.nip < b.nip; });
    return out;
}

}  // namespace penata
