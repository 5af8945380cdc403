#pragma once
// Clauses and their roles from noun phrases and verb groups (a deterministic shallow parser):
// subject, objects, prepositional objects, passive agent, governing clause, and attribution
// for reported speech ("X said Y attacked Z", "Y attacked Z, X said", "according to X").
#include <span>
#include <string_view>

#include "lang/analysis.h"
#include "text/token.h"

namespace dyad {

class ClauseFinder {
 public:
  // Appends the clauses of sentence `s` to `a` (phrases and verb groups must be set).
  void find(std::string_view text, std::span<const Token> tokens, const Sentence& s, Analysis& a) const;
};

// Verbs that report speech or thought ("said", "told", "announced"): their complement is
// attributed to their subject.
bool is_speech_verb(std::string_view lemma);
// Verbs that frame an infinitive as intent or future ("vowed to", "plans to", "threatened to").
bool is_intent_verb(std::string_view lemma);

}  // namespace dyad
