// penata._core — NIP rules and parsing, the enum texts and golongan tables.
#include "common.hpp"
#include "penata/date.hpp"

namespace penata_py {

void register_nip(py::module_& m) {
    py::class_<penata::NipRules>(m, "NipRules", "The configurable parts of NIP validation.")
        .def(py::init<>())
        .def_readwrite("source", &penata::NipRules::source)
        .def_readwrite("min_age_at_tmt", &penata::NipRules::min_age_at_tmt)
        .def_readwrite("pppk_codes", &penata::NipRules::pppk_codes)
        .def_readwrite("min_birth_year", &penata::NipRules::min_birth_year)
        .def_readwrite("max_birth_year", &penata::NipRules::max_birth_year)
        .def("validate", &penata::NipRules::validate);

    m.def(
        "parse_nip",
        [](const std::string& nip, const std::string& employment_type, const penata::NipRules& rules) {
            const auto type = employment_type_from_text(employment_type);
            const auto p = penata::parse_nip(nip, type, rules);
            const auto birth = penata::civil_from_days(p.birth_date);
            py::dict d;
            d["employment_type"] = std::string(penata::to_text(p.employment_type));
            d["birth_date"] = py::make_tuple(birth.year, birth.month, birth.day);
            d["tmt_year"] = p.tmt_year;
            d["tmt_month"] = p.tmt_month;
            d["pppk_code"] = p.pppk_code;
            d["gender"] = std::string(penata::to_text(p.gender));
            d["sequence"] = p.sequence;
            return d;
        },
        py::arg("nip"), py::arg("employment_type") = "PNS", py::arg("rules") = penata::NipRules{},
        "Parses a NIP (PNS) or NI PPPK into a dict of its parts; raises ValidationError.");
    m.def("format_nip", &penata::format_nip, py::arg("nip"), "The 18-digit text of a stored NIP.");

    // Enum texts, indexed by their stored code.
    py::dict enums;
    enums["employment_type"] = names_of<penata::EmploymentType>();
    enums["gender"] = names_of<penata::Gender>();
    enums["position_class"] = names_of<penata::PositionClass>();
    enums["position_level"] = names_of<penata::PositionLevel>();
    enums["education"] = names_of<penata::Education>();
    enums["discipline"] = names_of<penata::Discipline>();
    m.attr("ENUM_NAMES") = enums;

    // Golongan texts for codes 1..17, by employment type.
    py::dict golongan;
    for (auto type : {penata::EmploymentType::PNS, penata::EmploymentType::PPPK}) {
        py::list names;
        for (std::uint8_t code = 1; code <= penata::kGolonganCount; ++code) {
            auto text = penata::golongan_text(type, code);
            names.append(py::str(text.data(), text.size()));
        }
        golongan[py::str(std::string(penata::to_text(type)))] = names;
    }
    m.attr("GOLONGAN_NAMES") = golongan;

    py::list fields;
    for (auto name : penata::kFieldNames) fields.append(py::str(name.data(), name.size()));
    m.attr("FIELD_NAMES") = py::tuple(fields);
    m.attr("MAX_TEXT_LENGTH") = penata::kMaxTextLength;
}

}  // namespace penata_py
