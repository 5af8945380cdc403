#pragma once
// The subcommands of `dyad`. Each adds its options to the app and returns what to run when
// it was chosen (the exit code is the result).
#include <CLI/CLI.hpp>

#include <functional>

namespace dyad::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command add_code_command(CLI::App& app);
Command add_segment_command(CLI::App& app);
Command add_extract_command(CLI::App& app);
Command add_explain_command(CLI::App& app);
Command add_eval_command(CLI::App& app);
Command add_dict_command(CLI::App& app);
Command add_query_command(CLI::App& app);
Command add_series_command(CLI::App& app);
Command add_load_command(CLI::App& app);
Command add_serve_command(CLI::App& app);

}  // namespace dyad::cli
