#include "store/backend.h"

#include "store/clickhouse.h"

namespace dyad {
namespace {

// The SQLite store as a sink: its name is the path.
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
  return std::make_unique<EventStore>(where, true);
}

std::unique_ptr<EventSink> open_event_sink(const std::string& where, const std::string& cluster) {
  if (is_clickhouse_url(where))
    return std::make_unique<ClickHouseStore>(ClickHouseLocation::parse(where, cluster), true);
  if (!cluster.empty()) throw StoreError("--cluster needs a clickhouse:// sink");
  return std::make_unique<SqliteSink>(where);
}

}  // namespace dyad
