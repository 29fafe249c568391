// penata — errors raised by the C++ core.
//
// Every failure is a penata::Error. Bad input is a ValidationError carrying one or more Issues,
// each naming the row, the field, the offending value and the rule it broke, so that a caller can
// show the user exactly what to fix. Nothing in penata silently drops, clamps or defaults input.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace penata {

/// One rule violation found in the input.
struct Issue {
    /// Data row the issue belongs to: 1 is the first data row after the header (a CSV file's
    /// record 2). -1 when the value did not come from a table (a single add or parse).
    std::int64_t row = -1;
    std::string field;    ///< canonical field name, e.g. "nip" or "golongan"; "" for the whole row
    std::string value;    ///< the offending value as given (truncated to 200 bytes)
    std::string rule;     ///< stable rule identifier, e.g. "nip.month"; listed in docs/schema.md
    std::string message;  ///< human-readable explanation

    /// "row 3, field 'nip', value '1986...': <message> [rule nip.month]"
    std::string describe() const;
};

/// Root of all penata exceptions.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Input that breaks a rule. Holds every issue found (at least one); what() describes the first
/// and says how many more there are.
class ValidationError : public Error {
public:
    explicit ValidationError(Issue issue);
    explicit ValidationError(std::vector<Issue> issues);
    const std::vector<Issue>& issues() const noexcept { return issues_; }
    const Issue& first() const noexcept { return issues_.front(); }

private:
    std::vector<Issue> issues_;
};

/// Input whose structure is wrong (a missing CSV column, a malformed quote, bad JSON).
class FormatError : public Error {
public:
    using Error::Error;
};

/// A file could not be opened, read or written.
class IoError : public Error {
public:
    using Error::Error;
};

/// A lookup (NIP, unit code) that found nothing.
class NotFoundError : public Error {
public:
    using Error::Error;
};

/// Shortens a value for an error message: at most 200 bytes, with "..." when cut.
std::string clip_value(const std::string& value);

}  // namespace penata
