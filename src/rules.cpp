#include "penata/rules.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "penata/error.hpp"

namespace penata {

using Json = nlohmann::ordered_json;

std::optional<std::uint8_t> BandTable::find(double x) const noexcept {
    if (!(x >= min && x <= max) || bands.empty()) return std::nullopt;  // also NaN
    for (const Band& b : bands)
        if (x < b.to) return b.label;
    return bands.back().label;  // x == max (finite)
}

namespace {

// ----- errors and small helpers ----------------------------------------------------------------

[[noreturn]] void fail(std::string path, std::string value, std::string rule, std::string msg) {
    throw ValidationError(Issue{-1, std::move(path), clip_value(value), std::move(rule), std::move(msg)});
}

std::string fmt(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return Json(v).dump();
}
std::string key(const std::string& path, std::string_view k) {
    return path.empty() ? std::string(k) : path + "." + std::string(k);
}
std::string idx(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

template <class E> std::string allowed(std::size_t first = 0) {
    std::string s;
    for (std::size_t i = first; i < EnumNames<E>::names.size(); ++i)
        s += (s.empty() ? "" : "|") + std::string(EnumNames<E>::names[i]);
    return s;
}
template <class E> std::vector<std::string_view> label_names() {
    return {EnumNames<E>::names.begin(), EnumNames<E>::names.end()};
}
template <class E> std::string_view name_of(std::size_t i) { return EnumNames<E>::names[i]; }

// ----- validation of the typed tables (shared by from_json and the setters) --------------------

void check_finite_min(const std::string& path, double v, double lo, const char* rule, const char* what) {
    if (!std::isfinite(v) || v < lo) fail(path, fmt(v), rule, what);
}
void check_non_negative(const std::string& path, double v) {
    check_finite_min(path, v, 0, "ruleset.non_negative", "must be a finite number >= 0");
}
void check_positive(const std::string& path, double v) {
    if (!std::isfinite(v) || !(v > 0)) fail(path, fmt(v), "ruleset.positive", "must be a finite number > 0");
}

void check_weights(const std::string& path, std::initializer_list<std::pair<const char*, double>> ws) {
    double sum = 0;
    for (const auto& [k, v] : ws) {
        if (!std::isfinite(v) || !(v > 0))
            fail(key(path, k), fmt(v), "ruleset.weight_positive", "a weight must be a finite number > 0");
        sum += v;
    }
    if (std::fabs(sum - 1) > kWeightTolerance)
        fail(path, fmt(sum), "ruleset.weights_sum",
             "weights sum to " + fmt(sum) + "; they must sum to 1 within 1e-9");
}

void check_bands(const BandTable& t, const std::string& path, std::size_t label_count) {
    if (!std::isfinite(t.min)) fail(key(path, "min"), fmt(t.min), "ruleset.band_range", "must be a finite number");
    if (std::isnan(t.max) || !(t.max > t.min))
        fail(key(path, "max"), fmt(t.max), "ruleset.band_range", "must be greater than min " + fmt(t.min));
    const std::string bp = key(path, "bands");
    if (t.bands.empty()) fail(bp, "[]", "ruleset.band_coverage", "needs at least one band covering [min, max]");
    for (std::size_t i = 0; i < t.bands.size(); ++i) {
        const Band& b = t.bands[i];
        const std::string p = idx(bp, i);
        if (b.label >= label_count)
            fail(key(p, "label"), std::to_string(b.label), "ruleset.enum_known", "unknown band label code");
        if (std::isnan(b.from) || std::isnan(b.to) || !(b.from < b.to))
            fail(key(p, "to"), fmt(b.to), "ruleset.band_order",
                 "a band must end after it starts (from " + fmt(b.from) + ")");
        if (i == 0) {
            if (b.from != t.min)
                fail(key(p, "from"), fmt(b.from), "ruleset.band_coverage",
                     "the first band must start at the table's min " + fmt(t.min));
            continue;
        }
        const Band& a = t.bands[i - 1];
        if (b.from < a.from)
            fail(key(p, "from"), fmt(b.from), "ruleset.band_order", "bands must be in ascending order of 'from'");
        if (b.from > a.to)
            fail(key(p, "from"), fmt(b.from), "ruleset.band_gap",
                 "gap: values in [" + fmt(a.to) + ", " + fmt(b.from) + ") fall in no band");
        if (b.from < a.to)
            fail(key(p, "from"), fmt(b.from), "ruleset.band_overlap",
                 "overlaps the previous band, which ends at " + fmt(a.to));
    }
    if (t.bands.back().to != t.max)
        fail(key(idx(bp, t.bands.size() - 1), "to"), fmt(t.bands.back().to), "ruleset.band_coverage",
             "the last band must end at the table's max " + fmt(t.max));
}

void check_skp_weights(const std::string& path, const SkpPerilakuWeights& w) {
    check_weights(path, {{"skp", w.skp}, {"perilaku", w.perilaku}});
}

template <class E> void check_code(const std::string& path, std::size_t code) {
    if (code >= EnumNames<E>::names.size())
        fail(path, std::to_string(code), "ruleset.enum_known", "must be one of " + allowed<E>());
}

template <std::size_t N> double check_points(const std::string& path, const std::array<double, N>& pts,
                                             std::size_t first = 0,
                                             const std::array<std::string_view, N>* names = nullptr) {
    double mx = 0;
    for (std::size_t i = first; i < N; ++i) {
        check_non_negative(names ? key(path, (*names)[i]) : idx(path, i), pts[i]);
        mx = std::max(mx, pts[i]);
    }
    if (!(mx > 0)) fail(path, "0", "ruleset.positive", "at least one entry must be > 0");
    return mx;
}

void validate(const PredikatMatrix& m) {
    for (std::size_t h = 0; h < kRatingCount; ++h)
        for (std::size_t p = 0; p < kRatingCount; ++p)
            check_code<Predikat>(key(key("predikat_matrix", name_of<Rating>(h)), name_of<Rating>(p)),
                                 static_cast<std::size_t>(m.cell[h][p]));
}

void validate(const DistributionRules& d) {
    for (std::size_t o = 0; o < kPredikatCount; ++o) {
        const std::string op = key("distribution", name_of<OrgPredikat>(o));
        const auto& rules = d.by_org[o];
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const DistributionRule& r = rules[i];
            const std::string p = idx(op, i);
            if (r.predikat_mask == 0 || r.predikat_mask >= (1u << kPredikatCount))
                fail(key(p, "predikat"), std::to_string(r.predikat_mask), "ruleset.distribution_set",
                     "must name one or more predikat (" + allowed<Predikat>() + ")");
            check_code<DistributionBound>(p, static_cast<std::size_t>(r.bound));
            const std::string vp = key(p, name_of<DistributionBound>(static_cast<std::size_t>(r.bound)));
            if (r.bound == DistributionBound::min_share || r.bound == DistributionBound::max_share) {
                if (!(r.value >= 0 && r.value <= 1))
                    fail(vp, fmt(r.value), "ruleset.share_range", "a share must be in [0, 1]");
            } else if (!(r.value >= 0) || r.value != std::floor(r.value) || r.value > 1e15) {
                fail(vp, fmt(r.value), "ruleset.count_integer", "a count must be a whole number >= 0");
            }
            for (std::size_t j = 0; j < i; ++j) {
                const unsigned a = rules[j].predikat_mask, b = r.predikat_mask, ab = a & b;
                if (ab != 0 && ab != a && ab != b)
                    fail(key(p, "predikat"), std::to_string(b), "ruleset.distribution_laminar",
                         "the predikat sets of one organisational predikat must be disjoint or nested; this one "
                         "partly overlaps rule [" + std::to_string(j) + "]");
            }
        }
    }
}

void validate(const Pp30Rules& r) {
    check_skp_weights("pp30.weights.superior_only", r.superior_only);
    check_skp_weights("pp30.weights.multi_rater", r.multi_rater);
    check_bands(r.predikat, "pp30.predikat", kPredikatCount);
    if (!(r.sangat_baik_min >= r.predikat.min && r.sangat_baik_min <= r.predikat.max) ||
        !std::isfinite(r.sangat_baik_min))
        fail("pp30.sangat_baik_min", fmt(r.sangat_baik_min), "ruleset.band_range",
             "must lie within the predikat table's [min, max]");
}

void validate(const Pp46Rules& r) {
    check_positive("pp46.nilai_tertimbang", r.nilai_tertimbang);
    if (!(r.efficiency_threshold >= 0 && r.efficiency_threshold < 100))
        fail("pp46.efficiency_threshold", fmt(r.efficiency_threshold), "ruleset.value",
             "a percentage in [0, 100)");
    check_skp_weights("pp46.weights", r.weights);
    check_bands(r.prestasi, "pp46.prestasi", 5);
    for (std::size_t i = 0; i < r.tugas_tambahan.size(); ++i) {
        const std::string p = idx("pp46.tugas_tambahan", i);
        const auto& s = r.tugas_tambahan[i];
        if (s.min_count < 1 || (i > 0 && s.min_count <= r.tugas_tambahan[i - 1].min_count))
            fail(key(p, "min_count"), std::to_string(s.min_count), "ruleset.band_order",
                 "min_count must be >= 1 and strictly increasing");
        check_non_negative(key(p, "points"), s.points);
    }
    if (r.kreativitas[0] != 0) fail("pp46.kreativitas.none", fmt(r.kreativitas[0]), "ruleset.value", "must be 0");
    for (std::size_t i = 1; i < r.kreativitas.size(); ++i)
        check_non_negative(key("pp46.kreativitas", name_of<Kreativitas>(i)), r.kreativitas[i]);
    if (r.perilaku_elements.empty())
        fail("pp46.perilaku_elements", "[]", "ruleset.required", "needs at least one element");
    for (std::size_t i = 0; i < r.perilaku_elements.size(); ++i) {
        const auto& e = r.perilaku_elements[i];
        if (e.empty() || std::find(r.perilaku_elements.begin(), r.perilaku_elements.begin() + static_cast<std::ptrdiff_t>(i), e) !=
                             r.perilaku_elements.begin() + static_cast<std::ptrdiff_t>(i))
            fail(idx("pp46.perilaku_elements", i), e, "ruleset.value", "element names must be non-empty and unique");
    }
}

void validate(const IpAsnRules& r) {
    const auto& w = r.weights;
    check_weights("ip_asn.weights", {{"kualifikasi", w.kualifikasi}, {"kompetensi", w.kompetensi},
                                     {"kinerja", w.kinerja}, {"disiplin", w.disiplin}});
    check_points("ip_asn.points.kualifikasi", r.kualifikasi, 0, &EnumNames<Education>::names);
    check_points("ip_asn.points.kinerja", r.kinerja, 0, &EnumNames<Predikat>::names);
    check_points("ip_asn.points.disiplin", r.disiplin, 0, &EnumNames<Discipline>::names);
    const std::string kp = "ip_asn.points.kompetensi";
    unsigned covered = 0;
    if (r.kompetensi.empty()) fail(kp, "{}", "ruleset.group_cover", "needs at least one group");
    for (std::size_t g = 0; g < r.kompetensi.size(); ++g) {
        const auto& grp = r.kompetensi[g];
        const std::string gp = key(kp, grp.name.empty() ? "(unnamed)" : grp.name);
        if (grp.name.empty()) fail(gp, "", "ruleset.required", "a group needs a name");
        for (std::size_t h = 0; h < g; ++h)
            if (r.kompetensi[h].name == grp.name) fail(gp, grp.name, "ruleset.value", "group names must be unique");
        if (grp.position_classes == 0 || grp.position_classes >= (1u << kPositionClassCount))
            fail(key(gp, "position_classes"), std::to_string(grp.position_classes), "ruleset.group_cover",
                 "must list one or more position classes (" + allowed<PositionClass>() + ")");
        if (covered & grp.position_classes) {
            for (std::size_t c = 0; c < kPositionClassCount; ++c)
                if (covered & grp.position_classes & (1u << c))
                    fail(key(gp, "position_classes"), std::string(name_of<PositionClass>(c)), "ruleset.group_cover",
                         "position class is already in another group");
        }
        covered |= grp.position_classes;
        check_non_negative(key(gp, "leadership_training"), grp.leadership_training);
        check_non_negative(key(gp, "functional_training"), grp.functional_training);
        check_non_negative(key(gp, "technical_training"), grp.technical_training);
        check_non_negative(key(gp, "seminar"), grp.seminar);
        if (!(grp.leadership_training + grp.functional_training + grp.technical_training + grp.seminar > 0))
            fail(gp, "0", "ruleset.positive", "the group's items must total more than 0");
    }
    for (std::size_t c = 0; c < kPositionClassCount; ++c)
        if (!(covered & (1u << c)))
            fail(kp, std::string(name_of<PositionClass>(c)), "ruleset.group_cover",
                 "position class " + std::string(name_of<PositionClass>(c)) + " is in no group");
    check_non_negative("ip_asn.technical_training_min_hours", r.technical_training_min_hours);
    check_bands(r.categories, "ip_asn.categories", 5);
}

void validate(const TalentRules& r) {
    unsigned seen = 0;
    for (std::size_t k = 0; k < kRatingCount; ++k)
        for (std::size_t p = 0; p < kPotentialCount; ++p) {
            const std::string path = key(key("talent.boxes", name_of<Rating>(k)), name_of<Potential>(p));
            const unsigned b = r.box[k][p];
            if (b < 1 || b > 9) fail(path, std::to_string(b), "ruleset.box_range", "a box number is 1..9");
            if (seen & (1u << b)) fail(path, std::to_string(b), "ruleset.box_unique", "each box number 1..9 once");
            seen |= 1u << b;
        }
    check_bands(r.potential, "talent.potential", kPotentialCount);
    for (std::size_t p = 0; p < kPredikatCount; ++p)
        check_code<Rating>(key("talent.performance_from_predikat", name_of<Predikat>(p)),
                           static_cast<std::size_t>(r.performance_from_predikat[p]));
    for (std::size_t b = 0; b < 9; ++b)
        if (r.actions[b].empty())
            fail(key("talent.actions", std::to_string(b + 1)), "", "ruleset.required", "every box needs an action");
}

void validate(const AngkaKreditRules& r) {
    check_points("angka_kredit.percent", r.percent, 0, &EnumNames<Predikat>::names);
    if (r.koefisien[0] != 0) fail("angka_kredit.koefisien", fmt(r.koefisien[0]), "ruleset.value",
                                  "the entry for position level 'none' is unused and must be 0");
    for (std::size_t l = 1; l < kPositionLevelCount; ++l)
        check_positive(key("angka_kredit.koefisien", name_of<PositionLevel>(l)), r.koefisien[l]);
}

void validate(const PolicyRules& r) {
    auto one = [](const char* nm, const PolicyRule& rule) {
        if (rule.predikat_mask >= (1u << kPredikatCount))
            fail(key(key("policy", nm), "predikat"), std::to_string(rule.predikat_mask), "ruleset.enum_known",
                 "unknown predikat bit");
        if (rule.box_mask >= (1u << 9))
            fail(key(key("policy", nm), "boxes"), std::to_string(rule.box_mask), "ruleset.box_range",
                 "a box number is 1..9");
    };
    one("reward", r.reward);
    one("coaching", r.coaching);
}

void validate(const KpiScheme& k) {
    check_code<KpiMissing>("kpi.missing", static_cast<std::size_t>(k.missing));
    check_positive("kpi.weight_total", k.weight_total);
    if (std::isnan(k.default_cap) || !(k.default_cap > 0))
        fail("kpi.default_cap", fmt(k.default_cap), "ruleset.positive", "must be > 0 (or null for no cap)");
    if (k.scale_labels.empty()) fail("kpi.scale_labels", "[]", "ruleset.required", "needs at least one label");
    for (std::size_t i = 0; i < k.scale_labels.size(); ++i) {
        const auto& l = k.scale_labels[i];
        if (l.empty() || std::find(k.scale_labels.begin(), k.scale_labels.begin() + static_cast<std::ptrdiff_t>(i), l) !=
                             k.scale_labels.begin() + static_cast<std::ptrdiff_t>(i))
            fail(idx("kpi.scale_labels", i), l, "ruleset.value", "labels must be non-empty and unique");
    }
    check_bands(k.scale, "kpi.scale", k.scale_labels.size());
}

// ----- JSON reading -----------------------------------------------------------------------------

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

/// A JSON object being read: remembers which keys were asked for, so that finish() can refuse
/// every other key.
class Obj {
public:
    Obj(const Json& j, std::string path) : j_(j), path_(std::move(path)) {
        if (!j_.is_object()) fail(path_.empty() ? "(document)" : path_, j_.dump(), "ruleset.type", "must be a JSON object");
    }
    const Json* opt(std::string_view k) {
        known_.emplace_back(k);
        auto it = j_.find(std::string(k));
        return it == j_.end() ? nullptr : &*it;
    }
    const Json& req(std::string_view k) {
        if (const Json* p = opt(k)) return *p;
        fail(at(k), "", "ruleset.required", "is required");
    }
    std::string at(std::string_view k) const { return key(path_, k); }
    void finish() const {
        for (auto it = j_.begin(); it != j_.end(); ++it)
            if (std::find(known_.begin(), known_.end(), it.key()) == known_.end())
                fail(at(it.key()), it.key(), "ruleset.unknown_key", "unknown key; allowed here: " + join(known_));
    }

private:
    const Json& j_;
    std::string path_;
    std::vector<std::string> known_;
};

double num(const Json& j, const std::string& path, bool null_is_open = false) {
    if (null_is_open && j.is_null()) return kOpenEnd;
    if (!j.is_number())
        fail(path, j.dump(), "ruleset.type", null_is_open ? "must be a number or null (no end)" : "must be a number");
    return j.get<double>();
}
std::uint32_t whole(const Json& j, const std::string& path) {
    if (!j.is_number_unsigned() || j.get<std::uint64_t>() > 0xFFFFFFFFu)
        fail(path, j.dump(), "ruleset.type", "must be a whole number >= 0");
    return static_cast<std::uint32_t>(j.get<std::uint64_t>());
}
std::string str(const Json& j, const std::string& path) {
    if (!j.is_string()) fail(path, j.dump(), "ruleset.type", "must be a string");
    return j.get<std::string>();
}
const Json& arr(const Json& j, const std::string& path) {
    if (!j.is_array()) fail(path, j.dump(), "ruleset.type", "must be a JSON array");
    return j;
}
template <class E> E enm(const Json& j, const std::string& path) {
    const std::string s = str(j, path);
    if (auto v = from_text<E>(s)) return *v;
    fail(path, s, "ruleset.enum_known", "must be one of " + allowed<E>());
}
template <class E> std::uint32_t enum_mask(const Json& j, const std::string& path) {
    std::uint32_t m = 0;
    const Json& a = arr(j, path);
    for (std::size_t i = 0; i < a.size(); ++i) m |= 1u << static_cast<unsigned>(enm<E>(a[i], idx(path, i)));
    return m;
}

/// Reads {"<name>": value, ...} keyed by every name of E from index `first` on, each exactly once;
/// calls f(code, value, path).
template <class E, class F>
void enum_table(const Json& j, const std::string& path, const char* complete_rule, F&& f, std::size_t first = 0) {
    constexpr auto& names = EnumNames<E>::names;
    if (!j.is_object()) fail(path, j.dump(), "ruleset.type", "must be a JSON object keyed by " + allowed<E>(first));
    std::array<bool, names.size()> seen{};
    for (auto it = j.begin(); it != j.end(); ++it) {
        auto v = from_text<E>(it.key());
        if (!v || static_cast<std::size_t>(*v) < first)
            fail(key(path, it.key()), it.key(), "ruleset.enum_known", "unknown key: must be one of " + allowed<E>(first));
        seen[static_cast<std::size_t>(*v)] = true;
        f(static_cast<std::size_t>(*v), it.value(), key(path, it.key()));
    }
    for (std::size_t i = first; i < names.size(); ++i)
        if (!seen[i]) fail(key(path, names[i]), "", complete_rule, "missing entry '" + std::string(names[i]) + "'");
}
template <class E, std::size_t N>
std::array<double, N> read_points(const Json& j, const std::string& path, std::size_t first = 0) {
    std::array<double, N> out{};
    enum_table<E>(j, path, "ruleset.table_complete",
                  [&](std::size_t i, const Json& v, const std::string& p) { out[i] = num(v, p); }, first);
    return out;
}

BandTable read_bands(const Json& j, const std::string& path, const std::vector<std::string_view>& labels) {
    Obj o(j, path);
    BandTable t;
    t.min = num(o.req("min"), o.at("min"));
    t.max = num(o.req("max"), o.at("max"), true);
    const std::string bp = o.at("bands");
    const Json& a = arr(o.req("bands"), bp);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string p = idx(bp, i);
        Obj b(a[i], p);
        Band band;
        band.from = num(b.req("from"), b.at("from"));
        band.to = num(b.req("to"), b.at("to"), true);
        const std::string l = str(b.req("label"), b.at("label"));
        auto it = std::find(labels.begin(), labels.end(), l);
        if (it == labels.end()) {
            std::string all;
            for (auto x : labels) all += (all.empty() ? "" : "|") + std::string(x);
            fail(b.at("label"), l, "ruleset.enum_known", "must be one of " + all);
        }
        band.label = static_cast<std::uint8_t>(it - labels.begin());
        b.finish();
        t.bands.push_back(band);
    }
    o.finish();
    return t;
}

SkpPerilakuWeights read_skp_weights(const Json& j, const std::string& path) {
    Obj o(j, path);
    SkpPerilakuWeights w;
    w.skp = num(o.req("skp"), o.at("skp"));
    w.perilaku = num(o.req("perilaku"), o.at("perilaku"));
    o.finish();
    return w;
}

PredikatMatrix read_predikat_matrix(const Json& j) {
    PredikatMatrix m;
    enum_table<Rating>(j, "predikat_matrix", "ruleset.matrix_complete",
                       [&](std::size_t h, const Json& row, const std::string& rp) {
                           enum_table<Rating>(row, rp, "ruleset.matrix_complete",
                                              [&](std::size_t p, const Json& v, const std::string& cp) {
                                                  m.cell[h][p] = enm<Predikat>(v, cp);
                                              });
                       });
    return m;
}

DistributionRules read_distribution(const Json& j) {
    DistributionRules d;
    enum_table<OrgPredikat>(j, "distribution", "ruleset.table_complete",
                            [&](std::size_t o, const Json& list, const std::string& lp) {
                                const Json& a = arr(list, lp);
                                for (std::size_t i = 0; i < a.size(); ++i) {
                                    Obj r(a[i], idx(lp, i));
                                    DistributionRule rule;
                                    rule.predikat_mask = static_cast<std::uint8_t>(
                                        enum_mask<Predikat>(r.req("predikat"), r.at("predikat")));
                                    int found = 0;
                                    for (std::size_t b = 0; b < 4; ++b) {
                                        const auto nm = name_of<DistributionBound>(b);
                                        if (const Json* v = r.opt(nm)) {
                                            ++found;
                                            rule.bound = static_cast<DistributionBound>(b);
                                            rule.value = b < 2 ? num(*v, r.at(nm)) : whole(*v, r.at(nm));
                                        }
                                    }
                                    if (found != 1)
                                        fail(idx(lp, i), a[i].dump(), "ruleset.distribution_bound",
                                             "a rule has exactly one of " + allowed<DistributionBound>());
                                    r.finish();
                                    d.by_org[o].push_back(rule);
                                }
                            });
    return d;
}

Pp30Rules read_pp30(const Json& j) {
    Obj o(j, "pp30");
    Pp30Rules r;
    Obj w(o.req("weights"), o.at("weights"));
    r.superior_only = read_skp_weights(w.req("superior_only"), w.at("superior_only"));
    r.multi_rater = read_skp_weights(w.req("multi_rater"), w.at("multi_rater"));
    w.finish();
    r.predikat = read_bands(o.req("predikat"), o.at("predikat"), label_names<Predikat>());
    r.sangat_baik_min = num(o.req("sangat_baik_min"), o.at("sangat_baik_min"));
    o.finish();
    return r;
}

Pp46Rules read_pp46(const Json& j) {
    Obj o(j, "pp46");
    Pp46Rules r;
    r.nilai_tertimbang = num(o.req("nilai_tertimbang"), o.at("nilai_tertimbang"));
    r.efficiency_threshold = num(o.req("efficiency_threshold"), o.at("efficiency_threshold"));
    r.weights = read_skp_weights(o.req("weights"), o.at("weights"));
    r.prestasi = read_bands(o.req("prestasi"), o.at("prestasi"), label_names<PrestasiBand>());
    const std::string tp = o.at("tugas_tambahan");
    const Json& tt = arr(o.req("tugas_tambahan"), tp);
    for (std::size_t i = 0; i < tt.size(); ++i) {
        Obj s(tt[i], idx(tp, i));
        r.tugas_tambahan.push_back({whole(s.req("min_count"), s.at("min_count")), num(s.req("points"), s.at("points"))});
        s.finish();
    }
    r.kreativitas = read_points<Kreativitas, 4>(o.req("kreativitas"), o.at("kreativitas"), 1);
    const std::string ep = o.at("perilaku_elements");
    const Json& el = arr(o.req("perilaku_elements"), ep);
    for (std::size_t i = 0; i < el.size(); ++i) r.perilaku_elements.push_back(str(el[i], idx(ep, i)));
    o.finish();
    return r;
}

IpAsnRules read_ip_asn(const Json& j) {
    Obj o(j, "ip_asn");
    IpAsnRules r;
    Obj w(o.req("weights"), o.at("weights"));
    r.weights.kualifikasi = num(w.req("kualifikasi"), w.at("kualifikasi"));
    r.weights.kompetensi = num(w.req("kompetensi"), w.at("kompetensi"));
    r.weights.kinerja = num(w.req("kinerja"), w.at("kinerja"));
    r.weights.disiplin = num(w.req("disiplin"), w.at("disiplin"));
    w.finish();
    Obj p(o.req("points"), o.at("points"));
    r.kualifikasi = read_points<Education, kEducationCount>(p.req("kualifikasi"), p.at("kualifikasi"));
    r.kinerja = read_points<Predikat, kPredikatCount>(p.req("kinerja"), p.at("kinerja"));
    r.disiplin = read_points<Discipline, kDisciplineCount>(p.req("disiplin"), p.at("disiplin"));
    const std::string kp = p.at("kompetensi");
    const Json& kj = p.req("kompetensi");
    if (!kj.is_object()) fail(kp, kj.dump(), "ruleset.type", "must be a JSON object of groups");
    for (auto it = kj.begin(); it != kj.end(); ++it) {
        Obj g(it.value(), key(kp, it.key()));
        KompetensiGroup grp;
        grp.name = it.key();
        grp.position_classes = static_cast<std::uint8_t>(
            enum_mask<PositionClass>(g.req("position_classes"), g.at("position_classes")));
        grp.leadership_training = num(g.req("leadership_training"), g.at("leadership_training"));
        grp.functional_training = num(g.req("functional_training"), g.at("functional_training"));
        grp.technical_training = num(g.req("technical_training"), g.at("technical_training"));
        grp.seminar = num(g.req("seminar"), g.at("seminar"));
        g.finish();
        r.kompetensi.push_back(std::move(grp));
    }
    p.finish();
    r.technical_training_min_hours = num(o.req("technical_training_min_hours"), o.at("technical_training_min_hours"));
    r.categories = read_bands(o.req("categories"), o.at("categories"), label_names<IpAsnCategory>());
    o.finish();
    return r;
}

TalentRules read_talent(const Json& j) {
    Obj o(j, "talent");
    TalentRules r;
    enum_table<Rating>(o.req("boxes"), o.at("boxes"), "ruleset.matrix_complete",
                       [&](std::size_t k, const Json& row, const std::string& rp) {
                           enum_table<Potential>(row, rp, "ruleset.matrix_complete",
                                                 [&](std::size_t p, const Json& v, const std::string& cp) {
                                                     const auto b = whole(v, cp);
                                                     if (b < 1 || b > 9)
                                                         fail(cp, v.dump(), "ruleset.box_range", "a box number is 1..9");
                                                     r.box[k][p] = static_cast<std::uint8_t>(b);
                                                 });
                       });
    r.potential = read_bands(o.req("potential"), o.at("potential"), label_names<Potential>());
    enum_table<Predikat>(o.req("performance_from_predikat"), o.at("performance_from_predikat"),
                         "ruleset.table_complete", [&](std::size_t p, const Json& v, const std::string& vp) {
                             r.performance_from_predikat[p] = enm<Rating>(v, vp);
                         });
    Obj a(o.req("actions"), o.at("actions"));
    for (std::size_t b = 0; b < 9; ++b) {
        const std::string k = std::to_string(b + 1);
        const Json* v = a.opt(k);
        if (!v) fail(a.at(k), "", "ruleset.table_complete", "missing the action of box " + k);
        r.actions[b] = str(*v, a.at(k));
    }
    a.finish();
    o.finish();
    return r;
}

AngkaKreditRules read_angka_kredit(const Json& j) {
    Obj o(j, "angka_kredit");
    AngkaKreditRules r;
    r.percent = read_points<Predikat, kPredikatCount>(o.req("percent"), o.at("percent"));
    r.koefisien = read_points<PositionLevel, kPositionLevelCount>(o.req("koefisien"), o.at("koefisien"), 1);
    o.finish();
    return r;
}

PolicyRule read_policy_rule(const Json& j, const std::string& path) {
    Obj o(j, path);
    PolicyRule r;
    r.predikat_mask = static_cast<std::uint8_t>(enum_mask<Predikat>(o.req("predikat"), o.at("predikat")));
    const std::string bp = o.at("boxes");
    const Json& a = arr(o.req("boxes"), bp);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto b = whole(a[i], idx(bp, i));
        if (b < 1 || b > 9) fail(idx(bp, i), a[i].dump(), "ruleset.box_range", "a box number is 1..9");
        r.box_mask = static_cast<std::uint16_t>(r.box_mask | (1u << (b - 1)));
    }
    o.finish();
    return r;
}

