#pragma once
// The options that name the event store a command reads: --db FILE (SQLite) or
// --sink clickhouse://... [--cluster NAME] (dyad query, dyad series, dyad serve).
#include <CLI/CLI.hpp>

#include <string>

namespace dyad::cli {

// Adds --db, --sink and --cluster to `cmd`: exactly one of --db and --sink is required.
void add_store_options(CLI::App* cmd, std::string& db, std::string& sink, std::string& cluster);

}  // namespace dyad::cli
