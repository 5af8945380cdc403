#pragma once
// Output formats. A DocWriter formats one Doc into a string, so formatting runs on the worker
// threads and the main thread only writes finished bytes, in input order.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "code/event.h"
#include "text/doc.h"

namespace dyad {

enum class OutputFormat {
  kEvents,         // events as JSON Lines (../shared/reference/event-jsonl.md)
  kEventsCsv,      // events as CSV with a header (docs/output.md)
  kEventsGdelt,    // events as GDELT 2.0 event rows, 61 tab-separated columns (docs/output.md)
  kEventsPlover,   // events as PLOVER records in the manner of POLECAT, JSON Lines (docs/output.md)
  kSentences,      // one segment a line, tab-separated, with a header
  kSegmentsText,   // segments and tokens laid out for reading (dyad segment)
  kSegmentsJsonl,  // one JSON object per segment with its tokens (dyad segment --format jsonl)
  kArticles,       // the articles themselves as JSON Lines, the input contract (dyad extract)
};

class DocWriter {
 public:
  virtual ~DocWriter() = default;
  // Written once before the first Doc (e.g. a CSV/TSV header).
  virtual void header(std::string&) const {}
  virtual void write(const Doc& doc, std::string& out) const = 0;
};

std::unique_ptr<DocWriter> make_writer(OutputFormat format);
// Events are what the format writes (the coder must run).
bool writes_events(OutputFormat format);

// Appends one CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
void append_csv_field(std::string& out, std::string_view s);
// An event's place as the JSON Lines output writes it ("location"), or null.
void append_location(std::string& out, const std::optional<EventPlace>& place);

}  // namespace dyad
