// penata C API — workforces, their units, records (employees in text form) and column reads.
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "handles.hpp"

using namespace penata::capi;

namespace {

const char* const kColumnTypeNames[] = {"u8", "i32", "u32", "u64", "f64"};

penata::Employee employee_of(const penata_record& rec) {
    std::array<std::string_view, penata::kFieldCount> text;
    for (std::size_t i = 0; i < text.size(); ++i) text[i] = rec.text[i];
    std::vector<penata::Issue> issues;
    auto e = penata::parse_employee(text, -1, issues);
    if (!e) throw penata::ValidationError(std::move(issues));
    return std::move(*e);
}

const penata::Units::Unit& unit_at(const penata_workforce* wf, size_t index) {
    const auto& units = need(wf, "wf")->wf.units();
    if (index >= units.size())
        fail(PENATA_ERR_NOT_FOUND, "no unit " + std::to_string(index) + ": the workforce has " +
                                       std::to_string(units.size()) + " units");
    return units.all()[index];
}

// Copies one numeric column after checking that the field has element type T (`want`).
template <class T>
int copy_column(penata_context* ctx, const penata_workforce* wf, int field, T* out, size_t capacity, int want) {
    return guard(ctx, [&] {
        need(wf, "wf");
        const auto f = field_arg(field);
        const int type = penata_field_column_type(field);
        if (type != want)
            fail(PENATA_ERR_INVALID_ARGUMENT,
                 "field '" + std::string(penata::field_name(f)) + "' " +
                     (type == PENATA_COLUMN_NONE ? std::string("has no numeric column")
                                                 : "is a " + std::string(kColumnTypeNames[type]) +
                                                       " column; use penata_workforce_column_" +
                                                       kColumnTypeNames[type]));
        const auto view = wf->wf.column(f);
        if (static_cast<int>(view.type) != want) fail(PENATA_ERR_INTERNAL, "column type table disagrees with the core");
        if (capacity < view.size)
            fail(PENATA_ERR_BUFFER_TOO_SMALL, "column '" + std::string(penata::field_name(f)) + "' has " +
                                                  std::to_string(view.size) + " elements; capacity is " +
                                                  std::to_string(capacity));
        if (view.size == 0) return;
        std::memcpy(need(out, "out"), view.data, view.size * sizeof(T));
    });
}

}  // namespace

extern "C" {

int penata_workforce_create(penata_context* ctx, const penata_nip_rules* rules, penata_workforce** out) {
    return guard(ctx, [&] {
        make(need(out, "out"), penata::Workforce(penata::Units(), rules ? rules->rules : penata::NipRules{}));
    });
}

void penata_workforce_destroy(penata_workforce* wf) { delete wf; }

int penata_workforce_size(penata_context* ctx, const penata_workforce* wf, size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = need(wf, "wf")->wf.size(); });
}

int penata_workforce_add_unit(penata_context* ctx, penata_workforce* wf, const char* code, const char* name,
                              const char* parent_code, size_t* index_out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        const auto index = wf->wf.add_unit(need(code, "code"), need(name, "name"), parent_code ? parent_code : "");
        if (index_out) *index_out = index;
    });
}

int penata_workforce_unit_count(penata_context* ctx, const penata_workforce* wf, size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = need(wf, "wf")->wf.units().size(); });
}

int penata_workforce_unit_code(penata_context* ctx, const penata_workforce* wf, size_t index, const char** out) {
    return guard(ctx, [&] {
        need(out, "out");
        *out = unit_at(wf, index).code.c_str();
    });
}

int penata_workforce_unit_name(penata_context* ctx, const penata_workforce* wf, size_t index, const char** out) {
    return guard(ctx, [&] {
        need(out, "out");
        *out = unit_at(wf, index).name.c_str();
    });
}

int penata_workforce_unit_parent(penata_context* ctx, const penata_workforce* wf, size_t index, int64_t* out) {
    return guard(ctx, [&] {
        need(out, "out");
        const auto parent = unit_at(wf, index).parent;
        *out = parent == penata::Units::kNoParent ? -1 : static_cast<int64_t>(parent);
    });
}

int penata_workforce_find_unit(penata_context* ctx, const penata_workforce* wf, const char* code, size_t* out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        need(out, "out");
        const auto index = wf->wf.units().find(need(code, "code"));
        if (!index) fail(PENATA_ERR_NOT_FOUND, std::string("no unit with code '") + code + "'");
        *out = *index;
    });
}

int penata_record_create(penata_context* ctx, penata_record** out) {
    return guard(ctx, [&] { make(need(out, "out")); });
}

void penata_record_destroy(penata_record* rec) { delete rec; }

int penata_record_set(penata_context* ctx, penata_record* rec, const char* field, const char* text) {
    return guard(ctx, [&] {
        need(rec, "rec");
        need(text, "text");
        const auto f = penata::field_from_name(need(field, "field"));
        if (!f) fail(PENATA_ERR_INVALID_ARGUMENT, std::string("'") + field + "' is not a canonical field name");
        rec->text[static_cast<std::size_t>(*f)] = text;
    });
}

