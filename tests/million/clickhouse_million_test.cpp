// A million generated events in a two-shard ClickHouse cluster and in SQLite: the parity set
// of dyad query, dyad series and dyad serve (tests/clickhouse_parity.h) gives the same
// answers. Label million: in scripts/test's release run, not its ASan run (generating the
// SQLite store takes minutes).
#include <gtest/gtest.h>

#include "clickhouse_cluster.h"
#include "clickhouse_parity.h"
#include "store/clickhouse.h"
#include "store/event_store.h"
#include "synthetic/synthetic_events.h"
#include "test_util.h"

namespace dyad {
namespace {

TEST(ClickHouseMillion, AMillionGeneratedEventsGiveTheSameAnswersAsSqlite) {
  testing::ClickHouseCluster cluster;
  testing::TempDir dir;
  std::string db = dir.path() + "/million.db";
  {
    EventStore sqlite(db);
    ClickHouseStore clickhouse(ClickHouseLocation::parse(cluster.url("million"), "dyad"), true);
    synthetic::EventGenerator generator;
    std::vector<ArticleRows> rows;
    while (generator.distinct_events() < 1000000) {
      std::vector<Doc> batch = generator.next_batch(1000);
      sqlite.add(batch);
      for (const Doc& d : batch) rows.push_back(article_rows(d, EventStore::content_hash(d.article)));
      if (rows.size() >= 20000) {
        clickhouse.add_rows(std::move(rows));
        rows.clear();
      }
    }
    clickhouse.add_rows(std::move(rows));
    StoreCounts a = sqlite.counts(), b = clickhouse.counts();
    EXPECT_GE(a.events, 1000000u);
    EXPECT_EQ(a.articles, b.articles);
    EXPECT_EQ(a.events, b.events);
    EXPECT_EQ(a.mentions, b.mentions);
    EXPECT_EQ(a.sentences, b.sentences);
  }
  // The parity set but the two lists of every event (a million lines each).
  std::vector<std::string> queries;
  for (const std::string& q : clickhouse_parity::kParityQueries)
    if (q.rfind("query --limit 0 --format", 0) != 0) queries.push_back(q);
  clickhouse_parity::expect_parity(db, cluster.url_first("million"), "a million generated events", queries);
  clickhouse_parity::expect_api_parity(db, cluster.url_first("million"), "dyad serve, a million generated events", 50);
}

}  // namespace
}  // namespace dyad
