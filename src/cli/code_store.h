#pragma once
// `dyad code --db FILE`: the event store hooked into the run. Articles stored before with the
// same content are not coded again; each batch is written in one transaction, in input order.
#include <memory>
#include <string>

#include "out/writer.h"
#include "run/runner.h"
#include "store/event_store.h"

namespace dyad::cli {

class CodeStore {
 public:
  explicit CodeStore(const std::string& path) : path_(path), store_(path) {}
  void attach(RunOptions& options);
  // "dyad: events.db: 24 articles added, ...; the store holds ..."
  std::string summary();

 private:
  std::string path_;
  EventStore store_;
  AddResult totals_;
  uint64_t skipped_ = 0;
};

// Writes nothing: with --db, events go to standard output only when asked (-o or --format).
std::unique_ptr<DocWriter> make_null_writer();

}  // namespace dyad::cli
