// Tagger behaviour the evaluation figures cannot show one by one.
#include "lang/tagger.h"

#include <gtest/gtest.h>

#include "text/segmenter.h"

namespace dyad {
namespace {

std::string tags(const std::string& text) {
  Doc doc;
  doc.article.text = text;
  Segmenter()(doc);
  std::vector<Pos> out(doc.tokens.size());
  Tagger(EnglishModel::shared()).tag(doc.text(), doc.tokens, out);
  std::string s;
  for (size_t i = 0; i < out.size(); ++i) s += std::string(i ? " " : "") + std::string(doc.text_of(doc.tokens[i])) + "/" + std::string(pos_name(out[i]));
  return s;
}

TEST(Tagger, NamesComeOutAsProperNounRuns) {
  EXPECT_EQ(tags("Fighters loyal to Khalifa Haftar attacked the Government of National Accord."),
            "Fighters/NNS loyal/JJ to/TO Khalifa/NNP Haftar/NNP attacked/VBD the/DT Government/NNP of/IN "
            "National/NNP Accord/NNP ./.");
}

TEST(Tagger, HyphenatedCompounds) {
  std::string t = tags("The U.N.-backed government and al-Shabaab signed a 30-day truce.");
  EXPECT_NE(t.find("U.N.-backed/JJ"), std::string::npos) << t;
  EXPECT_NE(t.find("al-Shabaab/NNP"), std::string::npos) << t;
  EXPECT_NE(t.find("30-day/JJ"), std::string::npos) << t;
}

TEST(Tagger, SentenceInitialCapitalsAreLookedUpInLowerCase) {
  std::string t = tags("Militants ambushed the convoy. Insurgents shelled the town.");
  EXPECT_NE(t.find("Militants/NNS"), std::string::npos) << t;
  EXPECT_NE(t.find("Insurgents/NNS"), std::string::npos) << t;
}

TEST(Tagger, AllCapsHeadline) {
  std::string t = tags("REBELS ATTACK ARMY BASE IN NORTHERN MALI");
  EXPECT_NE(t.find("REBELS/NNS"), std::string::npos) << t;
  EXPECT_NE(t.find("IN/IN"), std::string::npos) << t;
  EXPECT_NE(t.find("MALI/NNP"), std::string::npos) << t;
}

TEST(Tagger, PastTenseAfterASubjectAndParticipleAfterAnAuxiliary) {
  std::string t = tags("Russian police arrested students. The students were arrested by police.");
  EXPECT_NE(t.find("police/NNS arrested/VBD"), std::string::npos) << t;
  EXPECT_NE(t.find("were/VBD arrested/VBN"), std::string::npos) << t;
}

TEST(Tagger, CurlyQuotesAndClitics) {
  std::string t = tags("“We won’t retreat,” he said.");
  EXPECT_NE(t.find("“/``"), std::string::npos) << t;
  EXPECT_NE(t.find("n’t/RB"), std::string::npos) << t;
  EXPECT_NE(t.find("”/''"), std::string::npos) << t;
}

}  // namespace
}  // namespace dyad
