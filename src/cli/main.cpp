// The dyad command: a thin front end over libdyad. Parses the command line, wires readers,
// pipeline and writer together, prints the summary, maps the outcome to an exit code.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "base/version.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace dyad {
namespace {

constexpr const char* kFooter = R"(Examples:
  dyad code data/samples/articles.jsonl > events.jsonl
  cat articles.jsonl | dyad code --threads 4 -o events.jsonl
  dyad code stories/*.txt --date 2019-11-25
  dyad code --no-default-dict --actors my.actors --verbs CAMEO.2.0.txt articles.jsonl
  dyad code data/samples/articles.jsonl --format sentences
  dyad segment --text "WASHINGTON (AP) - Sen. Jane Doe met U.S. officials. They didn't agree."
  dyad extract page.html.gz pages/*.html > articles.jsonl
  dyad explain "Senior U.S. officials met with Gen. Khalifa Haftar on Sunday, the State Department said."
  dyad eval events ../shared/eval/plover-gsr-dev.json --show-misses
  dyad eval analysis ../shared/peers/petrarch2/GigaWord.sample.PETR.xml
  dyad dict actors "Libyan police arrested two Egyptian officials"
  dyad dict load ../shared/peers/petrarch2/Phoenix.agents.txt
  dyad code data/samples/articles.jsonl --db events.db
  dyad query --db events.db --country LBY --from 2024-01-01 --plover ASSAULT
  dyad series --db events.db --dyad USA,CHN --by month
  dyad code articles.jsonl --sink clickhouse://localhost:8123/dyad
  dyad load events.jsonl --sink clickhouse://ch1:8123,ch2:8123/dyad --cluster dyad
  dyad series --sink clickhouse://localhost:8123/dyad --country USA --by month
  dyad serve --db events.db          (the dashboard at http://127.0.0.1:8080/)

Input formats (--input-format, detected from the name and content by default):
  jsonl         one article per line: {"id", "text", "date", "url", "source", "title"}
  text          a plain text file is one article; its id is the file name
  petrarch-xml  PETRARCH <Sentence date id> records with <Text>
  tabari        TABARI records: "YYMMDD id" line, text lines, blank line
  html          a web page (.html, .htm, .html.gz) is one article: its body, title, date, URL
                and outlet (docs/ingest.md); its id is the file name
  warc          WARC crawls (.warc, .warc.gz): HTML responses become articles

Malformed records are reported on stderr with file and line, skipped and counted.

Exit codes:
  0  done (skipped records, if any, were reported)
  1  an input could not be read or the output could not be written
  2  bad command line
  3  --strict and a malformed record was found)";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dyad: turns news text into political event data (who did what to whom, when "
               "and where)."};
  app.set_version_flag("--version", fmt::format("dyad {}", kVersion));
  app.footer(kFooter);
  app.require_subcommand(1);
  std::vector<cli::Command> commands = {cli::add_code_command(app), cli::add_segment_command(app),
                                        cli::add_extract_command(app),
                                        cli::add_explain_command(app), cli::add_eval_command(app),
                                        cli::add_dict_command(app), cli::add_query_command(app),
                                        cli::add_series_command(app), cli::add_load_command(app),
                                        cli::add_serve_command(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? exit_code::kOk : exit_code::kUsage;
  }
  for (const auto& c : commands)
    if (c.app->parsed()) return c.run();
  return exit_code::kUsage;
}

}  // namespace dyad

int main(int argc, char** argv) { return dyad::main(argc, argv); }
