// penata._core — bulk appraisal (penata/appraisal.hpp) over numpy arrays. Inputs are the one-byte
// codes of the rule-set enums (penata.APPRAISAL_ENUMS) and float64 scores; texts are turned into
// codes by the Python layer. Arrays are read in place (a copy only when the dtype differs; one-byte
// bool and int8 arrays are viewed as uint8), outputs are numpy arrays allocated uninitialised that
// the core writes straight into, and the GIL is released around every bulk call.
#include <optional>

#include "common.hpp"
#include "penata/appraisal.hpp"
#include "penata/kpi.hpp"
#include "penata/sample.hpp"

namespace penata_py {

namespace {

using penata::RuleSet;
using penata::Span;
using U8 = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>;
using F64 = py::array_t<double, py::array::c_style | py::array::forcecast>;
using U64 = py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>;
using U32 = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>;
using OptU8 = std::optional<U8>;
using OptF64 = std::optional<F64>;

template <class T, class A>
Span<T> span(const A& a) {
    if (a.ndim() != 1) throw py::value_error("expected a one-dimensional array");
    return Span<T>(a.data(), static_cast<std::size_t>(a.shape(0)));
}
template <class T, class A>
Span<T> span(const std::optional<A>& a) {
    return a ? span<T>(*a) : Span<T>{};
}
template <class T, class A>
std::vector<T> vec(const A& a) {
    auto s = span<T>(a);
    return std::vector<T>(s.data, s.data + s.size);
}

/// An uninitialised numpy array of n values (numpy's allocator: huge pages for large arrays).
template <class T>
py::array_t<T> uninit(std::size_t n) {
    return py::array_t<T>(static_cast<py::ssize_t>(n));
}

/// A one-dimensional one-byte array as uint8 without a copy: bool, int8 and uint8 arrays are
/// viewed (the same values a forced cast gives); anything else is converted.
U8 as_u8(py::handle h) {
    if (py::isinstance<py::array>(h)) {
        auto a = py::reinterpret_borrow<py::array>(h);
        const char kind = a.dtype().kind();
        if (a.ndim() == 1 && a.itemsize() == 1 && (kind == 'b' || kind == 'i' || kind == 'u') &&
            (a.flags() & py::array::c_style))
            return py::cast<U8>(a.view("uint8"));
    }
    return py::cast<U8>(h);
}

/// The six IP ASN output arrays and the buffers over them.
struct IpArrays {
    py::array_t<double> ip, kual, komp, kin, dis;
    py::array_t<std::uint8_t> cat;
    explicit IpArrays(std::size_t n)
        : ip(uninit<double>(n)), kual(uninit<double>(n)), komp(uninit<double>(n)), kin(uninit<double>(n)),
          dis(uninit<double>(n)), cat(uninit<std::uint8_t>(n)) {}
    penata::IpAsnBuffers buffers() {
        return penata::IpAsnBuffers{ip.mutable_data(), kual.mutable_data(), komp.mutable_data(), kin.mutable_data(),
                                    dis.mutable_data(), cat.mutable_data()};
    }
    py::dict dict() const {
        py::dict d;
        d["ip_asn"] = ip;
        d["ip_kualifikasi"] = kual;
        d["ip_kompetensi"] = komp;
        d["ip_kinerja"] = kin;
        d["ip_disiplin"] = dis;
        d["ip_asn_category"] = cat;
        return d;
    }
};

py::dict list_dict(const std::vector<penata::PolicyEntry>& list) {
    std::vector<std::uint32_t> index;
    std::vector<std::uint64_t> nip;
    std::vector<std::uint8_t> by_predikat, by_box;
    py::list reason;
    for (const auto& e : list) {
        index.push_back(e.index);
        nip.push_back(e.nip);
        by_predikat.push_back(e.by_predikat);
        by_box.push_back(e.by_box);
        reason.append(e.reason);
    }
    py::dict d;
    d["index"] = to_numpy(std::move(index));
    d["nip"] = to_numpy(std::move(nip));
    d["by_predikat"] = to_numpy(std::move(by_predikat));
    d["by_box"] = to_numpy(std::move(by_box));
    d["reason"] = reason;
    return d;
}

py::dict policy_dict(const penata::PolicyLists& p) {
    py::dict d;
    d["reward"] = list_dict(p.reward);
    d["coaching"] = list_dict(p.coaching);
    return d;
}

py::dict distribution_dict(const penata::DistributionCheck& c) {
    py::dict d;
    d["org"] = std::string(penata::to_text(c.org));
    d["employees"] = c.employees;
    d["counts"] = std::vector<std::size_t>(c.counts.begin(), c.counts.end());
    d["satisfiable"] = c.satisfiable;
    d["suggested_counts"] = std::vector<std::size_t>(c.suggested_counts.begin(), c.suggested_counts.end());
    py::list violations;
    for (const auto& v : c.violations) {
        py::dict x;
        x["rule"] = v.rule;
        std::vector<std::string> preds;
        for (std::size_t p = 0; p < penata::kPredikatCount; ++p)
            if (v.predikat_mask & (1u << p)) preds.emplace_back(penata::to_text(static_cast<penata::Predikat>(p)));
        x["predikat"] = preds;
        x["bound"] = std::string(penata::to_text(v.bound));
        x["value"] = v.value;
        x["required_count"] = v.required_count;
        x["actual_count"] = v.actual_count;
        x["actual_share"] = v.actual_share;
        x["message"] = v.message;
        violations.append(x);
    }
    d["violations"] = violations;
    py::list changes;
    for (const auto& ch : c.changes) {
        py::dict x;
        x["from"] = std::string(penata::to_text(ch.from));
        x["to"] = std::string(penata::to_text(ch.to));
        x["count"] = ch.count;
        x["reason"] = ch.reason;
        changes.append(x);
    }
    d["changes"] = changes;
    return d;
}

penata::OrgPredikat org_of(const std::string& text) {
    if (auto o = penata::from_text<penata::OrgPredikat>(text)) return *o;
    throw penata::ValidationError(penata::Issue{-1, "org_predikat", penata::clip_value(text), "org_predikat.known",
                                                "must be one of istimewa|baik|butuh_perbaikan|kurang|sangat_kurang"});
}

}  // namespace

void register_appraisal(py::module_& m) {
    m.def("predikat", [](const RuleSet& r, const U8& hasil, const U8& perilaku) {
              auto h = span<std::uint8_t>(hasil), p = span<std::uint8_t>(perilaku);
              auto out = uninit<std::uint8_t>(h.size);
              std::uint8_t* o = out.mutable_data();
              {
                  py::gil_scoped_release nogil;
                  penata::predikat(r, h, p, o);
              }
              return out;
          },
          py::arg("rules"), py::arg("hasil"), py::arg("perilaku"), "Predikat codes from two Rating code arrays.");

    m.def("pp30_scores", [](const RuleSet& r, const F64& skp, const F64& perilaku, const OptU8& innovation,
                            bool multi_rater) {
              auto s = span<double>(skp), p = span<double>(perilaku);
              auto in = span<std::uint8_t>(innovation);
              auto nilai = uninit<double>(s.size);
              auto pred = uninit<std::uint8_t>(s.size);
              double* on = nilai.mutable_data();
              std::uint8_t* op = pred.mutable_data();
              {
                  py::gil_scoped_release nogil;
                  penata::pp30_scores(r, s, p, in, multi_rater ? penata::PerilakuRater::multi_rater
                                                                : penata::PerilakuRater::superior_only,
                                      on, op);
              }
              return py::make_tuple(nilai, pred);
          },
          py::arg("rules"), py::arg("skp"), py::arg("perilaku"), py::arg("innovation") = py::none(),
          py::arg("multi_rater") = false);

    m.def("skp_scores", [](const RuleSet& r, const U64& nip, const F64& to, const F64& ro, const F64& tq,
                           const F64& rq, const F64& tt, const F64& rt, const OptF64& tc, const OptF64& rc) {
              penata::SkpTasks t;
              t.nip = vec<std::uint64_t>(nip);
              t.target_output = vec<double>(to);
              t.real_output = vec<double>(ro);
              t.target_quality = vec<double>(tq);
              t.real_quality = vec<double>(rq);
              t.target_time = vec<double>(tt);
              t.real_time = vec<double>(rt);
              if (tc) t.target_cost = vec<double>(*tc);
              if (rc) t.real_cost = vec<double>(*rc);
              penata::SkpTaskScores ts;
              penata::SkpScores s;
              {
                  py::gil_scoped_release nogil;
                  ts = penata::skp_task_scores(r, t);
                  s = penata::skp_scores(r, t);
              }
              py::dict tasks, per;
              tasks["kuantitas"] = to_numpy(std::move(ts.kuantitas));
              tasks["kualitas"] = to_numpy(std::move(ts.kualitas));
              tasks["waktu"] = to_numpy(std::move(ts.waktu));
              tasks["biaya"] = to_numpy(std::move(ts.biaya));
              tasks["aspects"] = to_numpy(std::move(ts.aspects));
              tasks["score"] = to_numpy(std::move(ts.score));
              per["nip"] = to_numpy(std::move(s.nip));
              per["task_count"] = to_numpy(std::move(s.task_count));
              per["mean_task_score"] = to_numpy(std::move(s.mean_task_score));
              per["additions"] = to_numpy(std::move(s.additions));
              per["skp_score"] = to_numpy(std::move(s.skp_score));
              per["band"] = to_numpy(std::move(s.band));
              return py::make_tuple(tasks, per);
          },
          py::arg("rules"), py::arg("nip"), py::arg("target_output"), py::arg("real_output"),
          py::arg("target_quality"), py::arg("real_quality"), py::arg("target_time"), py::arg("real_time"),
          py::arg("target_cost") = py::none(), py::arg("real_cost") = py::none(),
          "(per-task aspect scores, per-NIP nilai SKP) of PP 46/2011 tasks.");

    m.def("prestasi", [](const RuleSet& r, const F64& skp, const F64& perilaku) {
              auto s = span<double>(skp), p = span<double>(perilaku);
              auto score = uninit<double>(s.size);
              auto band = uninit<std::uint8_t>(s.size);
              double* os = score.mutable_data();
              std::uint8_t* ob = band.mutable_data();
              {
                  py::gil_scoped_release nogil;
                  penata::prestasi(r, s, p, os, ob);
              }
              return py::make_tuple(score, band);
          },
          py::arg("rules"), py::arg("skp"), py::arg("perilaku"));

    m.def("ip_asn", [](const RuleSet& r, const U8& education, const U8& position_class, const F64& training_hours,
                       const U8& lead, const U8& func, const U8& seminar, const U8& predikat, const U8& discipline) {
              penata::IpAsnInputs in{span<std::uint8_t>(education), span<std::uint8_t>(position_class),
                                     span<double>(training_hours), span<std::uint8_t>(lead),
                                     span<std::uint8_t>(func), span<std::uint8_t>(seminar),
                                     span<std::uint8_t>(predikat), span<std::uint8_t>(discipline)};
              IpArrays out(in.education.size);
              const auto buffers = out.buffers();
              {
                  py::gil_scoped_release nogil;
                  penata::ip_asn(r, in, buffers);
              }
              return out.dict();
          },
          py::arg("rules"), py::arg("education"), py::arg("position_class"), py::arg("training_hours"),
          py::arg("has_leadership_training"), py::arg("has_functional_training"), py::arg("has_seminar"),
          py::arg("predikat"), py::arg("discipline"));

    m.def("talent_box", [](const RuleSet& r, const OptU8& performance, const OptU8& predikat,
                           const OptU8& potential_level, const OptF64& potential) {
              penata::TalentInputs in{span<std::uint8_t>(performance), span<std::uint8_t>(predikat),
                                      span<std::uint8_t>(potential_level), span<double>(potential)};
              auto out = uninit<std::uint8_t>(in.performance.empty() ? in.predikat.size : in.performance.size);
              std::uint8_t* o = out.mutable_data();
              {
                  py::gil_scoped_release nogil;
                  penata::talent_box(r, in, o);
              }
              return out;
          },
          py::arg("rules"), py::arg("performance") = py::none(), py::arg("predikat") = py::none(),
          py::arg("potential_level") = py::none(), py::arg("potential") = py::none());

    m.def("angka_kredit", [](const RuleSet& r, const U8& predikat, const U8& position_level, const OptU8& months) {
              auto p = span<std::uint8_t>(predikat), l = span<std::uint8_t>(position_level);
              auto mo = span<std::uint8_t>(months);
              auto out = uninit<double>(p.size);
              double* o = out.mutable_data();
              {
                  py::gil_scoped_release nogil;
                  penata::angka_kredit(r, p, l, mo, o);
              }
              return out;
          },
          py::arg("rules"), py::arg("predikat"), py::arg("position_level"), py::arg("months") = py::none());

    m.def("policy_lists", [](const RuleSet& r, const OptU8& predikat, const OptU8& talent_box) {
              auto p = span<std::uint8_t>(predikat), b = span<std::uint8_t>(talent_box);
              penata::PolicyLists out;
              {
                  py::gil_scoped_release nogil;
                  out = penata::policy_lists(r, p, b);
              }
              return policy_dict(out);
          },
          py::arg("rules"), py::arg("predikat") = py::none(), py::arg("talent_box") = py::none());

    m.def("check_distribution", [](const RuleSet& r, const std::string& org, const std::vector<std::size_t>& counts) {
              if (counts.size() != penata::kPredikatCount)
                  throw py::value_error("counts must hold one count per predikat (5)");
              std::array<std::size_t, penata::kPredikatCount> c{};
              std::copy(counts.begin(), counts.end(), c.begin());
              return distribution_dict(penata::check_distribution(r, org_of(org), c));
          },
          py::arg("rules"), py::arg("org_predikat"), py::arg("counts"));

    m.def("appraise", [](PyWorkforce& w, const RuleSet& r, const py::dict& inputs, const std::optional<U32>& rows,
                         unsigned threads) {
              static const char* known[] = {"rating_hasil_kerja", "rating_perilaku", "predikat",
                                            "has_leadership_training", "has_functional_training", "has_seminar",
                                            "performance", "potential_level", "months", "potential"};
              for (auto item : inputs) {
                  const auto k = py::cast<std::string>(item.first);
                  bool ok = false;
                  for (auto* n : known) ok = ok || k == n;
                  if (!ok) throw py::value_error("'" + k + "' is not an appraisal input");
              }
              // Keep every input array alive for the call; the spans point into them (no copy when
              // the dtype already matches).
              std::vector<U8> keep8;
              std::vector<F64> keepd;
              keep8.reserve(16);
              penata::AppraisalInputs in;
              auto get8 = [&](const char* key, Span<std::uint8_t>& to) {
                  if (!inputs.contains(key) || inputs[key].is_none()) return;
                  keep8.push_back(as_u8(inputs[key]));
                  to = span<std::uint8_t>(keep8.back());
              };
              get8("rating_hasil_kerja", in.rating_hasil_kerja);
              get8("rating_perilaku", in.rating_perilaku);
              get8("predikat", in.predikat);
              get8("has_leadership_training", in.has_leadership_training);
              get8("has_functional_training", in.has_functional_training);
              get8("has_seminar", in.has_seminar);
              get8("performance", in.performance);
              get8("potential_level", in.potential_level);
              get8("months", in.months);
              if (inputs.contains("potential") && !inputs["potential"].is_none()) {
                  keepd.push_back(py::cast<F64>(inputs["potential"]));
                  in.potential = span<double>(keepd.back());
              }
              auto rs = rows ? span<std::uint32_t>(*rows) : Span<std::uint32_t>{};
              const auto& wf = w.get();
              const std::size_t n = rows ? rs.size : wf.size();
              // Outputs: uninitialised numpy arrays the core writes into; empty when not computed.
              const penata::AppraisalOutputs o = penata::appraisal_outputs(r, in);
              auto pred = uninit<std::uint8_t>(o.predikat ? n : 0);
              auto box = uninit<std::uint8_t>(o.talent_box ? n : 0);
              auto ak = uninit<double>(o.angka_kredit ? n : 0);
              IpArrays ip(o.ip_asn ? n : 0);
              penata::PolicyLists policy;
              penata::AppraisalBuffers buffers;
              if (o.predikat) buffers.predikat = pred.mutable_data();
              if (o.talent_box) buffers.talent_box = box.mutable_data();
              if (o.angka_kredit) buffers.angka_kredit = ak.mutable_data();
              if (o.ip_asn) buffers.ip_asn = ip.buffers();
              buffers.policy = &policy;
              {
                  PyWorkforce::Busy busy(w);
                  py::gil_scoped_release nogil;
                  penata::appraise(wf, r, in, rs, buffers, threads);
              }
              py::dict d;
              d["n"] = n;
              d["rows"] = rows ? py::object(*rows) : py::object(py::none());
              d["predikat"] = pred;
              d["ip_asn"] = ip.dict();
              d["talent_box"] = box;
              d["angka_kredit"] = ak;
              d["has_policy"] = r.has(penata::RuleSection::policy);
              d["policy"] = policy_dict(policy);
              return d;
          },
          py::arg("workforce"), py::arg("rules"), py::arg("inputs"), py::arg("rows") = py::none(),
          py::arg("threads") = 0,
          "Every appraisal output for the workforce rows (a dict of arrays). threads: 1 on the calling "
          "thread; 0 a second thread for large inputs on a multi-core machine (the same result).");

    m.def("summarise_units", [](PyWorkforce& w, const U32& rows, const OptU8& predikat, const OptF64& ip_asn,
                                const OptF64& kualifikasi, const OptF64& kompetensi, const OptF64& kinerja,
                                const OptF64& disiplin, const OptU8& talent_box, bool include_subunits) {
              penata::Appraisal a;
              a.rows = vec<std::uint32_t>(rows);
              if (predikat) a.predikat = vec<std::uint8_t>(*predikat);
              if (talent_box) a.talent_box = vec<std::uint8_t>(*talent_box);
              if (ip_asn) {
                  if (!kualifikasi || !kompetensi || !kinerja || !disiplin)
                      throw py::value_error("ip_asn needs its four dimensions");
                  a.ip_asn.ip_asn = vec<double>(*ip_asn);
                  a.ip_asn.ip_kualifikasi = vec<double>(*kualifikasi);
                  a.ip_asn.ip_kompetensi = vec<double>(*kompetensi);
                  a.ip_asn.ip_kinerja = vec<double>(*kinerja);
                  a.ip_asn.ip_disiplin = vec<double>(*disiplin);
              }
              const auto& wf = w.get();
              std::vector<penata::UnitAppraisal> s;
              {
                  PyWorkforce::Busy busy(w);
                  py::gil_scoped_release nogil;
                  s = penata::summarise_units(wf, a, include_subunits);
              }
              const std::size_t n = s.size();
              std::vector<std::uint64_t> employees(n);
              std::vector<std::uint64_t> pc(n * penata::kPredikatCount), bc(n * 9);
              std::vector<double> mean(n * 5);
              for (std::size_t u = 0; u < n; ++u) {
                  employees[u] = s[u].employees;
                  for (std::size_t k = 0; k < penata::kPredikatCount; ++k) pc[u * penata::kPredikatCount + k] = s[u].predikat_counts[k];
                  for (std::size_t k = 0; k < 9; ++k) bc[u * 9 + k] = s[u].box_counts[k];
                  mean[u * 5 + 0] = s[u].mean_ip_asn;
                  mean[u * 5 + 1] = s[u].mean_kualifikasi;
                  mean[u * 5 + 2] = s[u].mean_kompetensi;
                  mean[u * 5 + 3] = s[u].mean_kinerja;
                  mean[u * 5 + 4] = s[u].mean_disiplin;
              }
              py::dict d;
              d["employees"] = to_numpy(std::move(employees));
              d["predikat_counts"] = to_numpy(std::move(pc)).reshape({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(penata::kPredikatCount)});
              d["box_counts"] = to_numpy(std::move(bc)).reshape({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(9)});
              d["means"] = to_numpy(std::move(mean)).reshape({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(5)});
              return d;
          },
          py::arg("workforce"), py::arg("rows"), py::arg("predikat") = py::none(), py::arg("ip_asn") = py::none(),
          py::arg("ip_kualifikasi") = py::none(), py::arg("ip_kompetensi") = py::none(),
          py::arg("ip_kinerja") = py::none(), py::arg("ip_disiplin") = py::none(),
          py::arg("talent_box") = py::none(), py::arg("include_subunits") = true,
          "Per unit (index order): employees, predikat_counts (units x 5), box_counts (units x 9), "
          "means (units x 5: ip_asn and the four dimensions).");

    m.def("sample_appraisal_inputs", [](PyWorkforce& w, std::uint64_t seed) {
              const auto& wf = w.get();
              penata::SampleAppraisal s;
              {
                  PyWorkforce::Busy busy(w);
                  py::gil_scoped_release nogil;
                  s = penata::sample_appraisal_inputs(wf, seed);
              }
              py::dict d;
              d["rating_hasil_kerja"] = to_numpy(std::move(s.rating_hasil_kerja));
              d["rating_perilaku"] = to_numpy(std::move(s.rating_perilaku));
              d["has_leadership_training"] = to_numpy(std::move(s.has_leadership_training));
              d["has_functional_training"] = to_numpy(std::move(s.has_functional_training));
              d["has_seminar"] = to_numpy(std::move(s.has_seminar));
              d["potential"] = to_numpy(std::move(s.potential));
              return d;
          },
          py::arg("workforce"), py::arg("seed") = 0,
          "SYNTHETIC appraisal inputs for every row (codes and 0/1 flags; potential 0..100).");
}

}  // namespace penata_py
