// Runs the sentence -> expected events tables: coding_cases.txt (format in its header) with
// dyad's default dictionaries, legacy_cases.txt with the PETRARCH-format dictionaries in
// tests/code/legacy/.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "code/coder.h"
#include "code/coding_dictionaries.h"
#include "lang/analyzer.h"
#include "test_util.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

struct Case {
  std::string table;
  std::string name;
  int line = 0;
  std::string text;
  std::string date = "2024-06-01";
  std::set<std::string> expected;  // "SRC -> TGT CODE"
  bool none = false;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::vector<Case> load_cases(const std::string& table) {
  return testing::read_case_table<Case>(
      "tests/code/" + table,
      [&](const std::string& name, int line) {
        Case c;
        c.table = table;
        c.name = name;
        c.line = line;
        return c;
      },
      [&](Case& c, const std::string& line, int number) {
        if (line == "none") c.none = true;
        else if (line.rfind("text: ", 0) == 0) c.text = line.substr(6);
        else if (line.rfind("date: ", 0) == 0) c.date = line.substr(6);
        else if (line.rfind("event: ", 0) == 0) c.expected.insert(line.substr(7));
        else ADD_FAILURE() << table << ":" << number << ": unknown line: " << line;
      });
}

const CodingDictionaries& dictionaries(const std::string& table) {
  static const auto defaults = CodingDictionaries::load(DictionarySources{});
  static const auto legacy = [] {
    DictionarySources s;
    std::string dir = testing::source_path("tests/code/legacy/");
    s.actors = {dir + "test.actors.txt"};
    s.agents = {dir + "test.agents.txt"};
    s.verbs = {dir + "test.verbs.txt"};
    s.format = DictFormat::kPetrarch;
    s.defaults = false;
    return CodingDictionaries::load(s);
  }();
  return table == "legacy_cases.txt" ? *legacy : *defaults;
}

class CodingCase : public ::testing::TestWithParam<Case> {};

TEST_P(CodingCase, CodesExactlyTheExpectedEvents) {
  const Case& c = GetParam();
  ASSERT_FALSE(c.text.empty()) << c.table << ":" << c.line << ": no text";
  ASSERT_TRUE(c.none != !c.expected.empty()) << c.table << ":" << c.line << ": give events or 'none'";
  const CodingDictionaries& d = dictionaries(c.table);
  Doc doc;
  doc.article.id = c.name;
  doc.article.text = c.text;
  doc.article.date = Date::parse_iso(c.date);
  Segmenter()(doc);
  Analyzer()(doc);
  EventCoder coder(d.matcher(), d.events(), d.cameo());
  std::vector<CodingNote> notes;
  coder.code(doc, &notes);
  std::set<std::string> got;
  for (const Event& e : doc.ext<Events>().events)
    got.insert((e.source ? e.source->code : "-") + " -> " + (e.target ? e.target->code : "-") + " " + e.cameo);
  std::string trace;
  for (const auto& n : notes) trace += "    " + n.text + "\n";
  EXPECT_EQ(got, c.expected) << c.table << ":" << c.line << ": " << c.text << "\n  coder's reasoning:\n" << trace;
}

INSTANTIATE_TEST_SUITE_P(Table, CodingCase, ::testing::ValuesIn(load_cases("coding_cases.txt")), testing::case_name<Case>);
INSTANTIATE_TEST_SUITE_P(Legacy, CodingCase, ::testing::ValuesIn(load_cases("legacy_cases.txt")), testing::case_name<Case>);

}  // namespace
}  // namespace dyad
