#include "penata/csv.hpp"

#include <csv.h>

#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <istream>
#include <mutex>
#include <ostream>
#include <thread>

#include "csv_records.hpp"
#include "file_io.hpp"
#include "penata/date.hpp"

namespace penata {

namespace {

// A block of records as libcsv delivered them: the field bytes back to back, where each field
// ends, and where each record ends (as a count of fields).
struct Batch {
    std::size_t first_record = 1;  ///< record number of the first record (the header is record 1)
    std::string bytes;
    std::vector<std::uint32_t> field_end, record_end;

    std::size_t records() const { return record_end.size(); }
    std::size_t fields_in(std::size_t r) const { return record_end[r] - (r ? record_end[r - 1] : 0); }
    std::string_view field(std::size_t r, std::size_t f) const {
        const std::size_t i = (r ? record_end[r - 1] : 0) + f;
        const std::size_t b = i ? field_end[i - 1] : 0;
        return std::string_view(bytes).substr(b, field_end[i] - b);
    }
    bool full() const { return record_end.size() >= 8192 || bytes.size() >= (1u << 22); }
    void clear(std::size_t first) {
        first_record = first;
        bytes.clear();
        field_end.clear();
        record_end.clear();
        issues.clear();
    }

    // Filled by the importer's prepare step (on the tokenizer's thread): each record parsed into
    // an Employee, and the field-level issues of record r at [issue_end[r-1], issue_end[r]).
    std::size_t data_begin = 0;  ///< records before it are the header
    std::vector<Employee> rows;
    std::vector<Issue> issues;
    std::vector<std::uint32_t> issue_end;
};

// Streams RFC 4180 records out of libcsv into batches and hands each full batch to `emit`.
// Fields are kept exactly as written (libcsv would trim spaces by default).
class Tokenizer {
public:
    using Emit = std::function<void(Batch&)>;

    explicit Tokenizer(Emit emit, bool fast_path = true) : emit_(std::move(emit)), fast_path_(fast_path) {
        if (csv_init(&p_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
        csv_set_space_func(&p_, [](unsigned char) { return 0; });
    }
    ~Tokenizer() { csv_free(&p_); }
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    // Whole lines are split here when they hold no quote and no carriage return except a final
    // one (then RFC 4180 gives exactly the comma-separated pieces); every other line goes
    // through libcsv, which also carries a quoted field across line ends.
    void feed(const char* data, std::size_t len) {
        buf_.append(data, len);
        if (first_) {  // a UTF-8 byte order mark before the header is accepted and skipped
            if (buf_.size() < 3) return;
            first_ = false;
            if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) buf_.erase(0, 3);
        }
        drain();
    }
    void finish() {
        first_ = false;  // fewer than 3 bytes in all: no byte order mark
        drain();
        if (!buf_.empty()) line(0, buf_.size());
        buf_.clear();
        const int status = csv_fini(&p_, on_field, on_record, this);
        if (pending_) std::rethrow_exception(pending_);
        if (status != 0) fail();
        if (batch_.records()) emit_(batch_);
    }

private:
    // Hands every complete line of buf_ to line() and keeps the rest.
    void drain() {
        std::size_t pos = 0;
        const char* from = buf_.data() + scanned_;  // the kept remainder holds no line end
        while (const void* nl = std::memchr(from, '\n', buf_.size() - static_cast<std::size_t>(from - buf_.data()))) {
            const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data());
            line(pos, end + 1);
            pos = end + 1;
            from = buf_.data() + pos;
        }
        buf_.erase(0, pos);
        scanned_ = buf_.size();
    }

    // One line [begin, end) of buf_, with its '\n' if it has one.
    void line(std::size_t begin, std::size_t end) {
        const char* s = buf_.data() + begin;
        std::size_t n = end - begin;
        if (!in_quotes_ && fast_path_) {
            std::size_t body = n;
            if (body && s[body - 1] == '\n') --body;
            if (body && s[body - 1] == '\r') --body;
            if (!std::memchr(s, '"', body) && !std::memchr(s, '\r', body)) {
                if (body == 0) return;  // an empty line is no record (as in libcsv)
                split(s, body);
                if (pending_) std::rethrow_exception(pending_);
                return;
            }
        }
        const std::size_t used = csv_parse(&p_, s, n, on_field, on_record, this);
        if (pending_) std::rethrow_exception(pending_);
        if (used != n) fail();
        in_quotes_ = p_.pstate != 0;  // libcsv is inside a record (a quoted line end) until it is 0
    }
    void split(const char* s, std::size_t n) {
        const char* end = s + n;
        for (const char* f = s;;) {
            const char* comma = static_cast<const char*>(std::memchr(f, ',', static_cast<std::size_t>(end - f)));
            if (!comma) {
                on_field(const_cast<char*>(f), static_cast<std::size_t>(end - f), this);
                break;
            }
            on_field(const_cast<char*>(f), static_cast<std::size_t>(comma - f), this);
            f = comma + 1;
        }
        on_record(CSV_LF, this);
    }