int penata_record_clear(penata_context* ctx, penata_record* rec) {
    return guard(ctx, [&] {
        for (auto& t : need(rec, "rec")->text) t.clear();
    });
}

int penata_workforce_add(penata_context* ctx, penata_workforce* wf, const penata_record* rec, size_t* row_out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        const auto row = wf->wf.add(employee_of(*need(rec, "rec")));
        if (row_out) *row_out = row;
    });
}

int penata_workforce_update(penata_context* ctx, penata_workforce* wf, const penata_record* rec) {
    return guard(ctx, [&] {
        need(wf, "wf");
        wf->wf.update(employee_of(*need(rec, "rec")));
    });
}

int penata_workforce_remove(penata_context* ctx, penata_workforce* wf, uint64_t nip) {
    return guard(ctx, [&] { need(wf, "wf")->wf.remove(nip); });
}

int penata_workforce_find(penata_context* ctx, const penata_workforce* wf, const char* nip, size_t* row_out) {
    return guard(ctx, [&] {
        need(wf, "wf");
        need(row_out, "row_out");
        const std::string_view text = need(nip, "nip");
        std::uint64_t value = 0;
        bool digits = text.size() == 18;
        for (char c : text) {
            digits = digits && c >= '0' && c <= '9';
            if (digits) value = value * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (!digits)
            fail(PENATA_ERR_INVALID_ARGUMENT, "NIP '" + penata::clip_value(std::string(text)) + "' is not 18 digits");
        const auto row = wf->wf.find(value);
        if (!row) fail(PENATA_ERR_NOT_FOUND, "no employee with NIP " + std::string(text));
        *row_out = *row;
    });
}

int penata_workforce_get_text(penata_context* ctx, const penata_workforce* wf, size_t row, int field, char* buf,
                              size_t capacity, size_t* needed) {
    return guard(ctx, [&] {
        need(wf, "wf");
        const auto f = field_arg(field);
        if (capacity > 0) need(buf, "buf");
        if (row >= wf->wf.size())
            fail(PENATA_ERR_NOT_FOUND, "no row " + std::to_string(row) + ": the workforce has " +
                                           std::to_string(wf->wf.size()) + " employees");
        const auto text = penata::field_text(wf->wf[row].get(), f);
        if (needed) *needed = text.size() + 1;
        if (capacity == 0) {
            if (buf == nullptr) return;  // a size query
            fail(PENATA_ERR_BUFFER_TOO_SMALL,
                 "capacity 0; the text needs " + std::to_string(text.size() + 1) + " bytes");
        }
        const auto n = std::min(text.size(), capacity - 1);
        std::memcpy(buf, text.data(), n);
        buf[n] = '\0';
        if (n < text.size())
            fail(PENATA_ERR_BUFFER_TOO_SMALL, "the text of field '" + std::string(penata::field_name(f)) + "' needs " +
                                                  std::to_string(text.size() + 1) + " bytes; capacity is " +
                                                  std::to_string(capacity));
    });
}

int penata_workforce_position_name_count(penata_context* ctx, const penata_workforce* wf, size_t* out) {
    return guard(ctx, [&] { *need(out, "out") = need(wf, "wf")->wf.position_name_dictionary().size(); });
}

int penata_workforce_position_name(penata_context* ctx, const penata_workforce* wf, size_t code, const char** out) {
    return guard(ctx, [&] {
        need(out, "out");
        const auto& names = need(wf, "wf")->wf.position_name_dictionary();
        if (code >= names.size())
            fail(PENATA_ERR_NOT_FOUND, "no position name " + std::to_string(code) + ": the dictionary has " +
                                           std::to_string(names.size()) + " entries");
        *out = names[code].c_str();
    });
}

int penata_workforce_column_u8(penata_context* ctx, const penata_workforce* wf, int field, uint8_t* out,
                               size_t capacity) {
    return copy_column(ctx, wf, field, out, capacity, PENATA_COLUMN_U8);
}

int penata_workforce_column_i32(penata_context* ctx, const penata_workforce* wf, int field, int32_t* out,
                                size_t capacity) {
    return copy_column(ctx, wf, field, out, capacity, PENATA_COLUMN_I32);
}

int penata_workforce_column_u32(penata_context* ctx, const penata_workforce* wf, int field, uint32_t* out,
                                size_t capacity) {
    return copy_column(ctx, wf, field, out, capacity, PENATA_COLUMN_U32);
}

int penata_workforce_column_u64(penata_context* ctx, const penata_workforce* wf, int field, uint64_t* out,
                                size_t capacity) {
    return copy_column(ctx, wf, field, out, capacity, PENATA_COLUMN_U64);
}

int penata_workforce_column_f64(penata_context* ctx, const penata_workforce* wf, int field, double* out,
                                size_t capacity) {
    return copy_column(ctx, wf, field, out, capacity, PENATA_COLUMN_F64);
}

}  // extern "C"
