// penata._core — competency standards and gap analysis (penata/competency.hpp, penata/gaps.hpp):
// frameworks, position standards, assessment histories, gap rules, and the bulk analysis. Level
// matrices and result columns are handed to numpy without copying (the arrays keep the result
// alive); texts (codes, dates) are converted by the Python layer.
#include <optional>

#include "common.hpp"
#include "penata/competency.hpp"
#include "penata/gaps.hpp"
#include "penata/sample.hpp"

namespace penata_py {

namespace {

using penata::Assessments;
using penata::CompetencyFramework;
using penata::GapResult;
using penata::GapRules;
using penata::PositionStandards;
using penata::Span;
using U8 = py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>;
using U16 = py::array_t<std::uint16_t, py::array::c_style | py::array::forcecast>;
using I32 = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;
using U32 = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>;
using U64 = py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>;
using F64 = py::array_t<double, py::array::c_style | py::array::forcecast>;

template <class T, class A>
Span<T> span1(const A& a, const char* what) {
    if (a.ndim() != 1) throw py::value_error(std::string(what) + " must be one-dimensional");
    return Span<T>(a.data(), static_cast<std::size_t>(a.shape(0)));
}

/// A read-only rows x cols C-order numpy array over `data`, whose base keeps `owner` alive.
template <class T, class Owner>
py::array readonly_matrix(const T* data, std::size_t rows, std::size_t cols, std::shared_ptr<Owner> owner) {
    auto* keep = new std::shared_ptr<const void>(std::move(owner));
    py::capsule base(keep, [](void* p) { delete static_cast<std::shared_ptr<const void>*>(p); });
    const auto r = static_cast<py::ssize_t>(rows), c = static_cast<py::ssize_t>(cols);
    py::array out(py::dtype::of<T>(), {r, c}, {static_cast<py::ssize_t>(sizeof(T)) * c,
                                               static_cast<py::ssize_t>(sizeof(T))},
                  (rows != 0 && cols != 0) ? data : nullptr, base);
    out.attr("flags").attr("writeable") = false;
    return out;
}

/// A level matrix moved into numpy (the array owns it and may change it).
py::array matrix_to_numpy(penata::LevelMatrix&& m) {
    auto* owned = new penata::LevelMatrix(std::move(m));
    py::capsule base(owned, [](void* p) { delete static_cast<penata::LevelMatrix*>(p); });
    const auto r = static_cast<py::ssize_t>(owned->rows()), c = static_cast<py::ssize_t>(owned->cols());
    return py::array_t<std::uint8_t>({r, c}, {c, py::ssize_t{1}}, owned->size() ? owned->data() : nullptr, base);
}

std::vector<std::uint32_t> rows_of(const std::optional<U32>& rows) {
    if (!rows) return {};
    auto s = span1<std::uint32_t>(*rows, "rows");
    return std::vector<std::uint32_t>(s.data, s.data + s.size);
}

py::dict competency_dict(const penata::Competency& c) {
    py::dict d;
    d["code"] = c.code;
    d["name"] = c.name;
    d["type"] = std::string(penata::to_text(c.type));
    d["levels"] = std::vector<std::string>(c.levels.begin(), c.levels.end());
    return d;
}

py::dict tna_dict(const penata::Tna& t) {
    const std::size_t n = t.rows.size(), m = t.training.size();
    std::vector<std::uint32_t> unit(n), required(n), assessed(n), need1(n), need2(n), need3(n);
    std::vector<std::uint16_t> comp(n);
    std::vector<double> mean_gap(n), share_below(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = t.rows[i];
        unit[i] = r.unit; comp[i] = r.competency; required[i] = r.required; assessed[i] = r.assessed;
        mean_gap[i] = r.mean_gap; share_below[i] = r.share_below;
        need1[i] = r.need[0]; need2[i] = r.need[1]; need3[i] = r.need[2];
    }
    std::vector<std::uint32_t> t_unit(m), t_emp(m), t_ok(m);
    std::vector<double> t_share(m);
    for (std::size_t i = 0; i < m; ++i) {
        const auto& r = t.training[i];
        t_unit[i] = r.unit; t_emp[i] = r.employees; t_ok[i] = r.compliant; t_share[i] = r.share;
    }
    py::dict rows, training, d;
    rows["unit"] = to_numpy(std::move(unit));
    rows["competency"] = to_numpy(std::move(comp));
    rows["required"] = to_numpy(std::move(required));
    rows["assessed"] = to_numpy(std::move(assessed));
    rows["mean_gap"] = to_numpy(std::move(mean_gap));
    rows["share_below"] = to_numpy(std::move(share_below));
    rows["need_1"] = to_numpy(std::move(need1));
    rows["need_2"] = to_numpy(std::move(need2));
    rows["need_3"] = to_numpy(std::move(need3));
    training["unit"] = to_numpy(std::move(t_unit));
    training["employees"] = to_numpy(std::move(t_emp));
    training["compliant"] = to_numpy(std::move(t_ok));
    training["share"] = to_numpy(std::move(t_share));
    d["rows"] = rows;
    d["training"] = training;
    return d;
}

py::dict candidates_dict(const std::vector<penata::Candidate>& cs) {
    const std::size_t n = cs.size();
    std::vector<std::uint32_t> row(n), shortfall(n), rank(n);
    std::vector<std::uint64_t> nip(n);
    std::vector<double> jpm(n);
    py::list rule, reason;
    for (std::size_t i = 0; i < n; ++i) {
        row[i] = cs[i].row; nip[i] = cs[i].nip; jpm[i] = cs[i].jpm; shortfall[i] = cs[i].shortfall; rank[i] = cs[i].rank;
        rule.append(cs[i].rule);
        reason.append(cs[i].reason);
    }
    py::dict d;
    d["row"] = to_numpy(std::move(row));
    d["nip"] = to_numpy(std::move(nip));
    d["jpm"] = to_numpy(std::move(jpm));
    d["shortfall"] = to_numpy(std::move(shortfall));
    d["rank"] = to_numpy(std::move(rank));
    d["rule"] = rule;
    d["reason"] = reason;
    return d;
}

}  // namespace

void register_competency(py::module_& m) {
    m.attr("COMPETENCY_TYPES") = names_of<penata::CompetencyType>();
    m.attr("ASSESSMENT_METHODS") = names_of<penata::AssessmentMethod>();
    m.attr("JPM_CATEGORIES") = names_of<penata::JpmCategory>();
    m.attr("JPM_SCHEMES") = names_of<penata::JpmScheme>();
    m.attr("MISSING_POLICIES") = names_of<penata::MissingPolicy>();
    {
        py::list kinds;
        for (std::size_t k = 0; k < penata::kPositionKindCount; ++k) {
            auto s = penata::position_kind_name(k);
            kinds.append(py::str(s.data(), s.size()));
        }
        m.attr("POSITION_KINDS") = kinds;
    }
    m.attr("NO_GAP") = static_cast<int>(penata::kNoGap);
    m.attr("NO_CATEGORY") = static_cast<int>(penata::kNoCategory);

    py::class_<CompetencyFramework>(m, "CompetencyFramework", "An ordered set of competencies with unique codes.")
        .def(py::init<>())
        .def_static("builtin", &CompetencyFramework::builtin)
        .def_static("from_json", [](std::string_view text) { return CompetencyFramework::from_json(text); },
                    py::arg("text"))
        .def_static("from_csv", [](std::string_view text) { return CompetencyFramework::from_csv(text); },
                    py::arg("text"))
        .def("to_json", &CompetencyFramework::to_json, py::arg("indent") = 2)
        .def("to_csv", &CompetencyFramework::to_csv)
        .def("add",
             [](CompetencyFramework& f, std::string code, std::string name, const std::string& type,
                const std::vector<std::string>& levels) {
                 penata::Competency c{std::move(code), std::move(name),
                                      code_of<penata::CompetencyType>(type, "type"), {}};
                 if (levels.size() > 5) throw py::value_error("a competency has five level descriptions at most");
                 for (std::size_t i = 0; i < levels.size(); ++i) c.levels[i] = levels[i];
                 return f.add(std::move(c));
             },
             py::arg("code"), py::arg("name"), py::arg("type"), py::arg("levels") = std::vector<std::string>{})
        .def("__len__", &CompetencyFramework::size)
        .def("item", [](const CompetencyFramework& f, std::size_t i) { return competency_dict(f[i]); }, py::arg("i"))
        .def("codes", [](const CompetencyFramework& f) {
            std::vector<std::string> out;
            for (const auto& c : f.all()) out.push_back(c.code);
            return out;
        })
        .def("types", [](const CompetencyFramework& f) {
            std::vector<std::uint8_t> out;
            for (const auto& c : f.all()) out.push_back(static_cast<std::uint8_t>(c.type));
            return to_numpy(std::move(out));
        })
        .def("find", &CompetencyFramework::find, py::arg("code"))
        .def("same_codes", &CompetencyFramework::same_codes, py::arg("other"))
        .def("__eq__", [](const CompetencyFramework& a, const CompetencyFramework& b) { return a == b; })
        .def(py::pickle([](const CompetencyFramework& f) { return f.to_json(-1); },
                        [](const std::string& json) { return CompetencyFramework::from_json(json); }));

    py::class_<PositionStandards>(m, "PositionStandards", "Required competency levels per position.")
        .def(py::init<CompetencyFramework>(), py::arg("framework"))
        .def_static("from_json",
                    [](CompetencyFramework f, std::string_view text) { return PositionStandards::from_json(std::move(f), text); },
                    py::arg("framework"), py::arg("text"))
        .def("to_json", &PositionStandards::to_json, py::arg("indent") = 2)
        .def("add_overrides_csv", &PositionStandards::add_overrides_csv, py::arg("text"))
        .def_property_readonly("framework", &PositionStandards::framework)
        .def_readwrite("name", &PositionStandards::name)
        .def_property_readonly("notes", [](const PositionStandards& s) { return s.notes(); })
        .def("defaults", [](const PositionStandards& s) {
            py::array_t<std::uint8_t> out({3, static_cast<int>(penata::kPositionKindCount)});
            auto v = out.mutable_unchecked<2>();
            for (std::size_t t = 0; t < 3; ++t)
                for (std::size_t k = 0; k < penata::kPositionKindCount; ++k)
                    v(static_cast<py::ssize_t>(t), static_cast<py::ssize_t>(k)) = s.defaults()[t][k];
            return out;
        })
        .def("set_default",
             [](PositionStandards& s, const std::string& type, std::size_t kind, int level) {
                 if (level < 0 || level > 5)
                     throw penata::ValidationError(penata::Issue{-1, "level", std::to_string(level), "standards.level",
                                                                 "a required level must be 0..5"});
                 s.set_default(code_of<penata::CompetencyType>(type, "type"), kind, static_cast<std::uint8_t>(level));
             },
             py::arg("type"), py::arg("kind"), py::arg("level"))
        .def("set_override",
             [](PositionStandards& s, const std::string& position, const std::string& code, int level) {
                 if (level < 0 || level > 5)
                     throw penata::ValidationError(penata::Issue{-1, "level", std::to_string(level), "standards.level",
                                                                 "a required level must be 0..5"});
                 s.set_override(position, code, static_cast<std::uint8_t>(level));
             },
             py::arg("position_name"), py::arg("code"), py::arg("level"))
        .def("overrides", [](const PositionStandards& s) {
            py::dict out;
            for (const auto& [name, levels] : s.overrides()) {
                py::dict d;
                for (const auto& [c, level] : levels) d[py::str(s.framework()[c].code)] = level;
                out[py::str(name)] = d;
            }
            return out;
        })
        .def("required",
             [](const PositionStandards& s, std::uint8_t cls, std::uint8_t level, const std::string& name) {
                 return s.required(static_cast<penata::PositionClass>(cls), static_cast<penata::PositionLevel>(level), name);
             },
             py::arg("position_class"), py::arg("position_level"), py::arg("position_name") = "")
        .def("required_matrix",
             [](const PositionStandards& s, PyWorkforce& w, const std::optional<U32>& rows) {
                 auto r = rows_of(rows);
                 penata::LevelMatrix out;
                 const auto& wf = w.get();
                 {
                     PyWorkforce::Busy busy(w);
                     py::gil_scoped_release nogil;
                     out = s.required(wf, r);
                 }
                 return matrix_to_numpy(std::move(out));
             },
             py::arg("workforce"), py::arg("rows") = py::none())
        .def("__copy__", [](const PositionStandards& s) { return PositionStandards(s); })
        .def("__deepcopy__", [](const PositionStandards& s, py::object) { return PositionStandards(s); })
        .def(py::pickle(
            [](const PositionStandards& s) { return py::make_tuple(s.framework().to_json(-1), s.to_json(-1)); },
            [](const py::tuple& t) {
                return PositionStandards::from_json(CompetencyFramework::from_json(py::cast<std::string>(t[0])),
                                                    py::cast<std::string>(t[1]));
            }));

    py::class_<Assessments, std::shared_ptr<Assessments>>(m, "Assessments", "An append-only assessment history.")
        .def(py::init<CompetencyFramework>(), py::arg("framework"))
        .def_property_readonly("framework", &Assessments::framework)
        .def("__len__", &Assessments::size)
        .def("add_columns",
             [](Assessments& a, const U64& nip, const U16& comp, const U8& level, const I32& date, const U8& method,
                std::int32_t today) {
                 penata::AssessmentColumns c{span1<std::uint64_t>(nip, "nip"), span1<std::uint16_t>(comp, "competency"),
                                             span1<std::uint8_t>(level, "level"), span1<std::int32_t>(date, "date"),
                                             span1<std::uint8_t>(method, "method")};
                 a.add(c, today);  // with the GIL held: another thread may be reading this history
             },
             py::arg("nip"), py::arg("competency"), py::arg("level"), py::arg("date"), py::arg("method"),
             py::arg("today"))
        .def("add_csv", [](Assessments& a, std::string_view text, std::int32_t today) { a.add_csv(text, today); },
             py::arg("text"), py::arg("today"))
        .def("to_csv", &Assessments::to_csv)
        .def("columns", [](const Assessments& a) {
            py::dict d;
            d["nip"] = to_numpy(std::vector<std::uint64_t>(a.nip()));
            d["competency"] = to_numpy(std::vector<std::uint16_t>(a.competency()));
            d["level"] = to_numpy(std::vector<std::uint8_t>(a.level()));
            d["date"] = to_numpy(std::vector<std::int32_t>(a.date()));
            d["method"] = to_numpy(std::vector<std::uint8_t>(a.method()));
            return d;
        })
        .def("latest",
             [](const Assessments& a, const PyWorkforce& w, std::int32_t as_of, const std::optional<U32>& rows) {
                 auto r = rows_of(rows);
                 // The GIL stays held: a history has no busy flag, so another thread must not add
                 // to it meanwhile.
                 penata::LevelMatrix out = a.latest(w.get(), as_of, r);
                 return matrix_to_numpy(std::move(out));
             },
             py::arg("workforce"), py::arg("as_of"), py::arg("rows") = py::none())
        .def("copy", [](const Assessments& a) { return std::make_shared<Assessments>(a); });

    py::class_<GapRules>(m, "GapRules", "The rules of competency gap analysis.")
        .def_static("builtin", &GapRules::builtin)
        .def_static("from_json", [](std::string_view text) { return GapRules::from_json(text); }, py::arg("text"))
        .def("to_json", &GapRules::to_json, py::arg("indent") = 2)
        .def_readonly("name", &GapRules::name)
        .def_readonly("regulation", &GapRules::regulation)
        .def_readonly("version", &GapRules::version)
        .def_readonly("notes", &GapRules::notes)
        .def_readonly("cap_at_standard", &GapRules::cap_at_standard)
        .def_property_readonly("scheme", [](const GapRules& r) { return std::string(penata::to_text(r.scheme)); })
        .def_property_readonly("missing", [](const GapRules& r) { return std::string(penata::to_text(r.missing)); })
        .def_readonly("training_min_hours", &GapRules::training_min_hours)
        .def("__eq__", [](const GapRules& a, const GapRules& b) { return a.to_json(-1) == b.to_json(-1); })
        .def(py::pickle([](const GapRules& r) { return r.to_json(-1); },
                        [](const std::string& json) { return GapRules::from_json(json); }));

    py::class_<GapResult, std::shared_ptr<GapResult>>(m, "GapResult", "Gaps and JPM of analysed employees.")
        .def("__len__", [](const GapResult& r) { return r.nip.size(); })
        .def_readonly("codes", &GapResult::codes)
        .def_property_readonly("rows", [](std::shared_ptr<GapResult> r) {
            return readonly_view(r->rows.data(), r->rows.size(), r);
        })
        .def_property_readonly("nip", [](std::shared_ptr<GapResult> r) {
            return readonly_view(r->nip.data(), r->nip.size(), r);
        })
        .def_property_readonly("jpm", [](std::shared_ptr<GapResult> r) {
            return readonly_view(r->jpm.data(), r->jpm.size(), r);
        })
        .def_property_readonly("category", [](std::shared_ptr<GapResult> r) {
            return readonly_view(r->category.data(), r->category.size(), r);
        })
        .def_property_readonly("achieved", [](std::shared_ptr<GapResult> r) {
            return readonly_matrix(r->achieved.data(), static_cast<std::size_t>(r->achieved.rows()),
                                   static_cast<std::size_t>(r->achieved.cols()), r);
        })
        .def_property_readonly("required", [](std::shared_ptr<GapResult> r) {
            return readonly_matrix(r->required.data(), static_cast<std::size_t>(r->required.rows()),
                                   static_cast<std::size_t>(r->required.cols()), r);
        })
        .def_property_readonly("gaps", [](std::shared_ptr<GapResult> r) {
            return readonly_matrix(r->gaps.data(), static_cast<std::size_t>(r->gaps.rows()),
                                   static_cast<std::size_t>(r->gaps.cols()), r);
        })
        .def_property_readonly("missing", [](const GapResult& r) {
            const std::size_t n = r.missing.size();
            std::vector<std::uint32_t> row(n);
            std::vector<std::uint64_t> nip(n);
            py::list comps, reason;
            for (std::size_t i = 0; i < n; ++i) {
                row[i] = r.missing[i].row;
                nip[i] = r.missing[i].nip;
                py::list codes;
                for (auto c : r.missing[i].competencies) codes.append(r.codes.at(c));
                comps.append(codes);
                reason.append(r.missing[i].reason);
            }
            py::dict d;
            d["row"] = to_numpy(std::move(row));
            d["nip"] = to_numpy(std::move(nip));
            d["competencies"] = comps;
            d["reason"] = reason;
            return d;
        });

    m.def("gap_analysis",
          [](const PyWorkforce& w, const Assessments& a, const PositionStandards& s, const GapRules& rules,
             std::int32_t as_of, const std::optional<U32>& rows) {
              auto r = rows_of(rows);
              // The GIL stays held while the history is read (see latest).
              return std::make_shared<GapResult>(penata::gap_analysis(w.get(), a, s, rules, as_of, r));
          },
          py::arg("workforce"), py::arg("assessments"), py::arg("standards"), py::arg("rules"), py::arg("as_of"),
          py::arg("rows") = py::none());
    m.def("training_needs",
          [](PyWorkforce& w, const GapResult& r, const GapRules& rules) {
              penata::Tna t;
              const auto& wf = w.get();
              {
                  PyWorkforce::Busy busy(w);
                  py::gil_scoped_release nogil;
                  t = penata::training_needs(wf, r, rules);
              }
              return tna_dict(t);
          },
          py::arg("workforce"), py::arg("result"), py::arg("rules"));
    m.def("potential_from_gaps",
          [](const GapResult& r, const GapRules& rules) { return to_numpy(penata::potential(r, rules)); },
          py::arg("result"), py::arg("rules"));
    m.def("rank_candidates",
          [](const PyWorkforce& w, const Assessments& a, const PositionStandards& s, const GapRules& rules,
             std::uint8_t cls, std::uint8_t level, const std::string& position_name, std::int32_t as_of,
             const std::string& unit, bool subunits, std::uint8_t employment_types, bool check_golongan) {
              penata::PositionTarget target{static_cast<penata::PositionClass>(cls),
                                            static_cast<penata::PositionLevel>(level), position_name};
              penata::RankOptions o;
              o.unit_code = unit;
              o.include_subunits = subunits;
              o.employment_types = employment_types;
              o.check_golongan = check_golongan;
              // The GIL stays held while the history is read (see latest).
              penata::Ranking ranking = penata::rank_candidates(w.get(), a, s, rules, target, as_of, o);
              py::dict d;
              d["eligible"] = candidates_dict(ranking.eligible);
              d["ineligible"] = candidates_dict(ranking.ineligible);
              return d;
          },
          py::arg("workforce"), py::arg("assessments"), py::arg("standards"), py::arg("rules"),
          py::arg("position_class"), py::arg("position_level"), py::arg("position_name"), py::arg("as_of"),
          py::arg("unit"), py::arg("include_subunits"), py::arg("employment_types"), py::arg("check_golongan"));
    m.def("gap_jpm",
          [](const py::array& achieved_in, const py::array& required_in, const U8& teknis, const std::optional<U8>& level,
             const F64& weights, bool cap) {
              U8 achieved = U8::ensure(achieved_in), required = U8::ensure(required_in);
              if (!achieved || !required) throw py::value_error("achieved and required must be arrays of levels 0..5");
              if (achieved.ndim() != 2 || required.ndim() != 2)
                  throw py::value_error("achieved and required must be two-dimensional (employees x competencies)");
              const auto n = static_cast<std::size_t>(achieved.shape(0)), k = static_cast<std::size_t>(achieved.shape(1));
              if (static_cast<std::size_t>(required.shape(0)) != n || static_cast<std::size_t>(required.shape(1)) != k)
                  throw py::value_error("achieved and required must have the same shape");
              if (static_cast<std::size_t>(teknis.size()) != k)
                  throw py::value_error("teknis must have one flag per competency");
              if (level && static_cast<std::size_t>(level->size()) != n)
                  throw py::value_error("position_level must have one code per employee");
              if (static_cast<std::size_t>(weights.size()) != penata::kPositionLevelCount)
                  throw py::value_error("weights must have one teknis weight per position level");
              py::array_t<std::int8_t> gaps({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(k)});
              py::array_t<double> jpm(static_cast<py::ssize_t>(n));
              py::array_t<std::uint8_t> missing(static_cast<py::ssize_t>(n));
              const std::uint8_t *a = achieved.data(), *r = required.data(), *t = teknis.data(),
                                 *l = level ? level->data() : nullptr;
              const double* wt = weights.data();
              // The kernel trusts its input: levels 0..5, flags 0/1 and position levels checked first.
              {
                  py::gil_scoped_release nogil;
                  penata::check_gap_inputs(a, r, n, k, t, l);
              }
              std::int8_t* g = gaps.mutable_data();
              double* j = jpm.mutable_data();
              std::uint8_t* mi = missing.mutable_data();
              {
                  py::gil_scoped_release nogil;
                  penata::gap_jpm_kernel(a, r, n, k, t, l, wt, cap, g, j, mi);
              }
              return py::make_tuple(gaps, jpm, missing);
          },
          py::arg("achieved"), py::arg("required"), py::arg("teknis"), py::arg("position_level"), py::arg("weights"),
          py::arg("cap_at_standard"));
    m.def("gap_rules_weights", [](const GapRules& r) {
        return std::vector<double>(r.teknis_weight.begin(), r.teknis_weight.end());
    });
    m.def("sample_assessments",
          [](PyWorkforce& w, std::uint64_t seed, int reference_year) {
              std::shared_ptr<Assessments> out;
              const auto& wf = w.get();
              {
                  PyWorkforce::Busy busy(w);
                  py::gil_scoped_release nogil;
                  out = std::make_shared<Assessments>(penata::sample_assessments(wf, seed, reference_year));
              }
              return out;
          },
          py::arg("workforce"), py::arg("seed") = 0, py::arg("reference_year") = 2025,
          "SYNTHETIC assessments for every employee of a workforce.");
}

}  // namespace penata_py
