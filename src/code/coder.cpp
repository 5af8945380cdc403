#include "code/coder.h"

#include "base/strings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "lang/analysis.h"
#include "lang/clauses.h"

namespace dyad {
namespace {

std::string lower(std::string_view s) { return ascii_lower(s); }

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// How a framing verb turns the event of its infinitive ("vowed to attack").
enum class Framing { kNone, kIntend, kThreaten, kRefuse, kAsIs };

Framing framing_of(std::string_view lemma) {
  if (one_of(lemma, {"threaten", "warn"})) return Framing::kThreaten;
  // "failed to reach agreement": cooperation that did not come about is rejected (a failed
  // hostile act is no event, as a refused one).
  if (one_of(lemma, {"refuse", "decline", "reject", "fail"})) return Framing::kRefuse;
  // An attempt, or a start or continuation, is coded as the act: "tried to storm", "continued to send".
  if (one_of(lemma, {"try", "attempt", "continue", "begin", "start", "resume", "keep", "manage"})) return Framing::kAsIs;
  if (is_intent_verb(lemma)) return Framing::kIntend;
  return Framing::kNone;
}

// Longest-prefix lookup in a small code map.
std::string mapped(const std::string& code, std::initializer_list<std::pair<std::string_view, std::string_view>> map) {
  std::string_view best, to;
  for (const auto& [from, target] : map)
    if (code.compare(0, from.size(), from) == 0 && from.size() > best.size()) {
      best = from;
      to = target;
    }
  return best.empty() ? std::string() : std::string(to);
}

// Hostile events under threat or intent: CAMEO 13x.
std::string threat_code(const std::string& code) {
  return mapped(code, {{"14", "133"},  {"15", "138"},   {"16", "131"},   {"161", "1313"}, {"162", "1311"},
                       {"163", "1312"}, {"164", "134"},  {"165", "135"},  {"166", "136"},  {"17", "137"},
                       {"171", "130"}, {"172", "132"},  {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"},
                       {"1724", "1324"}, {"18", "1383"}, {"19", "1384"},  {"191", "1381"},
                       {"192", "1382"}, {"20", "1383"},  {"204", "1385"}});
}

// What an act is, for the families that name acts wanted, promised or refused (CAMEO 02x
// appeal, 03x intent, 10x demand, 12x reject): its kind and, where CAMEO splits it, a sub-digit.
struct Act {
  enum Kind { kNone, kMaterial, kDiplomatic, kAid, kReform, kYield, kRelease, kCeasefire, kWithdraw, kMeet, kMediate,
              kSettle, kInvestigate } kind = kNone;
  char sub = 0;  // '1'..'6'
};

Act act_of(const std::string& code) {
  auto sub = [&](size_t at) { return code.size() > at ? code[at] : '\0'; };
  if (code.rfind("045", 0) == 0) return {Act::kMediate};
  if (code.rfind("04", 0) == 0) return {Act::kMeet};
  if (code.rfind("057", 0) == 0) return {Act::kSettle};
  if (code.rfind("05", 0) == 0) return {Act::kDiplomatic};
  if (code.rfind("06", 0) == 0) return {Act::kMaterial, code.size() > 2 && code[2] != '0' ? code[2] : '\0'};
  if (code.rfind("075", 0) == 0) return {Act::kAid};
  if (code.rfind("07", 0) == 0) return {Act::kAid, code.size() > 2 && code[2] != '0' ? code[2] : '\0'};
  if (code.rfind("083", 0) == 0) return {Act::kReform, sub(3)};
  if (code.rfind("084", 0) == 0) return {Act::kRelease};
  if (code.rfind("0871", 0) == 0) return {Act::kCeasefire};
  if (code.rfind("0874", 0) == 0) return {Act::kWithdraw};
  if (code.rfind("08", 0) == 0) {
    static constexpr std::array<char, 8> kSub = {0, '1', '2', 0, 0, '4', '5', '6'};  // 081..087
    char d = code.size() > 2 ? code[2] : '0';
    return {Act::kYield, d >= '1' && d <= '7' ? kSub[static_cast<size_t>(d - '0')] : '\0'};
  }
  if (code.rfind("09", 0) == 0) return {Act::kInvestigate};
  return {};
}

// The code for `act` in `family`; "" when the family has none. Falls back to the shortest
// existing code when a sub-code does not exist.
std::string family_code(const std::string& family, const std::string& act_code) {
  Act a = act_of(act_code);
  std::string sub = a.sub ? std::string(1, a.sub) : "";
  std::string out;
  if (family == "02" || family == "03" || family == "10") {
    bool demand = family == "10";
    switch (a.kind) {
      case Act::kMaterial: out = family + (demand ? "1" : "1") + sub; break;
      case Act::kDiplomatic: out = family + "2"; break;
      case Act::kAid: out = family + "3" + sub; break;
      case Act::kReform: out = family + "4" + sub; break;
      case Act::kYield: out = demand ? "105" + sub : family + "5" + sub; break;
      case Act::kRelease: out = demand ? "1053" : family + "53"; break;
      case Act::kCeasefire: out = demand ? "107" : family + "56"; break;
      case Act::kWithdraw: out = demand ? "106" : family + "56"; break;
      case Act::kMeet: out = demand ? "108" : family + "6"; break;
      case Act::kMediate: out = demand ? "105" : family == "03" ? "039" : "028"; break;
      case Act::kSettle: out = demand ? "100" : family + "7"; break;
      case Act::kInvestigate: out = demand ? "101" : family + "0"; break;
      case Act::kNone: out = family + "0"; break;
    }
    if (demand && a.kind == Act::kMaterial && sub.empty()) out = "100";  // 101 is "demand information"
    if (demand && a.kind == Act::kYield && sub.empty()) out = "100";      // 105 is "demand mediation"
  } else if (family == "12") {
    switch (a.kind) {
      case Act::kMaterial: out = "121" + sub; break;
      case Act::kAid: out = "122" + sub; break;
      case Act::kReform: out = "123" + sub; break;
      case Act::kYield: out = "124" + sub; break;
      case Act::kRelease: out = "1243"; break;
      case Act::kCeasefire:
      case Act::kWithdraw: out = "1246"; break;
      case Act::kMeet: out = "125"; break;
      case Act::kMediate: out = "126"; break;
      case Act::kSettle: out = "127"; break;
      default: out = "120"; break;
    }
  }
  const CameoTable& table = CameoTable::shared();
  while (out.size() > 3 && !table.find(out)) out.pop_back();
  return table.find(out) ? out : "";
}

// "the ministry", "the group": a definite description, which may refer back.
bool definite(const Doc& doc, const NounPhrase& np) {
  return lower(doc.text_of(doc.tokens[np.first])) == "the";
}

// Gives an actor another code (country and roles follow it).
void recode(Actor& a, std::string code) {
  a.code = std::move(code);
  split_actor_code(a.code, a.country, a.roles);
}

struct Mention {
  Actor actor;
  uint32_t sentence = 0;
  bool person = false;
  bool org = false;
};

struct Resolved {
  std::vector<Actor> actors;
  bool coreference = false;
  bool implied = false;  // not named in the text: inferred by a rule (the event's note says which)
};

// One article's coding: the resolver and the coreference memory live as long as the article.
class ArticleCoder {
 public:
  ArticleCoder(const Matcher& matcher, const EventDictionary& events, const CoderOptions& options, Doc& doc,
               const Analysis& a, Events& out, std::vector<CodingNote>* trace)
      : events_(events), options_(options), doc_(doc), a_(a), out_(out), resolver_matcher_(matcher), resolver_(matcher), listing_(matcher),
        trace_(trace) {}

  void run() {
    resolver_.begin_article(doc_.article.date);
    listing_.begin_article(doc_.article.date);
    size_t ci = 0;
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      const Sentence& s = doc_.sentences[si];
      size_t first_clause = ci;
      while (ci < a_.clauses.size() && a_.clauses[ci].first < s.end_token) ++ci;
      sentence_ = si;
      bool codable = s.kind == SegmentKind::kBody || (s.kind == SegmentKind::kHeadline && options_.code_headlines);
      if (!codable) {
        trace(std::string("not coded: a ") + std::string(kind_name(s.kind)) +
              (s.kind == SegmentKind::kHeadline ? " (--headlines codes headlines)" : ""));
        continue;
      }
      bool article = false;
      uint32_t at = 0;
      skipped_clause_ = kNone;
      if (resolver_.discarded(doc_, s.first_token, s.end_token, &article, &at)) {
        if (article) {
          trace("a discard-article phrase: the whole article is not coded");
          out_.events.clear();
          return;
        }
        // A discard phrase inside a clause under another ("demanded an admission that Soviet
        // forces murdered officers <during World War Two>") sets only that clause aside.
        int32_t inner = kNone;
        for (size_t k = first_clause; k < ci; ++k)
          if (a_.clauses[k].first <= at && at < a_.clauses[k].end &&
              (inner == kNone || a_.clauses[k].first >= a_.clauses[inner].first))
            inner = static_cast<int32_t>(k);
        if (inner == kNone || a_.clauses[inner].parent == kNone) {
          trace("a discard phrase: not coded");
          continue;
        }
        skipped_clause_ = inner;
        trace("a discard phrase in " + clause_name(static_cast<uint32_t>(inner)) + ": that clause is not coded");
      }
      if (trace_) trace_actors(s);
      code_sentence(si, first_clause, ci);
    }
  }

 private:
  // Lower-case lemmas, computed once per token.
  const std::string& lemma(uint32_t token) const {
    if (lemma_cache_.empty()) {
      lemma_cache_.resize(a_.lemmas.size());
      lemma_done_.assign(a_.lemmas.size(), false);
    }
    if (!lemma_done_[token]) {
      lemma_cache_[token] = lower(a_.lemmas[token]);
      lemma_done_[token] = true;
    }
    return lemma_cache_[token];
  }
  // Lower-case token text, computed once per token.
  const std::string& word(uint32_t token) const {
    if (word_cache_.empty()) {
      word_cache_.resize(doc_.tokens.size());
      word_done_.assign(doc_.tokens.size(), false);
    }
    if (!word_done_[token]) {
      word_cache_[token] = lower(doc_.text_of(doc_.tokens[token]));
      word_done_[token] = true;
    }
    return word_cache_[token];
  }

  // A preposition as patterns name it ("upon" is "on").
  std::string prep(uint32_t token) const {
    std::string p = lemma(token);
    if (p == "upon") return "on";
    if (p == "amongst") return "among";
    return p;
  }

  // ---- actors -------------------------------------------------------------------------

  void resolve_range(uint32_t first, uint32_t end, std::vector<Actor>& out) {
    resolver_.resolve(doc_, first, end, out);
  }

  static bool agent_only(const std::vector<Actor>& v) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [](const Actor& a) { return a.entry < 0; });
  }

