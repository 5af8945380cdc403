#pragma once
// Penn Treebank trees (as in PETRARCH's <Parse> blocks) for scoring the analysis: reading,
// and the gold facts the scores need (tags, base noun phrases, main-clause subject heads).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/doc.h"

namespace dyad {

struct TreeNode {
  std::string label;  // phrase label without function tags ("NP" for "NP-SBJ"), or the POS
  std::string word;   // leaves only
  std::vector<int> children;
  int first_leaf = 0, end_leaf = 0;  // leaf range
  bool is_leaf() const { return children.empty(); }
};

struct Tree {
  std::vector<TreeNode> nodes;
  int root = -1;
  std::vector<int> leaves;  // node ids of the leaves, in order

  static std::optional<Tree> parse(std::string_view s);

  const TreeNode& node(int i) const { return nodes[static_cast<size_t>(i)]; }
  // Base noun phrases as CoNLL chunking defines them: within each NP, the maximal runs of
  // word children (and pre-modifying ADJP/QP/NX), split at possessives, commas and
  // coordination. Half-open leaf ranges.
  std::vector<std::pair<int, int>> base_noun_phrases() const;
  // For a sentence whose top clause is S -> ... NP VP ...: the leaf index of that subject
  // NP's head word (Collins' head rules, simplified); nullopt otherwise.
  std::optional<int> main_subject_head() const;
  // Leaf index of the head word of an NP node.
  int noun_phrase_head(int node) const;
};

// The <Parse> blocks of a PETRARCH record file, parsed (broken trees are skipped and counted).
std::vector<Tree> read_petrarch_trees(const std::string& path, size_t* broken = nullptr);

// A Doc whose tokens are the tree's leaves (brackets unescaped), one sentence of kind body.
Doc doc_from_tree(const Tree& tree);

}  // namespace dyad
