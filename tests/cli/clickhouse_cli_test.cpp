// The ClickHouse sink (docs/clickhouse.md) against two real clickhouse-server processes on
// loopback ports (tests/clickhouse_cluster.h): dyad code --sink, dyad load, dyad query and
// dyad series give the SQLite store's answers on a fixed set of queries (the samples and
// generated events); a rerun adds nothing; a shard killed during a load is named, and a rerun
// after its restart completes with no duplicates. These tests fail (not skip) when
// clickhouse-server is missing: scripts/setup installs it.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "clickhouse_cluster.h"
#include "clickhouse_parity.h"
#include "out/writer.h"
#include "store/backend.h"
#include "store/clickhouse.h"
#include "store/format.h"
#include "synthetic/synthetic_events.h"
#include "test_util.h"

namespace dyad {
namespace {

using namespace clickhouse_parity;


TEST(ClickHouseCli, TheSamplesGiveTheSameAnswersAsSqlite) {
  testing::ClickHouseCluster cluster;
  testing::TempDir dir;
  std::string db = dir.path() + "/events.db";
  ASSERT_EQ(dyad("code -q " + sq(samples_path()) + " --db " + sq(db)).exit_code, 0);

  // dyad code into the two-shard cluster.
  Result coded = dyad("code " + sq(samples_path()) + " --sink " + sq(cluster.url("coded")) + " --cluster dyad");
  ASSERT_EQ(coded.exit_code, 0) << coded.err;
  EXPECT_NE(coded.out.find(""), std::string::npos);
  EXPECT_TRUE(coded.out.empty()) << "with --sink, events go to standard output only when asked";
  EXPECT_NE(coded.err.find("24 articles added, 0 replaced, 0 already stored"), std::string::npos) << coded.err;
  expect_parity(db, cluster.url_first("coded"), "dyad code --sink --cluster");
  expect_api_parity(db, cluster.url_first("coded"), "dyad serve, after dyad code --sink --cluster");
  expect_events_view_parity(db, [&](const std::string& q) { return cluster.sql(q); }, "coded", "the samples");
  // Both shards hold articles: the Distributed table spread them.
  for (size_t i = 0; i < cluster.size(); ++i)
    EXPECT_GT(std::stoi(cluster.sql("SELECT count() FROM coded.articles_local", i)), 0) << "shard " << i + 1;

  // A rerun stores nothing new.
  Result again = dyad("code -q " + sq(samples_path()) + " --sink " + sq(cluster.url("coded")) + " --cluster dyad");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  Result rerun = dyad("code " + sq(samples_path()) + " --sink " + sq(cluster.url("coded")) + " --cluster dyad");
  EXPECT_NE(rerun.err.find("0 articles added, 0 replaced, 24 already stored"), std::string::npos) << rerun.err;
  expect_parity(db, cluster.url_first("coded"), "dyad code --sink, run three times");

  // dyad load of what dyad code wrote, into one server without a cluster.
  std::string events = dir.path() + "/events.jsonl";
  ASSERT_EQ(dyad("code -q " + sq(samples_path()) + " -o " + sq(events)).exit_code, 0);
  std::string single = "clickhouse://127.0.0.1:" + std::to_string(cluster.server(1).http) + "/loaded";
  Result loaded = dyad("load " + sq(events) + " --sink " + sq(single));
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_NE(loaded.err.find("24 articles added"), std::string::npos) << loaded.err;
  expect_parity(db, single, "dyad load");
  expect_api_parity(db, single, "dyad serve, after dyad load");
  Result reloaded = dyad("load " + sq(events) + " --sink " + sq(single));
  EXPECT_NE(reloaded.err.find("0 articles added, 0 replaced, 24 already stored"), std::string::npos) << reloaded.err;
}

// Generated events, written through both stores' add(): the same answers.
TEST(ClickHouseCli, GeneratedEventsGiveTheSameAnswersAsSqlite) {
  testing::ClickHouseCluster cluster;
  testing::TempDir dir;
  std::string db = dir.path() + "/generated.db";
  {
    EventStore sqlite(db);
    ClickHouseStore clickhouse(ClickHouseLocation::parse(cluster.url("generated"), "dyad"), true);
    synthetic::EventGenerator generator(7);
    while (generator.distinct_events() < 20000) {
      std::vector<Doc> batch = generator.next_batch(500);
      sqlite.add(batch);
      AddResult r = clickhouse.add(batch);
      EXPECT_EQ(r.added, batch.size());
    }
    StoreCounts a = sqlite.counts(), b = clickhouse.counts();
    EXPECT_EQ(a.articles, b.articles);
    EXPECT_EQ(a.events, b.events);
    EXPECT_EQ(a.mentions, b.mentions);
    EXPECT_EQ(a.sentences, b.sentences);
  }
  expect_parity(db, cluster.url_first("generated"), "generated events");
  expect_api_parity(db, cluster.url_first("generated"), "dyad serve, generated events");
  expect_events_view_parity(db, [&](const std::string& q) { return cluster.sql(q); }, "generated", "generated events");
  {
    // A request past its time budget (dyad serve --query-timeout) is interrupted, not retried.
    auto store = open_event_queries(cluster.url_first("generated"));
    store->set_deadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));
    EXPECT_THROW(store->count(EventFilter()), StoreInterrupted);
    store->set_deadline(std::nullopt);
    EXPECT_GT(store->count(EventFilter()), 19999u);
  }
  // The orders and pages a server asks for (EventFilter::sort, offset), through EventQueries.
  auto sqlite = open_event_queries(db);
  auto clickhouse = open_event_queries(cluster.url_first("generated"));
  for (EventSort sort : {EventSort::kDate, EventSort::kDateDescending, EventSort::kGoldstein,
                         EventSort::kGoldsteinDescending, EventSort::kMentions, EventSort::kMentionsDescending}) {
    for (uint64_t offset : {0, 7, 100}) {
      EventFilter f;
      f.country = "USA";
      f.sort = sort;
      f.offset = offset;
      f.limit = 25;
      std::string a, b;
      sqlite->query(f, [&](const StoredEvent& e) { append_event_csv(e, a); });
      clickhouse->query(f, [&](const StoredEvent& e) { append_event_csv(e, b); });
      EXPECT_FALSE(a.empty());
      EXPECT_EQ(without_store_ids("store_id,\n" + a), without_store_ids("store_id,\n" + b))
          << "sort " << static_cast<int>(sort) << ", offset " << offset;
    }
  }
}

