#pragma once
// Event coding against gold data, scored exactly as the shared scorers score (so the figures
// agree with ../shared/tools/petrarch_records.py and score_plover_gsr.py run on the events
// dyad writes):
//  - PETRARCH validation records (XML with <Sentence> and <EventCoding>): a record is right
//    when its set of (source, target, CAMEO) triples equals the gold set;
//  - PLOVER gold sentences (JSON array): coded / category / dyad per record, event precision;
//  - native gold JSON Lines: {"id", "date", "text", "events": [{"source", "target", "cameo"}]},
//    scored like the PETRARCH records, and per CAMEO root.
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ingest/article.h"

namespace dyad {

using EventTriple = std::tuple<std::string, std::string, std::string>;  // source, target, cameo ("---" = none)

struct GoldRecord {
  std::string id, date, text, category;
  std::set<EventTriple> events;
  bool set_aside = false;  // error markers or free-text actors: reported apart, not scored
  // PLOVER gold: category (2016 names mapped to PLOVER 2.0) and first-three-letter actor codes.
  std::string plover;
  std::set<std::string> plover_sources, plover_targets;
};

struct GoldSet {
  std::vector<GoldRecord> records;
  std::map<std::string, std::string> environment;  // PETRARCH <Environment>: Verbfile -> path ...
};

GoldSet read_petrarch_records(const std::string& path);  // throws InputError
GoldSet read_plover_gold(const std::string& path);
GoldSet read_native_gold(const std::string& path);

// What a run coded, per record id: (source, target, cameo, plover) of each event.
struct CodedEvent {
  std::string source, target, cameo, plover;  // "" when absent
};
using CodedEvents = std::map<std::string, std::vector<CodedEvent>>;

struct ExactScores {
  size_t scored = 0, exact = 0, set_aside = 0;
  std::map<std::string, std::pair<size_t, size_t>> per_category;  // exact, records
  std::vector<std::string> misses;
  std::string report() const;  // ends with the summary line, as petrarch_records.py prints it
};
ExactScores score_exact(const GoldSet& gold, const CodedEvents& got, bool misses);

struct PloverScores {
  size_t records = 0, coded = 0, category = 0, dyad = 0, events = 0, events_right = 0;
  std::map<std::string, std::pair<size_t, size_t>> per_category;  // category hits, records
  std::vector<std::string> misses;
  std::string report() const;  // ends with the summary line, as score_plover_gsr.py prints it
};
PloverScores score_plover(const GoldSet& gold, const CodedEvents& got, bool misses);

// The gold records as articles, in order.
std::vector<Article> gold_articles(const GoldSet& gold);

}  // namespace dyad