PolicyRules read_policy(const Json& j) {
    Obj o(j, "policy");
    PolicyRules r{read_policy_rule(o.req("reward"), o.at("reward")), read_policy_rule(o.req("coaching"), o.at("coaching"))};
    o.finish();
    return r;
}

KpiScheme read_kpi(const Json& j) {
    Obj o(j, "kpi");
    KpiScheme k;
    k.missing = enm<KpiMissing>(o.req("missing"), o.at("missing"));
    k.weight_total = num(o.req("weight_total"), o.at("weight_total"));
    k.default_cap = num(o.req("default_cap"), o.at("default_cap"), true);
    const std::string lp = o.at("scale_labels");
    const Json& a = arr(o.req("scale_labels"), lp);
    for (std::size_t i = 0; i < a.size(); ++i) k.scale_labels.push_back(str(a[i], idx(lp, i)));
    std::vector<std::string_view> labels(k.scale_labels.begin(), k.scale_labels.end());
    k.scale = read_bands(o.req("scale"), o.at("scale"), labels);
    o.finish();
    return k;
}

// ----- JSON writing -----------------------------------------------------------------------------

Json open_num(double v) { return std::isinf(v) ? Json(nullptr) : Json(v); }

Json write_bands(const BandTable& t, const std::vector<std::string_view>& labels) {
    Json bands = Json::array();
    for (const Band& b : t.bands)
        bands.push_back(Json{{"from", b.from}, {"to", open_num(b.to)}, {"label", labels[b.label]}});
    return Json{{"min", t.min}, {"max", open_num(t.max)}, {"bands", bands}};
}
template <class E, std::size_t N> Json write_points(const std::array<double, N>& a, std::size_t first = 0) {
    Json o = Json::object();
    for (std::size_t i = first; i < N; ++i) o[std::string(name_of<E>(i))] = a[i];
    return o;
}
template <class E> Json write_mask(unsigned mask) {
    Json a = Json::array();
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i)
        if (mask & (1u << i)) a.push_back(name_of<E>(i));
    return a;
}
Json write_skp_weights(const SkpPerilakuWeights& w) { return Json{{"skp", w.skp}, {"perilaku", w.perilaku}}; }

