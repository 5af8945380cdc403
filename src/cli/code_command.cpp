// `dyad code` and `dyad segment`: read articles, run the pipeline, write a format.
#include <fmt/format.h>
#include <unistd.h>

#include <future>
#include <memory>
#include <thread>

#include "base/error.h"
#include "base/numbers.h"
#include "base/utf8.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/stderr_diagnostics.h"
#include "cli/code_store.h"
#include "cli/dict_options.h"
#include "code/coder.h"
#include "enrich/dates.h"
#include "enrich/dedup.h"
#include "enrich/places.h"
#include "code/coding_dictionaries.h"
#include "lang/analyzer.h"
#include "run/runner.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

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
  cmd->add_option("--input-format", o.input_format, "auto|jsonl|text|petrarch-xml|tabari|html|warc")
      ->check(CLI::IsMember({"auto", "jsonl", "text", "petrarch-xml", "tabari", "html", "warc"}))
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

// The coding options of `dyad code`.
struct CodingOptions {
  DictionarySources dicts;
  std::string dict_format = "auto";
  bool no_default = false;
  CoderOptions coder;
  std::string db;          // --db: the event store (a file) or --sink (a clickhouse:// URL)
  std::string cluster;     // --cluster: the ClickHouse cluster
  bool db_stdout = false;  // with --db, events also to the output (-o or --format given)
};

void print_summary(const RunStats& s, bool segmented, bool coded) {
  double secs = std::max(s.seconds, 1e-6);
  std::string line = fmt::format("dyad: {} articles", thousands(s.articles));
  if (segmented)
    line += fmt::format(", {} segments ({} sentences), {} tokens", thousands(s.segments),
                        thousands(s.body_sentences), thousands(s.tokens));
  if (coded) line += fmt::format(", {} events", thousands(s.events));
  line += fmt::format("; {} records skipped", thousands(s.records_skipped));
  if (s.records_passed_over)
    line += fmt::format(", {} WARC records passed over (not HTML responses)", thousands(s.records_passed_over));
  if (s.pages_without_article)
    line += fmt::format(", {} pages without article text", thousands(s.pages_without_article));
  if (s.warnings) line += fmt::format(", {} warnings", thousands(s.warnings));
  if (s.inputs_failed) line += fmt::format(", {} inputs unreadable", thousands(s.inputs_failed));
  line += fmt::format("; {:.2f} s ({:.0f} articles/s, {:.1f} MB/s)", s.seconds,
                      static_cast<double>(s.articles) / secs,
                      static_cast<double>(s.input_bytes) / secs / 1e6);
  if (s.stopped) line += "; stopped by --strict";
  fmt::print(stderr, "{}\n", line);
}

int run_command(const InputOptions& o, OutputFormat format, const CodingOptions* coding = nullptr) {
  RunOptions options = to_run_options(o);
  Pipeline pipeline;
  if (format != OutputFormat::kArticles) pipeline.add(Segmenter());
  // Dictionaries are loaded and compiled once, then shared read-only by the workers.
  std::unique_ptr<CodingDictionaries> dicts;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<EventCoder> coder;
  bool coded = coding && (writes_events(format) || !coding->db.empty());
  // The gazetteer loads on its own thread while the dictionaries load on this one.
  std::future<void> gazetteer;
  if (coded) gazetteer = std::async(std::launch::async, [] { Gazetteer::shared(); });
  if (coded) {
    try {
      DictionarySources sources = coding->dicts;
      sources.format = cli::parse_dict_format(coding->dict_format);
      sources.defaults = !coding->no_default;
      std::vector<LoadReport> reports;
      dicts = CodingDictionaries::load(sources, &reports);
      size_t rejected = 0;
      for (const auto& r : reports) rejected += r.rejected.size();
      if (rejected && !o.quiet)
        fmt::print(stderr, "dyad: {} dictionary lines rejected (see dyad dict load)\n", rejected);
      analyzer = std::make_unique<Analyzer>();
      coder = std::make_unique<EventCoder>(dicts->matcher(), dicts->events(), dicts->cameo(), coding->coder);
      gazetteer.get();  // a missing or broken file is reported before any input is read
    } catch (const std::exception& e) {
      fmt::print(stderr, "dyad: {}\n", e.what());
      return exit_code::kFailure;
    }
    pipeline.add([&a = *analyzer](Doc& d) { a(d); });
    pipeline.add([&c = *coder](Doc& d) { c(d); });
    pipeline.add(DateResolver());
    pipeline.add(PlaceResolver());
    pipeline.add(EventMerger());
  }
  if (o.files.empty() && isatty(STDIN_FILENO) && !o.quiet)
    fmt::print(stderr, "dyad: reading articles from standard input (end with Ctrl-D; --help for usage)\n");
  auto writer = make_writer(format);
  StderrDiagnostics diagnostics;
  RunStats stats;
  std::unique_ptr<cli::CodeStore> store;
  try {
    if (coding && !coding->db.empty()) {
      store = std::make_unique<cli::CodeStore>(coding->db, coding->cluster);
      store->attach(options);
      if (!coding->db_stdout) writer = cli::make_null_writer();
    }
    OutputFile output(o.output);
    stats = run(options, pipeline, *writer, output, diagnostics);
    output.close();
  } catch (const OutputError& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return exit_code::kFailure;
  } catch (const StoreError& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return exit_code::kFailure;
  }
  if (!o.quiet) print_summary(stats, format != OutputFormat::kArticles, coded);
  if (store && !o.quiet) fmt::print(stderr, "{}\n", store->summary());
  if (stats.stopped) return exit_code::kStrictStop;
  if (stats.inputs_failed) return exit_code::kFailure;
  return exit_code::kOk;
}

}  // namespace

