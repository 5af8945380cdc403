#include "lang/lemmatizer.h"

#include <array>

namespace dyad {
namespace {

struct Rule {
  std::string_view suffix, replacement;
};
// WordNet's morphy detachment rules.
constexpr std::array<Rule, 8> kNounRules = {{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"},
                                             {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}}};
constexpr std::array<Rule, 8> kVerbRules = {{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""},
                                             {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}};
constexpr std::array<Rule, 4> kAdjRules = {{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void to_lower(std::string_view in, std::string& out) {
  out.assign(in);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

}  // namespace

bool word_class_of(Pos pos, WordClass& c) {
  if (pos == Pos::NN || pos == Pos::NNS) c = WordClass::kNoun;
  else if (is_verb(pos)) c = WordClass::kVerb;
  else if (is_adjective(pos)) c = WordClass::kAdjective;
  else if (is_adverb(pos)) c = WordClass::kAdverb;
  else return false;
  return true;
}

bool Lemmatizer::base_form(std::string_view word, WordClass c, std::string& out) const {
  if (std::string_view base = model_.irregular_base(word, c); !base.empty()) {
    out.assign(base);
    return true;
  }
  // The rules before the word itself: WordNet lists "talks" and "larger" as lemmas too, but
  // "talk" and "large" are what an inflected form should come to.
  std::span<const Rule> rules;
  if (c == WordClass::kNoun) rules = kNounRules;
  if (c == WordClass::kVerb) rules = kVerbRules;
  if (c == WordClass::kAdjective) rules = kAdjRules;
  for (const Rule& r : rules) {
    if (!ends_with(word, r.suffix)) continue;
    out.assign(word.substr(0, word.size() - r.suffix.size()));
    out.append(r.replacement);
    if (model_.in_wordnet(out, c)) return true;
  }
  if (model_.in_wordnet(word, c)) {
    out.assign(word);
    return true;
  }
  return false;
}

void Lemmatizer::lemma(std::string_view word, Pos pos, std::string& out) const {
  if (is_proper(pos)) {
    out.assign(word);
    return;
  }
  std::string lower;
  to_lower(word, lower);
  if (lower == "n't" || lower == "n’t") lower = "not";
  if (pos == Pos::MD && (lower == "wo" || lower == "'ll" || lower == "’ll")) lower = "will";
  if (pos == Pos::MD && lower == "ca") lower = "can";
  WordClass c;
  if (!word_class_of(pos, c)) {
    out = lower;
    return;
  }
  // Contracted auxiliaries.
  if (c == WordClass::kVerb) {
    if (lower == "'s" || lower == "’s") return void(out = pos == Pos::VBZ ? "be" : "'s");
    if (lower == "'re" || lower == "’re" || lower == "'m" || lower == "’m") return void(out = "be");
    if (lower == "'ve" || lower == "’ve") return void(out = "have");
    if (lower == "'d" || lower == "’d") return void(out = "would");
  }
  // Base forms need no work (and "bus" is not "bu").
  bool inflected = pos == Pos::NNS || is_verb(pos) || pos == Pos::JJR || pos == Pos::JJS;
  if (!inflected) {
    out = lower;
    return;
  }
  if (base_form(lower, c, out)) return;
  // Not in WordNet: the plainest rule for the tag.
  out = lower;
  auto strip = [&](std::string_view suffix, std::string_view add = {}) {
    if (!ends_with(out, suffix)) return false;
    out.resize(out.size() - suffix.size());
    out.append(add);
    return true;
  };
  if (pos == Pos::NNS || pos == Pos::VBZ) {
    strip("ies", "y") || strip("ches", "ch") || strip("shes", "sh") || strip("sses", "ss") || strip("s");
  } else if (pos == Pos::VBD || pos == Pos::VBN) {
    strip("ied", "y") || strip("ed");
  } else if (pos == Pos::VBG) {
    strip("ing");
  }
}

}  // namespace dyad
