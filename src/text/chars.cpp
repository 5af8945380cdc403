#include "text/chars.h"

#include <utf8proc.h>

#include <array>

#include "base/utf8.h"

namespace dyad::chars {
namespace {

constexpr std::array<Class, 128> make_ascii_table() {
  std::array<Class, 128> t{};
  for (auto& c : t) c = kOther;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (char c : std::string_view(" \t\v\f")) t[static_cast<unsigned char>(c)] = kSpace;
  t['\n'] = t['\r'] = kNewline;
  for (char c : std::string_view("([{")) t[static_cast<unsigned char>(c)] = kOpen;
  for (char c : std::string_view(")]}")) t[static_cast<unsigned char>(c)] = kClose;
  for (char c : std::string_view("\"'`")) t[static_cast<unsigned char>(c)] = kQuote;
  t['-'] = kDash;
  for (char c : std::string_view("!,.:;?@#%&*/\\_")) t[static_cast<unsigned char>(c)] = kPunct;
  for (char c : std::string_view("+<=>^|~")) t[static_cast<unsigned char>(c)] = kSymbol;
  t['$'] = kCurrency;
  return t;
}
constexpr auto kAscii = make_ascii_table();

Class unicode_class(char32_t cp) {
  switch (cp) {
    case 0x0085: case 0x2028: case 0x2029: return kNewline;
    case 0x200B: case 0x2060: case 0xFEFF: return kSpace;  // zero-width space, word joiner, BOM
    case 0x2019: return kQuote;                              // ’ apostrophe or closing quote
    case 0x2010: case 0x2011: return kDash;                  // hyphen, non-breaking hyphen
    case 0x2212: return kDash;                               // minus sign
    case 0x201A: case 0x201E: return kOpen;                  // ‚ „ low opening quotes
    default: break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return kUpper;
    case UTF8PROC_CATEGORY_LL: return kLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return kMark;
    case UTF8PROC_CATEGORY_ND: return kDigit;
    case UTF8PROC_CATEGORY_ZS: return kSpace;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return kNewline;
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PI: return kOpen;
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PF: return kClose;
    case UTF8PROC_CATEGORY_PD: return kDash;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO: return kPunct;
    case UTF8PROC_CATEGORY_SC: return kCurrency;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: return kSymbol;
    default: return kOther;
  }
}

}  // namespace

Class ascii_class(unsigned char c) { return c < 128 ? kAscii[c] : kOther; }

CodePoint at(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1, kAscii[c]};
  size_t j = i;
  char32_t cp = decode_utf8(s, j);
  return {cp, static_cast<uint8_t>(j - i), unicode_class(cp)};
}

CodePoint before(std::string_view s, size_t i) {
  size_t j = i - 1;
  // Step back over at most three continuation bytes to the lead byte.
  for (int k = 0; k < 3 && j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80; ++k) --j;
  CodePoint cp = at(s, j);
  if (j + cp.len != i) {  // not a well-formed sequence ending at i: take the last byte alone
    unsigned char c = static_cast<unsigned char>(s[i - 1]);
    return {c < 0x80 ? char32_t{c} : kReplacementChar, 1, c < 0x80 ? kAscii[c] : kOther};
  }
  return cp;
}

}  // namespace dyad::chars
