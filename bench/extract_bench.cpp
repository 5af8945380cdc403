// HTML article extraction throughput (issue 7's figure: MB/s of HTML, single core): every
// page of the article-extraction benchmark (../shared/eval/article-extraction-dev/html), held
// unzipped in memory; each iteration extracts the article of each page (parse, metadata,
// body). Reading and unzipping the files is not timed. Run: build/release/bench/bench_extract
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/strings.h"
#include "ingest/gzip.h"
#include "ingest/html_extractor.h"

namespace {

const std::vector<std::string>& pages() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out;
    std::filesystem::path dir = DYAD_SHARED_DIR "/eval/article-extraction-dev/html";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      auto bytes = dyad::read_whole_file(entry.path().string());
      if (!bytes) continue;
      std::string html;
      if (dyad::is_gzip(*bytes)) {
        if (dyad::gunzip(*bytes, html, size_t{1} << 30) != dyad::GunzipResult::kOk) continue;
      } else {
        html = std::move(*bytes);
      }
      out.push_back(std::move(html));
    }
    return out;
  }();
  return all;
}

void BM_ExtractArticles(benchmark::State& state) {
  const auto& all = pages();
  if (all.empty()) {
    state.SkipWithError("no pages: ../shared/eval/article-extraction-dev/html is absent");
    return;
  }
  size_t bytes = 0, articles = 0;
  for (const auto& p : all) bytes += p.size();
  for (auto _ : state) {
    articles = 0;
    for (const auto& p : all) {
      dyad::Article a;
      articles += dyad::extract_article({p, "", "", ""}, a);
      benchmark::DoNotOptimize(a.text.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["pages"] = static_cast<double>(all.size());
  state.counters["articles"] = static_cast<double>(articles);
}
BENCHMARK(BM_ExtractArticles)->Unit(benchmark::kMillisecond)->MinTime(3);

}  // namespace

BENCHMARK_MAIN();