Json write(const PredikatMatrix& m) {
    Json o = Json::object();
    for (std::size_t h = 0; h < kRatingCount; ++h) {
        Json row = Json::object();
        for (std::size_t p = 0; p < kRatingCount; ++p)
            row[std::string(name_of<Rating>(p))] = to_text(m.cell[h][p]);
        o[std::string(name_of<Rating>(h))] = row;
    }
    return o;
}
Json write(const DistributionRules& d) {
    Json o = Json::object();
    for (std::size_t org = 0; org < kPredikatCount; ++org) {
        Json list = Json::array();
        for (const auto& r : d.by_org[org]) {
            Json x{{"predikat", write_mask<Predikat>(r.predikat_mask)}};
            const std::string b(to_text(r.bound));
            if (r.bound == DistributionBound::min_share || r.bound == DistributionBound::max_share)
                x[b] = r.value;
            else
                x[b] = static_cast<std::uint64_t>(r.value);
            list.push_back(x);
        }
        o[std::string(name_of<OrgPredikat>(org))] = list;
    }
    return o;
}
Json write(const Pp30Rules& r) {
    return Json{{"weights", {{"superior_only", write_skp_weights(r.superior_only)},
                             {"multi_rater", write_skp_weights(r.multi_rater)}}},
                {"predikat", write_bands(r.predikat, label_names<Predikat>())},
                {"sangat_baik_min", r.sangat_baik_min}};
}
Json write(const Pp46Rules& r) {
    Json tt = Json::array();
    for (const auto& s : r.tugas_tambahan) tt.push_back(Json{{"min_count", s.min_count}, {"points", s.points}});
    return Json{{"nilai_tertimbang", r.nilai_tertimbang},
                {"efficiency_threshold", r.efficiency_threshold},
                {"weights", write_skp_weights(r.weights)},
                {"prestasi", write_bands(r.prestasi, label_names<PrestasiBand>())},
                {"tugas_tambahan", tt},
                {"kreativitas", write_points<Kreativitas>(r.kreativitas, 1)},
                {"perilaku_elements", r.perilaku_elements}};
}
Json write(const IpAsnRules& r) {
    Json komp = Json::object();
    for (const auto& g : r.kompetensi)
        komp[g.name] = Json{{"position_classes", write_mask<PositionClass>(g.position_classes)},
                            {"leadership_training", g.leadership_training},
                            {"functional_training", g.functional_training},
                            {"technical_training", g.technical_training},
                            {"seminar", g.seminar}};
    return Json{{"weights", {{"kualifikasi", r.weights.kualifikasi}, {"kompetensi", r.weights.kompetensi},
                             {"kinerja", r.weights.kinerja}, {"disiplin", r.weights.disiplin}}},
                {"points", {{"kualifikasi", write_points<Education>(r.kualifikasi)},
                            {"kompetensi", komp},
                            {"kinerja", write_points<Predikat>(r.kinerja)},
                            {"disiplin", write_points<Discipline>(r.disiplin)}}},
                {"technical_training_min_hours", r.technical_training_min_hours},
                {"categories", write_bands(r.categories, label_names<IpAsnCategory>())}};
}
Json write(const TalentRules& r) {
    Json boxes = Json::object(), perf = Json::object(), actions = Json::object();
    for (std::size_t k = 0; k < kRatingCount; ++k) {
        Json row = Json::object();
        for (std::size_t p = 0; p < kPotentialCount; ++p) row[std::string(name_of<Potential>(p))] = r.box[k][p];
        boxes[std::string(name_of<Rating>(k))] = row;
    }
    for (std::size_t p = 0; p < kPredikatCount; ++p)
        perf[std::string(name_of<Predikat>(p))] = to_text(r.performance_from_predikat[p]);
    for (std::size_t b = 0; b < 9; ++b) actions[std::to_string(b + 1)] = r.actions[b];
    return Json{{"boxes", boxes}, {"potential", write_bands(r.potential, label_names<Potential>())},
                {"performance_from_predikat", perf}, {"actions", actions}};
}
Json write(const AngkaKreditRules& r) {
    return Json{{"percent", write_points<Predikat>(r.percent)},
                {"koefisien", write_points<PositionLevel>(r.koefisien, 1)}};
}
Json write(const PolicyRules& r) {
    auto one = [](const PolicyRule& x) {
        Json boxes = Json::array();
        for (unsigned b = 1; b <= 9; ++b)
            if (x.box_mask & (1u << (b - 1))) boxes.push_back(b);
        return Json{{"predikat", write_mask<Predikat>(x.predikat_mask)}, {"boxes", boxes}};
    };
    return Json{{"reward", one(r.reward)}, {"coaching", one(r.coaching)}};
}
Json write(const KpiScheme& k) {
    std::vector<std::string_view> labels(k.scale_labels.begin(), k.scale_labels.end());
    return Json{{"missing", to_text(k.missing)}, {"weight_total", k.weight_total},
                {"default_cap", open_num(k.default_cap)}, {"scale_labels", k.scale_labels},
                {"scale", write_bands(k.scale, labels)}};
}

