#include "cli/store_options.h"

#include "store/backend.h"

namespace dyad::cli {

void add_store_options(CLI::App* cmd, std::string& db, std::string& sink, std::string& cluster) {
  CLI::Option* file = cmd->add_option("--db", db, "The event store (an SQLite file, dyad code --db)")
                          ->check(CLI::ExistingFile)
                          ->type_name("FILE");
  CLI::Option* url = cmd->add_option("--sink", sink, "The event store in ClickHouse: clickhouse://HOST:PORT/DATABASE")
                         ->type_name("URL")
                         ->check(CLI::Validator(
                             [](std::string& s) {
                               return is_clickhouse_url(s) ? std::string()
                                                           : "expected clickhouse://HOST:PORT/DATABASE, got " + s;
                             },
                             "URL", "clickhouse URL"));
  file->excludes(url);
  cmd->add_option("--cluster", cluster,
                  "With --sink: the cluster of its Distributed tables (optional: they are recognised as such)")
      ->needs(url)
      ->type_name("NAME");
  cmd->callback([cmd] {
    if (!cmd->count("--db") && !cmd->count("--sink")) throw CLI::RequiredError("--db or --sink");
  });
}

}  // namespace dyad::cli
