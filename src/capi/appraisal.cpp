// penata C API — bulk appraisal scoring over caller arrays and the distribution check. Each entry
// point checks its pointers, wraps the arrays in Spans without copying (copies only where the core
// takes vectors) and lets the core validate the values.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "handles.hpp"

using namespace penata::capi;

namespace {

using penata::Span;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A required input array: NULL is allowed only when n is 0.
template <class T> Span<T> in(const T* p, size_t n, const char* name) {
    if (n > 0) need(p, name);
    return {p, n};
}
/// An optional input array: NULL means "not given".
template <class T> Span<T> opt(const T* p, size_t n) { return p ? Span<T>{p, n} : Span<T>{}; }
/// A required output array: NULL is allowed only when n is 0.
template <class T> T* out_arg(T* p, size_t n, const char* name) {
    if (n > 0) need(p, name);
    return p;
}
template <class T> std::vector<T> copy(const T* p, size_t n) { return p ? std::vector<T>(p, p + n) : std::vector<T>{}; }

const penata::RuleSet& rules_of(const penata_ruleset* rs) { return need(rs, "rs")->rules; }

penata::OrgPredikat org_arg(int org) {
    if (org < 0 || org >= static_cast<int>(penata::kPredikatCount))
        throw penata::ValidationError(penata::Issue{-1, "org_predikat", std::to_string(org), "org_predikat.known",
                                                    "must be a code 0..4 (istimewa .. sangat_kurang)"});
    return static_cast<penata::OrgPredikat>(org);
}

penata::SkpTasks tasks_of(size_t n, const double* to, const double* ro, const double* tq, const double* rq,
                          const double* tt, const double* rt, const double* tc, const double* rc) {
    if ((tc == nullptr) != (rc == nullptr))
        fail(PENATA_ERR_INVALID_ARGUMENT, std::string("argument '") + (tc ? "real_cost" : "target_cost") +
                                              "' is NULL: give both cost arrays or neither");
    penata::SkpTasks t;
    t.nip.assign(n, 0);
    t.target_output = copy(in(to, n, "target_output").data, n);
    t.real_output = copy(in(ro, n, "real_output").data, n);
    t.target_quality = copy(in(tq, n, "target_quality").data, n);
    t.real_quality = copy(in(rq, n, "real_quality").data, n);
    t.target_time = copy(in(tt, n, "target_time").data, n);
    t.real_time = copy(in(rt, n, "real_time").data, n);
    if (tc && n > 0) {
        t.target_cost.assign(tc, tc + n);
        t.real_cost.assign(rc, rc + n);
    }
    return t;
}

const penata_distribution_result* result_arg(const penata_distribution_result* r) { return need(r, "result"); }

}  // namespace

extern "C" {

int penata_predikat(penata_context* ctx, const penata_ruleset* rs, size_t n, const uint8_t* hasil_kerja,
                    const uint8_t* perilaku, uint8_t* out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        penata::predikat(rules, in(hasil_kerja, n, "hasil_kerja"), in(perilaku, n, "perilaku"), out_arg(out, n, "out"));
    });
}

int penata_pp30_scores(penata_context* ctx, const penata_ruleset* rs, const penata_appraisal_options* opts, size_t n,
                       const double* skp, const double* perilaku, const uint8_t* innovation, double* nilai_out,
                       uint8_t* predikat_out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        const auto rater = opts ? opts->rater : penata::PerilakuRater::superior_only;
        penata::pp30_scores(rules, in(skp, n, "skp"), in(perilaku, n, "perilaku"), opt(innovation, n), rater,
                            nilai_out, predikat_out);
    });
}

int penata_skp_time_aspect(penata_context* ctx, const penata_ruleset* rs, double target, double real, double* out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        *need(out, "out") = penata::skp_time_aspect(rules, target, real);
    });
}

int penata_skp_task_scores(penata_context* ctx, const penata_ruleset* rs, size_t n, const double* target_output,
                           const double* real_output, const double* target_quality, const double* real_quality,
                           const double* target_time, const double* real_time, const double* target_cost,
                           const double* real_cost, double* score_out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        out_arg(score_out, n, "score_out");
        const auto tasks = tasks_of(n, target_output, real_output, target_quality, real_quality, target_time,
                                    real_time, target_cost, real_cost);
        const auto s = penata::skp_task_scores(rules, tasks);
        for (size_t i = 0; i < n; ++i) score_out[i] = s.score[i];
    });
}

