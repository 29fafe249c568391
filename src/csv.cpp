#include "penata/csv.hpp"

#include <csv.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <sstream>

#include "penata/date.hpp"

namespace penata {

namespace {

// Streams RFC 4180 records out of libcsv: on_record(fields, record_number) per record, where
// record 1 is the header. Spaces are kept as they are (libcsv trims them by default).
class RecordReader {
public:
    using Callback = std::function<void(const std::vector<std::string>&, std::size_t)>;

    explicit RecordReader(Callback cb) : cb_(std::move(cb)) {
        if (csv_init(&p_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
        csv_set_space_func(&p_, [](unsigned char) { return 0; });
    }
    ~RecordReader() { csv_free(&p_); }
    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;

    void feed(const char* data, std::size_t len) {
        if (first_) {  // a UTF-8 byte order mark before the header is accepted and skipped
            first_ = false;
            if (len >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) { data += 3; len -= 3; }
        }
        if (csv_parse(&p_, data, len, on_field, on_record, this) != len) fail();
    }
    void finish() {
        if (csv_fini(&p_, on_field, on_record, this) != 0) fail();
    }
    std::size_t records() const { return records_; }

private:
    static void on_field(void* s, std::size_t len, void* self_) {
        auto* self = static_cast<RecordReader*>(self_);
        if (self->n_ == self->fields_.size()) self->fields_.emplace_back();
        self->fields_[self->n_++].assign(static_cast<const char*>(s), len);
    }
    static void on_record(int, void* self_) {
        auto* self = static_cast<RecordReader*>(self_);
        self->view_.assign(self->fields_.begin(), self->fields_.begin() + static_cast<std::ptrdiff_t>(self->n_));
        ++self->records_;
        self->n_ = 0;
        self->cb_(self->view_, self->records_);
    }
    [[noreturn]] void fail() {
        const int err = csv_error(&p_);
        throw FormatError(std::string("CSV is malformed after record ") + std::to_string(records_) + " (" +
                          (records_ == 0 ? "the header" : "data row " + std::to_string(records_ - 1 + 1)) +
                          "): " + csv_strerror(err) +
                          (err == CSV_EPARSE ? " (a quote inside an unquoted field, text after a closing quote, or an unterminated quote)" : ""));
    }

    csv_parser p_{};
    Callback cb_;
    std::vector<std::string> fields_, view_;
    std::size_t n_ = 0, records_ = 0;
    bool first_ = true;
};

void pump(std::istream& in, RecordReader& reader) {
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got) reader.feed(buf.data(), got);
    }
    if (in.bad()) throw IoError("read error while reading CSV");
    reader.finish();
}

std::ifstream open_in(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open '" + path + "' for reading: " + std::strerror(errno));
    return in;
}

std::string quote(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + '"';
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& body) {
    const std::string tmp = path + ".tmp-penata";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError("cannot open '" + tmp + "' for writing: " + std::strerror(errno));
        body(out);
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            throw IoError("write error on '" + tmp + "'");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(tmp.c_str());
        throw IoError("cannot rename '" + tmp + "' to '" + path + "': " + why);
    }
}

}  // namespace

// Turns records into employees; friend of Workforce and Units for the rollback on failure.
class CsvImporter {
public:
    CsvImporter(Workforce& wf, const CsvOptions& opt)
        : wf_(wf), opt_(opt), start_rows_(wf.size()), start_units_(wf.units().size()) {}

