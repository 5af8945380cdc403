// Split + tokenize throughput (issue 2's figure: MB/s of article text, single core).
// The bundled sample articles are replicated to at least 50 MB of text; each iteration
// segments all of it. Run: build/release/bench/bench_segment
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace {

constexpr size_t kTargetBytes = 50u << 20;

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> samples;
    simdjson::dom::parser parser;
    for (simdjson::dom::element a : parser.load_many(DYAD_SOURCE_DIR "/data/samples/articles.jsonl"))
      samples.emplace_back(a["text"].get_string().value());
    std::vector<std::string> out;
    size_t bytes = 0;
    while (bytes < kTargetBytes) {
      for (const auto& s : samples) {
        out.push_back(s);
        bytes += s.size();
      }
    }
    return out;
  }();
  return texts;
}

size_t corpus_bytes() {
  size_t n = 0;
  for (const auto& t : corpus()) n += t.size();
  return n;
}

void BM_SegmentSamples(benchmark::State& state) {
  const auto& texts = corpus();
  dyad::Segmenter segmenter;
  dyad::Doc doc;
  size_t tokens = 0, sentences = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      doc.article.text = t;  // the copy stands for the reader's; it is a small share of the time
      segmenter(doc);
      tokens += doc.tokens.size();
      sentences += doc.sentences.size();
    }
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus_bytes()));
  state.counters["MB"] = static_cast<double>(corpus_bytes()) / 1e6;
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SegmentSamples)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_TokenizeSamples(benchmark::State& state) {
  const auto& texts = corpus();
  dyad::Tokenizer tokenizer;
  std::vector<dyad::Token> tokens;
  for (auto _ : state) {
    for (const auto& t : texts) {
      tokens.clear();
      tokenizer.tokenize(t, tokens);
    }
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus_bytes()));
}
BENCHMARK(BM_TokenizeSamples)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
