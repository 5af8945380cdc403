#include "base/date.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Date, ParsesIsoDatesAndTimestamps) {
  EXPECT_EQ(Date::parse_iso("2019-11-25"), (Date{2019, 11, 25}));
  EXPECT_EQ(Date::parse_iso("2019-11-25T14:03:00Z"), (Date{2019, 11, 25}));
  EXPECT_EQ(Date::parse_iso("2024-02-29 08:00"), (Date{2024, 2, 29}));
}

TEST(Date, RejectsImpossibleDates) {
  for (const char* s : {"2019-02-29", "2019-13-01", "2019-00-10", "2019-04-31", "19-11-25",
                        "2019/11/25", "2019-11-25x", "", "abcd-ef-gh"})
    EXPECT_FALSE(Date::parse_iso(s)) << s;
  EXPECT_FALSE(Date::parse_compact("19951332"));
  EXPECT_FALSE(Date::parse_compact("9501"));
}

TEST(Date, CompactFormsOfPetrarchAndTabari) {
  EXPECT_EQ(Date::parse_compact("20080804"), (Date{2008, 8, 4}));
  EXPECT_EQ(Date::parse_compact("950101"), (Date{1995, 1, 1}));
  EXPECT_EQ(Date::parse_compact("000101"), (Date{2000, 1, 1}));
  EXPECT_EQ(Date::parse_compact("300101"), (Date{2030, 1, 1}));
  EXPECT_EQ(Date::parse_compact("310101"), (Date{1931, 1, 1}));
}

TEST(Date, FormatsIso) { EXPECT_EQ((Date{789, 3, 7}).iso(), "0789-03-07"); }

TEST(Date, CountsDaysAndWeekdays) {
  EXPECT_EQ((Date{1970, 1, 1}).days(), 0);
  EXPECT_EQ((Date{2019, 11, 25}).weekday(), 0);  // a Monday
  EXPECT_EQ((Date{2019, 11, 24}).weekday(), 6);  // a Sunday
  EXPECT_EQ((Date{2024, 2, 28}).plus_days(1), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2024, 3, 1}).plus_days(-1), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2019, 12, 31}).plus_days(1), (Date{2020, 1, 1}));
  EXPECT_EQ((Date{1960, 5, 4}).plus_days(0), (Date{1960, 5, 4}));
  for (int64_t d = -800000; d < 800000; d += 997) EXPECT_EQ(Date::from_days(d).days(), d);
}

}  // namespace
}  // namespace dyad
