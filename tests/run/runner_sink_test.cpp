// The batch driver's hooks for the event store: a skip predicate and a sink of finished batches.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "run/runner.h"
#include "test_util.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

std::string numbered_articles(int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"Article " + std::to_string(i) + " opens.\"}\n";
  return out;
}

// Runs the segmenter over `n` articles; the sink records the ids it is given, batch by batch.
struct SinkRun {
  std::vector<std::string> ids;
  std::vector<size_t> batch_sizes;
  std::vector<std::thread::id> threads;
  RunStats stats;
};

SinkRun run_with_sink(int n, unsigned threads, std::function<bool(const Article&)> skip = nullptr) {
  testing::TempDir dir;
  SinkRun r;
  RunOptions options;
  options.inputs = {dir.file("in.jsonl", numbered_articles(n))};
  options.threads = threads;
  options.skip = std::move(skip);
  options.sink = [&](const std::vector<Doc>& docs) {
    r.batch_sizes.push_back(docs.size());
    r.threads.push_back(std::this_thread::get_id());
    for (const Doc& d : docs) {
      EXPECT_FALSE(d.sentences.empty()) << "the sink gets processed docs";
      r.ids.push_back(d.article.id);
    }
  };
  Pipeline pipeline;
  pipeline.add(Segmenter());
  auto writer = make_writer(OutputFormat::kSentences);
  DiagnosticList diagnostics;
  OutputFile output(dir.path() + "/out.tsv");
  r.stats = run(options, pipeline, *writer, output, diagnostics);
  output.close();
  return r;
}

TEST(RunnerSink, GetsEveryBatchInInputOrderOnTheCallingThread) {
  for (unsigned threads : {1u, 3u}) {
    SinkRun r = run_with_sink(1000, threads);
    ASSERT_EQ(r.ids.size(), 1000u) << threads;
    for (size_t i = 0; i < r.ids.size(); ++i) {
      std::string id = "a";  // piece by piece: GCC 12 misreads "a" + std::string as overlapping
      id += std::to_string(i);
      ASSERT_EQ(r.ids[i], id) << threads;
    }
    // 256 articles a batch: 256, 256, 256, 232.
    EXPECT_EQ(r.batch_sizes, (std::vector<size_t>{256, 256, 256, 232})) << threads;
    for (const auto& id : r.threads) EXPECT_EQ(id, std::this_thread::get_id());
  }
}

TEST(RunnerSink, SkippedArticlesAreNeitherProcessedNorCounted) {
  // Skip the even-numbered articles.
  SinkRun r = run_with_sink(10, 1, [](const Article& a) { return std::stoi(a.id.substr(1)) % 2 == 0; });
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a1", "a3", "a5", "a7", "a9"}));
  EXPECT_EQ(r.stats.articles, 5u);
  EXPECT_EQ(r.stats.articles_skipped, 5u);
}

}  // namespace
}  // namespace dyad