  // One member of a coordination: the phrase with its possessor and of-phrases; its
  // apposition when the phrase itself names nobody.
  void resolve_member(int32_t p, std::vector<Actor>& out, int depth = 0) {
    // A possessor stands for the phrase it belongs to ("the Democratic People's | Republic of Korea").
    if (static_cast<size_t>(p) + 1 < a_.phrases.size() && a_.phrases[p + 1].possessor == p) ++p;
    const NounPhrase& np = a_.phrases[p];
    uint32_t first = np.possessor != kNone ? std::min(np.first, a_.phrases[np.possessor].first) : np.first;
    // "Senior Hungarian and Romanian officials": adjectives coordinated before the phrase.
    while (first > sentence_first_ + 1 && a_.phrase_of[first - 1] == kNone && (a_.tags[first - 1] == Pos::CC || lower(doc_.text_of(doc_.tokens[first - 1])) == ",") &&
           is_adjective(a_.tags[first - 2]) && a_.phrase_of[first - 2] == kNone) {
      first -= 2;
      while (first > 0 && (is_adjective(a_.tags[first - 1]) || a_.tags[first - 1] == Pos::DT) && a_.phrase_of[first - 1] == kNone)
        --first;
    }
    uint32_t end = np.end;
    int32_t of = np.of_phrase;
    for (int depth = 0; of != kNone && depth < 3; ++depth) {
      end = std::max(end, a_.phrases[of].end);
      of = a_.phrases[of].of_phrase;
    }
    std::vector<Actor> found;
    resolve_range(first, end, found);
    if (np.of_phrase != kNone && a_.phrases[np.of_phrase].conjunct_next != kNone) {
      // "scores of Sierra Leonean and Liberian refugees", "the foreign ministers of Egypt and
      // Jordan": the coordination after "of" names the actors; the head may add their role.
      std::vector<Actor> core;
      resolve_range(first, np.end, core);
      if (core.empty() || agent_only(core)) {
        Resolved listed = resolve_phrase(np.of_phrase);
        for (Actor& a : listed.actors)
          if (!core.empty() && a.roles.empty() && !a.country.empty()) {
            recode(a, a.country + core.front().code);
          }
        found = std::move(listed.actors);
      }
    }
    if (agent_only(found) && end + 2 < sentence_end_ && one_of(lemma(end), {"loyal", "allied"}) &&
        one_of(lemma(end + 1), {"to", "with"}) && a_.phrase_of[end + 2] != kNone && depth < 2) {
      // "militants loyal to Iraq's al-Qaeda leader", "forces allied with the government": the
      // agent of whom they follow.
      std::vector<Actor> leader;
      resolve_member(a_.phrase_of[end + 2], leader, depth + 1);
      for (const Actor& l : leader)
        if (!l.country.empty()) {
          Actor a = found.front();
          std::string code = l.country;
          for (const auto& r : found.front().roles) code += r;
          recode(a, code);
          a.entry = l.entry;
          found = {a};
          break;
        }
    }
    if (found.empty() || agent_only(found)) {
      // "police in Kabul", "troops from Chad": the place that follows qualifies the agent; "a
      // village in Western Cambodia": it places what names nobody.
      uint32_t t = end;
      if (t + 1 < sentence_end_ && one_of(lemma(t), {"in", "from", "of", "at", "near", "outside"}) &&
          a_.phrase_of[t + 1] != kNone && (!found.empty() || !one_of(lemma(t), {"from"}))) {
        std::vector<Actor> wider;
        if (found.empty()) {
          if (depth < 2) resolve_member(a_.phrase_of[t + 1], wider, depth + 1);  // "the town of Samarra"
          // A capital here is a place, not its government ("power lines near Kabul").
          for (Actor& a : wider)
            if (a.entry >= 0 && resolver_.dictionary().entries()[a.entry].kind == EntryKind::kCapital) {
              recode(a, a.country);
            }
        } else {
          resolve_range(first, a_.phrases[a_.phrase_of[t + 1]].end, wider);
          // "lawmakers in Fornost and Gondor": the agent in each place listed.
          std::vector<std::string> roles = found.front().roles;
          for (int32_t m = a_.phrases[a_.phrase_of[t + 1]].conjunct_next, n = 0; m != kNone && n < 8 && !roles.empty();
               m = a_.phrases[m].conjunct_next, ++n) {
            std::vector<Actor> place;
            resolve_range(a_.phrases[m].first, a_.phrases[m].end, place);
            for (Actor& a : place) {
              if (a.country.empty() || !a.roles.empty()) continue;
              std::string code = a.country;
              for (const auto& r : roles) code += r;
              recode(a, code);
              a.agent = found.front().agent;
              wider.push_back(std::move(a));
            }
          }
        }
        if (!wider.empty() && !agent_only(wider)) found = std::move(wider);
      }
    }
    if ((found.empty() || agent_only(found)) && np.apposition != kNone) {
      std::vector<Actor> appos;
      resolve_member(np.apposition, appos);
      if (!appos.empty() && (found.empty() || !agent_only(appos))) found = std::move(appos);
    }
    collapse(found);
    for (auto& a : found)
      if (std::none_of(out.begin(), out.end(), [&](const Actor& o) { return o.code == a.code; }))
        out.push_back(std::move(a));
  }

  // One phrase names one actor per country: "Russian President Boris Yeltsin" is RUSGOV (the
  // title says his role then), not RUSGOV and RUSELI; "President Prosper Avril" is the person
  // (the title alone has no country).
  void collapse(std::vector<Actor>& v) const {
    if (v.size() < 2) return;
    bool any_country = std::any_of(v.begin(), v.end(), [](const Actor& a) { return !a.country.empty(); });
    std::vector<Actor> kept;
    for (Actor& a : v) {
      if (any_country && a.entry < 0) continue;  // a bare role beside a named actor
      auto same = std::find_if(kept.begin(), kept.end(), [&](const Actor& k) {
        return !a.country.empty() && k.country == a.country;
      });
      if (same == kept.end()) {
        kept.push_back(std::move(a));
      } else if (same->agent < 0 && a.agent >= 0) {
        *same = std::move(a);
      }
    }
    v = std::move(kept);
  }

  Resolved resolve_phrase(int32_t p) {
    Resolved r;
    if (p == kNone) return r;
    std::vector<std::pair<size_t, int32_t>> bare;  // "Sierra Leonean and Liberian refugees": adjectives sharing a head
    for (int32_t m = p, n = 0; m != kNone && n < 12; m = a_.phrases[m].conjunct_next, ++n) {
      size_t before = r.actors.size();
      for (auto& [index, member] : bare)
        if (member == kNone) member = m;  // the member after the bare adjective
      resolve_member(m, r.actors);
      if (r.actors.size() == before + 1 && r.actors.back().roles.empty() && is_adjective(a_.tags[a_.phrases[m].head]))
        bare.emplace_back(before, kNone);
      if (r.actors.size() == before || agent_only({r.actors.begin() + static_cast<long>(before), r.actors.end()})) {
        std::vector<Actor> co;
        if (corefer(m, co)) {
          r.actors.erase(r.actors.begin() + static_cast<long>(before), r.actors.end());
          r.actors.insert(r.actors.end(), co.begin(), co.end());
          r.coreference = true;
        }
      }
    }
    for (auto [index, next] : bare) {
      // The roles of the next member's agent ("refugees") go to the bare adjective too.
      for (const Actor& o : r.actors)
        if (next != kNone && o.agent >= 0 && o.first_token >= a_.phrases[next].first && !o.roles.empty() &&
            !r.actors[index].country.empty()) {
          Actor& a = r.actors[index];
          std::string code = a.country;
          for (const auto& role : o.roles) code += role;
          recode(a, code);
          a.agent = o.agent;
          break;
        }
    }
    // "Danish media and government", "lawmakers and officials in Fornost and Gondor": a role
    // named with no country is that role of the countries its coordination names.
    std::vector<std::string> countries;
    for (const Actor& a : r.actors)
      if (!a.country.empty() && std::find(countries.begin(), countries.end(), a.country) == countries.end())
        countries.push_back(a.country);
    if (!countries.empty() && r.actors.size() > 1 && !r.coreference) {
      std::vector<Actor> spread;
      for (Actor& a : r.actors) {
        if (a.entry >= 0 || !a.country.empty() || a.roles.empty()) {
          spread.push_back(std::move(a));
          continue;
        }
        for (const std::string& country : countries) {
          Actor one = a;
          recode(one, country + a.code);
          if (std::none_of(spread.begin(), spread.end(), [&](const Actor& o) { return o.code == one.code; }) &&
              std::none_of(r.actors.begin(), r.actors.end(), [&](const Actor& o) { return o.code == one.code; }))
            spread.push_back(std::move(one));
        }
      }
      r.actors = std::move(spread);
    }
    // "U.N. Secretary-General Kofi Annan": a name no dictionary knows, after the title that
    // resolved; "he" may refer to it.
    const NounPhrase& head_np = a_.phrases[p];
    bool unknown_name = is_proper(a_.tags[head_np.head]) && r.actors.size() == 1 &&
                        (head_np.head < r.actors[0].first_token || head_np.head >= r.actors[0].end_token);
    for (const Actor& a : r.actors) remember(a, r.coreference, unknown_name);
    return r;
  }

  void remember(const Actor& a, bool coreference, bool person_like = false) {
    if (coreference) return;
    for (const Mention& m : memory_)
      if (m.sentence == sentence_ && m.actor.first_token == a.first_token && m.actor.code == a.code) return;
    Mention m;
    m.actor = a;
    m.sentence = sentence_;
    if (a.entry >= 0) {
      EntryKind k = resolver_.dictionary().entries()[a.entry].kind;
      m.person = k == EntryKind::kPerson;
      m.org = k == EntryKind::kOrg;
    }
    if (person_like) m.person = true;
    memory_.push_back(std::move(m));
  }

