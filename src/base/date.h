#pragma once
// Calendar dates (proleptic Gregorian), as articles and events carry them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // "YYYY-MM-DD", or a full ISO 8601 timestamp of which the date part is taken
  // ("2019-11-25T14:03:00Z").
  static std::optional<Date> parse_iso(std::string_view s);
  // "YYYYMMDD" (PETRARCH) or "YYMMDD" (TABARI: 00-30 are 2000-2030, the rest 1931-1999).
  static std::optional<Date> parse_compact(std::string_view s);
  // Any of the above.
  static std::optional<Date> parse(std::string_view s);

  static bool valid(int year, int month, int day);
  static int days_in_month(int year, int month);
  std::string iso() const;  // "YYYY-MM-DD"

  // Days since 1970-01-01 (negative before), and back.
  int64_t days() const;
  static Date from_days(int64_t days);
  Date plus_days(int64_t n) const { return from_days(days() + n); }
  // 0 = Monday ... 6 = Sunday.
  int weekday() const;

  friend constexpr bool operator==(const Date&, const Date&) = default;
  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace dyad
