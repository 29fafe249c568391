#include "penata/appraisal.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "penata/error.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace penata {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kMaxIssues = 1000;

std::string num(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

/// Collects the issues of one bulk call (at most kMaxIssues listed, all counted).
class Issues {
public:
    void add(std::size_t index, std::string field, std::string value, std::string rule, std::string msg) {
        if (++total_ <= kMaxIssues)
            list_.push_back(Issue{static_cast<std::int64_t>(index) + 1, std::move(field), clip_value(value),
                                  std::move(rule), std::move(msg)});
    }
    void raise() {
        if (total_ == 0) return;
        if (total_ > list_.size())
            list_.push_back(Issue{-1, "", std::to_string(total_ - list_.size()), "input.more_issues",
                                  std::to_string(total_ - list_.size()) + " more issue(s) not listed"});
        throw ValidationError(std::move(list_));
    }

private:
    std::vector<Issue> list_;
    std::size_t total_ = 0;
};

[[noreturn]] void fail(std::string field, std::string value, std::string rule, std::string msg) {
    throw ValidationError(Issue{-1, std::move(field), clip_value(value), std::move(rule), std::move(msg)});
}

void need_size(const char* field, std::size_t got, std::size_t n) {
    if (got != n)
        fail(field, std::to_string(got), "input.length",
             "has " + std::to_string(got) + " values; expected " + std::to_string(n));
}

template <class E> std::string codes_text() {
    std::string s;
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i)
        s += (s.empty() ? "" : ", ") + std::to_string(i) + " " + std::string(EnumNames<E>::names[i]);
    return s;
}

/// Every code < EnumNames<E>::names.size(); the fast path is one vectorisable max.
template <class E> void check_codes(Span<std::uint8_t> v, const char* field, Issues& is) {
    constexpr auto n = EnumNames<E>::names.size();
    std::uint8_t mx = 0;
    for (std::size_t i = 0; i < v.size; ++i) mx = std::max(mx, v[i]);
    if (mx < n) return;
    for (std::size_t i = 0; i < v.size; ++i)
        if (v[i] >= n)
            is.add(i, field, std::to_string(v[i]), std::string(field) + ".known", "must be a code " + codes_text<E>());
}
void check_flags(Span<std::uint8_t> v, const char* field, Issues& is) {
    std::uint8_t mx = 0;
    for (std::size_t i = 0; i < v.size; ++i) mx = std::max(mx, v[i]);
    if (mx <= 1) return;
    for (std::size_t i = 0; i < v.size; ++i)
        if (v[i] > 1) is.add(i, field, std::to_string(v[i]), std::string(field) + ".known", "must be 0 (false) or 1 (true)");
}
/// Every value finite and in [lo, hi] (hi may be kOpenEnd).
void check_range(Span<double> v, const char* field, double lo, double hi, Issues& is, const char* rule_suffix = ".range") {
    for (std::size_t i = 0; i < v.size; ++i)
        if (!(v[i] >= lo && v[i] <= hi) || std::isinf(v[i]))
            is.add(i, field, num(v[i]), std::string(field) + rule_suffix,
                   std::isinf(hi) ? "must be a finite number >= " + num(lo)
                                  : "must be a number in [" + num(lo) + ", " + num(hi) + "]");
}

std::string mask_text(unsigned mask) {
    std::string s;
    for (std::size_t p = 0; p < kPredikatCount; ++p)
        if (mask & (1u << p)) s += (s.empty() ? "" : " or ") + std::string(EnumNames<Predikat>::names[p]);
    return s;
}

constexpr std::uint8_t kOutside = 0xFF;

/// Band lookup for computed values in bulk loops: kOutside for a value outside [min, max] (a
/// value beyond a finite max by float noise, <= 1e-9 relative, takes the top band). Branch-free
/// for tables of at most 16 bands. Keep it a local: its arrays must not be reachable through the
/// output pointers, or every byte store forces the compiler to reload them.
class Bands {
public:
    explicit Bands(const BandTable& t)
        : t_(&t), min_(t.min), max_(t.max), top_(t.max + 1e-9 * std::max(1.0, std::fabs(t.max))),
          fast_(t.bands.size() <= 16) {
        if (!fast_) return;
        cuts_ = t.bands.size() - 1;
        for (std::size_t i = 0; i < cuts_; ++i) to_[i] = t.bands[i].to;
        for (std::size_t i = 0; i < t.bands.size(); ++i) label_[i] = t.bands[i].label;
    }
    std::uint8_t operator()(double x) const {
        if (!(x >= min_ && x <= max_)) return x > max_ && x <= top_ ? t_->bands.back().label : kOutside;
        if (!fast_) return *t_->find(x);
        std::size_t i = 0;
        for (std::size_t k = 0; k < cuts_; ++k) i += x >= to_[k];
        return label_[i];
    }
    /// Throws the error for a value of row `index` that fell outside the table.
    [[noreturn]] void outside(std::size_t index, const char* field, double x) const {
        throw ValidationError(Issue{static_cast<std::int64_t>(index) + 1, field, num(x), std::string(field) + ".range",
                                    "the computed value lies outside the rule set's table [" + num(min_) + ", " +
                                        num(max_) + "]"});
    }

private:
    const BandTable* t_;
    double min_, max_, top_;
    bool fast_;
    std::size_t cuts_ = 0;
    std::array<double, 15> to_{};
    std::array<std::uint8_t, 16> label_{};
};

std::uint8_t classify_input(const BandTable& t, double x, const char* field) {
    if (auto l = t.find(x)) return *l;
    fail(field, num(x), std::string(field) + ".range",
         "must be a number in [" + num(t.min) + ", " + (std::isinf(t.max) ? std::string("inf") : num(t.max)) + "]");
}

}  // namespace

// ----- predikat ---------------------------------------------------------------------------------

Predikat predikat(const RuleSet& rules, Rating h, Rating p) {
    const auto hi = static_cast<std::size_t>(h), pi = static_cast<std::size_t>(p);
    if (hi >= kRatingCount) fail("rating_hasil_kerja", std::to_string(hi), "rating_hasil_kerja.known", "must be a code " + codes_text<Rating>());
    if (pi >= kRatingCount) fail("rating_perilaku", std::to_string(pi), "rating_perilaku.known", "must be a code " + codes_text<Rating>());
    return rules.predikat_matrix().cell[hi][pi];
}

void predikat(const RuleSet& rules, Span<std::uint8_t> h, Span<std::uint8_t> p, std::uint8_t* out) {
    const auto& m = rules.predikat_matrix();
    need_size("rating_perilaku", p.size, h.size);
    Issues is;
    check_codes<Rating>(h, "rating_hasil_kerja", is);
    check_codes<Rating>(p, "rating_perilaku", is);
    is.raise();
    std::uint8_t table[kRatingCount * kRatingCount];
    for (std::size_t a = 0; a < kRatingCount; ++a)
        for (std::size_t b = 0; b < kRatingCount; ++b) table[a * kRatingCount + b] = static_cast<std::uint8_t>(m.cell[a][b]);
    for (std::size_t i = 0; i < h.size; ++i) out[i] = table[h[i] * kRatingCount + p[i]];
}

std::vector<std::uint8_t> predikat(const RuleSet& rules, Span<std::uint8_t> h, Span<std::uint8_t> p) {
    std::vector<std::uint8_t> out(h.size);
    predikat(rules, h, p, out.data());
    return out;
}

// ----- PP 30/2019 -------------------------------------------------------------------------------

Predikat pp30_predikat(const RuleSet& rules, double nilai, bool innovation) {
    const auto& r = rules.pp30();
    const auto label = static_cast<Predikat>(classify_input(r.predikat, nilai, "nilai_kinerja"));
    return innovation && nilai >= r.sangat_baik_min ? Predikat::sangat_baik : label;
}

void pp30_scores(const RuleSet& rules, Span<double> skp, Span<double> perilaku, Span<std::uint8_t> innovation,
                 PerilakuRater rater, double* nilai_out, std::uint8_t* predikat_out) {
    const auto& r = rules.pp30();
    const std::size_t n = skp.size;
    need_size("perilaku", perilaku.size, n);
    if (!innovation.empty()) need_size("innovation", innovation.size, n);
    if (rater != PerilakuRater::superior_only && rater != PerilakuRater::multi_rater)
        fail("rater", std::to_string(static_cast<unsigned>(rater)), "rater.known", "superior_only (0) or multi_rater (1)");
    Issues is;
    check_range(skp, "skp", r.predikat.min, r.predikat.max, is);
    check_range(perilaku, "perilaku", r.predikat.min, r.predikat.max, is);
    check_flags(innovation, "innovation", is);
    is.raise();
    const auto& w = rater == PerilakuRater::superior_only ? r.superior_only : r.multi_rater;
    const Bands bands(r.predikat);
    for (std::size_t i = 0; i < n; ++i) {
        const double v = w.skp * skp[i] + w.perilaku * perilaku[i];
        if (nilai_out) nilai_out[i] = v;
        if (predikat_out) {
            const std::uint8_t label = bands(v);
            if (label == kOutside) bands.outside(i, "nilai_kinerja", v);
            predikat_out[i] = !innovation.empty() && innovation[i] && v >= r.sangat_baik_min
                                  ? static_cast<std::uint8_t>(Predikat::sangat_baik) : label;
        }
    }
}

Pp30Scores pp30_scores(const RuleSet& rules, Span<double> skp, Span<double> perilaku, Span<std::uint8_t> innovation,
                       PerilakuRater rater) {
    Pp30Scores s{std::vector<double>(skp.size), std::vector<std::uint8_t>(skp.size)};
    pp30_scores(rules, skp, perilaku, innovation, rater, s.nilai_kinerja.data(), s.predikat.data());
    return s;
}

// ----- PP 46/2011 -------------------------------------------------------------------------------

namespace {
double time_aspect(const Pp46Rules& r, double target, double real) {
    const double ratio = real / target;
    const double v = (r.nilai_tertimbang - ratio) * 100;  // ((nt x T - R) / T) x 100
    const double efficiency = 100 - ratio * 100;
    if (efficiency <= r.efficiency_threshold + 1e-9) return v;
    return (100 - r.efficiency_threshold) - (v - 100);
}
}  // namespace

double skp_time_aspect(const RuleSet& rules, double target, double real) {
    const auto& r = rules.pp46();
    if (!std::isfinite(target) || !(target > 0)) fail("target_time", num(target), "target_time.positive", "must be a finite number > 0");
    if (!std::isfinite(real) || real < 0) fail("real_time", num(real), "real_time.non_negative", "must be a finite number >= 0");
    return time_aspect(r, target, real);
}

