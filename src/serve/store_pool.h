#pragma once
// Read-only connections to the store shared by the server's threads: a request borrows one for
// its queries (SQLite connections are not shared between threads at once, nor are ClickHouse
// HTTP connections), so that many threads can hold client connections while only a few
// queries run, each with its page cache.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/queries.h"

namespace dyad::serve {

class StorePool {
 public:
  // Opens `size` read-only connections now, so that a bad store fails at start (StoreError).
  // `where` is an SQLite file or a clickhouse:// URL (store/backend.h).
  StorePool(const std::string& where, const std::string& cluster, size_t size);

  // A connection lent until destruction; waits while every connection is lent. First come,
  // first served: a request waits behind those that came before it, never behind later ones
  // (a waiter woken at random could wait much longer than the others, which made the slowest
  // answers under load slower).
  class Lease {
   public:
    Lease(StorePool& pool, EventQueries& store) : pool_(&pool), store_(&store) {}
    ~Lease();
    Lease(Lease&& other) noexcept : pool_(other.pool_), store_(other.store_) { other.pool_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    EventQueries& store() const { return *store_; }

   private:
    StorePool* pool_;
    EventQueries* store_;
  };
  Lease acquire();
  size_t size() const { return stores_.size(); }
  // Requests waiting for a connection now.
  size_t waiting();

 private:
  void give_back(EventQueries& store);

  // A request waiting for a connection, handed one directly by give_back().
  struct Waiter {
    std::condition_variable handed;
    EventQueries* store = nullptr;
  };

  std::vector<std::unique_ptr<EventQueries>> stores_;
  std::vector<EventQueries*> idle_;
  std::deque<Waiter*> waiters_;  // oldest first
  std::mutex mutex_;
};

// One request's reads: a snapshot of the store and a deadline, both ended on destruction.
class ReadSession {
 public:
  ReadSession(EventQueries& store, std::chrono::steady_clock::duration budget);
  ~ReadSession();
  ReadSession(const ReadSession&) = delete;
  ReadSession& operator=(const ReadSession&) = delete;

 private:
  EventQueries& store_;
};

}  // namespace dyad::serve
