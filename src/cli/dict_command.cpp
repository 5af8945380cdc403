// `dyad dict`: load dictionaries and report what they gave (load), check them (lint), write them
// in the native format (convert), and show what a text resolves to (actors).
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "base/error.h"
#include "cli/commands.h"
#include "cli/dict_options.h"
#include "cli/exit_codes.h"
#include "code/coding_dictionaries.h"
#include "dict/actor_resolver.h"
#include "dict/tools.h"
#include "lang/english_model.h"
#include "text/segmenter.h"

namespace dyad::cli {
namespace {

void print_reports(const std::vector<LoadReport>& reports, size_t max_rejections) {
  for (const auto& r : reports) {
    fmt::print("{}: {} {}, {} entries, {} names, {} lines rejected\n", r.file, format_name(r.format),
               r.format == DictFormat::kNative ? "dictionary" : role_name(r.role), r.entries, r.names, r.rejected.size());
    for (size_t i = 0; i < r.rejected.size() && i < max_rejections; ++i)
      fmt::print("  line {}: {}{}{}\n", r.rejected[i].line, r.rejected[i].reason, r.rejected[i].text.empty() ? "" : ": ",
                 r.rejected[i].text);
    if (r.rejected.size() > max_rejections) fmt::print("  ... {} more\n", r.rejected.size() - max_rejections);
  }
}

}  // namespace

Command add_dict_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("dict", "Load, check, convert dictionaries; resolve actors in a text");
  cmd->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("auto");
  auto role = std::make_shared<std::string>("auto");
  auto all = std::make_shared<bool>(false);
  auto out_dir = std::make_shared<std::string>();
  auto text = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto add_file_options = [&](CLI::App* sub, bool files_required) {
    auto* opt = sub->add_option("files", *files, "Dictionary files (default: dyad's defaults)")->check(CLI::ExistingFile);
    if (files_required) opt->required();
    sub->add_option("--format", *format, "auto|native|tabari|petrarch")
        ->check(CLI::IsMember({"auto", "native", "tabari", "petrarch"}))
        ->capture_default_str();
    sub->add_option("--role", *role, "What a TABARI/PETRARCH file holds: auto|actors|agents|discards|issues|verbs")
        ->check(CLI::IsMember({"auto", "actors", "agents", "discards", "issues", "verbs"}))
        ->capture_default_str();
  };
  CLI::App* load = cmd->add_subcommand("load", "Load dictionaries and report entries loaded and lines rejected");
  add_file_options(load, false);
  load->add_flag("--all", *all, "List every rejected line (default: the first 10 of each file)");
  CLI::App* lint_cmd = cmd->add_subcommand(
      "lint", "Report duplicates, conflicting codes, overlapping dates, unknown codes, unreachable entries");
  add_file_options(lint_cmd, false);
  CLI::App* convert = cmd->add_subcommand("convert", "Write dictionaries in the native format into a directory");
  add_file_options(convert, true);
  convert->add_option("--out", *out_dir, "Directory to write into (created if missing)")->required();
  CLI::App* actors = cmd->add_subcommand("actors", "Show the actors a text names, with codes and dictionary lines");
  actors->add_option("text", *text, "The text")->required();
  actors->add_option("--dict", *files, "Dictionary files instead of the defaults (repeatable)")->allow_extra_args(false)->check(CLI::ExistingFile);
  actors->add_option("--format", *format, "auto|native|tabari|petrarch")
      ->check(CLI::IsMember({"auto", "native", "tabari", "petrarch"}));
  actors->add_option("--date", *date, "The article date that picks dated codes (YYYY-MM-DD)");

