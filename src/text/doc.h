#pragma once
// A Doc is an article with its analysis: tokens and segments now, more as later stages add
// theirs. Like spaCy's Doc, it owns the text; everything else is spans into it.
#include <span>
#include <string_view>
#include <vector>

#include "ingest/article.h"
#include "text/token.h"

namespace dyad {

struct Doc {
  Article article;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view text() const { return article.text; }
  std::string_view text_of(Span s) const { return s.of(article.text); }
  std::string_view text_of(const Token& t) const { return t.text(article.text); }
  std::span<const Token> tokens_of(const Sentence& s) const {
    return std::span<const Token>(tokens).subspan(s.first_token, s.token_count());
  }
};

}  // namespace dyad
