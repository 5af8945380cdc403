#pragma once
// Groups tokens into segments: sentences, and the headlines, datelines, bylines and photo
// credits of news copy (docs/segmentation.md).
#include <span>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad {

class SentenceSplitter {
 public:
  struct Options {
    bool wrapped = false;       // single line breaks are spaces (hard-wrapped records)
    uint32_t longest_line = 0;  // from the tokenizer
  };

  // Appends the segments of `tokens` (tokens of `text`) to `out`.
  void split(std::string_view text, std::span<const Token> tokens, const Options& options,
             std::vector<Sentence>& out) const;
};

}  // namespace dyad
