// Runs the table of hard splitting and tokenizing cases in segmentation_cases.txt.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

struct Case {
  std::string name;
  int line = 0;
  std::string text;
  bool has_tokens = false, has_sentences = false, has_kinds = false;
  std::vector<std::string> tokens, sentences, kinds;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  for (;;) {
    size_t next = s.find(sep, pos);
    out.push_back(s.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) return out;
    pos = next + sep.size();
  }
}

std::vector<Case> load_cases() {
  auto open = [](const std::string& name, int line) {
    Case c;
    c.name = name;
    c.line = line;
    return c;
  };
  auto read = [](Case& c, const std::string& line, int number) {
    auto field = [&](const char* key) -> const char* {
      size_t n = std::char_traits<char>::length(key);
      return line.compare(0, n, key) == 0 ? line.c_str() + n : nullptr;
    };
    if (const char* v = field("text: ")) {
      c.text = unescape(v);
    } else if (const char* v = field("tokens: ")) {
      c.has_tokens = true;
      c.tokens = split(v, " ");
    } else if (const char* v = field("sentences: ")) {
      c.has_sentences = true;
      for (auto& s : split(v, " || ")) c.sentences.push_back(unescape(s));
    } else if (const char* v = field("kinds: ")) {
      c.has_kinds = true;
      c.kinds = split(v, " ");
    } else {
      ADD_FAILURE() << "segmentation_cases.txt:" << number << ": unknown line: " << line;
    }
  };
  return testing::read_case_table<Case>("tests/text/segmentation_cases.txt", open, read);
}

class SegmentationCases : public ::testing::TestWithParam<Case> {};

TEST_P(SegmentationCases, MatchesTable) {
  const Case& c = GetParam();
  Doc doc;
  doc.article.text = c.text;
  Segmenter()(doc);
  std::string where = "segmentation_cases.txt:" + std::to_string(c.line) + " (" + c.name + ")";
  if (c.has_tokens) {
    std::vector<std::string> got;
    for (const Token& t : doc.tokens) got.emplace_back(doc.text_of(t));
    EXPECT_EQ(got, c.tokens) << where;
  }
  if (c.has_sentences) {
    std::vector<std::string> got, kinds;
    for (const Sentence& s : doc.sentences) {
      got.emplace_back(doc.text_of(s.span));
      kinds.emplace_back(kind_name(s.kind));
    }
    EXPECT_EQ(got, c.sentences) << where;
    if (c.has_kinds) {
      EXPECT_EQ(kinds, c.kinds) << where;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Table, SegmentationCases, ::testing::ValuesIn(load_cases()), testing::case_name<Case>);

TEST(SegmentationTable, HasEnoughCases) { EXPECT_GE(load_cases().size(), 60u); }

}  // namespace
}  // namespace dyad
