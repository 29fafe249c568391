// penata._core — helpers shared by the binding files (private to bindings/).
//
// Each bindings/<area>.cpp defines one register_<area>(m); module.cpp calls them in order.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "penata/codes.hpp"
#include "penata/error.hpp"
#include "penata/nip.hpp"
#include "penata/progress.hpp"
#include "penata/workforce.hpp"

namespace penata_py {

namespace py = pybind11;

void register_errors(py::module_& m);
void register_nip(py::module_& m);
void register_units(py::module_& m);
void register_workforce(py::module_& m);
void register_csv(py::module_& m);
void register_sample(py::module_& m);
void register_archive(py::module_& m);
void register_rules(py::module_& m);
void register_appraisal(py::module_& m);
void register_competency(py::module_& m);
void register_privacy(py::module_& m);

/// The Python face of a penata::Workforce.
///
/// Columns are handed to numpy without copying. Each exported array keeps a shared_ptr to the
/// Workforce it views, so the memory outlives the Python object. A mutation while such views
/// exist first copies the workforce (copy on write): the arrays stay valid, read-only snapshots,
/// and the Python object moves on to the new copy.
class PyWorkforce {
public:
    explicit PyWorkforce(std::shared_ptr<penata::Workforce> wf) : wf_(std::move(wf)) {}

    const penata::Workforce& get() const {
        check_idle();
        return *wf_;
    }
    /// The workforce, ready to change: detached from every numpy view first.
    penata::Workforce& mut() {
        check_idle();
        if (wf_.use_count() > 1) wf_ = std::make_shared<penata::Workforce>(*wf_);
        return *wf_;
    }
    const std::shared_ptr<penata::Workforce>& shared() const {
        check_idle();
        return wf_;
    }

    /// Marks the workforce busy while the GIL is released around a long call, so that another
    /// Python thread gets an error instead of a data race.
    class Busy {
    public:
        explicit Busy(PyWorkforce& w) : w_(w) {
            w_.check_idle();
            w_.busy_ = true;
        }
        ~Busy() { w_.busy_ = false; }
        Busy(const Busy&) = delete;
        Busy& operator=(const Busy&) = delete;

    private:
        PyWorkforce& w_;
    };

private:
    void check_idle() const {
        if (busy_) throw std::runtime_error("this Workforce is in use by another thread");
    }
    std::shared_ptr<penata::Workforce> wf_;
    bool busy_ = false;
};

/// A read-only numpy array over `n` elements at `data`, whose base keeps `owner` alive.
template <class T, class Owner>
py::array readonly_view(const T* data, std::size_t n, std::shared_ptr<Owner> owner) {
    py::array out;
    if (n == 0) {
        out = py::array_t<T>(0);
    } else {
        auto* keep = new std::shared_ptr<const void>(std::move(owner));
        py::capsule base(keep, [](void* p) { delete static_cast<std::shared_ptr<const void>*>(p); });
        out = py::array(py::dtype::of<T>(), {static_cast<py::ssize_t>(n)},
                        {static_cast<py::ssize_t>(sizeof(T))}, data, base);
    }
    out.attr("flags").attr("writeable") = false;
    return out;
}

/// Moves a vector into a numpy array without copying its elements (the array owns it).
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& v) {
    auto* owned = new std::vector<T>(std::move(v));
    py::capsule base(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return py::array_t<T>({static_cast<py::ssize_t>(owned->size())}, {static_cast<py::ssize_t>(sizeof(T))},
                          owned->data(), base);
}

/// The text names of an enum, in code order, as a Python list.
template <class E>
py::list names_of() {
    py::list out;
    for (auto name : penata::EnumNames<E>::names) out.append(py::str(name.data(), name.size()));
    return out;
}

/// The exact enum text to its code; ValidationError (rule "<field>.known") otherwise.
template <class E>
E code_of(const std::string& text, const char* field) {
    if (auto v = penata::from_text<E>(text)) return *v;
    std::string known;
    for (auto n : penata::EnumNames<E>::names) known += (known.empty() ? "" : "|") + std::string(n);
    throw penata::ValidationError(penata::Issue{-1, field, penata::clip_value(text), std::string(field) + ".known",
                                                "must be one of " + known});
}

/// An Issue as the dict the Python layer uses: row, field, value, rule, message.
py::dict issue_to_dict(const penata::Issue& issue);
py::list issues_to_list(const std::vector<penata::Issue>& issues);

/// Runs f(progress) with the GIL released. At each progress step the GIL is taken back to check
/// for Ctrl-C (PyErr_CheckSignals) and to call `callback(done, total)` (a Python callable or
/// None; returning False cancels). Ctrl-C raises KeyboardInterrupt, an exception raised by the
/// callback propagates as itself, and a cancel raises penata.CancelledError. Do not touch
/// Python objects inside f.
template <class F>
auto run_with_progress(const py::object& callback, F&& f) -> decltype(f(std::declval<const penata::Progress&>())) {
    bool python_error = false;  // a Python exception is set and must be raised after the call
    penata::Progress progress;
    progress.callback = [&callback, &python_error](std::uint64_t done, std::uint64_t total) {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) return !(python_error = true);
        if (callback.is_none()) return true;
        try {
            py::object r = callback(done, total);
            return r.is_none() || r.cast<bool>();
        } catch (py::error_already_set& e) {
            e.restore();
            return !(python_error = true);
        }
    };
    try {
        py::gil_scoped_release release;
        return f(static_cast<const penata::Progress&>(progress));
    } catch (const penata::CancelledError&) {
        if (python_error) throw py::error_already_set();
        throw;
    }
}

/// "PNS" / "PPPK" to the enum; ValidationError (field employment_type) otherwise.
penata::EmploymentType employment_type_from_text(const std::string& text);

}  // namespace penata_py