    ImportReport run(const std::function<void(RecordReader&)>& source) {
        try {
            RecordReader reader([this](const std::vector<std::string>& f, std::size_t rec) { record(f, rec); });
            source(reader);
            if (!header_done_) throw FormatError("CSV is empty: a header row naming the columns is required");
        } catch (...) {
            if (opt_.on_error == OnError::raise) {
                wf_.truncate(start_rows_);
                wf_.units_.truncate(start_units_);
            }
            throw;
        }
        return std::move(report_);
    }

private:
    void header(const std::vector<std::string>& names) {
        col_.fill(-1);
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (auto f = field_from_name(names[i])) {
                auto& slot = col_[static_cast<std::size_t>(*f)];
                if (slot >= 0) throw FormatError("CSV header names column '" + names[i] + "' twice (columns " +
                                                 std::to_string(slot + 1) + " and " + std::to_string(i + 1) + ")");
                slot = static_cast<int>(i);
            } else {
                report_.unknown_columns.push_back(names[i]);
            }
        }
        std::string missing;
        for (std::size_t f = 0; f < kFieldCount; ++f)
            if (col_[f] < 0) missing += (missing.empty() ? "'" : ", '") + std::string(kFieldNames[f]) + "'";
        if (!missing.empty()) {
            std::string got;
            for (const auto& n : names) got += (got.empty() ? "" : ",") + clip_value(n);
            throw FormatError("CSV header lacks required column(s) " + missing + "; header is: " + got);
        }
        width_ = names.size();
        header_done_ = true;
    }

    void record(const std::vector<std::string>& fields, std::size_t rec) {
        if (!header_done_) return header(fields);
        const auto row = static_cast<std::int64_t>(rec - 1);
        ++report_.rows_read;
        issues_.clear();
        if (fields.size() != width_) {
            issues_.push_back(Issue{row, "", std::to_string(fields.size()) + " fields", "row.field_count",
                                    "the row has " + std::to_string(fields.size()) + " fields but the header has " +
                                        std::to_string(width_)});
        } else {
            std::array<std::string_view, kFieldCount> text;
            for (std::size_t f = 0; f < kFieldCount; ++f) text[f] = fields[static_cast<std::size_t>(col_[f])];
            if (!parse_employee(text, row, issues_, e_)) {
                // Cross-field rules need every field; the unit needs only its own.
                const auto unit = text[static_cast<std::size_t>(Field::unit_code)];
                if (!opt_.create_missing_units && !unit.empty() && !wf_.units().find(unit))
                    issues_.push_back(Issue{row, "unit_code", clip_value(std::string(unit)), "unit_code.known",
                                            "unit does not exist in the unit tree"});
            } else {
                auto more = wf_.check(e_, row);
                bool create_unit = false;
                for (auto& i : more) {
                    if (opt_.create_missing_units && i.rule == "unit_code.known") create_unit = true;
                    else issues_.push_back(std::move(i));
                }
                if (issues_.empty()) {
                    if (create_unit) {
                        try {
                            wf_.units_.add(e_.unit_code, e_.unit_code);
                            report_.created_units.push_back(e_.unit_code);
                        } catch (const ValidationError& err) {
                            Issue i = err.first();
                            i.row = row;
                            i.field = "unit_code";
                            issues_.push_back(std::move(i));
                        }
                    }
                    if (issues_.empty()) {
                        wf_.append(e_, *wf_.units_.find(e_.unit_code));
                        ++report_.rows_loaded;
                        return;
                    }
                }
            }
        }
        if (opt_.on_error == OnError::raise) throw ValidationError(issues_);
        ++report_.rows_rejected;
        for (auto& i : issues_) report_.issues.push_back(std::move(i));
    }

    Workforce& wf_;
    CsvOptions opt_;
    std::size_t start_rows_, start_units_;
    std::array<int, kFieldCount> col_{};
    std::size_t width_ = 0;
    bool header_done_ = false;
    Employee e_;
    std::vector<Issue> issues_;
    ImportReport report_;
};

ImportReport read_csv(std::istream& in, Workforce& into, const CsvOptions& options) {
    return CsvImporter(into, options).run([&](RecordReader& r) { pump(in, r); });
}

ImportReport read_csv_text(std::string_view text, Workforce& into, const CsvOptions& options) {
    return CsvImporter(into, options).run([&](RecordReader& r) {
        constexpr std::size_t kChunk = 1 << 20;
        for (std::size_t pos = 0; pos < text.size(); pos += kChunk)
            r.feed(text.data() + pos, std::min(kChunk, text.size() - pos));
        r.finish();
    });
}

