// `dyad eval`: measured accuracy. `dyad eval analysis TREES...` scores tagging, base noun
// phrases and main-clause subjects against Penn Treebank trees (PETRARCH <Parse> blocks).
#include <fmt/format.h>

#include <functional>
#include <memory>

#include "base/error.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "eval/actor_eval.h"
#include "eval/analysis_eval.h"
#include "eval/date_eval.h"
#include "eval/place_eval.h"
#include "eval/event_eval.h"
#include "lang/english_model.h"
#include "cli/dict_options.h"
#include "code/coder.h"
#include "code/coding_dictionaries.h"
#include "lang/analyzer.h"
#include "out/output_file.h"
#include "out/writer.h"
#include "text/segmenter.h"

#include <filesystem>

namespace dyad::cli {
namespace {

// Runs one scoring: unreadable gold or dictionaries give one message and exit 1.
int guarded(const std::function<int()>& score) {
  try {
    return score();
  } catch (const std::exception& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return exit_code::kFailure;
  }
}

}  // namespace

Command add_eval_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("eval", "Measure accuracy against gold data");
  cmd->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  auto misses = std::make_shared<bool>(false);
  CLI::App* analysis = cmd->add_subcommand(
      "analysis", "POS accuracy, base-NP F1 and main-clause subject-head accuracy on treebank parses");
  analysis->add_option("files", *files, "PETRARCH record files with <Parse> trees")
      ->required()
      ->check(CLI::ExistingFile);
  analysis->add_flag("--misses", *misses, "List the sentences whose main subject was missed");
  analysis->footer(
      "Example:\n  dyad eval analysis ../shared/peers/petrarch2/GigaWord.sample.PETR.xml "
      "../shared/peers/petrarch2/PETR.UnitTest.records.xml");
  auto gold = std::make_shared<std::string>();
  auto show = std::make_shared<bool>(false);
  CLI::App* actors = cmd->add_subcommand(
      "actors", "Resolve the gold actors of a PLOVER gold file; share whose code's first three letters agree");
  actors->add_option("gold", *gold, "PLOVER gold-standard JSON (e.g. ../shared/eval/plover-gsr-dev.json)")
      ->required()
      ->check(CLI::ExistingFile);
  actors->add_flag("--show-misses", *show, "List the actors resolved wrongly or not at all");
  auto date_table = std::make_shared<std::string>();
  CLI::App* dates = cmd->add_subcommand(
      "dates", "Date the events of a hand-checked case table; share whose first event has the expected date");
  dates->add_option("cases", *date_table, "Case table (e.g. tests/enrich/date_cases.txt)")
      ->required()
      ->check(CLI::ExistingFile);
  dates->footer("Example:\n  dyad eval dates tests/enrich/date_cases.txt");
  auto place_table = std::make_shared<std::string>();
  CLI::App* places = cmd->add_subcommand(
      "places", "Place the events of a hand-checked case table; share of cases whose events all have the expected place");
  places->add_option("cases", *place_table, "Case table (e.g. tests/enrich/place_cases.txt)")
      ->required()
      ->check(CLI::ExistingFile);
  places->footer("Example:\n  dyad eval places tests/enrich/place_cases.txt");
  auto gold_events = std::make_shared<std::string>();
  auto gold_format = std::make_shared<std::string>("auto");
  auto events_out = std::make_shared<std::string>();
  auto sources = std::make_shared<DictionarySources>();
  auto dict_format = std::make_shared<std::string>("auto");
  auto no_default = std::make_shared<bool>(false);
  CLI::App* events = cmd->add_subcommand(
      "events", "Code gold sentences from their raw text and score the events (PETRARCH records, PLOVER gold, native)");
  events->add_option("gold", *gold_events, "Gold file: PETRARCH records .xml, PLOVER gold .json, native .jsonl")
      ->required()
      ->check(CLI::ExistingFile);
  events->add_option("--gold-format", *gold_format, "auto|petrarch|plover|native")
      ->check(CLI::IsMember({"auto", "petrarch", "plover", "native"}))
      ->capture_default_str();
  events->add_flag("--show-misses", *show, "List the records coded wrongly");
  events->add_option("--events-out", *events_out, "Also write the coded events (JSON Lines) to FILE");
  auto dict_file = [&](const char* name, std::vector<std::string>& into, const char* what) {
    events->add_option(name, into, what)->allow_extra_args(false)->check(CLI::ExistingFile)->group("Dictionaries");
  };
  dict_file("--actors", sources->actors, "Actor dictionary (repeatable)");
  dict_file("--agents", sources->agents, "Agent dictionary (repeatable)");
  dict_file("--verbs", sources->verbs, "Event pattern dictionary (repeatable)");
  dict_file("--discards", sources->discards, "Discard dictionary (repeatable)");
  dict_file("--issues", sources->issues, "Issue dictionary (repeatable)");
  events->add_option("--dict-format", *dict_format, "auto|native|tabari|petrarch")->group("Dictionaries");
  events->add_flag("--no-default-dict", *no_default, "Use only the dictionaries given")->group("Dictionaries");
  events->footer(
      "PETRARCH records are coded with the dictionaries their <Environment> names (unless dictionaries are\n"
      "given); PLOVER gold and native gold with dyad's defaults.\n"
      "Examples:\n  dyad eval events ../shared/peers/petrarch2/PETR.UnitTest.records.xml\n"
      "  dyad eval events ../shared/eval/plover-gsr-dev.json --events-out gsr-events.jsonl");
  return {cmd, [=] {
            if (events->parsed()) {
              return guarded([&] {
                std::string f = *gold_format;
                if (f == "auto") {
                  std::string ext = std::filesystem::path(*gold_events).extension().string();
                  f = ext == ".xml" ? "petrarch" : ext == ".json" ? "plover" : "native";
                }
                GoldSet gold = f == "petrarch" ? read_petrarch_records(*gold_events)
                               : f == "plover" ? read_plover_gold(*gold_events)
                                               : read_native_gold(*gold_events);
                DictionarySources dicts = *sources;
                dicts.format = parse_dict_format(*dict_format);
                dicts.defaults = !*no_default;
                bool given = !dicts.actors.empty() || !dicts.agents.empty() || !dicts.verbs.empty();
                if (f == "petrarch" && !given && !gold.environment.empty()) {
                  // The records' own dictionaries, beside the records file.
                  auto dir = std::filesystem::path(*gold_events).parent_path();
                  auto at = [&](const char* tag, std::vector<std::string>& into) {
                    if (auto it = gold.environment.find(tag); it != gold.environment.end())
                      into.push_back((dir / it->second).string());
                  };
                  at("Actorfile", dicts.actors);
                  at("Agentfile", dicts.agents);
                  at("Discardfile", dicts.discards);
                  at("Verbfile", dicts.verbs);
                  at("Issuefile", dicts.issues);
                  dicts.defaults = false;
                  dicts.format = DictFormat::kPetrarch;
                }
                auto loaded = CodingDictionaries::load(dicts);
                EventCoder coder(loaded->matcher(), loaded->events(), loaded->cameo());
                Segmenter segment;
                Analyzer analyze;
                auto writer = make_writer(OutputFormat::kEvents);
                std::unique_ptr<OutputFile> out;
                if (!events_out->empty()) out = std::make_unique<OutputFile>(*events_out);
                CodedEvents coded;
                for (Article& a : gold_articles(gold)) {
                  Doc doc(std::move(a));
                  segment(doc);
                  analyze(doc);
                  coder(doc);
                  auto& list = coded[doc.article.id];
                  for (const Event& e : doc.ext<Events>().events) {
                    const CameoInfo* info = loaded->cameo().find(e.cameo);
                    list.push_back({e.source ? e.source->code : "", e.target ? e.target->code : "", e.cameo,
                                    info ? info->plover : ""});
                  }
                  if (out) {
                    std::string text;
                    writer->write(doc, text);
                    out->write(text);
                  }
                }
                if (out) out->close();
                if (f == "plover") fmt::print("{}", score_plover(gold, coded, *show).report());
                else fmt::print("{}", score_exact(gold, coded, *show).report());
                return exit_code::kOk;
              });
            }
            if (dates->parsed()) {
              return guarded([&] {
                auto loaded = CodingDictionaries::load(DictionarySources{});
                fmt::print("{}", score_dates(read_date_cases(*date_table), *loaded).report());
                return exit_code::kOk;
              });
            }
            if (places->parsed()) {
              return guarded([&] {
                auto loaded = CodingDictionaries::load(DictionarySources{});
                fmt::print("{}", score_places(read_place_cases(*place_table), *loaded).report());
                return exit_code::kOk;
              });
            }
            if (actors->parsed()) {
              return guarded([&] {
                Dictionary dict;
                dict.load(Dictionary::default_path());
                Matcher matcher(dict, {&EnglishModel::shared()});
                ActorResolver resolver(matcher);
                ActorScores s = score_actors(read_gold_actors(*gold), resolver);
                if (*show)
                  for (const auto& m : s.misses)
                    fmt::print("  miss {}: '{}' gold {} dyad {}\n", m.c.id, m.c.text, m.c.gold, m.got.empty() ? "-" : m.got);
                fmt::print("actors: {}/{} = {:.2f}%\n", s.correct, s.total, s.share());
                return exit_code::kOk;
              });
            }
            return guarded([&] {
              Analyzer analyzer(EnglishModel::shared());
              AnalysisScores total;
              for (const auto& f : *files) {
                AnalysisScores s;
                size_t broken = 0;
                std::vector<std::string> missed;
                for (const Tree& t : read_petrarch_trees(f, &broken)) score_tree(t, analyzer, s, &missed);
                s.broken_trees = broken;
                fmt::print("{}", s.report(f));
                if (*misses)
                  for (const auto& m : missed) fmt::print("    {}\n", m);
                total.add(s);
              }
              if (files->size() > 1) fmt::print("{}", total.report("all files"));
              fmt::print("pos {:.2f}% np-f1 {:.2f}% subject {:.2f}%\n", total.pos_accuracy(), total.np_f1(),
                         total.subject_accuracy());
              return exit_code::kOk;
            });
          }};
}

}  // namespace dyad::cli