int penata_skp_scores(penata_context* ctx, const penata_ruleset* rs, size_t n, const uint32_t* employee,
                      const double* target_output, const double* real_output, const double* target_quality,
                      const double* real_quality, const double* target_time, const double* real_time,
                      const double* target_cost, const double* real_cost, size_t m, const uint32_t* tugas_tambahan,
                      const uint8_t* kreativitas, double* skp_out, uint8_t* band_out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        in(employee, n, "employee");
        auto tasks = tasks_of(n, target_output, real_output, target_quality, real_quality, target_time, real_time,
                              target_cost, real_cost);
        // Index checks here, so that issue rows count tasks and employees as the caller does.
        std::vector<penata::Issue> issues;
        std::vector<std::uint8_t> has_task(m, 0);
        for (size_t i = 0; i < n; ++i) {
            if (employee[i] >= m)
                issues.push_back({static_cast<std::int64_t>(i) + 1, "employee", std::to_string(employee[i]),
                                  "employee.range", "employee index must be below m = " + std::to_string(m)});
            else
                has_task[employee[i]] = 1;
            tasks.nip[i] = employee[i];
        }
        for (size_t k = 0; k < m; ++k) {
            const auto row = static_cast<std::int64_t>(k) + 1;
            if (kreativitas && kreativitas[k] > PENATA_KREATIVITAS_NASIONAL)
                issues.push_back({row, "kreativitas", std::to_string(kreativitas[k]), "kreativitas.known",
                                  "must be a code 0..3 (none, unit, organisasi, nasional)"});
            else if (!has_task[k] && ((tugas_tambahan && tugas_tambahan[k]) || (kreativitas && kreativitas[k])))
                issues.push_back({row, tugas_tambahan && tugas_tambahan[k] ? "tugas_tambahan" : "kreativitas", "",
                                  "nip.known", "this employee has no SKP task"});
        }
        if (!issues.empty()) throw penata::ValidationError(std::move(issues));
        penata::SkpExtras extras;
        if (tugas_tambahan || kreativitas)
            for (size_t k = 0; k < m; ++k)
                if (has_task[k]) {
                    extras.nip.push_back(k);
                    extras.tugas_tambahan.push_back(tugas_tambahan ? tugas_tambahan[k] : 0);
                    extras.kreativitas.push_back(kreativitas ? kreativitas[k] : 0);
                }
        const auto s = penata::skp_scores(rules, tasks, extras);
        for (size_t k = 0; k < m; ++k) {
            if (skp_out) skp_out[k] = kNaN;
            if (band_out) band_out[k] = PENATA_NO_CODE;
        }
        for (size_t j = 0; j < s.nip.size(); ++j) {
            if (skp_out) skp_out[s.nip[j]] = s.skp_score[j];
            if (band_out) band_out[s.nip[j]] = s.band[j];
        }
    });
}

int penata_prestasi(penata_context* ctx, const penata_ruleset* rs, size_t n, const double* skp, const double* perilaku,
                    double* score_out, uint8_t* band_out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        penata::prestasi(rules, in(skp, n, "skp"), in(perilaku, n, "perilaku"), score_out, band_out);
    });
}

int penata_ip_asn(penata_context* ctx, const penata_ruleset* rs, size_t n, const uint8_t* education,
                  const uint8_t* position_class, const double* training_hours, const uint8_t* discipline,
                  const uint8_t* has_leadership_training, const uint8_t* has_functional_training,
                  const uint8_t* has_seminar, const uint8_t* predikat, double* ip_asn_out, double* kualifikasi_out,
                  double* kompetensi_out, double* kinerja_out, double* disiplin_out, uint8_t* category_out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        penata::IpAsnInputs ii{in(education, n, "education"),
                               in(position_class, n, "position_class"),
                               in(training_hours, n, "training_hours"),
                               in(has_leadership_training, n, "has_leadership_training"),
                               in(has_functional_training, n, "has_functional_training"),
                               in(has_seminar, n, "has_seminar"),
                               in(predikat, n, "predikat"),
                               in(discipline, n, "discipline")};
        penata::ip_asn(rules, ii,
                       penata::IpAsnBuffers{ip_asn_out, kualifikasi_out, kompetensi_out, kinerja_out, disiplin_out,
                                            category_out});
    });
}

int penata_ip_asn_category(penata_context* ctx, const penata_ruleset* rs, double score, int* out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        *need(out, "out") = static_cast<int>(penata::ip_asn_category(rules, score));
    });
}

