// penata._core — the synthetic Bengkulu sample (SYNTHETIC DATA: no real person is described).
#include "common.hpp"
#include "penata/sample.hpp"

namespace penata_py {

void register_sample(py::module_& m) {
    m.def("bengkulu_units", &penata::bengkulu_units, "The unit tree of the synthetic Bengkulu sample.");
    m.def(
        "bengkulu_sample",
        [](std::size_t n, std::uint64_t seed, int reference_year) {
            penata::SampleOptions options;
            options.n = n;
            options.seed = seed;
            options.reference_year = reference_year;
            std::shared_ptr<penata::Workforce> wf;
            {
                py::gil_scoped_release nogil;
                wf = std::make_shared<penata::Workforce>(penata::bengkulu_sample(options));
            }
            return PyWorkforce(std::move(wf));
        },
        py::arg("n") = penata::SampleOptions{}.n, py::arg("seed") = 0, py::arg("reference_year") = 2025,
        "A synthetic workforce of n employees over bengkulu_units(); the same seed gives the same data.");
}

}  // namespace penata_py
