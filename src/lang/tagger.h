#pragma once
// Part-of-speech tagger: a bigram hidden Markov model over the Treebank statistics of
// EnglishModel, decoded with Viterbi over each word's candidate tags only. Unseen words get
// candidates from the suffix model, narrowed by WordNet where it knows the word, and shaped by
// capitalisation, digits and hyphens; sentence-initial and all-caps words are also looked up
// in their lower-case and title-case forms.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lang/english_model.h"
#include "lang/lemmatizer.h"
#include "lang/pos.h"
#include "text/token.h"

namespace dyad {

class Tagger {
 public:
  explicit Tagger(const EnglishModel& model) : model_(model), lemmatizer_(model) {}

  // Tags one sentence: tokens of `text`, one tag per token into `out` (same size).
  void tag(std::string_view text, std::span<const Token> tokens, std::span<Pos> out) const;

  struct Candidate {
    Pos tag;
    float score;  // log P(word | tag), up to a constant shared by the word's candidates
  };
  // The candidate tags of one token in its sentence (exposed for `dyad explain` and tests).
  void candidates(std::string_view text, std::span<const Token> tokens, size_t i, bool all_caps,
                  std::vector<Candidate>& out) const;

 private:
  void compute_candidates(const Token& t, std::string_view key, bool normalised, bool capitalised, bool initial,
                          bool all_caps, std::vector<Candidate>& out) const;
  void known(std::span<const EnglishModel::TagCount> counts, float weight,
             std::vector<Candidate>& out) const;
  void unknown(std::string_view word, bool capitalised, bool sentence_initial, bool all_caps,
               std::vector<Candidate>& out) const;
  // Corrections Viterbi's one-tag window cannot see (Brill-style contextual rules).
  void correct(std::string_view text, std::span<const Token> tokens, std::span<Pos> tags) const;

  const EnglishModel& model_;
  Lemmatizer lemmatizer_;
};

}  // namespace dyad