  // Pronouns and definite descriptions: the nearest compatible actor before them in this or
  // the two previous sentences.
  bool corefer(int32_t p, std::vector<Actor>& out) {
    const NounPhrase& np = a_.phrases[p];
    std::string head = lemma(np.head);
    enum class Want { kPerson, kThing, kOrg, kCountry, kCountryFor } want;
    std::vector<Actor> agent;
    if (np.pronoun) {
      if (one_of(head, {"he", "him", "she", "her"})) want = Want::kPerson;
      else if (one_of(head, {"it", "they", "them"})) want = Want::kThing;
      else return false;
      // "The Umma party said it will boycott ...": the subject of what a speaker says is the
      // speaker, even one known only by its role.
      for (size_t k = first_clause_; k < end_clause_; ++k) {
        const Clause& c = a_.clauses[k];
        if (c.subject != p || c.kind != ClauseKind::kComplement || c.parent == kNone) continue;
        const Clause& up = a_.clauses[c.parent];
        if (up.subject == kNone || up.subject == p || a_.phrases[up.subject].pronoun ||
            !is_speech_verb(lemma(a_.verbs[up.verb].head)))
          break;
        std::vector<Actor> speaker;
        resolve_member(up.subject, speaker);
        bool person = !speaker.empty() && speaker.front().entry >= 0 &&
                      resolver_.dictionary().entries()[speaker.front().entry].kind == EntryKind::kPerson;
        // (A named organisation or country is found below as the nearest one before.)
        bool fits = want == Want::kPerson ? person : agent_only(speaker);
        if (speaker.size() == 1 && fits) {
          out = std::move(speaker);
          return true;
        }
        break;
      }
    } else if (definite(doc_, np)) {
      if (one_of(head, {"group", "organization", "organisation", "movement", "militia", "faction", "party"}))
        want = Want::kOrg;
      else if (one_of(head, {"country", "nation", "kingdom", "republic"}))
        want = Want::kCountry;
      else {
        resolve_range(np.first, np.end, agent);
        if (!agent_only(agent) || agent.size() != 1) return false;
        want = Want::kCountryFor;  // "the ministry": the roles of the country last named
      }
    } else {
      return false;
    }
    const Mention* best = nullptr;
    for (const Mention& m : memory_) {
      if (m.sentence + 2 < sentence_) continue;
      if (m.sentence == sentence_ && m.actor.first_token >= np.first) continue;
      bool ok = false;
      switch (want) {
        case Want::kPerson: ok = m.person; break;
        case Want::kThing: ok = !m.person && (!m.actor.country.empty() || m.org); break;
        case Want::kOrg: ok = m.org; break;
        case Want::kCountry:
        case Want::kCountryFor: ok = !m.actor.country.empty() && m.actor.entry >= 0 && !m.person; break;
      }
      if (ok && (!best || m.sentence > best->sentence ||
                 (m.sentence == best->sentence && m.actor.first_token > best->actor.first_token)))
        best = &m;
    }
    if (!best) return false;
    Actor a = best->actor;
    if (want == Want::kCountry) a.code = a.country;
    if (want == Want::kCountryFor) a.code = a.country + agent.front().code;
    if (want == Want::kCountry || want == Want::kCountryFor) split_actor_code(a.code, a.country, a.roles);
    a.first_token = np.first;
    a.end_token = np.end;
    a.span = {doc_.tokens[np.first].begin, doc_.tokens[np.end - 1].end};
    out.push_back(std::move(a));
    return true;
  }

  // Every actor the sentence names, with the dictionary lines (for explain only: a separate
  // resolver, so that listing them changes nothing in the coding).
  void trace_actors(const Sentence& s) {
    // A resolver that has seen no person yet (so surnames alone do not count).
    ActorResolver& listing = listing_;
    listing.forget_persons();
    std::vector<Actor> all;
    listing.resolve(doc_, s.first_token, s.end_token, all);
    if (all.empty()) trace("actors: none named");
    for (const Actor& a : all)
      trace("actor " + a.code + " '" + std::string(doc_.text_of(a.span)) + "' from " + actor_rule(a));
  }

  // ---- patterns -----------------------------------------------------------------------

  // Does the phrase's head (with the words before it, for entries of several words: "car
  // bomb") match one of `words`? 0: no, 1: a one-word entry, 2: a longer entry.
  int head_match(int32_t phrase, const std::vector<std::string>& words, int depth = 0) const {
    if (phrase == kNone) return 0;
    const NounPhrase& np = a_.phrases[phrase];
    const std::string& h = lemma(np.head);
    // "700 kg of medicine", "$50,000 worth of goods", "thousands of troops": the quantity's
    // of-phrase names what it is.
    if (np.of_phrase != kNone && depth < 2 &&
        (a_.tags[np.head] == Pos::CD ||
         one_of(h, {"kg", "kilogram", "ton", "tonne", "tons", "worth", "million", "billion", "thousand", "hundred",
                    "dozen", "score", "number", "lot", "part", "portion", "shipment", "consignment", "batch", "load",
                    "amount", "supply", "package", "convoy", "plane-load", "truckload", "unit", "contingent",
                    "battalion", "brigade", "squad", "group", "team", "body", "bunch", "handful", "couple", "series",
                    "round", "wave", "set"})))
      if (int m = head_match(np.of_phrase, words, depth + 1)) return m;
    int best = 0;
    for (const auto& w : words) {
      if (w == "*" || w == h) {
        best = std::max(best, 1);
        continue;
      }
      size_t sp = w.rfind(' ');
      if (sp == std::string::npos || w.compare(sp + 1, std::string::npos, h) != 0) continue;
      // The earlier words must stand right before the head, inside the phrase.
      bool ok = true;
      uint32_t t = np.head;
      size_t end = sp;
      while (ok && end != std::string::npos && end > 0) {
        size_t start = w.rfind(' ', end - 1);
        std::string_view word = std::string_view(w).substr(start == std::string::npos ? 0 : start + 1,
                                                            end - (start == std::string::npos ? 0 : start + 1));
        if (t == np.first) {
          ok = false;
          break;
        }
        --t;
        ok = lower(doc_.text_of(doc_.tokens[t])) == word || lemma(t) == word;
        end = start;
      }
      if (ok) best = 2;
    }
    return best;
  }

  bool head_in(int32_t phrase, const std::vector<std::string>& words) const { return head_match(phrase, words) > 0; }

  // How many tokens from `t` (before `end`) one of the alternatives covers, word by word as
  // written (PETRARCH's patterns spell out the forms: "RESOLUTION" is not "resolutions"):
  // "did n't" covers two. 0 when none matches.
  uint32_t alternative_at(uint32_t t, uint32_t end, const std::vector<std::string>& alternatives) const {
    if (t >= end) return 0;
    const std::string& first = word(t);
    for (const std::string& alt : alternatives) {
      // Most alternatives fail on the first word: compare it before splitting the rest.
      if (alt.size() < first.size() || alt.compare(0, first.size(), first) != 0) continue;
      if (alt.size() == first.size()) return 1;
      if (alt[first.size()] != ' ') continue;
      uint32_t u = t;
      size_t at = 0;
      bool ok = true;
      while (ok && at < alt.size()) {
        size_t space = alt.find(' ', at);
        std::string_view w = std::string_view(alt).substr(at, space == std::string::npos ? alt.npos : space - at);
        ok = u < end && word(u) == w;
        ++u;
        at = space == std::string::npos ? alt.size() : space + 1;
      }
      if (ok) return u - t;
    }
    return 0;
  }

  // Whether the slots from `k` on occur in order within tokens [from, end): with gaps, except
  // that a joined slot comes right after the one before it (the first right at `from`); with
  // `to_end`, the last ends right at `end`.
  bool in_order(uint32_t from, uint32_t end, const std::vector<WordSlot>& seq, bool to_end = false, size_t k = 0) const {
    if (k == seq.size()) return !to_end || from == end;
    uint32_t last = seq[k].joined ? std::min(from + 1, end) : end;
    for (uint32_t t = from; t < last; ++t)
      if (uint32_t n = alternative_at(t, end, seq[k].alternatives); n && in_order(t + n, end, seq, to_end, k + 1))
        return true;
    return false;
  }

  // Where a legacy pattern's verb phrase ends, as PETRARCH and TABARI read one: at the first
  // clause after the verb that is not under this one, or an adverbial clause ("delayed their
  // meeting <after ...>"); the clauses under it ("allowed <that Mordor isn't a pleasant
  // place>", "the roads <leading into Mordor>") and loose words belong to it.
  uint32_t verb_phrase_end(const Clause& c) const {
    int32_t ci = static_cast<int32_t>(&c - a_.clauses.data());
    size_t slot = static_cast<size_t>(ci) - first_clause_;
    if (slot < phrase_ends_.size() && phrase_ends_[slot]) return phrase_ends_[slot];
    uint32_t head = a_.verbs[c.verb].head, end = std::max<uint32_t>(sentence_end_, a_.verbs[c.verb].end);
    for (size_t k = first_clause_; k < end_clause_; ++k) {
      const Clause& other = a_.clauses[k];
      const VerbGroup& vg = a_.verbs[other.verb];
      if (static_cast<int32_t>(k) == ci || vg.head <= head || vg.head >= end || other.first >= sentence_end_) continue;
      int32_t up = other.parent;
      for (int depth = 0; up != kNone && up != ci && depth < 8; ++depth) up = a_.clauses[up].parent;
      if (up == ci && other.kind != ClauseKind::kSubordinate) continue;
      uint32_t first = vg.first;
      if (other.subordinator != kNone && static_cast<uint32_t>(other.subordinator) > head)
        first = std::min(first, static_cast<uint32_t>(other.subordinator));
      // The subject of a clause that follows belongs to it.
      if (other.subject != kNone && a_.phrases[other.subject].first > head)
        first = std::min(first, a_.phrases[other.subject].first);
      end = std::min(end, std::max(first, a_.verbs[c.verb].end));
    }
    if (slot < phrase_ends_.size()) phrase_ends_[slot] = end;
    return end;
  }

  // The token after the first `count` slots of `seq`, matched leftmost from `from`.
  uint32_t after_slots(uint32_t from, uint32_t end, const std::vector<WordSlot>& seq, size_t count) const {
    for (size_t k = 0; k < count && k < seq.size(); ++k) {
      uint32_t t = from;
      while (t < end && !alternative_at(t, end, seq[k].alternatives)) ++t;
      if (t >= end) return end;
      from = t + alternative_at(t, end, seq[k].alternatives);
    }
    return from;
  }

  // The actor a legacy pattern places after its words ("* EID AT ^ WITH +").
  Resolved placed_actor(const Clause& c, const EventPattern& p) {
    const VerbGroup& vg = a_.verbs[c.verb];
    uint32_t end = verb_phrase_end(c);
    uint32_t from = after_slots(vg.head + 1, end, p.sequence, static_cast<size_t>(p.other_after));
    int skip = p.other_skip;
    for (size_t ph = first_phrase_; ph < end_phrase_; ++ph) {
      const NounPhrase& np = a_.phrases[ph];
      if (np.first < from || np.first >= end) continue;
      if (skip > 0) {
        --skip;
        continue;
      }
      Resolved r = resolve_phrase(static_cast<int32_t>(ph));
      if (!r.actors.empty()) return r;
    }
    return {};
  }

  // A legacy pattern's words, in order, after the verb (its particle included) in its verb phrase.
  bool sequence_follows(const Clause& c, const VerbGroup& vg, const std::vector<WordSlot>& seq) const {
    return in_order(vg.head + 1, verb_phrase_end(c), seq);
  }

  static bool spells_negation(const EventPattern& p) {
    for (const WordSlot& slot : p.preceding)
      for (const std::string& alt : slot.alternatives)
        for (size_t at = 0; at <= alt.size();) {
          size_t space = std::min(alt.find(' ', at), alt.size());
          if (one_of(std::string_view(alt).substr(at, space - at), {"not", "n't", "never", "no"})) return true;
          at = space + 1;
        }
    return false;
  }

  // A legacy pattern's words before the verb, in order, from the subject to the verb: the
  // auxiliaries, adverbs and framing verbs of "will not ever clash", "won't try to clash", and
  // the subject's own words ("- DEATH TOLL * [223]").
  bool words_precede(const Clause& c, const VerbGroup& vg, const EventPattern& p) const {
    return in_order(precede_from(c, vg), vg.head, p.preceding, p.before_adjacent);
  }

  // The actor phrase right before a legacy pattern's first word before the verb.
  int32_t phrase_before_words(const Clause& c, const EventPattern& p) const {
    const VerbGroup& vg = a_.verbs[c.verb];
    uint32_t t = precede_from(c, vg);
    while (t < vg.head && !alternative_at(t, vg.head, p.preceding.front().alternatives)) ++t;
    for (size_t ph = end_phrase_; ph-- > first_phrase_;) {
      const NounPhrase& np = a_.phrases[ph];
      if (np.end <= t && np.first >= sentence_first_ && a_.phrase_of[np.head] == static_cast<int32_t>(ph)) return static_cast<int32_t>(ph);
    }
    return kNone;
  }

