#include "lang/chunker.h"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace dyad {
namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Phrasal verbs whose particle the tagger may call a preposition or adverb.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kPhrasal = {{
    {"step", "down"}, {"pull", "out"},  {"pull", "back"},  {"call", "off"},   {"hand", "over"},
    {"carry", "out"}, {"set", "up"},    {"shut", "down"},  {"crack", "down"}, {"take", "over"},
    {"turn", "over"}, {"give", "up"},   {"lay", "down"},   {"back", "down"},  {"break", "out"},
    {"blow", "up"},   {"hold", "up"},   {"break", "off"},  {"cut", "off"},    {"stand", "down"},
    {"walk", "out"},  {"pull", "away"}, {"drive", "out"},  {"wipe", "out"},   {"round", "up"},
    {"hand", "back"}, {"send", "back"}, {"fight", "back"}, {"beat", "up"},    {"storm", "out"},
}};

class SentenceChunker {
 public:
  SentenceChunker(std::string_view text, std::span<const Token> tokens, const Sentence& s, Analysis& a)
      : text_(text), tokens_(tokens), b_(s.first_token), e_(s.end_token), a_(a) {}

  void run() {
    size_t first_phrase = a_.phrases.size();
    noun_phrases();
    verb_groups();
    link_phrases(first_phrase);
  }

