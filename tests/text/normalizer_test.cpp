#include "text/normalizer.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::string norm(std::string_view s) {
  std::string out;
  append_normalized(s, out);
  return out;
}

TEST(Normalizer, FoldsCaseDiacriticsQuotesAndDashes) {
  EXPECT_EQ(norm("Erdoğan"), "erdogan");
  EXPECT_EQ(norm("CÔTE D’IVOIRE"), "cote d'ivoire");
  EXPECT_EQ(norm("“Yes” — no"), "\"yes\" - no");
  EXPECT_EQ(norm("Straße"), "strasse");
  EXPECT_EQ(norm("ﬁnal…"), "final...");          // NFKC compatibility forms
  EXPECT_EQ(norm("e\xCC\x81t\xC3\xA9"), "ete");  // decomposed and composed é
  EXPECT_EQ(norm("a\xC2\xA0""b"), "a b");        // no-break space
}

TEST(Normalizer, KeepsMarksThatCarryMeaning) {
  EXPECT_EQ(norm("Йемен"), "йемен");  // й keeps its breve (not и)
  EXPECT_EQ(norm("हिन्दी"), "हिन्दी");     // Devanagari vowel signs stay
}

TEST(Normalizer, MapsBackToOriginalBytes) {
  std::string original = "Met “Erdoğan” in Ankara";
  NormalizedText n(original);
  EXPECT_EQ(n.str(), "met \"erdogan\" in ankara");
  size_t at = n.str().find("erdogan");
  Span s = n.to_original(at, at + 7);
  EXPECT_EQ(s.of(original), "Erdoğan");
  size_t q = n.str().find('"');
  EXPECT_EQ(n.to_original(q, q + 1).of(original), "“");
  EXPECT_EQ(n.to_original(0, n.str().size()).of(original), original);
}

}  // namespace
}  // namespace dyad
