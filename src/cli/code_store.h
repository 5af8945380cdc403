#pragma once
// `dyad code --db FILE` / `--sink clickhouse://...`: the event store hooked into the run.
// Articles stored before with the same content are not coded again (SQLite) or not stored
// again (ClickHouse); each batch is written in one go, in input order.
#include <memory>
#include <string>

#include "out/writer.h"
#include "run/runner.h"
#include "store/backend.h"

namespace dyad::cli {

class CodeStore {
 public:
  // A file (SQLite) or a clickhouse:// URL, with `cluster` its Distributed tables.
  explicit CodeStore(const std::string& where, const std::string& cluster = "")
      : store_(open_event_sink(where, cluster)) {}
  void attach(RunOptions& options);
  // "dyad: events.db: 24 articles added, ...; the store holds ..."
  std::string summary();

 private:
  std::unique_ptr<EventSink> store_;
  AddResult totals_;
  uint64_t skipped_ = 0;
};

// Writes nothing: with --db, events go to standard output only when asked (-o or --format).
std::unique_ptr<DocWriter> make_null_writer();

}  // namespace dyad::cli
