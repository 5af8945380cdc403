#pragma once
// Event dates against a hand-checked case table (tests/enrich/date_cases.txt): each case's text
// is coded with the default dictionaries, dated (DateResolver), and its first event's date
// compared with the expected one.
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "code/coding_dictionaries.h"

namespace dyad {

struct DateCase {
  std::string name;
  int line = 0;
  std::optional<Date> published;
  std::string text;
  std::optional<Date> expected;  // none: the event has no date
};

// Reads "== name" blocks with "published:", "text:" and "date:" lines; throws InputError
// (file:line) on a malformed one.
std::vector<DateCase> read_date_cases(const std::string& path);

struct DateScores {
  size_t cases = 0, right = 0;
  std::vector<std::string> misses;  // "name (file line): expected X, got Y"
  double share() const { return cases ? 100.0 * static_cast<double>(right) / static_cast<double>(cases) : 0.0; }
  std::string report() const;  // ends with "dates: R/N = P%"
};

DateScores score_dates(const std::vector<DateCase>& cases, const CodingDictionaries& dictionaries);

}  // namespace dyad
