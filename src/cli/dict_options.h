#pragma once
// Parsing of dictionary option values shared by commands.
#include <string_view>

#include "dict/dictionary.h"

namespace dyad::cli {

inline DictFormat parse_dict_format(std::string_view s) {
  if (s == "native") return DictFormat::kNative;
  if (s == "tabari") return DictFormat::kTabari;
  if (s == "petrarch") return DictFormat::kPetrarch;
  return DictFormat::kAuto;
}

inline DictRole parse_dict_role(std::string_view s) {
  if (s == "actors") return DictRole::kActors;
  if (s == "agents") return DictRole::kAgents;
  if (s == "discards") return DictRole::kDiscards;
  if (s == "issues") return DictRole::kIssues;
  if (s == "verbs") return DictRole::kVerbs;
  return DictRole::kAuto;
}

}  // namespace dyad::cli
