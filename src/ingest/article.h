#pragma once
// One article as read from any input format: the unit that flows through the pipeline.
#include <cstdint>
#include <optional>
#include <string>

#include "base/date.h"

namespace dyad {

struct Article {
  std::string id;            // unique within a run
  std::string text;          // the article body; every span in dyad points into it
  std::optional<Date> date;  // publication date
  std::string date_text;     // the date as the input gave it (may be a full timestamp)
  std::string url;
  std::string source;  // outlet
  std::string title;

  // Where the article came from, for messages: file name and the line the record starts on.
  std::string origin_file;
  uint64_t origin_line = 0;

  // The text is hard-wrapped (TABARI and PETRARCH records): a single line break is a space,
  // not the end of a headline.
  bool wrapped = false;
};

}  // namespace dyad
