#pragma once
// What every event store answers, whatever the database: the SQLite file (EventStore,
// docs/store.md) and ClickHouse (ClickHouseStore, docs/clickhouse.md) give the same answers
// for the same input. dyad query, dyad series and dyad serve read through EventQueries.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/span.h"
#include "code/event.h"

namespace dyad {

struct StoreCounts {
  uint64_t articles = 0, events = 0, mentions = 0, sentences = 0;
  friend bool operator==(const StoreCounts&, const StoreCounts&) = default;
};

// What add() did with a batch.
struct AddResult {
  uint64_t added = 0;      // new article ids
  uint64_t replaced = 0;   // ids stored before with other content: the old version was removed
  uint64_t unchanged = 0;  // same id and content already stored: nothing written
};

// How events are listed: by date (undated last), Goldstein weight or mentions, ascending or
// descending; ties by store id in the same direction.
enum class EventSort { kDate, kDateDescending, kGoldstein, kGoldsteinDescending, kMentions, kMentionsDescending };

// Which events `dyad query` lists. Empty strings and unset values do not filter.
struct EventFilter {
  std::optional<Date> from, to;   // event date, inclusive
  std::string actor;              // actor code prefix, either side
  std::string source, target;     // actor code prefixes
  std::string country;            // ISO alpha-3 of either side's actor
  std::string source_country, target_country;
  std::string cameo;              // CAMEO code prefix
  std::string plover;             // PLOVER category
  int quad = 0;                   // quad class 1..4
  std::string location_country;   // ISO alpha-3 of the event's place
  std::string location;           // the name of the event's place, exactly
  std::string text;               // words that must all occur in a sentence reporting the event
  // Which of the matching events, in what order (query() only).
  uint64_t limit = 100;           // 0: all
  uint64_t offset = 0;            // passed over first
  EventSort sort = EventSort::kDate;
};

// An event row with the facts of its first mention (the earliest stored article reporting it).
struct StoredEvent {
  int64_t id = 0;
  std::string date;  // "" when unknown
  std::string source_code, source_country, source_roles, target_code, target_country, target_roles;
  std::string cameo, root_code, plover, plover_mode;
  int quad = 0;
  double goldstein = 0;
  bool has_location = false;
  std::string location_name, location_country, location_admin1, location_feature;
  double location_lat = 0, location_lon = 0;
  uint64_t location_geonameid = 0;
  uint64_t num_mentions = 0, num_sources = 0, num_articles = 0;
  bool is_root = false;
  // The first mention. Its spans are byte offsets into the article; the sentence starts at
  // `sentence_begin` ("" and 0 when the sentence was not stored).
  std::string event_id, article_id, outlet, url, sentence;
  uint32_t sentence_index = 0, sentence_begin = 0;
  std::string trigger_text, source_text, target_text, source_rule, target_rule, date_expression;
  Span trigger_span, source_span, target_span, date_span;
  Span location_span;        // where the first report names the place (empty when it has none)
  std::string location_how;  // clause, actor or dateline
  std::string rule, note;
  double confidence = 0;
};

// One article's report of an event (a mention), for an event's evidence. Spans are byte offsets
// into the article, the sentence starting at `sentence_begin`; empty when absent.
struct StoredReport {
  std::string article_id, outlet, url, title, published;  // published: "" when unknown
  std::string event_id, sentence;
  uint32_t sentence_index = 0, sentence_begin = 0;
  std::string trigger_text, source_text, target_text, date_text;
  Span trigger_span, source_span, target_span, date_span;
  std::string source_rule, target_rule, rule, note;
  double confidence = 0;
  uint64_t mentions = 0;  // how often the article reports it
  bool is_root = false;
  std::optional<EventPlace> place;  // with its span and how it was found
};

enum class Period { kDay, kWeek, kMonth };

// Which events `dyad series` counts. The dyad sides and the country match an actor's country
// (ISO alpha-3) or a prefix of its code ("USA" matches USAGOV; "IGOUNO" the UN).
struct SeriesFilter {
  std::optional<Date> from, to;
  std::string dyad_source, dyad_target;  // both set, or neither: source → target (directed)
  std::string country;                   // either side
  std::string plover;
  Period by = Period::kMonth;
};

struct SeriesPoint {
  std::string period;  // "2019-11-25" (day; week: its Monday), "2019-11" (month)
  uint64_t events = 0, mentions = 0, articles = 0;
  double goldstein = 0;  // the sum of the events' Goldstein weights
};

// Dated events per period split by quad class (index 0 = quad class 1).
struct QuadPoint {
  std::string period;
  uint64_t events[4] = {0, 0, 0, 0};
  double goldstein[4] = {0, 0, 0, 0};
};

struct Timeline {
  std::vector<QuadPoint> periods;  // zero-filled
  bool too_many_periods = false;   // more than asked for: none are given
};

// Events, their mentions and the sum of their Goldstein weights, per actor, dyad or place.
struct Tally {
  uint64_t events = 0, mentions = 0;
  double goldstein = 0;
};
struct ActorTally : Tally {
  std::string code, country;
};
struct DyadTally : Tally {
  std::string source, target;
};
struct PlaceTally : Tally {
  std::string name, country;
  double lat = 0, lon = 0;
};
enum class Side { kEither, kSource, kTarget };

struct StoreStatus {
  StoreCounts counts;
  std::string first_date, last_date;  // "" when no event is dated
};

// The first day of the period that holds `d` (a week starts on Monday), and its label.
Date period_start(const Date& d, Period by);
std::string period_label(const Date& start, Period by);
Date next_period(const Date& start, Period by);
// The periods from the one holding `first` to the one holding `last`, counted up to `most` + 1.
size_t count_periods(const Date& first, const Date& last, Period by, size_t most);

// Points summed by period (keyed by the period's first day) as a zero-filled list from the
// period holding `from` (or the first point) to the one holding `to` (or the last), each
// labelled; nullopt when that is more than `max_periods` periods.
template <typename Point>
std::optional<std::vector<Point>> zero_filled(const std::map<Date, Point>& by_period, const std::optional<Date>& from,
                                              const std::optional<Date>& to, Period by, size_t max_periods) {
  std::vector<Point> out;
  if (by_period.empty() && !(from && to)) return out;
  Date first = period_start(from ? *from : by_period.begin()->first, by);
  Date last = period_start(to ? *to : by_period.rbegin()->first, by);
  size_t periods = count_periods(first, last, by, max_periods);
  if (periods > max_periods) return std::nullopt;
  out.reserve(periods);
  for (Date p = first; p <= last; p = next_period(p, by)) {
    auto it = by_period.find(p);
    Point point = it != by_period.end() ? it->second : Point();
    point.period = period_label(p, by);
    out.push_back(std::move(point));
  }
  return out;
}

// The reading side of a store. Event ids are the store's own: each store numbers its events
// its own way, so an id read from one store means nothing to another.
class EventQueries {
 public:
  virtual ~EventQueries() = default;

