#pragma once
// Shared plumbing of the concrete readers (not part of the public API).
#include <memory>
#include <string>
#include <string_view>

#include "ingest/line_reader.h"
#include "ingest/reader.h"

namespace dyad::ingest_detail {

// Owns the source and its line reader; reports diagnostics with the source's name.
class ReaderBase : public ArticleReader {
 public:
  ReaderBase(std::unique_ptr<ByteSource> source, const ReaderOptions& options, DiagnosticSink& sink)
      : source_(std::move(source)), lines_(*source_, options.max_record_bytes), options_(options),
        sink_(sink) {}
  uint64_t bytes_consumed() const override { return lines_.bytes_consumed(); }
  LineReader& lines() { return lines_; }

 protected:
  void error(uint64_t line, std::string message) {
    sink_.report({Severity::kError, source_->name(), line, std::move(message)});
  }
  void warning(uint64_t line, std::string message) {
    sink_.report({Severity::kWarning, source_->name(), line, std::move(message)});
  }
  void report_too_long(const Line& line) {
    error(line.number, "line is " + std::to_string(line.length) + " bytes, over the record limit of " +
                           std::to_string(options_.max_record_bytes) + " bytes; record skipped");
  }
  const std::string& name() const { return source_->name(); }
  // Fills origin and the default date; checks that the text has no NUL byte.
  bool finish(Article& a, uint64_t line);

  std::unique_ptr<ByteSource> source_;
  LineReader lines_;
  ReaderOptions options_;
  DiagnosticSink& sink_;
};

std::unique_ptr<ArticleReader> make_jsonl_reader(std::unique_ptr<ByteSource>, const ReaderOptions&,
                                                 DiagnosticSink&);
std::unique_ptr<ArticleReader> make_text_reader(std::unique_ptr<ByteSource>, const ReaderOptions&,
                                                DiagnosticSink&);
std::unique_ptr<ArticleReader> make_petrarch_xml_reader(std::unique_ptr<ByteSource>,
                                                        const ReaderOptions&, DiagnosticSink&);
std::unique_ptr<ArticleReader> make_tabari_reader(std::unique_ptr<ByteSource>, const ReaderOptions&,
                                                  DiagnosticSink&);

std::unique_ptr<ArticleReader> make_warc_reader(std::unique_ptr<ByteSource>, const ReaderOptions&,
                                                DiagnosticSink&);

std::unique_ptr<ArticleReader> make_html_reader(std::unique_ptr<ByteSource>, const ReaderOptions&,
                                                DiagnosticSink&);

// "dir/page.html.gz" -> "page" (also .htm.gz, .html, .htm).
std::string html_stem(const std::string& path);

// A TABARI record header: "YYMMDD id" or "YYYYMMDD id".
bool looks_like_tabari_header(std::string_view line);

// "dir/story.txt" -> "story"; "<stdin>" -> "stdin".
std::string file_stem(const std::string& path);

}  // namespace dyad::ingest_detail
