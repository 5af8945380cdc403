#pragma once
// Base noun phrases and verb groups from tags (a finite-state chunker), plus the links
// between noun phrases that roles need: possessor, apposition, coordination, "of" phrase.
#include <span>
#include <string_view>
#include <vector>

#include "lang/analysis.h"
#include "text/token.h"

namespace dyad {

class Chunker {
 public:
  // Appends the phrases and verb groups of sentence `s` to `a` (tags and lemmas must be set).
  void chunk(std::string_view text, std::span<const Token> tokens, const Sentence& s, Analysis& a) const;
};

// The end of phrase k with what hangs on it (of-phrase, apposition, later conjuncts), from
// their extents (so compute from the last phrase backwards).
uint32_t phrase_extent(const std::vector<NounPhrase>& phrases, size_t k);

}  // namespace dyad