ImportReport read_csv_file(const std::string& path, Workforce& into, const CsvOptions& options) {
    auto in = open_in(path);
    return read_csv(in, into, options);
}

void write_csv(std::ostream& out, const Workforce& wf) {
    std::string line;
    for (std::size_t f = 0; f < kFieldCount; ++f) line += (f ? "," : "") + std::string(kFieldNames[f]);
    out << line << "\r\n";
    char num[32];
    for (std::size_t r = 0; r < wf.size(); ++r) {
        const EmployeeRef e = wf[r];
        const auto type = e.employment_type();
        line.clear();
        line += format_nip(e.nip());
        line += ','; line += quote(e.name());
        line += ','; line += to_text(type);
        line += ','; line += to_text(e.gender());
        line += ','; line += format_date(e.birth_date());
        line += ','; line += format_year_month(e.tmt());
        line += ','; line += golongan_text(type, e.golongan());
        line += ','; line += to_text(e.position_class());
        line += ','; line += to_text(e.position_level());
        line += ','; line += quote(e.position_name());
        line += ','; line += quote(e.unit_code());
        line += ','; line += to_text(e.education());
        line += ',';
        line.append(num, std::to_chars(num, num + sizeof num, e.training_hours()).ptr);
        line += ','; line += to_text(e.discipline());
        line += "\r\n";
        out << line;
    }
}

void write_csv_file(const std::string& path, const Workforce& wf) {
    write_file_atomically(path, [&](std::ostream& out) { write_csv(out, wf); });
}

Units read_units_csv(std::istream& in) {
    Units units;
    int col[3] = {-1, -1, -1};
    static constexpr const char* kCols[3] = {"code", "name", "parent_code"};
    std::size_t width = 0;
    RecordReader reader([&](const std::vector<std::string>& f, std::size_t rec) {
        if (rec == 1) {
            for (std::size_t i = 0; i < f.size(); ++i) {
                bool known = false;
                for (int c = 0; c < 3; ++c)
                    if (f[i] == kCols[c]) {
                        if (col[c] >= 0) throw FormatError("units CSV header names column '" + f[i] + "' twice");
                        col[c] = static_cast<int>(i);
                        known = true;
                    }
                if (!known) throw FormatError("units CSV has an unknown column '" + clip_value(f[i]) + "'; the columns are code,name,parent_code");
            }
            for (int c = 0; c < 3; ++c)
                if (col[c] < 0) throw FormatError(std::string("units CSV header lacks required column '") + kCols[c] + "'");
            width = f.size();
            return;
        }
        const auto row = static_cast<std::int64_t>(rec - 1);
        if (f.size() != width)
            throw ValidationError(Issue{row, "", std::to_string(f.size()) + " fields", "row.field_count",
                                        "the row has " + std::to_string(f.size()) + " fields but the header has " + std::to_string(width)});
        try {
            units.add(f[static_cast<std::size_t>(col[0])], f[static_cast<std::size_t>(col[1])], f[static_cast<std::size_t>(col[2])]);
        } catch (const ValidationError& err) {
            Issue i = err.first();
            i.row = row;
            throw ValidationError(std::move(i));
        }
    });
    pump(in, reader);
    if (reader.records() == 0) throw FormatError("units CSV is empty: a header row code,name,parent_code is required");
    return units;
}

Units read_units_csv_file(const std::string& path) {
    auto in = open_in(path);
    return read_units_csv(in);
}

void write_units_csv(std::ostream& out, const Units& units) {
    out << "code,name,parent_code\r\n";
    for (std::uint32_t i = 0; i < units.size(); ++i)
        out << quote(units[i].code) << ',' << quote(units[i].name) << ',' << quote(units.parent_code(i)) << "\r\n";
}

void write_units_csv_file(const std::string& path, const Units& units) {
    write_file_atomically(path, [&](std::ostream& out) { write_units_csv(out, units); });
}

}  // namespace penata
