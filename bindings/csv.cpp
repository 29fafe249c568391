// penata._core — CSV import and export of the canonical schema. The GIL is released while the
// core reads or writes; the workforce is marked busy meanwhile.
#include <sstream>

#include "common.hpp"
#include "penata/csv.hpp"

namespace penata_py {

namespace {

penata::CsvOptions options_of(const std::string& errors, bool create_missing_units) {
    penata::CsvOptions o;
    if (errors == "raise")
        o.on_error = penata::OnError::raise;
    else if (errors == "collect")
        o.on_error = penata::OnError::collect;
    else
        throw py::value_error("errors must be 'raise' or 'collect', not '" + errors + "'");
    o.create_missing_units = create_missing_units;
    return o;
}

py::dict report_to_dict(const penata::ImportReport& r) {
    py::dict d;
    d["rows_read"] = r.rows_read;
    d["rows_loaded"] = r.rows_loaded;
    d["rows_rejected"] = r.rows_rejected;
    d["issues"] = issues_to_list(r.issues);
    d["unknown_columns"] = r.unknown_columns;
    d["created_units"] = r.created_units;
    return d;
}

}  // namespace

void register_csv(py::module_& m) {
    m.def(
        "read_csv_file",
        [](PyWorkforce& w, const std::string& path, const std::string& errors, bool create_missing_units) {
            const auto options = options_of(errors, create_missing_units);
            auto& wf = w.mut();
            penata::ImportReport report;
            {
                PyWorkforce::Busy busy(w);
                py::gil_scoped_release nogil;
                report = penata::read_csv_file(path, wf, options);
            }
            return report_to_dict(report);
        },
        py::arg("workforce"), py::arg("path"), py::arg("errors") = "raise",
        py::arg("create_missing_units") = false,
        "Appends the rows of a CSV file to the workforce; returns the import report as a dict.");
    m.def(
        "read_csv_text",
        [](PyWorkforce& w, std::string_view text, const std::string& errors, bool create_missing_units) {
            const auto options = options_of(errors, create_missing_units);
            auto& wf = w.mut();
            penata::ImportReport report;
            {
                // `text` points into the caller's str object, which the call keeps alive.
                PyWorkforce::Busy busy(w);
                py::gil_scoped_release nogil;
                report = penata::read_csv_text(text, wf, options);
            }
            return report_to_dict(report);
        },
        py::arg("workforce"), py::arg("text"), py::arg("errors") = "raise",
        py::arg("create_missing_units") = false,
        "Appends the rows of CSV text to the workforce; returns the import report as a dict.");
    m.def(
        "csv_from_columns",
        [](const std::vector<std::string>& names, const py::list& columns) {
            // RFC 4180 text from columns of str (a DataFrame's texts): far faster than pandas'
            // writer, and the reader then validates every field as it does for a file.
            if (names.size() != columns.size()) throw py::value_error("one name per column is needed");
            std::vector<py::list> cols;
            std::size_t rows = 0;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (!PyList_Check(columns[c].ptr())) throw py::type_error("each column must be a list of str");
                cols.push_back(py::reinterpret_borrow<py::list>(columns[c]));
                if (c == 0) rows = cols.back().size();
                else if (cols.back().size() != rows) throw py::value_error("columns differ in length");
            }
            std::string out;
            auto put = [&out](const char* s, std::size_t n) {
                bool quote = false;
                for (std::size_t i = 0; i < n && !quote; ++i)
                    quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
                if (!quote) return void(out.append(s, n));
                out += '"';
                for (std::size_t i = 0; i < n; ++i) {
                    if (s[i] == '"') out += '"';
                    out += s[i];
                }
                out += '"';
            };
            for (std::size_t c = 0; c < names.size(); ++c) {
                if (c) out += ',';
                put(names[c].data(), names[c].size());
            }
            out += '\n';
            for (std::size_t r = 0; r < rows; ++r) {
                for (std::size_t c = 0; c < cols.size(); ++c) {
                    if (c) out += ',';
                    PyObject* v = PyList_GET_ITEM(cols[c].ptr(), static_cast<Py_ssize_t>(r));
                    if (!PyUnicode_Check(v))
                        throw py::type_error("column '" + names[c] + "' holds a " + Py_TYPE(v)->tp_name +
                                             " in row " + std::to_string(r + 1) + "; texts are expected");
                    Py_ssize_t n = 0;
                    const char* s = PyUnicode_AsUTF8AndSize(v, &n);
                    if (!s) throw py::error_already_set();
                    put(s, static_cast<std::size_t>(n));
                }
                out += '\n';
            }
            return py::bytes(out);
        },
        py::arg("names"), py::arg("columns"), "CSV text (bytes) from lists of str, one list per column.");
    m.def(
        "write_csv_file",
        [](PyWorkforce& w, const std::string& path) {
            const auto& wf = w.get();
            PyWorkforce::Busy busy(w);
            py::gil_scoped_release nogil;
            penata::write_csv_file(path, wf);
        },
        py::arg("workforce"), py::arg("path"));
    m.def(
        "write_csv_text",
        [](PyWorkforce& w) {
            const auto& wf = w.get();
            std::string text;
            {
                PyWorkforce::Busy busy(w);
                py::gil_scoped_release nogil;
                std::ostringstream out;
                penata::write_csv(out, wf);
                text = out.str();
            }
            return py::bytes(text);
        },
        py::arg("workforce"), "The workforce as CSV (UTF-8 bytes).");
}

}  // namespace penata_py