  uint32_t precede_from(const Clause& c, const VerbGroup& vg) const {
    uint32_t from = c.first;
    if (c.subject != kNone && a_.phrases[c.subject].end <= vg.head) from = std::min(from, a_.phrases[c.subject].first);
    // ... and the verb that governs the clause ("- INDICATED WOULD * NOW": "indicated it would act now").
    if (c.parent != kNone && (c.kind == ClauseKind::kComplement || c.kind == ClauseKind::kInfinitival)) {
      const VerbGroup& up = a_.verbs[a_.clauses[c.parent].verb];
      if (up.head < from) from = up.first;
    }
    if (vg.head > from + 12) from = vg.head - 12;
    return from;
  }

  const PrepObject* prep_object(const Clause& c, const std::vector<std::string>& preps) const {
    for (const PrepObject& po : c.preps) {
      if (po.phrase == kNone || std::find(preps.begin(), preps.end(), prep(po.prep)) == preps.end()) continue;
      // "the Democratic People's Republic of Korea": an of-phrase that belongs to a noun is
      // part of its name, not the clause's "of" ("demanded of Y").
      if (po.phrase > 0 && a_.phrases[po.phrase - 1].of_phrase == po.phrase) continue;
      return &po;
    }
    return nullptr;
  }

  struct Choice {
    const EventPattern* pattern = nullptr;
    int32_t object_phrase = kNone;  // the object that the pattern's `=` matched
  };

  Choice choose(const Clause& c, const VerbGroup& vg, int32_t object) const {
    Choice best;
    const std::string& verb = lemma(vg.head);
    const auto* list = events_.verbs(verb);
    // Legacy dictionaries may file an inflected form apart ("--- LEFT [032:033]" beside LEAVE);
    // it is tried first, and so wins ties.
    const auto* form_list = word(vg.head) != verb ? events_.verbs(word(vg.head)) : nullptr;
    std::string particle = vg.particle == kNone ? "" : lemma(static_cast<uint32_t>(vg.particle));
    if (!list && !form_list) {
      trace("'" + verb + (particle.empty() ? "" : " +" + particle) + "': no event pattern has this verb");
      return best;
    }
    std::vector<uint32_t> candidates;
    if (form_list) candidates = *form_list;
    if (list) candidates.insert(candidates.end(), list->begin(), list->end());
    int best_score = -1;
    std::map<std::string, std::vector<std::string>> rejected;  // why -> patterns (for explain)
    // The words around the verb (as word patterns number them), to pass over word patterns
    // that cannot match without comparing text.
    std::vector<uint32_t> around;
    bool around_done = false;
    auto may_match = [&](const std::vector<WordSlot>& slots) {
      if (!around_done) {
        for (uint32_t t = precede_from(c, vg); t < verb_phrase_end(c); ++t)
          if (uint32_t id = events_.word_id(word(t)); id != EventDictionary::kNoWord) around.push_back(id);
        std::sort(around.begin(), around.end());
        around_done = true;
      }
      for (const WordSlot& slot : slots) {
        const auto& ids = slot.first_ids;  // both sorted: search the smaller in the larger
        bool any = ids.size() <= around.size()
                       ? std::any_of(ids.begin(), ids.end(), [&](uint32_t id) { return std::binary_search(around.begin(), around.end(), id); })
                       : std::any_of(around.begin(), around.end(), [&](uint32_t id) { return std::binary_search(ids.begin(), ids.end(), id); });
        if (!any) return false;
      }
      return true;
    };
    for (uint32_t i : candidates) {
      const EventPattern& p = events_.patterns()[i];
      std::string why;
      int32_t matched = kNone;
      int bonus = 0;
      // A legacy pattern knows no particles: its words may begin with one ("* OVER EFFORTS").
      bool particle_ok = p.particle == particle ||
                         (p.legacy && p.particle.empty() && !p.sequence.empty() &&
                          alternative_at(static_cast<uint32_t>(vg.particle), vg.end, p.sequence.front().alternatives));
      if (!particle_ok) {
        why = !trace_ ? "particle" : p.particle.empty() ? "the verb has the particle '" + particle + "'" : "needs the particle '" + p.particle + "'";
      } else if (!p.sequence.empty() && (!may_match(p.sequence) || !sequence_follows(c, vg, p.sequence))) {
        why = "its words do not follow the verb";
      } else if (!p.preceding.empty() && (!may_match(p.preceding) || !words_precede(c, vg, p))) {
        why = "its words do not precede the verb";
      } else if (!p.objects.empty()) {
        int m1 = head_match(object, p.objects), m2 = m1 ? 0 : head_match(c.object2, p.objects);
        if (m1) matched = object;
        else if (m2) matched = c.object2;
        else why = !trace_ || object == kNone ? "needs an object" : "the object '" + lemma(a_.phrases[object].head) + "' is not one of its";
        bonus = std::max(m1, m2) - 1;
      }
      if (why.empty()) {
        for (const auto& cond : p.conditions) {
          bool met = false;
          // "of" phrases hang on the object ("a state of emergency"), not on the clause.
          int32_t holder = matched != kNone ? matched : object;
          if (cond.first == "of" && holder != kNone && head_in(a_.phrases[holder].of_phrase, cond.second)) met = true;
          for (const PrepObject& po : c.preps)
            if (!met && po.phrase != kNone && prep(po.prep) == cond.first && head_in(po.phrase, cond.second)) met = true;
          if (!met) {
            why = trace_ ? "needs '" + cond.first + "' with one of its nouns" : "condition";
            break;
          }
        }
      }
      if (!why.empty()) {
        if (trace_) rejected[why].push_back(events_.origin(p) + " " + (p.code.empty() ? ":" + p.reversed_code : p.code));
        continue;
      }
      // The most specific wins; among equals, one whose target slot the clause fills.
      bool target_slot = (p.objects.empty() && object != kNone) || prep_object(c, p.target_preps) != nullptr;
      int score = 4 * p.specificity() + 2 * bonus + (target_slot ? 1 : 0);
      if (trace_)
        trace("  candidate " + events_.origin(p) + " " + (p.code.empty() ? ":" + p.reversed_code : p.code) +
              ": matches (score " + std::to_string(score) + ")");
      if (score > best_score) {
        best_score = score;
        best = {&p, matched};
      }
    }
    for (const auto& [why, patterns] : rejected) {
      std::string list;
      for (size_t k = 0; k < patterns.size() && k < 4; ++k) list += (k ? ", " : "") + patterns[k];
      if (patterns.size() > 4) list += fmt::format(", ... {} more", patterns.size() - 4);
      trace(fmt::format("  {} candidate{}: {} ({})", patterns.size(), patterns.size() == 1 ? "" : "s", why, list));
    }
    return best;
  }

  // ---- events -------------------------------------------------------------------------

  // Cooperation between the members of a compound subject needs no target: "the United States
  // and Jordan agreed on a pact" is an agreement between them.
  static bool cooperative(const std::string& code) {
    return (code.size() >= 2 && code[0] == '0' && code[1] >= '3' && code[1] <= '8') || code == "019";  // 019: express accord
  }

  std::string actor_rule(const Actor& a) const {
    const Dictionary& d = resolver_.dictionary();
    std::string r;
    if (a.entry >= 0) r = d.origin(d.entries()[a.entry]);
    if (a.agent >= 0) r += (r.empty() ? "" : " + ") + d.origin(d.entries()[a.agent]);
    return r;
  }

  struct Slots {
    Resolved source, target;
    Span trigger;
  };

  void emit(const std::string& rule, const EventPattern& p, const std::string& code, const Slots& s, uint32_t clause,
            bool negated, double confidence, std::string note, const std::optional<Actor>& speaker, bool nominal) {
    auto add = [&](const Actor* src, const Actor* tgt, const std::string& c, std::string why) {
      if (src && tgt && src->code == tgt->code) return;
      for (const Event& e : sentence_events_)
        if (e.cameo == c && (e.source ? e.source->code : "") == (src ? src->code : "") &&
            (e.target ? e.target->code : "") == (tgt ? tgt->code : ""))
          return;
      Event e;
      e.sentence = sentence_;
      e.clause = clause;
      e.cameo = c;
      if (src) {
        e.source = *src;
        e.source_rule = actor_rule(*src);
      }
      if (tgt) {
        e.target = *tgt;
        e.target_rule = actor_rule(*tgt);
      }
      e.trigger = s.trigger;
      e.rule = rule;
      e.negated = negated;
      e.confidence = confidence;
      e.note = std::move(why);
      e.reported_by = speaker;
      e.nominal = nominal;
      e.legacy = p.legacy;
      if (p.legacy)  // PETRARCH writes a role without an actor as "---GOV"
        for (std::optional<Actor>* side : {&e.source, &e.target})
          if (*side && (*side)->entry < 0 && (*side)->country.empty() && (*side)->code.rfind("---", 0) != 0)
            (*side)->code = "---" + (*side)->code;
      sentence_events_.push_back(std::move(e));
    };
    // "THE_SHIRE [FRO/BIL/SAM]": one name for several actors, each its own event.
    auto each = [](const std::vector<Actor>& in) {
      std::vector<Actor> out;
      for (const Actor& a : in) {
        if (a.code.find('/') == std::string::npos) {
          out.push_back(a);
          continue;
        }
        for (size_t at = 0; at <= a.code.size();) {
          size_t slash = std::min(a.code.find('/', at), a.code.size());
          if (slash > at) {
            Actor one = a;
            recode(one, a.code.substr(at, slash - at));
            out.push_back(std::move(one));
          }
          at = slash + 1;
        }
      }
      return out;
    };
    const std::vector<Actor> sources = each(s.source.actors);
    const std::vector<Actor> targets = each(s.target.actors);
    bool reversed = p.code.empty();
    if (sources.empty())
      for (const Actor& tgt : targets) add(reversed ? &tgt : nullptr, reversed ? nullptr : &tgt, code, note);
    for (const Actor& src : sources) {
      if (targets.empty()) {
        if ((p.mutual || p.legacy || cooperative(code)) && sources.size() > 1) {
          for (const Actor& other : sources)
            if (&other != &src) add(&src, &other, code, note.empty() ? "mutual" : note + "; mutual");
        } else if (p.notarget || options_.allow_missing_target) {
          add(reversed ? nullptr : &src, reversed ? &src : nullptr, code, note);
        }
        continue;
      }
      for (const Actor& tgt : targets) {
        if (reversed) add(&tgt, &src, code, note);
        else add(&src, &tgt, code, note);
        // Visits come in pairs: X visits Y is also Y hosting X (legacy dictionaries say so with 042:043).
        if ((code == "042" || code == "043") && !p.legacy)
          add(reversed ? &src : &tgt, reversed ? &tgt : &src, code == "042" ? "043" : "042", "visit pair");
        if (!p.paired_code.empty()) add(&tgt, &src, p.paired_code, "pair of " + code);
      }
    }
  }