  // Calls `row` for each matching event in the filter's order, from its offset up to its limit.
  virtual void query(const EventFilter& filter, const std::function<void(const StoredEvent&)>& row) = 0;
  // How many events match (the filter's limit, offset and order aside).
  virtual uint64_t count(const EventFilter& filter) = 0;
  // One event with its first report, and every report of it, first report first (at most
  // `max_reports`).
  virtual std::optional<StoredEvent> event(int64_t id) = 0;
  virtual std::vector<StoredReport> reports(int64_t id, size_t max_reports) = 0;

  // Zero-filled: every period from `from` (or the first event) to `to` (or the last event).
  virtual std::vector<SeriesPoint> series(const SeriesFilter& filter) = 0;
  // The same, nullopt when it would have more than `max_periods` periods.
  virtual std::optional<std::vector<SeriesPoint>> series(const SeriesFilter& filter, size_t max_periods) = 0;
  // Aggregates of the matching events; the filter's limit, offset and order do not apply.
  // Undated events are not in a timeline; it is zero-filled from `from` (or the first period
  // with events) to `to` (or the last), with at most `max_periods` periods.
  virtual Timeline timeline(const EventFilter& filter, Period by, size_t max_periods) = 0;
  // By events, most first (ties by code); an event with the actor on both sides counts once.
  virtual std::vector<ActorTally> top_actors(const EventFilter& filter, Side side, size_t limit) = 0;
  // Source → target pairs of the events that have a target, by events, most first.
  virtual std::vector<DyadTally> top_dyads(const EventFilter& filter, size_t limit) = 0;
  // The events that have a place, grouped by place (name, latitude, longitude), most first.
  virtual std::vector<PlaceTally> places(const EventFilter& filter, size_t limit) = 0;
  // What the store holds, and its first and last event dates.
  virtual StoreStatus status() = 0;
  // EventFilter::text is answered (the SQLite store without its full-text index cannot).
  virtual bool full_text_search() const = 0;

  // For a reader that answers many requests (dyad serve): everything read between
  // begin_read() and end_read() comes from one snapshot where the store has them; past the
  // deadline a query throws StoreInterrupted.
  virtual void begin_read() {}
  virtual void end_read() {}
  virtual void set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline) = 0;
};

}  // namespace dyad
