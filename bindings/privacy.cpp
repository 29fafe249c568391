// penata._core — pseudonymisation (HMAC-SHA-256 tokens) and disclosure checks.
#include "common.hpp"
#include "penata/privacy.hpp"

namespace penata_py {

namespace {

using U64 = py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>;
using U32 = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>;

// Fixed-width byte strings (numpy dtype S<width>) over a std::string, without a copy.
py::array token_array(std::string&& tokens, std::size_t n, unsigned width) {
    auto* owned = new std::string(std::move(tokens));
    py::capsule base(owned, [](void* p) { delete static_cast<std::string*>(p); });
    return py::array(py::dtype("S" + std::to_string(width)), {static_cast<py::ssize_t>(n)},
                     {static_cast<py::ssize_t>(width)}, owned->data(), base);
}

py::dict check_to_dict(const penata::DisclosureCheck& c, std::size_t columns) {
    py::dict d;
    d["k"] = c.k;
    d["records"] = c.records;
    d["groups"] = c.groups;
    d["smallest"] = c.smallest;
    std::vector<std::uint32_t> values;
    std::vector<std::uint64_t> counts;
    values.reserve(c.below_k.size() * columns);
    for (const auto& g : c.below_k) {
        values.insert(values.end(), g.values.begin(), g.values.end());
        counts.push_back(g.count);
    }
    d["values"] = to_numpy(std::move(values)).reshape({static_cast<py::ssize_t>(c.below_k.size()),
                                                       static_cast<py::ssize_t>(columns)});
    d["counts"] = to_numpy(std::move(counts));
    return d;
}

penata::DateDetail date_detail(const std::string& text, const char* field) {
    if (text == "year") return penata::DateDetail::year;
    if (text == "age_band") return penata::DateDetail::age_band;
    if (text == "drop") return penata::DateDetail::drop;
    throw penata::ValidationError(penata::Issue{-1, field, penata::clip_value(text), std::string("privacy.") + field,
                                                "must be one of year|age_band|drop"});
}

}  // namespace

void register_privacy(py::module_& m) {
    py::class_<penata::PseudonymKey>(m, "PseudonymKey", "A pseudonymisation key (at least 32 bytes; never shown).")
        .def(py::init([](const py::bytes& key) { return penata::PseudonymKey(std::string(key)); }), py::arg("key"))
        .def("__repr__", [](const penata::PseudonymKey&) { return std::string("<penata._core.PseudonymKey (hidden)>"); })
        .def("__reduce__", [](const penata::PseudonymKey&) -> py::object {
            throw py::type_error("a pseudonymisation key is never pickled or saved: pass it to each process yourself");
        });

    m.def("hmac_sha256", [](const py::bytes& key, const py::bytes& message) {
        const auto mac = penata::hmac_sha256(std::string(key), std::string(message));
        return py::bytes(reinterpret_cast<const char*>(mac.data()), mac.size());
    }, py::arg("key"), py::arg("message"));

    m.def("nip_tokens", [](const penata::PseudonymKey& key, const U64& nips, unsigned token_bits) {
        penata::check_token_bits(token_bits);
        const std::size_t n = static_cast<std::size_t>(nips.size()), width = token_bits / 4;
        std::string out(n * width, '\0');
        {
            py::gil_scoped_release nogil;
            penata::nip_tokens(key, nips.data(), n, out.data(), token_bits);
        }
        return token_array(std::move(out), n, static_cast<unsigned>(width));
    }, py::arg("key"), py::arg("nips"), py::arg("token_bits") = 128);

    m.def("pseudonymise", [](PyWorkforce& w, const penata::PseudonymKey& key, unsigned token_bits,
                             const std::string& birth, const std::string& tmt, std::int32_t as_of, unsigned band_years,
                             bool keep_position_name) {
        penata::PseudonymOptions o;
        o.token_bits = token_bits;
        o.birth = date_detail(birth, "birth");
        o.tmt = date_detail(tmt, "tmt");
        o.as_of = as_of;
        o.band_years = band_years;
        o.keep_position_name = keep_position_name;
        const penata::Workforce& wf = w.get();
        penata::PseudonymisedWorkforce p;
        {
            PyWorkforce::Busy busy(w);
            py::gil_scoped_release nogil;
            p = penata::pseudonymise(wf, key, o);
        }
        py::dict d;
        const std::size_t n = p.size();
        d["token"] = token_array(std::move(p.tokens), n, p.token_width);
        if (!p.birth.empty()) d["birth"] = to_numpy(std::move(p.birth));
        if (!p.tmt_year.empty()) d["tmt_year"] = to_numpy(std::move(p.tmt_year));
        for (auto& [name, col] : {std::pair{"employment_type", &p.employment_type}, std::pair{"gender", &p.gender},
                                  std::pair{"golongan", &p.golongan}, std::pair{"position_class", &p.position_class},
                                  std::pair{"position_level", &p.position_level}, std::pair{"education", &p.education},
                                  std::pair{"discipline", &p.discipline}})
            d[name] = to_numpy(std::move(*col));
        d["unit"] = to_numpy(std::move(p.unit));
        d["unit_codes"] = p.unit_codes;
        d["training_hours"] = to_numpy(std::move(p.training_hours));
        if (keep_position_name) d["position_name"] = p.position_names;
        return d;
    }, py::arg("workforce"), py::arg("key"), py::arg("token_bits") = 128, py::arg("birth") = "year",
       py::arg("tmt") = "year", py::arg("as_of") = 0, py::arg("band_years") = 5, py::arg("keep_position_name") = false);

    m.def("group_sizes", [](const std::vector<U32>& columns, std::uint64_t k) {
        std::vector<std::vector<std::uint32_t>> cols;
        for (const auto& c : columns) cols.emplace_back(c.data(), c.data() + c.size());
        penata::DisclosureCheck check;
        {
            py::gil_scoped_release nogil;
            check = penata::group_sizes(cols, k);
        }
        return check_to_dict(check, cols.size());
    }, py::arg("columns"), py::arg("k"));

    m.def("disclosure_check", [](PyWorkforce& w, const std::vector<int>& qi, std::uint64_t k, std::int32_t as_of,
                                 unsigned band_years) {
        std::vector<penata::QuasiIdentifier> q;
        for (int v : qi) {
            if (v < 0 || v > static_cast<int>(penata::QuasiIdentifier::birth_year))
                throw py::value_error("unknown quasi-identifier code " + std::to_string(v));
            q.push_back(static_cast<penata::QuasiIdentifier>(v));
        }
        const penata::Workforce& wf = w.get();
        penata::DisclosureCheck check;
        {
            PyWorkforce::Busy busy(w);
            py::gil_scoped_release nogil;
            check = penata::disclosure_check(wf, q, k, as_of, band_years);
        }
        return check_to_dict(check, q.size());
    }, py::arg("workforce"), py::arg("quasi_identifiers"), py::arg("k") = 5, py::arg("as_of") = 0,
       py::arg("band_years") = 5);
    m.attr("QUASI_IDENTIFIERS") = std::vector<std::string>{"unit_code", "golongan", "gender", "age_band", "education",
                                                          "employment_type", "position_class", "position_level",
                                                          "birth_year"};
    m.attr("NIP_TOKEN_DOMAIN") = std::string(penata::kNipTokenDomain);
}

}  // namespace penata_py