  // Verbs whose object noun names the act their subject performs ("launched an attack on",
  // "pledged aid to", "held talks with").
  static bool light_verb(std::string_view l) {
    return one_of(l, {"launch", "carry", "conduct", "stage", "mount", "make", "hold", "begin", "start", "continue",
                      "resume", "step", "intensify", "escalate", "order", "pay", "undertake", "wage", "perform",
                      "provide", "give", "send", "deliver", "offer", "extend", "announce", "plan", "lead", "organize",
                      "organise", "issue", "file", "lodge", "impose", "seek", "sign", "reach", "open", "pledge",
                      "promise", "renew", "unleash", "carry", "initiate", "commit", "approve", "authorize",
                      "authorise", "threaten", "stage", "hold", "have", "do", "take", "grant", "allocate"});
  }

  // Verbs whose purpose infinitive is itself the act ("to protest", "to demand").
  bool purpose_act(const VerbGroup& vg) const {
    return one_of(lemma(vg.head), {"protest", "demand", "denounce", "condemn", "demonstrate", "press", "rally"});
  }

  // Clauses whose event is not asserted to have happened: conditions and denials.
  bool hypothetical(const Clause& c) const {
    if (c.subordinator != kNone && one_of(lemma(static_cast<uint32_t>(c.subordinator)), {"if", "unless", "whether", "lest"}))
      return true;
    // Under a condition ("unless the president agrees to step down"): not asserted either.
    int32_t up = c.parent;
    for (int depth = 0; up != kNone && depth < 4; ++depth, up = a_.clauses[up].parent) {
      const Clause& a = a_.clauses[up];
      if (a.subordinator != kNone && one_of(lemma(static_cast<uint32_t>(a.subordinator)), {"if", "unless", "whether", "lest"}))
        return true;
    }
    if (c.parent != kNone && (c.kind == ClauseKind::kComplement || c.kind == ClauseKind::kParticipial)) {
      const Clause& parent = a_.clauses[c.parent];
      if (one_of(lemma(a_.verbs[parent.verb].head), {"deny", "dismiss", "rule"})) return true;
    }
    return false;
  }

  // Verbs whose complement is an act wanted of someone, not done: "demanded that Y withdraw",
  // "urged Y to talk". The complement refines the governing verb's appeal or demand.
  static bool directive_verb(std::string_view l) {
    return one_of(l, {"demand", "urge", "ask", "call", "appeal", "insist", "request", "press", "push", "want",
                      "order", "instruct", "tell", "advise", "recommend", "propose", "suggest", "plead", "beg",
                      "encourage", "invite", "pressure", "implore", "exhort", "require", "command", "direct"});
  }

  // A complement that states an obligation: "Y must withdraw", "Y should talk", "Y has to".
  bool obligation(const Clause& c) const {
    const VerbGroup& vg = a_.verbs[c.verb];
    if (vg.modal != kNone && one_of(lemma(static_cast<uint32_t>(vg.modal)), {"must", "should", "ought"})) return true;
    for (uint32_t t = vg.first; t < vg.head; ++t)
      if (one_of(lemma(t), {"must", "should", "ought"})) return true;
    return false;
  }

  int32_t governing_directive(const Clause& c) const {
    if (c.parent == kNone || (c.kind != ClauseKind::kComplement && c.kind != ClauseKind::kInfinitival)) return kNone;
    const Clause& parent = a_.clauses[c.parent];
    const VerbGroup& pvg = a_.verbs[parent.verb];
    if (pvg.passive) return kNone;  // "a court was told that ...": reported speech
    std::string verb = lemma(pvg.head);
    if (!directive_verb(verb)) return kNone;
    // "told reporters that X attacked": only an infinitive says what is wanted of someone.
    if (c.kind == ClauseKind::kComplement &&
        !one_of(verb, {"demand", "insist", "request", "urge", "ask", "propose", "suggest", "recommend", "order",
                       "require", "command", "direct", "want"}))
      return kNone;
    return c.parent;
  }

  // Material acts whose target may be the country of the place they happen in: aid, material
  // cooperation, investigation, force posture, sanctions, coercion, violence, and threats of them.
  static bool place_targeted(const std::string& code, Framing framing) {
    if (code.size() < 2) return false;
    std::string root = code.substr(0, 2);
    return one_of(root, {"06", "07", "09", "15", "16", "17", "18", "19", "20"}) ||
           (root == "13" && framing == Framing::kThreaten);
  }

  // The country of a place named by an "in/into/at/near/on" phrase of the clause.
  std::optional<Actor> place_in(const Clause& c, uint32_t after) {
    // The clause's own places, then those of a participle or relative clause on its object
    // ("blew up power lines <leading into Kabul>").
    std::vector<const PrepObject*> preps;
    for (const PrepObject& po : c.preps) preps.push_back(&po);
    int32_t ci = static_cast<int32_t>(&c - a_.clauses.data());
    for (size_t k = static_cast<size_t>(ci) + 1; k < a_.clauses.size() && a_.clauses[k].first < sentence_end_; ++k) {
      const Clause& child = a_.clauses[k];
      if (child.parent == ci && (child.kind == ClauseKind::kParticipial || child.kind == ClauseKind::kRelative) &&
          c.object != kNone && child.first <= a_.phrases[c.object].end + 1)
        for (const PrepObject& po : child.preps) preps.push_back(&po);
    }
    // A place the clause's own analysis left out, after a parenthesis ("to Esfahan Uranium
    // Conversion Facilities (UCF) in central Iran"): "in" a place within the verb phrase.
    std::vector<PrepObject> loose;
    for (uint32_t t = after, end = verb_phrase_end(c); t + 1 < end; ++t)
      if (one_of(lemma(t), {"in", "inside", "near"}) && a_.phrase_of[t + 1] != kNone) loose.push_back({t, a_.phrase_of[t + 1]});
    for (const PrepObject& po : loose) preps.push_back(&po);
    for (const PrepObject* pp : preps) {
      const PrepObject& po = *pp;
      if (po.phrase == kNone || po.prep < after || !one_of(prep(po.prep), {"in", "into", "at", "near", "inside", "across", "on", "to"}))
        continue;
      std::vector<Actor> found;
      resolve_member(po.phrase, found);
      for (const Actor& a : found) {
        if (a.entry < 0 || a.country.empty()) continue;
        EntryKind k = resolver_.dictionary().entries()[a.entry].kind;
        if (k != EntryKind::kCountry && k != EntryKind::kCapital && k != EntryKind::kRegion && k != EntryKind::kCity) continue;
        Actor place = a;
        recode(place, a.country);
        place.agent = -1;
        return place;
      }
    }
    return std::nullopt;
  }

  bool has_unless(uint32_t ci) const {
    for (size_t k = ci + 1; k < a_.clauses.size() && a_.clauses[k].first < sentence_end_; ++k) {
      const Clause& d = a_.clauses[k];
      if (d.parent == static_cast<int32_t>(ci) && d.subordinator != kNone && lemma(static_cast<uint32_t>(d.subordinator)) == "unless")
        return true;
    }
    return false;
  }

  // The subjects of "if"/"unless" clauses under clause ci (or under its infinitives): whom a
  // threat or a condition is addressed to ("threatened to attack unless Baghdad accepted").
  Resolved conditional_subjects(uint32_t ci) {
    Resolved r;
    for (size_t k = ci + 1; k < a_.clauses.size() && a_.clauses[k].first < sentence_end_; ++k) {
      const Clause& d = a_.clauses[k];
      bool under = d.parent == static_cast<int32_t>(ci) ||
                   (d.parent != kNone && a_.clauses[d.parent].parent == static_cast<int32_t>(ci));
      if (!under || d.subordinator == kNone || !one_of(lemma(static_cast<uint32_t>(d.subordinator)), {"if", "unless"}))
        continue;
      r = resolve_phrase(d.subject);
      if (!r.actors.empty()) break;
    }
    return r;
  }

  struct ClauseMatch {
    Choice choice;
    int32_t source_phrase = kNone, object_phrase = kNone;
  };

  // The clause's pattern match, computed once (and traced once) per clause.
  const ClauseMatch& match_clause(const Clause& c) {
    size_t slot = static_cast<size_t>(&c - a_.clauses.data()) - first_clause_;
    if (slot < matches_.size()) {
      if (!matches_[slot]) matches_[slot] = compute_match(c);
      return *matches_[slot];
    }
    scratch_match_ = compute_match(c);
    return scratch_match_;
  }

  ClauseMatch compute_match(const Clause& c) {
    const VerbGroup& vg = a_.verbs[c.verb];
    ClauseMatch m;
    m.source_phrase = vg.passive ? c.agent : c.subject;
    m.object_phrase = vg.passive ? c.subject : c.object;
    // "police used tear gas to disperse protesters": the user acts, not the instrument.
    if (c.kind == ClauseKind::kInfinitival && c.parent != kNone &&
        one_of(lemma(a_.verbs[a_.clauses[c.parent].verb].head), {"use", "employ"}))
      m.source_phrase = a_.clauses[c.parent].subject;
    m.choice = choose(c, vg, m.object_phrase);
    // PETRARCH and TABARI read a passive without a by-agent as active ("The Philippines was
    // criticized over its dispute with Eriador": PHL -> ERI); legacy patterns code as they do.
    if (m.choice.pattern && m.choice.pattern->legacy && vg.passive && c.agent == kNone) {
      m.source_phrase = c.subject;
      m.object_phrase = c.object;
    }
    return m;
  }

  std::string clause_name(uint32_t ci) const {
    const VerbGroup& vg = a_.verbs[a_.clauses[ci].verb];
    std::string n = "C" + std::to_string(ci) + " '" + lemma(vg.head);
    if (vg.particle != kNone) n += " +" + lemma(static_cast<uint32_t>(vg.particle));
    return n + "'";
  }

  std::string actors_text(const Resolved& r) const {
    if (r.actors.empty()) return "none";
    std::string out;
    for (const Actor& a : r.actors)
      out += (out.empty() ? "" : ", ") + a.code + " (" + std::string(doc_.text_of(a.span)) + ")";
    return out + (r.coreference ? " [coreference]" : "");
  }

  void trace(std::string line) const {
    if (trace_) trace_->push_back({sentence_, std::move(line)});
  }

