#include "base/utf8.h"

#include <simdjson.h>

namespace dyad {
namespace {

// Length of the valid sequence starting at s[i], or 0 when invalid. On return `maximal` is
// the length of the maximal subpart of an ill-formed sequence (at least 1).
size_t valid_sequence(std::string_view s, size_t i, size_t& maximal) {
  auto byte = [&](size_t k) -> unsigned { return static_cast<unsigned char>(s[k]); };
  unsigned b0 = byte(i);
  maximal = 1;
  if (b0 < 0x80) return 1;
  size_t need;
  unsigned lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) return 0;
    unsigned b = byte(i + k);
    unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
    maximal = k + 1;
  }
  return need + 1;
}

}  // namespace

size_t utf8_valid_prefix(std::string_view s) {
  if (simdjson::validate_utf8(s.data(), s.size())) return s.size();
  size_t i = 0, maximal = 0;
  while (i < s.size()) {
    size_t n = valid_sequence(s, i, maximal);
    if (n == 0) return i;
    i += n;
  }
  return i;
}

size_t repair_utf8(std::string& s) {
  size_t first_bad = utf8_valid_prefix(s);
  if (first_bad == s.size()) return 0;
  std::string out(s, 0, first_bad);
  size_t replaced = 0, i = first_bad, maximal = 0;
  while (i < s.size()) {
    size_t n = valid_sequence(s, i, maximal);
    if (n) {
      out.append(s, i, n);
      i += n;
    } else {
      append_utf8(out, kReplacementChar);
      ++replaced;
      i += maximal;
    }
  }
  s.swap(out);
  return replaced;
}

char32_t decode_utf8(std::string_view s, size_t& i) {
  size_t maximal = 0;
  size_t n = valid_sequence(s, i, maximal);
  auto b = [&](size_t k) -> char32_t { return static_cast<unsigned char>(s[i + k]); };
  char32_t cp;
  switch (n) {
    case 1: cp = b(0); break;
    case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
    case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
    case 4:
      cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
      break;
    default: cp = kReplacementChar; n = 1;
  }
  i += n;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace dyad