    // libcsv is C: nothing may unwind through it. An exception in a callback is kept and
    // rethrown when csv_parse returns; the callbacks do nothing more meanwhile.
    static void on_field(void* s, std::size_t len, void* self_) {
        auto* self = static_cast<Tokenizer*>(self_);
        if (self->pending_) return;
        try {
            auto& b = self->batch_;
            b.bytes.append(static_cast<const char*>(s), len);
            b.field_end.push_back(static_cast<std::uint32_t>(b.bytes.size()));
        } catch (...) {
            self->pending_ = std::current_exception();
        }
    }
    static void on_record(int, void* self_) {
        auto* self = static_cast<Tokenizer*>(self_);
        if (self->pending_) return;
        try {
            auto& b = self->batch_;
            b.record_end.push_back(static_cast<std::uint32_t>(b.field_end.size()));
            ++self->records_;
            if (b.full()) {
                self->emit_(b);
                b.clear(self->records_ + 1);
            }
        } catch (...) {
            self->pending_ = std::current_exception();
        }
    }
    [[noreturn]] void fail() {
        const int err = csv_error(&p_);
        throw FormatError("CSV is malformed after " +
                          (records_ == 0 ? std::string("the start of the file")
                                         : "record " + std::to_string(records_) + " (data row " +
                                               std::to_string(records_ - 1) + ")") +
                          ": " + csv_strerror(err) +
                          (err == CSV_EPARSE ? " (a quote inside an unquoted field, text after a closing quote, "
                                               "or an unterminated quote)"
                                             : ""));
    }

    csv_parser p_{};
    Emit emit_;
    Batch batch_;
    std::size_t records_ = 0;
    bool fast_path_, first_ = true, in_quotes_ = false;
    std::string buf_;          ///< input not yet split into lines
    std::size_t scanned_ = 0;  ///< bytes of buf_ known to hold no line end
    std::exception_ptr pending_;
};

using Source = std::function<void(Tokenizer&)>;
using Prepare = std::function<void(Batch&)>;
using Consume = std::function<void(const Batch&)>;

Source stream_source(std::istream& in) {
    return [&in](Tokenizer& t) {
        std::vector<char> buf(1 << 20);
        while (in) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            const auto got = static_cast<std::size_t>(in.gcount());
            if (got) t.feed(buf.data(), got);
        }
        if (in.bad()) throw IoError("read error while reading CSV");
        t.finish();
    };
}

Source text_source(std::string_view text) {
    return [text](Tokenizer& t) {
        constexpr std::size_t kChunk = 1 << 20;
        for (std::size_t pos = 0; pos < text.size(); pos += kChunk)
            t.feed(text.data() + pos, std::min(kChunk, text.size() - pos));
        t.finish();
    };
}

// Runs `source` through a Tokenizer, then `prepare` and `consume` on every batch, in order. When
// `pipelined`, tokenizing (libcsv, the larger half of the work) runs on a second thread while
// this one prepares and consumes. An exception on either side stops both and is rethrown here,
// after the batches before it were consumed.
void run_batches(const Source& source, const Prepare& prepare, const Consume& consume, bool pipelined) {
    if (!pipelined) {
        Tokenizer t([&](Batch& b) {
            prepare(b);
            consume(b);
        });
        source(t);
        return;
    }
    struct Stop {};
    std::mutex m;
    std::condition_variable cv;
    std::deque<Batch> ready;
    std::vector<Batch> spare;
    bool done = false, stop = false;
    std::exception_ptr producer_error;
    constexpr std::size_t kDepth = 4;

    std::thread producer([&] {
        try {
            Tokenizer t([&](Batch& b) {
                std::unique_lock<std::mutex> lock(m);
                cv.wait(lock, [&] { return stop || ready.size() < kDepth; });
                if (stop) throw Stop{};
                Batch next;
                if (!spare.empty()) {
                    next = std::move(spare.back());
                    spare.pop_back();
                }
                std::swap(next, b);  // the tokenizer goes on with a recycled buffer
                ready.push_back(std::move(next));
                cv.notify_all();
            });
            source(t);
        } catch (const Stop&) {
        } catch (...) {
            std::lock_guard<std::mutex> lock(m);
            producer_error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(m);
        done = true;
        cv.notify_all();
    });
    try {
        for (;;) {
            Batch b;
            {
                std::unique_lock<std::mutex> lock(m);
                cv.wait(lock, [&] { return done || !ready.empty(); });
                if (ready.empty()) break;
                b = std::move(ready.front());
                ready.pop_front();
                cv.notify_all();
            }
            prepare(b);
            consume(b);
            std::lock_guard<std::mutex> lock(m);
            spare.push_back(std::move(b));
        }
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
            cv.notify_all();
        }
        producer.join();
        throw;
    }
    producer.join();
    if (producer_error) std::rethrow_exception(producer_error);
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

}  // namespace

namespace detail {
std::vector<std::vector<std::string>> csv_records(std::string_view text, bool fast_path) {
    std::vector<std::vector<std::string>> out;
    Tokenizer t(
        [&](Batch& b) {
            for (std::size_t r = 0; r < b.records(); ++r) {
                out.emplace_back();
                for (std::size_t f = 0; f < b.fields_in(r); ++f) out.back().emplace_back(b.field(r, f));
            }
        },
        fast_path);
    text_source(text)(t);
    return out;
}
}  // namespace detail

// Turns records into employees; friend of Workforce and Units for the rollback on failure.
class CsvImporter {
public:
    CsvImporter(Workforce& wf, const CsvOptions& opt)
        : wf_(wf), opt_(opt), start_rows_(wf.size()), start_units_(wf.units().size()) {}

