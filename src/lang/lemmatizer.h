#pragma once
// Lemmas from WordNet, as its morphy does it: the irregular-form lists (met -> meet, went ->
// go), then detachment rules (militias -> militia, talks -> talk, withdrew via the list), each
// candidate checked against WordNet's lemmas for the word class the tag gives.
#include <string>
#include <string_view>

#include "lang/english_model.h"
#include "lang/pos.h"

namespace dyad {

class Lemmatizer {
 public:
  explicit Lemmatizer(const EnglishModel& model) : model_(model) {}

  // The lemma of `word` used with tag `pos`, written to `out` (lower case except for proper
  // nouns). Unknown words fall back to the plainest rule (strip -s, -ed, -ing).
  void lemma(std::string_view word, Pos pos, std::string& out) const;

  // WordNet's base form of `word` in class c (applying the irregular lists and the rules),
  // or false when WordNet does not know the word in that class. `word` must be lower case.
  bool base_form(std::string_view word, WordClass c, std::string& out) const;

 private:
  const EnglishModel& model_;
};

// Which WordNet class a tag belongs to, if any.
bool word_class_of(Pos pos, WordClass& c);

}  // namespace dyad
