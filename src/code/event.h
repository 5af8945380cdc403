#pragma once
// Coded events, attached to a Doc as doc.ext<Events>().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/span.h"
#include "dict/actor_resolver.h"

namespace dyad {

// Where an event happened: a gazetteer place (GeoNames) or a country (enrich: PlaceResolver).
struct EventPlace {
  std::string name;      // "Tripoli", or the country's name
  std::string country;   // ISO 3166-1 alpha-3
  std::string country_name;  // "Libya"
  std::string admin1;    // GeoNames ADM1 code ("" for a country)
  double lat = 0, lon = 0;
  std::string feature;   // GeoNames feature code: "PPLC", "PPLA", "PPL"...; "PCLI" for a country
  uint64_t geonameid = 0;  // 0 for a country
  Span span;             // the place name in the article's text
  std::string how;       // "clause" (in/at/near X), "actor" (a place named as actor), "dateline"
};

struct Event {
  uint32_t sentence = 0;        // index into Doc::sentences
  uint32_t clause = 0;          // index into Analysis::clauses (or the phrase for a nominal trigger)
  std::string cameo;
  std::optional<Actor> source, target;
  Span trigger;                 // the verb group (with particle) or the trigger noun
  std::string rule;             // dictionary file:line of the pattern
  bool negated = false;
  double confidence = 0;
  std::optional<Date> date;     // resolved event date (the article's until dates are resolved)
  std::string date_text;        // ISO date written to output, "" when unknown
  Span date_span;               // the time expression the date came from (empty when the article date)
  std::optional<Actor> reported_by;  // the speaker when the event is reported speech
  std::string note;             // how the code was derived ("intent: vowed", "visit pair")
  bool nominal = false;         // from a noun trigger rather than the clause's verb
  bool legacy = false;          // from a PETRARCH/TABARI pattern (coded as those coders do)
  std::string source_rule, target_rule;  // dictionary lines of the actors ("dict/agents.txt:40")
  uint32_t mentions = 1;        // how often the article reports it (enrich: EventMerger)
  bool root = false;            // first reported in the article's lead (GDELT's IsRootEvent)
  std::optional<EventPlace> place;  // where it happened, when the text says (enrich: PlaceResolver)
};

struct Events {
  std::vector<Event> events;
};

}  // namespace dyad
