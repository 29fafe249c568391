// penata._core — snapshots: save and load model objects (Workforce, Units, NipRules, RuleSet,
// competency framework, position standards, assessments) through the
// library's own serialization (penata/archive.hpp), to a file or to bytes (pickling).
#include "common.hpp"
#include "penata/archive.hpp"

namespace penata_py {

namespace {

penata::Encoding encoding_of(const std::string& text) {
    if (text == "portable") return penata::Encoding::portable;
    if (text == "binary") return penata::Encoding::binary;
    throw py::value_error("encoding must be 'portable' or 'binary', not '" + text + "'");
}

/// (name, core object) pairs to a Snapshot; copies the objects (a workforce copy is a few memcpys).
penata::Snapshot snapshot_of(const py::list& objects) {
    penata::Snapshot s;
    for (auto item : objects) {
        auto pair = py::cast<py::tuple>(item);
        if (pair.size() != 2) throw py::value_error("each object must be a (name, object) pair");
        auto name = py::cast<std::string>(pair[0]);
        py::handle o = pair[1];
        if (py::isinstance<PyWorkforce>(o)) s.objects.emplace_back(std::move(name), py::cast<const PyWorkforce&>(o).get());
        else if (py::isinstance<penata::Units>(o)) s.objects.emplace_back(std::move(name), py::cast<penata::Units>(o));
        else if (py::isinstance<penata::NipRules>(o)) s.objects.emplace_back(std::move(name), py::cast<penata::NipRules>(o));
        else if (py::isinstance<penata::RuleSet>(o)) s.objects.emplace_back(std::move(name), py::cast<penata::RuleSet>(o));
        else if (py::isinstance<penata::CompetencyFramework>(o))
            s.objects.emplace_back(std::move(name), py::cast<penata::CompetencyFramework>(o));
        else if (py::isinstance<penata::PositionStandards>(o))
            s.objects.emplace_back(std::move(name), py::cast<penata::PositionStandards>(o));
        else if (py::isinstance<penata::Assessments>(o))
            s.objects.emplace_back(std::move(name), py::cast<const penata::Assessments&>(o));
        else throw py::type_error("cannot save an object of type " + py::cast<std::string>(py::str(py::type::of(o).attr("__name__"))));
    }
    return s;
}

py::list objects_of(penata::Snapshot&& s) {
    py::list out;
    for (auto& [name, object] : s.objects) {
        py::object o = std::visit(
            [](auto&& v) -> py::object {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, penata::Workforce>)
                    return py::cast(PyWorkforce(std::make_shared<penata::Workforce>(std::move(v))));
                else if constexpr (std::is_same_v<T, penata::Assessments>)
                    return py::cast(std::make_shared<penata::Assessments>(std::move(v)));
                else
                    return py::cast(std::move(v));
            },
            std::move(object));
        out.append(py::make_tuple(name, o));
    }
    return out;
}

}  // namespace

void register_archive(py::module_& m) {
    m.def("save_bytes", [](const py::list& objects, const std::string& encoding) {
             const auto enc = encoding_of(encoding);
             const penata::Snapshot s = snapshot_of(objects);
             std::string bytes;
             {
                 py::gil_scoped_release release;
                 bytes = penata::save_to_bytes(s, enc);
             }
             return py::bytes(bytes);
         },
         py::arg("objects"), py::arg("encoding") = "portable",
         "The snapshot container bytes of (name, object) pairs.");
    m.def("load_bytes", [](const py::bytes& data) {
             const std::string_view bytes = data;  // a view into the immutable bytes object
             penata::Snapshot s;
             {
                 py::gil_scoped_release release;
                 s = penata::load_from_bytes(bytes);
             }
             return objects_of(std::move(s));
         },
         py::arg("data"), "(name, object) pairs from snapshot bytes.");
    m.def("save", [](const std::string& path, const py::list& objects, const std::string& encoding) {
             penata::SaveOptions o;
             o.encoding = encoding_of(encoding);
             const penata::Snapshot s = snapshot_of(objects);
             py::gil_scoped_release release;
             penata::save(path, s, o);
         },
         py::arg("path"), py::arg("objects"), py::arg("encoding") = "portable",
         "Writes a snapshot file atomically.");
    m.def("load", [](const std::string& path) {
             penata::Snapshot s;
             {
                 py::gil_scoped_release release;
                 s = penata::load(path);
             }
             return objects_of(std::move(s));
         },
         py::arg("path"), "(name, object) pairs from a snapshot file.");
    m.def("archive_info", [](const py::bytes& data) {
             const auto info = penata::inspect(std::string_view(data));
             py::dict d;
             d["container_version"] = info.container_version;
             d["encoding"] = info.encoding == penata::Encoding::binary ? "binary" : "portable";
             d["library_version"] = info.library_version;
             d["payload_length"] = info.payload_length;
             return d;
         },
         py::arg("data"), "The container header of snapshot bytes (checked, not deserialised).");
}

}  // namespace penata_py
