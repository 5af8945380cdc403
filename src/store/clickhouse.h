#pragma once
// The event store in ClickHouse (docs/clickhouse.md), over its HTTP interface: one server, or a
// cluster of shards (`--cluster NAME`: Distributed tables over local tables on every shard,
// sharded by a hash of the article id). Mentions and articles are ReplacingMergeTree tables
// versioned by the article's sequence number, so inserting a batch again adds nothing that
// a query sees; events and their counts across articles (mentions, articles, outlets) are
// computed when read, exactly as the SQLite store counts them.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/backend.h"
#include "store/http_client.h"

namespace dyad {

struct ClickHouseLocation {
  struct Host {
    std::string host;
    int port = 8123;
  };
  // clickhouse://HOST[:PORT][,HOST[:PORT]...][/DATABASE][?retries=N]: the first server takes the
  // inserts and the queries; every server listed gets the tables (a cluster's shards).
  std::vector<Host> hosts;
  std::string database = "dyad";
  std::string cluster;  // empty: one server, plain tables
  int retries = 4;      // tries after the first, with backoff (0.25 s, doubling, at most 4 s)
  std::string url;      // as given

  // Throws StoreError on a malformed URL or names that are not identifiers.
  static ClickHouseLocation parse(const std::string& url, const std::string& cluster = "");
};

class ClickHouseStore : public EventQueries, public EventSink {
 public:
  // Connects; for writing, creates the database and tables where missing (on every host) and
  // checks every shard of the cluster has them. Throws StoreError naming the server.
  ClickHouseStore(ClickHouseLocation location, bool write);
  ~ClickHouseStore() override;

  // EventSink. Articles are always coded (no lookup per article); add() leaves out those
  // stored with the same content.
  bool holds(const Article&) override { return false; }
  AddResult add(const std::vector<Doc>& docs) override;
  // Stores articles' rows (dyad load); same rules as add().
  AddResult add_rows(std::vector<ArticleRows> articles);
  StoreCounts counts() override;
  std::string name() const override { return location_.url; }

  // EventQueries.
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
  bool full_text_search() const override { return true; }
  // Each statement is given the time left (max_execution_time); past it a query throws
  // StoreInterrupted and is not tried again.
  void set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline) override;

  // Runs one statement on the first server (or host `host`), returning the response body;
  // `data` is sent as the statement's input (INSERT ... FORMAT). Throws StoreError.
  std::string execute(const std::string& sql, std::string_view data = {}, size_t host = 0);

 private:
  void create_schema();
  void check_cluster();
  AddResult add_unique(std::vector<ArticleRows>& articles);
  void stream(const std::string& sql, const std::function<void(std::string_view line)>& line);
  std::string table(const char* name) const;

  // The mentions' conditions of a filter (WHERE), and the event's (HAVING) with the event
  // columns these name.
  struct EventSql {
    std::vector<std::string> where, having, columns;
  };
  EventSql conditions(const EventFilter& filter) const;
  // The events (rows by key) that `c` selects, with the event columns named (aliases).
  std::string events_sql(const EventSql& c, std::vector<std::string> columns) const;
  // The SELECT of the view `events`: one row per event, the columns of the SQLite store's events.
  std::string events_view_sql() const;
  // The condition that a mention has the key of the mention at `pos` ("0" when none is).
  std::string key_of_mention(int64_t pos);
  // Runs an events_sql() with every column of a StoredEvent.
  void read_events(const std::string& sql, const std::function<void(const StoredEvent&)>& row);
  std::map<Date, SeriesPoint> series_by_period(const SeriesFilter& filter);
  // The settings that give a statement the time left before the deadline ("" without one).
  std::string time_left_settings() const;
  // Throws the error of a failed statement (StoreInterrupted past the deadline).
  [[noreturn]] void fail(std::string error, const std::string& answer, int attempt) const;
  // Waits before another try, or fails when the tries or the time are over.
  void retry_or_fail(const std::string& error, const std::string& answer, int attempt) const;

  ClickHouseLocation location_;
  std::vector<std::unique_ptr<HttpClient>> clients_;
  uint64_t next_seq_ = 0;
  bool distributed_ = false;  // the tables are Distributed (a cluster)
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

// A string as a ClickHouse literal: quoted, with backslashes, quotes and control characters escaped.
std::string clickhouse_quote(std::string_view s);

}  // namespace dyad
