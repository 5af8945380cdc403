#pragma once
// Dictionary entries: what a set of names stands for, with dated codes and the file and line
// they came from (so every event can name the dictionary line behind it).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace dyad {

enum class EntryKind : uint8_t {
  kCountry,         // a state or territory, its adjectives and demonyms
  kCapital,         // a capital standing for its government ("Tripoli said")
  kRegion,          // a province or territory
  kCity,            // other cities and towns
  kOrg,             // an organisation with its own code
  kPerson,          // a person with dated roles
  kAgent,           // a role noun or title: ~COP, NGO~
  kDiscard,         // makes a sentence uncodable
  kDiscardArticle,  // makes an article uncodable
  kIssue,           // tags an event with an issue
};

std::string_view kind_name(EntryKind k);
std::optional<EntryKind> parse_entry_kind(std::string_view name);
inline bool is_actor_kind(EntryKind k) { return k <= EntryKind::kPerson; }

// A code, valid between two dates (inclusive) or always.
struct DatedCode {
  std::string code;
  std::optional<Date> from, to;
  bool dated() const { return from.has_value() || to.has_value(); }
  bool covers(const Date& d) const { return (!from || *from <= d) && (!to || d <= *to); }
};

struct Entry {
  EntryKind kind = EntryKind::kOrg;
  std::vector<std::string> names;  // as written; the first is the canonical name
  std::vector<DatedCode> codes;
  uint32_t file = 0;  // index into Dictionary::files()
  uint32_t line = 0;  // 1-based
  // Names that came from TABARI/PETRARCH files are upper case by convention; they match
  // case-insensitively. Native names in capitals are acronyms and match only capitals.
  bool legacy_case = false;

  // The code in force on `date`: the first dated code that covers it, else the first undated
  // one. Without a date: the undated code, else the latest range that is still open or last.
  std::string_view code_at(const std::optional<Date>& date) const;
};

}  // namespace dyad
