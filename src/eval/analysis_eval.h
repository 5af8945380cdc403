#pragma once
// Scores English analysis against Penn Treebank trees: token POS accuracy with the most
// frequent confusions, base-NP bracket F1, and subject-head accuracy of main clauses S -> NP VP.
// The analysis runs on the trees' own tokens (tokenization is scored elsewhere).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "eval/treebank.h"
#include "lang/analyzer.h"

namespace dyad {

struct AnalysisScores {
  uint64_t sentences = 0, broken_trees = 0;
  uint64_t tokens = 0, tags_correct = 0;
  std::map<std::pair<std::string, std::string>, uint64_t> confusions;  // (gold, predicted)
  uint64_t np_gold = 0, np_predicted = 0, np_matched = 0;
  uint64_t subjects = 0, subjects_correct = 0;

  double pos_accuracy() const { return tokens ? 100.0 * static_cast<double>(tags_correct) / static_cast<double>(tokens) : 0; }
  double np_precision() const;
  double np_recall() const;
  double np_f1() const;
  double subject_accuracy() const {
    return subjects ? 100.0 * static_cast<double>(subjects_correct) / static_cast<double>(subjects) : 0;
  }
  void add(const AnalysisScores& other);
  // A report for people: the three figures and the top confusions.
  std::string report(const std::string& title, size_t top_confusions = 10) const;
};

// Scores one tree (adds to `scores`); `misses`, when given, collects readable failures.
void score_tree(const Tree& tree, const Analyzer& analyzer, AnalysisScores& scores,
                std::vector<std::string>* misses = nullptr);

}  // namespace dyad