SkpTaskScores skp_task_scores(const RuleSet& rules, const SkpTasks& t) {
    const auto& r = rules.pp46();
    const std::size_t n = t.size();
    need_size("target_output", t.target_output.size(), n);
    need_size("real_output", t.real_output.size(), n);
    need_size("target_quality", t.target_quality.size(), n);
    need_size("real_quality", t.real_quality.size(), n);
    need_size("target_time", t.target_time.size(), n);
    need_size("real_time", t.real_time.size(), n);
    const bool cost = !t.target_cost.empty() || !t.real_cost.empty();
    if (cost) {
        need_size("target_cost", t.target_cost.size(), n);
        need_size("real_cost", t.real_cost.size(), n);
    }
    Issues is;
    auto positive = [&](const std::vector<double>& v, const char* f) {
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isfinite(v[i]) || !(v[i] > 0))
                is.add(i, f, num(v[i]), std::string(f) + ".positive", "a target must be a finite number > 0");
    };
    auto non_negative = [&](const std::vector<double>& v, const char* f) {
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isfinite(v[i]) || v[i] < 0)
                is.add(i, f, num(v[i]), std::string(f) + ".non_negative", "a realisation must be a finite number >= 0");
    };
    positive(t.target_output, "target_output");
    non_negative(t.real_output, "real_output");
    positive(t.target_quality, "target_quality");
    non_negative(t.real_quality, "real_quality");
    positive(t.target_time, "target_time");
    non_negative(t.real_time, "real_time");
    if (cost)
        for (std::size_t i = 0; i < n; ++i) {
            const double tb = t.target_cost[i], rb = t.real_cost[i];
            if (std::isnan(tb) && std::isnan(rb)) continue;
            if (std::isnan(tb))
                is.add(i, "target_cost", "", "target_cost.required", "a real cost needs a target cost (or leave both empty)");
            else if (!std::isfinite(tb) || !(tb > 0))
                is.add(i, "target_cost", num(tb), "target_cost.positive",
                       "a target must be a finite number > 0 (leave both costs empty for a task without a cost target)");
            if (std::isnan(rb))
                is.add(i, "real_cost", "", "real_cost.required", "a target cost needs a real cost (or leave both empty)");
            else if (!std::isfinite(rb) || rb < 0)
                is.add(i, "real_cost", num(rb), "real_cost.non_negative", "a realisation must be a finite number >= 0");
        }
    is.raise();
    SkpTaskScores s;
    s.kuantitas.resize(n); s.kualitas.resize(n); s.waktu.resize(n); s.biaya.resize(n); s.aspects.resize(n); s.score.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool done = t.real_output[i] > 0;  // a task with no output was not carried out
        s.kuantitas[i] = t.real_output[i] / t.target_output[i] * 100;
        s.kualitas[i] = t.real_quality[i] / t.target_quality[i] * 100;
        s.waktu[i] = done ? time_aspect(r, t.target_time[i], t.real_time[i]) : 0;
        const bool has_cost = cost && !std::isnan(t.target_cost[i]);
        s.biaya[i] = !has_cost ? kNaN : done ? time_aspect(r, t.target_cost[i], t.real_cost[i]) : 0;
        s.aspects[i] = has_cost ? 4 : 3;
        s.score[i] = (s.kuantitas[i] + s.kualitas[i] + s.waktu[i] + (has_cost ? s.biaya[i] : 0)) / s.aspects[i];
    }
    return s;
}

SkpScores skp_scores(const RuleSet& rules, const SkpTasks& tasks, const SkpExtras& extras) {
    const auto& r = rules.pp46();
    const SkpTaskScores ts = skp_task_scores(rules, tasks);
    SkpScores s;
    std::unordered_map<std::uint64_t, std::size_t> at;
    std::vector<double> sum;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        auto [it, fresh] = at.emplace(tasks.nip[i], s.nip.size());
        if (fresh) { s.nip.push_back(tasks.nip[i]); s.task_count.push_back(0); sum.push_back(0); }
        ++s.task_count[it->second];
        sum[it->second] += ts.score[i];
    }
    const std::size_t m = s.nip.size();
    s.additions.assign(m, 0);
    if (!extras.nip.empty()) {
        need_size("tugas_tambahan", extras.tugas_tambahan.size(), extras.nip.size());
        need_size("kreativitas", extras.kreativitas.size(), extras.nip.size());
        Issues is;
        check_codes<Kreativitas>(extras.kreativitas, "kreativitas", is);
        std::vector<std::uint8_t> seen(m, 0);
        for (std::size_t i = 0; i < extras.nip.size(); ++i) {
            auto it = at.find(extras.nip[i]);
            if (it == at.end()) { is.add(i, "nip", std::to_string(extras.nip[i]), "nip.known", "this NIP has no SKP task"); continue; }
            if (seen[it->second]++) { is.add(i, "nip", std::to_string(extras.nip[i]), "nip.unique", "NIP listed twice"); continue; }
            if (extras.kreativitas[i] >= 4) continue;
            double add = r.kreativitas[extras.kreativitas[i]];
            double tt = 0;
            for (const auto& step : r.tugas_tambahan)
                if (extras.tugas_tambahan[i] >= step.min_count) tt = step.points;
            s.additions[it->second] = add + tt;
        }
        is.raise();
    }
    s.mean_task_score.resize(m); s.skp_score.resize(m); s.band.resize(m);
    for (std::size_t k = 0; k < m; ++k) {
        s.mean_task_score[k] = sum[k] / s.task_count[k];
        s.skp_score[k] = s.mean_task_score[k] + s.additions[k];
        // Scores below the table's min can only come from the 1.76 rule on very late tasks.
        if (auto l = r.prestasi.find(s.skp_score[k])) s.band[k] = *l;
        else fail("skp_score", num(s.skp_score[k]), "skp_score.range",
                  "the SKP score of NIP " + std::to_string(s.nip[k]) + " lies outside the pp46.prestasi table");
    }
    return s;
}

std::vector<double> perilaku_scores(const RuleSet& rules, Span<double> scores, std::size_t rows) {
    const auto& el = rules.pp46().perilaku_elements;
    const std::size_t k = el.size();
    need_size("perilaku", scores.size, rows * k);
    Issues is;
    std::vector<double> out(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        double sum = 0;
        std::size_t present = 0;
        for (std::size_t e = 0; e < k; ++e) {
            const double v = scores[i * k + e];
            if (std::isnan(v)) continue;
            if (!(v >= 0 && v <= 100)) is.add(i, el[e], num(v), el[e] + ".range", "must be in [0, 100] or empty (NaN) where it does not apply");
            sum += v;
            ++present;
        }
        if (present == 0) is.add(i, "perilaku", "", "perilaku.required", "at least one perilaku element must be scored");
        out[i] = present ? sum / static_cast<double>(present) : kNaN;
    }
    is.raise();
    return out;
}

PrestasiBand prestasi_band(const RuleSet& rules, double score) {
    return static_cast<PrestasiBand>(classify_input(rules.pp46().prestasi, score, "score"));
}

void prestasi(const RuleSet& rules, Span<double> skp, Span<double> perilaku, double* score_out,
              std::uint8_t* band_out) {
    const auto& r = rules.pp46();
    const std::size_t n = skp.size;
    need_size("perilaku_score", perilaku.size, n);
    Issues is;
    check_range(skp, "skp_score", 0, kOpenEnd, is, ".non_negative");
    check_range(perilaku, "perilaku_score", 0, kOpenEnd, is, ".non_negative");
    is.raise();
    const Bands bands(r.prestasi);
    const double ws = r.weights.skp, wp = r.weights.perilaku;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = ws * skp[i] + wp * perilaku[i];
        const std::uint8_t band = bands(v);
        if (band == kOutside) bands.outside(i, "prestasi_score", v);
        if (score_out) score_out[i] = v;
        if (band_out) band_out[i] = band;
    }
}

PrestasiScores prestasi(const RuleSet& rules, Span<double> skp, Span<double> perilaku) {
    PrestasiScores s{std::vector<double>(skp.size), std::vector<std::uint8_t>(skp.size)};
    prestasi(rules, skp, perilaku, s.prestasi_score.data(), s.prestasi_band.data());
    return s;
}

// ----- IP ASN -----------------------------------------------------------------------------------

namespace {
template <std::size_t N> std::array<double, N> scaled(const std::array<double, N>& pts, double w) {
    std::array<double, N> o{};
    const double mx = *std::max_element(pts.begin(), pts.end());
    for (std::size_t i = 0; i < N; ++i) o[i] = 100 * w * pts[i] / mx;
    return o;
}

/// IP ASN as small tables, shared by ip_asn() and the fused appraise() pass so that both give the
/// same values bit for bit. Dimension score = 100 x weight x points / maximum points, per code;
/// kompetensi by position class and the four items met (bits: leadership, functional, technical,
/// seminar), so that a row does one lookup. A score depends only on (education, position class,
/// items met, predikat, discipline): for large inputs the category of every combination is
/// tabulated once (kOutside where the score falls outside the category table, so that a pass
/// reports it only when a row has it).
struct IpTables {
    std::array<double, kEducationCount> kual{};
    std::array<double, kPredikatCount> kin{};
    std::array<double, kDisciplineCount> dis{};
    std::array<double, kPositionClassCount * 16> komp{};
    double min_hours = 0;
    std::vector<std::uint8_t> cat;  ///< by combo(); empty when not tabulated

    static constexpr std::size_t kCombos = kEducationCount * kPositionClassCount * 16 * kPredikatCount * kDisciplineCount;
    static constexpr std::size_t combo(std::size_t e, std::size_t c, std::size_t met, std::size_t p, std::size_t d) {
        return (((e * kPositionClassCount + c) * 16 + met) * kPredikatCount + p) * kDisciplineCount + d;
    }

