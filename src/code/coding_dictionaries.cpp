#include "code/coding_dictionaries.h"

#include <cstdlib>

#include "lang/english_model.h"

namespace dyad {

std::string CodingDictionaries::default_verbs_path() {
  if (const char* env = std::getenv("DYAD_VERBS")) return env;
  return std::string(DYAD_DATA_DIR) + "/dict/events/default.txt";
}

std::unique_ptr<CodingDictionaries> CodingDictionaries::load(const DictionarySources& s,
                                                             std::vector<LoadReport>* reports) {
  std::unique_ptr<CodingDictionaries> d(new CodingDictionaries());
  std::vector<LoadReport> all;
  auto keep = [&](std::vector<LoadReport> r) { all.insert(all.end(), r.begin(), r.end()); };
  if (s.defaults) {
    keep(d->actors_.load(Dictionary::default_path(), DictFormat::kNative));
    keep(d->events_.load(default_verbs_path(), DictFormat::kNative));
  }
  auto actors = [&](const std::vector<std::string>& files, DictRole role) {
    for (const auto& f : files) {
      std::vector<LoadReport> r = d->actors_.load(f, s.format, role);
      // A native file may hold event patterns beside its actors.
      bool native = !r.empty() && r.front().format == DictFormat::kNative;
      keep(std::move(r));
      if (native) d->events_.load(f, DictFormat::kNative);
    }
  };
  actors(s.actors, DictRole::kActors);
  actors(s.agents, DictRole::kAgents);
  actors(s.discards, DictRole::kDiscards);
  actors(s.issues, DictRole::kIssues);
  for (const auto& f : s.verbs) keep(d->events_.load(f, s.format));
  Matcher::Options options;
  options.english = &EnglishModel::shared();
  d->matcher_ = std::make_unique<Matcher>(d->actors_, options);
  d->cameo_ = &CameoTable::shared();
  if (reports) *reports = std::move(all);
  return d;
}

}  // namespace dyad
