// Fills an event store with synthetic but realistically shaped events (bench/synthetic), through
// the store's own write path (EventStore::add), for timing `dyad query` and `dyad series` at
// scale; or writes them as events JSON Lines, as `dyad code` writes them, for `dyad load`
// (scripts/bench-clickhouse). Stops after the batch (1000 articles) that reaches EVENTS
// distinct events, so the same EVENTS and SEED give the same articles either way.
// Usage: bench_store_generate STORE [EVENTS (default 1000000)] [SEED]
//        bench_store_generate --jsonl FILE|- [EVENTS] [SEED]
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "out/output_file.h"
#include "out/writer.h"
#include "store/event_store.h"
#include "synthetic/synthetic_events.h"

int main(int argc, char** argv) {
  using namespace dyad;
  bool jsonl = argc > 1 && std::string(argv[1]) == "--jsonl";
  int first = jsonl ? 2 : 1;
  if (argc <= first) {
    fmt::print(stderr, "usage: bench_store_generate STORE [EVENTS] [SEED]\n"
                       "       bench_store_generate --jsonl FILE|- [EVENTS] [SEED]\n");
    return 2;
  }
  uint64_t target = argc > first + 1 ? std::stoull(argv[first + 1]) : 1000000;
  synthetic::EventGenerator generator(argc > first + 2 ? std::stoull(argv[first + 2]) : 20261126);
  auto started = std::chrono::steady_clock::now();
  uint64_t articles = 0;
  if (jsonl) {
    OutputFile output(argv[first]);
    auto writer = make_writer(OutputFormat::kEvents);
    std::string out;
    while (generator.distinct_events() < target) {
      for (const Doc& doc : generator.next_batch()) {
        writer->write(doc, out);
        ++articles;
      }
      output.write(out);
      out.clear();
    }
    output.close();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print(stderr, "bench_store_generate: {} articles, {} events ({} reports) in {:.1f} s\n", articles,
               generator.distinct_events(), generator.reports(), seconds);
    return 0;
  }
  EventStore store(argv[first]);
  while (generator.distinct_events() < target) store.add(generator.next_batch());
  StoreCounts c = store.counts();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print(stderr, "bench_store_generate: {} articles, {} events, {} mentions in {:.1f} s\n", c.articles, c.events,
             c.mentions, seconds);
  return 0;
}
