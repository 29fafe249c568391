// penata._core — the Workforce: rows in and out as dicts of canonical field texts, columns out as
// read-only numpy arrays that share the core's memory.
#include "common.hpp"
#include "penata/units.hpp"

namespace penata_py {

namespace {

using penata::Field;
using penata::kFieldCount;

py::str utf8(std::string_view s) {
    return py::reinterpret_steal<py::str>(
        PyUnicode_DecodeUTF8(s.data(), static_cast<py::ssize_t>(s.size()), "replace"));
}

/// The texts of a dict of canonical fields, keyed by field. Unknown keys and missing fields are
/// issues (position_level may be left out: its text for "no level" is the empty string).
std::array<std::string, kFieldCount> texts_from_dict(const py::dict& d, std::vector<penata::Issue>& issues,
                                                     const std::array<std::string, kFieldCount>* base) {
    std::array<std::string, kFieldCount> texts;
    std::array<bool, kFieldCount> given{};
    if (base) {
        texts = *base;
        given.fill(true);
    }
    for (auto item : d) {
        const auto key = py::cast<std::string>(py::str(item.first));
        const auto field = penata::field_from_name(key);
        if (!field) {
            issues.push_back(penata::Issue{-1, key, "", "field.unknown",
                                           "is not a canonical field (see docs/schema.md)"});
            continue;
        }
        if (!py::isinstance<py::str>(item.second))
            throw py::type_error("field '" + key + "' must be given as text (str), not " +
                                 py::cast<std::string>(py::str(py::type::of(item.second).attr("__name__"))));
        const auto i = static_cast<std::size_t>(*field);
        texts[i] = py::cast<std::string>(item.second);
        given[i] = true;
    }
    for (std::size_t i = 0; i < kFieldCount; ++i) {
        if (given[i] || static_cast<Field>(i) == Field::position_level) continue;
        const std::string name(penata::kFieldNames[i]);
        issues.push_back(penata::Issue{-1, name, "", name + ".required", "is required"});
    }
    return texts;
}

penata::Employee employee_from_texts(const std::array<std::string, kFieldCount>& texts,
                                     std::vector<penata::Issue>& issues) {
    std::array<std::string_view, kFieldCount> views;
    for (std::size_t i = 0; i < kFieldCount; ++i) views[i] = texts[i];
    std::vector<penata::Issue> more;
    auto e = penata::parse_employee(views, -1, more);
    for (auto& i : more) {  // one issue per field: a missing field is not also an unknown value
        bool seen = false;
        for (const auto& j : issues) seen = seen || j.field == i.field;
        if (!seen) issues.push_back(std::move(i));
    }
    if (!issues.empty() || !e) throw penata::ValidationError(issues);
    return *e;
}

std::array<std::string, kFieldCount> texts_of(const penata::Employee& e) {
    std::array<std::string, kFieldCount> out;
    for (std::size_t i = 0; i < kFieldCount; ++i) out[i] = penata::field_text(e, static_cast<Field>(i));
    return out;
}

py::dict dict_of(const std::array<std::string, kFieldCount>& texts) {
    py::dict d;
    for (std::size_t i = 0; i < kFieldCount; ++i)
        d[py::str(penata::kFieldNames[i].data(), penata::kFieldNames[i].size())] = utf8(texts[i]);
    return d;
}

std::size_t check_row(const penata::Workforce& wf, std::int64_t row) {
    if (row < 0) row += static_cast<std::int64_t>(wf.size());
    if (row < 0 || static_cast<std::size_t>(row) >= wf.size())
        throw py::index_error("row out of range (the workforce has " + std::to_string(wf.size()) + " rows)");
    return static_cast<std::size_t>(row);
}

std::vector<std::uint8_t> mask_of(const penata::Workforce& wf, const py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>& mask) {
    if (mask.ndim() != 1 || static_cast<std::size_t>(mask.shape(0)) != wf.size())
        throw py::value_error("the mask must be one-dimensional with one element per employee (" +
                              std::to_string(wf.size()) + ")");
    return std::vector<std::uint8_t>(mask.data(), mask.data() + mask.shape(0));
}

}  // namespace

void register_workforce(py::module_& m) {
    py::class_<PyWorkforce>(m, "Workforce", "Employees stored as validated columns.")
        .def(py::init([](penata::Units units, penata::NipRules rules) {
                 rules.validate();
                 return PyWorkforce(std::make_shared<penata::Workforce>(std::move(units), std::move(rules)));
             }),
             py::arg("units") = penata::Units(), py::arg("rules") = penata::NipRules{})
        .def("copy", [](const PyWorkforce& w) { return PyWorkforce(std::make_shared<penata::Workforce>(w.get())); })
        .def("share", [](const PyWorkforce& w) { return PyWorkforce(w.shared()); },
             "A second handle on the same data; a change through either copies first (copy on write).")
        .def("__len__", [](const PyWorkforce& w) { return w.get().size(); })
        .def_property_readonly("units", [](const PyWorkforce& w) { return w.get().units(); },
                               "A copy of the unit tree.")
        .def_property_readonly("nip_rules", [](const PyWorkforce& w) { return w.get().nip_rules(); })
        .def("unit_count", [](const PyWorkforce& w) { return w.get().units().size(); })
        .def("unit_codes", [](const PyWorkforce& w) {
            py::list out;
            for (const auto& u : w.get().units().all()) out.append(u.code);
            return out;
        })
        .def("add_unit", [](PyWorkforce& w, std::string code, std::string name, const std::string& parent) {
                 return w.mut().add_unit(std::move(code), std::move(name), parent);
             },
             py::arg("code"), py::arg("name"), py::arg("parent_code") = "")
        .def("check", [](const PyWorkforce& w, const py::dict& d, bool replacing) {
                 std::vector<penata::Issue> issues;
                 try {
                     const auto e = employee_from_texts(texts_from_dict(d, issues, nullptr), issues);
                     return issues_to_list(w.get().check(e, -1, replacing));
                 } catch (const penata::ValidationError& err) {
                     return issues_to_list(err.issues());
                 }
             },
             py::arg("employee"), py::arg("replacing") = false,
             "Every issue the employee (a dict of field texts) would raise; [] when it is valid.")
        .def("add", [](PyWorkforce& w, const py::dict& d) {
                 std::vector<penata::Issue> issues;
                 const auto e = employee_from_texts(texts_from_dict(d, issues, nullptr), issues);
                 return w.mut().add(e);
             },
             py::arg("employee"), "Adds one employee from a dict of field texts; returns its row.")
        .def("update", [](PyWorkforce& w, const py::dict& d) {
                 if (!d.contains("nip")) throw py::key_error("the employee dict must have a 'nip'");
                 const auto& wf = w.get();
                 std::vector<penata::Issue> issues;
                 const auto nip_text = py::cast<std::string>(py::str(d["nip"]));
                 std::uint64_t nip = 0;
                 bool digits = nip_text.size() == 18;
                 for (char c : nip_text) {
                     if (c < '0' || c > '9') { digits = false; break; }
                     nip = nip * 10 + static_cast<std::uint64_t>(c - '0');
                 }
                 const auto row = digits ? wf.find(nip) : std::nullopt;
                 if (!row) throw penata::NotFoundError("no employee with NIP '" + penata::clip_value(nip_text) + "'");
                 const auto base = texts_of(wf[*row].get());
                 const auto e = employee_from_texts(texts_from_dict(d, issues, &base), issues);
                 w.mut().update(e);
             },
             py::arg("employee"),
             "Replaces the employee with the dict's NIP; fields left out keep their values.")
        .def("remove", [](PyWorkforce& w, std::uint64_t nip) { w.mut().remove(nip); }, py::arg("nip"))
        .def("remove_rows",
             [](PyWorkforce& w, const py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>& mask) {
                 auto mk = mask_of(w.get(), mask);
                 return w.mut().remove_rows(mk);
             },
             py::arg("mask"))
        .def("reserve", [](PyWorkforce& w, std::size_t n) { w.mut().reserve(n); }, py::arg("n"))
        .def("find", [](const PyWorkforce& w, std::uint64_t nip) { return w.get().find(nip); }, py::arg("nip"))
        .def("row", [](const PyWorkforce& w, std::int64_t row) {
                 const auto& wf = w.get();
                 return dict_of(texts_of(wf[check_row(wf, row)].get()));
             },
             py::arg("row"), "One employee as a dict of canonical field texts.")
        .def("select_unit", [](const PyWorkforce& w, const std::string& code, bool include_subunits) {
                 return to_numpy(w.get().select_unit(code, include_subunits));
             },
             py::arg("code"), py::arg("include_subunits") = true)
        .def("select",
             [](const PyWorkforce& w, const py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>& mask) {
                 const auto& wf = w.get();
                 return to_numpy(wf.select(mask_of(wf, mask)));
             },
             py::arg("mask"))
        .def("column", [](const PyWorkforce& w, const std::string& name) -> py::array {
                 const auto field = penata::field_from_name(name);
                 if (!field) throw py::value_error("'" + name + "' is not a canonical field");
                 if (*field == Field::name)
                     throw py::value_error("'name' is free text and has no numeric column; use names()");
                 const auto& shared = w.shared();
                 const auto view = shared->column(*field);
                 switch (view.type) {
                 case penata::ColumnType::u8:
                     return readonly_view(static_cast<const std::uint8_t*>(view.data), view.size, shared);
                 case penata::ColumnType::i32:
                     return readonly_view(static_cast<const std::int32_t*>(view.data), view.size, shared);
                 case penata::ColumnType::u32:
                     return readonly_view(static_cast<const std::uint32_t*>(view.data), view.size, shared);
                 case penata::ColumnType::u64:
                     return readonly_view(static_cast<const std::uint64_t*>(view.data), view.size, shared);
                 case penata::ColumnType::f64:
                     return readonly_view(static_cast<const double*>(view.data), view.size, shared);
                 }
                 throw std::logic_error("unknown column type");
             },
             py::arg("name"),
             "A read-only numpy view of a numeric column (no copy); it stays valid and unchanged "
             "when the workforce changes later (the workforce then copies itself).")
        .def("names",
             [](const PyWorkforce& w, std::optional<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>> rows) {
                 const auto& wf = w.get();
                 py::list out;
                 if (!rows) {
                     for (std::size_t i = 0; i < wf.size(); ++i) out.append(utf8(wf.name(i)));
                 } else {
                     const auto* r = rows->data();
                     for (py::ssize_t i = 0; i < rows->size(); ++i) out.append(utf8(wf.name(check_row(wf, r[i]))));
                 }
                 return out;
             },
             py::arg("rows") = py::none(), "The names of all rows (or of the given rows), as a list.")
        .def("position_names", [](const PyWorkforce& w) {
            py::list out;
            for (const auto& s : w.get().position_name_dictionary()) out.append(utf8(s));
            return out;
        })
        .def("memory_bytes", [](const PyWorkforce& w, bool include_names) { return w.get().memory_bytes(include_names); },
             py::arg("include_names") = true)
        .def("_shares_memory_with_views", [](const PyWorkforce& w) { return w.shared().use_count() > 1; });
}

}  // namespace penata_py
