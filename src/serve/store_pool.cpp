#include "serve/store_pool.h"

#include "store/backend.h"

namespace dyad::serve {

StorePool::StorePool(const std::string& where, const std::string& cluster, size_t size) {
  for (size_t i = 0; i < std::max<size_t>(size, 1); ++i) {
    stores_.push_back(open_event_queries(where, cluster));
    idle_.push_back(stores_.back().get());
  }
}

StorePool::Lease StorePool::acquire() {
  std::unique_lock lock(mutex_);
  if (!idle_.empty() && waiters_.empty()) {
    EventQueries* store = idle_.back();
    idle_.pop_back();
    return Lease(*this, *store);
  }
  Waiter waiter;
  waiters_.push_back(&waiter);
  waiter.handed.wait(lock, [&] { return waiter.store != nullptr; });
  return Lease(*this, *waiter.store);
}

size_t StorePool::waiting() {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

void StorePool::give_back(EventQueries& store) {
  std::lock_guard lock(mutex_);
  if (waiters_.empty()) {
    idle_.push_back(&store);
    return;
  }
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->store = &store;
  next->handed.notify_one();
}

StorePool::Lease::~Lease() {
  if (pool_) pool_->give_back(*store_);
}

ReadSession::ReadSession(EventQueries& store, std::chrono::steady_clock::duration budget) : store_(store) {
  store_.set_deadline(std::chrono::steady_clock::now() + budget);
  store_.begin_read();
}

ReadSession::~ReadSession() {
  // No deadline while the snapshot ends: ending it must not be interrupted.
  store_.set_deadline(std::nullopt);
  store_.end_read();
}

}  // namespace dyad::serve
