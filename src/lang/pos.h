#pragma once
// Penn Treebank part-of-speech tags.
#include <cstdint>
#include <optional>
#include <string_view>

namespace dyad {

enum class Pos : uint8_t {
  CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRPS, RB,
  RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WPS, WRB,
  kDollar,      // $
  kPound,       // #
  kPeriod,      // . ! ?
  kComma,       // ,
  kColon,       // : ; -- ...
  kLrb,         // -LRB-
  kRrb,         // -RRB-
  kOpenQuote,   // ``
  kCloseQuote,  // ''
  kCount
};
inline constexpr int kPosCount = static_cast<int>(Pos::kCount);

// "NN", "PRP$", "-LRB-", "``" ...
std::string_view pos_name(Pos p);
// Also accepts the Treebank's escaped forms and CoreNLP's variants (-LCB-, -RCB-).
std::optional<Pos> parse_pos(std::string_view name);

inline bool is_noun(Pos p) { return p == Pos::NN || p == Pos::NNS || p == Pos::NNP || p == Pos::NNPS; }
inline bool is_proper(Pos p) { return p == Pos::NNP || p == Pos::NNPS; }
inline bool is_verb(Pos p) { return p >= Pos::VB && p <= Pos::VBZ; }
inline bool is_adjective(Pos p) { return p == Pos::JJ || p == Pos::JJR || p == Pos::JJS; }
inline bool is_adverb(Pos p) { return p == Pos::RB || p == Pos::RBR || p == Pos::RBS; }
inline bool is_punct(Pos p) { return p >= Pos::kPeriod && p <= Pos::kCloseQuote; }
// Finite verb forms: the verb of a clause that has its own subject.
inline bool is_finite_verb(Pos p) {
  return p == Pos::VBD || p == Pos::VBP || p == Pos::VBZ || p == Pos::MD;
}

}  // namespace dyad
