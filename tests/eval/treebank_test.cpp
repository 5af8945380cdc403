#include "eval/treebank.h"

#include <gtest/gtest.h>

#include "eval/analysis_eval.h"
#include "test_util.h"

namespace dyad {
namespace {

constexpr const char* kTree =
    "(ROOT (S (NP (NP (NNP Libya) (POS 's)) (JJ rival) (NNS factions)) (VP (VBD met) (PP (IN with) "
    "(NP (NP (DT the) (NN president)) (PP (IN of) (NP (NNP Egypt))))) (NP-TMP (NNP Sunday))) (. .)))";

TEST(Tree, ParsesLeavesAndLabels) {
  auto t = Tree::parse(kTree);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->leaves.size(), 12u);
  EXPECT_EQ(t->node(t->leaves[1]).label, "POS");
  EXPECT_EQ(t->node(t->leaves[1]).word, "'s");
  EXPECT_FALSE(Tree::parse("(ROOT (S (NP (NN x))"));  // unbalanced
  EXPECT_FALSE(Tree::parse("(A (B x)) (C (D y))"));   // two trees
}

TEST(Tree, BaseNounPhrasesSplitAtPossessivesAndAttachments) {
  auto t = Tree::parse(kTree);
  ASSERT_TRUE(t);
  // Libya 's | rival factions | the president | Egypt | Sunday
  auto got = t->base_noun_phrases();
  EXPECT_EQ(got.size(), 5u);
  EXPECT_EQ(got[0], (std::pair<int, int>{0, 2}));
  EXPECT_EQ(got[1], (std::pair<int, int>{2, 4}));
  EXPECT_EQ(got[2], (std::pair<int, int>{6, 8}));
  EXPECT_EQ(got[3], (std::pair<int, int>{9, 10}));
  EXPECT_EQ(got[4], (std::pair<int, int>{10, 11}));
}

TEST(Tree, MainSubjectHeadFollowsCollins) {
  auto t = Tree::parse(kTree);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->main_subject_head(), 3);  // "factions", not "'s"
  auto no_subject = Tree::parse("(ROOT (S (VP (VB Go) (NP (NN home))) (. .)))");
  ASSERT_TRUE(no_subject);
  EXPECT_FALSE(no_subject->main_subject_head());
}

TEST(Tree, DocFromTreeUsesTheLeavesAsTokens) {
  auto t = Tree::parse("(ROOT (S (NP (NNP X)) (VP (VBD said) (PRN (-LRB- -LRB-) (NN y) (-RRB- -RRB-)))))");
  ASSERT_TRUE(t);
  Doc d = doc_from_tree(*t);
  EXPECT_EQ(d.text(), "X said ( y )");
  ASSERT_EQ(d.tokens.size(), 5u);
  EXPECT_EQ(d.text_of(d.tokens[2]), "(");
  EXPECT_EQ(d.sentences.size(), 1u);
}

TEST(AnalysisEval, ScoresATree) {
  auto t = Tree::parse(kTree);
  ASSERT_TRUE(t);
  AnalysisScores s;
  score_tree(*t, Analyzer(), s);
  EXPECT_EQ(s.tokens, 12u);
  EXPECT_EQ(s.np_gold, 5u);
  EXPECT_EQ(s.subjects, 1u);
  EXPECT_GE(s.tags_correct, 11u);
  EXPECT_EQ(s.subjects_correct, 1u);
}

}  // namespace
}  // namespace dyad
