#pragma once
// The two sides of an event store, whatever the database: writing coded articles (dyad code,
// dyad load) and reading events and series (dyad query, dyad series, and a server). The SQLite
// file (EventStore, docs/store.md) and ClickHouse (ClickHouseStore, docs/clickhouse.md) both
// implement them and give the same answers for the same input.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/event_store.h"
#include "store/mention_rows.h"

namespace dyad {

class EventQueries {
 public:
  virtual ~EventQueries() = default;
  // Calls `row` for each matching event, by date (undated last), then in the order the events
  // were first stored.
  virtual void query(const EventFilter& filter, const std::function<void(const StoredEvent&)>& row) = 0;
  // Zero-filled: every period from `from` (or the first event) to `to` (or the last event).
  virtual std::vector<SeriesPoint> series(const SeriesFilter& filter) = 0;
};

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
