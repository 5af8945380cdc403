#include "lang/clauses.h"

#include "lang/chunker.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <array>
#include <initializer_list>

namespace dyad {
namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Prepositions a subject search may climb over ("fighters from <the Radaa force> attacked"):
// not those that also open clauses ("after", "because", "since"...).
bool attaches_to_noun(std::string_view prep) {
  return in(prep, {"of", "from", "in", "with", "for", "on", "at", "near", "to", "inside", "outside",
                   "across", "around", "along", "within", "across", "behind", "under", "over",
                   "among", "between", "against", "toward", "towards", "into", "by", "via",
                   "including", "about", "aboard", "off", "throughout"});
}

bool is_subordinator_word(std::string_view w) {
  return in(w, {"because", "after", "before", "while", "although", "though", "if", "unless", "until",
                "since", "as", "whereas", "once", "whether", "when", "where", "whenever", "so"});
}

class SentenceClauses {
 public:
  SentenceClauses(std::string_view text, std::span<const Token> tokens, const Sentence& s, Analysis& a)
      : text_(text), tokens_(tokens), b_(s.first_token), e_(s.end_token), a_(a) {}

  void run() {
    c0_ = a_.clauses.size();
    for (size_t v = 0; v < a_.verbs.size(); ++v) {
      const VerbGroup& vg = a_.verbs[v];
      if (vg.first < b_ || vg.first >= e_) continue;
      Clause c;
      c.verb = static_cast<uint32_t>(v);
      c.first = vg.first;
      c.end = vg.end;
      a_.clauses.push_back(c);
    }
    n_ = a_.clauses.size() - c0_;
    if (n_ == 0) return;
    antecedent_.assign(n_, kNone);
    inverted_.assign(n_, false);
    opening_participle_.assign(n_, false);
    verb_of_token_.assign(e_ - b_, kNone);
    for (size_t i = 0; i < n_; ++i) {
      const VerbGroup& vg = verb(i);
      for (uint32_t k = vg.first; k < vg.end; ++k) verb_of_token_[k - b_] = static_cast<int32_t>(i);
    }
    lead_.clear();
    for (size_t p = 0; p < a_.phrases.size(); ++p) lead_.push_back(static_cast<int32_t>(p));
    for (size_t p = 0; p < a_.phrases.size(); ++p) {
      const NounPhrase& np = a_.phrases[p];
      if (np.first < b_ || np.first >= e_) continue;
      for (int32_t q : {np.apposition, np.of_phrase, np.conjunct_next})
        if (q != kNone) lead_[static_cast<size_t>(q)] = static_cast<int32_t>(p);
    }
    subject_clause_.assign(a_.phrases.size(), kNone);

    for (size_t i = 0; i < n_; ++i) find_subject(i);
    for (size_t i = 0; i < n_; ++i) after_restrictive_relative(i);
    for (size_t i = 0; i < n_; ++i) find_objects(i);
    for (size_t i = 0; i + 1 < n_; ++i) share_objects(i);
    for (size_t i = 0; i < n_; ++i) subject_across_parenthesis(i);
    for (size_t i = 0; i < n_; ++i) attach(i);
    rescue_main_verb();
    postposed_speech();
    according_to();
    for (size_t i = 0; i < n_; ++i) finish(i);
  }

 private:
  Clause& clause(size_t i) { return a_.clauses[c0_ + i]; }
  const VerbGroup& verb(size_t i) const { return a_.verbs[a_.clauses[c0_ + i].verb]; }
  Pos tag(uint32_t k) const { return k < e_ && k >= b_ ? a_.tags[k] : Pos::kPeriod; }
  std::string_view lemma(uint32_t k) const { return k < e_ && k >= b_ ? a_.lemmas[k] : std::string_view(); }
  std::string_view word(uint32_t k) const { return k < e_ && k >= b_ ? tokens_[k].text(text_) : std::string_view(); }
  int32_t phrase_at(uint32_t k) const { return k < e_ && k >= b_ ? a_.phrase_of[k] : kNone; }
  int32_t verb_at(uint32_t k) const { return k < e_ && k >= b_ ? verb_of_token_[k - b_] : kNone; }
  const NounPhrase& phrase(int32_t p) const { return a_.phrases[static_cast<size_t>(p)]; }

  // The first phrase of the chain a phrase belongs to ("the president" for "of Egypt",
  // "Richard Norland" for "the U.S. ambassador", "Russia" for "Egypt" in "Russia and Egypt").
  int32_t lead(int32_t p) const {
    while (lead_[static_cast<size_t>(p)] != p) p = lead_[static_cast<size_t>(p)];
    return p;
  }

  bool is_relative(uint32_t k) const {
    Pos t = tag(k);
    if (t == Pos::WDT || t == Pos::WP || t == Pos::WPS) return true;
    if (lemma(k) != "that" || k <= b_ || phrase_at(k - 1) == kNone) return false;
    // "told parliament that Turkey would send": the object of a speech verb, then its content.
    uint32_t np_first = start_of(lead(phrase_at(k - 1)));
    if (np_first > b_ && verb_at(np_first - 1) != kNone &&
        is_speech_verb(lemma(a_.verbs[a_.clauses[c0_ + static_cast<size_t>(verb_at(np_first - 1))].verb].head)))
      return false;
    // "said on Tuesday that", "announced in a statement that": a speech verb, then
    // prepositional phrases, then its content.
    for (int64_t j = static_cast<int64_t>(np_first) - 1; j > static_cast<int64_t>(b_);) {
      uint32_t u = static_cast<uint32_t>(j);
      if (tag(u) != Pos::IN && tag(u) != Pos::TO && !is_adverb(tag(u))) {
        if (verb_at(u) != kNone &&
            is_speech_verb(lemma(a_.verbs[a_.clauses[c0_ + static_cast<size_t>(verb_at(u))].verb].head)))
          return false;
        if (phrase_at(u) == kNone) break;
        j = static_cast<int64_t>(start_of(lead(phrase_at(u)))) - 1;
        continue;
      }
      --j;
    }
    if (verb_at(k + 1) != kNone) return true;  // "the group that claimed"
    // "the weapons that the rebels captured came": an object relative.
    int32_t p = phrase_at(k + 1);
    return p != kNone && verb_at(phrase(p).extent_end) != kNone;
  }
  bool is_subordinator(uint32_t k) const {
    return (tag(k) == Pos::IN || tag(k) == Pos::WRB) && is_subordinator_word(lemma(k));
  }
  bool is_word(uint32_t k, std::string_view lower_case) const {
    std::string_view w = word(k);
    if (w.size() != lower_case.size()) return false;
    for (size_t i = 0; i < w.size(); ++i)
      if ((w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]) != lower_case[i]) return false;
    return true;
  }
  bool is_opening(uint32_t k) const { return tag(k) == Pos::kOpenQuote || tag(k) == Pos::kLrb; }
  bool is_quote(uint32_t k) const { return tag(k) == Pos::kOpenQuote || tag(k) == Pos::kCloseQuote; }

