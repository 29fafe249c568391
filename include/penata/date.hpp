// penata — calendar dates as compact integers.
//
// Dates are stored as days since 1970-01-01 (int32, numpy datetime64[D] compatible after
// widening) and year-months as months since 1970-01 (int32, datetime64[M] compatible). Both use
// the proleptic Gregorian calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace penata {

struct CivilDate {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31
};

/// True when year-month-day names a real calendar day (leap years included).
bool is_valid_date(int year, int month, int day);
/// Days since 1970-01-01 of a valid civil date.
std::int32_t days_from_civil(int year, int month, int day);
/// The civil date of a day number.
CivilDate civil_from_days(std::int32_t days);
/// Months since 1970-01 of a year and month 1..12.
constexpr std::int32_t month_index(int year, int month) { return (year - 1970) * 12 + (month - 1); }
/// Year of a month index.
constexpr int year_of_month_index(std::int32_t m) { return 1970 + (m >= 0 ? m / 12 : -((11 - m) / 12)); }
/// Month 1..12 of a month index.
constexpr int month_of_month_index(std::int32_t m) { return ((m % 12) + 12) % 12 + 1; }

/// Parses exactly "YYYY-MM-DD" into days since 1970-01-01; nullopt when malformed or not a real date.
std::optional<std::int32_t> parse_date(std::string_view text);
/// Parses exactly "YYYY-MM" into months since 1970-01; nullopt when malformed or month not 1..12.
std::optional<std::int32_t> parse_year_month(std::string_view text);
/// "YYYY-MM-DD"
std::string format_date(std::int32_t days);
/// "YYYY-MM"
std::string format_year_month(std::int32_t months);

}  // namespace penata