    IpTables(const IpAsnRules& r, bool tabulate)
        : kual(scaled(r.kualifikasi, r.weights.kualifikasi)), kin(scaled(r.kinerja, r.weights.kinerja)),
          dis(scaled(r.disiplin, r.weights.disiplin)), min_hours(r.technical_training_min_hours) {
        for (const auto& g : r.kompetensi) {
            const double total = g.leadership_training + g.functional_training + g.technical_training + g.seminar;
            const double f = 100 * r.weights.kompetensi;
            const double item[4] = {f * g.leadership_training / total, f * g.functional_training / total,
                                    f * g.technical_training / total, f * g.seminar / total};
            for (std::size_t c = 0; c < kPositionClassCount; ++c)
                if (g.position_classes & (1u << c))
                    for (unsigned met = 0; met < 16; ++met)
                        komp[c * 16 + met] = ((met & 1) ? item[0] : 0) + ((met & 2) ? item[1] : 0) +
                                             ((met & 4) ? item[2] : 0) + ((met & 8) ? item[3] : 0);
        }
        if (!tabulate) return;
        const Bands categories(r.categories);
        cat.resize(kCombos);
        for (unsigned e = 0; e < kEducationCount; ++e)
            for (unsigned c = 0; c < kPositionClassCount; ++c)
                for (unsigned met = 0; met < 16; ++met)
                    for (unsigned p = 0; p < kPredikatCount; ++p)
                        for (unsigned d = 0; d < kDisciplineCount; ++d)  // the same sum (and order) as per row
                            cat[combo(e, c, met, p, d)] = categories(kual[e] + komp[c * 16 + met] + kin[p] + dis[d]);
    }
};

/// Inputs below this many rows are not worth tabulating the categories for.
constexpr std::size_t kTabulateCategories = 4096;
}  // namespace

IpAsnCategory ip_asn_category(const RuleSet& rules, double score) {
    return static_cast<IpAsnCategory>(classify_input(rules.ip_asn().categories, score, "ip_asn"));
}

void ip_asn(const RuleSet& rules, const IpAsnInputs& in, const IpAsnBuffers& out) {
    const auto& r = rules.ip_asn();
    const std::size_t n = in.education.size;
    need_size("position_class", in.position_class.size, n);
    need_size("training_hours", in.training_hours.size, n);
    need_size("has_leadership_training", in.has_leadership_training.size, n);
    need_size("has_functional_training", in.has_functional_training.size, n);
    need_size("has_seminar", in.has_seminar.size, n);
    need_size("predikat", in.predikat.size, n);
    need_size("discipline", in.discipline.size, n);
    // One fused pass finds whether anything is wrong; only then are the issues collected.
    unsigned bad = 0;
    for (std::size_t i = 0; i < n; ++i)
        bad |= static_cast<unsigned>(in.education[i] >= kEducationCount) |
               static_cast<unsigned>(in.position_class[i] >= kPositionClassCount) |
               static_cast<unsigned>((in.has_leadership_training[i] | in.has_functional_training[i] | in.has_seminar[i]) > 1) |
               static_cast<unsigned>(in.predikat[i] >= kPredikatCount) |
               static_cast<unsigned>(in.discipline[i] >= kDisciplineCount) |
               static_cast<unsigned>(!(in.training_hours[i] >= 0 && in.training_hours[i] < kOpenEnd));
    if (bad) {
        Issues is;
        check_codes<Education>(in.education, "education", is);
        check_codes<PositionClass>(in.position_class, "position_class", is);
        check_range(in.training_hours, "training_hours", 0, kOpenEnd, is, ".non_negative");
        check_flags(in.has_leadership_training, "has_leadership_training", is);
        check_flags(in.has_functional_training, "has_functional_training", is);
        check_flags(in.has_seminar, "has_seminar", is);
        check_codes<Predikat>(in.predikat, "predikat", is);
        check_codes<Discipline>(in.discipline, "discipline", is);
        is.raise();
    }

    const IpTables tables(r, out.category && n >= kTabulateCategories);
    // Locals only in the loop: a byte store through out.category may alias anything reachable.
    const auto kual = tables.kual;
    const auto kin = tables.kin;
    const auto dis = tables.dis;
    const auto komp = tables.komp;
    const double min_hours = tables.min_hours;
    const Bands categories(r.categories);
    const std::uint8_t *edu = in.education.data, *pc = in.position_class.data, *lead = in.has_leadership_training.data,
                       *func = in.has_functional_training.data, *sem = in.has_seminar.data, *pred = in.predikat.data,
                       *disc = in.discipline.data;
    const double* hours = in.training_hours.data;
    double *o_ip = out.ip_asn, *o1 = out.kualifikasi, *o2 = out.kompetensi, *o3 = out.kinerja, *o4 = out.disiplin;
    std::uint8_t* o_cat = out.category;
    const std::uint8_t* cat = tables.cat.empty() ? nullptr : tables.cat.data();
    for (std::size_t i = 0; i < n; ++i) {
        const double d1 = kual[edu[i]];
        // Flags are 0/1 (checked above), so they combine into a table index without branches.
        const unsigned met = lead[i] | (func[i] << 1) | (static_cast<unsigned>(hours[i] >= min_hours) << 2) | (sem[i] << 3);
        const double d2 = komp[pc[i] * 16u + met];
        const double d3 = kin[pred[i]];
        const double d4 = dis[disc[i]];
        const double total = d1 + d2 + d3 + d4;  // the same sum (and order) as in the table
        if (o_ip) o_ip[i] = total;
        if (o1) o1[i] = d1;
        if (o2) o2[i] = d2;
        if (o3) o3[i] = d3;
        if (o4) o4[i] = d4;
        if (o_cat) {
            const std::uint8_t k = cat ? cat[IpTables::combo(edu[i], pc[i], met, pred[i], disc[i])] : categories(total);
            if (k == kOutside) categories.outside(i, "ip_asn", total);
            o_cat[i] = k;
        }
    }
}

IpAsnScores ip_asn(const RuleSet& rules, const IpAsnInputs& in) {
    const std::size_t n = in.education.size;
    IpAsnScores s;
    s.ip_asn.resize(n); s.ip_kualifikasi.resize(n); s.ip_kompetensi.resize(n); s.ip_kinerja.resize(n);
    s.ip_disiplin.resize(n); s.ip_asn_category.resize(n);
    ip_asn(rules, in, IpAsnBuffers{s.ip_asn.data(), s.ip_kualifikasi.data(), s.ip_kompetensi.data(),
                                   s.ip_kinerja.data(), s.ip_disiplin.data(), s.ip_asn_category.data()});
    return s;
}

// ----- talent -----------------------------------------------------------------------------------

std::uint8_t talent_box(const RuleSet& rules, Rating perf, Potential pot) {
    const auto a = static_cast<std::size_t>(perf), b = static_cast<std::size_t>(pot);
    if (a >= kRatingCount) fail("performance", std::to_string(a), "performance.known", "must be a code " + codes_text<Rating>());
    if (b >= kPotentialCount) fail("potential_level", std::to_string(b), "potential_level.known", "must be a code " + codes_text<Potential>());
    return rules.talent().box[a][b];
}

Potential potential_level(const RuleSet& rules, double score) {
    return static_cast<Potential>(classify_input(rules.talent().potential, score, "potential"));
}

const std::string& talent_action(const RuleSet& rules, std::uint8_t box) {
    const auto& t = rules.talent();
    if (box < 1 || box > 9) throw NotFoundError("talent box " + std::to_string(box) + " does not exist (1..9)");
    return t.actions[box - 1];
}

void talent_box(const RuleSet& rules, const TalentInputs& in, std::uint8_t* out) {
    const auto& t = rules.talent();
    if (in.performance.empty() == in.predikat.empty())
        fail("performance", "", "input.choice", "give exactly one of performance (Rating codes) and predikat");
    if (in.potential_level.empty() == in.potential.empty())
        fail("potential", "", "input.choice", "give exactly one of potential (0..100) and potential_level");
    const std::size_t n = in.performance.empty() ? in.predikat.size : in.performance.size;
    if (in.potential.empty()) need_size("potential_level", in.potential_level.size, n);
    else need_size("potential", in.potential.size, n);
    Issues is;
    if (!in.performance.empty()) check_codes<Rating>(in.performance, "performance", is);
    else check_codes<Predikat>(in.predikat, "predikat", is);
    if (!in.potential_level.empty()) check_codes<Potential>(in.potential_level, "potential_level", is);
    else check_range(in.potential, "potential", t.potential.min, t.potential.max, is);
    is.raise();
    std::uint8_t perf_of_predikat[kPredikatCount];
    for (std::size_t p = 0; p < kPredikatCount; ++p) perf_of_predikat[p] = static_cast<std::uint8_t>(t.performance_from_predikat[p]);
    const Bands potential(t.potential);
    std::uint8_t box[kRatingCount][kPotentialCount];  // local copies: out may alias the rule set
    for (std::size_t a = 0; a < kRatingCount; ++a)
        for (std::size_t b = 0; b < kPotentialCount; ++b) box[a][b] = t.box[a][b];
    const std::uint8_t* perf = in.performance.empty() ? nullptr : in.performance.data;
    const std::uint8_t* pred = in.predikat.data;
    const std::uint8_t* level = in.potential_level.empty() ? nullptr : in.potential_level.data;
    const double* score = in.potential.data;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t k = perf ? perf[i] : perf_of_predikat[pred[i]];
        const std::uint8_t p = level ? level[i] : potential(score[i]);
        out[i] = box[k][p];
    }
}

std::vector<std::uint8_t> talent_box(const RuleSet& rules, const TalentInputs& in) {
    std::vector<std::uint8_t> out(in.performance.empty() ? in.predikat.size : in.performance.size);
    talent_box(rules, in, out.data());
    return out;
}

// ----- angka kredit -----------------------------------------------------------------------------

double angka_kredit(const RuleSet& rules, Predikat p, PositionLevel level, unsigned months) {
    const auto& r = rules.angka_kredit();
    const auto pi = static_cast<std::size_t>(p), li = static_cast<std::size_t>(level);
    if (pi >= kPredikatCount) fail("predikat", std::to_string(pi), "predikat.known", "must be a code " + codes_text<Predikat>());
    if (li >= kPositionLevelCount) fail("position_level", std::to_string(li), "position_level.known", "unknown position level code");
    if (months < 1 || months > 12) fail("months", std::to_string(months), "months.range", "must be 1..12");
    if (level == PositionLevel::none) return kNaN;
    return r.percent[pi] * r.koefisien[li] * months / 1200.0;
}

void angka_kredit(const RuleSet& rules, Span<std::uint8_t> pred, Span<std::uint8_t> level, Span<std::uint8_t> months,
                  double* out) {
    const auto& r = rules.angka_kredit();
    const std::size_t n = pred.size;
    need_size("position_level", level.size, n);
    if (!months.empty()) need_size("months", months.size, n);
    Issues is;
    check_codes<Predikat>(pred, "predikat", is);
    check_codes<PositionLevel>(level, "position_level", is);
    for (std::size_t i = 0; i < months.size; ++i)
        if (months[i] < 1 || months[i] > 12) is.add(i, "months", std::to_string(months[i]), "months.range", "must be 1..12");
    is.raise();
    for (std::size_t i = 0; i < n; ++i) {
        const double m = months.empty() ? 12 : months[i];
        out[i] = level[i] == 0 ? kNaN : r.percent[pred[i]] * r.koefisien[level[i]] * m / 1200.0;
    }
}

