#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace dyad::lexicon {
namespace {

struct AbbrevEntry {
  Abbrev kind;
  bool needs_capital;
};

// Keys are lower case.
const std::unordered_map<std::string_view, AbbrevEntry>& abbreviations() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, AbbrevEntry>;
    constexpr std::string_view kTitles[] = {
        "mr", "mrs", "ms", "mx", "messrs", "mme", "mmes", "mlle", "dr", "drs", "prof", "rev",
        "revs", "fr", "msgr", "hon", "rt", "gen", "gens", "lt", "col", "cols", "maj", "capt",
        "cpt", "cmdr", "cdr", "comdr", "cmdt", "adm", "brig", "sgt", "cpl", "pvt", "pfc", "spc",
        "lieut", "sen", "sens", "rep", "reps", "gov", "govs", "pres", "supt", "insp", "det",
        "amb", "atty", "asst", "assoc", "sec", "secy", "st", "ste", "mt", "ft", "pt", "sra",
        "srta"};
    constexpr std::string_view kOthers[] = {
        // months and days
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
        // companies, people, references
        "inc", "corp", "co", "cos", "ltd", "bros", "plc", "llc", "jr", "sr", "esq", "etc", "vs",
        "cf", "ca", "approx", "dept", "est", "govt", "intl", "vol", "vols", "pp", "ch",
        "ave", "blvd", "rd", "hwy", "univ",
        // U.S. states, AP style
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
        "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
        "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo"};
    constexpr std::string_view kBeforeNumber[] = {"no", "nos", "art", "fig", "nr"};
    // Also ordinary words: abbreviations only when capitalised.
    constexpr std::string_view kNeedCapital[] = {"no", "mar", "sat", "sun", "ill", "mass", "miss",
                                                 "wash", "ore", "del", "ind", "mo", "pa", "la",
                                                 "co", "fig", "art", "ca", "est", "det", "sec",
                                                 "pt", "ft", "mt", "st", "col", "gen", "rep",
                                                 "hon", "fr", "rev", "dec", "sept", "wed"};
    for (auto w : kTitles) (*t)[w] = {Abbrev::kTitle, false};
    for (auto w : kOthers) (*t)[w] = {Abbrev::kOther, false};
    for (auto w : kBeforeNumber) (*t)[w] = {Abbrev::kNumber, false};
    for (auto w : kNeedCapital) {
      auto it = t->find(w);
      if (it == t->end()) it = t->emplace(w, AbbrevEntry{Abbrev::kOther, true}).first;
      it->second.needs_capital = true;
    }
    return t;
  }();
  return *table;
}

bool lower_into(std::string_view word, char* buf, size_t cap) {
  if (word.empty() || word.size() > cap) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return false;
    buf[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return true;
}

}  // namespace

Abbrev abbreviation(std::string_view word) {
  char buf[8];
  if (!lower_into(word, buf, sizeof buf)) return Abbrev::kNone;
  const auto& t = abbreviations();
  auto it = t.find(std::string_view(buf, word.size()));
  if (it == t.end()) return Abbrev::kNone;
  if (it->second.needs_capital && !(word[0] >= 'A' && word[0] <= 'Z')) return Abbrev::kNone;
  return it->second.kind;
}

bool is_sentence_starter(std::string_view word) {
  static const auto* starters = [] {
    auto* s = new std::unordered_map<std::string_view, bool>;
    constexpr std::string_view kWords[] = {
        // determiners and pronouns
        "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i",
        "you", "his", "her", "its", "their", "our", "my", "your", "there", "here", "some", "many",
        "most", "all", "both", "each", "every", "no", "none", "nothing", "several", "few",
        "other", "others", "such", "another", "one", "two", "three", "four", "five", "any",
        "much", "more", "less", "what", "who", "whom", "whose", "which", "where", "when", "why",
        "how", "whether",
        // conjunctions and prepositions
        "but", "and", "or", "so", "yet", "nor", "for", "in", "on", "at", "by", "from", "with",
        "without", "after", "before", "during", "since", "until", "while", "if", "although",
        "though", "because", "as", "under", "over", "despite", "among", "amid", "following",
        "according", "about", "against", "between", "into", "through", "to", "of", "unlike",
        "like",
        // sentence adverbs
        "meanwhile", "however", "moreover", "also", "still", "then", "now", "today", "yesterday",
        "tomorrow", "earlier", "later", "last", "next", "instead", "indeed", "thus", "therefore",
        "nevertheless", "nonetheless", "furthermore", "separately", "elsewhere", "overall",
        "asked", "speaking", "officials", "witnesses", "residents", "analysts"};
    for (auto w : kWords) (*s)[w] = true;
    return s;
  }();
  char buf[16];
  if (!lower_into(word, buf, sizeof buf)) return false;
  return starters->count(std::string_view(buf, word.size())) > 0;
}

}  // namespace dyad::lexicon
