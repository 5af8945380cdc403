#pragma once
// Base noun phrases and verb groups from tags (a finite-state chunker), plus the links
// between noun phrases that roles need: possessor, apposition, coordination, "of" phrase.
#include <span>
#include <string_view>

#include "lang/analysis.h"
#include "text/token.h"

namespace dyad {

class Chunker {
 public:
  // Appends the phrases and verb groups of sentence `s` to `a` (tags and lemmas must be set).
  void chunk(std::string_view text, std::span<const Token> tokens, const Sentence& s, Analysis& a) const;
};

}  // namespace dyad