TEST(ClickHouseCli, AnArticleWithNewContentIsReplaced) {
  testing::ClickHouseCluster cluster;
  testing::TempDir dir;
  std::string db = dir.path() + "/events.db";
  std::string sink = cluster.url("replaced");
  std::string all = testing::read_file(samples_path());
  ASSERT_EQ(dyad("code -q " + sq(samples_path()) + " --db " + sq(db)).exit_code, 0);
  ASSERT_EQ(dyad("code -q " + sq(samples_path()) + " --sink " + sq(sink) + " --cluster dyad").exit_code, 0);
  // The first article again, its text cut after the first paragraph: fewer events.
  std::string first = all.substr(0, all.find('\n'));
  size_t cut = first.find("\\n\\n");
  ASSERT_NE(cut, std::string::npos);
  size_t text_end = first.rfind("\"}");
  ASSERT_NE(text_end, std::string::npos);
  std::string changed = first.substr(0, cut) + first.substr(text_end) + "\n";
  std::string path = dir.file("changed.jsonl", changed);
  ASSERT_EQ(dyad("code -q " + sq(path) + " --db " + sq(db)).exit_code, 0);
  Result r = dyad("code " + sq(path) + " --sink " + sq(sink) + " --cluster dyad");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 articles added, 1 replaced"), std::string::npos) << r.err;
  expect_parity(db, cluster.url_first("replaced"), "after a replaced article");
  expect_api_parity(db, cluster.url_first("replaced"), "dyad serve, after a replaced article");
}

