#include "text/token.h"

#include <array>

namespace dyad {

std::string_view kind_name(SegmentKind k) {
  static constexpr std::array<std::string_view, 6> kNames = {"body",   "headline", "dateline",
                                                             "byline", "credit",   "boilerplate"};
  return kNames[static_cast<size_t>(k)];
}

std::string_view kind_name(TokenKind k) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "word", "number", "punct", "symbol", "url", "email", "handle", "hashtag"};
  return kNames[static_cast<size_t>(k)];
}

}  // namespace dyad
