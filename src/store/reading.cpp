// A store that answers many reads (dyad serve): snapshots, a time limit, counts kept while the
// store is unchanged.
#include <sqlite3.h>

#include "store/event_store.h"

namespace dyad {
namespace {

// SQLite calls this every few thousand virtual machine steps; non-zero interrupts the query.
int past_deadline(void* deadline) {
  auto* d = static_cast<std::chrono::steady_clock::time_point*>(deadline);
  return std::chrono::steady_clock::now() > *d ? 1 : 0;
}

}  // namespace

void EventStore::begin_read() {
  // Each filter's shape is one statement; many shapes over a long run are compiled again.
  constexpr size_t kStatementsKept = 256;
  if (statements_.size() > kStatementsKept) statements_.clear();
  // A snapshot left open (an earlier reader failed) would hide every later change.
  if (!sqlite3_get_autocommit(db_.handle())) end_read();
  cached("BEGIN").run();
  try {
    check_data_version();
  } catch (...) {
    end_read();
    throw;
  }
}

void EventStore::end_read() {
  try {
    cached("COMMIT").run();
  } catch (const StoreError&) {
    db_.try_exec("ROLLBACK");
  }
}

void EventStore::set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline) {
  deadline_ = deadline;
  constexpr int kStepsBetweenChecks = 1000;
  if (deadline_) sqlite3_progress_handler(db_.handle(), kStepsBetweenChecks, past_deadline, &*deadline_);
  else sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
}

void EventStore::check_data_version() {
  // data_version changes when another connection (dyad code --db) commits.
  sql::Statement& st = cached("PRAGMA data_version");
  sql::ResetOnExit reset(st);
  int64_t version = st.step() ? st.int64(0) : -1;
  if (version != data_version_) {
    counts_.clear();
    status_.reset();
    data_version_ = version;
  }
}

StoreStatus EventStore::status() {
  check_data_version();
  if (status_) return *status_;
  StoreStatus s;
  s.counts = counts();
  // Undated events are stored as "", below every date; the date index gives both ends.
  auto date = [&](const char* sql) {
    sql::Statement& st = cached(sql);
    sql::ResetOnExit reset(st);
    return st.step() ? st.text(0) : std::string();
  };
  s.first_date = date("SELECT date FROM events WHERE date > '' ORDER BY date LIMIT 1");
  s.last_date = date("SELECT date FROM events WHERE date > '' ORDER BY date DESC LIMIT 1");
  status_ = s;
  return s;
}

}  // namespace dyad
