// `dyad eval`: measured accuracy. `dyad eval analysis TREES...` scores tagging, base noun
// phrases and main-clause subjects against Penn Treebank trees (PETRARCH <Parse> blocks).
#include <fmt/format.h>

#include <memory>

#include "base/error.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "eval/actor_eval.h"
#include "eval/analysis_eval.h"
#include "lang/english_model.h"

namespace dyad::cli {

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
  return {cmd, [=] {
            if (actors->parsed()) {
              try {
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
              } catch (const std::exception& e) {
                fmt::print(stderr, "dyad: {}\n", e.what());
                return exit_code::kFailure;
              }
            }
            try {
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
            } catch (const std::exception& e) {
              fmt::print(stderr, "dyad: {}\n", e.what());
              return exit_code::kFailure;
            }
          }};
}

}  // namespace dyad::cli
