#pragma once
// Actor resolution against the PLOVER gold records: each gold actor's text resolved alone with
// the dictionaries; a hit when the first three letters of the code agree with the gold code's.
#include <string>
#include <vector>

#include "dict/actor_resolver.h"

namespace dyad {

struct ActorCase {
  std::string id;  // "<record id>:<source|target>:<n>"
  std::string text;
  std::string gold;
  std::string date;
};

struct ActorMiss {
  ActorCase c;
  std::string got;  // "" when nothing resolved
};

struct ActorScores {
  size_t total = 0, correct = 0;
  std::vector<ActorMiss> misses;
  double share() const { return total ? 100.0 * static_cast<double>(correct) / static_cast<double>(total) : 0; }
};

// The gold actors of a PLOVER gold-standard JSON file (records with source/target arrays).
std::vector<ActorCase> read_gold_actors(const std::string& path);

ActorScores score_actors(const std::vector<ActorCase>& cases, ActorResolver& resolver);

}  // namespace dyad