  // The target of a pattern in a clause: its object (or the second object's receiver), then
  // the prepositions it names, then an of-phrase or the owner of its object.
  Resolved find_target(const Clause& c, const ClauseMatch& m, uint32_t& trigger_end) {
    const EventPattern& p = *m.choice.pattern;
    const VerbGroup& vg = a_.verbs[c.verb];
    Resolved target;
    if (p.legacy && p.other_after >= 0) {
      target = placed_actor(c, p);
      if (!target.actors.empty()) return target;
    }
    if (p.objects.empty()) {
      if (m.object_phrase != kNone) target = resolve_phrase(m.object_phrase);
    } else if (m.choice.object_phrase == c.object2 && c.object != kNone && !vg.passive) {
      target = resolve_phrase(c.object);  // "gave Tanzania a grant"
    }
    if (m.choice.object_phrase != kNone) trigger_end = std::max(trigger_end, a_.phrases[m.choice.object_phrase].head);
    if (target.actors.empty() && !p.target_preps.empty()) {
      if (const PrepObject* po = prep_object(c, p.target_preps)) {
        target = resolve_phrase(po->phrase);
        if (!target.actors.empty() && po->prep > vg.head && po->prep - vg.head <= 6)
          trigger_end = std::max(trigger_end, po->prep);
      }
    }
    if (target.actors.empty() && p.legacy) {
      // Legacy patterns name no slot: the first prepositional object that names an actor.
      for (const PrepObject& po : c.preps) {
        if (po.phrase == kNone) continue;
        target = resolve_phrase(po.phrase);
        if (!target.actors.empty()) break;
      }
      // ... or, as in their verb phrases, the first actor named in a clause under this one
      // ("cordoned off the roads leading into Mordor", "allowed that Mordor isn't ...").
      uint32_t end = verb_phrase_end(c);
      for (size_t ph = first_phrase_; ph < end_phrase_ && target.actors.empty(); ++ph)
        if (a_.phrases[ph].first >= vg.end && a_.phrases[ph].first < end && a_.phrases[ph].first >= c.end)
          target = resolve_phrase(static_cast<int32_t>(ph));
    }
    bool of = std::find(p.target_preps.begin(), p.target_preps.end(), "of") != p.target_preps.end();
    if (target.actors.empty() && of) {
      // "called for the release of the journalists": the of-phrase of the object or condition.
      std::vector<int32_t> holders = {m.choice.object_phrase};
      for (const PrepObject& po : c.preps) holders.push_back(po.phrase);
      for (int32_t h : holders) {
        if (h == kNone || a_.phrases[h].of_phrase == kNone) continue;
        // "the Republic of Korea" names an actor itself: its of-phrase is part of the name.
        std::vector<Actor> whole;
        resolve_member(h, whole);
        if (!whole.empty() && !agent_only(whole)) continue;
        target = resolve_phrase(a_.phrases[h].of_phrase);
        if (!target.actors.empty()) break;
      }
    }
    int32_t named = m.choice.object_phrase != kNone ? m.choice.object_phrase : m.object_phrase;
    if (target.actors.empty() && named != kNone) {
      // "rejected Israel's plan", "rejected an Australian ultimatum", "rejected calls by
      // Belarus's rulers": whose is what the pattern names (or the object names).
      const NounPhrase& obj = a_.phrases[named];
      std::vector<Actor> v;
      if (obj.possessor != kNone && !a_.phrases[obj.possessor].pronoun) resolve_member(obj.possessor, v);
      if (v.empty()) resolve_range(obj.first, obj.end, v);
      uint32_t after = obj.end;
      if (v.empty() && after + 1 < sentence_end_ && one_of(prep(after), {"by", "from", "of"}) &&
          a_.phrase_of[after + 1] != kNone)
        resolve_member(a_.phrase_of[after + 1], v);
      if (v.empty()) {
        // "rejected an invitation to attend a meeting of Palestinian factions": the act the
        // object proposes names who it concerns.
        int32_t ci = static_cast<int32_t>(&c - a_.clauses.data());
        for (size_t k = static_cast<size_t>(ci) + 1; k < a_.clauses.size() && a_.clauses[k].first < sentence_end_; ++k) {
          const Clause& child = a_.clauses[k];
          if (child.parent != ci || child.kind != ClauseKind::kInfinitival || child.first > obj.end + 1) continue;
          for (size_t ph = first_phrase_; ph < end_phrase_ && v.empty(); ++ph)
            if (a_.phrases[ph].first >= child.first && a_.phrases[ph].first < child.end &&
                static_cast<int32_t>(ph) != child.subject)
              v = resolve_phrase(static_cast<int32_t>(ph)).actors;
          break;
        }
      }
      if (!agent_only(v)) target.actors = std::move(v);
    }
    return target;
  }

  // Whom a protest is against when its verb names no one: "in defiance of Chinese
  // authorities", "to show their disapproval for the United States' policies", "demonstrations
  // against violations by the Israeli military" (within the protest's clause and the clauses
  // under it).
  Resolved protested(const Clause& c) {
    uint32_t head = a_.verbs[c.verb].head, end = verb_phrase_end(c);
    for (uint32_t t = head + 1; t + 1 < end; ++t) {
      bool against = one_of(lemma(t), {"against"}) ||
                     (lemma(t) == "of" && t > 0 && one_of(lemma(t - 1), {"defiance"})) ||
                     (one_of(lemma(t), {"for", "of", "with", "at", "over"}) && t > 0 &&
                      one_of(lemma(t - 1), {"disapproval", "anger", "opposition", "outrage", "displeasure", "discontent"}));
      int32_t ph = a_.phrase_of[t + 1];
      if (!against || ph == kNone) continue;
      const NounPhrase& np = a_.phrases[ph];
      std::vector<Actor> v;
      if (np.possessor != kNone && !a_.phrases[np.possessor].pronoun) resolve_member(np.possessor, v);
      if (v.empty()) v = resolve_phrase(ph).actors;
      if (v.empty() && np.end + 1 < sentence_end_ && prep(np.end) == "by" && a_.phrase_of[np.end + 1] != kNone)
        resolve_member(a_.phrase_of[np.end + 1], v);
      if (!v.empty() && !agent_only(v)) {
        Resolved r;
        r.actors = std::move(v);
        return r;
      }
    }
    return {};
  }

  double confidence_of(const EventPattern& p, const Clause& c, const Resolved& source, const Resolved& target) const {
    double confidence = 0.55 + 0.05 * std::min(p.specificity(), 4);
    if (c.kind == ClauseKind::kMain) confidence += 0.1;
    if (source.coreference || target.coreference) confidence -= 0.15;
    for (const Resolved* r : {&source, &target})
      if (agent_only(r->actors)) confidence -= 0.1;
    if (target.actors.empty()) confidence -= 0.1;
    return std::clamp(confidence, 0.05, 0.95);
  }

  void code_clause(uint32_t ci) {
    const Clause& c = a_.clauses[ci];
    const VerbGroup& vg = a_.verbs[c.verb];
    std::string name = trace_ ? clause_name(ci) : std::string();
    if (skipped_clause_ != kNone && set_aside(ci)) return trace(name + ": set aside by the discard phrase");
    if (vg.copula) return trace(name + ": a copula, not an event");
    // "after leaving Eriador": a gerund after a subordinator has no subject of its own, and
    // PETRARCH leaves it uncoded.
    if (vg.form == Form::kGerund && c.subject_inherited && c.subordinator != kNone) {
      const EventPattern* own = match_clause(c).choice.pattern;
      if (own && own->legacy) return trace(name + ": a gerund after '" + word(static_cast<uint32_t>(c.subordinator)) + "', not coded by legacy dictionaries");
    }
    if (hypothetical(c)) return trace(name + ": a condition or a denial, not asserted");
    Framing framing = Framing::kNone;
    bool negated = vg.negated;
    std::string framing_word;
    int32_t directive = governing_directive(c);
    if (directive != kNone)
      return trace(name + ": wanted by " + clause_name(static_cast<uint32_t>(directive)) + ", which it refines");
    if (c.kind == ClauseKind::kComplement && c.parent != kNone && obligation(c) &&
        is_speech_verb(lemma(a_.verbs[a_.clauses[c.parent].verb].head))) {
      const EventPattern* own = match_clause(c).choice.pattern;
      if (!own || !own->legacy) return code_obligation(ci);  // legacy dictionaries spell these out
    }
    if (!clause_framing(c, framing, framing_word)) {
      // Legacy dictionaries code every verb that matches, as PETRARCH does ("was seen to break
      // into", "hosting Osgiliath to celebrate May Day").
      const ClauseMatch& legacy = match_clause(c);
      if (legacy.choice.pattern && legacy.choice.pattern->legacy) {
        framing = Framing::kAsIs;
      } else {
        if (framing_word.empty()) return trace(name + ": an infinitive without intent, not an act");
        return trace(name + ": framed by '" + framing_word + "', not coded");
      }
    }
    if (c.kind == ClauseKind::kInfinitival && c.parent != kNone && a_.verbs[a_.clauses[c.parent].verb].negated)
      negated = true;
    // "will withdraw its force unless the president arranges a ceasefire": a conditional
    // intent is a threat.
    if (framing == Framing::kIntend && has_unless(ci)) {
      framing = Framing::kThreaten;
      framing_word = "unless";
    }
    const ClauseMatch& m = match_clause(c);
    // A legacy pattern that spells out the negation ("- &NEGATVAUXVRB * OVER EFFORTS") codes it.
    if (negated && m.choice.pattern && spells_negation(*m.choice.pattern)) negated = false;
    // "will not accept refugees", "did not lift the ban": withheld cooperation is a rejection
    // (CAMEO 12); any other negated act is no event.
    if (negated && m.choice.pattern && framing != Framing::kRefuse) {
      std::string own = m.choice.pattern->code.empty() ? m.choice.pattern->reversed_code : m.choice.pattern->code;
      if (own.size() >= 2 && own[0] == '0' && own[1] >= '4' && own[1] <= '8') {
        framing = Framing::kRefuse;
        framing_word = "not";
        negated = false;
      }
    }
    if (negated && !options_.emit_negated) return trace(name + ": negated (--negated writes it)");

    if (!m.choice.pattern) {
      if (c.kind == ClauseKind::kInfinitival &&
          ((framing == Framing::kIntend && one_of(framing_word, {"promise", "pledge", "agree", "offer", "commit",
                                                                   "undertake", "willing", "ready", "prepared"})) ||
           framing == Framing::kThreaten))
        code_framed_act(ci, framing, framing_word);
      return;  // choose() traced the candidates
    }
    const EventPattern& p = *m.choice.pattern;
    if (p.null_event) return trace(name + ": " + events_.origin(p) + " is a null pattern (---): no event");
    std::string code = p.code.empty() ? p.reversed_code : p.code;

    // An appeal or demand takes its specific code from the act it asks for.
    for (size_t k = ci + 1; k < a_.clauses.size() && a_.clauses[k].first < sentence_end_; ++k) {
      const Clause& child = a_.clauses[k];
      if (child.parent != static_cast<int32_t>(ci) || governing_directive(child) == kNone) continue;
      ClauseMatch wanted = match_clause(child);
      if (!wanted.choice.pattern) continue;
      std::string wanted_code = wanted.choice.pattern->code.empty() ? wanted.choice.pattern->reversed_code
                                                                     : wanted.choice.pattern->code;
      std::string family = code.substr(0, 2) == "10" ? "10" : code.substr(0, 2) == "02" ? "02" : "";
      if (family.empty()) break;
      std::string refined = family_code(family, wanted_code);
      if (refined.size() > code.size() || (refined != code && code.size() == 3 && code.back() == '0')) {
        trace(name + ": " + code + " refined to " + refined + " by the act it asks for (" + wanted_code + ")");
        code = refined;
      }
      break;
    }

    Slots slots;
    bool place_note = false;
    slots.source = resolve_phrase(p.subject_before_words && !p.preceding.empty() ? phrase_before_words(c, p)
                                                                                  : m.source_phrase);
    uint32_t trigger_end = std::max<uint32_t>(vg.head, vg.particle == kNone ? 0 : static_cast<uint32_t>(vg.particle));
    if (p.source_governing && c.parent != kNone && a_.clauses[c.parent].subject != kNone) {
      slots.target = std::move(slots.source);  // "noted that <Cirith Ungol> regretted"
      slots.source = resolve_phrase(a_.clauses[c.parent].subject);
    } else {
      slots.target = find_target(c, m, trigger_end);
    }
    if (slots.target.actors.empty()) {
      // "demanded that Y withdraw", "urged Y to talk": the one asked.
      for (size_t k = ci + 1; k < a_.clauses.size() && a_.clauses[k].first < sentence_end_; ++k) {
        const Clause& child = a_.clauses[k];
        if (child.parent != static_cast<int32_t>(ci) || governing_directive(child) == kNone) continue;
        if (child.subject != kNone && child.subject != c.subject) slots.target = resolve_phrase(child.subject);
        break;
      }
      // "demanded that the DPRK (...) forsake its program", read as "that" + a noun phrase: the
      // noun phrase is the one asked.
      if (slots.target.actors.empty() && directive_verb(lemma(vg.head)))
        for (const PrepObject& po : c.preps)
          if (po.phrase != kNone && lemma(po.prep) == "that") {
            slots.target = resolve_phrase(po.phrase);
            break;
          }
    }
    if (slots.target.actors.empty() && (framing == Framing::kThreaten || code.rfind("13", 0) == 0))
      slots.target = conditional_subjects(ci);  // "threatened to ban voting if Hamas ran"
    if (slots.target.actors.empty() && !p.legacy && place_targeted(code, framing)) {
      // "blew up power lines leading into Kabul", "suspended aid deliveries in Baghdad": an act
      // on a place that names no one is against (or for) the country it is in.
      if (auto place = place_in(c, trigger_end)) {
        slots.target.actors.push_back(*place);
        slots.target.implied = true;
        place_note = true;
      }
    }
    if (slots.target.actors.empty() && code.rfind("14", 0) == 0 && !p.legacy) slots.target = protested(c);
    if (code.rfind("14", 0) == 0 && !p.legacy && agent_only(slots.source.actors) && slots.source.actors.size() == 1) {
      // "people blocked streets in Hong Kong": protesters are people of the place they protest in.
      if (auto place = place_in(c, vg.head)) {
        Actor& a = slots.source.actors.front();
        recode(a, place->country + a.code);
      }
    }
    if (slots.target.actors.empty() && code.rfind("14", 0) == 0 && slots.source.actors.size() == 1 &&
        !slots.source.actors[0].country.empty() &&
        (slots.source.actors[0].roles.empty() || slots.source.actors[0].roles[0] != "GOV")) {
      // A protest that names no one it is against is against its own government ("Egyptian
      // demonstrators rioted").
      Actor government = slots.source.actors[0];
      recode(government, government.country + "GOV");
      government.entry = -1;
      government.agent = -1;
      government.span = {government.span.begin, government.span.begin};  // named nowhere: an empty span
      slots.target.actors.push_back(government);
      slots.target.implied = true;
    }
    slots.trigger = {doc_.tokens[vg.head].begin, doc_.tokens[trigger_end].end};
    // No source ("three civilians were killed in Baghdad"): the event stands on its target.
    // Not for participles that describe a noun ("militiamen armed with machetes").
    if (slots.source.actors.empty() &&
        (slots.target.actors.empty() || !options_.allow_missing_source || p.legacy || c.kind == ClauseKind::kParticipial))
      return trace(name + ": " + events_.origin(p) + " matched, but no source actor" +
                   (m.source_phrase == kNone ? " (no subject)" : ""));

    std::string note;
    if (p.legacy) framing = Framing::kAsIs;  // legacy dictionaries spell their intent patterns out
    if (framing == Framing::kIntend || framing == Framing::kThreaten || framing == Framing::kRefuse) {
      std::string how = framing == Framing::kThreaten ? "threaten" : framing == Framing::kRefuse ? "refuse" : "intend";
      std::string framed = intent_code(code, how);
      if (framed.empty()) return trace(name + ": '" + framing_word + "' " + code + " is no event");
      if (framed != code) note = how + ": " + framing_word;
      code = framed;
    }
    if (slots.target.implied)
      note += std::string(note.empty() ? "" : "; ") +
              (place_note ? "target: the country where it happened" : "target: own government (protest)");
    std::optional<Actor> speaker;
    if (c.attributed_to != kNone) {
      Resolved r = resolve_phrase(c.attributed_to);
      if (!r.actors.empty()) speaker = r.actors.front();
    }
    trace(name + ": " + events_.origin(p) + " fired, code " + code + (note.empty() ? "" : " (" + note + ")") +
          "; source " + actors_text(slots.source) + "; target " + actors_text(slots.target));
    if (slots.target.actors.empty() && !p.notarget && !p.mutual && !options_.allow_missing_target)
      trace(name + ": no target, and the pattern needs one (--allow-missing-target writes it)");
    emit(events_.origin(p), p, code, slots, ci, negated, confidence_of(p, c, slots.source, slots.target), note, speaker, false);
  }

