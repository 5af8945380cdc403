#include "base/utf8.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Utf8, ValidTextIsValid) {
  EXPECT_TRUE(is_valid_utf8("Erdoğan met Côte d'Ivoire's envoy — “yes”"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  EXPECT_EQ(utf8_valid_prefix("abc\xFF"), 3u);
  EXPECT_EQ(utf8_valid_prefix("ab\xC0\xAF"), 2u);          // overlong
  EXPECT_EQ(utf8_valid_prefix("a\xED\xA0\x80"), 1u);       // surrogate
  EXPECT_EQ(utf8_valid_prefix("\xF4\x90\x80\x80"), 0u);    // above U+10FFFF
  EXPECT_EQ(utf8_valid_prefix("caf\xC3"), 3u);             // truncated
}

TEST(Utf8, RepairReplacesMaximalSubpartsWithReplacementCharacter) {
  std::string s = "Tripoli \x93quoted\x94 caf\xC3";  // Windows-1252 quotes, truncated é
  EXPECT_EQ(repair_utf8(s), 3u);
  EXPECT_EQ(s, "Tripoli \xEF\xBF\xBDquoted\xEF\xBF\xBD caf\xEF\xBF\xBD");
  EXPECT_TRUE(is_valid_utf8(s));
  std::string t = "\xE2\x82";  // one maximal subpart of two bytes -> one replacement
  EXPECT_EQ(repair_utf8(t), 1u);
  EXPECT_EQ(t, "\xEF\xBF\xBD");
  std::string ok = "fine";
  EXPECT_EQ(repair_utf8(ok), 0u);
  EXPECT_EQ(ok, "fine");
}

TEST(Utf8, DecodesAndEncodesRoundTrip) {
  for (char32_t cp : {char32_t{0x41}, char32_t{0xE9}, char32_t{0x2014}, char32_t{0x1F600}}) {
    std::string s;
    append_utf8(s, cp);
    size_t i = 0;
    EXPECT_EQ(decode_utf8(s, i), cp);
    EXPECT_EQ(i, s.size());
  }
  size_t i = 0;
  EXPECT_EQ(decode_utf8("\xFF", i), kReplacementChar);
  EXPECT_EQ(i, 1u);
}

}  // namespace
}  // namespace dyad