int penata_talent_box(penata_context* ctx, const penata_ruleset* rs, size_t n, const uint8_t* performance,
                      const uint8_t* predikat, const double* potential, const uint8_t* potential_level, uint8_t* out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        out_arg(out, n, "out");
        if (n == 0) return;  // nothing to choose between (the core reads "no array" as "not given")
        penata::TalentInputs ti;
        ti.performance = opt(performance, n);
        ti.predikat = opt(predikat, n);
        ti.potential = opt(potential, n);
        ti.potential_level = opt(potential_level, n);
        penata::talent_box(rules, ti, out);
    });
}

int penata_angka_kredit(penata_context* ctx, const penata_ruleset* rs, const penata_appraisal_options* opts, size_t n,
                        const uint8_t* predikat, const uint8_t* position_level, const uint8_t* months, double* out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        std::vector<std::uint8_t> fixed;
        Span<std::uint8_t> m = opt(months, n);
        if (!months && opts && opts->months != 12 && n > 0) {
            fixed.assign(n, opts->months);
            m = fixed;
        }
        penata::angka_kredit(rules, in(predikat, n, "predikat"), in(position_level, n, "position_level"), m,
                             out_arg(out, n, "out"));
    });
}

int penata_distribution_check(penata_context* ctx, const penata_ruleset* rs, int org_predikat, const size_t* counts,
                              penata_distribution_result** out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        need(counts, "counts");
        need(out, "out");
        std::array<std::size_t, penata::kPredikatCount> c{};
        for (size_t p = 0; p < c.size(); ++p) c[p] = counts[p];
        make(out, penata::check_distribution(rules, org_arg(org_predikat), c));
    });
}

int penata_distribution_check_predikat(penata_context* ctx, const penata_ruleset* rs, int org_predikat, size_t n,
                                       const uint8_t* predikat, penata_distribution_result** out) {
    return guard(ctx, [&] {
        const auto& rules = rules_of(rs);
        need(out, "out");
        make(out, penata::check_distribution(rules, org_arg(org_predikat), in(predikat, n, "predikat")));
    });
}

void penata_distribution_result_destroy(penata_distribution_result* result) { delete result; }

int penata_distribution_result_summary(penata_context* ctx, const penata_distribution_result* result, int* compliant,
                                       int* satisfiable, size_t* employees) {
    return guard(ctx, [&] {
        const auto& c = result_arg(result)->check;
        if (compliant) *compliant = c.ok() ? 1 : 0;
        if (satisfiable) *satisfiable = c.satisfiable ? 1 : 0;
        if (employees) *employees = c.employees;
    });
}

int penata_distribution_result_counts(penata_context* ctx, const penata_distribution_result* result, size_t* counts,
                                      size_t* suggested_counts) {
    return guard(ctx, [&] {
        const auto& c = result_arg(result)->check;
        for (size_t p = 0; p < penata::kPredikatCount; ++p) {
            if (counts) counts[p] = c.counts[p];
            if (suggested_counts) suggested_counts[p] = c.suggested_counts[p];
        }
    });
}

int penata_distribution_result_violation_count(penata_context* ctx, const penata_distribution_result* result,
                                               size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = result_arg(result)->check.violations.size(); });
}

int penata_distribution_result_violation(penata_context* ctx, const penata_distribution_result* result, size_t index,
                                         penata_distribution_violation* out) {
    return guard(ctx, [&] {
        const auto& list = result_arg(result)->check.violations;
        need(out, "out");
        if (index >= list.size())
            fail(PENATA_ERR_NOT_FOUND, "no violation " + std::to_string(index) + ": the result has " +
                                           std::to_string(list.size()));
        const auto& v = list[index];
        out->rule = v.rule;
        out->predikat_mask = v.predikat_mask;
        out->bound = static_cast<int>(v.bound);
        out->value = v.value;
        out->required_count = v.required_count;
        out->actual_count = v.actual_count;
        out->actual_share = v.actual_share;
        out->message = v.message.c_str();
    });
}

int penata_distribution_result_change_count(penata_context* ctx, const penata_distribution_result* result,
                                            size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = result_arg(result)->check.changes.size(); });
}

int penata_distribution_result_change(penata_context* ctx, const penata_distribution_result* result, size_t index,
                                      penata_distribution_change* out) {
    return guard(ctx, [&] {
        const auto& list = result_arg(result)->check.changes;
        need(out, "out");
        if (index >= list.size())
            fail(PENATA_ERR_NOT_FOUND, "no change " + std::to_string(index) + ": the result has " +
                                           std::to_string(list.size()));
        const auto& ch = list[index];
        out->from = static_cast<int>(ch.from);
        out->to = static_cast<int>(ch.to);
        out->count = ch.count;
        out->reason = ch.reason.c_str();
    });
}

}  // extern "C"
