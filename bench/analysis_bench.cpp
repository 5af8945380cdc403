// English analysis throughput (issue 3's figures): tagging + phrases + clauses in tokens/s on
// the samples replicated to >= 50 MB of text, single core; the model's load time and memory.
// Run: build/release/bench/bench_analysis
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <sys/resource.h>

#include <chrono>
#include <string>
#include <vector>

#include "lang/analyzer.h"
#include "text/segmenter.h"

namespace {

constexpr size_t kTargetBytes = 50u << 20;

// The samples, segmented once (segmentation is measured by bench_segment).
std::vector<dyad::Doc>& corpus() {
  static std::vector<dyad::Doc> docs = [] {
    std::vector<std::string> samples;
    simdjson::dom::parser parser;
    for (simdjson::dom::element a : parser.load_many(DYAD_SOURCE_DIR "/data/samples/articles.jsonl"))
      samples.emplace_back(a["text"].get_string().value());
    std::vector<dyad::Doc> out;
    size_t bytes = 0;
    dyad::Segmenter segment;
    while (bytes < kTargetBytes) {
      for (const auto& s : samples) {
        dyad::Doc d;
        d.article.text = s;
        segment(d);
        out.push_back(std::move(d));
        bytes += s.size();
      }
    }
    return out;
  }();
  return docs;
}

void BM_AnalyzeSamples(benchmark::State& state) {
  auto& docs = corpus();
  dyad::Analyzer analyzer;  // the model is loaded before timing starts
  size_t tokens = 0;
  for (auto& d : docs) tokens += d.tokens.size();
  for (auto _ : state) {
    for (auto& d : docs) analyzer(d);
  }
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeSamples)->Unit(benchmark::kMillisecond)->MinTime(5.0);

// Loading the model from the package files, and the memory it takes (max RSS growth).
void BM_LoadModel(benchmark::State& state) {
  struct rusage before {};
  getrusage(RUSAGE_SELF, &before);
  for (auto _ : state) {
    auto model = dyad::EnglishModel::load(dyad::ModelPaths::from_environment());
    benchmark::DoNotOptimize(model.get());
  }
  struct rusage after {};
  getrusage(RUSAGE_SELF, &after);
  state.counters["max_rss_growth_MB"] = static_cast<double>(after.ru_maxrss - before.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