/// The value at a dotted path ("a.b[2].c"), or nullptr.
const Json* resolve(const Json& doc, std::string_view path) {
    const Json* cur = &doc;
    std::size_t pos = 0;
    while (pos <= path.size()) {
        std::size_t end = path.find('.', pos);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(pos, end - pos);
        const std::size_t br = seg.find('[');
        const std::string name(seg.substr(0, br));
        if (name.empty() || !cur->is_object()) return nullptr;
        auto it = cur->find(name);
        if (it == cur->end()) return nullptr;
        cur = &*it;
        for (std::size_t b = br; b != std::string_view::npos;) {
            const std::size_t close = seg.find(']', b);
            if (close == std::string_view::npos || !cur->is_array()) return nullptr;
            const std::string num_text(seg.substr(b + 1, close - b - 1));
            if (num_text.empty() || num_text.find_first_not_of("0123456789") != std::string::npos) return nullptr;
            const std::size_t i = std::stoul(num_text);
            if (i >= cur->size()) return nullptr;
            cur = &(*cur)[i];
            b = close + 1 < seg.size() ? close + 1 : std::string_view::npos;
            if (b != std::string_view::npos && seg[b] != '[') return nullptr;
        }
        pos = end + 1;
    }
    return cur;
}

Json document(const RuleSet& rs);

