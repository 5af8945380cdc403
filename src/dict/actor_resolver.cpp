#include "dict/actor_resolver.h"

#include "lang/english_model.h"

#include <algorithm>
#include <array>

namespace dyad {
namespace {

// Codes that open organisation codes rather than a country.
bool organisation_prefix(std::string_view p) {
  static constexpr std::array<std::string_view, 10> kPrefixes = {"IGO", "NGO", "NGM", "IMG", "MNC",
                                                                 "UIS", "INT", "UNO", "---", "IRC"};
  return std::find(kPrefixes.begin(), kPrefixes.end(), p) != kPrefixes.end();
}

// Titles after which a surname alone names a person ("President Assad", "Gen. Haftar").
bool is_title(std::string_view w) {
  if (size_t dash = w.rfind('-'); dash != std::string_view::npos) w = w.substr(dash + 1);  // Vice-President
  std::string t;
  for (char c : w)
    if (c != '.') t.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  static constexpr std::array<std::string_view, 42> kTitles = {
      "president", "premier", "chancellor", "king", "queen", "emir", "sheikh", "prince", "minister",
      "general", "gen", "colonel", "col", "lt", "lieutenant", "mr", "mrs", "ms", "dr", "sen", "senator",
      "rep", "gov", "governor", "mayor", "ambassador", "secretary", "marshal", "ayatollah", "imam",
      "commander", "chief", "leader", "speaker", "judge", "justice", "maj", "capt", "adm", "admiral",
      "cardinal", "pope"};
  return std::find(kTitles.begin(), kTitles.end(), t) != kTitles.end();
}

std::string lower_word(const Doc& doc, uint32_t token) {
  std::string w(doc.text_of(doc.tokens[token]));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// Capitalised words that start place names rather than personal names ("West Mosul").
bool place_qualifier(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Greater",
      "Upper", "Lower", "Old", "New", "Port", "Fort", "Mount", "Saint", "St", "St.", "San", "Santa"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

}  // namespace

void split_actor_code(std::string_view code, std::string& country, std::vector<std::string>& roles) {
  country.clear();
  roles.clear();
  size_t pos = 0;
  if (code.size() >= 3 && !organisation_prefix(code.substr(0, 3))) {
    country = std::string(code.substr(0, 3));
    pos = 3;
  }
  while (pos < code.size()) {
    roles.emplace_back(code.substr(pos, 3));
    pos += 3;
  }
}

void ActorResolver::begin_article(const std::optional<Date>& date) {
  date_ = date;
  persons_seen_.clear();
  pieces_ = {};
}

// Between a role and the place after it only words like "of the" may stand ("the foreign
// minister of Egypt"): in "military aid to Mozambique" the role word qualifies something else.
bool ActorResolver::only_linking_words(const Doc& doc, uint32_t first, uint32_t end) const {
  for (uint32_t t = first; t < end; ++t) {
    std::string w(doc.text_of(doc.tokens[t]));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // ... and the part of a place ("forces in east Bosnia", "troops in southern Lebanon").
    static constexpr std::array<std::string_view, 17> kLinking = {
        "of", "the", "for", "in", "from", "'s", "'", "east", "west", "north", "south", "eastern", "western",
        "northern", "southern", "central", "northeastern"};
    if (std::find(kLinking.begin(), kLinking.end(), w) == kLinking.end()) return false;
  }
  return true;
}

bool ActorResolver::covers_date(uint32_t entry) const {
  if (!date_) return false;
  const Entry& e = dictionary().entries()[entry];
  return std::any_of(e.codes.begin(), e.codes.end(), [&](const DatedCode& c) { return c.dated() && c.covers(*date_); });
}

bool ActorResolver::title_before(const Doc& doc, uint32_t token) const {
  return token > 0 && is_title(doc.text_of(doc.tokens[token - 1]));
}

// A town's name inside a personal name: after a title ("Vice-President Moody Awori") or after
// a capitalised word that is not a place qualifier and does not start the sentence ("Judge
// Alejandro Rivera").
bool ActorResolver::in_personal_name(const Doc& doc, const Matcher::Match& m) const {
  // "Salem Gheriani, an adviser": a first name before a surname that no dictionary knows.
  if (m.end_token < doc.tokens.size() && matcher_.english()) {
    const Token& next = doc.tokens[m.end_token];
    std::string low(doc.text_of(next));
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool name_like = next.kind == TokenKind::kWord && next.has(token_flags::kUpperInitial) &&
                     !next.has(token_flags::kAllCaps) &&
                     std::none_of(matches_.begin(), matches_.end(),
                                  [&](const Matcher::Match& o) { return o.first_token == m.end_token; });
    if (name_like) {
      bool common = false;
      for (const auto& tc : matcher_.english()->lexicon(low)) common |= tc.tag != Pos::NNP && tc.tag != Pos::NNPS;
      static constexpr std::array<std::string_view, 19> kTime = {
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
          "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
      if (!common && std::find(kTime.begin(), kTime.end(), low) == kTime.end()) return true;
    }
  }
  if (m.first_token == 0) return false;
  if (title_before(doc, m.first_token)) return true;
  const Token& prev = doc.tokens[m.first_token - 1];
  if (prev.kind != TokenKind::kWord || !prev.has(token_flags::kUpperInitial) || prev.has(token_flags::kAllCaps))
    return false;
  if (place_qualifier(doc.text_of(prev))) return false;
  bool sentence_initial = m.first_token < 2 || doc.tokens[m.first_token - 2].has(token_flags::kTerminal) ||
                          doc.tokens[m.first_token - 2].has(token_flags::kOpening);
  if (sentence_initial) {
    // Capitalised only because it starts the sentence ("Yesterday Rivera ...")? A word English
    // uses in lower case is not a first name.
    const EnglishModel* english = matcher_.english();
    if (!english) return false;
    std::string low(doc.text_of(prev));
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& tc : english->lexicon(low))
      if (tc.tag != Pos::NNP && tc.tag != Pos::NNPS) return false;
  }
  return std::none_of(matches_.begin(), matches_.end(),
                      [&](const Matcher::Match& o) { return o.end_token == m.first_token; });
}

Actor ActorResolver::make(const Doc& doc, const Matcher::Match& actor, const Matcher::Match* agent) const {
  const auto& entries = dictionary().entries();
  const Entry& e = entries[actor.entry];
  Actor a;
  a.entry = static_cast<int32_t>(actor.entry);
  a.first_token = actor.first_token;
  a.end_token = actor.end_token;
  std::string code(e.code_at(date_));
  if (agent) {
    const Entry& g = entries[agent->entry];
    std::string_view gc = g.codes.front().code;
    // Agents qualify places (a country, its capital, a region or city); organisations and
    // persons keep their own codes.
    bool place = e.kind == EntryKind::kCountry || e.kind == EntryKind::kCapital || e.kind == EntryKind::kRegion ||
                 e.kind == EntryKind::kCity || (e.legacy_case && code.size() == 3);
    if (place && code.size() >= 3) {
      std::string country = code.substr(0, 3);
      if (gc.front() == '~') code = country + std::string(gc.substr(1));
      else code = std::string(gc.substr(0, gc.size() - 1)) + country;
      a.agent = static_cast<int32_t>(agent->entry);
      a.first_token = std::min(a.first_token, agent->first_token);
      a.end_token = std::max(a.end_token, agent->end_token);
    }
  }
  a.code = code;
  split_actor_code(a.code, a.country, a.roles);
  a.span = {doc.tokens[a.first_token].begin, doc.tokens[a.end_token - 1].end};
  return a;
}

void ActorResolver::resolve(const Doc& doc, uint32_t first, uint32_t end, std::vector<Actor>& out) {
  matches_.clear();
  matcher_.match(doc.text(), doc.tokens, first, end, matches_, &pieces_);
  const auto& entries = dictionary().entries();
  std::vector<const Matcher::Match*> actors, agents;
  for (const Matcher::Match& m : matches_) {
    const Entry& e = entries[m.entry];
    if (m.surname && !doc.tokens[m.first_token].has(token_flags::kUpperInitial)) continue;  // "major", "begin"
    if (m.surname) {
      // "President Assad" names him; "President Ahmed Ben Bella" names someone else whose name
      // goes on.
      bool name_goes_on = m.end_token < doc.tokens.size() && doc.tokens[m.end_token].has(token_flags::kUpperInitial) &&
                          doc.tokens[m.end_token].kind == TokenKind::kWord;
      if (name_goes_on || (!persons_seen_.count(m.entry) && !title_before(doc, m.first_token))) continue;
    }
    if (e.kind == EntryKind::kCity && in_personal_name(doc, m)) continue;  // "Judge Alejandro Rivera"
    // "ethnic Albanians" in Macedonia are not Albania.
    if (e.kind == EntryKind::kCountry && m.first_token > 0 && lower_word(doc, m.first_token - 1) == "ethnic") continue;
    if (e.kind == EntryKind::kPerson && !m.surname) persons_seen_.insert(m.entry);
    if (e.kind == EntryKind::kAgent) {
      agents.push_back(&m);
    } else if (is_actor_kind(e.kind)) {
      std::string_view code = e.code_at(date_);
      if (code.empty() || code == "---" || code == "###") continue;  // null and discard codes
      // Several entries with the same name at the same place: keep the first (most specific
      // kinds come first in the defaults' order), unless a later one has a dated code for the
      // article's date and the first has not (the same leader in a historical file).
      if (!actors.empty() && actors.back()->first_token == m.first_token) {
        if (covers_date(m.entry) && !covers_date(actors.back()->entry)) actors.back() = &m;
        continue;
      }
      actors.push_back(&m);
    }
  }
  if (actors.empty()) {
    if (agents.empty()) return;
    // An agent alone: its roles without a country ("police" -> COP, "rights group" -> NGOHRI).
    const Matcher::Match& g = *agents.back();
    std::string_view gc = entries[g.entry].codes.front().code;
    Actor a;
    a.agent = static_cast<int32_t>(g.entry);
    a.code = std::string(gc.front() == '~' ? gc.substr(1) : gc.substr(0, gc.size() - 1));
    // Roles only: no country, even where a role reads like one (MUS is also Mauritius).
    for (size_t pos = 0; pos < a.code.size(); pos += 3) a.roles.push_back(a.code.substr(pos, 3));
    a.first_token = g.first_token;
    a.end_token = g.end_token;
    a.span = {doc.tokens[g.first_token].begin, doc.tokens[g.end_token - 1].end};
    out.push_back(std::move(a));
    return;
  }
  for (const Matcher::Match* m : actors) {
    // The agent it combines with: the nearest after it ("Libyan police"), else the nearest
    // before it ("the foreign minister of Egypt").
    // Only agents close by qualify it ("Libya 's army", "U.S. special forces", "the foreign
    // minister of Egypt"): a role three words away belongs to someone else.
    const Matcher::Match* agent = nullptr;
    for (const Matcher::Match* g : agents)
      if (g->first_token >= m->end_token && g->first_token - m->end_token <= 3 &&
          (!agent || g->first_token < agent->first_token))
        agent = g;
    if (!agent)
      for (const Matcher::Match* g : agents)
        if (g->end_token <= m->first_token && m->first_token - g->end_token <= 4 &&
            only_linking_words(doc, g->end_token, m->first_token) && (!agent || g->end_token > agent->end_token))
          agent = g;
    Actor a = make(doc, *m, agent);
    if (a.agent >= 0) {
      // More agents right next to it: "An MSF Arnor diplomat" (NGO~ before, ~GOV after) is
      // NGOARNGOV; "government activists" after it adds each role in turn.
      auto code_of = [&](const Matcher::Match* g) { return std::string_view(entries[g->entry].codes.front().code); };
      std::string code = a.code;
      uint32_t last = agent->end_token;
      for (bool more = true; more;) {
        more = false;
        for (const Matcher::Match* g : agents)
          if (g->first_token == last && code_of(g).front() == '~') {
            code += code_of(g).substr(1);
            last = g->end_token;
            a.end_token = std::max(a.end_token, last);
            more = true;
            break;
          }
      }
      for (const Matcher::Match* g : agents)
        if (g != agent && g->end_token == m->first_token && code_of(g).back() == '~' && code_of(g).front() != '~') {
          code = std::string(code_of(g).substr(0, code_of(g).size() - 1)) + code;
          a.first_token = std::min(a.first_token, g->first_token);
          break;
        }
      if (code != a.code) {
        a.code = code;
        a.country.clear();
        a.roles.clear();
        split_actor_code(a.code, a.country, a.roles);
        a.span = {doc.tokens[a.first_token].begin, doc.tokens[a.end_token - 1].end};
      }
    }
    bool duplicate = std::any_of(out.begin(), out.end(), [&](const Actor& o) { return o.code == a.code; });
    if (!duplicate) out.push_back(std::move(a));
  }
}

bool ActorResolver::discarded(const Doc& doc, uint32_t first, uint32_t end, bool* article, uint32_t* at) const {
  std::vector<Matcher::Match> ms;
  matcher_.match_discards(doc.text(), doc.tokens, first, end, ms, &pieces_);
  bool found = false;
  for (const auto& m : ms) {
    const Entry& e = dictionary().entries()[m.entry];
    EntryKind k = e.kind;
    bool here = (is_actor_kind(k) && e.code_at(date_) == "###") ||  // TABARI's discard code
                k == EntryKind::kDiscard || k == EntryKind::kDiscardArticle;
    if (k == EntryKind::kDiscardArticle && article) *article = true;
    if (here && at && (!found || m.first_token < *at)) *at = m.first_token;
    found |= here;
  }
  return found;
}

}  // namespace dyad
