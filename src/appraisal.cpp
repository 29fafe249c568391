#include "penata/appraisal.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <string>
#include <unordered_map>

#include "penata/error.hpp"

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

PrestasiScores prestasi(const RuleSet& rules, Span<double> skp, Span<double> perilaku) {
    const auto& r = rules.pp46();
    const std::size_t n = skp.size;
    need_size("perilaku_score", perilaku.size, n);
    Issues is;
    check_range(skp, "skp_score", 0, kOpenEnd, is, ".non_negative");
    check_range(perilaku, "perilaku_score", 0, kOpenEnd, is, ".non_negative");
    is.raise();
    PrestasiScores s{std::vector<double>(n), std::vector<std::uint8_t>(n)};
    const Bands bands(r.prestasi);
    for (std::size_t i = 0; i < n; ++i) {
        s.prestasi_score[i] = r.weights.skp * skp[i] + r.weights.perilaku * perilaku[i];
        s.prestasi_band[i] = bands(s.prestasi_score[i]);
        if (s.prestasi_band[i] == kOutside) bands.outside(i, "prestasi_score", s.prestasi_score[i]);
    }
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

    // Dimension score = 100 x weight x points / maximum points, precomputed per code.
    const auto kual = scaled(r.kualifikasi, r.weights.kualifikasi);
    const auto kin = scaled(r.kinerja, r.weights.kinerja);
    const auto dis = scaled(r.disiplin, r.weights.disiplin);
    // Kompetensi by position class and the four items met (bits: leadership, functional,
    // technical, seminar), so that the loop does one lookup.
    std::array<double, kPositionClassCount * 16> komp{};
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
    const double min_hours = r.technical_training_min_hours;
    const Bands categories(r.categories);
    // Locals only in the loop: a byte store through out.category may alias anything reachable.
    const std::uint8_t *edu = in.education.data, *pc = in.position_class.data, *lead = in.has_leadership_training.data,
                       *func = in.has_functional_training.data, *sem = in.has_seminar.data, *pred = in.predikat.data,
                       *disc = in.discipline.data;
    const double* hours = in.training_hours.data;
    double *o_ip = out.ip_asn, *o1 = out.kualifikasi, *o2 = out.kompetensi, *o3 = out.kinerja, *o4 = out.disiplin;
    std::uint8_t* o_cat = out.category;
    // A score depends only on (education, position class, items met, predikat, discipline): for
    // large inputs the category of every combination is tabulated once (kOutside where the score
    // falls outside the category table, so that the loop reports it only when a row has it).
    constexpr std::size_t kCombos = kEducationCount * kPositionClassCount * 16 * kPredikatCount * kDisciplineCount;
    auto combo = [](unsigned e, unsigned c, unsigned met, unsigned p, unsigned d) {
        return (((e * kPositionClassCount + c) * 16 + met) * kPredikatCount + p) * kDisciplineCount + d;
    };
    std::vector<std::uint8_t> cat_of;
    if (o_cat && n >= 4096) {
        cat_of.resize(kCombos);
        for (unsigned e = 0; e < kEducationCount; ++e)
            for (unsigned c = 0; c < kPositionClassCount; ++c)
                for (unsigned met = 0; met < 16; ++met)
                    for (unsigned p = 0; p < kPredikatCount; ++p)
                        for (unsigned d = 0; d < kDisciplineCount; ++d) {
                            cat_of[combo(e, c, met, p, d)] = categories(kual[e] + komp[c * 16 + met] + kin[p] + dis[d]);
                        }
    }
    const std::uint8_t* cat = cat_of.empty() ? nullptr : cat_of.data();
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
            const std::uint8_t k = cat ? cat[combo(edu[i], pc[i], met, pred[i], disc[i])] : categories(total);
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

Appraisal appraise(const Workforce& wf, const RuleSet& rules, const AppraisalInputs& in, Span<std::uint32_t> rows) {
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
    Appraisal a;
    if (rows.empty()) {
        a.rows.resize(N);
        for (std::size_t i = 0; i < N; ++i) a.rows[i] = static_cast<std::uint32_t>(i);
    } else {
        a.rows.assign(rows.data, rows.data + rows.size);
        for (std::size_t i = 0; i < rows.size; ++i)
            if (rows[i] >= N) fail("rows", std::to_string(rows[i]), "input.row_range", "row beyond the workforce size " + std::to_string(N));
    }
    const std::size_t n = a.rows.size();
    const bool all = rows.empty();
    // Views over the appraised rows (the columns themselves when all rows are appraised).
    std::vector<std::vector<std::uint8_t>> keep8;
    std::vector<std::vector<double>> keepd;
    auto pick8 = [&](Span<std::uint8_t> col) -> Span<std::uint8_t> {
        if (all || col.empty()) return col;
        keep8.emplace_back(n);
        for (std::size_t i = 0; i < n; ++i) keep8.back()[i] = col[a.rows[i]];
        return keep8.back();
    };
    auto pickd = [&](Span<double> col) -> Span<double> {
        if (all || col.empty()) return col;
        keepd.emplace_back(n);
        for (std::size_t i = 0; i < n; ++i) keepd.back()[i] = col[a.rows[i]];
        return keepd.back();
    };
    keep8.reserve(16);
    keepd.reserve(4);

    Span<std::uint8_t> pred = pick8(in.predikat);
    if (!pred.empty()) {
        Issues is;
        check_codes<Predikat>(pred, "predikat", is);
        is.raise();
        a.predikat.assign(pred.data, pred.data + pred.size);
    } else if (!in.rating_hasil_kerja.empty()) {
        a.predikat = predikat(rules, pick8(in.rating_hasil_kerja), pick8(in.rating_perilaku));
    }
    pred = a.predikat;

    const bool flags = !in.has_leadership_training.empty() || !in.has_functional_training.empty() || !in.has_seminar.empty();
    if (flags) {
        for (auto [f, s] : {std::pair<const char*, std::size_t>{"has_leadership_training", in.has_leadership_training.size},
                            {"has_functional_training", in.has_functional_training.size}, {"has_seminar", in.has_seminar.size}})
            if (s == 0) fail(f, "", "input.required", "IP ASN needs all three training flags");
        if (pred.empty()) fail("predikat", "", "input.required", "IP ASN needs predikat (or the two ratings)");
        IpAsnInputs ii{pick8(wf.education()), pick8(wf.position_class()), pickd(wf.training_hours()),
                       pick8(in.has_leadership_training), pick8(in.has_functional_training), pick8(in.has_seminar),
                       pred, pick8(wf.discipline())};
        a.ip_asn = ip_asn(rules, ii);
    }

    if (!in.potential.empty() || !in.potential_level.empty()) {
        TalentInputs ti;
        ti.potential = pickd(in.potential);
        ti.potential_level = pick8(in.potential_level);
        if (!in.performance.empty()) ti.performance = pick8(in.performance);
        else if (!pred.empty()) ti.predikat = pred;
        else fail("performance", "", "input.required", "talent boxes need performance or predikat (or the two ratings)");
        a.talent_box = talent_box(rules, ti);
    }

    if (!pred.empty() && rules.has(RuleSection::angka_kredit))
        a.angka_kredit = angka_kredit(rules, pred, pick8(wf.position_level()), pick8(in.months));

    if (rules.has(RuleSection::policy) && (!pred.empty() || !a.talent_box.empty())) {
        a.policy = policy_lists(rules, pred, a.talent_box);
        for (auto* list : {&a.policy.reward, &a.policy.coaching})
            for (auto& e : *list) {
                e.index = a.rows[e.index];
                e.nip = wf.nip()[e.index];
            }
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
