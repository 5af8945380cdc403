// The batch driver: order, threads, statistics, --strict, unreadable inputs.
#include "run/runner.h"

#include <gtest/gtest.h>

#include "test_util.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

std::string articles(int n, int first = 0) {
  std::string out;
  for (int i = first; i < first + n; ++i)
    out += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"Article " + std::to_string(i) +
           " opens. TRIPOLI said it would talk to Gen. Haftar. Nobody came.\"}\n";
  return out;
}

struct Outcome {
  RunStats stats;
  std::string output;
  std::vector<Diagnostic> diagnostics;
};

Outcome run_on(const std::vector<std::string>& inputs, unsigned threads, bool strict = false) {
  testing::TempDir out_dir;
  std::string out_path = out_dir.path() + "/out.tsv";
  RunOptions options;
  options.inputs = inputs;
  options.threads = threads;
  options.strict = strict;
  Pipeline pipeline;
  pipeline.add(Segmenter());
  auto writer = make_writer(OutputFormat::kSentences);
  DiagnosticList sink;
  Outcome o;
  {
    OutputFile output(out_path);
    o.stats = run(options, pipeline, *writer, output, sink);
    output.close();
  }
  o.output = testing::read_file(out_path);
  o.diagnostics = sink.items;
  return o;
}

TEST(Runner, ThreadsGiveTheSameOutputInTheSameOrder) {
  testing::TempDir dir;
  auto a = dir.file("a.jsonl", articles(1500));
  auto b = dir.file("b.jsonl", articles(700, 5000));
  Outcome one = run_on({a, b}, 1);
  Outcome four = run_on({a, b}, 4);
  EXPECT_EQ(one.stats.articles, 2200u);
  EXPECT_EQ(one.stats.segments, 3 * 2200u);
  EXPECT_EQ(one.output, four.output);
  EXPECT_EQ(four.stats.articles, one.stats.articles);
  EXPECT_EQ(four.stats.tokens, one.stats.tokens);
  EXPECT_EQ(one.stats.input_bytes, articles(1500).size() + articles(700, 5000).size());
  // Header, then articles in input order.
  EXPECT_EQ(one.output.rfind("article_id\t", 0), 0u);
  EXPECT_LT(one.output.find("a1499\t"), one.output.find("a5000\t"));
}

TEST(Runner, MalformedRecordsAreCountedAndTheRestIsCoded) {
  testing::TempDir dir;
  auto f = dir.file("m.jsonl", articles(2) + "{broken\n" + articles(2, 10));
  Outcome o = run_on({f}, 2);
  EXPECT_EQ(o.stats.articles, 4u);
  EXPECT_EQ(o.stats.records_skipped, 1u);
  EXPECT_FALSE(o.stats.stopped);
  ASSERT_EQ(o.diagnostics.size(), 1u);
  EXPECT_EQ(o.diagnostics[0].line, 3u);
}

TEST(Runner, StrictStopsAtTheFirstMalformedRecord) {
  testing::TempDir dir;
  auto f = dir.file("m.jsonl", articles(2) + "{broken\n" + articles(2, 10));
  Outcome o = run_on({f}, 1, /*strict=*/true);
  EXPECT_TRUE(o.stats.stopped);
  EXPECT_EQ(o.stats.articles, 2u);
  EXPECT_EQ(o.output.find("a10\t"), std::string::npos);
}

TEST(Runner, UnreadableInputIsReportedAndTheOthersAreRead) {
  testing::TempDir dir;
  auto f = dir.file("ok.jsonl", articles(3));
  Outcome o = run_on({dir.path() + "/missing.jsonl", f}, 1);
  EXPECT_EQ(o.stats.inputs_failed, 1u);
  EXPECT_EQ(o.stats.records_skipped, 0u);
  EXPECT_EQ(o.stats.articles, 3u);
}

}  // namespace
}  // namespace dyad
