#pragma once
// The two sides of an event store, whatever the database: writing coded articles (dyad code,
// dyad load; EventSink) and reading events, series and aggregates (dyad query, dyad series,
// dyad serve; EventQueries in store/queries.h). The SQLite file (EventStore, docs/store.md)
// and ClickHouse (ClickHouseStore, docs/clickhouse.md) both implement them and give the same
// answers for the same input.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/event_store.h"
#include "store/mention_rows.h"
#include "store/queries.h"

namespace dyad {

class EventSink {
 public:
  virtual ~EventSink() = default;
  // The store holds this article with the same content (coding it again would add nothing).
  virtual bool holds(const Article& article) = 0;
  // Stores a batch of coded docs; an id stored with other content is replaced.
  virtual AddResult add(const std::vector<Doc>& docs) = 0;
  virtual StoreCounts counts() = 0;
  // "events.db", "clickhouse://host:8123/dyad", for messages.
  virtual std::string name() const = 0;
};

// `where` is a file (SQLite) or a clickhouse:// URL (with `cluster`: its Distributed tables).
bool is_clickhouse_url(const std::string& where);
std::unique_ptr<EventQueries> open_event_queries(const std::string& where, const std::string& cluster = "");
std::unique_ptr<EventSink> open_event_sink(const std::string& where, const std::string& cluster = "");

}  // namespace dyad
