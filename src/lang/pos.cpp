#include "lang/pos.h"

#include <array>

namespace dyad {
namespace {
constexpr std::array<std::string_view, kPosCount> kNames = {
    "CC",  "CD",  "DT",  "EX",  "FW",   "IN",  "JJ",  "JJR", "JJS", "LS",  "MD",  "NN",
    "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB",  "RBR", "RBS", "RP",  "SYM",
    "TO",  "UH",  "VB",  "VBD", "VBG",  "VBN", "VBP", "VBZ", "WDT", "WP",  "WP$", "WRB",
    "$",   "#",   ".",   ",",   ":",    "-LRB-", "-RRB-", "``", "''"};
}  // namespace

std::string_view pos_name(Pos p) { return kNames[static_cast<size_t>(p)]; }

std::optional<Pos> parse_pos(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Pos>(i);
  if (name == "-LCB-" || name == "(") return Pos::kLrb;
  if (name == "-RCB-" || name == ")") return Pos::kRrb;
  if (name == "NP") return Pos::NNP;  // old Treebank spelling
  return std::nullopt;
}

}  // namespace dyad