namespace cli {

Command add_code_command(CLI::App& app) {
  auto opts = std::make_shared<InputOptions>();
  auto coding = std::make_shared<CodingOptions>();
  auto format = std::make_shared<std::string>("jsonl");
  CLI::App* cmd = app.add_subcommand("code", "Code articles into events");
  add_input_options(cmd, *opts);
  auto dict_file = [&](const char* name, std::vector<std::string>& into, const char* what) {
    cmd->add_option(name, into, what)->allow_extra_args(false)->check(CLI::ExistingFile)->type_name("FILE")->group("Dictionaries");
  };
  dict_file("--actors", coding->dicts.actors, "Actor dictionary (repeatable; native, TABARI or PETRARCH)");
  dict_file("--agents", coding->dicts.agents, "Agent dictionary (repeatable)");
  dict_file("--verbs", coding->dicts.verbs, "Event pattern dictionary (repeatable; native, PETRARCH CAMEO or TABARI .verbs)");
  dict_file("--discards", coding->dicts.discards, "Discard dictionary (repeatable)");
  dict_file("--issues", coding->dicts.issues, "Issue dictionary (repeatable)");
  cmd->add_option("--dict-format", coding->dict_format, "Format of the files above: auto|native|tabari|petrarch")
      ->check(CLI::IsMember({"auto", "native", "tabari", "petrarch"}))
      ->capture_default_str()
      ->group("Dictionaries");
  cmd->add_flag("--no-default-dict", coding->no_default, "Use only the dictionaries given, not dyad's defaults")
      ->group("Dictionaries");
  cmd->add_flag("--negated", coding->coder.emit_negated, "Write negated events, marked \"negated\": true")
      ->group("Coding");
  cmd->add_flag("--allow-missing-target", coding->coder.allow_missing_target,
                "Write events whose target is unknown (target null)")
      ->group("Coding");
  cmd->add_flag("--headlines", coding->coder.code_headlines, "Code headlines as well as sentences")->group("Coding");
  cmd->add_option("-f,--format", *format,
                  "jsonl (events, the default) | csv (events, with a header) | gdelt (events as GDELT 2.0 "
                  "rows) | plover (events as PLOVER records, POLECAT-style JSON Lines) | sentences (segments "
                  "as tab-separated text)")
      ->check(CLI::IsMember({"jsonl", "csv", "gdelt", "plover", "sentences"}))
      ->capture_default_str();
  cmd->add_option("--db", coding->db,
                  "Store articles and events in this SQLite file (created if missing; see dyad query, dyad "
                  "series). Articles already stored with the same content are not coded again; events go to "
                  "standard output only when -o or --format is given")
      ->type_name("FILE");
  auto sink = std::make_shared<std::string>();
  CLI::Option* sink_option =
      cmd->add_option("--sink", *sink,
                      "Store articles and events in ClickHouse: clickhouse://HOST:PORT/DATABASE (its HTTP "
                      "interface; tables created if missing; a rerun adds no duplicates; docs/clickhouse.md). "
                      "Events go to standard output only when -o or --format is given")
          ->type_name("URL")
          ->excludes("--db");
  cmd->add_option("--cluster", coding->cluster,
                  "With --sink: write through Distributed tables over this cluster of the servers' "
                  "remote_servers, sharded by article (list every shard: clickhouse://H1:P1,H2:P2/DB)")
      ->needs(sink_option)
      ->type_name("NAME");
  return {cmd, [=] {
            if (!sink->empty()) {
              if (!is_clickhouse_url(*sink)) {
                fmt::print(stderr, "dyad: --sink: expected clickhouse://HOST:PORT/DATABASE, got {}\n", *sink);
                return exit_code::kUsage;
              }
              coding->db = *sink;
            }
            coding->db_stdout = cmd->count("--format") > 0 || cmd->count("--output") > 0;
            OutputFormat f = *format == "sentences" ? OutputFormat::kSentences
                             : *format == "csv"     ? OutputFormat::kEventsCsv
                             : *format == "gdelt"   ? OutputFormat::kEventsGdelt
                             : *format == "plover"  ? OutputFormat::kEventsPlover
                                                    : OutputFormat::kEvents;
            return run_command(*opts, f, coding.get());
          }};
}

Command add_segment_command(CLI::App& app) {
  auto opts = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>("text");
  auto text = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("segment", "Show the sentences and tokens of articles");
  add_input_options(cmd, *opts);
  cmd->add_option("-f,--format", *format, "text (for reading) | jsonl (one object per sentence with its tokens)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--text", *text, "Segment this text instead of reading files");
  return {cmd, [=] {
            OutputFormat f = *format == "jsonl" ? OutputFormat::kSegmentsJsonl : OutputFormat::kSegmentsText;
            if (text->empty()) return run_command(*opts, f);
            Doc doc;  // a literal text: one article with id "text"
            doc.article.id = "text";
            doc.article.text = *text;
            repair_utf8(doc.article.text);
            Segmenter()(doc);
            std::string out;
            make_writer(f)->write(doc, out);
            fmt::print("{}", out);
            return exit_code::kOk;
          }};
}

Command add_extract_command(CLI::App& app) {
  auto opts = std::make_shared<InputOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Write the articles read from the inputs (web pages: the extracted article) as JSON Lines");
  add_input_options(cmd, *opts);
  return {cmd, [=] { return run_command(*opts, OutputFormat::kArticles); }};
}

}  // namespace cli


}  // namespace dyad
