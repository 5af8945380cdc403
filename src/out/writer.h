#pragma once
// Output formats. A DocWriter formats one Doc into a string, so formatting runs on the worker
// threads and the main thread only writes finished bytes, in input order.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "text/doc.h"

namespace dyad {

enum class OutputFormat {
  kEvents,         // events as JSON Lines (../shared/reference/event-jsonl.md)
  kSentences,      // one segment a line, tab-separated, with a header
  kSegmentsText,   // segments and tokens laid out for reading (dyad segment)
  kSegmentsJsonl,  // one JSON object per segment with its tokens (dyad segment --format jsonl)
};

class DocWriter {
 public:
  virtual ~DocWriter() = default;
  // Written once before the first Doc (e.g. a CSV/TSV header).
  virtual void header(std::string&) const {}
  virtual void write(const Doc& doc, std::string& out) const = 0;
};

std::unique_ptr<DocWriter> make_writer(OutputFormat format);

}  // namespace dyad
