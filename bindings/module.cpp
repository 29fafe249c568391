// penata._core — the compiled core of the Python package. Private: the public API is the pure
// Python package `penata`, which wraps this module.
#include "common.hpp"
#include "penata/penata.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "penata._core: compiled core of the penata package (private; use `import penata`).";
    m.attr("__version__") = PENATA_VERSION_INFO;
    m.def("version", [] { return std::string(penata::version()); }, "The C++ library version.");
    penata_py::register_errors(m);
    penata_py::register_nip(m);
    penata_py::register_units(m);
    penata_py::register_workforce(m);
    penata_py::register_csv(m);
    penata_py::register_sample(m);
    penata_py::register_archive(m);
    penata_py::register_rules(m);
    penata_py::register_appraisal(m);
    penata_py::register_competency(m);
    penata_py::register_privacy(m);
}
