#include "lang/lemmatizer.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace dyad {
namespace {

const EnglishModel& model() { return EnglishModel::shared(); }

std::string lemma(std::string_view word, Pos pos) {
  std::string out;
  Lemmatizer(model()).lemma(word, pos, out);
  return out;
}

TEST(Lemmatizer, IrregularFormsFromWordNetLists) {
  EXPECT_EQ(lemma("met", Pos::VBD), "meet");
  EXPECT_EQ(lemma("withdrew", Pos::VBD), "withdraw");
  EXPECT_EQ(lemma("went", Pos::VBD), "go");
  EXPECT_EQ(lemma("fled", Pos::VBN), "flee");
  EXPECT_EQ(lemma("children", Pos::NNS), "child");
  EXPECT_EQ(lemma("was", Pos::VBD), "be");
}

TEST(Lemmatizer, RulesCheckedAgainstWordNet) {
  EXPECT_EQ(lemma("militias", Pos::NNS), "militia");
  EXPECT_EQ(lemma("talks", Pos::NNS), "talk");
  EXPECT_EQ(lemma("talks", Pos::VBZ), "talk");
  EXPECT_EQ(lemma("seized", Pos::VBD), "seize");
  EXPECT_EQ(lemma("attacked", Pos::VBN), "attack");
  EXPECT_EQ(lemma("attacking", Pos::VBG), "attack");
  EXPECT_EQ(lemma("ceasefires", Pos::NNS), "ceasefire");
  EXPECT_EQ(lemma("larger", Pos::JJR), "large");
}

TEST(Lemmatizer, CaseAndProperNouns) {
  EXPECT_EQ(lemma("Talks", Pos::NNS), "talk");
  EXPECT_EQ(lemma("Libya", Pos::NNP), "Libya");
  EXPECT_EQ(lemma("Americans", Pos::NNPS), "Americans");
  EXPECT_EQ(lemma("bus", Pos::NN), "bus");  // base forms are not stripped
}

TEST(Lemmatizer, UnknownWordsFallBackToPlainRules) {
  EXPECT_EQ(lemma("houthified", Pos::VBD), "houthify");  // not in WordNet
  EXPECT_EQ(lemma("peshmergas", Pos::NNS), "peshmerga");
}

TEST(Lemmatizer, ContractionsAndModals) {
  EXPECT_EQ(lemma("n't", Pos::RB), "not");
  EXPECT_EQ(lemma("wo", Pos::MD), "will");
  EXPECT_EQ(lemma("'s", Pos::VBZ), "be");
  EXPECT_EQ(lemma("'ve", Pos::VBP), "have");
}

TEST(EnglishModel, LoadsThePackageData) {
  const EnglishModel& m = model();
  EXPECT_GT(m.lexicon_size(), 40000u);
  EXPECT_GT(m.wordnet_size(), 140000u);
  EXPECT_FALSE(m.lexicon("the").empty());
  EXPECT_TRUE(m.lexicon("Haftar").empty());
  EXPECT_TRUE(m.in_wordnet("militia", WordClass::kNoun));
  EXPECT_EQ(m.irregular_base("withdrew", WordClass::kVerb), "withdraw");
  EXPECT_GT(m.transition(Pos::DT, Pos::NN), m.transition(Pos::DT, Pos::VBD));
}

TEST(EnglishModel, MissingDataNamesTheFile) {
  ModelPaths paths;
  paths.tagger_dir = "/nonexistent/tagger";
  try {
    EnglishModel::load(paths);
    FAIL() << "loaded from a missing directory";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/tagger/words.yml"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("scripts/setup"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace dyad
