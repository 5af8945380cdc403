// `dyad explain "<sentence>"` (or --file): what the analysis sees, laid out for reading, or
// as JSON with --json.
#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "base/utf8.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "lang/analyzer.h"
#include "out/explain.h"
#include "text/segmenter.h"

namespace dyad::cli {

Command add_explain_command(CLI::App& app) {
  auto text = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("explain", "Show tags, lemmas, phrases and clause roles of a text");
  cmd->add_option("text", *text, "The sentence(s) to explain");
  cmd->add_option("--file", *file, "Explain the text of this file instead")->check(CLI::ExistingFile);
  cmd->add_flag("--json", *json, "One JSON object per sentence instead of the text layout");
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
            try {
              Segmenter()(doc);
              Analyzer()(doc);
            } catch (const std::exception& e) {
              fmt::print(stderr, "dyad: {}\n", e.what());
              return exit_code::kFailure;
            }
            std::string out;
            if (*json) explain_json(doc, out);
            else explain_text(doc, out);
            fmt::print("{}", out);
            return exit_code::kOk;
          }};
}

}  // namespace dyad::cli
