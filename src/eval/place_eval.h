#pragma once
// Event places against a hand-checked case table (tests/enrich/place_cases.txt): each case's
// article is coded with the default dictionaries, dated and placed (PlaceResolver), and every
// event it yields must carry the expected place.
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "code/coding_dictionaries.h"
#include "enrich/places.h"

namespace dyad {

struct PlaceCase {
  int line = 0;
  std::string expected;  // a GeoNames id, an ISO alpha-3 country (placed at country level), or "-"
  std::optional<Date> published;
  std::string text;      // "\n" in the table is a line break
};

// Reads "EXPECTED<TAB>YYYY-MM-DD<TAB>TEXT" lines (# comments); throws InputError (file:line)
// on a malformed one.
std::vector<PlaceCase> read_place_cases(const std::string& path);

struct PlaceScores {
  size_t cases = 0, right = 0;
  std::vector<std::string> misses;  // "line N: expected X, got Y (text)"
  double share() const { return cases ? 100.0 * static_cast<double>(right) / static_cast<double>(cases) : 0.0; }
  std::string report() const;  // ends with "places: R/N = P%"
};

PlaceScores score_places(const std::vector<PlaceCase>& cases, const CodingDictionaries& dictionaries,
                         const Gazetteer& gazetteer = Gazetteer::shared());

}  // namespace dyad