  // Skips adverbs not in a phrase, leftwards from k; returns the first other token (or b-1).
  int64_t skip_adverbs_left(int64_t k) const {
    while (k >= b_ && is_adverb(tag(static_cast<uint32_t>(k))) && phrase_at(static_cast<uint32_t>(k)) == kNone) --k;
    return k;
  }

  // Climbs from a phrase over "of"/"from"/"in" attachments to the phrase they modify.
  // First token of a phrase with its possessor ("Rwanda 's Government").
  uint32_t start_of(int32_t p) const {
    while (phrase(p).possessor != kNone) p = phrase(p).possessor;
    return phrase(p).first;
  }

  int32_t climb(int32_t p) const {
    p = lead(p);
    for (;;) {
      uint32_t before = start_of(p);
      if (before <= b_ + 1) return p;
      uint32_t prep = before - 1;
      if (tag(prep) != Pos::IN && tag(prep) != Pos::TO) return p;
      if (!attaches_to_noun(lemma(prep))) return p;
      uint32_t left = prep - 1;
      // "Nigerians from throughout the country", "aid from across Europe": two prepositions.
      if (tag(left) == Pos::IN && left > b_ + 1 && in(lemma(left), {"from"}) &&
          in(lemma(prep), {"throughout", "across", "inside", "outside", "within", "among", "behind", "under", "around"}))
        --left;
      // "forces loyal to Haftar", "militias allied with the government".
      if ((is_adjective(tag(left)) || tag(left) == Pos::VBN) && left > b_ && phrase_at(left) == kNone &&
          verb_at(left) == kNone)
        --left;
      else if ((lemma(left) == "along" || lemma(left) == "together") && lemma(prep) == "with" && left > b_)
        --left;  // "Washington along with its allies demanded"
      int32_t q = phrase_at(left);
      prep = left + 1;
      if (q == kNone || verb_at(left) != kNone) return p;
      p = lead(q);
    }
  }

  // `own`: the subject stands in this clause's own words (not an antecedent it modifies), so
  // an earlier verb cannot take it as its object.
  void set_subject(size_t i, int32_t p, bool own = true) {
    clause(i).subject = p;
    if (own && p != kNone && subject_clause_[static_cast<size_t>(p)] == kNone)
      subject_clause_[static_cast<size_t>(p)] = static_cast<int32_t>(i);
  }

  // The nearest phrase to refer back to: apposition and coordination lead, "of" does not
  // ("members of the group that claimed": the group).
  int32_t antecedent_of(uint32_t rel) const {
    if (rel <= b_) return kNone;
    if (word(rel - 1) == "," && rel - 1 > b_) --rel;  // "The convoy, which was carrying"
    int32_t p = phrase_at(rel - 1);
    if (p == kNone) return kNone;
    while (true) {
      int32_t up = lead_[static_cast<size_t>(p)];
      if (up == p || phrase(up).of_phrase == p) return p;
      p = up;
    }
  }

  // The previous clause that has (or inherits) a subject, for coordinated and participial verbs.
  int32_t previous_clause(size_t i) const {
    return i == 0 ? kNone : static_cast<int32_t>(i - 1);
  }

  // For a comma right before a verb: the phrase before ", <apposition> ," when no verb stands
  // before it in the sentence; kNone otherwise.
  int32_t subject_before_apposition(uint32_t comma) const {
    if (comma <= b_ + 1) return kNone;
    uint32_t j = comma - 1;
    bool named = false;  // the apposition has a noun phrase
    while (j > b_ && word(j) != ",") {
      if (verb_at(j) != kNone) return kNone;
      named |= phrase_at(j) != kNone;
      --j;
    }
    if (j <= b_ || !named) return kNone;
    uint32_t k = j - 1;
    if (tag(k) == Pos::kRrb) {  // "(NUT)"
      while (k > b_ && tag(k) != Pos::kLrb) --k;
      if (k <= b_) return kNone;
      --k;
    }
    int32_t p = phrase_at(k);
    if (p == kNone) return kNone;
    int32_t subj = climb(p);
    for (uint32_t v = b_; v < phrase(subj).first; ++v)
      if (verb_at(v) != kNone) return kNone;
    return subj;
  }

  bool time_word(const NounPhrase& np) const {
    if (np.end - np.first != 1) return false;
    std::string w(word(np.first));
    for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return in(w, {"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday"});
  }

