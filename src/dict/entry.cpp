#include "dict/entry.h"

#include <array>

namespace dyad {
namespace {
constexpr std::array<std::pair<EntryKind, std::string_view>, 10> kNames = {{
    {EntryKind::kCountry, "country"},
    {EntryKind::kCapital, "capital"},
    {EntryKind::kRegion, "region"},
    {EntryKind::kCity, "city"},
    {EntryKind::kOrg, "org"},
    {EntryKind::kPerson, "person"},
    {EntryKind::kAgent, "agent"},
    {EntryKind::kDiscard, "discard"},
    {EntryKind::kDiscardArticle, "discard-article"},
    {EntryKind::kIssue, "issue"},
}};
}  // namespace

std::string_view kind_name(EntryKind k) {
  for (auto& [kind, name] : kNames)
    if (kind == k) return name;
  return "?";
}

std::optional<EntryKind> parse_entry_kind(std::string_view name) {
  for (auto& [kind, n] : kNames)
    if (n == name) return kind;
  return std::nullopt;
}

std::string_view Entry::code_at(const std::optional<Date>& date) const {
  const DatedCode* undated = nullptr;
  const DatedCode* latest = nullptr;
  for (const DatedCode& c : codes) {
    if (!c.dated()) {
      if (!undated) undated = &c;
      continue;
    }
    if (date && c.covers(*date)) return c.code;
    if (!latest || !c.to || (latest->to && *c.to > *latest->to)) latest = &c;
  }
  if (undated) return undated->code;
  if (!date && latest) return latest->code;
  return {};
}

}  // namespace dyad