[[noreturn]] void missing(RuleSection s) {
    const std::string n(to_text(s));
    fail(n, "", "ruleset.section_missing", "the rule set has no '" + n + "' section");
}

}  // namespace

// ----- RuleSet ----------------------------------------------------------------------------------

RuleSet::RuleSet(std::string name, std::string regulation, std::string version)
    : name_(std::move(name)), regulation_(std::move(regulation)), version_(std::move(version)) {
    if (name_.empty()) fail("name", "", "ruleset.name_required", "a rule set needs a name");
}

bool RuleSet::has(RuleSection s) const noexcept {
    switch (s) {
        case RuleSection::predikat_matrix: return predikat_matrix_.has_value();
        case RuleSection::distribution: return distribution_.has_value();
        case RuleSection::pp30: return pp30_.has_value();
        case RuleSection::pp46: return pp46_.has_value();
        case RuleSection::ip_asn: return ip_asn_.has_value();
        case RuleSection::talent: return talent_.has_value();
        case RuleSection::angka_kredit: return angka_kredit_.has_value();
        case RuleSection::policy: return policy_.has_value();
        case RuleSection::kpi: return kpi_.has_value();
    }
    return false;
}

std::vector<RuleSection> RuleSet::sections() const {
    std::vector<RuleSection> out;
    for (std::size_t i = 0; i < EnumNames<RuleSection>::names.size(); ++i)
        if (has(static_cast<RuleSection>(i))) out.push_back(static_cast<RuleSection>(i));
    return out;
}