TEST(ClickHouseCli, AServerThatIsDownIsNamed) {
  int port = testing::free_port();
  std::string url = "clickhouse://127.0.0.1:" + std::to_string(port) + "/dyad?retries=1";
  Result r = dyad("code -q " + sq(samples_path()) + " --sink " + sq(url));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cannot connect"), std::string::npos) << r.err;
  Result q = dyad("series --sink " + sq(url));
  EXPECT_EQ(q.exit_code, 1);
  EXPECT_NE(q.err.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << q.err;
  // dyad serve fails at start, not at its first request.
  Result s = dyad("serve --port 0 --sink " + sq(url));
  EXPECT_EQ(s.exit_code, 1);
  EXPECT_NE(s.err.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << s.err;
}

TEST(ClickHouseCli, BadArgumentsAreUsageErrors) {
  std::string samples = sq(samples_path());
  EXPECT_EQ(dyad("code " + samples + " --cluster dyad").exit_code, 2) << "--cluster needs --sink";
  EXPECT_EQ(dyad("code " + samples + " --sink http://localhost:8123/db").exit_code, 2);
  EXPECT_EQ(dyad("code " + samples + " --sink clickhouse://localhost/db --db x.db").exit_code, 2);
  EXPECT_EQ(dyad("query --sink clickhouse://localhost/db --db x.db").exit_code, 2);
  EXPECT_EQ(dyad("query").exit_code, 2) << "--db or --sink";
  EXPECT_EQ(dyad("series --sink mysql://x").exit_code, 2);
  EXPECT_EQ(dyad("serve --sink mysql://x").exit_code, 2);
  EXPECT_EQ(dyad("serve --port 0").exit_code, 2) << "--db or --sink";
  EXPECT_EQ(dyad("serve --db x.db --cluster dyad").exit_code, 2) << "--cluster needs --sink";
  Result bad = dyad("code " + samples + " --sink 'clickhouse://localhost:8123/no-such;db'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("database name"), std::string::npos) << bad.err;
}

// A shard killed (SIGKILL) during a load: the load fails naming it; after a restart the same
// load completes, and the store counts what a clean load counts: no duplicates.
TEST(ClickHouseCli, AKilledShardIsNamedAndARerunAddsNoDuplicates) {
  testing::ClickHouseCluster cluster;
  testing::TempDir dir;
  std::string events = dir.path() + "/generated.jsonl", db = dir.path() + "/generated.db";
  {
    EventStore sqlite(db);
    synthetic::EventGenerator generator(11);
    auto writer = make_writer(OutputFormat::kEvents);
    std::ofstream out(events, std::ios::binary);
    std::string text;
    while (generator.distinct_events() < 40000) {
      std::vector<Doc> batch = generator.next_batch(500);
      sqlite.add(batch);
      text.clear();
      for (const Doc& d : batch) writer->write(d, text);
      out << text;
    }
  }
  std::string sink = cluster.url("killed") + "?retries=1";
  std::string err = dir.path() + "/load.err";
  std::string cmd = std::string("exec '") + DYAD_BINARY + "' load " + sq(events) + " --batch 1000 --sink " +
                    sq(sink) + " --cluster dyad 2> " + sq(err);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Once the first articles are in, the second shard dies.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      if (std::stoi(cluster.sql("SELECT count() FROM killed.articles")) > 0) break;
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  cluster.kill_server(1);
  int status = 0;
  waitpid(pid, &status, 0);
  std::string message = testing::read_file(err);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << message;
  std::string dead = "127.0.0.1:" + std::to_string(cluster.server(1).tcp);
  EXPECT_NE(message.find(dead), std::string::npos) << "the error names the dead shard " << dead << ":\n" << message;
  std::cout << "the load stopped with: " << message;

  cluster.restart(1);
  Result rerun = dyad("load " + sq(events) + " --sink " + sq(sink) + " --cluster dyad");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("already stored"), std::string::npos) << rerun.err;
  {
    EventStore sqlite(db, true);
    ClickHouseStore clickhouse(ClickHouseLocation::parse(cluster.url_first("killed")), false);
    StoreCounts a = sqlite.counts(), b = clickhouse.counts();
    EXPECT_EQ(a.articles, b.articles);
    EXPECT_EQ(a.events, b.events);
    EXPECT_EQ(a.mentions, b.mentions) << "a mention stored twice";
  }
  // The counts of every event and every series as a clean store has them.
  for (const std::string& q : {std::string("series --by day"), std::string("series --country USA --by week")}) {
    EXPECT_EQ(dyad(q + " --db " + sq(db)).out, dyad(q + " --sink " + sq(cluster.url_first("killed"))).out) << q;
  }
  auto counts_of = [](const std::string& csv) {
    // date, codes, CAMEO code, and the counts (num_mentions, num_sources, num_articles).
    std::istringstream in(csv);
    std::string line, out;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string x; std::getline(ss, x, ',') && f.size() < 16;) f.push_back(x);
      if (f.size() < 16) continue;
      out += f[1] + "," + f[2] + "," + f[4] + "," + f[6] + "," + f[12] + "," + f[13] + "," + f[14] + "\n";
    }
    return out;
  };
  std::string q = "query --limit 0 --format csv";
  EXPECT_EQ(counts_of(dyad(q + " --db " + sq(db)).out),
            counts_of(dyad(q + " --sink " + sq(cluster.url_first("killed"))).out));
}

}  // namespace
}  // namespace dyad