    ImportReport run(const Source& source) {
        try {
            const bool pipelined = opt_.threads != 1 && std::thread::hardware_concurrency() > 1;
            run_batches(source, [this](Batch& b) { prepare(b); }, [this](const Batch& b) { consume(b); }, pipelined);
            if (!header_done_) throw FormatError("CSV is empty: a header row naming the columns is required");
        } catch (...) {  // whatever fails, the workforce is left as it was
            wf_.truncate(start_rows_);
            wf_.units_.truncate(start_units_);
            throw;
        }
        return std::move(report_);
    }

private:
    // The header, then every record's fields parsed into an Employee.
    void prepare(Batch& b) {
        b.data_begin = 0;
        if (!header_done_) header(b, b.data_begin++);
        b.rows.resize(b.records());
        b.issue_end.resize(b.records());
        std::array<std::string_view, kFieldCount> text;
        for (std::size_t r = b.data_begin; r < b.records(); ++r) {
            const auto row = static_cast<std::int64_t>(b.first_record + r - 1);
            if (b.fields_in(r) != width_) {
                b.issues.push_back(Issue{row, "", std::to_string(b.fields_in(r)) + " fields", "row.field_count",
                                         "the row has " + std::to_string(b.fields_in(r)) + " fields but the header has " +
                                             std::to_string(width_)});
            } else {
                for (std::size_t f = 0; f < kFieldCount; ++f) text[f] = b.field(r, static_cast<std::size_t>(col_[f]));
                parse_employee(text, row, b.issues, b.rows[r]);
            }
            b.issue_end[r] = static_cast<std::uint32_t>(b.issues.size());
        }
    }

    // The rules between fields and against the workforce, then append.
    void consume(const Batch& b) {
        for (std::size_t r = b.data_begin; r < b.records(); ++r) {
            const auto row = static_cast<std::int64_t>(b.first_record + r - 1);
            const std::size_t first = r ? b.issue_end[r - 1] : 0;
            ++report_.rows_read;
            issues_.assign(b.issues.begin() + static_cast<std::ptrdiff_t>(first),
                           b.issues.begin() + static_cast<std::ptrdiff_t>(b.issue_end[r]));
            if (issues_.empty()) {
                if (add(b.rows[r], row)) continue;
            } else if (b.fields_in(r) == width_) {
                // Cross-field rules need every field; the unit needs only its own.
                const auto unit = b.field(r, static_cast<std::size_t>(col_[static_cast<std::size_t>(Field::unit_code)]));
                if (!opt_.create_missing_units && !unit.empty() && !wf_.units().find(unit))
                    issues_.push_back(Issue{row, "unit_code", clip_value(std::string(unit)), "unit_code.known",
                                            "unit does not exist in the unit tree"});
            }
            if (opt_.on_error == OnError::raise) throw ValidationError(issues_);
            ++report_.rows_rejected;
            for (auto& i : issues_) report_.issues.push_back(std::move(i));
        }
    }

