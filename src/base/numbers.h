#pragma once
// Number formatting for messages people read.
#include <cstdint>
#include <string>

namespace dyad {

// 1234567 -> "1,234,567"
inline std::string thousands(uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace dyad
