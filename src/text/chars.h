#pragma once
// Character classes for tokenizing: a table for ASCII, Unicode categories (utf8proc) beyond.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dyad::chars {

enum Class : uint8_t {
  kOther,
  kSpace,     // white space that is not a line break (incl. no-break and zero-width spaces)
  kNewline,   // \n, \r, U+0085, U+2028, U+2029
  kUpper,     // Lu, Lt
  kLower,     // Ll
  kLetter,    // Lm, Lo: letters without case
  kMark,      // combining marks
  kDigit,     // Nd
  kOpen,      // ( [ { and opening quotes “ ‘ « ‹ „ ‚
  kClose,     // ) ] } and closing quotes ” » ›
  kQuote,     // " ' ` ’: open or close depending on position (’ is also the apostrophe)
  kDash,      // - and the Unicode dashes
  kPunct,     // other punctuation
  kSymbol,    // math and other symbols
  kCurrency,  // $ £ € ¥ ...
};

struct CodePoint {
  char32_t cp = 0;
  uint8_t len = 1;  // bytes in UTF-8
  Class cls = kOther;
};

// The code point starting at s[i] (i < s.size()).
CodePoint at(std::string_view s, size_t i);
// The code point ending at s[i] (0 < i <= s.size()).
CodePoint before(std::string_view s, size_t i);

Class ascii_class(unsigned char c);

inline bool is_letter(Class c) { return c == kUpper || c == kLower || c == kLetter; }
inline bool is_word_char(Class c) { return is_letter(c) || c == kDigit || c == kMark; }
inline bool is_space(Class c) { return c == kSpace || c == kNewline; }

}  // namespace dyad::chars
