#pragma once
// A set of dictionary entries loaded from files in any supported format, with the files they
// came from (for `file:line` provenance) and a report of what each file gave and refused.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dict/entry.h"

namespace dyad {

enum class DictFormat { kAuto, kNative, kTabari, kPetrarch };
// What a TABARI/PETRARCH file holds (their formats do not say); kAuto guesses from the name.
enum class DictRole { kAuto, kActors, kAgents, kDiscards, kIssues, kVerbs };

std::string_view format_name(DictFormat f);
std::string_view role_name(DictRole r);

struct Rejection {
  uint32_t line = 0;
  std::string reason;
  std::string text;  // the line, shortened
};

struct LoadReport {
  std::string file;
  DictFormat format = DictFormat::kAuto;
  DictRole role = DictRole::kAuto;
  size_t entries = 0;
  size_t names = 0;
  std::vector<Rejection> rejected;
};

class Dictionary {
 public:
  // Loads a file (following includes); one report per file read. Throws InputError when a
  // file cannot be opened. Malformed lines are reported, not fatal.
  std::vector<LoadReport> load(const std::string& path, DictFormat format = DictFormat::kAuto,
                               DictRole role = DictRole::kAuto);

  // Adds an entry read by other means; `file` names its origin.
  void add(Entry e, const std::string& file);

  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<std::string>& files() const { return files_; }
  // "data/dict/people/asia_pacific.txt:1234"
  std::string origin(const Entry& e) const;

  // The default dictionaries' entry point: $DYAD_DICT if set, else data/dict/default.txt in the
  // source tree dyad was built from.
  static std::string default_path();

 private:
  friend class DictionaryLoader;
  uint32_t file_id(const std::string& path);
  std::vector<Entry> entries_;
  std::vector<std::string> files_;
};

// The index of `path` in `files` (added when new), the path normalised and, for the default
// dictionaries, relative to data/ ("dict/agents.txt", "generated/countries.txt"): how every
// dictionary names the file behind an entry or a pattern.
uint32_t intern_file(std::vector<std::string>& files, const std::string& path);

// A line of a native dictionary file without its comment ('#' at the start or after white
// space): its first word and the rest, trimmed. Nothing for blank and comment-only lines.
struct NativeLine {
  std::string_view keyword, rest;
};
std::optional<NativeLine> split_native_line(std::string_view raw);

// Guesses the format of a dictionary file from its name and first lines.
DictFormat detect_dict_format(std::string_view path, std::string_view head);
// Guesses what a TABARI/PETRARCH file holds from its name.
DictRole detect_dict_role(std::string_view path);

}  // namespace dyad
