// `dyad query` and `dyad series`: read the event store that `dyad code --db` writes.
#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "base/date.h"
#include "base/error.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/store_options.h"
#include "out/output_file.h"
#include "store/backend.h"
#include "store/event_store.h"
#include "store/format.h"

namespace dyad::cli {
namespace {

const CLI::Validator kDate(
    [](std::string& s) {
      return Date::parse_iso(s) && s.size() == 10 ? std::string() : "expected a date as YYYY-MM-DD, got " + s;
    },
    "YYYY-MM-DD", "date");

std::optional<Date> date_option(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return Date::parse_iso(s);
}

// Output, with store and output errors as messages and exit code 1.
template <typename F>
int guarded(F&& f) {
  try {
    return f();
  } catch (const StoreError& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
  } catch (const OutputError& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
  }
  return exit_code::kFailure;
}

struct QueryOptions {
  std::string db, sink, cluster, from, to, format = "table", output = "-";
  EventFilter filter;
};

struct SeriesOptions {
  std::string db, sink, cluster, from, to, by = "month", dyad, country, plover, format = "csv", output = "-";
};

}  // namespace

Command add_query_command(CLI::App& app) {
  auto o = std::make_shared<QueryOptions>();
  CLI::App* cmd = app.add_subcommand("query", "List events from an event store (dyad code --db)");
  add_store_options(cmd, o->db, o->sink, o->cluster);
  cmd->add_option("--from", o->from, "Events on or after this date")->check(kDate);
  cmd->add_option("--to", o->to, "Events on or before this date")->check(kDate);
  cmd->add_option("--actor", o->filter.actor, "Actor code prefix, either side (USA, USAGOV, IGOUNO)");
  cmd->add_option("--source", o->filter.source, "Source actor code prefix");
  cmd->add_option("--target", o->filter.target, "Target actor code prefix");
  cmd->add_option("--country", o->filter.country, "Country (ISO alpha-3) of either actor");
  cmd->add_option("--source-country", o->filter.source_country, "Country of the source actor");
  cmd->add_option("--target-country", o->filter.target_country, "Country of the target actor");
  cmd->add_option("--cameo", o->filter.cameo, "CAMEO code prefix (19 = fight, 190, 193...)");
  cmd->add_option("--plover", o->filter.plover, "PLOVER category (ASSAULT, CONSULT...)");
  cmd->add_option("--quad", o->filter.quad, "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal "
                                            "conflict, 4 material conflict")
      ->check(CLI::Range(1, 4));
  cmd->add_option("--location-country", o->filter.location_country, "Country (ISO alpha-3) where the event happened");
  cmd->add_option("--location", o->filter.location, "The name of the event's place, exactly (Benghazi)");
  cmd->add_option("--text", o->filter.text, "Words that must all occur in a sentence reporting the event");
  cmd->add_option("--limit", o->filter.limit, "At most this many events; 0 = all")->capture_default_str();
  cmd->add_option("-f,--format", o->format,
                  "table (aligned columns) | csv (with a header) | jsonl (the event fields of dyad code's "
                  "JSON Lines plus num_mentions, num_sources, num_articles)")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to FILE instead of standard output")->type_name("FILE");
  cmd->footer(
      "Events are listed by date. Each is one row per (date, source, target, CAMEO code) across the store, "
      "shown with its first report.\nExample: dyad query --db events.db --country LBY --from 2024-01-01 --plover "
      "ASSAULT");
  return {cmd, [=] {
            return guarded([&] {
              auto store = open_event_queries(o->db.empty() ? o->sink : o->db, o->cluster);
              EventFilter filter = o->filter;
              filter.from = date_option(o->from);
              filter.to = date_option(o->to);
              OutputFile output(o->output);
              std::string out;
              if (o->format == "table") {
                std::vector<StoredEvent> events;
                store->query(filter, [&](const StoredEvent& e) { events.push_back(e); });
                out = format_events_table(events);
              } else {
                bool csv = o->format == "csv";
                if (csv) append_events_csv_header(out);
                store->query(filter, [&](const StoredEvent& e) {
                  if (csv) append_event_csv(e, out);
                  else append_event_jsonl(e, out);
                  if (out.size() > (1u << 20)) {
                    output.write(out);
                    out.clear();
                  }
                });
              }
              output.write(out);
              output.close();
              return exit_code::kOk;
            });
          }};
}

Command add_series_command(CLI::App& app) {
  auto o = std::make_shared<SeriesOptions>();
  CLI::App* cmd = app.add_subcommand("series", "Count events per day, week or month from an event store");
  add_store_options(cmd, o->db, o->sink, o->cluster);
  cmd->add_option("--by", o->by, "day | week (from Monday) | month")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  cmd->add_option("--dyad", o->dyad,
                  "SRC,TGT: events from SRC to TGT; each a country (ISO alpha-3) or an actor code prefix");
  cmd->add_option("--country", o->country, "Events with this country (or actor code prefix) on either side");
  cmd->add_option("--plover", o->plover, "Events of this PLOVER category");
  cmd->add_option("--from", o->from, "First day (the series starts with its period)")->check(kDate);
  cmd->add_option("--to", o->to, "Last day (the series ends with its period)")->check(kDate);
  cmd->add_option("-f,--format", o->format, "csv | json")->check(CLI::IsMember({"csv", "json"}))->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write to FILE instead of standard output")->type_name("FILE");
  cmd->footer(
      "Each period has the number of events, their mentions and articles, and the sum of their Goldstein "
      "weights.\nEvery period from --from (or the first event) to --to (or the last event) is written, those "
      "without events as zeros.\nExample: dyad series --db events.db --dyad USA,CHN --by month --from 2015-01-01");
  return {cmd, [=] {
            SeriesFilter filter;
            if (!o->dyad.empty()) {
              size_t comma = o->dyad.find(',');
              if (comma == std::string::npos || comma == 0 || comma + 1 == o->dyad.size()) {
                fmt::print(stderr, "dyad: --dyad: expected SRC,TGT, got {}\n", o->dyad);
                return exit_code::kUsage;
              }
              filter.dyad_source = o->dyad.substr(0, comma);
              filter.dyad_target = o->dyad.substr(comma + 1);
            }
            filter.country = o->country;
            filter.plover = o->plover;
            filter.from = date_option(o->from);
            filter.to = date_option(o->to);
            filter.by = o->by == "day" ? Period::kDay : o->by == "week" ? Period::kWeek : Period::kMonth;
            return guarded([&] {
              auto store = open_event_queries(o->db.empty() ? o->sink : o->db, o->cluster);
              std::string out;
              append_series(store->series(filter), o->format == "json" ? SeriesFormat::kJson : SeriesFormat::kCsv,
                            out);
              OutputFile output(o->output);
              output.write(out);
              output.close();
              return exit_code::kOk;
            });
          }};
}

}  // namespace dyad::cli
