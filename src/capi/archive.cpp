// penata C API — saving and loading workforces and NIP rules as snapshots (penata/archive.hpp),
// to a file (atomic save) or to a memory buffer released with penata_free().
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "handles.hpp"
#include "penata/archive.hpp"

using namespace penata::capi;

namespace {

static_assert(static_cast<int>(penata::Encoding::portable) == PENATA_ENCODING_PORTABLE &&
              static_cast<int>(penata::Encoding::binary) == PENATA_ENCODING_BINARY);

penata::Encoding encoding_arg(int encoding) {
    if (encoding != PENATA_ENCODING_PORTABLE && encoding != PENATA_ENCODING_BINARY)
        fail(PENATA_ERR_INVALID_ARGUMENT,
             "encoding must be PENATA_ENCODING_PORTABLE (0) or PENATA_ENCODING_BINARY (1), not " +
                 std::to_string(encoding));
    return static_cast<penata::Encoding>(encoding);
}

penata::SaveOptions save_options(int encoding) {
    penata::SaveOptions options;
    options.encoding = encoding_arg(encoding);
    return options;
}

// Snapshot bytes of one object (named "object", as penata::save_object() names it) copied into
// a malloc'ed buffer for penata_free(); the outputs are written only once everything succeeded.
template <class T> void save_buffer(const T& object, int encoding, void** data_out, size_t* size_out) {
    const auto enc = encoding_arg(encoding);
    need(data_out, "data_out");
    need(size_out, "size_out");
    penata::Snapshot snapshot;
    snapshot.objects.emplace_back("object", object);
    const std::string bytes = penata::save_to_bytes(snapshot, enc);
    void* buffer = std::malloc(bytes.empty() ? 1 : bytes.size());  // released by penata_free()
    if (!buffer) throw std::bad_alloc();
    if (!bytes.empty()) std::memcpy(buffer, bytes.data(), bytes.size());
    *data_out = buffer;
    *size_out = bytes.size();
}

// The one object of type T in snapshot bytes; the messages are those of penata::load_object(),
// with "the buffer" for the path.
template <class T> T load_buffer(const void* data, size_t size) {
    if (size > 0) need(data, "data");
    const std::string_view bytes = size > 0 ? std::string_view(static_cast<const char*>(data), size) : std::string_view();
    penata::Snapshot s = penata::load_from_bytes(bytes);
    if (s.objects.size() != 1)
        throw penata::FormatError("the buffer holds " + std::to_string(s.objects.size()) +
                                  " objects, not exactly one");
    if (T* p = std::get_if<T>(&s.objects.front().second)) return std::move(*p);
    throw penata::FormatError("the buffer holds an object of another type");
}

}  // namespace

extern "C" {

int penata_workforce_save(penata_context* ctx, const penata_workforce* wf, const char* path, int encoding) {
    return guard(ctx, [&] {
        need(wf, "wf");
        need(path, "path");
        penata::save_object(path, wf->wf, save_options(encoding));
    });
}

int penata_workforce_load(penata_context* ctx, const char* path, penata_workforce** out) {
    return guard(ctx, [&] {
        need(path, "path");
        need(out, "out");
        make(out, penata::load_object<penata::Workforce>(path));
    });
}

int penata_workforce_save_to_buffer(penata_context* ctx, const penata_workforce* wf, int encoding, void** data_out,
                                    size_t* size_out) {
    return guard(ctx, [&] { save_buffer(need(wf, "wf")->wf, encoding, data_out, size_out); });
}

int penata_workforce_load_from_buffer(penata_context* ctx, const void* data, size_t size, penata_workforce** out) {
    return guard(ctx, [&] {
        need(out, "out");
        make(out, load_buffer<penata::Workforce>(data, size));
    });
}

int penata_nip_rules_save(penata_context* ctx, const penata_nip_rules* rules, const char* path, int encoding) {
    return guard(ctx, [&] {
        need(rules, "rules");
        need(path, "path");
        penata::save_object(path, rules->rules, save_options(encoding));
    });
}

int penata_nip_rules_load(penata_context* ctx, const char* path, penata_nip_rules** out) {
    return guard(ctx, [&] {
        need(path, "path");
        need(out, "out");
        make(out, penata::load_object<penata::NipRules>(path));
    });
}

int penata_nip_rules_save_to_buffer(penata_context* ctx, const penata_nip_rules* rules, int encoding,
                                    void** data_out, size_t* size_out) {
    return guard(ctx, [&] { save_buffer(need(rules, "rules")->rules, encoding, data_out, size_out); });
}

int penata_nip_rules_load_from_buffer(penata_context* ctx, const void* data, size_t size, penata_nip_rules** out) {
    return guard(ctx, [&] {
        need(out, "out");
        make(out, load_buffer<penata::NipRules>(data, size));
    });
}

}  // extern "C"
