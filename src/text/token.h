#pragma once
// Tokens and segments: spans into the article text plus the little the splitter and later
// stages need to know about their shape. 12 bytes a token; nothing is copied.
#include <cstdint>
#include <string_view>

#include "base/span.h"

namespace dyad {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol, kUrl, kEmail, kHandle, kHashtag };

// What separates a token from the one before it.
enum class Gap : uint8_t {
  kNone,       // glued to the previous token ("Libya" "'s")
  kSpace,      // spaces or tabs
  kLine,       // one line break
  kParagraph,  // a blank line, or the start of the text
};

namespace token_flags {
inline constexpr uint16_t kUpperInitial = 1 << 0;  // first letter is upper case
inline constexpr uint16_t kLowerInitial = 1 << 1;
inline constexpr uint16_t kDigitInitial = 1 << 2;
inline constexpr uint16_t kAllCaps = 1 << 3;       // two or more letters, all upper case
inline constexpr uint16_t kAbbrev = 1 << 4;        // a word that keeps its final period
inline constexpr uint16_t kTitle = 1 << 5;         // an abbreviated title: Mr. Gen. Sen. St.
inline constexpr uint16_t kOpening = 1 << 6;       // opening quote or bracket
inline constexpr uint16_t kClosing = 1 << 7;       // closing quote or bracket
inline constexpr uint16_t kTerminal = 1 << 8;      // . ! ? ... or an ellipsis character
inline constexpr uint16_t kDash = 1 << 9;          // - -- en/em dash as a token
}  // namespace token_flags

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint16_t flags = 0;
  TokenKind kind = TokenKind::kWord;
  Gap gap = Gap::kSpace;

  Span span() const { return {begin, end}; }
  std::string_view text(std::string_view doc_text) const { return doc_text.substr(begin, end - begin); }
  bool has(uint16_t f) const { return (flags & f) != 0; }
};

// kBoilerplate: web-page leftovers in text input (share widgets, captions, related lists).
enum class SegmentKind : uint8_t { kBody, kHeadline, kDateline, kByline, kCredit, kBoilerplate };

std::string_view kind_name(SegmentKind k);
std::string_view kind_name(TokenKind k);

// A sentence or a line of news furniture (headline, dateline, byline, photo credit).
struct Sentence {
  Span span;                 // from the first token's begin to the last token's end
  uint32_t first_token = 0;  // index into Doc::tokens
  uint32_t end_token = 0;    // one past the last token
  SegmentKind kind = SegmentKind::kBody;

  uint32_t token_count() const { return end_token - first_token; }
};

}  // namespace dyad
