#pragma once
// From name matches to actors: the code in force on the article's date, agents combined with
// the actor they qualify ("Libyan police" -> LBYCOP, "the foreign minister of Egypt" ->
// EGYGOV), persons by surname once named in the article or after a title ("President Assad").
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/span.h"
#include "dict/matcher.h"
#include "text/doc.h"

namespace dyad {

struct Actor {
  std::string code;     // CAMEO-style: "LBYCOP", "IGOUNO", "COP" (an agent with no actor)
  std::string country;  // ISO alpha-3 when the code starts with one, else ""
  std::vector<std::string> roles;  // role codes after the country ("GOV", "MIL")
  Span span;            // the text of the actor (and its agent)
  uint32_t first_token = 0, end_token = 0;
  int32_t entry = -1;   // the actor entry (or -1 for an agent alone)
  int32_t agent = -1;   // the agent entry, if one combined
};

class ActorResolver {
 public:
  explicit ActorResolver(const Matcher& matcher) : matcher_(matcher) {}

  // Starts an article: its date picks dated codes; persons named so far are forgotten.
  void begin_article(const std::optional<Date>& date);
  // Forgets the persons named so far (keeping what it read of the article's tokens).
  void forget_persons() { persons_seen_.clear(); }

  // The actors named in tokens [first, end) of `doc` (one phrase with what hangs on it),
  // in text order. Remembers persons named in full, for later surname-only mentions.
  void resolve(const Doc& doc, uint32_t first, uint32_t end, std::vector<Actor>& out);

  // Is a discard phrase in tokens [first, end)? Sets *article when it discards the article.
  // *at (if given) is the first token of the first discard phrase found.
  bool discarded(const Doc& doc, uint32_t first, uint32_t end, bool* article = nullptr, uint32_t* at = nullptr) const;

  const Dictionary& dictionary() const { return matcher_.dictionary(); }

 private:
  Actor make(const Doc& doc, const Matcher::Match& actor, const Matcher::Match* agent) const;
  bool title_before(const Doc& doc, uint32_t token) const;
  bool covers_date(uint32_t entry) const;
  bool only_linking_words(const Doc& doc, uint32_t first, uint32_t end) const;
  bool in_personal_name(const Doc& doc, const Matcher::Match& m) const;

  const Matcher& matcher_;
  std::optional<Date> date_;
  std::set<uint32_t> persons_seen_;
  std::vector<Matcher::Match> matches_;
  mutable Matcher::Pieces pieces_;  // the article's tokens as the matcher reads them
};

// Splits "LBYGOV" into country "LBY" and roles {"GOV"}; organisation codes (IGO, NGO, IMG,
// MNC...) have no country.
void split_actor_code(std::string_view code, std::string& country, std::vector<std::string>& roles);

}  // namespace dyad
