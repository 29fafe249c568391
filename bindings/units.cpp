// penata._core — the unit tree.
#include <sstream>

#include "common.hpp"
#include "penata/csv.hpp"
#include "penata/units.hpp"

namespace penata_py {

namespace {

const penata::Units::Unit& unit_at(const penata::Units& u, std::uint32_t i) {
    if (i >= u.size()) throw py::index_error("unit index " + std::to_string(i) + " out of range");
    return u[i];
}

}  // namespace

void register_units(py::module_& m) {
    using penata::Units;
    py::class_<Units>(m, "Units", "A tree of organisational units (code, name, parent).")
        .def(py::init<>())
        .def("__copy__", [](const Units& u) { return Units(u); })
        .def("__deepcopy__", [](const Units& u, py::object) { return Units(u); })
        .def("add", [](Units& u, std::string code, std::string name, const std::string& parent_code) {
                 return u.add(std::move(code), std::move(name), parent_code);
             },
             py::arg("code"), py::arg("name"), py::arg("parent_code") = "",
             "Adds a unit; returns its index.")
        .def("__len__", &Units::size)
        .def("find", [](const Units& u, const std::string& code) { return u.find(code); }, py::arg("code"),
             "Index of the unit, or None.")
        .def("at", [](const Units& u, const std::string& code) { return u.at(code); }, py::arg("code"),
             "Index of the unit; raises NotFoundError.")
        .def("code", [](const Units& u, std::uint32_t i) { return unit_at(u, i).code; })
        .def("name", [](const Units& u, std::uint32_t i) { return unit_at(u, i).name; })
        .def("parent", [](const Units& u, std::uint32_t i) -> std::optional<std::uint32_t> {
            const auto p = unit_at(u, i).parent;
            if (p == Units::kNoParent) return std::nullopt;
            return p;
        })
        .def("depth", [](const Units& u, std::uint32_t i) { unit_at(u, i); return u.depth(i); })
        .def("subtree", [](const Units& u, std::uint32_t i) { unit_at(u, i); return u.subtree(i); })
        .def("codes", [](const Units& u) {
            py::list out;
            for (const auto& x : u.all()) out.append(x.code);
            return out;
        })
        .def("names", [](const Units& u) {
            py::list out;
            for (const auto& x : u.all()) out.append(x.name);
            return out;
        })
        .def("parent_codes", [](const Units& u) {
            py::list out;
            for (std::uint32_t i = 0; i < u.size(); ++i) out.append(std::string(u.parent_code(i)));
            return out;
        });

    m.def(
        "read_units_csv_file",
        [](const std::string& path) {
            py::gil_scoped_release nogil;
            return penata::read_units_csv_file(path);
        },
        py::arg("path"));
    m.def(
        "read_units_csv_text",
        [](const std::string& text) {
            py::gil_scoped_release nogil;
            std::istringstream in(text);
            return penata::read_units_csv(in);
        },
        py::arg("text"));
    m.def("write_units_csv_file", &penata::write_units_csv_file, py::arg("path"), py::arg("units"),
          py::call_guard<py::gil_scoped_release>());
    m.def(
        "write_units_csv_text",
        [](const Units& units) {
            std::ostringstream out;
            penata::write_units_csv(out, units);
            return out.str();
        },
        py::arg("units"));
}

}  // namespace penata_py
