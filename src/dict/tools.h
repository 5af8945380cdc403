#pragma once
// Dictionary maintenance: writing entries in the native format (`dyad dict convert`) and
// checking a dictionary for problems (`dyad dict lint`).
#include <string>
#include <vector>

#include "dict/dictionary.h"

namespace dyad {

// One native-format line for an entry (legacy stems become "name*", exact marks are dropped).
std::string native_line(const Entry& e);
std::string native_date_range(const DatedCode& c);

struct LintFinding {
  std::string where;     // file:line
  std::string category;  // duplicate | conflict | overlap | unknown-role | unknown-country | unreachable
  std::string message;
};

std::vector<LintFinding> lint(const Dictionary& dict);

}  // namespace dyad
