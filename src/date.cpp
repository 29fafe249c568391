#include "penata/date.hpp"

#include <cstdio>

namespace penata {

bool is_valid_date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}
}  // namespace

std::optional<std::int32_t> parse_date(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
    if (!is_valid_date(y, m, d)) return std::nullopt;
    return days_from_civil(y, m, d);
}

std::optional<std::int32_t> parse_year_month(std::string_view s) {
    int y = 0, m = 0;
    if (s.size() != 7 || s[4] != '-') return std::nullopt;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || m < 1 || m > 12) return std::nullopt;
    return month_index(y, m);
}

std::string format_date(std::int32_t days) {
    const CivilDate c = civil_from_days(days);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

std::string format_year_month(std::int32_t months) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year_of_month_index(months), month_of_month_index(months));
    return buf;
}

}  // namespace penata
