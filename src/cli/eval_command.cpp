// `dyad eval`: measured accuracy. `dyad eval analysis TREES...` scores tagging, base noun
// phrases and main-clause subjects against Penn Treebank trees (PETRARCH <Parse> blocks).
#include <fmt/format.h>

#include <memory>

#include "base/error.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
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
  return {cmd, [=] {
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