std::vector<double> angka_kredit(const RuleSet& rules, Span<std::uint8_t> pred, Span<std::uint8_t> level,
                                 Span<std::uint8_t> months) {
    std::vector<double> out(pred.size);
    angka_kredit(rules, pred, level, months, out.data());
    return out;
}

// ----- rewards and coaching ---------------------------------------------------------------------

PolicyLists policy_lists(const RuleSet& rules, Span<std::uint8_t> pred, Span<std::uint8_t> box) {
    const auto& pol = rules.policy();
    const std::size_t n = pred.empty() ? box.size : pred.size;
    if (!pred.empty() && !box.empty()) need_size("talent_box", box.size, n);
    Issues is;
    check_codes<Predikat>(pred, "predikat", is);
    for (std::size_t i = 0; i < box.size; ++i)
        if (box[i] < 1 || box[i] > 9) is.add(i, "talent_box", std::to_string(box[i]), "talent_box.range", "must be 1..9");
    is.raise();
    PolicyLists out;
    auto consider = [&](const PolicyRule& rule, std::size_t i, std::vector<PolicyEntry>& list) {
        const bool bp = !pred.empty() && (rule.predikat_mask & (1u << pred[i]));
        const bool bb = !box.empty() && (rule.box_mask & (1u << (box[i] - 1)));
        if (!bp && !bb) return;
        PolicyEntry e;
        e.index = static_cast<std::uint32_t>(i);
        e.by_predikat = bp;
        e.by_box = bb;
        if (bp) e.reason = "predikat " + std::string(EnumNames<Predikat>::names[pred[i]]);
        if (bb) e.reason += (bp ? "; " : "") + std::string("talent box ") + std::to_string(box[i]);
        list.push_back(std::move(e));
    };
    for (std::size_t i = 0; i < n; ++i) {
        consider(pol.reward, i, out.reward);
        consider(pol.coaching, i, out.coaching);
    }
    return out;
}

// ----- distribution check -----------------------------------------------------------------------

namespace {

/// A lexicographic cost: (employees moved, predikat steps, upgrades). Adds component-wise.
using Cost = std::array<long long, 3>;
Cost operator+(const Cost& a, const Cost& b) { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
Cost operator-(const Cost& a) { return {-a[0], -a[1], -a[2]}; }
constexpr Cost kInfCost{LLONG_MAX, LLONG_MAX, LLONG_MAX};

/// Min-cost flow by successive shortest paths (Bellman-Ford; the graphs here have ~20 nodes).
class MinCostFlow {
public:
    explicit MinCostFlow(int nodes) : adj_(static_cast<std::size_t>(nodes)) {}
    int add(int u, int v, long long cap, Cost cost = {0, 0, 0}) {
        const int id = static_cast<int>(arcs_.size());
        arcs_.push_back({v, cap, cost});
        adj_[static_cast<std::size_t>(u)].push_back(id);
        arcs_.push_back({u, 0, -cost});
        adj_[static_cast<std::size_t>(v)].push_back(id + 1);
        return id;
    }
    long long flow(int arc) const { return arcs_[static_cast<std::size_t>(arc) ^ 1u].cap; }
    long long run(int s, int t, long long want) {
        const std::size_t n = adj_.size();
        long long sent = 0;
        auto from = [&](std::size_t id) { return static_cast<std::size_t>(arcs_[id ^ 1u].to); };
        while (sent < want) {
            std::vector<Cost> dist(n, kInfCost);
            std::vector<std::size_t> via(n, SIZE_MAX);
            dist[static_cast<std::size_t>(s)] = Cost{0, 0, 0};
            for (std::size_t round = 0; round < n; ++round) {
                bool changed = false;
                for (std::size_t u = 0; u < n; ++u) {
                    if (dist[u] == kInfCost) continue;
                    for (int id : adj_[u]) {
                        const Arc& a = arcs_[static_cast<std::size_t>(id)];
                        const auto v = static_cast<std::size_t>(a.to);
                        const Cost d = dist[u] + a.cost;
                        if (a.cap > 0 && d < dist[v]) { dist[v] = d; via[v] = static_cast<std::size_t>(id); changed = true; }
                    }
                }
                if (!changed) break;
            }
            const auto ts = static_cast<std::size_t>(t), ss = static_cast<std::size_t>(s);
            if (dist[ts] == kInfCost) break;
            long long push = want - sent;
            for (std::size_t v = ts; v != ss; v = from(via[v])) push = std::min(push, arcs_[via[v]].cap);
            for (std::size_t v = ts; v != ss; v = from(via[v])) {
                arcs_[via[v]].cap -= push;
                arcs_[via[v] ^ 1u].cap += push;
            }
            sent += push;
        }
        return sent;
    }

private:
    struct Arc { int to; long long cap; Cost cost; };
    std::vector<Arc> arcs_;
    std::vector<std::vector<int>> adj_;
};

struct CountBounds { std::size_t lo, hi; };

int popcount(unsigned m) {
    int k = 0;
    for (; m; m &= m - 1) ++k;
    return k;
}

CountBounds bounds_of(const DistributionRule& r, std::size_t n) {
    const double x = r.value * static_cast<double>(n);
    switch (r.bound) {
        case DistributionBound::min_share: return {static_cast<std::size_t>(std::ceil(x - 1e-9)), n};
        case DistributionBound::max_share: return {0, static_cast<std::size_t>(std::floor(x + 1e-9))};
        case DistributionBound::min_count: return {static_cast<std::size_t>(r.value), n};
        case DistributionBound::max_count: return {0, std::min(n, static_cast<std::size_t>(r.value))};
    }
    return {0, n};
}

std::string describe(const DistributionRule& r, std::size_t n) {
    const CountBounds b = bounds_of(r, n);
    const std::string set = mask_text(r.predikat_mask);
    char pct[32];
    std::snprintf(pct, sizeof pct, "%g%%", r.value * 100);
    switch (r.bound) {
        case DistributionBound::min_share:
            return "at least " + std::string(pct) + " (" + std::to_string(b.lo) + " of " + std::to_string(n) + ") " + set;
        case DistributionBound::max_share:
            return "at most " + std::string(pct) + " (" + std::to_string(b.hi) + " of " + std::to_string(n) + ") " + set;
        case DistributionBound::min_count: return "at least " + std::to_string(b.lo) + " " + set;
        case DistributionBound::max_count: return b.hi == 0 ? "no " + set : "at most " + std::to_string(b.hi) + " " + set;
    }
    return set;
}

/// The fewest moves (then the fewest predikat steps, then the fewest upgrades) that make every rule hold: a min-cost
/// circulation over current predikat -> new predikat -> the laminar tree of rule sets, with the
/// rules as bounds on the tree arcs. Returns false when no distribution of n employees fits.
bool suggest(const std::vector<DistributionRule>& rules, const std::array<std::size_t, kPredikatCount>& c,
             std::size_t n, std::array<std::array<long long, kPredikatCount>, kPredikatCount>& moved) {
    const unsigned all = (1u << kPredikatCount) - 1;
    std::vector<unsigned> masks;
    std::vector<CountBounds> bnd;
    auto node_of = [&](unsigned m) {
        for (std::size_t i = 0; i < masks.size(); ++i) if (masks[i] == m) return i;
        masks.push_back(m);
        bnd.push_back({0, n});
        return masks.size() - 1;
    };
    for (std::size_t p = 0; p < kPredikatCount; ++p) node_of(1u << p);
    node_of(all);
    for (const auto& r : rules) {
        const std::size_t k = node_of(r.predikat_mask);
        const CountBounds b = bounds_of(r, n);
        bnd[k].lo = std::max(bnd[k].lo, b.lo);
        bnd[k].hi = std::min(bnd[k].hi, b.hi);
    }
    for (const auto& b : bnd) if (b.lo > b.hi) return false;
    const std::size_t root = node_of(all);
    if (bnd[root].lo > n || bnd[root].hi < n) return false;

    const int S = 0, T = 1, SS = 2, TT = 3, IN = 4, TREE = IN + static_cast<int>(kPredikatCount);
    MinCostFlow g(TREE + static_cast<int>(masks.size()));
    std::vector<long long> excess(static_cast<std::size_t>(TREE) + masks.size(), 0);
    auto bounded = [&](int u, int v, long long lo, long long hi) {
        g.add(u, v, hi - lo);
        excess[static_cast<std::size_t>(v)] += lo;
        excess[static_cast<std::size_t>(u)] -= lo;
    };
    const auto N = static_cast<long long>(n);
    std::array<std::array<int, kPredikatCount>, kPredikatCount> arc{};
    for (std::size_t p = 0; p < kPredikatCount; ++p) {
        bounded(S, IN + static_cast<int>(p), static_cast<long long>(c[p]), static_cast<long long>(c[p]));
        for (std::size_t q = 0; q < kPredikatCount; ++q) {
            // Predikat codes run from best (0) to worst (4): q < p is an upgrade.
            const Cost cost = p == q ? Cost{0, 0, 0}
                                     : Cost{1, p > q ? static_cast<long long>(p - q) : static_cast<long long>(q - p),
                                            q < p ? 1 : 0};
            arc[p][q] = g.add(IN + static_cast<int>(p), TREE + static_cast<int>(q), N, cost);
        }
    }
    for (std::size_t k = 0; k < masks.size(); ++k) {
        if (k == root) continue;
        std::size_t parent = root;  // the smallest strict superset (the sets are laminar)
        for (std::size_t j = 0; j < masks.size(); ++j)
            if (j != k && (masks[j] & masks[k]) == masks[k] && masks[j] != masks[k] &&
                popcount(masks[j]) < popcount(masks[parent]))
                parent = j;
        bounded(TREE + static_cast<int>(k), TREE + static_cast<int>(parent), static_cast<long long>(bnd[k].lo),
                static_cast<long long>(bnd[k].hi));
    }
    bounded(TREE + static_cast<int>(root), T, N, N);
    g.add(T, S, N);
    long long need = 0;
    for (std::size_t v = 0; v < excess.size(); ++v) {
        if (excess[v] > 0) { g.add(SS, static_cast<int>(v), excess[v]); need += excess[v]; }
        if (excess[v] < 0) g.add(static_cast<int>(v), TT, -excess[v]);
    }
    if (g.run(SS, TT, need) != need) return false;
    for (std::size_t p = 0; p < kPredikatCount; ++p)
        for (std::size_t q = 0; q < kPredikatCount; ++q) moved[p][q] = p == q ? 0 : g.flow(arc[p][q]);
    return true;
}

}  // namespace

DistributionCheck check_distribution(const RuleSet& rules, OrgPredikat org,
                                     const std::array<std::size_t, kPredikatCount>& counts) {
    const auto o = static_cast<std::size_t>(org);
    if (o >= kPredikatCount) fail("org_predikat", std::to_string(o), "org_predikat.known", "must be a code " + codes_text<OrgPredikat>());
    const auto& list = rules.distribution().by_org[o];
    DistributionCheck out;
    out.org = org;
    out.counts = counts;
    out.suggested_counts = counts;
    std::size_t n = 0;
    for (auto x : counts) n += x;
    out.employees = n;
    if (n == 0) return out;
    auto count_of = [&](const std::array<std::size_t, kPredikatCount>& c, unsigned mask) {
        std::size_t k = 0;
        for (std::size_t p = 0; p < kPredikatCount; ++p) if (mask & (1u << p)) k += c[p];
        return k;
    };
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& r = list[i];
        const CountBounds b = bounds_of(r, n);
        const std::size_t actual = count_of(counts, r.predikat_mask);
        if (actual >= b.lo && actual <= b.hi) continue;
        DistributionViolation v;
        v.rule = i;
        v.predikat_mask = r.predikat_mask;
        v.bound = r.bound;
        v.value = r.value;
        v.required_count = actual < b.lo ? b.lo : b.hi;
        v.actual_count = actual;
        v.actual_share = static_cast<double>(actual) / static_cast<double>(n);
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.4g%%", v.actual_share * 100);
        v.message = describe(r, n) + "; actual " + std::to_string(actual) + " (" + pct + ")";
        out.violations.push_back(std::move(v));
    }
    if (out.violations.empty()) return out;
    std::array<std::array<long long, kPredikatCount>, kPredikatCount> moved{};
    if (!suggest(list, counts, n, moved)) {
        out.satisfiable = false;
        return out;
    }
    for (std::size_t p = 0; p < kPredikatCount; ++p)
        for (std::size_t q = 0; q < kPredikatCount; ++q) {
            if (moved[p][q] == 0) continue;
            const auto k = static_cast<std::size_t>(moved[p][q]);
            out.suggested_counts[p] -= k;
            out.suggested_counts[q] += k;
            DistributionChange ch{static_cast<Predikat>(p), static_cast<Predikat>(q), k, {}};
            for (const auto& v : out.violations) {
                const bool in_from = v.predikat_mask & (1u << p), in_to = v.predikat_mask & (1u << q);
                const bool helps = v.actual_count < v.required_count ? (in_to && !in_from) : (in_from && !in_to);
                if (helps) ch.reason += (ch.reason.empty() ? "" : "; ") + describe(list[v.rule], n);
            }
            if (ch.reason.empty()) ch.reason = "keeps the other rules satisfied";
            out.changes.push_back(std::move(ch));
        }
    return out;
}

