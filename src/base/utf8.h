#pragma once
// UTF-8 primitives shared by every stage: validation, repair, decoding and encoding.
#include <cstddef>
#include <string>
#include <string_view>

namespace dyad {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Length of the longest prefix of `s` that is valid UTF-8 (so == s.size() when all is valid).
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
size_t utf8_valid_prefix(std::string_view s);
inline bool is_valid_utf8(std::string_view s) { return utf8_valid_prefix(s) == s.size(); }

// Replaces every maximal invalid subsequence (as the Unicode standard and WHATWG define it)
// with U+FFFD. Returns the number of replacements; `s` is untouched when it returns 0.
size_t repair_utf8(std::string& s);

// Decodes the code point at s[i] and advances i past it. Invalid bytes decode to U+FFFD and
// advance by one byte. Precondition: i < s.size().
char32_t decode_utf8(std::string_view s, size_t& i);

void append_utf8(std::string& out, char32_t cp);

}  // namespace dyad
