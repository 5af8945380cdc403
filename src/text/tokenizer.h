#pragma once
// Splits text into tokens (docs/segmentation.md): white space first, then each chunk into
// prefixes, a core and suffixes, spaCy-style, with news-specific exceptions (abbreviations,
// clitics, URLs, handles, currency).
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad {

class Tokenizer {
 public:
  struct Result {
    uint32_t longest_line = 0;  // bytes in the longest line, to tell headlines from wrapped text
  };

  // Appends the tokens of `text` to `out`; spans are offsets into `text`.
  Result tokenize(std::string_view text, std::vector<Token>& out) const;

  // A token whose boundaries come from elsewhere (treebank leaves in evaluation), classified
  // as the tokenizer would classify it standing alone: kind and shape flags.
  static Token classify(std::string_view text, uint32_t begin, uint32_t end, Gap gap);
};

}  // namespace dyad
