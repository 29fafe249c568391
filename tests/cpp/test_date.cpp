#include <gtest/gtest.h>

#include "penata/date.hpp"

using namespace penata;

TEST(Date, RoundTripsEveryDayOfFourCenturies) {
    for (std::int32_t d = days_from_civil(1900, 1, 1); d <= days_from_civil(2300, 12, 31); ++d) {
        const CivilDate c = civil_from_days(d);
        ASSERT_TRUE(is_valid_date(c.year, c.month, c.day));
        ASSERT_EQ(days_from_civil(c.year, c.month, c.day), d);
    }
}

TEST(Date, KnowsLeapYears) {
    EXPECT_TRUE(is_valid_date(2000, 2, 29));
    EXPECT_TRUE(is_valid_date(2024, 2, 29));
    EXPECT_FALSE(is_valid_date(1900, 2, 29));
    EXPECT_FALSE(is_valid_date(2023, 2, 29));
    EXPECT_FALSE(is_valid_date(2023, 4, 31));
    EXPECT_FALSE(is_valid_date(2023, 13, 1));
    EXPECT_FALSE(is_valid_date(2023, 0, 1));
    EXPECT_FALSE(is_valid_date(2023, 1, 0));
}

TEST(Date, ParsesAndFormatsExactly) {
    EXPECT_EQ(parse_date("1970-01-01"), 0);
    EXPECT_EQ(parse_date("1986-09-26"), days_from_civil(1986, 9, 26));
    EXPECT_EQ(format_date(days_from_civil(1986, 9, 26)), "1986-09-26");
    EXPECT_FALSE(parse_date("1986-9-26"));
    EXPECT_FALSE(parse_date("1986/09/26"));
    EXPECT_FALSE(parse_date("1986-02-30"));
    EXPECT_FALSE(parse_date(" 1986-09-26"));
    EXPECT_FALSE(parse_date(""));
    EXPECT_EQ(parse_year_month("2015-05"), month_index(2015, 5));
    EXPECT_EQ(format_year_month(month_index(2015, 5)), "2015-05");
    EXPECT_EQ(format_year_month(month_index(1969, 12)), "1969-12");
    EXPECT_FALSE(parse_year_month("2015-13"));
    EXPECT_FALSE(parse_year_month("2015-00"));
    EXPECT_FALSE(parse_year_month("2015-5"));
}
