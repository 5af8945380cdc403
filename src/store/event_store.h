#pragma once
// The event store: coded articles in one SQLite file (docs/store.md), with GDELT-style event
// rows counted across articles, their mentions, and the sentences they came from. One writer
// at a time; readers (dyad query, dyad series) may read while it writes (WAL).
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "code/event.h"
#include "store/queries.h"
#include "store/sqlite.h"
#include "text/doc.h"

namespace dyad {

// A stored sentence's rowid is the article's row times this plus the sentence index. (Sentences
// past the millionth of an article, if any, keep their events but not their text.)
inline constexpr uint32_t kMaxSentences = 1u << 20;

class EventStore : public EventQueries {
 public:
  // Opens the store, creating the file and its schema unless read-only. Throws StoreError.
  explicit EventStore(const std::string& path, bool read_only = false);
  ~EventStore() override;
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // What identifies an article's content: a hash of its text and metadata.
  static std::string content_hash(const Article& article);
  // The store holds this article id with the same content (coding it again would add nothing).
  bool holds(const Article& article);
  // Writes coded docs in one transaction. An id stored with other content is replaced.
  AddResult add(const std::vector<Doc>& docs);

  StoreCounts counts();

  // EventQueries (query.cpp; aggregates in aggregate.cpp; reading.cpp: a reader's snapshot of
  // the store, kept between begin_read() and end_read(), with counts kept for as long as the
  // store is unchanged).
  void query(const EventFilter& filter, const std::function<void(const StoredEvent&)>& row) override;
  uint64_t count(const EventFilter& filter) override;
  std::optional<StoredEvent> event(int64_t id) override;
  std::vector<StoredReport> reports(int64_t id, size_t max_reports) override;
  std::vector<SeriesPoint> series(const SeriesFilter& filter) override;
  std::optional<std::vector<SeriesPoint>> series(const SeriesFilter& filter, size_t max_periods) override;
  Timeline timeline(const EventFilter& filter, Period by, size_t max_periods) override;
  std::vector<ActorTally> top_actors(const EventFilter& filter, Side side, size_t limit) override;
  std::vector<DyadTally> top_dyads(const EventFilter& filter, size_t limit) override;
  std::vector<PlaceTally> places(const EventFilter& filter, size_t limit) override;
  StoreStatus status() override;
  bool full_text_search() const override { return fts_; }
  void begin_read() override;
  void end_read() override;
  void set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline) override;

  // PRAGMA integrity_check: "ok" or SQLite's findings.
  std::string integrity_check();

 private:
  struct Statements;
  struct EventDelta;
  void create_schema();
  void prepare_statements();
  void remove_article(int64_t rowid);
  void add_doc(const Doc& doc, const std::string& hash, std::map<int64_t, EventDelta>& deltas);
  void flush_deltas(std::map<int64_t, EventDelta>& deltas);

  // A statement compiled once per connection for each SQL text (filters give a few shapes).
  sql::Statement& cached(const std::string& sql);
  // Forgets the counts kept when another connection changed the store.
  void check_data_version();
  void read_events(sql::Statement& st, StoredEvent& buffer, const std::function<void(const StoredEvent&)>& row);

  std::string path_;
  sql::Database db_;
  bool fts_ = false;
  std::unique_ptr<Statements> st_;  // compiled once, on first write
  // The rows of recently stored events by key (date, codes, CAMEO code): the news repeats
  // itself, and a lookup in memory is cheaper than in the index. Cleared when rows may go.
  static constexpr size_t kEventIdsCached = 1 << 16;
  std::unordered_map<std::string, int64_t> event_ids_;
  // Reading (dyad serve).
  std::unordered_map<std::string, sql::Statement> statements_;
  std::unordered_map<std::string, uint64_t> counts_;  // by SQL text and values
  std::optional<StoreStatus> status_;
  int64_t data_version_ = -1;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

}  // namespace dyad