DistributionCheck check_distribution(const RuleSet& rules, OrgPredikat org, Span<std::uint8_t> pred) {
    Issues is;
    check_codes<Predikat>(pred, "predikat", is);
    is.raise();
    std::array<std::size_t, kPredikatCount> counts{};
    for (std::size_t i = 0; i < pred.size; ++i) ++counts[pred[i]];
    return check_distribution(rules, org, counts);
}

DistributionCheck check_distribution(const RuleSet& rules, OrgPredikat org, const Workforce& wf,
                                     std::string_view unit_code, Span<std::uint8_t> pred, bool include_subunits) {
    need_size("predikat", pred.size, wf.size());
    const auto rows = wf.select_unit(unit_code, include_subunits);
    std::vector<std::uint8_t> sel(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) sel[i] = pred[rows[i]];
    return check_distribution(rules, org, Span<std::uint8_t>(sel));
}

// ----- whole workforce --------------------------------------------------------------------------

AppraisalOutputs appraisal_outputs(const RuleSet& rules, const AppraisalInputs& in) noexcept {
    AppraisalOutputs o;
    o.predikat = !in.predikat.empty() || !in.rating_hasil_kerja.empty();
    o.ip_asn = !in.has_leadership_training.empty() || !in.has_functional_training.empty() || !in.has_seminar.empty();
    o.talent_box = !in.potential.empty() || !in.potential_level.empty();
    o.angka_kredit = o.predikat && rules.has(RuleSection::angka_kredit);
    o.policy = rules.has(RuleSection::policy) && (o.predikat || o.talent_box);
    return o;
}

