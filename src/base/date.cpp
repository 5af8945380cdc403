#include "base/date.h"

#include <fmt/format.h>

namespace dyad {
namespace {

std::optional<int> digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<Date> make(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
  if (!y || !m || !d || !Date::valid(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

}  // namespace

int Date::days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool Date::valid(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil and civil_from_days.
int64_t Date::days() const {
  int64_t y = year - (month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

int Date::weekday() const {
  int64_t d = days();  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::optional<Date> Date::parse_iso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  return make(digits(s.substr(0, 4)), digits(s.substr(5, 2)), digits(s.substr(8, 2)));
}

std::optional<Date> Date::parse_compact(std::string_view s) {
  if (s.size() == 8) return make(digits(s.substr(0, 4)), digits(s.substr(4, 2)), digits(s.substr(6, 2)));
  if (s.size() == 6) {
    auto yy = digits(s.substr(0, 2));
    if (!yy) return std::nullopt;
    return make(*yy <= 30 ? 2000 + *yy : 1900 + *yy, digits(s.substr(2, 2)), digits(s.substr(4, 2)));
  }
  return std::nullopt;
}

std::optional<Date> Date::parse(std::string_view s) {
  if (auto d = parse_iso(s)) return d;
  return parse_compact(s);
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

}  // namespace dyad