  // How a clause's act is framed: an infinitive by the verb that governs it ("vowed to",
  // "continued to"), a finite clause by a future or modal. False when the clause states no
  // act (an infinitive after "urged", "in order to"); `word` then names the framing verb.
  bool clause_framing(const Clause& c, Framing& framing, std::string& word) const {
    const VerbGroup& vg = a_.verbs[c.verb];
    framing = Framing::kNone;
    word.clear();
    if (c.kind == ClauseKind::kInfinitival) {
      if (c.has_intent) {
        word = lemma(c.intent);
      } else if (c.parent != kNone) {
        const VerbGroup& pvg = a_.verbs[a_.clauses[c.parent].verb];
        word = lemma(pvg.head);
        // "is willing to withdraw", "are ready to talk": the adjective after the copula frames it.
        if (pvg.copula && pvg.end < vg.first) {
          std::string adj = lemma(pvg.end);
          if (one_of(adj, {"willing", "ready", "prepared", "determined", "eager", "keen", "poised", "set"}))
            return (framing = Framing::kIntend, word = adj, true);
          if (one_of(adj, {"unwilling", "reluctant"})) return (framing = Framing::kRefuse, word = adj, true);
        }
      }
      framing = word.empty() ? Framing::kNone : framing_of(word);
      if (c.has_intent && framing == Framing::kNone) framing = Framing::kIntend;  // "is about to", "is going to"
      if (!c.has_intent && framing != Framing::kAsIs) framing = Framing::kNone;
      // "converged on Lagos to protest", "blockaded Paris to demand": the purpose is itself a
      // protest or demand made by the act.
      if (framing == Framing::kNone && c.parent != kNone && !directive_verb(word) && purpose_act(vg)) framing = Framing::kAsIs;
      // "used tear gas to disperse protesters": what the instrument was used for was done.
      if (framing == Framing::kNone && one_of(word, {"use", "employ"}) && c.parent != kNone &&
          !a_.verbs[a_.clauses[c.parent].verb].negated)
        framing = Framing::kAsIs;
      return framing != Framing::kNone;
    }
    if (vg.tense == Tense::kFuture || (vg.modal != kNone && one_of(lemma(static_cast<uint32_t>(vg.modal)),
                                                                  {"will", "would", "shall", "'ll", "could", "may", "might"}))) {
      framing = Framing::kIntend;
      word = vg.modal != kNone ? lemma(static_cast<uint32_t>(vg.modal)) : "will";
    }
    return true;
  }

  // "promised to democratize Serbia", "threatened to institute a curfew": a promise or threat
  // of an act no pattern names is still an intent to cooperate (030) or a threat (130), to
  // whom the act concerns (for a threat, also the one an "if"/"unless" clause names).
  void code_framed_act(uint32_t ci, Framing framing, const std::string& word) {
    const Clause& c = a_.clauses[ci];
    const VerbGroup& vg = a_.verbs[c.verb];
    bool threat = framing == Framing::kThreaten;
    std::string code = threat ? "130" : "030";
    Slots slots;
    slots.source = resolve_phrase(c.subject);
    if (slots.source.actors.empty()) return;
    slots.target = resolve_phrase(c.object);
    for (const PrepObject& po : c.preps)
      if (slots.target.actors.empty() && po.phrase != kNone) slots.target = resolve_phrase(po.phrase);
    if (slots.target.actors.empty() && threat) slots.target = conditional_subjects(ci);
    if (slots.target.actors.empty() && !options_.allow_missing_target)
      return trace(clause_name(ci) + ": " + (threat ? "threatened" : "promised") + " (" + word +
                   "), but names no one it concerns");
    slots.trigger = {doc_.tokens[vg.first].begin, doc_.tokens[vg.head].end};
    trace(clause_name(ci) + ": " + (threat ? "a threat" : "a promise") + " (" + word + ") of an act no pattern names: code " +
          code + "; source " + actors_text(slots.source) + "; target " + actors_text(slots.target));
    static const EventPattern kRule = [] {
      EventPattern r;
      r.code = "030";
      return r;
    }();
    emit(threat ? "rule:threat" : "rule:promise", kRule, code, slots, ci, false, 0.45,
         (threat ? "threaten: " : "intend: ") + word, std::nullopt, false);
  }

  // "X said Y must withdraw": X demands that Y withdraw (CAMEO 10).
  void code_obligation(uint32_t ci) {
    const Clause& c = a_.clauses[ci];
    const Clause& parent = a_.clauses[c.parent];
    std::string name = trace_ ? clause_name(ci) : std::string();
    const ClauseMatch& m = match_clause(c);
    std::string code = "100";
    if (m.choice.pattern) {
      std::string wanted = m.choice.pattern->code.empty() ? m.choice.pattern->reversed_code : m.choice.pattern->code;
      code = family_code("10", wanted);
    }
    Slots slots;
    slots.source = resolve_phrase(c.attributed_to != kNone ? c.attributed_to : parent.subject);
    slots.target = resolve_phrase(c.subject);
    if (slots.source.actors.empty() || slots.target.actors.empty())
      return trace(name + ": an obligation (" + code + "), but no " + (slots.source.actors.empty() ? "speaker" : "one obliged"));
    const VerbGroup& vg = a_.verbs[c.verb];
    slots.trigger = {doc_.tokens[vg.first].begin, doc_.tokens[vg.head].end};
    trace(name + ": an obligation stated by the speaker: code " + code + "; source " + actors_text(slots.source) +
          "; target " + actors_text(slots.target));
    static const EventPattern kRule = [] {
      EventPattern r;
      r.code = "100";
      return r;
    }();
    emit("rule:obligation", kRule, code, slots, ci, vg.negated, 0.5, "obligation: " + lemma(static_cast<uint32_t>(
        vg.modal != kNone ? vg.modal : static_cast<int32_t>(vg.first))), std::nullopt, false);
  }

