#pragma once
// A normalised view of text for matching: NFKC, case folding, curly quotes and dashes made
// plain, and diacritics removed from Latin and Greek letters ("Erdoğan" matches "erdogan").
// Scripts where marks carry meaning (Cyrillic, Arabic, Indic, ...) keep their marks. Every
// byte of the normalised text maps back to the original bytes it came from.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"

namespace dyad {

class NormalizedText {
 public:
  explicit NormalizedText(std::string_view original);

  const std::string& str() const { return text_; }
  // The original bytes that produced normalised bytes [begin, end).
  Span to_original(size_t begin, size_t end) const;

 private:
  std::string text_;
  std::vector<uint32_t> begin_;  // per normalised byte: start of its source character cluster
  std::vector<uint32_t> end_;    // per normalised byte: end of its source character cluster
};

// Appends the normalised form of `in` to `out` (for dictionary keys; no offset map).
void append_normalized(std::string_view in, std::string& out);

}  // namespace dyad
