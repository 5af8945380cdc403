#pragma once
// Synthetic but realistically shaped coded articles, for filling event stores at scale (SQLite
// and ClickHouse alike: scripts/bench-store, scripts/bench-clickhouse, the parity tests):
// ~200 countries with Zipf-like frequencies (the ones the news reports most first), actors
// with roles, CAMEO codes from data/cameo/cameo.tsv weighted by root as in news event data,
// dates over 2014-2024 with growing volume, 60 outlets, a quarter of the reports repeating a
// recent event (so events have several articles and sources), places for 40%. The same seed
// gives the same articles.
#include <cstdint>
#include <memory>
#include <vector>

#include "text/doc.h"

namespace dyad::synthetic {

class EventGenerator {
 public:
  explicit EventGenerator(uint64_t seed = 20261126);
  ~EventGenerator();
  // The next `articles` coded articles (1 to 5 events each).
  std::vector<Doc> next_batch(int articles = 1000);
  // Distinct events (date, source, target, CAMEO code) generated so far.
  uint64_t distinct_events() const;
  uint64_t reports() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace dyad::synthetic
