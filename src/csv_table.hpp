// penata — private: reading and writing the small CSV tables of the model files (competency
// frameworks, standards overrides, assessments, career tables, formasi) the way the workforce
// CSV is read: libcsv (RFC 4180), a leading BOM skipped, CRLF or LF, fields taken as written.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "penata/error.hpp"

namespace penata::detail {

using Fields = std::vector<std::string_view>;
using OnRecord = std::function<void(const Fields&, std::size_t)>;

/// Hands every record of `text` to `on_record` with its number (1 = the header). FormatError
/// ("<what> CSV is malformed after ...") for text that is not CSV.
void read_csv_records(std::string_view text, const char* what, const OnRecord& on_record);

/// Column positions of a header over `known` names (the first `required` of them required):
/// col[c] is the field index of known[c], or -1. Unknown, repeated and missing columns are Issues
/// (row 0 = the header, rules "<area>.column_unknown|column_duplicate|column_missing"), all
/// reported in one ValidationError.
struct Header {
    std::vector<int> col;
    std::size_t width = 0;
};
Header read_header(const Fields& names, const std::vector<std::string_view>& known, std::size_t required,
                   const std::string& area);

/// "row.field_count": the row has another number of fields than the header.
Issue field_count_issue(std::int64_t row, std::size_t got, std::size_t width);
/// A field quoted for CSV only when it needs it.
std::string quote(std::string_view s);
/// Decimal digits of v, zero-padded to `width`, at p; returns the end.
char* put_digits(char* p, std::uint64_t v, int width);
/// Exactly 18 digits (a NIP), or nullopt.
std::optional<std::uint64_t> nip_text(std::string_view t);

}  // namespace penata::detail
