// penata._core — rule sets (penata/rules.hpp): built-ins by name, JSON in and out, notes, the
// appraisal enum texts, and the scalar lookups (bands, matrix cells, box actions) used for
// per-value checks. Bulk scoring lives in appraisal.cpp.
#include "common.hpp"
#include "penata/appraisal.hpp"
#include "penata/rules.hpp"

namespace penata_py {

namespace {

std::string text_of(penata::RuleSection s) { return std::string(penata::to_text(s)); }

}  // namespace

void register_rules(py::module_& m) {
    using penata::RuleSet;
    py::class_<RuleSet>(m, "RuleSet", "A named, versioned, validated set of regulatory tables.")
        .def(py::init<std::string, std::string, std::string>(), py::arg("name"), py::arg("regulation") = "",
             py::arg("version") = "")
        .def_static("builtin", [](const std::string& name) { return RuleSet::builtin(name); }, py::arg("name"))
        .def_static("names", &RuleSet::names)
        .def_static("from_json", [](std::string_view text) { return RuleSet::from_json(text); }, py::arg("text"))
        .def_static("combine", &RuleSet::combine, py::arg("name"), py::arg("regulation"), py::arg("version"),
                    py::arg("parts"))
        .def("to_json", &RuleSet::to_json, py::arg("indent") = 2)
        .def_property_readonly("name", &RuleSet::name)
        .def_property_readonly("regulation", &RuleSet::regulation)
        .def_property_readonly("version", &RuleSet::version)
        .def_property_readonly("notes", [](const RuleSet& r) { return r.notes(); })
        .def("note", [](const RuleSet& r, const std::string& path) { return r.note(path); }, py::arg("path"))
        .def("set_note", &RuleSet::set_note, py::arg("path"), py::arg("text"))
        .def("sections", [](const RuleSet& r) {
            std::vector<std::string> out;
            for (auto s : r.sections()) out.push_back(text_of(s));
            return out;
        })
        .def("has", [](const RuleSet& r, const std::string& section) {
                 auto s = penata::from_text<penata::RuleSection>(section);
                 if (!s) throw py::value_error("'" + section + "' is not a rule-set section");
                 return r.has(*s);
             },
             py::arg("section"))
        .def("__copy__", [](const RuleSet& r) { return RuleSet(r); })
        .def("__deepcopy__", [](const RuleSet& r, py::object) { return RuleSet(r); })
        .def(py::pickle([](const RuleSet& r) { return r.to_json(-1); },
                        [](const std::string& json) { return RuleSet::from_json(json); }));

    // Scalar lookups (one value; the bulk forms are in appraisal.cpp).
    m.def("predikat_cell", [](const RuleSet& r, const std::string& hasil, const std::string& perilaku) {
              auto p = penata::predikat(r, code_of<penata::Rating>(hasil, "rating_hasil_kerja"),
                                        code_of<penata::Rating>(perilaku, "rating_perilaku"));
              return std::string(penata::to_text(p));
          },
          py::arg("rules"), py::arg("hasil"), py::arg("perilaku"));
    m.def("ip_asn_category", [](const RuleSet& r, double score) {
              return std::string(penata::to_text(penata::ip_asn_category(r, score)));
          },
          py::arg("rules"), py::arg("score"));
    m.def("prestasi_band", [](const RuleSet& r, double score) {
              return std::string(penata::to_text(penata::prestasi_band(r, score)));
          },
          py::arg("rules"), py::arg("score"));
    m.def("potential_level", [](const RuleSet& r, double score) {
              return std::string(penata::to_text(penata::potential_level(r, score)));
          },
          py::arg("rules"), py::arg("score"));
    m.def("pp30_predikat", [](const RuleSet& r, double nilai, bool innovation) {
              return std::string(penata::to_text(penata::pp30_predikat(r, nilai, innovation)));
          },
          py::arg("rules"), py::arg("nilai"), py::arg("innovation") = false);
    m.def("skp_time_aspect", &penata::skp_time_aspect, py::arg("rules"), py::arg("target"), py::arg("real"));
    m.def("talent_cell", [](const RuleSet& r, const std::string& performance, const std::string& potential) {
              return penata::talent_box(r, code_of<penata::Rating>(performance, "performance"),
                                        code_of<penata::Potential>(potential, "potential"));
          },
          py::arg("rules"), py::arg("performance"), py::arg("potential"));
    m.def("talent_actions", [](const RuleSet& r) {
              std::vector<std::string> out;
              for (std::uint8_t b = 1; b <= 9; ++b) out.push_back(penata::talent_action(r, b));
              return out;
          },
          py::arg("rules"), "The recommended action of boxes 1..9.");
    m.def("angka_kredit_one", [](const RuleSet& r, const std::string& predikat, const std::string& level, unsigned months) {
              return penata::angka_kredit(r, code_of<penata::Predikat>(predikat, "predikat"),
                                          code_of<penata::PositionLevel>(level, "position_level"), months);
          },
          py::arg("rules"), py::arg("predikat"), py::arg("position_level"), py::arg("months") = 12);

    py::dict enums;
    enums["rating"] = names_of<penata::Rating>();
    enums["predikat"] = names_of<penata::Predikat>();
    enums["org_predikat"] = names_of<penata::OrgPredikat>();
    enums["potential"] = names_of<penata::Potential>();
    enums["ip_asn_category"] = names_of<penata::IpAsnCategory>();
    enums["prestasi_band"] = names_of<penata::PrestasiBand>();
    enums["kreativitas"] = names_of<penata::Kreativitas>();
    enums["kpi_direction"] = names_of<penata::KpiDirection>();
    enums["kpi_missing"] = names_of<penata::KpiMissing>();
    enums["section"] = names_of<penata::RuleSection>();
    enums["distribution_bound"] = names_of<penata::DistributionBound>();
    m.attr("APPRAISAL_ENUMS") = enums;
}

}  // namespace penata_py
