// penata C API — version, status text, memory, the context and the barrier's error recording.
#include <cstdlib>

#include "handles.hpp"

namespace penata::capi {

int record(penata_context* ctx, int status, const char* message) noexcept {
    ctx->status = status;
    try {
        ctx->message = message ? message : "";
    } catch (...) {  // out of memory while reporting: the status still says what happened
        ctx->message.clear();
    }
    return status;
}

int record_validation(penata_context* ctx, const penata::ValidationError& e) noexcept {
    ctx->status = PENATA_ERR_VALIDATION;
    try {
        ctx->issues = e.issues();
        ctx->issue_descriptions.clear();
        for (const auto& issue : ctx->issues) ctx->issue_descriptions.push_back(issue.describe());
        ctx->message = e.what();  // the first issue described, and how many more there are
    } catch (...) {
        reset(ctx);
        ctx->status = PENATA_ERR_VALIDATION;
    }
    return PENATA_ERR_VALIDATION;
}

}  // namespace penata::capi

using namespace penata::capi;

extern "C" {

const char* penata_version(void) { return penata::version(); }

const char* penata_status_string(int status) {
    switch (status) {
        case PENATA_OK: return "ok";
        case PENATA_ERR_INVALID_ARGUMENT: return "invalid argument";
        case PENATA_ERR_VALIDATION: return "validation error";
        case PENATA_ERR_FORMAT: return "format error";
        case PENATA_ERR_IO: return "i/o error";
        case PENATA_ERR_NOT_FOUND: return "not found";
        case PENATA_ERR_BUFFER_TOO_SMALL: return "buffer too small";
        case PENATA_ERR_OUT_OF_MEMORY: return "out of memory";
        case PENATA_ERR_INTERNAL: return "internal error";
        case PENATA_ERR_CANCELLED: return "cancelled";
        default: return "unknown status";
    }
}

void penata_free(void* p) { std::free(p); }

int penata_context_create(penata_context** out) {
    if (!out) return PENATA_ERR_INVALID_ARGUMENT;
    *out = new (std::nothrow) penata_context();
    return *out ? PENATA_OK : PENATA_ERR_OUT_OF_MEMORY;
}

void penata_context_destroy(penata_context* ctx) { delete ctx; }

int penata_context_last_status(const penata_context* ctx) {
    return ctx ? ctx->status : PENATA_ERR_INVALID_ARGUMENT;
}

int penata_context_set_progress(penata_context* ctx, penata_progress_fn fn, void* user) {
    if (!ctx) return PENATA_ERR_INVALID_ARGUMENT;
    ctx->progress = fn;
    ctx->progress_user = fn ? user : nullptr;
    return PENATA_OK;
}

void penata_context_cancel(penata_context* ctx) {
    if (ctx) ctx->cancel.store(true);
}

void penata_context_clear_cancel(penata_context* ctx) {
    if (ctx) ctx->cancel.store(false);
}

const char* penata_context_last_error(const penata_context* ctx) {
    return ctx ? ctx->message.c_str() : "";
}

const char* penata_context_last_error_rule(const penata_context* ctx) {
    return ctx && !ctx->issues.empty() ? ctx->issues.front().rule.c_str() : "";
}

const char* penata_context_last_error_field(const penata_context* ctx) {
    return ctx && !ctx->issues.empty() ? ctx->issues.front().field.c_str() : "";
}

size_t penata_context_issue_count(const penata_context* ctx) { return ctx ? ctx->issues.size() : 0; }

int penata_context_issue(const penata_context* ctx, size_t index, penata_issue* out) {
    // A reader: it must not overwrite the error it reads, so it reports no message.
    if (!ctx || !out || index >= ctx->issues.size() || index >= ctx->issue_descriptions.size())
        return PENATA_ERR_INVALID_ARGUMENT;
    fill_issue(ctx->issues[index], ctx->issue_descriptions[index], out);
    return PENATA_OK;
}

}  // extern "C"
