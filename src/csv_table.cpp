#include "csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <exception>
#include <new>

namespace penata::detail {

// Hands every record of `text` to `on_record` with its number (1 = the header). As the workforce
// CSV reader: a line without quotes and without a carriage return before its end is split at its
// commas here (RFC 4180 gives exactly those fields); every other line goes through libcsv, which
// also carries a quoted field across line ends. libcsv is C: an exception from the callback is
// kept and rethrown after csv_parse returns.
void read_csv_records(std::string_view text, const char* what, const OnRecord& on_record) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    struct State {
        const OnRecord* on_record;
        std::string bytes;
        std::vector<std::size_t> ends;
        Fields fields;
        std::size_t records = 0;
        std::exception_ptr error;
    } st{&on_record, {}, {}, {}, 0, nullptr};
    struct Parser {
        csv_parser p{};
        Parser() {
            if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
            csv_set_space_func(&p, [](unsigned char) { return 0; });  // no trimming
        }
        ~Parser() { csv_free(&p); }
    } parser;
    auto on_field = [](void* data, std::size_t len, void* self) {
        auto* s = static_cast<State*>(self);
        if (s->error) return;
        try {
            if (len) s->bytes.append(static_cast<const char*>(data), len);
            s->ends.push_back(s->bytes.size());
        } catch (...) {
            s->error = std::current_exception();
        }
    };
    auto on_end = [](int, void* self) {
        auto* s = static_cast<State*>(self);
        if (s->error) return;
        try {
            s->fields.clear();
            std::size_t b = 0;
            for (const std::size_t e : s->ends) s->fields.push_back(std::string_view(s->bytes).substr(b, e - b)), b = e;
            (*s->on_record)(s->fields, ++s->records);
            s->bytes.clear();
            s->ends.clear();
        } catch (...) {
            s->error = std::current_exception();
        }
    };
    auto fail = [&] {
        const int err = csv_error(&parser.p);
        throw FormatError(std::string(what) + " CSV is malformed after " +
                          (st.records == 0 ? std::string("the start of the text")
                                           : "record " + std::to_string(st.records) + " (data row " +
                                                 std::to_string(st.records - 1) + ")") +
                          ": " + csv_strerror(err) +
                          (err == CSV_EPARSE ? " (a quote inside an unquoted field, text after a closing quote, or an "
                                               "unterminated quote)"
                                             : ""));
    };
    Fields fields;
    bool in_quotes = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t nl = text.find('\n', pos);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
        const std::string_view line = text.substr(pos, end - pos);
        pos = end;
        if (!in_quotes) {
            std::string_view body = line;
            if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
            if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
            if (body.find('"') == std::string_view::npos && body.find('\r') == std::string_view::npos) {
                if (body.empty()) continue;  // an empty line is no record (as in libcsv)
                fields.clear();
                for (std::size_t f = 0;;) {
                    const std::size_t comma = body.find(',', f);
                    fields.push_back(body.substr(f, comma == std::string_view::npos ? std::string_view::npos : comma - f));
                    if (comma == std::string_view::npos) break;
                    f = comma + 1;
                }
                on_record(fields, ++st.records);
                continue;
            }
        }
        const std::size_t used = csv_parse(&parser.p, line.data(), line.size(), on_field, on_end, &st);
        if (st.error) std::rethrow_exception(st.error);
        if (used != line.size()) fail();
        in_quotes = parser.p.pstate != 0;  // inside a record (a quoted line end) until it is 0
    }
    const int status = csv_fini(&parser.p, on_field, on_end, &st);
    if (st.error) std::rethrow_exception(st.error);
    if (status != 0) fail();
}

// Decimal digits of v, zero-padded to `width`, at p; returns the end.
char* put_digits(char* p, std::uint64_t v, int width) {
    char* end = p + width;
    for (char* q = end; q != p; v /= 10) *--q = static_cast<char>('0' + v % 10);
    return end;
}

// Column positions of a header over `known` names (the first `required` of them required):
// col[c] is the field index of known[c], or -1. Unknown, repeated and missing columns are Issues
// (row 0 = the header), all reported in one ValidationError.
Header read_header(const Fields& names, const std::vector<std::string_view>& known, std::size_t required,
                   const std::string& area) {
    Header h{std::vector<int>(known.size(), -1), names.size()};
    std::vector<Issue> issues;
    std::string list;
    for (const auto k : known) list += (list.empty() ? "" : ",") + std::string(k);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string name(names[i]);
        const auto at = std::find(known.begin(), known.end(), names[i]);
        if (at == known.end()) {
            issues.push_back(Issue{0, name, clip_value(name), area + ".column_unknown",
                                   "unknown column (column " + std::to_string(i + 1) + "); the columns are " + list});
        } else if (int& slot = h.col[static_cast<std::size_t>(at - known.begin())]; slot >= 0) {
            issues.push_back(Issue{0, name, clip_value(name), area + ".column_duplicate",
                                   "the header names this column twice (columns " + std::to_string(slot + 1) + " and " +
                                       std::to_string(i + 1) + ")"});
        } else {
            slot = static_cast<int>(i);
        }
    }
    for (std::size_t c = 0; c < required; ++c)
        if (h.col[c] < 0)
            issues.push_back(Issue{0, std::string(known[c]), "", area + ".column_missing", "the header lacks this required column"});
    if (!issues.empty()) throw ValidationError(std::move(issues));
    return h;
}

Issue field_count_issue(std::int64_t row, std::size_t got, std::size_t width) {
    return Issue{row, "", std::to_string(got) + " fields", "row.field_count",
                 "the row has " + std::to_string(got) + " fields but the header has " + std::to_string(width)};
}

std::string quote(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string q = "\"";
    for (const char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + '"';
}

// Exactly 18 digits.
std::optional<std::uint64_t> nip_text(std::string_view t) {
    if (t.size() != 18) return std::nullopt;
    std::uint64_t v = 0;
    for (const char c : t) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
}


}  // namespace penata::detail