namespace {

/// The reference appraisal: one bulk call per output, each validating its inputs in turn. Its
/// order of checks defines the errors of appraise(); the fused pass falls back to it whenever
/// anything is missing or wrong. Null buffers get temporaries where a later step needs them.
void appraise_staged(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in, Span<std::uint32_t> rows,
                     const AppraisalBuffers& out) {
    const std::size_t N = wf.size();
    auto sized = [&](const char* f, std::size_t got) { if (got) need_size(f, got, N); };
    sized("rating_hasil_kerja", in.rating_hasil_kerja.size);
    sized("rating_perilaku", in.rating_perilaku.size);
    sized("predikat", in.predikat.size);
    sized("has_leadership_training", in.has_leadership_training.size);
    sized("has_functional_training", in.has_functional_training.size);
    sized("has_seminar", in.has_seminar.size);
    sized("performance", in.performance.size);
    sized("potential", in.potential.size);
    sized("potential_level", in.potential_level.size);
    sized("months", in.months.size);
    if (in.rating_hasil_kerja.empty() != in.rating_perilaku.empty())
        fail(in.rating_hasil_kerja.empty() ? "rating_hasil_kerja" : "rating_perilaku", "", "input.required",
             "give both ratings or neither");
    for (std::size_t i = 0; i < rows.size; ++i)
        if (rows[i] >= N) fail("rows", std::to_string(rows[i]), "input.row_range", "row beyond the workforce size " + std::to_string(N));
    const bool all = rows.empty();
    const std::size_t n = all ? N : rows.size;
    // Views over the appraised rows (the columns themselves when all rows are appraised).
    std::vector<std::vector<std::uint8_t>> keep8;
    std::vector<std::vector<double>> keepd;
    auto pick8 = [&](Span<std::uint8_t> col) -> Span<std::uint8_t> {
        if (all || col.empty()) return col;
        keep8.emplace_back(n);
        for (std::size_t i = 0; i < n; ++i) keep8.back()[i] = col[rows[i]];
        return keep8.back();
    };
    auto pickd = [&](Span<double> col) -> Span<double> {
        if (all || col.empty()) return col;
        keepd.emplace_back(n);
        for (std::size_t i = 0; i < n; ++i) keepd.back()[i] = col[rows[i]];
        return keepd.back();
    };
    keep8.reserve(16);
    keepd.reserve(4);
    std::vector<std::uint8_t> own_pred, own_box;
    std::vector<double> own_ak;

    Span<std::uint8_t> pred;
    const Span<std::uint8_t> given = pick8(in.predikat);
    if (!given.empty() || !in.rating_hasil_kerja.empty()) {
        std::uint8_t* o = out.predikat;
        if (!o) { own_pred.resize(n); o = own_pred.data(); }
        if (!given.empty()) {
            Issues is;
            check_codes<Predikat>(given, "predikat", is);
            is.raise();
            std::copy(given.data, given.data + given.size, o);
        } else {
            predikat(rules, pick8(in.rating_hasil_kerja), pick8(in.rating_perilaku), o);
        }
        pred = Span<std::uint8_t>(o, n);
    }

    const bool flags = !in.has_leadership_training.empty() || !in.has_functional_training.empty() || !in.has_seminar.empty();
    if (flags) {
        for (auto [f, s] : {std::pair<const char*, std::size_t>{"has_leadership_training", in.has_leadership_training.size},
                            {"has_functional_training", in.has_functional_training.size}, {"has_seminar", in.has_seminar.size}})
            if (s == 0) fail(f, "", "input.required", "IP ASN needs all three training flags");
        if (pred.empty()) fail("predikat", "", "input.required", "IP ASN needs predikat (or the two ratings)");
        IpAsnInputs ii{pick8(wf.education()), pick8(wf.position_class()), pickd(wf.training_hours()),
                       pick8(in.has_leadership_training), pick8(in.has_functional_training), pick8(in.has_seminar),
                       pred, pick8(wf.discipline())};
        ip_asn(rules, ii, out.ip_asn);
    }

    if (!in.potential.empty() || !in.potential_level.empty()) {
        TalentInputs ti;
        ti.potential = pickd(in.potential);
        ti.potential_level = pick8(in.potential_level);
        if (!in.performance.empty()) ti.performance = pick8(in.performance);
        else if (!pred.empty()) ti.predikat = pred;
        else fail("performance", "", "input.required", "talent boxes need performance or predikat (or the two ratings)");
        std::uint8_t* o = out.talent_box;
        if (!o) { own_box.resize(n); o = own_box.data(); }
        talent_box(rules, ti, o);
    }

    if (!pred.empty() && rules.has(RuleSection::angka_kredit)) {
        double* o = out.angka_kredit;
        if (!o) { own_ak.resize(n); o = own_ak.data(); }
        angka_kredit(rules, pred, pick8(wf.position_level()), pick8(in.months), o);
    }
}

// --- the fused pass ---

/// Rows per block of the fused pass: its inputs (~24 bytes a row) stay in L1/L2 between the
/// validation of a block and its computation.
constexpr std::size_t kBlock = 2048;

/// What the fused pass computes, and from which columns (null when not used; indexed by workforce row).
struct FusedPlan {
    int pred_src = 0;  ///< 0 no predikat, 1 from the two ratings, 2 given
    bool ip = false, talent = false, level_given = false, ak = false;
    const std::uint8_t *hasil = nullptr, *perilaku = nullptr, *pred = nullptr;
    const std::uint8_t *edu = nullptr, *pc = nullptr, *lead = nullptr, *func = nullptr, *sem = nullptr, *disc = nullptr;
    const double* hours = nullptr;
    const std::uint8_t *perf = nullptr, *level = nullptr;
    const double* potential = nullptr;
    const std::uint8_t *plevel = nullptr, *months = nullptr;
};

/// The plan of the fused pass, or false when the inputs are incomplete or inconsistent (wrong
/// lengths, rows out of range, a missing section...): then the staged path reports the error.
bool plan_fused(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in, Span<std::uint32_t> rows,
                FusedPlan& f) {
    const std::size_t N = wf.size();
    for (std::size_t s : {in.rating_hasil_kerja.size, in.rating_perilaku.size, in.predikat.size,
                          in.has_leadership_training.size, in.has_functional_training.size, in.has_seminar.size,
                          in.performance.size, in.potential.size, in.potential_level.size, in.months.size})
        if (s != 0 && s != N) return false;
    if (in.rating_hasil_kerja.empty() != in.rating_perilaku.empty()) return false;
    std::uint32_t top = 0;
    for (std::size_t i = 0; i < rows.size; ++i) top = std::max(top, rows[i]);
    if (!rows.empty() && top >= N) return false;
    if (N == 0) return false;  // nothing to do; the staged path does it

    f.pred_src = !in.predikat.empty() ? 2 : !in.rating_hasil_kerja.empty() ? 1 : 0;
    if (f.pred_src == 1 && !rules.has(RuleSection::predikat_matrix)) return false;
    f.hasil = in.rating_hasil_kerja.data;
    f.perilaku = in.rating_perilaku.data;
    f.pred = in.predikat.data;

    f.ip = !in.has_leadership_training.empty() || !in.has_functional_training.empty() || !in.has_seminar.empty();
    if (f.ip) {
        if (in.has_leadership_training.empty() || in.has_functional_training.empty() || in.has_seminar.empty() ||
            f.pred_src == 0 || !rules.has(RuleSection::ip_asn))
            return false;
        f.edu = wf.education().data();
        f.pc = wf.position_class().data();
        f.hours = wf.training_hours().data();
        f.disc = wf.discipline().data();
        f.lead = in.has_leadership_training.data;
        f.func = in.has_functional_training.data;
        f.sem = in.has_seminar.data;
    }

    f.talent = !in.potential.empty() || !in.potential_level.empty();
    if (f.talent) {
        if (!in.potential.empty() && !in.potential_level.empty()) return false;
        if (in.performance.empty() && f.pred_src == 0) return false;
        if (!rules.has(RuleSection::talent)) return false;
        f.perf = in.performance.empty() ? nullptr : in.performance.data;
        f.level_given = !in.potential_level.empty();
        f.level = in.potential_level.data;
        f.potential = in.potential.data;
    }

    f.ak = f.pred_src != 0 && rules.has(RuleSection::angka_kredit);
    if (f.ak) {
        f.plevel = wf.position_level().data();
        f.months = in.months.empty() ? nullptr : in.months.data;
    }
    return true;
}

/// One column over the current block: the column itself when every row is appraised, else the
/// selected rows gathered into a block-sized buffer.
template <class T> class BlockColumn {
public:
    BlockColumn(const T* col, const std::uint32_t* rows) : col_(col), rows_(rows) {
        if (col && rows) buf_.resize(kBlock);
    }
    const T* at(std::size_t base, std::size_t m) {
        if (!col_ || !rows_) return col_ ? col_ + base : nullptr;
        for (std::size_t j = 0; j < m; ++j) buf_[j] = col_[rows_[base + j]];
        return buf_.data();
    }

private:
    const T* col_;
    const std::uint32_t* rows_;
    std::vector<T> buf_;
};

std::uint8_t max_of(const std::uint8_t* p, std::size_t m) {
    std::uint8_t mx = 0;
    for (std::size_t j = 0; j < m; ++j) mx = std::max(mx, p[j]);
    return mx;
}
std::uint8_t min_of(const std::uint8_t* p, std::size_t m) {
    std::uint8_t mn = 0xFF;
    for (std::size_t j = 0; j < m; ++j) mn = std::min(mn, p[j]);
    return mn;
}

/// Whether every value is finite and within [lo, hi] (check_range's test), two at a time with SSE2.
bool all_within(const double* v, std::size_t m, double lo, double hi) {
    std::size_t j = 0;
#if defined(__SSE2__)
    const __m128d vlo = _mm_set1_pd(lo), vhi = _mm_set1_pd(hi), inf = _mm_set1_pd(kOpenEnd),
                  abs_mask = _mm_castsi128_pd(_mm_set1_epi64x(0x7FFFFFFFFFFFFFFF));
    __m128d bad = _mm_setzero_pd();
    for (; j + 2 <= m; j += 2) {
        const __m128d x = _mm_loadu_pd(v + j);  // "not >=" and "not <=" are true for NaN
        bad = _mm_or_pd(bad, _mm_or_pd(_mm_or_pd(_mm_cmpnge_pd(x, vlo), _mm_cmpnle_pd(x, vhi)),
                                       _mm_cmpeq_pd(_mm_and_pd(x, abs_mask), inf)));
    }
    if (_mm_movemask_pd(bad)) return false;
#endif
    for (; j < m; ++j)
        if (!(v[j] >= lo && v[j] <= hi) || std::isinf(v[j])) return false;
    return true;
}

#if defined(__SSE2__)
/// Lookups of 16 one-byte indexes (each < N) in a table of N <= 16 bytes, by compare and select
/// (SSE2 has no byte shuffle). The table is turned into vectors once.
template <std::size_t N> class ByteTable {
public:
    explicit ByteTable(const std::uint8_t* table) {
        for (std::size_t i = 0; i < N; ++i) {
            key_[i] = _mm_set1_epi8(static_cast<char>(i));
            val_[i] = _mm_set1_epi8(static_cast<char>(table[i]));
        }
    }
    __m128i operator()(__m128i idx) const {
        __m128i r = _mm_setzero_si128();
        for (std::size_t i = 0; i < N; ++i) r = _mm_or_si128(r, _mm_and_si128(_mm_cmpeq_epi8(idx, key_[i]), val_[i]));
        return r;
    }

private:
    __m128i key_[N], val_[N];
};

/// x[0..16) >= c as 16 bytes 0xFF (true) or 0x00 (false, also for NaN).
inline __m128i ge16(const double* x, __m128d c) {
    __m128i q[4];
    for (int k = 0; k < 4; ++k) {
        const __m128d a = _mm_cmpge_pd(_mm_loadu_pd(x + 4 * k), c), b = _mm_cmpge_pd(_mm_loadu_pd(x + 4 * k + 2), c);
        // One 32-bit lane per row: the low halves of the four 64-bit masks (moved, not computed).
        q[k] = _mm_castps_si128(_mm_shuffle_ps(_mm_castpd_ps(a), _mm_castpd_ps(b), _MM_SHUFFLE(2, 0, 2, 0)));
    }
    return _mm_packs_epi16(_mm_packs_epi32(q[0], q[1]), _mm_packs_epi32(q[2], q[3]));
}

inline __m128i load16(const std::uint8_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline void store16(std::uint8_t* p, __m128i v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
#endif

/// The fused pass over the appraised rows [lo, hi): for each block, validate every input
/// (vectorised max / range reductions), then compute predikat -> IP ASN dimensions and category
/// -> talent box -> angka kredit from small local tables. Returns false on the first block with a
/// bad value (or a score outside the category table) without reporting it: the caller then runs
/// the staged path, which builds the issues. kPred: 0 no predikat, 1 from the ratings, 2 given.
template <int kPred, bool kIp, bool kTalent, bool kLevel>
bool fused_pass(const RuleSet& rules, const FusedPlan& f, Span<std::uint32_t> rows, std::size_t lo, std::size_t hi,
                const AppraisalBuffers& out) {
    // Tables as locals: byte stores through the outputs may alias anything reachable from them.
    std::uint8_t mat[kRatingCount * kRatingCount] = {};
    if constexpr (kPred == 1) {
        const auto& m = rules.predikat_matrix();
        for (std::size_t a = 0; a < kRatingCount; ++a)
            for (std::size_t b = 0; b < kRatingCount; ++b) mat[a * kRatingCount + b] = static_cast<std::uint8_t>(m.cell[a][b]);
    }

    std::array<double, kEducationCount> kual{};
    std::array<double, kPredikatCount> kin{};
    std::array<double, kDisciplineCount> dis{};
    std::array<double, kPositionClassCount * 16> komp{};
    double min_hours = 0;
    std::vector<std::uint8_t> cat_table;
    std::optional<Bands> categories;
    if constexpr (kIp) {
        const auto& r = rules.ip_asn();
        IpTables t(r, hi - lo >= kTabulateCategories);
        kual = t.kual; kin = t.kin; dis = t.dis; komp = t.komp; min_hours = t.min_hours;
        cat_table = std::move(t.cat);
        categories.emplace(r.categories);
    }
    const std::uint8_t* cat = cat_table.empty() ? nullptr : cat_table.data();

    std::uint8_t box[kRatingCount * kPotentialCount] = {};
    std::uint8_t perf_of[kPredikatCount] = {};
    double cut[4] = {kOpenEnd, kOpenEnd, kOpenEnd, kOpenEnd};  // potential cut-offs, unused ones never reached
    std::uint8_t label[5] = {};
    bool few_cuts = false;
    double pmin = 0, pmax = 0;
    std::optional<Bands> potential_bands;
    if constexpr (kTalent) {
        const auto& t = rules.talent();
        for (std::size_t a = 0; a < kRatingCount; ++a)
            for (std::size_t b = 0; b < kPotentialCount; ++b) box[a * kPotentialCount + b] = t.box[a][b];
        for (std::size_t p = 0; p < kPredikatCount; ++p) perf_of[p] = static_cast<std::uint8_t>(t.performance_from_predikat[p]);
        if constexpr (!kLevel) {
            pmin = t.potential.min;
            pmax = t.potential.max;
            const auto& bands = t.potential.bands;
            few_cuts = bands.size() <= 5;
            if (few_cuts) {
                for (std::size_t i = 0; i + 1 < bands.size(); ++i) cut[i] = bands[i].to;
                for (std::size_t i = 0; i < bands.size(); ++i) label[i] = bands[i].label;
            } else {
                potential_bands.emplace(t.potential);
            }
        }
    }

    // Angka kredit by (predikat, level, months 0..12), computed as angka_kredit() does.
    constexpr std::size_t kMonths = 13;
    std::array<double, kPredikatCount * kPositionLevelCount * kMonths> ak{};
    const bool do_ak = kPred != 0 && f.ak;
    if (do_ak) {
        const auto& r = rules.angka_kredit();
        for (std::size_t p = 0; p < kPredikatCount; ++p)
            for (std::size_t l = 0; l < kPositionLevelCount; ++l)
                for (std::size_t m = 0; m < kMonths; ++m)
                    ak[(p * kPositionLevelCount + l) * kMonths + m] =
                        l == 0 ? kNaN : r.percent[p] * r.koefisien[l] * static_cast<double>(m) / 1200.0;
    }

    const std::uint32_t* sel = rows.empty() ? nullptr : rows.data;
    BlockColumn<std::uint8_t> c_hasil(kPred == 1 ? f.hasil : nullptr, sel), c_perilaku(kPred == 1 ? f.perilaku : nullptr, sel),
        c_pred(kPred == 2 ? f.pred : nullptr, sel), c_edu(f.edu, sel), c_pc(f.pc, sel), c_lead(f.lead, sel),
        c_func(f.func, sel), c_sem(f.sem, sel), c_disc(f.disc, sel), c_perf(f.perf, sel),
        c_level(kLevel ? f.level : nullptr, sel), c_plevel(do_ak ? f.plevel : nullptr, sel),
        c_months(do_ak ? f.months : nullptr, sel);
    BlockColumn<double> c_hours(f.hours, sel), c_pot(kTalent && !kLevel ? f.potential : nullptr, sel);

    // Each output goes to the caller's buffer, or (not stored) to a block-sized sink of its own.
    struct Out {
        std::vector<double> sink_d;
        std::vector<std::uint8_t> sink_8;
        double* at(double* p, std::size_t base) {
            if (p) return p + base;
            if (sink_d.empty()) sink_d.resize(kBlock);
            return sink_d.data();
        }
        std::uint8_t* at(std::uint8_t* p, std::size_t base) {
            if (p) return p + base;
            if (sink_8.empty()) sink_8.resize(kBlock);
            return sink_8.data();
        }
    } s_pred, s_ip, s_1, s_2, s_3, s_4, s_cat, s_box, s_ak;
    std::vector<std::uint8_t> key_buf(kIp ? kBlock : 0);  // kompetensi index (class x items met) per row
    std::uint8_t* const key = key_buf.data();
#if defined(__SSE2__)
    const ByteTable<kRatingCount * kRatingCount> v_mat(mat);
    const ByteTable<kPredikatCount> v_perf_of(perf_of);
    const ByteTable<kRatingCount * kPotentialCount> v_box(box);
    const ByteTable<5> v_label(label);
    std::size_t n_cuts = 0;
    __m128d v_cut[4];
    for (std::size_t k = 0; k < 4; ++k) {
        v_cut[k] = _mm_set1_pd(cut[k]);
        if (cut[k] != kOpenEnd) n_cuts = k + 1;
    }
    alignas(16) std::uint16_t combo_buf[16];
#endif

    for (std::size_t base = lo; base < hi; base += kBlock) {
        const std::size_t m = std::min(kBlock, hi - base);
        const std::uint8_t *h = c_hasil.at(base, m), *p = c_perilaku.at(base, m), *pr = c_pred.at(base, m),
                           *edu = c_edu.at(base, m), *pc = c_pc.at(base, m), *lead = c_lead.at(base, m),
                           *func = c_func.at(base, m), *sem = c_sem.at(base, m), *disc = c_disc.at(base, m),
                           *perf = c_perf.at(base, m), *level = c_level.at(base, m), *plevel = c_plevel.at(base, m),
                           *months = c_months.at(base, m);
        const double *hours = c_hours.at(base, m), *pot = c_pot.at(base, m);

        // Validation of the block: exactly the checks of the staged path.
        unsigned bad = 0;
        if constexpr (kPred == 1) bad |= (max_of(h, m) >= kRatingCount) || (max_of(p, m) >= kRatingCount);
        if constexpr (kPred == 2) bad |= max_of(pr, m) >= kPredikatCount;
        if constexpr (kIp) {
            bad |= (max_of(edu, m) >= kEducationCount) || (max_of(pc, m) >= kPositionClassCount) ||
                   (max_of(disc, m) >= kDisciplineCount) || ((max_of(lead, m) | max_of(func, m) | max_of(sem, m)) > 1);
            bad |= !all_within(hours, m, 0, kOpenEnd);
        }
        if constexpr (kTalent) {
            if (perf) bad |= max_of(perf, m) >= kRatingCount;
            if constexpr (kLevel) bad |= max_of(level, m) >= kPotentialCount;
            else bad |= !all_within(pot, m, pmin, pmax);
        }
        if (do_ak) {
            bad |= max_of(plevel, m) >= kPositionLevelCount;
            if (months) bad |= (min_of(months, m) < 1) || (max_of(months, m) > 12);
        }
        if (bad) return false;

        // The block's rows in a few short loops over data now in cache, each with few live
        // pointers: predikat and talent box; IP ASN items and category; the four dimensions.
        std::uint8_t* const b_pred = s_pred.at(out.predikat, base);
        if constexpr (kPred != 0 || kTalent) {
            std::uint8_t* const b_box = s_box.at(out.talent_box, base);
            std::size_t j = 0;
#if defined(__SSE2__)
            if (!kTalent || kLevel || few_cuts)  // 16 rows at a time
                for (; j + 16 <= m; j += 16) {
                    __m128i pk = _mm_setzero_si128();
                    if constexpr (kPred == 1) {
                        const __m128i hv = load16(h + j);
                        pk = v_mat(_mm_add_epi8(_mm_add_epi8(hv, _mm_add_epi8(hv, hv)), load16(p + j)));
                    }
                    if constexpr (kPred == 2) pk = load16(pr + j);
                    if constexpr (kPred != 0) store16(b_pred + j, pk);
                    if constexpr (kTalent) {
                        const __m128i perf_code = perf ? load16(perf + j) : v_perf_of(pk);
                        __m128i lv;
                        if constexpr (kLevel) {
                            lv = load16(level + j);
                        } else {
                            __m128i count = _mm_setzero_si128();  // cut-offs reached: subtract the 0xFF (-1) masks
                            for (std::size_t k = 0; k < n_cuts; ++k) count = _mm_sub_epi8(count, ge16(pot + j, v_cut[k]));
                            lv = v_label(count);
                        }
                        store16(b_box + j, v_box(_mm_add_epi8(_mm_add_epi8(perf_code, _mm_add_epi8(perf_code, perf_code)), lv)));
                    }
                }
#endif
            for (; j < m; ++j) {
                std::uint8_t pk = 0;
                if constexpr (kPred == 1) pk = mat[h[j] * kRatingCount + p[j]];
                if constexpr (kPred == 2) pk = pr[j];
                if constexpr (kPred != 0) b_pred[j] = pk;
                if constexpr (kTalent) {
                    const std::uint8_t perf_code = perf ? perf[j] : perf_of[pk];
                    std::uint8_t lv;
                    if constexpr (kLevel) {
                        lv = level[j];
                    } else {
                        const double x = pot[j];
                        lv = few_cuts ? label[(x >= cut[0]) + (x >= cut[1]) + (x >= cut[2]) + (x >= cut[3])]
                                      : (*potential_bands)(x);
                    }
                    b_box[j] = box[perf_code * kPotentialCount + lv];
                }
            }
        }
        if constexpr (kIp) {
            std::uint8_t* const b_cat = s_cat.at(out.ip_asn.category, base);
            // Flags are 0/1 (checked above), so they combine into a table index without branches.
            unsigned outside = 0;
            std::size_t j0 = 0;
            static_assert(IpTables::combo(0, 0, 0, 1, 0) == 4 && IpTables::combo(0, 0, 0, 0, 1) == 1, "combo layout");
#if defined(__SSE2__)
            {
                const __m128d v_min_hours = _mm_set1_pd(min_hours);
                const __m128i four = _mm_set1_epi8(4), zero = _mm_setzero_si128();
                const __m128i m_edu = _mm_set1_epi16(static_cast<short>(IpTables::combo(1, 0, 0, 0, 0))),
                              m_key = _mm_set1_epi16(static_cast<short>(IpTables::combo(0, 0, 1, 0, 0)));
                for (; j0 + 16 <= m; j0 += 16) {
                    const std::size_t j = j0;
                    // met = leadership | functional << 1 | technical << 2 | seminar << 3 (bytes 0/1: 16-bit
                    // shifts cannot carry into the next byte), key = class << 4 | met.
                    const __m128i met = _mm_or_si128(
                        _mm_or_si128(load16(lead + j), _mm_add_epi8(load16(func + j), load16(func + j))),
                        _mm_or_si128(_mm_and_si128(ge16(hours + j, v_min_hours), four), _mm_slli_epi16(load16(sem + j), 3)));
                    const __m128i k = _mm_or_si128(_mm_slli_epi16(load16(pc + j), 4), met);
                    store16(key + j, k);
                    if (cat) {  // combo = education x 2240 + key x 20 + predikat x 4 + discipline (< 2^15)
                        const __m128i e = load16(edu + j), pk = load16(b_pred + j), d = load16(disc + j);
                        for (int half = 0; half < 2; ++half) {
                            auto widen = [&](__m128i v) { return half ? _mm_unpackhi_epi8(v, zero) : _mm_unpacklo_epi8(v, zero); };
                            const __m128i c = _mm_add_epi16(
                                _mm_add_epi16(_mm_mullo_epi16(widen(e), m_edu), _mm_mullo_epi16(widen(k), m_key)),
                                _mm_add_epi16(_mm_slli_epi16(widen(pk), 2), widen(d)));
                            _mm_storeu_si128(reinterpret_cast<__m128i*>(combo_buf + half * 8), c);
                        }
                        for (int t = 0; t < 16; ++t) b_cat[j + t] = cat[combo_buf[t]];
                    }
                }
                if (cat && j0) outside |= max_of(b_cat, j0) == kOutside;
            }
#endif
            if (cat) {
                for (std::size_t j = j0; j < m; ++j) {
                    const unsigned met = lead[j] | (func[j] << 1) | (static_cast<unsigned>(hours[j] >= min_hours) << 2) | (sem[j] << 3);
                    key[j] = static_cast<std::uint8_t>(pc[j] * 16u + met);
                    const std::uint8_t k = cat[IpTables::combo(edu[j], pc[j], met, b_pred[j], disc[j])];
                    outside |= k == kOutside;
                    b_cat[j] = k;
                }
            } else {
                for (std::size_t j = j0; j < m; ++j) {
                    const unsigned met = lead[j] | (func[j] << 1) | (static_cast<unsigned>(hours[j] >= min_hours) << 2) | (sem[j] << 3);
                    key[j] = static_cast<std::uint8_t>(pc[j] * 16u + met);
                }
            }
            double *const b_ip = s_ip.at(out.ip_asn.ip_asn, base), *const b_1 = s_1.at(out.ip_asn.kualifikasi, base),
                         *const b_2 = s_2.at(out.ip_asn.kompetensi, base), *const b_3 = s_3.at(out.ip_asn.kinerja, base),
                         *const b_4 = s_4.at(out.ip_asn.disiplin, base);
            for (std::size_t j = 0; j < m; ++j) {
                const double d1 = kual[edu[j]], d2 = komp[key[j]], d3 = kin[b_pred[j]], d4 = dis[disc[j]];
                b_ip[j] = d1 + d2 + d3 + d4;  // the same sum (and order) as ip_asn() and its table
                b_1[j] = d1;
                b_2[j] = d2;
                b_3[j] = d3;
                b_4[j] = d4;
            }
            if (!cat)
                for (std::size_t j = 0; j < m; ++j) {
                    const std::uint8_t k = (*categories)(b_ip[j]);
                    outside |= k == kOutside;
                    b_cat[j] = k;
                }
            if (outside) return false;
        }
        if (do_ak) {
            double* const b_ak = s_ak.at(out.angka_kredit, base);
            for (std::size_t j = 0; j < m; ++j)
                b_ak[j] = ak[(b_pred[j] * kPositionLevelCount + plevel[j]) * kMonths + (months ? months[j] : 12u)];
        }
    }
    return true;
}

template <int kPred, bool kIp>
bool fused_talent(const RuleSet& r, const FusedPlan& f, Span<std::uint32_t> rows, std::size_t lo, std::size_t hi,
                  const AppraisalBuffers& out) {
    if (!f.talent) return fused_pass<kPred, kIp, false, false>(r, f, rows, lo, hi, out);
    return f.level_given ? fused_pass<kPred, kIp, true, true>(r, f, rows, lo, hi, out)
                         : fused_pass<kPred, kIp, true, false>(r, f, rows, lo, hi, out);
}
template <int kPred>
bool fused_ip(const RuleSet& r, const FusedPlan& f, Span<std::uint32_t> rows, std::size_t lo, std::size_t hi,
              const AppraisalBuffers& out) {
    return f.ip ? fused_talent<kPred, true>(r, f, rows, lo, hi, out) : fused_talent<kPred, false>(r, f, rows, lo, hi, out);
}
bool fused_range(const RuleSet& r, const FusedPlan& f, Span<std::uint32_t> rows, std::size_t lo, std::size_t hi,
                 const AppraisalBuffers& out) {
    switch (f.pred_src) {
        case 1: return fused_ip<1>(r, f, rows, lo, hi, out);
        case 2: return fused_ip<2>(r, f, rows, lo, hi, out);
        default: return fused_ip<0>(r, f, rows, lo, hi, out);
    }
}

/// Below this many rows a second thread costs more than it saves.
constexpr std::size_t kParallelMin = std::size_t{1} << 18;

/// The fused pass when the inputs allow it; false (outputs unspecified) when the staged path must
/// run. With threads != 1, more than one core and enough rows, a second thread takes the second
/// half of the rows (each row is computed alike on either thread, so the result is the same).
bool appraise_fused(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in, Span<std::uint32_t> rows,
                    const AppraisalBuffers& out, unsigned threads) {
    FusedPlan f;
    if (!plan_fused(wf, rules, in, rows, f)) return false;
    const std::size_t n = rows.empty() ? wf.size() : rows.size;
    if (threads == 1 || n < kParallelMin || std::thread::hardware_concurrency() < 2)
        return fused_range(rules, f, rows, 0, n, out);
    const std::size_t mid = (n / 2 + kBlock - 1) / kBlock * kBlock;
    bool second = false;
    std::exception_ptr error;
    std::thread helper;
    try {
        helper = std::thread([&] {
            try {
                second = fused_range(rules, f, rows, mid, n, out);
            } catch (...) {
                error = std::current_exception();
            }
        });
    } catch (const std::system_error&) {  // no thread to be had: all on this one
        return fused_range(rules, f, rows, 0, n, out);
    }
    bool first = false;
    try {
        first = fused_range(rules, f, rows, 0, mid, out);
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (error) std::rethrow_exception(error);
    return first && second;
}

}  // namespace

void appraise(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in, Span<std::uint32_t> rows,
              const AppraisalBuffers& out, unsigned threads) {
    const AppraisalOutputs o = appraisal_outputs(rules, in);
    const std::size_t n = rows.empty() ? wf.size() : rows.size;
    AppraisalBuffers b = out;
    std::vector<std::uint8_t> own_pred, own_box;  // the policy lists need both columns
    if (out.policy && o.policy) {
        if (o.predikat && !b.predikat) { own_pred.resize(n); b.predikat = own_pred.data(); }
        if (o.talent_box && !b.talent_box) { own_box.resize(n); b.talent_box = own_box.data(); }
    }
    if (!appraise_fused(wf, rules, in, rows, b, threads)) appraise_staged(wf, rules, in, rows, b);
    if (!out.policy) return;
    *out.policy = PolicyLists{};
    if (!o.policy) return;
    *out.policy = policy_lists(rules, o.predikat ? Span<std::uint8_t>(b.predikat, n) : Span<std::uint8_t>{},
                               o.talent_box ? Span<std::uint8_t>(b.talent_box, n) : Span<std::uint8_t>{});
    for (auto* list : {&out.policy->reward, &out.policy->coaching})
        for (auto& e : *list) {
            if (!rows.empty()) e.index = rows[e.index];
            e.nip = wf.nip()[e.index];
        }
}

Appraisal appraise(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in, Span<std::uint32_t> rows) {
    const AppraisalOutputs o = appraisal_outputs(rules, in);
    const std::size_t n = rows.empty() ? wf.size() : rows.size;
    Appraisal a;
    AppraisalBuffers b;
    if (o.predikat) { a.predikat.resize(n); b.predikat = a.predikat.data(); }
    if (o.ip_asn) {
        auto& s = a.ip_asn;
        s.ip_asn.resize(n); s.ip_kualifikasi.resize(n); s.ip_kompetensi.resize(n); s.ip_kinerja.resize(n);
        s.ip_disiplin.resize(n); s.ip_asn_category.resize(n);
        b.ip_asn = IpAsnBuffers{s.ip_asn.data(), s.ip_kualifikasi.data(), s.ip_kompetensi.data(), s.ip_kinerja.data(),
                                s.ip_disiplin.data(), s.ip_asn_category.data()};
    }
    if (o.talent_box) { a.talent_box.resize(n); b.talent_box = a.talent_box.data(); }
    if (o.angka_kredit) { a.angka_kredit.resize(n); b.angka_kredit = a.angka_kredit.data(); }
    b.policy = &a.policy;
    appraise(wf, rules, in, rows, b);
    if (rows.empty()) {
        a.rows.resize(n);
        for (std::size_t i = 0; i < n; ++i) a.rows[i] = static_cast<std::uint32_t>(i);
    } else {
        a.rows.assign(rows.data, rows.data + rows.size);
    }
    return a;
}

double UnitAppraisal::predikat_share(Predikat p) const noexcept {
    std::size_t total = 0;
    for (auto c : predikat_counts) total += c;
    const auto i = static_cast<std::size_t>(p);
    return total == 0 || i >= kPredikatCount ? 0.0 : static_cast<double>(predikat_counts[i]) / static_cast<double>(total);
}

std::vector<UnitAppraisal> summarise_units(const Workforce& wf, const Appraisal& a, bool include_subunits) {
    const std::size_t n = a.rows.size();
    if (!a.predikat.empty()) need_size("predikat", a.predikat.size(), n);
    if (!a.talent_box.empty()) need_size("talent_box", a.talent_box.size(), n);
    const bool ip = !a.ip_asn.ip_asn.empty();
    if (ip) need_size("ip_asn", a.ip_asn.ip_asn.size(), n);
    const auto& units = wf.units();
    std::vector<UnitAppraisal> out(units.size());
    std::vector<std::array<double, 5>> sums(units.size(), std::array<double, 5>{});
    for (std::size_t u = 0; u < units.size(); ++u) out[u].unit = static_cast<std::uint32_t>(u);
    for (std::size_t i = 0; i < n; ++i) {
        if (a.rows[i] >= wf.size()) fail("rows", std::to_string(a.rows[i]), "input.row_range", "the appraisal is of another workforce");
        const std::uint32_t u = wf.unit_index()[a.rows[i]];
        UnitAppraisal& s = out[u];
        ++s.employees;
        if (!a.predikat.empty()) ++s.predikat_counts[a.predikat[i]];
        if (!a.talent_box.empty()) ++s.box_counts[a.talent_box[i] - 1];
        if (ip) {
            auto& x = sums[u];
            x[0] += a.ip_asn.ip_asn[i]; x[1] += a.ip_asn.ip_kualifikasi[i]; x[2] += a.ip_asn.ip_kompetensi[i];
            x[3] += a.ip_asn.ip_kinerja[i]; x[4] += a.ip_asn.ip_disiplin[i];
        }
    }
    if (include_subunits)  // parents come before children, so a reverse pass adds whole subtrees
        for (std::size_t u = units.size(); u-- > 0;) {
            const std::uint32_t p = units[static_cast<std::uint32_t>(u)].parent;
            if (p == Units::kNoParent) continue;
            out[p].employees += out[u].employees;
            for (std::size_t k = 0; k < kPredikatCount; ++k) out[p].predikat_counts[k] += out[u].predikat_counts[k];
            for (std::size_t k = 0; k < 9; ++k) out[p].box_counts[k] += out[u].box_counts[k];
            for (std::size_t k = 0; k < 5; ++k) sums[p][k] += sums[u][k];
        }
    if (ip)
        for (std::size_t u = 0; u < units.size(); ++u) {
            if (out[u].employees == 0) continue;
            const double d = static_cast<double>(out[u].employees);
            out[u].mean_ip_asn = sums[u][0] / d;
            out[u].mean_kualifikasi = sums[u][1] / d;
            out[u].mean_kompetensi = sums[u][2] / d;
            out[u].mean_kinerja = sums[u][3] / d;
            out[u].mean_disiplin = sums[u][4] / d;
        }
    return out;
}

}  // namespace penata