 private:
  Pos tag(uint32_t i) const { return i < e_ ? a_.tags[i] : Pos::kPeriod; }
  std::string_view word(uint32_t i) const { return i < e_ ? tokens_[i].text(text_) : std::string_view(); }
  std::string_view lemma(uint32_t i) const { return i < e_ ? a_.lemmas[i] : std::string_view(); }
  bool nominal(Pos p) const { return is_noun(p) || p == Pos::CD || p == Pos::PRP || p == Pos::EX || p == Pos::kDollar || p == Pos::kPound; }
  static bool time_noun(std::string_view w) {
    return time_word(w) || in(w, {"week", "month", "year", "weekend", "night", "morning", "evening", "summer",
                                   "winter", "spring", "autumn", "fall", "decade", "season", "time"});
  }
  static bool ditransitive(std::string_view verb) {
    return in(verb, {"send", "give", "offer", "hand", "grant", "promise", "lend", "sell", "show", "tell", "award",
                     "deny", "owe", "pay", "supply", "provide"});
  }
  static bool time_word(std::string_view w) {
    return in(w, {"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday",
                  "friday", "saturday", "sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                  "Saturday", "Sunday"});
  }
  bool auxiliary(uint32_t i) const {
    return is_verb(tag(i)) && in(lemma(i), {"be", "have", "do", "get"});
  }

  // A quantifier that opens a number phrase: "about 200", "at least 156", "more than 1,000".
  uint32_t quantifier_length(uint32_t i) const {
    std::string_view w = lemma(i);
    if (tag(i + 1) == Pos::CD && in(w, {"about", "nearly", "almost", "some", "approximately", "roughly",
                                         "around", "only", "just", "over", "under", "up", "fewer", "less"}))
      return 1;
    if (tag(i + 2) == Pos::CD && ((w == "at" && in(lemma(i + 1), {"least", "most"})) ||
                                  (in(w, {"more", "less", "fewer"}) && lemma(i + 1) == "than") ||
                                  (w == "up" && lemma(i + 1) == "to")))
      return 2;
    return 0;
  }

  bool starts_phrase(uint32_t i) const {
    Pos p = tag(i);
    switch (p) {
      case Pos::DT: case Pos::PDT: case Pos::PRPS: case Pos::CD: case Pos::JJ: case Pos::JJR:
      case Pos::JJS: case Pos::NN: case Pos::NNS: case Pos::NNP: case Pos::NNPS: case Pos::PRP:
      case Pos::EX: case Pos::kDollar: case Pos::kPound:
        return true;
      case Pos::VBN:  // "armed groups", "displaced people" (not "has killed civilians", not
                      // "have detained X and arrested Y")
        return is_noun(tag(i + 1)) && !(i > b_ && (auxiliary(i - 1) || tag(i - 1) == Pos::CC));
      default:
        return quantifier_length(i) > 0;
    }
  }

  bool continues_phrase(uint32_t j, uint32_t start) const {
    Pos p = tag(j), prev = tag(j - 1);
    if (prev == Pos::POS) return false;  // "Libya 's" | "army"
    if (is_noun(prev) || prev == Pos::CD) {
      // "in Moscow | today", "the town | last week": a time phrase starts afresh.
      if (time_word(lemma(j))) return false;
      if (in(lemma(j), {"last", "next", "this", "early", "late"}) && time_noun(lemma(j + 1))) return false;
      // "released last week | 200 prisoners": a time phrase ends before what follows it.
      if (j == start + 2 && in(lemma(start), {"last", "next", "this"}) && time_noun(lemma(j - 1))) return false;
      // "took the crew | hostage"; "forces | loyal to" (an adjective after a noun that does
      // not go on to another noun belongs to what follows, not to this phrase).
      if (in(lemma(j), {"hostage", "captive", "prisoner", "hostages"})) return false;
      if (is_adjective(p) && !(is_noun(tag(j + 1)) || is_adjective(tag(j + 1)) || tag(j + 1) == Pos::CD)) return false;
      // "sent Kyiv | new air defense systems": after a name standing right after a verb that
      // takes two objects.
      if (is_proper(prev) && j - 1 == start && start > b_ && ditransitive(lemma(start - 1)) &&
          (is_adjective(p) || p == Pos::CD || is_noun(p) == false))
        return false;
    }
    switch (p) {
      case Pos::CD: case Pos::JJ: case Pos::JJR: case Pos::JJS: case Pos::NN: case Pos::NNS:
      case Pos::NNP: case Pos::NNPS: case Pos::kDollar: case Pos::kPound:
        return true;
      case Pos::POS:
        return nominal(prev);
      case Pos::kComma:  // "complete, full diplomatic ties", "a long, bloody war"
        return j > start && is_adjective(prev) && is_adjective(tag(j + 1)) &&
               (is_noun(tag(j + 2)) || is_adjective(tag(j + 2)));
      case Pos::DT:  // "all the", "both the"
        return prev == Pos::PDT;
      case Pos::VBN:
      case Pos::VBG:  // "two competing administrations", "the U.N.-backed government"
        return j > start && (is_noun(tag(j + 1)) || is_adjective(tag(j + 1))) && !is_noun(prev);
      case Pos::RB:  // "the very first", "a clearly inebriated official"
        return j > start && (prev == Pos::DT || prev == Pos::PRPS) &&
               (is_adjective(tag(j + 1)) || ((tag(j + 1) == Pos::VBN || tag(j + 1) == Pos::VBG) && (is_noun(tag(j + 2)) || is_adjective(tag(j + 2)))));
      default:
        return false;
    }
  }

  void noun_phrases() {
    for (uint32_t i = b_; i < e_;) {
      if (!starts_phrase(i)) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      if (tag(i) == Pos::PRP || tag(i) == Pos::EX) {
        if (tag(j) == Pos::POS) ++j;
      } else {
        if (uint32_t q = quantifier_length(i)) j = i + q + 1;
        while (j < e_ && continues_phrase(j, i)) ++j;
      }
      add_phrase(i, j);
      i = j;
    }
  }

  void add_phrase(uint32_t first, uint32_t end) {
    // A phrase needs a nominal, a determiner standing alone ("this", "all"), or a determiner
    // with an adjective ("the wounded"); a bare adjective is a predicate, not a phrase.
    bool has_nominal = false, has_det = false;
    for (uint32_t k = first; k < end; ++k) {
      has_nominal |= nominal(tag(k)) || tag(k) == Pos::POS;
      has_det |= tag(k) == Pos::DT || tag(k) == Pos::PDT || tag(k) == Pos::PRPS;
    }
    if (!has_nominal && !has_det) return;
    // Of the determiners only these stand alone as a phrase ("this", "all", "both"): not
    // "no" in "no longer", not "a" or "the".
    if (!has_nominal && end - first == 1 &&
        !in(lemma(first), {"this", "that", "these", "those", "all", "some", "both", "each", "either", "neither",
                           "any", "none", "many", "much", "another", "half"}))
      return;
    NounPhrase np;
    np.first = first;
    np.end = np.extent_end = end;
    np.possessive = tag(end - 1) == Pos::POS;
    np.head = end - 1;
    for (uint32_t k = end; k-- > first;) {
      if (nominal(tag(k))) {
        np.head = k;
        break;
      }
    }
    np.pronoun = tag(np.head) == Pos::PRP || (tag(np.head) == Pos::DT && end - first == 1);
    np.proper = is_proper(tag(np.head));
    int32_t id = static_cast<int32_t>(a_.phrases.size());
    for (uint32_t k = first; k < end; ++k) a_.phrase_of[k] = id;
    a_.phrases.push_back(np);
  }

  void verb_groups() {
    for (uint32_t i = b_; i < e_;) {
      bool infinitive = tag(i) == Pos::TO && first_verb_after(i + 1) != 0;
      bool according = lemma(i) == "accord" && lemma(i + 1) == "to";  // "according to X" is a preposition
      if (according || a_.phrase_of[i] != kNone || !(is_verb(tag(i)) || tag(i) == Pos::MD || infinitive)) {
        ++i;
        continue;
      }
      i = verb_group(i);
    }
  }

  // "never recognized", "no longer controls", "not only": negation before a verb without an
  // auxiliary belongs to its group.
  uint32_t negation_before(uint32_t i) const {
    uint32_t k = i;
    while (k > b_ && a_.phrase_of[k - 1] == kNone) {
      std::string_view l = lemma(k - 1);
      if (l == "never" || l == "not" || l == "n't") --k;
      else if (l == "longer" && k - 1 > b_ && lemma(k - 2) == "no") k -= 2;
      else break;
    }
    return k;
  }

  // Index of the verb after adverbs from i ("to quickly withdraw"), or 0.
  uint32_t first_verb_after(uint32_t i) const {
    while (i < e_ && is_adverb(tag(i))) ++i;
    return i < e_ && tag(i) == Pos::VB ? i : 0;
  }

  // Builds the verb group starting at i; returns the index after it.
  uint32_t verb_group(uint32_t i) {
    VerbGroup vg;
    vg.first = negation_before(i);
    uint32_t j = i, last_verb = i;
    bool expecting_verb = true;  // after an auxiliary, modal or "to"
    while (j < e_ && a_.phrase_of[j] == kNone) {
      Pos p = tag(j);
      if (p == Pos::MD || p == Pos::TO || is_verb(p)) {
        if (!expecting_verb) break;
        if (p == Pos::MD) vg.modal = static_cast<int32_t>(j);
        last_verb = j;
        expecting_verb = p == Pos::MD || p == Pos::TO || (auxiliary(j) && continues_with_verb(j + 1));
        ++j;
      } else if (is_adverb(p) && expecting_verb && j > i && continues_with_verb(j)) {
        ++j;  // "has also attacked", "did not attend"
      } else {
        break;
      }
    }
    vg.head = last_verb;
    vg.end = last_verb + 1;
    // Particle: "step down", "pull out".
    uint32_t k = vg.end;
    if (k < e_ && (tag(k) == Pos::RP ||
                   ((tag(k) == Pos::RB || tag(k) == Pos::IN) && phrasal(lemma(vg.head), lemma(k))))) {
      vg.particle = static_cast<int32_t>(k);
      vg.end = k + 1;
      // "handed over 700 kg": "over" opened a quantity phrase ("over 700") but is the particle.
      if (int32_t p = a_.phrase_of[k]; p != kNone && a_.phrases[p].first == k && a_.phrases[p].head > k) {
        a_.phrases[p].first = k + 1;
        a_.phrase_of[k] = kNone;
      }
    }
    describe(vg);
    a_.verbs.push_back(vg);
    return std::max(vg.end, j);
  }

  // Is there a verb at i or after adverbs from i (within the unclaimed tokens)?
  bool continues_with_verb(uint32_t i) const {
    while (i < e_ && is_adverb(tag(i)) && a_.phrase_of[i] == kNone) ++i;
    return i < e_ && a_.phrase_of[i] == kNone && (is_verb(tag(i)) || tag(i) == Pos::TO);
  }

  static bool phrasal(std::string_view verb, std::string_view particle) {
    return std::find(kPhrasal.begin(), kPhrasal.end(), std::make_pair(verb, particle)) != kPhrasal.end();
  }

  // Does a noun phrase end right before token t (skipping a parenthesis: "the DPRK (North
  // Korea) forsake")?
  bool after_noun_phrase(uint32_t t) const {
    if (t <= b_) return false;
    uint32_t k = t - 1;
    if (tag(k) == Pos::kRrb) {
      while (k > b_ && tag(k) != Pos::kLrb) --k;
      if (k <= b_) return false;
      --k;
    }
    return a_.phrase_of[k] != kNone;
  }

  void describe(VerbGroup& vg) const {
    uint32_t lead = vg.first;
    while (lead < vg.head && is_adverb(tag(lead))) ++lead;  // "never recognized": the verb decides
    Pos first = tag(lead), head = tag(vg.head);
    if (first == Pos::TO) vg.form = Form::kInfinitive;
    else if (first == Pos::VBG) vg.form = Form::kGerund;
    else if (first == Pos::VBN) vg.form = Form::kParticiple;
    else if (first == Pos::VB && vg.modal == kNone && !after_noun_phrase(vg.first))
      vg.form = Form::kInfinitive;  // "helped build" (but "demanded that the minister step down" is finite)
    else vg.form = Form::kFinite;
    if (vg.form == Form::kFinite) {
      std::string_view m = vg.modal != kNone ? lemma(static_cast<uint32_t>(vg.modal)) : "";
      if (in(m, {"will", "shall", "'ll", "wo"})) vg.tense = Tense::kFuture;
      else if (vg.modal != kNone) vg.tense = Tense::kNone;
      else if (first == Pos::VBD) vg.tense = Tense::kPast;
      else vg.tense = Tense::kPresent;
    }
    bool saw_be = false, saw_have = false;
    for (uint32_t k = vg.first; k < vg.end; ++k) {
      std::string_view l = lemma(k);
      if (l == "not" || l == "never" || l == "longer" || word(k) == "n't" || word(k) == "n’t") vg.negated = true;
      if (k == vg.head) break;
      if (is_verb(tag(k))) {
        saw_be |= l == "be" || l == "get";
        saw_have |= l == "have";
      }
    }
    vg.passive = (saw_be && head == Pos::VBN) || (vg.form == Form::kParticiple);
    vg.perfect = saw_have && (head == Pos::VBN || vg.passive || vg.end - vg.first > 2);  // "has been bombing"
    bool being = false;
    for (uint32_t k = vg.first; k < vg.head; ++k) being |= tag(k) == Pos::VBG && lemma(k) == "be";
    vg.progressive = (saw_be && head == Pos::VBG) || being;  // "are attacking", "are being held"
    vg.copula = lemma(vg.head) == "be";
  }

  void link_phrases(size_t first) {
    auto& ps = a_.phrases;
    for (size_t k = first; k + 1 < ps.size(); ++k) {
      NounPhrase& p = ps[k];
      NounPhrase& next = ps[k + 1];
      if (p.possessive && next.first == p.end) next.possessor = static_cast<int32_t>(k);
      if (next.first == p.end + 1 && lemma(p.end) == "of") p.of_phrase = static_cast<int32_t>(k + 1);
    }
    // Coordination: A (, B)* (,) and|or C.
    uint32_t intro = intro_comma();
    for (size_t k = first; k + 1 < ps.size(); ++k) {
      NounPhrase& p = ps[k];
      uint32_t gap = p.end;
      if (gap < e_ && word(gap) == ",") ++gap;
      if (gap < e_ && tag(gap) == Pos::CC && in(lemma(gap), {"and", "or"})) ++gap;
      if (gap == p.end || ps[k + 1].first != gap || p.pronoun) continue;
      bool comma_only = word(p.end) == "," && tag(gap - 1) != Pos::CC;
      if (comma_only && p.end == intro) continue;
      if (comma_only) {
        // Lists are uniform ("Russia, Egypt and the UAE"; "tanks, artillery and drones"), and a
        // time phrase ends a clause rather than starting a list ("on Saturday, officials said").
        if (time_word(lemma(ps[k].head)) || time_word(lemma(ps[k + 1].head)) || ps[k].proper != ps[k + 1].proper)
          continue;
        // A comma alone links conjuncts only in a list that ends in "and"/"or".
        bool list = false;
        for (size_t m = k + 1; m + 1 < ps.size() && !list; ++m) {
          uint32_t g = ps[m].end;
          if (g < e_ && word(g) == ",") ++g;
          if (g < e_ && tag(g) == Pos::CC && ps[m + 1].first == g + 1) list = true;
          else if (g == ps[m].end || ps[m + 1].first != g) break;
        }
        if (!list) continue;
      }
      p.conjunct_next = static_cast<int32_t>(k + 1);
      ps[k + 1].is_conjunct = true;
    }
    // Apposition: "Richard Norland, the U.S. ambassador," / "its spokesman, Col. Ben Ali,".
    for (size_t k = first; k + 1 < ps.size(); ++k) {
      NounPhrase& p = ps[k];
      if (p.conjunct_next != kNone || p.pronoun || p.is_conjunct) continue;
      uint32_t after = end_with_of(k);
      if (word(after) != "," || k + 1 >= ps.size()) continue;
      size_t m = k + 1;
      while (m < ps.size() && ps[m].first <= after) ++m;
      if (m >= ps.size() || ps[m].first != after + 1 || ps[m].pronoun || ps[m].conjunct_next != kNone) continue;
      uint32_t close = end_with_of(m);
      bool closed = word(close) == "," || close >= e_ || tag(close) == Pos::kPeriod;
      bool name_involved = p.proper || ps[m].proper || tag(ps[m].first) == Pos::DT || tag(ps[m].first) == Pos::PRPS;
      if (closed && name_involved) p.apposition = static_cast<int32_t>(m);
    }
    for (size_t k = ps.size(); k-- > first;) ps[k].extent_end = phrase_extent(ps, k);
  }

  // "With the signing of the deal, the government and the rebels agreed": the comma that
  // closes a prepositional phrase opening the sentence ends it; it is no list's comma.
  // (e_ when the sentence opens otherwise, or a verb comes before the first comma.)
  uint32_t intro_comma() const {
    if (b_ >= e_ || tag(b_) != Pos::IN ||
        in(lemma(b_), {"that", "if", "because", "while", "although", "though", "whether", "as", "since", "unless"}))
      return e_;
    for (uint32_t t = b_ + 1; t < e_; ++t) {
      if (word(t) == ",") return t;
      if (is_verb(tag(t))) return e_;
    }
    return e_;
  }

  // Token after phrase k and its chain of "of" phrases.
  uint32_t end_with_of(size_t k) const {
    const auto& ps = a_.phrases;
    while (ps[k].of_phrase != kNone) k = static_cast<size_t>(ps[k].of_phrase);
    return ps[k].end;
  }


  std::string_view text_;
  std::span<const Token> tokens_;
  uint32_t b_, e_;
  Analysis& a_;
};

}  // namespace

uint32_t phrase_extent(const std::vector<NounPhrase>& ps, size_t k) {
  uint32_t end = ps[k].end;
  for (int32_t q : {ps[k].of_phrase, ps[k].apposition, ps[k].conjunct_next})
    if (q != kNone) end = std::max(end, ps[static_cast<size_t>(q)].extent_end);
  return end;
}

void Chunker::chunk(std::string_view text, std::span<const Token> tokens, const Sentence& s, Analysis& a) const {
  SentenceChunker(text, tokens, s, a).run();
}

}  // namespace dyad