#define PENATA_SECTION(T, nm)                                                              \
    const T& RuleSet::nm() const {                                                         \
        if (!nm##_) missing(RuleSection::nm);                                              \
        return *nm##_;                                                                     \
    }                                                                                      \
    void RuleSet::set_##nm(T v) {                                                          \
        validate(v);                                                                       \
        nm##_ = std::move(v);                                                              \
    }
PENATA_SECTION(PredikatMatrix, predikat_matrix)
PENATA_SECTION(DistributionRules, distribution)
PENATA_SECTION(Pp30Rules, pp30)
PENATA_SECTION(Pp46Rules, pp46)
PENATA_SECTION(IpAsnRules, ip_asn)
PENATA_SECTION(TalentRules, talent)
PENATA_SECTION(AngkaKreditRules, angka_kredit)
PENATA_SECTION(PolicyRules, policy)
PENATA_SECTION(KpiScheme, kpi)
#undef PENATA_SECTION

std::string RuleSet::note(std::string_view path) const {
    auto it = notes_.find(std::string(path));
    return it == notes_.end() ? std::string() : it->second;
}

void RuleSet::set_note(const std::string& path, std::string text) {
    if (text.empty()) { notes_.erase(path); return; }
    const Json doc = document(*this);
    if (path.rfind("notes", 0) == 0 || !resolve(doc, path))
        fail(key("notes", path), path, "ruleset.note_path", "a note must name a figure of this rule set");
    notes_[path] = std::move(text);
}

namespace {
Json document(const RuleSet& rs) {
    Json doc{{"penata_ruleset", 1}, {"name", rs.name()}, {"regulation", rs.regulation()}, {"version", rs.version()}};
    if (!rs.notes().empty()) {
        Json n = Json::object();
        for (const auto& [k, v] : rs.notes()) n[k] = v;
        doc["notes"] = n;
    }
    if (rs.has(RuleSection::predikat_matrix)) doc["predikat_matrix"] = write(rs.predikat_matrix());
    if (rs.has(RuleSection::distribution)) doc["distribution"] = write(rs.distribution());
    if (rs.has(RuleSection::pp30)) doc["pp30"] = write(rs.pp30());
    if (rs.has(RuleSection::pp46)) doc["pp46"] = write(rs.pp46());
    if (rs.has(RuleSection::ip_asn)) doc["ip_asn"] = write(rs.ip_asn());
    if (rs.has(RuleSection::talent)) doc["talent"] = write(rs.talent());
    if (rs.has(RuleSection::angka_kredit)) doc["angka_kredit"] = write(rs.angka_kredit());
    if (rs.has(RuleSection::policy)) doc["policy"] = write(rs.policy());
    if (rs.has(RuleSection::kpi)) doc["kpi"] = write(rs.kpi());
    return doc;
}
}  // namespace

std::string RuleSet::to_json(int indent) const { return document(*this).dump(indent); }

RuleSet RuleSet::from_json(std::string_view text) {
    // JSON lets a key repeat (the last one would silently win): the parser callback refuses it.
    struct Frame {
        bool object;
        std::string path;
        std::vector<std::string> keys;
        std::size_t index = 0;
    };
    std::vector<Frame> stack;
    auto child_path = [&]() -> std::string {
        if (stack.empty()) return "";
        Frame& f = stack.back();
        return f.object ? key(f.path, f.keys.back()) : idx(f.path, f.index++);
    };
    const Json::parser_callback_t refuse_duplicates = [&](int, Json::parse_event_t ev, Json& parsed) {
        using E = Json::parse_event_t;
        if (ev == E::object_start || ev == E::array_start) {
            std::string p = child_path();
            stack.push_back(Frame{ev == E::object_start, std::move(p), {}});
        } else if (ev == E::object_end || ev == E::array_end) {
            stack.pop_back();
        } else if (ev == E::key) {
            Frame& f = stack.back();
            const std::string k = parsed.get<std::string>();
            if (std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end())
                fail(key(f.path, k), k, "ruleset.duplicate_key", "the key appears twice in one JSON object");
            f.keys.push_back(k);
        } else if (!stack.empty() && !stack.back().object) {
            ++stack.back().index;  // a scalar in an array
        }
        return true;
    };
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end(), refuse_duplicates);
    } catch (const Json::exception& e) {
        throw FormatError(std::string("rule set is not valid JSON: ") + e.what());
    }
    Obj top(doc, "");
    if (const Json* f = top.opt("penata_ruleset"))
        if (!f->is_number_unsigned() || f->get<std::uint64_t>() != 1)
            fail("penata_ruleset", f->dump(), "ruleset.format_version", "this penata reads rule set format 1");
    RuleSet rs(str(top.req("name"), "name"), str(top.req("regulation"), "regulation"),
               str(top.req("version"), "version"));
    const Json* notes = top.opt("notes");
    if (const Json* s = top.opt("predikat_matrix")) rs.set_predikat_matrix(read_predikat_matrix(*s));
    if (const Json* s = top.opt("distribution")) rs.set_distribution(read_distribution(*s));
    if (const Json* s = top.opt("pp30")) rs.set_pp30(read_pp30(*s));
    if (const Json* s = top.opt("pp46")) rs.set_pp46(read_pp46(*s));
    if (const Json* s = top.opt("ip_asn")) rs.set_ip_asn(read_ip_asn(*s));
    if (const Json* s = top.opt("talent")) rs.set_talent(read_talent(*s));
    if (const Json* s = top.opt("angka_kredit")) rs.set_angka_kredit(read_angka_kredit(*s));
    if (const Json* s = top.opt("policy")) rs.set_policy(read_policy(*s));
    if (const Json* s = top.opt("kpi")) rs.set_kpi(read_kpi(*s));
    top.finish();
    if (notes) {
        if (!notes->is_object()) fail("notes", notes->dump(), "ruleset.type", "must be a JSON object");
        for (auto it = notes->begin(); it != notes->end(); ++it) {
            const std::string p = key("notes", it.key());
            const std::string t = str(it.value(), p);
            if (it.key().rfind("notes", 0) == 0 || !resolve(doc, it.key()))
                fail(p, it.key(), "ruleset.note_path", "a note must name a figure of this rule set");
            if (t.empty()) fail(p, "", "ruleset.value", "a note must not be empty");
            rs.notes_[it.key()] = t;
        }
    }
    return rs;
}

RuleSet RuleSet::combine(std::string name, std::string regulation, std::string version,
                         const std::vector<RuleSet>& parts) {
    RuleSet out(std::move(name), std::move(regulation), std::move(version));
    for (const RuleSet& p : parts) {
        for (RuleSection s : p.sections())
            if (out.has(s))
                fail(std::string(to_text(s)), p.name(), "ruleset.section_duplicate",
                     "section '" + std::string(to_text(s)) + "' comes from more than one part");
#define PENATA_TAKE(nm) if (p.nm##_) out.nm##_ = p.nm##_;
        PENATA_TAKE(predikat_matrix) PENATA_TAKE(distribution) PENATA_TAKE(pp30) PENATA_TAKE(pp46)
        PENATA_TAKE(ip_asn) PENATA_TAKE(talent) PENATA_TAKE(angka_kredit) PENATA_TAKE(policy) PENATA_TAKE(kpi)
#undef PENATA_TAKE
        out.notes_.insert(p.notes_.begin(), p.notes_.end());
    }
    return out;
}

