// penata._core — C++ exceptions become the Python classes of penata.errors.
//
// The classes live in Python (python/penata/errors.py) so that they carry docstrings, pickle,
// and subclass the matching built-ins (ValueError, OSError, KeyError). They are looked up when
// an exception is translated, which keeps this module importable before the package is.
#include <chrono>
#include <exception>
#include <thread>

#include "penata/progress.hpp"

#include "common.hpp"

namespace penata_py {

py::dict issue_to_dict(const penata::Issue& issue) {
    py::dict d;
    d["row"] = issue.row;
    d["field"] = issue.field;
    // Values come from user input and may be cut inside a UTF-8 sequence: decode leniently.
    d["value"] = py::reinterpret_steal<py::object>(
        PyUnicode_DecodeUTF8(issue.value.data(), static_cast<py::ssize_t>(issue.value.size()), "replace"));
    d["rule"] = issue.rule;
    d["message"] = py::reinterpret_steal<py::object>(
        PyUnicode_DecodeUTF8(issue.message.data(), static_cast<py::ssize_t>(issue.message.size()), "replace"));
    return d;
}

py::list issues_to_list(const std::vector<penata::Issue>& issues) {
    py::list out;
    for (const auto& issue : issues) out.append(issue_to_dict(issue));
    return out;
}

penata::EmploymentType employment_type_from_text(const std::string& text) {
    if (auto t = penata::from_text<penata::EmploymentType>(text)) return *t;
    throw penata::ValidationError(penata::Issue{-1, "employment_type", penata::clip_value(text),
                                                "employment_type.known", "must be PNS or PPPK"});
}

namespace {

py::object decode(const char* text) {
    return py::reinterpret_steal<py::object>(
        PyUnicode_DecodeUTF8(text, static_cast<py::ssize_t>(std::char_traits<char>::length(text)), "replace"));
}

/// Raises penata.errors.<name>(message, *extra); falls back to `fallback` when the Python
/// package cannot be imported (the extension used on its own).
void raise_python(const char* name, PyObject* fallback, const char* message, py::object extra = py::none()) {
    try {
        py::object cls = py::module_::import("penata.errors").attr(name);
        py::object exc = extra.is_none() ? cls(decode(message)) : cls(decode(message), extra);
        PyErr_SetObject(cls.ptr(), exc.ptr());
    } catch (py::error_already_set&) {
        PyErr_SetString(fallback, message);
    }
}

}  // namespace

void register_errors(py::module_& m) {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const penata::ValidationError& e) {
            raise_python("ValidationError", PyExc_ValueError, e.what(), issues_to_list(e.issues()));
        } catch (const penata::FormatError& e) {
            raise_python("FormatError", PyExc_ValueError, e.what());
        } catch (const penata::IoError& e) {
            raise_python("IoError", PyExc_OSError, e.what());
        } catch (const penata::NotFoundError& e) {
            raise_python("NotFoundError", PyExc_KeyError, e.what());
        } catch (const penata::CancelledError& e) {
            raise_python("CancelledError", PyExc_RuntimeError, e.what());
        } catch (const penata::Error& e) {
            raise_python("PenataError", PyExc_RuntimeError, e.what());
        }
    });

    // For tests of the translation itself.
    m.def("_raise", [](const std::string& kind, const std::string& message) {
        if (kind == "validation")
            throw penata::ValidationError(penata::Issue{3, "nip", "x", "nip.digits", message});
        if (kind == "format") throw penata::FormatError(message);
        if (kind == "io") throw penata::IoError(message);
        if (kind == "not_found") throw penata::NotFoundError(message);
        if (kind == "cancelled") throw penata::CancelledError(message);
        throw penata::Error(message);
    });
    // For tests of progress, cancel and Ctrl-C: `steps` blocks of `ms` milliseconds each.
    m.def("_spin", [](std::uint64_t steps, unsigned ms, py::object callback) {
        return run_with_progress(callback, [&](const penata::Progress& progress) {
            for (std::uint64_t i = 0; i < steps; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                progress.step(i + 1, steps, "spin");
            }
            return steps;
        });
    }, py::arg("steps"), py::arg("ms"), py::arg("callback") = py::none());
}

}  // namespace penata_py
