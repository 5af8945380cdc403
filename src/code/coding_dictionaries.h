#pragma once
// Everything the coder reads, loaded and compiled once per run: actor dictionaries with their
// matcher, event patterns, and the CAMEO table. Shared read-only by all worker threads.
#include <memory>
#include <string>
#include <vector>

#include "code/cameo.h"
#include "code/event_dictionary.h"
#include "dict/dictionary.h"
#include "dict/matcher.h"

namespace dyad {

// Which dictionaries to load (the `dyad code` options).
struct DictionarySources {
  std::vector<std::string> actors, agents, verbs, discards, issues;
  DictFormat format = DictFormat::kAuto;
  bool defaults = true;  // dyad's default dictionaries first (--no-default-dict: none)
};

class CodingDictionaries {
 public:
  // Throws InputError when a file cannot be read. Reports go to `reports` when given.
  static std::unique_ptr<CodingDictionaries> load(const DictionarySources& sources,
                                                  std::vector<LoadReport>* reports = nullptr);
  // The default event patterns' entry point: $DYAD_VERBS, else data/dict/events/default.txt.
  static std::string default_verbs_path();

  const Dictionary& actors() const { return actors_; }
  const Matcher& matcher() const { return *matcher_; }
  const EventDictionary& events() const { return events_; }
  const CameoTable& cameo() const { return *cameo_; }

 private:
  CodingDictionaries() = default;
  Dictionary actors_;
  std::unique_ptr<Matcher> matcher_;
  EventDictionary events_;
  const CameoTable* cameo_ = nullptr;
};

}  // namespace dyad
