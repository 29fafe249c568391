// penata C API — private: the handle types behind the opaque typedefs of penata.h, argument
// checks and the one exception barrier every entry point goes through.
//
// The handles are plain C++ structs wrapping the core objects, so the C API needs no
// reinterpret_cast: a `penata_workforce *` *is* the wrapper. Handles used by one file only are
// defined in that file (the competency handles in competency.cpp).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "penata/penata.h"
#include "penata/penata.hpp"

struct penata_context {
    int status = PENATA_OK;
    std::string message;
    std::vector<penata::Issue> issues;            // of the last ValidationError
    std::vector<std::string> issue_descriptions;  // describe() of each issue, same order
    penata_progress_fn progress = nullptr;
    void* progress_user = nullptr;
    std::atomic<bool> cancel{false};  // set by penata_context_cancel() from any thread
};

struct penata_nip_rules {
    penata::NipRules rules;
};

struct penata_workforce {
    penata::Workforce wf;
};

struct penata_record {
    std::array<std::string, penata::kFieldCount> text;
};

struct penata_csv_options {
    penata::CsvOptions options;
    penata::NipRules nip_rules;
};

struct penata_import_report {
    penata::ImportReport report;
    std::vector<std::string> descriptions;  // describe() of each issue, kept for borrowing
};

struct penata_ruleset {
    penata::RuleSet rules;
};

struct penata_appraisal_options {
    penata::PerilakuRater rater = penata::PerilakuRater::superior_only;
    std::uint8_t months = 12;  // angka kredit period when no per-employee months are given
};

struct penata_distribution_result {
    penata::DistributionCheck check;
};

namespace penata::capi {

/// A failure detected by the adapter itself (a NULL argument, a small buffer, a missing key).
struct Failure {
    int status;
    std::string message;
};

[[noreturn]] inline void fail(int status, std::string message) {
    throw Failure{status, std::move(message)};
}

/// Refuses a NULL pointer argument, naming the parameter.
template <class T> T* need(T* p, const char* name) {
    if (!p) fail(PENATA_ERR_INVALID_ARGUMENT, std::string("argument '") + name + "' is NULL");
    return p;
}

/// Records a failure in ctx; never throws (an allocation failure leaves the message empty).
int record(penata_context* ctx, int status, const char* message) noexcept;
int record_validation(penata_context* ctx, const penata::ValidationError& e) noexcept;
/// Resets ctx to "last call succeeded" at the start of a call; cannot fail (clear() keeps memory).
inline void reset(penata_context* ctx) noexcept {
    ctx->status = PENATA_OK;
    ctx->message.clear();
    ctx->issues.clear();
    ctx->issue_descriptions.clear();
}

/// The exception barrier: runs body() and turns every exception into a status plus a message
/// in ctx. Every extern "C" function that can fail returns guard(ctx, [&] { ... }).
template <class Body> int guard(penata_context* ctx, Body&& body) noexcept {
    if (!ctx) return PENATA_ERR_INVALID_ARGUMENT;
    reset(ctx);
    try {
        body();
        return PENATA_OK;
    } catch (const Failure& f) {
        return record(ctx, f.status, f.message.c_str());
    } catch (const penata::ValidationError& e) {
        return record_validation(ctx, e);
    } catch (const penata::FormatError& e) {
        return record(ctx, PENATA_ERR_FORMAT, e.what());
    } catch (const penata::IoError& e) {
        return record(ctx, PENATA_ERR_IO, e.what());
    } catch (const penata::NotFoundError& e) {
        return record(ctx, PENATA_ERR_NOT_FOUND, e.what());
    } catch (const penata::CancelledError& e) {
        ctx->cancel.store(false);
        return record(ctx, PENATA_ERR_CANCELLED, e.what());
    } catch (const std::bad_alloc&) {
        return record(ctx, PENATA_ERR_OUT_OF_MEMORY, "out of memory");
    } catch (const std::exception& e) {
        return record(ctx, PENATA_ERR_INTERNAL, e.what());
    } catch (...) {
        return record(ctx, PENATA_ERR_INTERNAL, "unknown internal error");
    }
}

/// Creates a handle for **out, or fails; *out is written only on success.
template <class T, class... Args> void make(T** out, Args&&... args) {
    *out = new T{std::forward<Args>(args)...};
}

/// Fills a penata_issue with pointers borrowed from `issue` and `description`.
inline void fill_issue(const penata::Issue& issue, const std::string& description, penata_issue* out) {
    out->row = issue.row;
    out->field = issue.field.c_str();
    out->value = issue.value.c_str();
    out->rule = issue.rule.c_str();
    out->message = issue.message.c_str();
    out->description = description.c_str();
}

/// The Progress of a long call made with ctx: its callback and cancel flag.
inline penata::Progress progress_of(penata_context* ctx) {
    penata::Progress p;
    p.cancel = &ctx->cancel;
    if (ctx->progress)
        p.callback = [fn = ctx->progress, user = ctx->progress_user](std::uint64_t done, std::uint64_t total) {
            return fn(user, done, total) == 0;
        };
    return p;
}

/// A field id from the C API, checked.
penata::Field field_arg(int field);

}  // namespace penata::capi
