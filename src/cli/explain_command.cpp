// `dyad explain "<sentence>"` (or --file): what the analysis sees, laid out for reading, or
// as JSON with --json.
#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "base/utf8.h"
#include "cli/commands.h"
#include "cli/dict_options.h"
#include "cli/exit_codes.h"
#include "code/coding_dictionaries.h"
#include "lang/analyzer.h"
#include "out/explain.h"
#include "text/segmenter.h"

namespace dyad::cli {

Command add_explain_command(CLI::App& app) {
  auto text = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto no_coding = std::make_shared<bool>(false);
  auto date = std::make_shared<std::string>();
  auto sources = std::make_shared<DictionarySources>();
  auto dict_format = std::make_shared<std::string>("auto");
  auto options = std::make_shared<CoderOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Show how a text is analysed and coded: roles, actors, candidate patterns, events");
  cmd->add_option("text", *text, "The sentence(s) to explain");
  cmd->add_option("--file", *file, "Explain the text of this file instead")->check(CLI::ExistingFile);
  cmd->add_flag("--json", *json, "One JSON object per sentence (the analysis) instead of the text layout");
  cmd->add_flag("--no-coding", *no_coding, "Show the analysis only");
  cmd->add_option("--date", *date, "Article date, for dated actor codes (YYYY-MM-DD)");
  cmd->add_option("--actors", sources->actors, "Actor dictionary (repeatable)")->allow_extra_args(false)->check(CLI::ExistingFile);
  cmd->add_option("--agents", sources->agents, "Agent dictionary (repeatable)")->allow_extra_args(false)->check(CLI::ExistingFile);
  cmd->add_option("--verbs", sources->verbs, "Event pattern dictionary (repeatable)")->allow_extra_args(false)->check(CLI::ExistingFile);
  cmd->add_option("--discards", sources->discards, "Discard dictionary (repeatable)")->allow_extra_args(false)->check(CLI::ExistingFile);
  cmd->add_option("--dict-format", *dict_format, "auto|native|tabari|petrarch")
      ->check(CLI::IsMember({"auto", "native", "tabari", "petrarch"}));
  cmd->add_flag("--no-default-dict", [sources](int64_t n) { sources->defaults = n == 0; },
                "Use only the dictionaries given");
  cmd->add_flag("--negated", options->emit_negated, "Show negated events too");
  cmd->add_flag("--allow-missing-target", options->allow_missing_target, "Allow events without a target");
  cmd->footer("Example:\n  dyad explain \"Senior U.S. officials met with Gen. Khalifa Haftar on Sunday, the State "
              "Department said.\"");
  return {cmd, [=] {
            Doc doc;
            doc.article.id = file->empty() ? "text" : *file;
            if (!file->empty()) {
              std::ifstream in(*file, std::ios::binary);
              std::ostringstream ss;
              ss << in.rdbuf();
              doc.article.text = ss.str();
            } else {
              doc.article.text = *text;
            }
            if (doc.article.text.empty()) {
              fmt::print(stderr, "dyad: explain needs a text or --file (see dyad explain --help)\n");
              return exit_code::kUsage;
            }
            repair_utf8(doc.article.text);
            if (!date->empty()) doc.article.date = Date::parse_iso(*date);
            std::vector<CodingNote> notes;
            bool coding = !*no_coding && !*json;
            try {
              Segmenter()(doc);
              Analyzer()(doc);
              if (coding) {
                sources->format = parse_dict_format(*dict_format);
                auto dicts = CodingDictionaries::load(*sources);
                EventCoder coder(dicts->matcher(), dicts->events(), dicts->cameo(), *options);
                coder.code(doc, &notes);
              }
            } catch (const std::exception& e) {
              fmt::print(stderr, "dyad: {}\n", e.what());
              return exit_code::kFailure;
            }
            std::string out;
            if (*json) explain_json(doc, out);
            else explain_text(doc, out, coding ? &notes : nullptr);
            fmt::print("{}", out);
            return exit_code::kOk;
          }};
}

}  // namespace dyad::cli
