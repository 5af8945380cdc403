#pragma once
// The batch driver: reads every input through the ingest readers, runs the pipeline
// components on each article (in parallel when asked), and writes the formatted results in
// input order. Memory stays bounded: only a few batches are in flight at any time.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/diagnostics.h"
#include "ingest/reader.h"
#include "out/output_file.h"
#include "out/writer.h"
#include "text/doc.h"

namespace dyad {

// The stages an article goes through, in order (spaCy's nlp.pipeline).
class Pipeline {
 public:
  using Component = std::function<void(Doc&)>;
  Pipeline& add(Component c) {
    components_.push_back(std::move(c));
    return *this;
  }
  void operator()(Doc& doc) const {
    for (const auto& c : components_) c(doc);
  }

 private:
  std::vector<Component> components_;
};

struct RunOptions {
  std::vector<std::string> inputs;  // paths; "-" is standard input
  ReaderOptions reader;
  unsigned threads = 1;
  bool strict = false;    // stop at the first malformed record
  bool progress = false;  // progress lines on stderr
  // Articles for which this is true are not processed (e.g. already in the event store).
  std::function<bool(const Article&)> skip;
  // Called with each batch's processed docs, on the calling thread, in input order, before
  // the batch's output is written (e.g. the event store's transaction per batch).
  std::function<void(const std::vector<Doc>&)> sink;
};

struct RunStats {
  uint64_t articles = 0;
  uint64_t articles_skipped = 0;  // passed over by RunOptions::skip
  uint64_t segments = 0;
  uint64_t body_sentences = 0;
  uint64_t tokens = 0;
  uint64_t events = 0;       // coded events (when the pipeline codes)
  uint64_t text_bytes = 0;   // bytes of article text processed
  uint64_t input_bytes = 0;  // bytes read from the inputs
  uint64_t output_bytes = 0;
  uint64_t records_skipped = 0;  // malformed records (each reported as an error)
  uint64_t records_passed_over = 0;    // not articles, on purpose: WARC records other than HTML responses
  uint64_t pages_without_article = 0;  // crawled HTML pages in which no article text was found
  uint64_t warnings = 0;
  uint64_t inputs_failed = 0;  // inputs that could not be opened or read
  bool stopped = false;        // --strict ended the run at a malformed record
  double seconds = 0;
};

RunStats run(const RunOptions& options, const Pipeline& pipeline, const DocWriter& writer,
             OutputFile& output, DiagnosticSink& diagnostics);

}  // namespace dyad
