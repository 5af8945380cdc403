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

bool Date::valid(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
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
