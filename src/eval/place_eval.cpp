#include "eval/place_eval.h"

#include <fmt/format.h>

#include <fstream>

#include "base/error.h"
#include "base/strings.h"
#include "code/coder.h"
#include "enrich/dates.h"
#include "lang/analyzer.h"
#include "text/segmenter.h"

namespace dyad {

std::vector<PlaceCase> read_place_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot open", path));
  std::vector<PlaceCase> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    size_t tab1 = t.find('\t'), tab2 = tab1 == std::string_view::npos ? tab1 : t.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos)
      throw InputError(fmt::format("{}:{}: expected EXPECTED<TAB>YYYY-MM-DD<TAB>TEXT", path, number));
    PlaceCase c;
    c.line = number;
    c.expected = std::string(trim(t.substr(0, tab1)));
    c.published = Date::parse_iso(trim(t.substr(tab1 + 1, tab2 - tab1 - 1)));
    if (!c.published) throw InputError(fmt::format("{}:{}: bad date", path, number));
    std::string_view text = trim(t.substr(tab2 + 1));
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
        c.text.push_back('\n');
        ++i;
      } else {
        c.text.push_back(text[i]);
      }
    }
    if (c.expected.empty() || c.text.empty()) throw InputError(fmt::format("{}:{}: empty field", path, number));
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string PlaceScores::report() const {
  std::string out;
  for (const auto& m : misses) out += "  miss " + m + "\n";
  out += fmt::format("places: {}/{} = {:.2f}%\n", right, cases, share());
  return out;
}

namespace {

// What the table writes for a place: its GeoNames id, the country for a country, or "-".
std::string written(const std::optional<EventPlace>& p) {
  if (!p) return "-";
  return p->geonameid ? std::to_string(p->geonameid) : p->country;
}

}  // namespace

PlaceScores score_places(const std::vector<PlaceCase>& cases, const CodingDictionaries& dictionaries,
                         const Gazetteer& gazetteer) {
  Segmenter segment;
  Analyzer analyze;
  EventCoder coder(dictionaries.matcher(), dictionaries.events(), dictionaries.cameo());
  DateResolver date;
  PlaceResolver place(gazetteer);
  PlaceScores scores;
  for (const PlaceCase& c : cases) {
    Doc doc;
    doc.article.id = fmt::format("line-{}", c.line);
    doc.article.text = c.text;
    doc.article.date = c.published;
    segment(doc);
    analyze(doc);
    coder(doc);
    date(doc);
    place(doc);
    ++scores.cases;
    const auto& events = doc.ext<Events>().events;
    std::string snippet(doc.article.text.substr(0, 70));
    for (char& ch : snippet) ch = ch == '\n' ? ' ' : ch;
    if (events.empty()) {
      scores.misses.push_back(fmt::format("line {}: expected {}, but no event was coded ({})", c.line, c.expected, snippet));
      continue;
    }
    std::string got;
    bool right = true;
    for (const Event& e : events) {
      std::string w = written(e.place);
      if (e.place) w += fmt::format(" {} [{}]", e.place->name, e.place->how);
      if (!got.empty()) got += "; ";
      got += w;
      right = right && written(e.place) == c.expected;
    }
    if (right) ++scores.right;
    else scores.misses.push_back(fmt::format("line {}: expected {}, got {} ({})", c.line, c.expected, got, snippet));
  }
  return scores;
}

}  // namespace dyad
