#pragma once
// What a store keeps of one coded article, independent of the database: the article's facts
// and one mention row per event it reports, keyed as the store keys events (date, source code,
// target code, CAMEO code; docs/store.md). Built from a coded Doc (dyad code) or from the events
// JSON Lines that dyad code writes (dyad load), so both give the same rows.
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/span.h"
#include "code/event.h"
#include "text/doc.h"

namespace dyad {

struct MentionRow {
  // The event's key.
  std::string date, source_code, target_code, cameo;
  // The event's facts (from its CAMEO code and actors).
  std::string root_code, plover, plover_mode, source_country, target_country, source_roles, target_roles;
  int quad = 0;
  double goldstein = 0;
  // The first report in the article (events folded into it add their mentions).
  uint32_t ordinal = 0;  // the event's place among the article's events
  uint32_t sentence_index = 0;
  uint32_t sentence_begin = 0;  // the sentence's first byte in the article
  std::string event_id, sentence;
  std::string trigger_text, source_text, source_rule, target_text, target_rule, date_text;
  Span trigger_span, source_span, target_span, date_span;
  std::optional<EventPlace> place;
  std::string rule, note;
  double confidence = 0;
  uint32_t mentions = 0;
  bool root = false;
};

struct ArticleRows {
  std::string article_id, content_hash, outlet, url, title, published, origin;
  uint32_t num_events = 0;  // events stored (not negated)
  std::set<uint32_t> sentences;  // the sentences that report them (each stored once)
  std::vector<MentionRow> mentions;
};

// The rows of a coded article, as EventStore::add stores it (negated events left out; events
// with the same key folded into the first, their mentions added).
ArticleRows article_rows(const Doc& doc, const std::string& content_hash);

// Reads events JSON Lines as `dyad code` writes them (../shared/reference/event-jsonl.md; an
// article's events are consecutive) into articles. Malformed lines are given to `error` with
// their line number and skipped. The content hash of an article is made of its lines.
class CodedEventsReader {
 public:
  using ErrorSink = std::function<void(uint64_t line, const std::string& message)>;
  CodedEventsReader(std::istream& in, ErrorSink error);
  ~CodedEventsReader();
  // The next article, false at the end.
  bool next(ArticleRows& article);
  uint64_t lines() const { return line_; }
  uint64_t events() const { return events_; }

 private:
  struct Parser;
  struct Parsed;
  bool read_event(Parsed& e);
  std::istream& in_;
  ErrorSink error_;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<Parsed> pending_;  // the event read ahead: the first of the next article
  bool has_pending_ = false;
  uint64_t line_ = 0, events_ = 0;
};

}  // namespace dyad