  // A phrase naming a time: "Thursday", "last week", "this month", "March".
  bool time_phrase(int32_t p) const {
    std::string h(lemma(phrase(p).head));
    for (char& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return in(h, {"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday",
                  "friday", "saturday", "sunday", "week", "month", "year", "weekend", "night", "morning",
                  "evening", "afternoon", "day", "january", "february", "march", "april", "may", "june", "july",
                  "august", "september", "october", "november", "december"}) &&
           phrase(p).conjunct_next == kNone && phrase(p).of_phrase == kNone;
  }

  void find_subject(size_t i) {
    Clause& c = clause(i);
    const VerbGroup& vg = verb(i);
    if (vg.form == Form::kInfinitive) {
      c.kind = ClauseKind::kInfinitival;
      return;
    }
    int64_t k = skip_adverbs_left(static_cast<int64_t>(vg.first) - 1);
    if (k < b_ || is_opening(static_cast<uint32_t>(k))) {
      // "Citing security concerns, the government ...", "Backed by Russia, the rebels ...":
      // an opening participle describes the subject of the clause after it.
      if (vg.form == Form::kGerund || vg.form == Form::kParticiple) {
        c.kind = ClauseKind::kParticipial;
        opening_participle_[i] = true;
      }
      return;
    }
    // "Iran today threatened", "Russia on Monday said": a time word between subject and verb.
    if (int32_t p = phrase_at(static_cast<uint32_t>(k)); p != kNone && time_word(phrase(p)) && phrase(p).first > b_) {
      int64_t before = skip_adverbs_left(static_cast<int64_t>(phrase(p).first) - 1);
      if (before >= b_ && phrase_at(static_cast<uint32_t>(before)) != kNone) k = before;
    }
    uint32_t t = static_cast<uint32_t>(k);
    if (int32_t p = phrase_at(t); p != kNone) {
      // The phrase right after an earlier relative or participial clause's verb is that clause's
      // object; the subject is what that clause modifies ("the man who attacked police was").
      int32_t before = phrase(lead(p)).first > b_ ? verb_at(phrase(lead(p)).first - 1) : kNone;
      if (before != kNone && (clause(static_cast<size_t>(before)).kind == ClauseKind::kRelative ||
                              clause(static_cast<size_t>(before)).kind == ClauseKind::kParticipial)) {
        set_subject(i, antecedent_[static_cast<size_t>(before)], false);
        return;
      }
      if (vg.form == Form::kParticiple || (vg.form == Form::kGerund && vg.first == t + 1)) {
        // "a checkpoint held by ...", "refugees fleeing the war": modifies the phrase before.
        c.kind = ClauseKind::kParticipial;
        antecedent_[i] = lead(p);
        set_subject(i, lead(p), false);
        return;
      }
      if (phrase(p).is_conjunct && vg.form == Form::kFinite && verb_before_token(phrase(lead(p)).first)) {
        // "Israel struck targets in Gaza and Hamas fired": not "Gaza and Hamas" but a new clause.
        cut_conjunct(p);
      }
      int32_t subj = climb(p);
      uint32_t first = phrase(subj).first;
      if (reduced_object_relative(i, subj)) return;
      if (first > b_) {
        uint32_t prev = first - 1;
        if (is_relative(prev)) {
          // "the man whom police arrested": an object relative; its antecedent is the object.
          c.kind = ClauseKind::kRelative;
          c.subordinator = static_cast<int32_t>(prev);
          antecedent_[i] = antecedent_of(prev);
        } else if (is_subordinator(prev)) {
          c.kind = ClauseKind::kSubordinate;
          c.subordinator = static_cast<int32_t>(prev);
        } else if (lemma(prev) == "that" || tag(prev) == Pos::kColon) {
          c.kind = ClauseKind::kComplement;
          c.subordinator = static_cast<int32_t>(prev);
        }
      }
      set_subject(i, subj);
      return;
    }
    if (is_relative(t)) {
      c.kind = ClauseKind::kRelative;
      c.subordinator = static_cast<int32_t>(t);
      int32_t ante = antecedent_of(t);
      antecedent_[i] = ante;
      set_subject(i, ante, false);
      return;
    }
    if (is_subordinator(t) || lemma(t) == "after" || lemma(t) == "before") {
      c.kind = ClauseKind::kSubordinate;  // "after attacking", "while visiting"
      c.subordinator = static_cast<int32_t>(t);
      c.subject_inherited = true;
      return;
    }
    if (vg.form == Form::kFinite && is_speech_verb(lemma(vg.head)) && (word(t) == "," || is_quote(t))) {
      // Inverted speech: "..., said a UN official." / "\"...,\" said Ms. Doe" (but not
      // "..., said eight people were killed").
      int32_t p = phrase_at(vg.end);
      uint32_t after = p != kNone ? phrase(lead(p)).extent_end : vg.end;
      bool ends = after >= e_ || word(after) == "," || tag(after) == Pos::kPeriod || tag(after) == Pos::IN ||
                  tag(after) == Pos::kCloseQuote || (p != kNone && phrase_at(after) != kNone);
      if (p != kNone && phrase(p).first == vg.end && ends && verb_at(after) == kNone && !time_word(phrase(p))) {
        c.subject = lead(p);
        inverted_[i] = true;
        subject_clause_[static_cast<size_t>(lead(p))] = static_cast<int32_t>(i);
        return;
      }
    }
    // "The Nigerian Union of Teachers (NUT), the umbrella union for teachers, announced": a
    // subject with an apposition between commas, before any verb of the sentence.
    if (vg.form == Form::kFinite && word(t) == ",") {
      if (int32_t subj = subject_before_apposition(t); subj != kNone) {
        set_subject(i, subj);
        return;
      }
    }
    // "X attacked Y and killed Z", ", killing Z": the subject of the verb before.
    if (tag(t) == Pos::CC || word(t) == "," || vg.form != Form::kFinite) c.subject_inherited = true;
  }

  // "The man whom police arrested on Sunday was released", "Activists who were detained
  // during the protests have been released": a finite verb right after a relative clause (no
  // comma, no other finite verb between) has the relative's antecedent as its subject; what
  // looked like its subject belongs to the relative clause.
  void after_restrictive_relative(size_t i) {
    Clause& c = clause(i);
    const VerbGroup& vg = verb(i);
    if (vg.form != Form::kFinite || c.kind != ClauseKind::kMain || inverted_[i]) return;
    if (c.subject == kNone && !(vg.first > b_ && verb_at(vg.first - 1) != kNone)) return;
    for (size_t j = i; j-- > 0;) {
      const VerbGroup& rv = verb(j);
      bool modifier = clause(j).kind == ClauseKind::kRelative ||
                      (clause(j).kind == ClauseKind::kParticipial && antecedent_[j] != kNone);
      if (!modifier) {
        if (rv.form == Form::kFinite) return;
        continue;
      }
      if (antecedent_[j] == kNone || (c.subject != kNone && phrase(c.subject).first < rv.end)) return;
      for (uint32_t t = rv.end; t < vg.first; ++t)
        if (word(t) == "," || tag(t) == Pos::kColon || is_subordinator(t) || lemma(t) == "that") return;
      if (c.subject != kNone) subject_clause_[static_cast<size_t>(c.subject)] = kNone;
      set_subject(i, antecedent_[j], false);
      c.subject_inherited = false;
      return;
    }
  }

  // "The deal the two leaders signed collapsed within weeks": two noun phrases in a row at the
  // start of a clause, a verb with no object, and another verb straight after it. The first
  // verb is a relative clause on the first phrase; the second is the clause's own verb.
  bool reduced_object_relative(size_t i, int32_t subj) {
    uint32_t first = start_of(subj);
    if (first <= b_ || verb(i).form != Form::kFinite) return false;
    int32_t q = phrase_at(first - 1);
    if (q == kNone || phrase(q).possessive || phrase(q).pronoun || phrase(subj).pronoun == false) {
      if (q == kNone || phrase(q).possessive) return false;
    }
    q = lead(q);
    uint32_t q_first = start_of(q);
    bool clause_start = q_first == b_ || word(q_first - 1) == "," || is_subordinator(q_first - 1);
    uint32_t after = verb(i).end;
    while (after < e_ && is_adverb(tag(after)) && phrase_at(after) == kNone) ++after;
    int32_t next = verb_at(after);
    if (!clause_start || next == kNone || static_cast<size_t>(next) != i + 1) return false;
    Clause& c = clause(i);
    c.kind = ClauseKind::kRelative;
    antecedent_[i] = q;
    set_subject(i, subj, false);
    // The verb after it is finite, whatever the tagger made of it ("collapsed").
    VerbGroup& nv = a_.verbs[clause(i + 1).verb];
    if (nv.form == Form::kParticiple && nv.first == nv.head) {
      nv.form = Form::kFinite;
      nv.passive = false;
      nv.tense = Tense::kPast;
      a_.tags[nv.head] = Pos::VBD;
    }
    return true;
  }

  // Is there a verb group before token k in this sentence?
  bool verb_before_token(uint32_t k) const {
    for (uint32_t t = b_; t < k; ++t)
      if (verb_at(t) != kNone) return true;
    return false;
  }

  // Ends a coordination before phrase p, and recomputes the extents it changes.
  void cut_conjunct(int32_t p) {
    for (auto& np : a_.phrases)
      if (np.conjunct_next == p) np.conjunct_next = kNone;
    a_.phrases[static_cast<size_t>(p)].is_conjunct = false;
    lead_[static_cast<size_t>(p)] = p;
    for (size_t k = a_.phrases.size(); k-- > 0;)
      if (a_.phrases[k].first >= b_ && a_.phrases[k].first < e_) a_.phrases[k].extent_end = phrase_extent(a_.phrases, k);
  }

  // "X, who attacked Y, was arrested", "The civilians, imprisoned for ..., were released",
  // "The Philippines and the EU (EU) agree": the subject stands before the parenthesis.
  void subject_across_parenthesis(size_t i) {
    Clause& c = clause(i);
    const VerbGroup& vg = verb(i);
    if (c.subject != kNone || inverted_[i] || vg.form != Form::kFinite) return;
    int64_t k = skip_adverbs_left(static_cast<int64_t>(vg.first) - 1);
    if (k <= b_) return;
    uint32_t t = static_cast<uint32_t>(k);
    int64_t open = -1;
    if (tag(t) == Pos::kRrb) {
      int depth = 0;
      for (int64_t m = t; m >= b_; --m) {
        if (tag(static_cast<uint32_t>(m)) == Pos::kRrb) ++depth;
        if (tag(static_cast<uint32_t>(m)) == Pos::kLrb && --depth == 0) {
          open = m;
          break;
        }
      }
    } else if (word(t) == ",") {
      for (int64_t m = static_cast<int64_t>(t) - 1; m >= b_ && t - m < 40; --m) {
        if (word(static_cast<uint32_t>(m)) == ",") {
          open = m;
          break;
        }
      }
      // A finite clause with its own subject between the commas is not a parenthesis
      // ("X attacked Y, Z said, and ...").
      for (size_t j = 0; j < n_ && open >= 0; ++j) {
        const Clause& o = clause(j);
        uint32_t v = verb(j).first;
        if (j != i && v > open && v < t && verb(j).form == Form::kFinite && o.subject != kNone &&
            !o.subject_inherited && o.kind != ClauseKind::kRelative && phrase(o.subject).first > open)
          open = -1;
      }
    }
    if (open <= b_) return;
    int32_t p = phrase_at(static_cast<uint32_t>(open - 1));
    if (p == kNone) return;
    int32_t subj = climb(p);
    if (!can_be_subject(subj)) return;
    c.subject_inherited = false;
    set_subject(i, subj);
  }

  // Not the object of a preposition or subordinator, and not a time phrase.
  bool can_be_subject(int32_t p) const {
    uint32_t first = start_of(p);
    if (first > b_) {
      Pos before = tag(first - 1);
      if (before == Pos::IN || before == Pos::TO || before == Pos::WRB) return false;
    }
    std::string_view h = lemma(phrase(p).head);
    return !in(h, {"today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                   "Sunday", "week", "month", "year", "time", "day"});
  }

  // A sentence whose only verb the tagger read as a participle ("Ithilen's militia vowed on
  // Thursday to ...") still has a main clause: that verb, with the phrase before as subject.
  void rescue_main_verb() {
    for (size_t i = 0; i < n_; ++i) {
      const Clause& c = clause(i);
      if (verb(i).form == Form::kFinite && c.kind == ClauseKind::kMain && c.parent == kNone && c.subject != kNone)
        return;
    }
    for (size_t i = 0; i < n_; ++i) {
      Clause& c = clause(i);
      VerbGroup& vg = a_.verbs[c.verb];
      if (c.kind != ClauseKind::kParticipial || vg.form != Form::kParticiple || antecedent_[i] == kNone) continue;
      if (!can_be_subject(antecedent_[i])) continue;
      vg.form = Form::kFinite;
      vg.passive = false;
      vg.tense = Tense::kPast;
      a_.tags[vg.head] = Pos::VBD;
      c = Clause{};
      c.verb = static_cast<uint32_t>(&vg - a_.verbs.data());
      c.first = vg.first;
      c.end = vg.end;
      set_subject(i, antecedent_[i]);
      antecedent_[i] = kNone;
      find_objects(i);
      for (size_t j = 0; j < n_; ++j) {
        Clause& d = clause(j);
        if (d.parent == static_cast<int32_t>(c0_ + i) && d.kind == ClauseKind::kParticipial) d.subject = c.subject;
        // "While the talks continued, fighting raged": an opening subordinate clause waited for it.
        if (j < i && d.parent == kNone && (d.kind == ClauseKind::kSubordinate || opening_participle_[j]))
          d.parent = static_cast<int32_t>(c0_ + i);
      }
      // "... refrained from attacking X": the gerund after it attaches to the new objects.
      if (i + 1 < n_ && verb(i + 1).form == Form::kGerund && clause(i + 1).parent == static_cast<int32_t>(c0_ + i) &&
          clause(i + 1).subordinator != kNone) {
        clause(i + 1).subject = kNone;
        prepositional_gerund(i + 1);
      }
      return;
    }
  }

  // The clause whose verb group or object/prepositional material covers token k.
  int32_t clause_covering(uint32_t k) const {
    for (size_t j = 0; j < n_; ++j) {
      const Clause& c = a_.clauses[c0_ + j];
      if (k >= c.first && k < c.end) return static_cast<int32_t>(j);
    }
    return kNone;
  }

  // Is phrase p the subject of a clause after clause i?
  int32_t later_subject(int32_t p, size_t i) const {
    if (p == kNone) return kNone;
    int32_t j = subject_clause_[static_cast<size_t>(lead(p))];
    return j != kNone && static_cast<size_t>(j) > i ? j : kNone;
  }

  void make_dependent(size_t child, size_t parent, ClauseKind kind, int32_t subordinator) {
    Clause& c = clause(child);
    if (c.parent != kNone) return;
    c.parent = static_cast<int32_t>(c0_ + parent);
    if (c.kind == ClauseKind::kMain) c.kind = kind;
    if (c.subordinator == kNone) c.subordinator = subordinator;
  }

  void find_objects(size_t i) {
    Clause& c = clause(i);
    const VerbGroup& vg = verb(i);
    uint32_t k = vg.end;
    if (inverted_[i] && c.subject != kNone) k = phrase(c.subject).extent_end;
    auto skip_adverbs = [&] {
      for (;;) {
        while (k < e_ && is_adverb(tag(k)) && phrase_at(k) == kNone && verb_at(k) == kNone) ++k;
        // "conceded at last to demands", "agreed in turn to": a fixed adverbial, not a
        // prepositional object.
        if (k + 1 < e_ && phrase_at(k + 1) == kNone &&
            ((lemma(k) == "at" && in(lemma(k + 1), {"last", "once", "first", "least", "present"})) ||
             (lemma(k) == "in" && in(lemma(k + 1), {"turn", "particular", "return"})) ||
             (lemma(k) == "of" && lemma(k + 1) == "course") || (lemma(k) == "for" && lemma(k + 1) == "now"))) {
          k += 2;
          continue;
        }
        break;
      }
    };
    skip_adverbs();
    // "said (that) Y attacked Z", "said: ...".
    if ((lemma(k) == "that" && tag(k) == Pos::IN) || tag(k) == Pos::kColon) {
      if (int32_t j = later_subject(phrase_at(k + 1), i); j != kNone) {
        make_dependent(static_cast<size_t>(j), i, ClauseKind::kComplement, static_cast<int32_t>(k));
        c.end = k + 1;
        return;
      }
    }
    bool objects_done = c.kind == ClauseKind::kParticipial && vg.passive;
    for (int slot = 0; slot < 2 && !objects_done; ++slot) {
      int32_t p = phrase_at(k);
      if (p == kNone || phrase(p).first != k) break;
      // "rejected Thursday a UN appeal", "released last week 200 prisoners": a time phrase
      // between the verb and its object is an adverbial, not the first object.
      if (slot == 1 && time_word(phrase(lead(p)))) {  // "opened its borders today to ..."
        k = phrase(lead(p)).extent_end;
        break;
      }
      if (slot == 0 && time_phrase(lead(p))) {
        uint32_t after = phrase(lead(p)).extent_end;
        int32_t q = phrase_at(after);
        if (q != kNone && phrase(q).first == after && !time_phrase(lead(q)) && later_subject(q, i) == kNone) {
          k = after;
          p = q;
        } else if (time_word(phrase(lead(p))) && (tag(after) == Pos::IN || tag(after) == Pos::TO)) {
          // "were converging Thursday for a rally": a day is never the object.
          k = after;
          break;
        }
      }
      if (int32_t j = later_subject(p, i); j != kNone) {
        make_dependent(static_cast<size_t>(j), i, ClauseKind::kComplement, kNone);
        c.end = k;
        return;
      }
      // "the government 's offer": the object is what is possessed.
      while (phrase(p).possessive && phrase_at(phrase(p).end) != kNone &&
             phrase(phrase_at(phrase(p).end)).possessor == p)
        p = phrase_at(phrase(p).end);
      (slot == 0 ? c.object : c.object2) = lead(p);
      k = phrase(lead(p)).extent_end;
      // "met X, the ambassador, in Dubai": past the comma that closes an apposition.
      if (phrase(lead(p)).apposition != kNone && word(k) == ",") ++k;
      // "forced the agency, UNHCR, out of the country", "drove the rebels back to": a particle
      // after the object belongs to the verb.
      if (vg.particle == kNone && k + 1 < e_ && verb_at(k) == kNone && phrase_at(k) == kNone) {
        std::string_view w = lemma(k);
        bool particle = (tag(k) == Pos::RP && in(w, {"out", "back", "off", "away", "down", "over", "up"})) ||
                        (in(w, {"out", "back", "away"}) && in(lemma(k + 1), {"of", "from", "to", "into", "across"}));
        if (particle) {
          a_.verbs[c.verb].particle = static_cast<int32_t>(k);
          ++k;
          break;
        }
      }
      skip_adverbs();
    }
    // Prepositional objects, the passive agent, "according to X".
    for (;;) {
      skip_adverbs();
      if (k >= e_) break;
      Pos t = tag(k);
      if (is_word(k, "according") && lemma(k + 1) == "to" && phrase_at(k + 2) != kNone) {
        c.attributed_to = lead(phrase_at(k + 2));
        k = phrase(c.attributed_to).extent_end;
        continue;
      }
      // "return to Geneva this week for talks": a bare time phrase between prepositional objects.
      if (int32_t tp = phrase_at(k); tp != kNone && phrase(tp).first == k && time_phrase(lead(tp)) &&
                                     later_subject(tp, i) == kNone && !c.preps.empty()) {
        k = phrase(lead(tp)).extent_end;
        continue;
      }
      if ((t == Pos::IN || t == Pos::TO) && verb_at(k) == kNone) {
        int32_t p = phrase_at(k + 1);
        if (p == kNone || phrase(p).first != k + 1) break;
        if (int32_t j = later_subject(p, i); j != kNone && (is_subordinator(k) || lemma(k) == "before" ||
                                                           lemma(k) == "after" || lemma(k) == "until" ||
                                                           lemma(k) == "that")) {
          // "... after rebels shelled the town": the preposition opens a clause.
          ClauseKind kind = is_subordinator(k) ? ClauseKind::kSubordinate : ClauseKind::kComplement;
          make_dependent(static_cast<size_t>(j), i, kind, static_cast<int32_t>(k));
          break;
        }
        while (phrase(p).possessive && phrase_at(phrase(p).end) != kNone &&
               phrase(phrase_at(phrase(p).end)).possessor == p)
          p = phrase_at(phrase(p).end);
        p = lead(p);
        if (vg.passive && lemma(k) == "by" && c.agent == kNone) c.agent = p;
        else c.preps.push_back({k, p});
        k = phrase(p).extent_end;
        // "forced out on Wednesday more than 1,000 refugees": the object after a time
        // adverbial that stands between it and the verb.
        if (c.object == kNone && !objects_done && time_phrase(p) && c.preps.size() == 1 && !vg.passive) {
          int32_t q = phrase_at(k);
          if (q != kNone && phrase(q).first == k && later_subject(q, i) == kNone && !time_phrase(lead(q))) {
            c.object = lead(q);
            k = phrase(c.object).extent_end;
          }
        }
        continue;
      }
      break;
    }
    c.end = std::max(c.end, k);
  }

  // "condemned and rejected the plan", "donated and personally delivered aid to X": a verb
  // with nothing after it but "and"/"or" and a second verb shares that verb's objects.
  void share_objects(size_t i) {
    Clause& c = clause(i);
    const VerbGroup& vg = verb(i);
    if (c.object != kNone || !c.preps.empty() || vg.form != Form::kFinite) return;
    uint32_t k = vg.end;
    if (tag(k) != Pos::CC || !(lemma(k) == "and" || lemma(k) == "or")) return;
    ++k;
    while (k < e_ && is_adverb(tag(k)) && verb_at(k) == kNone) ++k;
    const VerbGroup& next = verb(i + 1);
    if (next.first != k && !(verb_at(k) == static_cast<int32_t>(i + 1))) return;
    if (next.form != Form::kFinite || clause(i + 1).subject != kNone) return;
    const Clause& d = clause(i + 1);
    c.object = d.object;
    c.object2 = d.object2;
    c.preps = d.preps;
    c.agent = d.agent;
  }

  // Verbs whose object is the subject of the infinitive after it ("urged both sides to return").
  static bool object_control_verb(std::string_view l) {
    return in(l, {"urge", "ask", "call", "tell", "order", "force", "persuade", "allow", "permit", "invite",
                  "encourage", "press", "pressure", "help", "enable", "require", "expect", "push", "warn",
                  "instruct", "authorize", "authorise", "appeal", "implore", "exhort", "compel", "oblige",
                  "advise", "beg", "lead", "prompt", "cause", "get", "want", "need", "convince", "challenge",
                  "train", "send", "deploy", "dispatch", "mobilize", "mobilise", "choose", "elect", "appoint",
                  "nominate", "direct", "command", "mandate", "empower", "entitle", "assign", "commission",
                  "pay", "hire", "recruit", "arm", "equip", "bribe", "induce", "inspire", "motivate",
                  "provoke", "incite", "trigger", "drive", "spur", "tempt", "lure", "like", "prefer",
                  "petition", "lobby", "request", "demand", "remind", "select", "forbid", "ban", "bar"});
  }

  // Texts that speak for their author ("a statement condemning the attack").
  static bool document_noun(std::string_view l) {
    return in(l, {"statement", "declaration", "resolution", "letter", "communique", "communiqué", "message",
                  "appeal", "petition", "decree", "motion", "memorandum", "note", "report", "ultimatum",
                  "manifesto", "proclamation", "order", "directive", "circular", "notice", "bill", "fatwa",
                  "press", "release", "document", "warning", "video", "videotape", "tape", "recording", "leaflet"});
  }

  // Nouns completed by an infinitive ("efforts to stop", "a plan to build", "the right to vote").
  static bool infinitive_noun(std::string_view l) {
    return in(l, {"effort", "plan", "attempt", "bid", "decision", "call", "move", "offer", "threat", "promise",
                  "pledge", "proposal", "agreement", "deal", "order", "request", "demand", "right", "chance",
                  "opportunity", "way", "ability", "authority", "permission", "readiness", "willingness",
                  "intention", "commitment", "campaign", "drive", "push", "mission", "mandate", "resolution",
                  "vote", "motion", "appeal", "invitation", "need", "scheme", "initiative", "project",
                  "program", "programme", "strategy", "policy", "law", "bill", "measure", "step", "steps",
                  "power", "time", "money", "fund", "funds", "aid", "assistance", "support", "approval",
                  "go-ahead", "green", "license", "licence", "ultimatum", "deadline", "option",
                  "refusal", "failure", "determination", "desire", "wish", "hope", "intent", "goal", "aim"});
  }

  // Governing clauses for infinitives, participles, subordinate and coordinated clauses;
  // inherited subjects.
  void attach(size_t i) {
    Clause& c = clause(i);
    const VerbGroup& vg = verb(i);
    int32_t prev = previous_clause(i);
    if (c.kind == ClauseKind::kInfinitival && prev != kNone) {
      Clause& gov = clause(static_cast<size_t>(prev));
      const VerbGroup& gvg = verb(static_cast<size_t>(prev));
      c.parent = static_cast<int32_t>(c0_ + static_cast<size_t>(prev));
      // Object control ("urged both sides to return") or subject control ("vowed to retaliate").
      // Only a verb that acts on someone passes its object on; "opened fire to disperse
      // demonstrators", "used force to ...", "held talks to ..." are done by the subject. A noun
      // that takes the infinitive itself keeps it ("abandoned efforts to stop": not Gollum).
      if (gov.object != kNone && phrase(gov.object).extent_end == vg.first &&
          (object_control_verb(lemma(gvg.head)) || phrase(gov.object).proper || phrase(gov.object).pronoun ||
           infinitive_noun(lemma(phrase(gov.object).head)))) {
        c.subject = gov.object;
      } else {
        c.subject = gov.subject;
      }
      c.subject_inherited = true;
      std::string_view gl = lemma(gvg.head);
      bool about_to = gl == "be" && vg.first > b_ && lemma(vg.first - 1) == "about";
      bool going_to = gl == "go" && gvg.progressive;
      if (is_intent_verb(gl) || about_to || going_to || (gvg.passive && in(gl, {"expect", "schedule", "set", "due"}))) {
        c.has_intent = true;
        c.intent = gvg.head;
      }
      return;
    }
    if (opening_participle_[i]) {
      for (size_t j = i + 1; j < n_; ++j) {
        if (clause(j).kind == ClauseKind::kMain && verb(j).form == Form::kFinite) {
          c.parent = static_cast<int32_t>(c0_ + j);
          c.subject = clause(j).subject;
          c.subject_inherited = true;
          break;
        }
      }
      return;
    }
    if (c.kind == ClauseKind::kParticipial && c.parent == kNone) {
      if (int32_t ante = antecedent_[i]; ante != kNone) {
        c.parent = owner_of_phrase(ante, i);
        // "issued a declaration demanding that ...", "passed a resolution urging ...": what a
        // text says, its author says; the participle's subject is the issuer.
        if (c.parent != kNone && vg.form == Form::kGerund) {
          const Clause& owner = a_.clauses[static_cast<size_t>(c.parent)];
          if (owner.object == ante && owner.subject != kNone && document_noun(lemma(phrase(ante).head))) {
            c.subject = owner.subject;
            c.subject_inherited = true;
          }
        }
      } else if (prev != kNone) {
        c.parent = static_cast<int32_t>(c0_ + static_cast<size_t>(prev));
      }
      return;
    }
    if (c.kind == ClauseKind::kRelative && c.parent == kNone) {
      if (int32_t ante = antecedent_[i]; ante != kNone) {
        c.parent = owner_of_phrase(ante, i);
        if (c.subject != ante && c.object == kNone) c.object = ante;  // "the man whom police arrested"
      }
      return;
    }
    if (prepositional_gerund(i)) return;
    // "X opened its borders to refugees ordered out of Y, but was still refusing ...": a finite
    // verb after "and"/"but" is coordinated with the last clause that is not a relative or
    // participial modifier of a phrase in between.
    if (c.subject == kNone && c.subject_inherited && prev != kNone && vg.form == Form::kFinite &&
        vg.first > b_ && tag(vg.first - 1) == Pos::CC) {
      while (prev > 0 && (clause(static_cast<size_t>(prev)).kind == ClauseKind::kRelative ||
                          (clause(static_cast<size_t>(prev)).kind == ClauseKind::kParticipial &&
                           antecedent_[static_cast<size_t>(prev)] != kNone)))
        --prev;
    }
    if (c.subject == kNone && c.subject_inherited && prev != kNone) {
      Clause& p = clause(static_cast<size_t>(prev));
      c.subject = p.subject;
      bool coordinated = vg.first > b_ && tag(vg.first - 1) == Pos::CC;
      if (coordinated && vg.form == Form::kParticiple && verb(static_cast<size_t>(prev)).perfect) {
        // "have detained X and arrested Y": the second verb shares the first one's auxiliary.
        VerbGroup& mine = a_.verbs[c.verb];
        const VerbGroup& theirs = verb(static_cast<size_t>(prev));
        mine.form = Form::kFinite;
        mine.tense = theirs.tense;
        mine.perfect = true;
        mine.passive = theirs.passive;
        c.kind = ClauseKind::kMain;
      }
      if ((vg.form != Form::kFinite && !(coordinated && a_.verbs[c.verb].form == Form::kFinite)) ||
          c.kind == ClauseKind::kSubordinate) {
        // ", killing five people" / "after attacking": depends on the clause before.
        if (c.parent == kNone) c.parent = static_cast<int32_t>(c0_ + static_cast<size_t>(prev));
        if (c.kind == ClauseKind::kMain) c.kind = ClauseKind::kParticipial;
      } else {
        // "attacked Y and killed Z": a coordinated verb shares its partner's place.
        c.parent = p.parent;
        if (p.kind != ClauseKind::kMain || p.parent != kNone) c.kind = p.kind;
        c.attributed_to = p.attributed_to;
      }
      return;
    }
    if (c.kind == ClauseKind::kSubordinate && c.parent == kNone) {
      // "After X did Y, Z did W": a sentence-initial subordinate clause depends on the next
      // clause that is not itself dependent; otherwise on the clause before it.
      if (prev == kNone || c.subordinator < static_cast<int32_t>(clause(0).first)) {
        for (size_t j = i + 1; j < n_; ++j) {
          if (clause(j).kind == ClauseKind::kMain) {
            c.parent = static_cast<int32_t>(c0_ + j);
            break;
          }
        }
      } else {
        c.parent = static_cast<int32_t>(c0_ + static_cast<size_t>(prev));
      }
    }
  }

  // "banned candidates from participating in the elections", "barred the envoy from entering
  // the city", "accused the army of killing civilians", "rejected an appeal for deploying
  // troops": a gerund right after a preposition that follows the previous clause's material
  // is that clause's prepositional complement. The clause keeps the preposition with what the
  // gerund is about (its object, else its first prepositional object), so patterns such as
  // "ban X from <elections>" see it; the gerund's subject is the previous clause's object when
  // the preposition follows it ("barred the envoy from entering": the envoy enters), except
  // after a noun that names a request or plan ("an appeal for deploying": not the appeal).
  bool prepositional_gerund(size_t i) {
    Clause& c = clause(i);
    const VerbGroup& vg = verb(i);
    int32_t prev = previous_clause(i);
    if (prev == kNone || vg.form != Form::kGerund || c.subject != kNone || vg.first <= b_ + 1) return false;
    uint32_t prep = vg.first - 1;
    if (!(tag(prep) == Pos::IN || tag(prep) == Pos::TO) || is_subordinator(prep) ||
        !in(lemma(prep), {"from", "of", "for", "against", "about", "on", "over", "into", "to", "with"}))
      return false;
    Clause& p = clause(static_cast<size_t>(prev));
    if (p.end != prep) return false;
    c.parent = static_cast<int32_t>(c0_ + static_cast<size_t>(prev));
    c.kind = ClauseKind::kParticipial;
    c.subordinator = static_cast<int32_t>(prep);
    c.subject_inherited = true;
    c.subject = p.subject;
    int32_t last = p.object2 != kNone ? p.object2 : p.object;
    if (last != kNone && p.preps.empty() && phrase(last).extent_end == prep && in(lemma(prep), {"from", "of", "for", "against"})) {
      std::string_view head = lemma(phrase(last).head);
      bool request = in(head, {"appeal", "call", "request", "demand", "plan", "proposal", "plea", "bid", "motion",
                               "resolution", "bill", "law", "campaign", "move", "decision", "order", "support",
                               "permission", "approval", "idea", "option", "initiative", "effort", "strategy"});
      c.subject = request ? kNone : last;
    }
    int32_t about = c.object != kNone ? c.object : !c.preps.empty() ? c.preps.front().phrase : kNone;
    if (about != kNone) p.preps.push_back({prep, about});
    return true;
  }

  // The clause in which a phrase plays a role (for relative and participial clauses).
  int32_t owner_of_phrase(int32_t p, size_t except) {
    for (size_t j = 0; j < n_; ++j) {
      if (j == except) continue;
      const Clause& c = clause(j);
      auto covers = [&](int32_t r) {
        return r != kNone && phrase(p).first >= phrase(r).first && phrase(p).first < phrase(r).extent_end;
      };
      bool has = covers(c.subject) || covers(c.object) || covers(c.object2) || covers(c.agent);
      for (const auto& pr : c.preps) has |= covers(pr.phrase);
      if (has) return static_cast<int32_t>(c0_ + j);
    }
    return kNone;
  }

  // "Y attacked Z, the military said." / "\"We will fight,\" he said." / "..., said X.":
  // a speech clause after a comma or closing quote, with nothing of its own to report,
  // governs the clauses before it.
  void postposed_speech() {
    for (size_t i = 0; i < n_; ++i) {
      Clause& s = clause(i);
      const VerbGroup& vg = verb(i);
      if (s.kind != ClauseKind::kMain || s.parent != kNone || vg.form != Form::kFinite) continue;
      if (!is_speech_verb(lemma(vg.head)) || s.subject == kNone) continue;
      if (has_complement(i)) continue;
      uint32_t start = inverted_[i] ? vg.first : start_of(s.subject);
      if (start <= b_) continue;
      uint32_t before = start - 1;
      while (before > b_ && (is_quote(before) || word(before) == ",")) --before;
      if (before + 1 == start) continue;  // no comma or quote before the speech clause
      for (size_t j = 0; j < i; ++j) {
        Clause& c = clause(j);
        if (c.parent != kNone || c.kind != ClauseKind::kMain) continue;
        c.parent = static_cast<int32_t>(c0_ + i);
        c.kind = inside_quotes(c.first) ? ClauseKind::kQuote : ClauseKind::kComplement;
      }
    }
  }

  bool has_complement(size_t i) const {
    for (size_t j = 0; j < n_; ++j)
      if (a_.clauses[c0_ + j].parent == static_cast<int32_t>(c0_ + i) &&
          a_.clauses[c0_ + j].kind == ClauseKind::kComplement)
        return true;
    return false;
  }

  bool inside_quotes(uint32_t k) const {
    int open = 0;
    for (uint32_t t = b_; t < k; ++t) {
      if (tag(t) == Pos::kOpenQuote) open = 1;
      if (tag(t) == Pos::kCloseQuote) open = 0;
    }
    return open > 0;
  }

  // "According to X, Y attacked Z": attribution for the first root clause after it.
  void according_to() {
    for (uint32_t k = b_; k + 2 < e_; ++k) {
      if (!is_word(k, "according") || lemma(k + 1) != "to" || phrase_at(k + 2) == kNone) continue;
      if (verb_at(k) != kNone) continue;
      int32_t speaker = lead(phrase_at(k + 2));
      // At the start it attributes the clause after it; elsewhere the root clause before it.
      int32_t target = kNone;
      for (size_t j = 0; j < n_; ++j) {
        const Clause& c = clause(j);
        if (c.parent != kNone) continue;
        if (verb(j).first > k) {
          if (target == kNone) target = static_cast<int32_t>(j);
          break;
        }
        target = static_cast<int32_t>(j);
      }
      if (target != kNone && clause(static_cast<size_t>(target)).attributed_to == kNone)
        clause(static_cast<size_t>(target)).attributed_to = speaker;
    }
  }

  void finish(size_t i) {
    Clause& c = clause(i);
    // Attribution flows from a speech clause to what it reports, and on to its dependents.
    if (c.attributed_to == kNone && c.parent != kNone) {
      const Clause& p = a_.clauses[static_cast<size_t>(c.parent)];
      const VerbGroup& pvg = a_.verbs[p.verb];
      if ((c.kind == ClauseKind::kComplement || c.kind == ClauseKind::kQuote) && is_speech_verb(a_.lemmas[pvg.head]))
        c.attributed_to = p.subject;
      else if (static_cast<size_t>(c.parent) < c0_ + i)
        c.attributed_to = p.attributed_to;
    }
    if (c.subject != kNone && !c.subject_inherited) c.first = std::min(c.first, phrase(c.subject).first);
    if (c.subordinator != kNone) c.first = std::min(c.first, static_cast<uint32_t>(c.subordinator));
  }

  std::string_view text_;
  std::span<const Token> tokens_;
  uint32_t b_, e_;
  Analysis& a_;
  size_t c0_ = 0, n_ = 0;
  std::vector<int32_t> verb_of_token_;
  std::vector<int32_t> lead_;
  std::vector<int32_t> subject_clause_;
  std::vector<int32_t> antecedent_;  // per clause: the phrase a relative/participial clause modifies
  std::vector<bool> inverted_;       // per clause: subject after the verb ("said a UN official")
  std::vector<bool> opening_participle_;  // per clause: "Citing concerns, ..." at the start
};

}  // namespace

bool is_speech_verb(std::string_view l) {
  return in(l, {"say", "tell", "announce", "state", "report", "claim", "add", "note", "declare", "insist",
                "confirm", "write", "allege", "argue", "explain", "stress", "reiterate", "assert",
                "acknowledge", "admit", "suggest", "indicate", "comment", "remark", "reply", "quote",
                "believe", "think", "estimate", "predict", "recall", "emphasize", "emphasise",
                "underline", "disclose", "reveal", "testify", "mention", "observe", "warn", "caution"});
}

bool is_intent_verb(std::string_view l) {
  return in(l, {"plan", "vow", "threaten", "pledge", "promise", "intend", "want", "seek", "aim", "hope",
                "expect", "prepare", "agree", "decide", "refuse", "offer", "propose", "try", "attempt",
                "vote", "move", "swear", "resolve", "undertake", "mean", "wish", "volunteer",
                "schedule", "set", "commit", "decline", "reject", "fail"});
}

std::string_view kind_name(ClauseKind k) {
  switch (k) {
    case ClauseKind::kMain: return "main";
    case ClauseKind::kComplement: return "complement";
    case ClauseKind::kSubordinate: return "subordinate";
    case ClauseKind::kRelative: return "relative";
    case ClauseKind::kInfinitival: return "infinitival";
    case ClauseKind::kParticipial: return "participial";
    case ClauseKind::kQuote: return "quote";
  }
  return "?";
}

void ClauseFinder::find(std::string_view text, std::span<const Token> tokens, const Sentence& s, Analysis& a) const {
  SentenceClauses(text, tokens, s, a).run();
}

}  // namespace dyad