    // Adds a row whose fields parsed; false (with issues_) when a rule between fields fails.
    bool add(const Employee& e, std::int64_t row) {
        std::uint32_t unit = wf_.check_relations(e, row, false, issues_);
        if (opt_.create_missing_units && unit == Units::kNoParent) {
            // The unknown unit is created (if the row is otherwise good) instead of refused.
            for (auto it = issues_.begin(); it != issues_.end(); ++it)
                if (it->rule == "unit_code.known") {
                    issues_.erase(it);
                    break;
                }
            if (!issues_.empty()) return false;
            try {
                unit = wf_.units_.add(e.unit_code, e.unit_code);
                report_.created_units.push_back(e.unit_code);
            } catch (const ValidationError& err) {
                Issue i = err.first();
                i.row = row;
                i.field = "unit_code";
                issues_.push_back(std::move(i));
                return false;
            }
        }
        if (!issues_.empty()) return false;
        wf_.append(e, unit);
        ++report_.rows_loaded;
        return true;
    }

    void header(const Batch& b, std::size_t r) {
        col_.fill(-1);
        std::vector<std::string> names;
        for (std::size_t i = 0; i < b.fields_in(r); ++i) names.emplace_back(b.field(r, i));
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (auto f = field_from_name(names[i])) {
                auto& slot = col_[static_cast<std::size_t>(*f)];
                if (slot >= 0)
                    throw FormatError("CSV header names column '" + names[i] + "' twice (columns " +
                                      std::to_string(slot + 1) + " and " + std::to_string(i + 1) + ")");
                slot = static_cast<int>(i);
            } else {
                report_.unknown_columns.push_back(clip_value(names[i]));
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

    Workforce& wf_;
    CsvOptions opt_;
    std::size_t start_rows_, start_units_;
    std::array<int, kFieldCount> col_{};
    std::size_t width_ = 0;
    bool header_done_ = false;
    std::vector<Issue> issues_;
    ImportReport report_;
};

ImportReport read_csv(std::istream& in, Workforce& into, const CsvOptions& options) {
    return CsvImporter(into, options).run(stream_source(in));
}

ImportReport read_csv_text(std::string_view text, Workforce& into, const CsvOptions& options) {
    return CsvImporter(into, options).run(text_source(text));
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
    detail::write_file_atomically(path, [&](std::ostream& out) { write_csv(out, wf); });
}

Units read_units_csv(std::istream& in) {
    Units units;
    static constexpr const char* kCols[3] = {"code", "name", "parent_code"};
    int col[3] = {-1, -1, -1};
    std::size_t width = 0;
    bool header = false;
    run_batches(stream_source(in), [](Batch&) {}, [&](const Batch& b) {
        for (std::size_t r = 0; r < b.records(); ++r) {
            if (!header) {
                for (std::size_t i = 0; i < b.fields_in(r); ++i) {
                    const std::string name(b.field(r, i));
                    int c = 0;
                    while (c < 3 && name != kCols[c]) ++c;
                    if (c == 3) throw FormatError("units CSV has an unknown column '" + clip_value(name) + "'; the columns are code,name,parent_code");
                    if (col[c] >= 0) throw FormatError("units CSV header names column '" + name + "' twice");
                    col[c] = static_cast<int>(i);
                }
                for (int c = 0; c < 3; ++c)
                    if (col[c] < 0) throw FormatError(std::string("units CSV header lacks required column '") + kCols[c] + "'");
                width = b.fields_in(r);
                header = true;
                continue;
            }
            const auto row = static_cast<std::int64_t>(b.first_record + r - 1);
            if (b.fields_in(r) != width)
                throw ValidationError(Issue{row, "", std::to_string(b.fields_in(r)) + " fields", "row.field_count",
                                            "the row has " + std::to_string(b.fields_in(r)) + " fields but the header has " + std::to_string(width)});
            auto f = [&](int c) { return std::string(b.field(r, static_cast<std::size_t>(col[c]))); };
            try {
                units.add(f(0), f(1), f(2));
            } catch (const ValidationError& err) {
                Issue i = err.first();
                i.row = row;
                throw ValidationError(std::move(i));
            }
        }
    }, false);
    if (!header) throw FormatError("units CSV is empty: a header row code,name,parent_code is required");
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
    detail::write_file_atomically(path, [&](std::ostream& out) { write_units_csv(out, units); });
}

}  // namespace penata
