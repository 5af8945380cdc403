// dyad code --db, dyad query and dyad series as users run them, and a run killed mid-way.
#include <gtest/gtest.h>

#include <map>
#include <signal.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>

#include "store/event_store.h"
#include "test_util.h"

namespace dyad {
namespace {

struct Result {
  int exit_code = -1;
  std::string out, err;
};

// Runs `dyad ARGS` through the shell.
Result dyad(const std::string& args) {
  testing::TempDir dir;
  std::string out = dir.path() + "/out", err = dir.path() + "/err";
  std::string cmd = std::string("'") + DYAD_BINARY + "' " + args + " > '" + out + "' 2> '" + err + "'";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::read_file(out), testing::read_file(err)};
}

std::string shell_quoted(const std::string& path) {
  std::string q = "'";  // piece by piece: GCC 12 misreads "'" + std::string as overlapping
  q += path;
  q += "'";
  return q;
}

std::string samples_path() { return testing::source_path("data/samples/articles.jsonl"); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string str(simdjson::dom::element e) {
  std::string_view s;
  return e.get_string().get(s) ? std::string() : std::string(s);
}

// What dyad code writes as JSON Lines, counted as the store counts it.
struct JsonlCounts {
  uint64_t mentions = 0, events = 0, mention_sum = 0;
};

JsonlCounts count_jsonl(const std::string& jsonl) {
  JsonlCounts c;
  simdjson::dom::parser parser;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> keys;
  for (const std::string& line : lines_of(jsonl)) {
    simdjson::dom::element e;
    EXPECT_FALSE(parser.parse(line).get(e)) << line;
    ++c.mentions;
    c.mention_sum += uint64_t(e["mentions"].get_int64().value());
    simdjson::dom::element source = e["source"], target = e["target"];
    keys.emplace(str(e["date"]), source.is_null() ? "" : str(source["code"]), target.is_null() ? "" : str(target["code"]),
                 str(e["cameo"]));
  }
  c.events = keys.size();
  return c;
}

TEST(StoreCli, TheSamplesStoreWhatDyadCodeWrites) {
  testing::TempDir dir;
  Result jsonl = dyad("code -q " + shell_quoted(samples_path()));
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  JsonlCounts expected = count_jsonl(jsonl.out);
  ASSERT_GT(expected.events, 50u);
  uint64_t articles = lines_of(testing::read_file(samples_path())).size();

  std::string db = dir.path() + "/events.db";
  Result stored = dyad("code --db " + shell_quoted(db) + " " + shell_quoted(samples_path()));
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_EQ(stored.out, "");  // with --db, events go to standard output only when asked
  EXPECT_NE(stored.err.find(std::to_string(articles) + " articles added"), std::string::npos) << stored.err;
  StoreCounts counts;
  uint64_t mention_sum = 0;
  {
    EventStore store(db, true);
    counts = store.counts();
    EventFilter all;
    all.limit = 0;
    store.query(all, [&](const StoredEvent& e) { mention_sum += e.num_mentions; });
    EXPECT_EQ(store.integrity_check(), "ok");
  }
  EXPECT_EQ(counts.articles, articles);
  EXPECT_EQ(counts.mentions, expected.mentions);
  EXPECT_EQ(counts.events, expected.events);
  EXPECT_EQ(mention_sum, expected.mention_sum);

  // Again: nothing is coded, nothing added.
  Result again = dyad("code --db " + shell_quoted(db) + " " + shell_quoted(samples_path()));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 articles added, 0 replaced, " + std::to_string(articles) + " already stored"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(EventStore(db, true).counts(), counts);

  // Asked for output, --db writes what dyad code writes (here to a new store).
  Result both = dyad("code -q -f jsonl --db " + shell_quoted(dir.path() + "/other.db") + " " + shell_quoted(samples_path()));
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(both.out, jsonl.out);

  // The store's events through dyad query, in each format.
  Result csv = dyad("query --db " + shell_quoted(db) + " --limit 0 --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::vector<std::string> rows = lines_of(csv.out);
  ASSERT_EQ(rows.size(), counts.events + 1);
  EXPECT_EQ(rows[0].rfind("store_id,date,source_code,", 0), 0u);
  Result lines = dyad("query --db " + shell_quoted(db) + " --limit 0 --format jsonl");
  ASSERT_EQ(lines.exit_code, 0) << lines.err;
  simdjson::dom::parser parser;
  uint64_t n = 0;
  for (const std::string& line : lines_of(lines.out)) {
    simdjson::dom::element e;
    ASSERT_FALSE(parser.parse(line).get(e)) << line;
    EXPECT_GE(int64_t(e["num_articles"].get_int64().value()), 1);
    EXPECT_FALSE(str(e["cameo"]).empty());
    EXPECT_FALSE(str(e["rule"]).empty());
    ++n;
  }
  EXPECT_EQ(n, counts.events);
  Result table = dyad("query --db " + shell_quoted(db) + " --limit 5");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(lines_of(table.out).size(), 6u);
  EXPECT_EQ(table.out.rfind("date ", 0), 0u);

  Result series = dyad("series --db " + shell_quoted(db) + " --by month --format json");
  ASSERT_EQ(series.exit_code, 0) << series.err;
  simdjson::dom::element points;
  ASSERT_FALSE(parser.parse(series.out).get(points)) << series.out;
  uint64_t series_events = 0;
  for (simdjson::dom::element p : points.get_array()) series_events += uint64_t(p["events"].get_int64().value());
  uint64_t dated = 0;
  {
    EventStore store(db, true);
    EventFilter f;
    f.limit = 0;
    store.query(f, [&](const StoredEvent& e) { dated += !e.date.empty(); });
  }
  EXPECT_EQ(series_events, dated);
}

TEST(StoreCli, AnArticleWithNewContentIsReplaced) {
  testing::TempDir dir;
  std::string db = dir.path() + "/e.db";
  std::string v1 = dir.file("v1.jsonl",
                            "{\"id\": \"d1\", \"date\": \"2019-11-25\", \"source\": \"wire\", \"text\": \"Russian "
                            "troops attacked Ukrainian positions on Sunday.\"}\n");
  std::string v2 = dir.file("v2.jsonl",
                            "{\"id\": \"d1\", \"date\": \"2019-11-25\", \"source\": \"wire\", \"text\": \"Russian "
                            "officials met Ukrainian negotiators on Sunday.\"}\n");
  ASSERT_EQ(dyad("code --db " + shell_quoted(db) + " " + shell_quoted(v1)).exit_code, 0);
  Result r = dyad("code --db " + shell_quoted(db) + " " + shell_quoted(v2));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 articles added, 1 replaced"), std::string::npos) << r.err;
  EventStore store(db, true);
  EXPECT_EQ(store.counts().articles, 1u);
  EventFilter assault;
  assault.plover = "ASSAULT";
  int attacks = 0;
  store.query(assault, [&](const StoredEvent&) { ++attacks; });
  EXPECT_EQ(attacks, 0);  // the attack went with the first version
}

TEST(StoreCli, BadArgumentsAreUsageErrors) {
  testing::TempDir dir;
  std::string db = dir.path() + "/e.db";
  ASSERT_EQ(dyad("code -q --db " + shell_quoted(db) + " " + shell_quoted(samples_path())).exit_code, 0);
  EXPECT_EQ(dyad("query --db " + shell_quoted(db) + " --quad 5").exit_code, 2);
  EXPECT_EQ(dyad("query --db " + shell_quoted(db) + " --from 2024-02-30").exit_code, 2);
  EXPECT_EQ(dyad("query --db " + shell_quoted(dir.path() + "/missing.db")).exit_code, 2);
  EXPECT_EQ(dyad("series --db " + shell_quoted(db) + " --dyad USA").exit_code, 2);
  Result junk = dyad("query --db " + shell_quoted(dir.file("junk.db", "not a database at all, but long enough")));
  EXPECT_EQ(junk.exit_code, 1);
  EXPECT_NE(junk.err.find("junk.db"), std::string::npos) << junk.err;
}

// The event rows as the comparison of two stores sees them.
std::vector<std::string> event_rows(const std::string& db) {
  EventStore store(db);
  EventFilter all;
  all.limit = 0;
  std::vector<std::string> rows;
  store.query(all, [&](const StoredEvent& e) {
    rows.push_back(e.date + "|" + e.source_code + "|" + e.target_code + "|" + e.cameo + "|" +
                   std::to_string(e.num_mentions) + "|" + std::to_string(e.num_sources) + "|" +
                   std::to_string(e.num_articles) + "|" + (e.is_root ? "root" : "") + "|" + e.event_id);
  });
  return rows;
}

pid_t spawn_dyad(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    std::vector<char*> argv;
    std::string name = "dyad";
    argv.push_back(name.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(DYAD_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

// SIGKILL during `dyad code --db` loses at most the batch being written: the store stays
// consistent, and a rerun completes it to what an uninterrupted run stores.
TEST(StoreCli, AKilledRunLeavesAConsistentStoreThatARerunCompletes) {
  testing::TempDir dir;
  // The samples again and again under new ids: long enough to be killed in the middle.
  constexpr int kCopies = 250;
  std::vector<std::string> samples = lines_of(testing::read_file(samples_path()));
  std::string big;
  const std::string id_key = "{\"id\": \"";
  for (int copy = 0; copy < kCopies; ++copy)
    for (const std::string& line : samples) {
      ASSERT_EQ(line.rfind(id_key, 0), 0u) << line;
      big += id_key;
      big += "copy" + std::to_string(copy) + "-";
      big += line.substr(id_key.size());
      big += '\n';
    }
  std::string input = dir.file("big.jsonl", big);
  uint64_t total = samples.size() * kCopies;
  std::string db = dir.path() + "/killed.db", clean = dir.path() + "/clean.db";

  pid_t pid = spawn_dyad({"code", "-q", "--db", db, input});
  ASSERT_GT(pid, 0);
  // Wait for the first committed batches (256 articles each), then kill.
  constexpr uint64_t kBatch = 256;
  uint64_t seen = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(10);
  while (seen < kBatch) {
    int status;
    ASSERT_EQ(waitpid(pid, &status, WNOHANG), 0) << "dyad ended before it could be killed; make the input longer";
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
    try {
      seen = EventStore(db, true).counts().articles;
    } catch (const StoreError&) {
      // not created yet
    }
    if (seen < kBatch) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));

  StoreCounts killed;
  {
    EventStore store(db);
    EXPECT_EQ(store.integrity_check(), "ok");
    killed = store.counts();
  }
  EXPECT_GT(killed.articles, 0u);
  EXPECT_LT(killed.articles, total);
  EXPECT_EQ(killed.articles % kBatch, 0u) << "a batch is one transaction: all of it or none";

  Result rerun = dyad("code --db " + shell_quoted(db) + " " + shell_quoted(input));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find(std::to_string(killed.articles) + " already stored"), std::string::npos) << rerun.err;
  Result whole = dyad("code -q --db " + shell_quoted(clean) + " " + shell_quoted(input));
  ASSERT_EQ(whole.exit_code, 0) << whole.err;

  StoreCounts resumed = EventStore(db, true).counts(), uninterrupted = EventStore(clean, true).counts();
  EXPECT_EQ(resumed.articles, total);
  EXPECT_EQ(resumed, uninterrupted);
  std::vector<std::string> a = event_rows(db), b = event_rows(clean);
  EXPECT_EQ(a.size(), uninterrupted.events);
  EXPECT_TRUE(a == b) << "the resumed store's events differ from an uninterrupted run's";
}

// `dyad query --format jsonl` writes an event's location as `dyad code` does (the same keys,
// the span of its first report), so one reader reads both.
TEST(StoreCli, QueriedLocationsAreWrittenAsDyadCodeWritesThem) {
  testing::TempDir dir;
  Result coded = dyad("code -q " + shell_quoted(samples_path()));
  ASSERT_EQ(coded.exit_code, 0) << coded.err;
  auto location_of = [](const std::string& line) {
    size_t at = line.find("\"location\":"), end = line.find(",\"confidence\":");
    return at == std::string::npos || end == std::string::npos ? std::string() : line.substr(at, end - at);
  };
  auto id_of = [](const std::string& line) {
    size_t at = line.find("\"event_id\":\"") + 12;
    return line.substr(at, line.find('"', at) - at);
  };
  std::map<std::string, std::string> expected;
  for (const std::string& line : lines_of(coded.out)) expected[id_of(line)] = location_of(line);
  std::string db = dir.path() + "/events.db";
  ASSERT_EQ(dyad("code -q --db " + shell_quoted(db) + " " + shell_quoted(samples_path())).exit_code, 0);
  Result queried = dyad("query --db " + shell_quoted(db) + " --format jsonl --limit 0");
  ASSERT_EQ(queried.exit_code, 0) << queried.err;
  size_t placed = 0;
  for (const std::string& line : lines_of(queried.out)) {
    auto it = expected.find(id_of(line));
    ASSERT_NE(it, expected.end()) << line;
    EXPECT_EQ(location_of(line), it->second) << line;
    placed += location_of(line) != "\"location\":null";
  }
  EXPECT_GT(placed, 50u);
}

}  // namespace
}  // namespace dyad