// ----- built-in rule sets (ASN-RULES.md) --------------------------------------------------------

namespace {

BandTable bands(double lo, double hi, std::initializer_list<std::pair<double, std::uint8_t>> starts) {
    BandTable t{lo, hi, {}};
    for (const auto& [from, label] : starts) {
        if (!t.bands.empty()) t.bands.back().to = from;
        t.bands.push_back(Band{from, hi, label});
    }
    return t;
}
template <class E> std::uint8_t c(E e) { return static_cast<std::uint8_t>(e); }
template <class E> std::uint8_t bits(std::initializer_list<E> es) {
    unsigned m = 0;
    for (E e : es) m |= 1u << static_cast<unsigned>(e);
    return static_cast<std::uint8_t>(m);
}

PredikatMatrix matrix_6_2022() {
    using P = Predikat;
    PredikatMatrix m;
    // [hasil][perilaku], perilaku di_bawah / sesuai / di_atas (ASN-RULES §2.2).
    m.cell[c(Rating::di_atas)] = {P::kurang, P::baik, P::sangat_baik};
    m.cell[c(Rating::sesuai)] = {P::kurang, P::baik, P::baik};
    m.cell[c(Rating::di_bawah)] = {P::sangat_kurang, P::butuh_perbaikan, P::butuh_perbaikan};
    return m;
}

DistributionRules distribution_6_2022() {
    using P = Predikat;
    using B = DistributionBound;
    DistributionRules d;
    d.by_org[c(OrgPredikat::istimewa)] = {{bits({P::sangat_baik}), B::max_share, 0.7}};
    d.by_org[c(OrgPredikat::baik)] = {{bits({P::baik}), B::max_share, 0.7},
                                      {bits({P::butuh_perbaikan, P::kurang}), B::min_count, 1}};
    d.by_org[c(OrgPredikat::butuh_perbaikan)] = {{bits({P::butuh_perbaikan}), B::min_share, 0.6},
                                                 {bits({P::sangat_baik}), B::max_share, 0.1}};
    d.by_org[c(OrgPredikat::kurang)] = {{bits({P::kurang}), B::min_share, 0.6},
                                        {bits({P::butuh_perbaikan}), B::min_share, 0.1},
                                        {bits({P::sangat_baik}), B::max_share, 0.1}};
    d.by_org[c(OrgPredikat::sangat_kurang)] = {{bits({P::sangat_kurang}), B::min_share, 0.6},
                                               {bits({P::kurang, P::butuh_perbaikan}), B::min_share, 0.1},
                                               {bits({P::sangat_baik}), B::max_count, 0}};
    return d;
}

RuleSet rs_6_2022() {
    RuleSet rs("permenpanrb-6-2022", "Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai "
               "Aparatur Sipil Negara (predikat kinerja matrix and kurva distribusi)", "2022.1");
    rs.set_predikat_matrix(matrix_6_2022());
    rs.set_distribution(distribution_6_2022());
    rs.set_note("predikat_matrix", "CONFIRMED-2: the same matrix in at least five independent public implementations; "
                "matches the PermenPANRB 6/2022 Lampiran as recalled (ASN-RULES §2.2)");
    rs.set_note("distribution", "CONFIRMED-2: kurva distribusi as summarised by naikpangkat.com (ASN-RULES §2.2)");
    rs.set_note("distribution.istimewa", "UNCERTAIN: 'sebagian besar (maks 70%) Sangat Baik' is enforced as the "
                "maximum only; add a min_share rule to also require a majority");
    return rs;
}

RuleSet rs_pp30() {
    RuleSet rs("pp-30-2019", "Peraturan Pemerintah Nomor 30 Tahun 2019 tentang Penilaian Kinerja Pegawai Negeri "
               "Sipil, Pasal 41 (nilai kinerja and predikat)", "2019.1");
    using P = Predikat;
    Pp30Rules r;
    r.predikat = bands(0, 120, {{0, c(P::sangat_kurang)}, {50, c(P::kurang)}, {70, c(P::butuh_perbaikan)},
                                {90, c(P::baik)}});
    rs.set_pp30(r);
    rs.set_note("pp30.predikat.bands[0]", "CONFIRMED-2 (weak): Sangat Kurang below 50, from a sonora.id paraphrase "
                "and memory (ASN-RULES §2.1)");
    rs.set_note("pp30.predikat.bands[1]", "CONFIRMED-2 (weak): Kurang 50 to below 70, from a sonora.id paraphrase "
                "and memory (ASN-RULES §2.1)");
    rs.set_note("pp30.predikat.bands[2]", "PP 30/2019 calls this band Cukup; stored as butuh_perbaikan, its "
                "PermenPANRB 6/2022 equivalent");
    rs.set_note("pp30.sangat_baik_min", "Sangat Baik needs 110 <= nilai <= 120 and a new idea or method that benefits "
                "the organisation or state (innovation flag); otherwise the nilai falls in the Baik band");
    return rs;
}

RuleSet rs_pp46() {
    RuleSet rs("pp-46-2011", "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja PNS and "
               "Peraturan Kepala BKN Nomor 1 Tahun 2013 (SKP and prestasi kerja; in force until 2021)", "2013.1");
    using B = PrestasiBand;
    Pp46Rules r;
    r.prestasi = bands(0, kOpenEnd, {{0, c(B::buruk)}, {51, c(B::kurang)}, {61, c(B::cukup)}, {76, c(B::baik)},
                                     {91, c(B::sangat_baik)}});
    r.tugas_tambahan = {{1, 1}, {4, 2}, {7, 3}};
    r.perilaku_elements = {"orientasi_pelayanan", "integritas", "komitmen", "disiplin", "kerja_sama", "kepemimpinan"};
    rs.set_pp46(r);
    rs.set_note("pp46.efficiency_threshold", "CONFIRMED-2: the branch above the threshold, waktu = (100 - threshold) - "
                "((((nt x T - R) / T) x 100) - 100), is from memory (a blog describes four variants); the branch at or "
                "below it is CONFIRMED (ASN-RULES §2.3)");
    rs.set_note("pp46.tugas_tambahan", "MEMORY: 1-3 activities +1, 4-6 +2, 7 or more +3 (ASN-RULES §2.3)");
    rs.set_note("pp46.kreativitas", "MEMORY: +3 unit, +6 organisation, +12 national level (ASN-RULES §2.3)");
    rs.set_note("pp46.perilaku_elements", "MEMORY: kepemimpinan applies to pejabat struktural only; nilai perilaku "
                "is the mean of the applicable elements (ASN-RULES §2.3)");
    rs.set_note("pp46.prestasi.bands[4]", "Scores above 100 are possible (realisation above target, tugas tambahan, "
                "kreativitas), so the top band is open");
    return rs;
}

IpAsnRules ip_asn_8_2019() {
    using PC = PositionClass;
    IpAsnRules r;
    // SD SLTP SLTA D1 D2 D3 D4 S1 S2 S3
    r.kualifikasi = {1, 1, 5, 5, 5, 10, 15, 15, 20, 25};
    r.kompetensi = {
        {"struktural", bits({PC::jpt_utama, PC::jpt_madya, PC::jpt_pratama, PC::administrator, PC::pengawas}), 15, 0,
         15, 10},
        {"fungsional", bits({PC::fungsional}), 0, 15, 15, 10},
        {"pelaksana", bits({PC::pelaksana}), 0, 0, 22.5, 17.5}};
    r.kinerja = {30, 25, 15, 10, 5};
    r.disiplin = {5, 3, 2, 1};
    using C = IpAsnCategory;
    r.categories = bands(0, 100, {{0, c(C::sangat_rendah)}, {61, c(C::rendah)}, {71, c(C::sedang)}, {81, c(C::tinggi)},
                                  {91, c(C::sangat_tinggi)}});
    return r;
}

RuleSet rs_perban_8_2019() {
    RuleSet rs("perban-8-2019", "Peraturan BKN Nomor 8 Tahun 2019 tentang Pedoman Tata Cara dan Pelaksanaan "
               "Pengukuran Indeks Profesionalitas ASN (with PermenPANRB 38/2018)", "2019.1");
    rs.set_ip_asn(ip_asn_8_2019());
    rs.set_note("ip_asn.points.kualifikasi.SLTP", "CONFIRMED-2, but verify: SLTP and below 1 point (ASN-RULES §1.2)");
    rs.set_note("ip_asn.points.kualifikasi.SD", "CONFIRMED-2, but verify: SLTP and below 1 point (ASN-RULES §1.2)");
    rs.set_note("ip_asn.points.kompetensi.pelaksana", "CONFIRMED-2: pelaksana split 22.5 + 17.5 from pandebaik.com; the "
                "pasal.id text was cut before the pelaksana line (ASN-RULES §1.2)");
    rs.set_note("ip_asn.points.kinerja", "UNCERTAIN: BKN's official predikat-to-points mapping was not found; these are "
                "the PP 46/2011 band points 30/25/15/10/5 mapped Sangat Baik/Baik/Butuh Perbaikan/Kurang/Sangat Kurang "
                "(ASN-RULES §1.2)");
    rs.set_note("ip_asn.points.disiplin", "UNCERTAIN: best guess; only 5 points for never punished is reasonably sure "
                "(ASN-RULES §1.2)");
    rs.set_note("ip_asn.technical_training_min_hours", "UNCERTAIN: training_hours (all JP this year) stands in for "
                "'diklat teknis at least 20 JP'; the BKN form counts the last year");
    return rs;
}

TalentRules talent_3_2020() {
    TalentRules r;
    // [kinerja][potensial rendah, menengah, tinggi] (ASN-RULES §4).
    r.box[c(Rating::di_atas)] = {4, 7, 9};
    r.box[c(Rating::sesuai)] = {2, 5, 8};
    r.box[c(Rating::di_bawah)] = {1, 3, 6};
    r.potential = bands(0, 100, {{0, c(Potential::rendah)}, {78, c(Potential::menengah)}, {90, c(Potential::tinggi)}});
    r.performance_from_predikat = {Rating::di_atas, Rating::sesuai, Rating::di_bawah, Rating::di_bawah, Rating::di_bawah};
    r.actions = {
        "Diproses sesuai ketentuan peraturan perundang-undangan",
        "Bimbingan kinerja; pengembangan kompetensi; penempatan yang sesuai",
        "Bimbingan kinerja; konseling kinerja; pengembangan kompetensi; penempatan yang sesuai",
        "Rotasi; pengembangan kompetensi",
        "Penempatan yang sesuai; bimbingan kinerja; pengembangan kompetensi",
        "Penempatan yang sesuai; bimbingan kinerja; konseling kinerja",
        "Dipertahankan; masuk Kelompok Rencana Suksesi Instansi; rotasi/pengayaan jabatan; pengembangan kompetensi; "
        "tugas belajar",
        "Dipertahankan; masuk Kelompok Rencana Suksesi Instansi; rotasi/perluasan jabatan; bimbingan kinerja",
        "Dipromosikan dan dipertahankan; masuk Kelompok Rencana Suksesi Instansi/Nasional; penghargaan"};
    return r;
}

PolicyRules policy_default() {
    using P = Predikat;
    PolicyRules r;
    r.reward = {bits({P::sangat_baik}), static_cast<std::uint16_t>((1u << 6) | (1u << 7) | (1u << 8))};
    r.coaching = {bits({P::butuh_perbaikan, P::kurang, P::sangat_kurang}),
                  static_cast<std::uint16_t>((1u << 0) | (1u << 1) | (1u << 2) | (1u << 5))};
    return r;
}

RuleSet rs_3_2020() {
    RuleSet rs("permenpanrb-3-2020", "Peraturan Menteri PANRB Nomor 3 Tahun 2020 tentang Manajemen Talenta ASN "
               "(9-box, Lampiran A) and penata's reward/coaching policy", "2020.1");
    rs.set_talent(talent_3_2020());
    rs.set_policy(policy_default());
    rs.set_note("talent.boxes", "CONFIRMED-2: box numbering agreed by several independent public implementations, "
                "one citing Lampiran A (ASN-RULES §4)");
    rs.set_note("talent.potential", "UNCERTAIN: the PermenPANRB sets no numeric cut-offs; each instance does. Default "
                "reuses the JPM mapping bands (tinggi >= 90, menengah 78 to below 90)");
    rs.set_note("talent.performance_from_predikat", "UNCERTAIN: penata's mapping of a predikat to the kinerja axis "
                "(sangat_baik di_atas, baik sesuai, the rest di_bawah)");
    rs.set_note("policy", "penata policy from ASN-RULES §4: boxes 7-9 (talent pool) and predikat sangat_baik for "
                "rewards; boxes 1-3 and 6 and predikat butuh_perbaikan/kurang/sangat_kurang for coaching");
    return rs;
}

RuleSet rs_1_2023() {
    RuleSet rs("permenpanrb-1-2023", "Peraturan Menteri PANRB Nomor 1 Tahun 2023 tentang Jabatan Fungsional and "
               "Peraturan BKN Nomor 3 Tahun 2023 (angka kredit from predikat kinerja)", "2023.1");
    AngkaKreditRules r;
    r.percent = {150, 100, 75, 50, 25};
    // none ahli_pertama ahli_muda ahli_madya ahli_utama pemula terampil mahir penyelia
    r.koefisien = {0, 12.5, 25, 37.5, 50, 3.75, 5, 12.5, 25};
    rs.set_angka_kredit(r);
    for (const char* l : {"ahli_muda", "ahli_utama", "pemula", "terampil", "mahir", "penyelia"})
        rs.set_note(std::string("angka_kredit.koefisien.") + l,
                    "MEMORY: koefisien per year not re-checked against the regulation (ASN-RULES §2.2)");
    return rs;
}

}  // namespace