  // "Erdogan's visit to Baghdad", "launched an attack on the convoy": events named by nouns.
  void code_nominals(uint32_t first_phrase, uint32_t end_phrase, const std::vector<int32_t>& object_of) {
    for (uint32_t pi = first_phrase; pi < end_phrase; ++pi) {
      const NounPhrase& np = a_.phrases[pi];
      if (set_aside_token(np.head)) continue;
      const auto* list = events_.nouns(lemma(np.head));
      if (!list) continue;
      uint32_t after = np.end;
      if (after + 1 >= sentence_end_) continue;
      std::string prep = lemma(after);
      int32_t target_phrase = a_.phrase_of[after + 1];
      if (target_phrase == kNone) continue;
      const EventPattern* best = nullptr;
      for (uint32_t i : *list) {
        const EventPattern& p = events_.patterns()[i];
        if (std::find(p.target_preps.begin(), p.target_preps.end(), prep) != p.target_preps.end() &&
            (!best || p.specificity() > best->specificity()))
          best = &p;
      }
      if (!best) continue;
      // The source: the possessor, a "by" phrase, or the subject of a clause whose object
      // this is ("launched an attack on").
      Slots slots;
      Framing framing = Framing::kNone;
      std::string framing_word;
      int32_t clause = object_of[pi];
      uint32_t target_end = a_.phrases[target_phrase].end;
      if (np.possessor != kNone && !a_.phrases[np.possessor].pronoun) {
        std::vector<Actor> v;
        resolve_member(np.possessor, v);
        slots.source.actors = std::move(v);
      } else if (target_end + 1 < sentence_end_ && lemma(target_end) == "by" && a_.phrase_of[target_end + 1] != kNone) {
        slots.source = resolve_phrase(a_.phrase_of[target_end + 1]);
      } else if (clause != kNone) {
        const Clause& c = a_.clauses[clause];
        const VerbGroup& vg = a_.verbs[c.verb];
        if ((vg.negated && !options_.emit_negated) || vg.passive || hypothetical(c)) continue;
        if (!light_verb(lemma(vg.head))) continue;  // "following the invasion of": not its subject's act
        if (!clause_framing(c, framing, framing_word)) continue;
        if (std::any_of(sentence_events_.begin(), sentence_events_.end(),
                        [&](const Event& e) { return e.clause == static_cast<uint32_t>(clause) && !e.nominal; }))
          continue;  // the verb's own pattern coded it
        slots.source = resolve_phrase(c.subject);
      }
      if (slots.source.actors.empty()) continue;
      slots.target = resolve_phrase(target_phrase);
      if (slots.target.actors.empty() && !best->notarget && !options_.allow_missing_target) continue;
      slots.trigger = {doc_.tokens[np.head].begin, doc_.tokens[after].end};
      if (best->null_event) continue;
      std::string code = best->code.empty() ? best->reversed_code : best->code;
      std::string note = "noun trigger";
      if (framing == Framing::kIntend || framing == Framing::kThreaten || framing == Framing::kRefuse) {
        std::string how = framing == Framing::kThreaten ? "threaten" : framing == Framing::kRefuse ? "refuse" : "intend";
        std::string framed = intent_code(code, how);
        if (framed.empty()) continue;
        if (framed != code) note += "; " + how + ": " + framing_word;
        code = framed;
      }
      double confidence = 0.5;
      if (slots.source.coreference || slots.target.coreference) confidence -= 0.15;
      emit(events_.origin(*best), *best, code, slots, clause == kNone ? 0 : static_cast<uint32_t>(clause), false, confidence, note,
           std::nullopt, true);
    }
  }

  // A bare role ("police", "the president", "rebels") takes the country of the sentence when
  // the sentence names exactly one: "Liberian riot police dispersed demonstrators in Monrovia".
  void place_bare_roles() {
    auto bare = [](const std::optional<Actor>& a) {
      return a && a->entry < 0 && a->country.empty() && a->code.rfind("---", 0) != 0;
    };
    if (std::none_of(sentence_events_.begin(), sentence_events_.end(),
                     [&](const Event& e) { return bare(e.source) || bare(e.target); }))
      return;
    // A resolver that has seen no person yet (so surnames alone do not count).
    ActorResolver& listing = listing_;
    listing.forget_persons();
    std::vector<Actor> all;
    listing.resolve(doc_, sentence_first_, sentence_end_, all);
    std::string country;
    for (const Actor& a : all) {
      if (a.country.empty()) continue;
      if (!country.empty() && country != a.country) return;  // several: no guess
      country = a.country;
    }
    if (country.empty()) return;
    for (Event& e : sentence_events_) {
      // Both sides bare ("the Treasury imposed sanctions on 16 officials"): the place the
      // sentence names is the source's; the target may be anyone's.
      bool both = bare(e.source) && bare(e.target);
      for (std::optional<Actor>* side : {&e.source, &e.target}) {
        if (!bare(*side) || (both && side == &e.target)) continue;
        Actor& a = **side;
        recode(a, country + a.code);
        e.note += std::string(e.note.empty() ? "" : "; ") + "country from the sentence";
        e.confidence = std::max(0.05, e.confidence - 0.1);
      }
    }
    // Placing may make both sides one actor.
    std::erase_if(sentence_events_, [](const Event& e) { return e.source && e.target && e.source->code == e.target->code; });
  }

  void code_sentence(uint32_t si, size_t first_clause, size_t end_clause) {
    const Sentence& s = doc_.sentences[si];
    sentence_ = si;
    sentence_first_ = s.first_token;
    sentence_end_ = s.end_token;
    sentence_events_.clear();
    first_clause_ = first_clause;
    end_clause_ = end_clause;
    {
      auto lo = std::lower_bound(a_.phrases.begin(), a_.phrases.end(), s.first_token,
                                 [](const NounPhrase& p, uint32_t t) { return p.first < t; });
      auto hi = std::lower_bound(lo, a_.phrases.end(), s.end_token,
                                 [](const NounPhrase& p, uint32_t t) { return p.first < t; });
      first_phrase_ = static_cast<size_t>(lo - a_.phrases.begin());
      end_phrase_ = static_cast<size_t>(hi - a_.phrases.begin());
    }
    matches_.assign(end_clause - first_clause, std::nullopt);
    phrase_ends_.assign(end_clause - first_clause, 0);
    // Named subjects and speakers first, in text order, so that "he" and "they" in a clause that
    // is coded earlier ("X said they would ...") find them.
    std::vector<int32_t> named;
    for (size_t ci = first_clause; ci < end_clause; ++ci)
      for (int32_t p : {a_.clauses[ci].subject, a_.clauses[ci].attributed_to})
        if (p != kNone && !a_.phrases[p].pronoun) named.push_back(p);
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    for (int32_t p : named) resolve_phrase(p);
    for (size_t ci = first_clause; ci < end_clause; ++ci) code_clause(static_cast<uint32_t>(ci));

    // The phrases of this sentence, and the clause each is the object of.
    uint32_t first_phrase = static_cast<uint32_t>(first_phrase_), end_phrase = static_cast<uint32_t>(end_phrase_);
    std::vector<int32_t> object_of(a_.phrases.size() > end_phrase ? end_phrase : a_.phrases.size(), kNone);
    for (size_t ci = first_clause; ci < end_clause; ++ci) {
      const Clause& c = a_.clauses[ci];
      if (c.object != kNone && static_cast<size_t>(c.object) < object_of.size()) object_of[c.object] = static_cast<int32_t>(ci);
    }
    code_nominals(first_phrase, end_phrase, object_of);

    place_bare_roles();
    // A speech act (01x) only when nothing it reports was coded; a framing verb's own event
    // gives way to the event it frames ("threatened to attack": 138, not 130 as well).
    std::vector<bool> drop(sentence_events_.size(), false);
    for (size_t i = 0; i < sentence_events_.size(); ++i) {
      const Event& e = sentence_events_[i];
      if (e.nominal) continue;
      const Clause& c = a_.clauses[e.clause];
      bool speech = is_speech_verb(lemma(a_.verbs[c.verb].head));
      for (const Event& child : sentence_events_) {
        if (&child == &e || child.nominal) continue;
        const Clause& cc = a_.clauses[child.clause];
        if (cc.parent != static_cast<int32_t>(e.clause)) continue;
        if ((speech && e.cameo.compare(0, 2, "01") == 0) || (cc.kind == ClauseKind::kInfinitival && cc.has_intent))
          drop[i] = true;
      }
    }
    for (size_t i = 0; i < sentence_events_.size(); ++i)
      if (!drop[i]) out_.events.push_back(std::move(sentence_events_[i]));
  }

  const EventDictionary& events_;
  const CoderOptions& options_;
  Doc& doc_;
  const Analysis& a_;
  Events& out_;
  const Matcher& resolver_matcher_;
  ActorResolver resolver_;
  ActorResolver listing_;  // for listing the actors of a sentence
  std::vector<CodingNote>* trace_;
  mutable std::vector<std::string> lemma_cache_;
  mutable std::vector<bool> lemma_done_;
  mutable std::vector<std::string> word_cache_;
  mutable std::vector<bool> word_done_;
  std::vector<Mention> memory_;
  std::vector<Event> sentence_events_;
  int32_t skipped_clause_ = kNone;  // a clause a discard phrase sets aside, with the clauses under it
  // The sentence being coded: its clauses and phrases, and per clause (from first_clause_) its
  // pattern match and verb phrase end, each computed once.
  size_t first_clause_ = 0, end_clause_ = 0, first_phrase_ = 0, end_phrase_ = 0;
  std::vector<std::optional<ClauseMatch>> matches_;
  mutable std::vector<uint32_t> phrase_ends_;
  ClauseMatch scratch_match_;

  bool set_aside(uint32_t ci) const {
    for (int32_t up = static_cast<int32_t>(ci), depth = 0; up != kNone && depth < 12; up = a_.clauses[up].parent, ++depth)
      if (up == skipped_clause_) return true;
    return false;
  }
  bool set_aside_token(uint32_t t) const {
    return skipped_clause_ != kNone && a_.clauses[skipped_clause_].first <= t && t < a_.clauses[skipped_clause_].end;
  }
  uint32_t sentence_ = 0;
  uint32_t sentence_first_ = 0;
  uint32_t sentence_end_ = 0;
};

}  // namespace

std::string intent_code(const std::string& code, const std::string& how) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return "";
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (how == "refuse") {
    if (root == 1) return "011";  // "refused to comment"
    if (root >= 10) return "";    // refusing to attack is no event
    return family_code("12", code);
  }
  if (how == "threaten") return root < 14 ? "130" : threat_code(code);
  // intend: cooperation becomes intent to cooperate; hostility becomes a threat; statements,
  // appeals, demands and rejections stay as they are.
  if (root >= 14) return threat_code(code);
  if (root >= 4 && root <= 9) return family_code("03", code);
  return code;
}

EventCoder::EventCoder(const Matcher& actors, const EventDictionary& events, const CameoTable& cameo, CoderOptions options)
    : actors_(actors), events_(events), cameo_(cameo), options_(options) {}

void EventCoder::operator()(Doc& doc) const { code(doc, nullptr); }

void EventCoder::code(Doc& doc, std::vector<CodingNote>* trace) const {
  Events& out = doc.ext<Events>();
  const Analysis* a = doc.find_ext<Analysis>();
  if (!a) return;
  ArticleCoder(actors_, events_, options_, doc, *a, out, trace).run();
}

}  // namespace dyad
