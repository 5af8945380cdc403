// `dyad load`: store events that `dyad code` already wrote (JSON Lines) in ClickHouse.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "base/numbers.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "store/clickhouse.h"

namespace dyad::cli {
namespace {

struct LoadOptions {
  std::vector<std::string> files;
  std::string sink, cluster;
  size_t batch = 50000;
  bool quiet = false;
};

int load(const LoadOptions& o) {
  auto started = std::chrono::steady_clock::now();
  uint64_t bad_lines = 0, events = 0;
  AddResult totals;
  try {
    ClickHouseStore store(ClickHouseLocation::parse(o.sink, o.cluster), true);
    std::vector<ArticleRows> batch;
    size_t rows = 0;
    auto flush = [&] {
      AddResult r = store.add_rows(std::move(batch));
      totals.added += r.added;
      totals.replaced += r.replaced;
      totals.unchanged += r.unchanged;
      batch.clear();
      rows = 0;
    };
    std::vector<std::string> files = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
    for (const std::string& file : files) {
      std::ifstream in;
      if (file != "-") {
        in.open(file, std::ios::binary);
        if (!in) {
          fmt::print(stderr, "dyad: {}: cannot open\n", file);
          return exit_code::kFailure;
        }
      }
      std::istream& input = file == "-" ? std::cin : in;
      CodedEventsReader reader(input, [&](uint64_t line, const std::string& message) {
        if (++bad_lines <= 100) fmt::print(stderr, "dyad: {}:{}: error: {}\n", file, line, message);
      });
      ArticleRows article;
      while (reader.next(article)) {
        rows += article.mentions.size() + 1;
        batch.push_back(std::move(article));
        if (rows >= o.batch) flush();
      }
      events += reader.events();
      if (input.bad()) {
        fmt::print(stderr, "dyad: {}: read error\n", file);
        return exit_code::kFailure;
      }
    }
    flush();
    if (!o.quiet) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      StoreCounts c = store.counts();
      fmt::print(stderr,
                 "dyad: {} events read, {} lines skipped; {}: {} articles added, {} replaced, {} already stored; the "
                 "store holds {} articles, {} events, {} mentions; {:.2f} s ({:.0f} events/s)\n",
                 thousands(events), thousands(bad_lines), store.name(), thousands(totals.added),
                 thousands(totals.replaced), thousands(totals.unchanged), thousands(c.articles), thousands(c.events),
                 thousands(c.mentions), secs, static_cast<double>(events) / std::max(secs, 1e-6));
    }
  } catch (const StoreError& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return exit_code::kFailure;
  }
  return exit_code::kOk;
}

}  // namespace

Command add_load_command(CLI::App& app) {
  auto o = std::make_shared<LoadOptions>();
  CLI::App* cmd = app.add_subcommand("load", "Store events that dyad code wrote (JSON Lines) in ClickHouse");
  cmd->add_option("files", o->files, "Events JSON Lines files; - or none reads standard input");
  cmd->add_option("--sink", o->sink, "clickhouse://HOST:PORT/DATABASE (list every shard with --cluster)")
      ->required()
      ->type_name("URL");
  cmd->add_option("--cluster", o->cluster, "Write through Distributed tables over this cluster, sharded by article")
      ->type_name("NAME");
  cmd->add_option("--batch", o->batch, "Rows per insert")->capture_default_str()->check(CLI::Range(1, 10000000));
  cmd->add_flag("-q,--quiet", o->quiet, "No summary line");
  cmd->footer(
      "An article's events must be consecutive (as dyad code writes them). A rerun adds no duplicates; an article "
      "whose events changed replaces its old version.\nExample: dyad code articles.jsonl | dyad load --sink "
      "clickhouse://localhost:8123/dyad");
  return {cmd, [=] { return load(*o); }};
}

}  // namespace dyad::cli
