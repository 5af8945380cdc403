#pragma once
// The event store in ClickHouse (docs/clickhouse.md), over its HTTP interface: one server, or a
// cluster of shards (`--cluster NAME`: Distributed tables over local tables on every shard,
// sharded by a hash of the article id). Mentions and articles are ReplacingMergeTree tables
// versioned by the article's sequence number, so inserting a batch again adds nothing that
// a query sees; events and their counts across articles (mentions, articles, outlets) are
// computed when read, exactly as the SQLite store counts them.
#include <cstdint>
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
  std::vector<SeriesPoint> series(const SeriesFilter& filter) override;

  // Runs one statement on the first server (or host `host`), returning the response body;
  // `data` is sent as the statement's input (INSERT ... FORMAT). Throws StoreError.
  std::string execute(const std::string& sql, std::string_view data = {}, size_t host = 0);

 private:
  void create_schema();
  void check_cluster();
  AddResult add_unique(std::vector<ArticleRows>& articles);
  void stream(const std::string& sql, const std::function<void(std::string_view line)>& line);
  std::string table(const char* name) const;

  ClickHouseLocation location_;
  std::vector<std::unique_ptr<HttpClient>> clients_;
  uint64_t next_seq_ = 0;
  bool distributed_ = false;  // the tables are Distributed (a cluster)
};

// A string as a ClickHouse literal: quoted, with backslashes, quotes and control characters escaped.
std::string clickhouse_quote(std::string_view s);

}  // namespace dyad
