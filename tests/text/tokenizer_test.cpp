// Token kinds, flags and gaps (the case table checks the token texts).
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad {
namespace {

namespace tf = token_flags;

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  Tokenizer().tokenize(text, out);
  return out;
}

const Token& find(const std::vector<Token>& ts, std::string_view text, std::string_view word) {
  for (const Token& t : ts)
    if (t.text(text) == word) return t;
  static Token none;
  ADD_FAILURE() << "no token " << word;
  return none;
}

TEST(Tokenizer, KindsOfSpecialTokens) {
  std::string text = "See https://example.org/a?b=1. Write to press@un.org or @UN_News #Libya, $5 and 3.5%.";
  auto ts = tokenize(text);
  EXPECT_EQ(find(ts, text, "https://example.org/a?b=1").kind, TokenKind::kUrl);
  EXPECT_EQ(find(ts, text, "press@un.org").kind, TokenKind::kEmail);
  EXPECT_EQ(find(ts, text, "@UN_News").kind, TokenKind::kHandle);
  EXPECT_EQ(find(ts, text, "#Libya").kind, TokenKind::kHashtag);
  EXPECT_EQ(find(ts, text, "$").kind, TokenKind::kSymbol);
  EXPECT_EQ(find(ts, text, "3.5").kind, TokenKind::kNumber);
  EXPECT_EQ(find(ts, text, "%").kind, TokenKind::kSymbol);
  EXPECT_EQ(find(ts, text, "See").kind, TokenKind::kWord);
}

TEST(Tokenizer, ShapeFlags) {
  std::string text = "NATO said Gen. Haftar met U.S. envoys in al-Marj.";
  auto ts = tokenize(text);
  EXPECT_TRUE(find(ts, text, "NATO").has(tf::kAllCaps | tf::kUpperInitial));
  EXPECT_TRUE(find(ts, text, "said").has(tf::kLowerInitial));
  EXPECT_TRUE(find(ts, text, "Gen.").has(tf::kAbbrev));
  EXPECT_TRUE(find(ts, text, "Gen.").has(tf::kTitle));
  EXPECT_TRUE(find(ts, text, "U.S.").has(tf::kAbbrev));
  EXPECT_FALSE(find(ts, text, "U.S.").has(tf::kTitle));
  EXPECT_TRUE(find(ts, text, "al-Marj").has(tf::kLowerInitial));
  EXPECT_TRUE(ts.back().has(tf::kTerminal));
}

TEST(Tokenizer, GapsRecordSpacesLinesAndParagraphs) {
  std::string text = "Headline\nFirst line.\n\nSecond  paragraph's end";
  auto ts = tokenize(text);
  ASSERT_EQ(ts.size(), 8u);
  EXPECT_EQ(ts[0].gap, Gap::kParagraph);  // start of text
  EXPECT_EQ(ts[1].gap, Gap::kLine);       // First
  EXPECT_EQ(ts[2].gap, Gap::kSpace);      // line
  EXPECT_EQ(ts[3].gap, Gap::kNone);       // .
  EXPECT_EQ(ts[4].gap, Gap::kParagraph);  // Second
  EXPECT_EQ(ts[6].gap, Gap::kNone);       // 's
}

TEST(Tokenizer, SpansPointIntoTheText) {
  std::string text = "  «Oui», dit-il — Erdoğan’s aide.\r\nNext";
  auto ts = tokenize(text);
  uint32_t prev_end = 0;
  for (const Token& t : ts) {
    EXPECT_LE(prev_end, t.begin);
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, text.size());
    prev_end = t.end;
  }
  EXPECT_EQ(find(ts, text, "Erdoğan").begin, text.find("Erdoğan"));
  EXPECT_EQ(find(ts, text, "’s").kind, TokenKind::kWord);
}

TEST(Tokenizer, LongestLine) {
  std::vector<Token> out;
  auto r = Tokenizer().tokenize("short\na much longer line\r\nmid line", out);
  EXPECT_EQ(r.longest_line, 18u);
}

TEST(Tokenizer, NoBeforeANumberOnly) {
  std::string text = "No. 10 said No. The end.";
  auto ts = tokenize(text);
  EXPECT_EQ(ts[0].text(text), "No.");
  EXPECT_EQ(ts[3].text(text), "No");
  EXPECT_EQ(ts[4].text(text), ".");
}

}  // namespace
}  // namespace dyad
