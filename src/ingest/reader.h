#pragma once
// Article readers: one interface over every input format users have. A reader streams its
// input, yields well-formed articles and reports malformed records (file and line) to a
// DiagnosticSink before skipping them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "ingest/article.h"
#include "ingest/byte_source.h"
#include "ingest/diagnostics.h"

namespace dyad {

enum class InputFormat { kAuto, kJsonl, kText, kPetrarchXml, kTabari, kWarc, kHtml };

std::string_view format_name(InputFormat f);
std::optional<InputFormat> parse_input_format(std::string_view name);

// Guesses the format from the file name (extension) and the first bytes of the content.
InputFormat detect_format(std::string_view path, std::string_view head);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  std::optional<Date> default_date;          // for articles that carry no date
  size_t max_record_bytes = size_t{16} << 20;  // longer records are reported and skipped
};

// What a WARC reader did with the records it read (for the run summary and tests).
struct WarcCounts {
  uint64_t records = 0;             // records seen, malformed ones included
  uint64_t articles = 0;            // HTML responses that became articles
  uint64_t not_html_responses = 0;  // passed over silently: warcinfo, request, metadata, revisit,
                                    // resource, non-HTTP, status other than 200, not HTML
  uint64_t no_article_text = 0;     // HTML pages in which the extractor found no article
  uint64_t malformed_records = 0;   // reported as errors and skipped
};

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;
  // The next well-formed article; false at the end of the input.
  virtual bool next(Article& out) = 0;
  virtual uint64_t bytes_consumed() const = 0;
  virtual InputFormat format() const = 0;
  // Records passed over on purpose, not errors (WARC records that are not HTML responses), so
  // that a summary can say how many; 0 for formats where every record is an article.
  virtual uint64_t records_passed_over() const { return 0; }
  // The WARC reader's counts; nullptr for other formats.
  virtual const WarcCounts* warc_counts() const { return nullptr; }
};

// Opens a reader over `source`; with InputFormat::kAuto the format is detected.
std::unique_ptr<ArticleReader> open_reader(std::unique_ptr<ByteSource> source,
                                           const ReaderOptions& options, DiagnosticSink& sink);

}  // namespace dyad
