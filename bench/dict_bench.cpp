// Name matching throughput (issue 4's figure: tokens/s, single core) with the default
// dictionaries over the sample articles; and the time to load and compile them.
// Run: build/release/bench/bench_dict
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "dict/matcher.h"
#include "lang/english_model.h"
#include "text/segmenter.h"

namespace {

std::vector<dyad::Doc>& corpus() {
  static std::vector<dyad::Doc> docs = [] {
    std::vector<std::string> samples;
    simdjson::dom::parser parser;
    for (simdjson::dom::element a : parser.load_many(DYAD_SOURCE_DIR "/data/samples/articles.jsonl"))
      samples.emplace_back(a["text"].get_string().value());
    std::vector<dyad::Doc> out;
    dyad::Segmenter segment;
    for (int copy = 0; copy < 100; ++copy) {
      for (const auto& s : samples) {
        dyad::Doc d;
        d.article.text = s;
        segment(d);
        out.push_back(std::move(d));
      }
    }
    return out;
  }();
  return docs;
}

const dyad::Dictionary& defaults() {
  static dyad::Dictionary d = [] {
    dyad::Dictionary dict;
    dict.load(dyad::Dictionary::default_path());
    return dict;
  }();
  return d;
}

void BM_MatchDefaults(benchmark::State& state) {
  dyad::Matcher matcher(defaults(), {&dyad::EnglishModel::shared()});
  auto& docs = corpus();
  size_t tokens = 0, matches = 0;
  for (auto& d : docs) tokens += d.tokens.size();
  std::vector<dyad::Matcher::Match> out;
  for (auto _ : state) {
    for (auto& d : docs) {
      for (const auto& s : d.sentences) {
        out.clear();
        matcher.match(d.text(), d.tokens, s.first_token, s.end_token, out);
        matches += out.size();
      }
    }
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["matches/iter"] = static_cast<double>(matches) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_MatchDefaults)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_LoadAndCompileDefaults(benchmark::State& state) {
  const auto& english = dyad::EnglishModel::shared();
  for (auto _ : state) {
    dyad::Dictionary dict;
    dict.load(dyad::Dictionary::default_path());
    dyad::Matcher matcher(dict, {&english});
    benchmark::DoNotOptimize(matcher.name_count());
  }
}
BENCHMARK(BM_LoadAndCompileDefaults)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
