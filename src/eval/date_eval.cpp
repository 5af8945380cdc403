#include "eval/date_eval.h"

#include <fmt/format.h>

#include <fstream>

#include "base/error.h"
#include "base/strings.h"
#include "code/coder.h"
#include "enrich/dates.h"
#include "lang/analyzer.h"
#include "text/segmenter.h"

namespace dyad {

std::vector<DateCase> read_date_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot open", path));
  std::vector<DateCase> cases;
  std::string line;
  int number = 0;
  auto date_field = [&](std::string_view value) -> std::optional<Date> {
    if (value == "-") return std::nullopt;
    auto d = Date::parse_iso(value);
    if (!d) throw InputError(fmt::format("{}:{}: bad date '{}'", path, number, value));
    return d;
  };
  while (std::getline(in, line)) {
    ++number;
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.rfind("== ", 0) == 0) {
      cases.push_back({std::string(t.substr(3)), number, std::nullopt, "", std::nullopt});
      continue;
    }
    if (cases.empty()) throw InputError(fmt::format("{}:{}: a field before the first '== name'", path, number));
    size_t colon = t.find(": ");
    std::string_view key = colon == std::string_view::npos ? t : t.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? "" : trim(t.substr(colon + 2));
    if (key == "published") cases.back().published = date_field(value);
    else if (key == "text") cases.back().text = std::string(value);
    else if (key == "date") cases.back().expected = date_field(value);
    else throw InputError(fmt::format("{}:{}: unknown field '{}'", path, number, key));
  }
  for (const DateCase& c : cases)
    if (c.text.empty()) throw InputError(fmt::format("{}:{}: case '{}' has no text", path, c.line, c.name));
  return cases;
}

std::string DateScores::report() const {
  std::string out;
  for (const auto& m : misses) out += "  miss " + m + "\n";
  out += fmt::format("dates: {}/{} = {:.2f}%\n", right, cases, share());
  return out;
}

DateScores score_dates(const std::vector<DateCase>& cases, const CodingDictionaries& dictionaries) {
  Segmenter segment;
  Analyzer analyze;
  EventCoder coder(dictionaries.matcher(), dictionaries.events(), dictionaries.cameo());
  DateResolver date;
  DateScores scores;
  for (const DateCase& c : cases) {
    Doc doc;
    doc.article.id = c.name;
    doc.article.text = c.text;
    doc.article.date = c.published;
    segment(doc);
    analyze(doc);
    coder(doc);
    date(doc);
    ++scores.cases;
    const auto& events = doc.ext<Events>().events;
    std::string want = c.expected ? c.expected->iso() : "-";
    if (events.empty()) {
      scores.misses.push_back(fmt::format("{} (line {}): expected {}, but no event was coded", c.name, c.line, want));
      continue;
    }
    std::string got = events.front().date ? events.front().date->iso() : "-";
    if (got == want) ++scores.right;
    else scores.misses.push_back(fmt::format("{} (line {}): expected {}, got {}", c.name, c.line, want, got));
  }
  return scores;
}

}  // namespace dyad
