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
/// Days since 1970-01-01 of a valid civil date (Howard Hinnant's public-domain algorithm; inline
/// because bulk generators call it per row).
inline std::int32_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
/// The civil date of a day number.
inline CivilDate civil_from_days(std::int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{yoe + era * 400 + (m <= 2), m, d};
}
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