  return {cmd, [=] {
            try {
              DictFormat f = parse_dict_format(*format);
              DictRole r = parse_dict_role(*role);
              Dictionary dict;
              std::vector<LoadReport> reports;
              auto started = std::chrono::steady_clock::now();
              EventDictionary events;  // event patterns, for load: native and verb files
              std::vector<LoadReport> event_reports;
              auto load_events = [&](const std::string& file, DictFormat ef) {
                auto rep = events.load(file, ef);
                for (auto& x : rep)
                  if (x.entries || !x.rejected.empty()) event_reports.push_back(std::move(x));
              };
              if (files->empty()) {
                reports = dict.load(Dictionary::default_path());
                if (load->parsed()) load_events(CodingDictionaries::default_verbs_path(), DictFormat::kNative);
              } else {
                for (const auto& file : *files) {
                  auto rep = dict.load(file, f, r);
                  bool events_too = !rep.empty() && (rep.front().format == DictFormat::kNative ||
                                                     rep.front().role == DictRole::kVerbs);
                  if (events_too && (load->parsed() || convert->parsed())) {
                    load_events(file, rep.front().format);
                    if (rep.front().role == DictRole::kVerbs) rep.erase(rep.begin());  // reported as patterns
                  }
                  reports.insert(reports.end(), rep.begin(), rep.end());
                }
              }
              double load_seconds =
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
              if (load->parsed()) {
                print_reports(reports, *all ? SIZE_MAX : 10);
                for (const auto& rep : event_reports) {
                  fmt::print("{}: {} event patterns ({} words), {} lines rejected\n", rep.file, rep.entries, rep.names,
                             rep.rejected.size());
                  size_t max = *all ? SIZE_MAX : 10;
                  for (size_t i = 0; i < rep.rejected.size() && i < max; ++i)
                    fmt::print("  line {}: {}{}{}\n", rep.rejected[i].line, rep.rejected[i].reason,
                               rep.rejected[i].text.empty() ? "" : ": ", rep.rejected[i].text);
                  if (rep.rejected.size() > max) fmt::print("  ... {} more\n", rep.rejected.size() - max);
                }
                size_t entries = 0, names = 0, rejected = 0;
                for (const auto& rep : reports) {
                  entries += rep.entries;
                  names += rep.names;
                  rejected += rep.rejected.size();
                }
                for (const auto& rep : event_reports) rejected += rep.rejected.size();
                // Compiled as the coder compiles it: the load time users wait for.
                auto compile_start = std::chrono::steady_clock::now();
                Matcher matcher(dict, {&EnglishModel::shared()});
                double total_seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
                double compile_seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - compile_start).count();
                struct rusage usage {};
                getrusage(RUSAGE_SELF, &usage);
                fmt::print("total: {} files, {} entries, {} names ({} compiled), {} event patterns, {} lines rejected; "
                           "read in {:.3f} s, matcher compiled in {:.3f} s, {:.3f} s in all; peak RSS {:.0f} MB\n",
                           reports.size() + event_reports.size(), entries, names, matcher.name_count(),
                           events.patterns().size(), rejected, load_seconds,
                           compile_seconds, total_seconds, static_cast<double>(usage.ru_maxrss) / 1024.0);
                return exit_code::kOk;
              }
              if (lint_cmd->parsed()) {
                auto findings = lint(dict);
                std::map<std::string, size_t> counts;
                for (const auto& fnd : findings) {
                  fmt::print("{}: {}: {}\n", fnd.where, fnd.category, fnd.message);
                  ++counts[fnd.category];
                }
                std::string summary;
                for (const auto& [k, v] : counts) summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", v, k);
                fmt::print("lint: {} findings{}{}\n", findings.size(), summary.empty() ? "" : ": ", summary);
                return exit_code::kOk;
              }
              if (convert->parsed()) {
                std::filesystem::create_directories(*out_dir);
                for (size_t fi = 0; fi < dict.files().size(); ++fi) {
                  if (std::none_of(dict.entries().begin(), dict.entries().end(),
                                   [&](const Entry& e) { return e.file == fi; }))
                    continue;  // nothing of it is an actor entry (a verb file)
                  std::string base = std::filesystem::path(dict.files()[fi]).filename().string();
                  std::string target = (std::filesystem::path(*out_dir) / (base + ".txt")).string();
                  std::ofstream out(target);
                  if (!out) throw OutputError(target + ": cannot create");
                  out << "# Converted by dyad dict convert from " << dict.files()[fi] << "\n";
                  size_t n = 0;
                  for (const Entry& e : dict.entries()) {
                    if (e.file != fi) continue;
                    out << native_line(e) << "  # " << base << ":" << e.line << "\n";
                    ++n;
                  }
                  fmt::print("{} -> {} ({} entries)\n", dict.files()[fi], target, n);
                }
                // Event patterns (PETRARCH CAMEO and TABARI .verbs files), synonym sets written out.
                for (size_t fi = 0; fi < events.files().size(); ++fi) {
                  size_t n = 0;
                  for (const EventPattern& p : events.patterns()) n += p.file == fi;
                  if (n == 0) continue;
                  std::string base = std::filesystem::path(events.files()[fi]).filename().string();
                  std::string target = (std::filesystem::path(*out_dir) / (base + ".txt")).string();
                  std::ofstream out(target);
                  if (!out) throw OutputError(target + ": cannot create");
                  out << "# Converted by dyad dict convert from " << events.files()[fi] << " (format: docs/events.md)\n";
                  for (const EventPattern& p : events.patterns())
                    if (p.file == fi) out << native_pattern_line(p) << "  # " << base << ":" << p.line << "\n";
                  fmt::print("{} -> {} ({} event patterns)\n", events.files()[fi], target, n);
                }
                return exit_code::kOk;
              }
              // actors
              Matcher matcher(dict, {&EnglishModel::shared()});
              ActorResolver resolver(matcher);
              Doc doc;
              doc.article.text = *text;
              Segmenter()(doc);
              std::optional<Date> d = date->empty() ? std::nullopt : Date::parse_iso(*date);
              resolver.begin_article(d);
              std::vector<Actor> found;
              resolver.resolve(doc, 0, static_cast<uint32_t>(doc.tokens.size()), found);
              for (const Actor& a : found) {
                fmt::print("{:<14} {:<40} {}", a.code, doc.text_of(a.span),
                           a.entry >= 0 ? dict.origin(dict.entries()[static_cast<size_t>(a.entry)]) : "");
                if (a.agent >= 0) fmt::print(" + {}", dict.origin(dict.entries()[static_cast<size_t>(a.agent)]));
                fmt::print("\n");
              }
              if (found.empty()) fmt::print("no actors\n");
              return exit_code::kOk;
            } catch (const std::exception& e) {
              fmt::print(stderr, "dyad: {}\n", e.what());
              return exit_code::kFailure;
            }
          }};
}

}  // namespace dyad::cli
