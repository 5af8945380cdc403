// The dyad command: a thin front end over libdyad. Parses the command line, wires readers,
// pipeline and writer together, prints the summary, maps the outcome to an exit code.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <thread>

#include "base/error.h"
#include "base/numbers.h"
#include "base/utf8.h"
#include "base/version.h"
#include "cli/exit_codes.h"
#include "cli/stderr_diagnostics.h"
#include "run/runner.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

constexpr const char* kFooter = R"(Examples:
  dyad code data/samples/articles.jsonl --format sentences
  cat articles.jsonl | dyad code --threads 4 -o events.jsonl
  dyad code stories/*.txt --date 2019-11-25 --format sentences
  dyad segment --text "WASHINGTON (AP) - Sen. Jane Doe met U.S. officials. They didn't agree."
  dyad segment --format jsonl PETR.UnitTest.records.xml

Input formats (--input-format, detected from the name and content by default):
  jsonl         one article per line: {"id", "text", "date", "url", "source", "title"}
  text          a plain text file is one article; its id is the file name
  petrarch-xml  PETRARCH <Sentence date id> records with <Text>
  tabari        TABARI records: "YYMMDD id" line, text lines, blank line

Malformed records are reported on stderr with file and line, skipped and counted.

Exit codes:
  0  done (skipped records, if any, were reported)
  1  an input could not be read or the output could not be written
  2  bad command line
  3  --strict and a malformed record was found)";

// Options shared by the commands that read articles.
struct InputOptions {
  std::vector<std::string> files;
  std::string input_format = "auto";
  std::string date;
  std::string output = "-";
  bool strict = false;
  unsigned threads = 1;
  bool quiet = false;
  bool progress = false;
  size_t max_record_bytes = size_t{16} << 20;
};

const CLI::Validator kExistingOrStdin(
    [](std::string& path) { return path == "-" ? std::string() : CLI::ExistingFile(path); },
    "FILE|-", "existing file or -");

const CLI::Validator kIsoDate(
    [](std::string& s) {
      return Date::parse_iso(s) && s.size() == 10 ? std::string()
                                                  : "expected a date as YYYY-MM-DD, got " + s;
    },
    "YYYY-MM-DD", "date");

void add_input_options(CLI::App* cmd, InputOptions& o) {
  cmd->add_option("files", o.files, "Input files; - or none reads standard input")
      ->check(kExistingOrStdin);
  cmd->add_option("--input-format", o.input_format, "auto|jsonl|text|petrarch-xml|tabari")
      ->check(CLI::IsMember({"auto", "jsonl", "text", "petrarch-xml", "tabari"}))
      ->capture_default_str();
  cmd->add_option("--date", o.date, "Publication date for articles that carry none")->check(kIsoDate);
  cmd->add_option("-o,--output", o.output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_flag("--strict", o.strict, "Stop at the first malformed record (exit code 3)");
  cmd->add_option("-j,--threads", o.threads, "Worker threads; 0 = one per core")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o.quiet, "No summary line");
  cmd->add_flag("--progress", o.progress,
                "Report progress on stderr (default: only when stderr is a terminal)");
  cmd->add_option("--max-record-bytes", o.max_record_bytes,
                  "Longer records are reported and skipped")
      ->capture_default_str();
}

RunOptions to_run_options(const InputOptions& o) {
  RunOptions r;
  r.inputs = o.files.empty() ? std::vector<std::string>{"-"} : o.files;
  r.reader.format = *parse_input_format(o.input_format);
  if (!o.date.empty()) r.reader.default_date = Date::parse_iso(o.date);
  r.reader.max_record_bytes = o.max_record_bytes;
  r.strict = o.strict;
  r.threads = o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads;
  r.progress = !o.quiet && (o.progress || isatty(STDERR_FILENO));
  return r;
}

void print_summary(const RunStats& s, bool events_pending) {
  double secs = std::max(s.seconds, 1e-6);
  std::string line = fmt::format(
      "dyad: {} articles, {} segments ({} sentences), {} tokens", thousands(s.articles),
      thousands(s.segments), thousands(s.body_sentences), thousands(s.tokens));
  if (events_pending) line += ", 0 events (event coding is not built yet; try --format sentences)";
  line += fmt::format("; {} records skipped", thousands(s.records_skipped));
  if (s.warnings) line += fmt::format(", {} warnings", thousands(s.warnings));
  if (s.inputs_failed) line += fmt::format(", {} inputs unreadable", thousands(s.inputs_failed));
  line += fmt::format("; {:.2f} s ({:.0f} articles/s, {:.1f} MB/s)", s.seconds,
                      static_cast<double>(s.articles) / secs,
                      static_cast<double>(s.input_bytes) / secs / 1e6);
  if (s.stopped) line += "; stopped by --strict";
  fmt::print(stderr, "{}\n", line);
}

int run_command(const InputOptions& o, OutputFormat format) {
  RunOptions options = to_run_options(o);
  if (o.files.empty() && isatty(STDIN_FILENO) && !o.quiet)
    fmt::print(stderr, "dyad: reading articles from standard input (end with Ctrl-D; --help for usage)\n");
  Pipeline pipeline;
  pipeline.add(Segmenter());
  auto writer = make_writer(format);
  StderrDiagnostics diagnostics;
  RunStats stats;
  try {
    OutputFile output(o.output);
    stats = run(options, pipeline, *writer, output, diagnostics);
    output.close();
  } catch (const OutputError& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return exit_code::kFailure;
  }
  if (!o.quiet) print_summary(stats, format == OutputFormat::kEvents);
  if (stats.stopped) return exit_code::kStrictStop;
  if (stats.inputs_failed) return exit_code::kFailure;
  return exit_code::kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dyad: turns news text into political event data (who did what to whom, when "
               "and where)."};
  app.set_version_flag("--version", fmt::format("dyad {}", kVersion));
  app.footer(kFooter);
  app.require_subcommand(1);

  InputOptions code_opts;
  std::string code_format = "jsonl";
  CLI::App* code = app.add_subcommand("code", "Code articles into events");
  add_input_options(code, code_opts);
  code->add_option("-f,--format", code_format,
                   "jsonl (events, the default) | sentences (segments as tab-separated text)")
      ->check(CLI::IsMember({"jsonl", "sentences"}))
      ->capture_default_str();

  InputOptions seg_opts;
  std::string seg_format = "text";
  std::string seg_text;
  CLI::App* segment = app.add_subcommand("segment", "Show the sentences and tokens of articles");
  add_input_options(segment, seg_opts);
  segment->add_option("-f,--format", seg_format,
                      "text (for reading) | jsonl (one object per sentence with its tokens)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  segment->add_option("--text", seg_text, "Segment this text instead of reading files");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? exit_code::kOk : exit_code::kUsage;
  }

  if (code->parsed()) {
    return run_command(code_opts, code_format == "sentences" ? OutputFormat::kSentences
                                                             : OutputFormat::kEvents);
  }
  OutputFormat format = seg_format == "jsonl" ? OutputFormat::kSegmentsJsonl : OutputFormat::kSegmentsText;
  if (!seg_text.empty()) {
    // A literal text: one article with id "text".
    Doc doc{Article{}, {}, {}};
    doc.article.id = "text";
    doc.article.text = seg_text;
    repair_utf8(doc.article.text);
    Segmenter()(doc);
    std::string out;
    make_writer(format)->write(doc, out);
    fmt::print("{}", out);
    return exit_code::kOk;
  }
  return run_command(seg_opts, format);
}

}  // namespace dyad

int main(int argc, char** argv) { return dyad::main(argc, argv); }
