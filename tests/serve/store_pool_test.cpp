// The store connections a server's threads share: first come, first served.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>
#include <vector>

#include "serve/store_pool.h"
#include "store/event_store.h"
#include "test_util.h"

namespace dyad {
namespace {

std::string empty_store(const testing::TempDir& dir) {
  std::string db = dir.path() + "/events.db";
  EventStore create(db);
  return db;
}

TEST(StorePool, LendsEachConnectionToOneRequestAtATime) {
  testing::TempDir dir;
  serve::StorePool pool(empty_store(dir), "", 2);
  EXPECT_EQ(pool.size(), 2u);
  serve::StorePool::Lease a = pool.acquire();
  serve::StorePool::Lease b = pool.acquire();
  EXPECT_NE(&a.store(), &b.store());
  EXPECT_EQ(pool.waiting(), 0u);
}

TEST(StorePool, WaitingRequestsAreServedInTheOrderTheyCame) {
  testing::TempDir dir;
  serve::StorePool pool(empty_store(dir), "", 1);
  std::vector<int> served;
  std::mutex order;
  std::vector<std::thread> requests;
  {
    serve::StorePool::Lease held = pool.acquire();
    for (int i = 0; i < 4; ++i) {
      requests.emplace_back([&, i] {
        serve::StorePool::Lease lease = pool.acquire();
        std::lock_guard lock(order);
        served.push_back(i);
      });
      // The next request comes once this one waits.
      while (pool.waiting() < size_t(i + 1)) std::this_thread::yield();
    }
  }  // the connection is given back: to request 0 first, then 1...
  for (auto& r : requests) r.join();
  EXPECT_EQ(served, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(pool.waiting(), 0u);
}

TEST(StorePool, AStoreThatCannotBeOpenedFailsAtOnce) {
  testing::TempDir dir;
  EXPECT_THROW(serve::StorePool(dir.path() + "/missing.db", "", 2), StoreError);
  EXPECT_THROW(serve::StorePool(dir.file("junk.db", "not a database, just some text here"), "", 2), StoreError);
}

}  // namespace
}  // namespace dyad
