#include "store/backend.h"

#include "store/clickhouse.h"

namespace dyad {
namespace {

// The SQLite store behind the interfaces.
class SqliteQueries : public EventQueries {
 public:
  explicit SqliteQueries(const std::string& path) : store_(path, true) {}
  void query(const EventFilter& filter, const std::function<void(const StoredEvent&)>& row) override {
    store_.query(filter, row);
  }
  std::vector<SeriesPoint> series(const SeriesFilter& filter) override { return store_.series(filter); }

 private:
  EventStore store_;
};

class SqliteSink : public EventSink {
 public:
  explicit SqliteSink(const std::string& path) : path_(path), store_(path) {}
  bool holds(const Article& article) override { return store_.holds(article); }
  AddResult add(const std::vector<Doc>& docs) override { return store_.add(docs); }
  StoreCounts counts() override { return store_.counts(); }
  std::string name() const override { return path_; }

 private:
  std::string path_;
  EventStore store_;
};

}  // namespace

bool is_clickhouse_url(const std::string& where) { return where.rfind("clickhouse://", 0) == 0; }

std::unique_ptr<EventQueries> open_event_queries(const std::string& where, const std::string& cluster) {
  if (is_clickhouse_url(where))
    return std::make_unique<ClickHouseStore>(ClickHouseLocation::parse(where, cluster), false);
  if (!cluster.empty()) throw StoreError("--cluster needs a clickhouse:// sink");
  return std::make_unique<SqliteQueries>(where);
}

std::unique_ptr<EventSink> open_event_sink(const std::string& where, const std::string& cluster) {
  if (is_clickhouse_url(where))
    return std::make_unique<ClickHouseStore>(ClickHouseLocation::parse(where, cluster), true);
  if (!cluster.empty()) throw StoreError("--cluster needs a clickhouse:// sink");
  return std::make_unique<SqliteSink>(where);
}

}  // namespace dyad
