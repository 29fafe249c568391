// penata — CSV exchange of the canonical schema (docs/schema.md).
//
// RFC 4180 CSV in UTF-8 (a leading BOM is accepted): a header row naming the canonical columns in
// any order, quoted fields may hold commas, quotes and newlines. Parsing is done by libcsv.
// Import validates every row. In `raise` mode the first bad row throws ValidationError; in
// `collect` mode the good rows load and every bad one is reported, field by field. Nothing is
// silently dropped, clamped or defaulted: unknown columns are listed in the report.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "penata/error.hpp"
#include "penata/units.hpp"
#include "penata/workforce.hpp"

namespace penata {

/// What import does with a bad row.
enum class OnError : std::uint8_t {
    raise = 0,    ///< throw ValidationError at the first bad row; nothing is added
    collect = 1,  ///< add the good rows, report every bad one
};

struct CsvOptions {
    OnError on_error = OnError::raise;
    /// When true, a unit_code not in the workforce's unit tree is added as a top-level unit
    /// (named by its code) and listed in ImportReport::created_units; when false it is an error
    /// (rule "unit_code.known").
    bool create_missing_units = false;
    /// 1: parse and validate on the calling thread. 0 (the default): when the machine has more
    /// than one core, libcsv tokenizes on a second thread while the calling thread validates.
    /// The result is the same either way.
    unsigned threads = 0;
};

/// What an import did.
struct ImportReport {
    std::size_t rows_read = 0;      ///< data rows seen (the header is not counted)
    std::size_t rows_loaded = 0;    ///< rows added to the workforce
    std::size_t rows_rejected = 0;  ///< rows refused (each has at least one issue)
    std::vector<Issue> issues;      ///< every rejection, in row order, one per bad field
    std::vector<std::string> unknown_columns;  ///< header names that are not canonical fields
    std::vector<std::string> created_units;    ///< unit codes added (create_missing_units)
};

/// Imports CSV text into `into` (appending). Throws FormatError for a structural problem (no
/// header, a missing or duplicated column, a stray or unterminated quote) and ValidationError
/// for a bad row in raise mode (a row with the wrong number of fields is a bad row, rule
/// "row.field_count"). Whenever it throws, in either mode, the workforce (rows and units) is
/// left as it was.
ImportReport read_csv(std::istream& in, Workforce& into, const CsvOptions& options = {});
ImportReport read_csv_text(std::string_view text, Workforce& into, const CsvOptions& options = {});
/// As read_csv, from a file; throws IoError when it cannot be read.
ImportReport read_csv_file(const std::string& path, Workforce& into, const CsvOptions& options = {});

/// Writes the canonical header and one row per employee, in row order.
void write_csv(std::ostream& out, const Workforce& wf);
/// As write_csv, to a file (written to a temporary file and renamed); throws IoError.
void write_csv_file(const std::string& path, const Workforce& wf);

/// Units as CSV: columns code, name, parent_code (empty for a top-level unit); a parent's row
/// must come before its children's. Throws FormatError / ValidationError naming row and field.
Units read_units_csv(std::istream& in);
Units read_units_csv_file(const std::string& path);
void write_units_csv(std::ostream& out, const Units& units);
void write_units_csv_file(const std::string& path, const Units& units);

}  // namespace penata
