#pragma once
// A half-open byte range [begin, end) into an article's text. Every token, sentence and event
// field that refers to text is a Span, never a copy, so provenance comes for free.
#include <cstdint>
#include <string_view>

namespace dyad {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return end == begin; }
  constexpr bool contains(Span other) const { return begin <= other.begin && other.end <= end; }
  constexpr std::string_view of(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend constexpr bool operator==(Span, Span) = default;
};

}  // namespace dyad
