#pragma once
// A thin RAII layer over the SQLite C API: a connection and prepared statements whose values
// are always bound (never pasted into SQL text). Errors become StoreError with SQLite's message.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

// The store could not be opened, read or written (not a database, disk full, locked...).
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A statement was interrupted (EventStore::set_deadline: the query ran too long).
struct StoreInterrupted : StoreError {
  using StoreError::StoreError;
};

namespace sql {

class Statement;

class Database {
 public:
  Database() = default;
  // Opens (and with `create`, creates) the file; throws StoreError.
  Database(const std::string& path, bool create, bool read_only);
  ~Database();
  Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);  // one or more statements without values
  // False when the statement does not compile (e.g. FTS5 missing); nothing thrown.
  bool try_exec(const char* sql);
  Statement prepare(std::string_view sql);
  int64_t last_insert_rowid() const;
  int changes() const;
  [[noreturn]] void fail(const std::string& what) const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement() = default;
  Statement(const Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1, as in SQLite.
  Statement& bind(int i, int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Statement& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
  Statement& bind(int i, uint64_t v) { return bind(i, static_cast<int64_t>(v)); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);  // copied by SQLite (SQLITE_TRANSIENT)
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind_null(int i);
  // Text that stays valid and unchanged until the statement is reset: not copied.
  Statement& bind_view(int i, std::string_view v);

  // Steps once: true while there is a row. Throws StoreError on failure.
  bool step();
  // Steps to the end (INSERT/UPDATE/DELETE) and resets.
  void run();
  void reset();  // reset and clear bindings

  int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;  // "" for NULL
  void text(int col, std::string& out) const;  // into `out`, reusing its memory
  bool is_null(int col) const;

 private:
  const Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when its use ends, by an exception too: a statement left mid-way would
// hold its snapshot of the store (and the WAL) open.
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& st) : st_(st) {}
  ~ResetOnExit() { st_.reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Statement& st_;
};

}  // namespace sql
}  // namespace dyad