std::vector<std::string> RuleSet::names() {
    return {"default", "perban-8-2019", "permenpanrb-1-2023", "permenpanrb-3-2020", "permenpanrb-6-2022",
            "pp-30-2019", "pp-46-2011"};
}

RuleSet RuleSet::builtin(std::string_view name) {
    // Built once (thread-safe static initialisation), then copied: a copy costs microseconds.
    static const std::map<std::string, RuleSet, std::less<>> all = [] {
        std::map<std::string, RuleSet, std::less<>> m;
        for (RuleSet rs : {rs_6_2022(), rs_pp30(), rs_pp46(), rs_perban_8_2019(), rs_3_2020(), rs_1_2023()})
            m.emplace(rs.name(), rs);
        m.emplace("default", combine("default", "Rules in force: PermenPANRB 6/2022 (predikat, distribution), "
                                     "Peraturan BKN 8/2019 (IP ASN), PermenPANRB 3/2020 (talent 9-box) and "
                                     "PermenPANRB 1/2023 (angka kredit)", "2023.1",
                                     {m.at("permenpanrb-6-2022"), m.at("perban-8-2019"), m.at("permenpanrb-3-2020"),
                                      m.at("permenpanrb-1-2023")}));
        return m;
    }();
    auto it = all.find(name);
    if (it != all.end()) return it->second;
    std::string names_text;
    for (const auto& n : names()) names_text += (names_text.empty() ? "" : ", ") + n;
    throw NotFoundError("no built-in rule set named '" + clip_value(std::string(name)) + "' (built-ins: " +
                        names_text + ")");
}

}  // namespace penata
