#pragma once
// The event store: coded articles in one SQLite file (docs/store.md), with GDELT-style event
// rows counted across articles, their mentions, and the sentences they came from. One writer
// at a time; readers (dyad query, dyad series) may read while it writes (WAL).
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "code/event.h"
#include "store/sqlite.h"
#include "text/doc.h"

namespace dyad {

// A stored sentence's rowid is the article's row times this plus the sentence index. (Sentences
// past the millionth of an article, if any, keep their events but not their text.)
inline constexpr uint32_t kMaxSentences = 1u << 20;

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


class EventStore {
 public:
  // Opens the store, creating the file and its schema unless read-only. Throws StoreError.
  explicit EventStore(const std::string& path, bool read_only = false);
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // What identifies an article's content: a hash of its text and metadata.
  static std::string content_hash(const Article& article);
  // The store holds this article id with the same content (coding it again would add nothing).
  bool holds(const Article& article);
  // Writes coded docs in one transaction. An id stored with other content is replaced.
  AddResult add(const std::vector<Doc>& docs);

  StoreCounts counts();
  bool full_text_search() const { return fts_; }

  // Calls `row` for each matching event in the filter's order, from its offset up to its limit.
  void query(const EventFilter& filter, const std::function<void(const StoredEvent&)>& row);
  // How many events match (the filter's limit, offset and order aside).
  uint64_t count(const EventFilter& filter);
  // One event with its first report, and every report of it, first report first (at most
  // `max_reports`).
  std::optional<StoredEvent> event(int64_t id);
  std::vector<StoredReport> reports(int64_t id, size_t max_reports);

  // Aggregates of the matching events (aggregate.cpp); the filter's limit, offset and order
  // do not apply. Undated events are not in a timeline; it is zero-filled from `from` (or the
  // first period with events) to `to` (or the last), with at most `max_periods` periods.
  Timeline timeline(const EventFilter& filter, Period by, size_t max_periods);
  // By events, most first (ties by code); an event with the actor on both sides counts once.
  std::vector<ActorTally> top_actors(const EventFilter& filter, Side side, size_t limit);
  // Source → target pairs of the events that have a target, by events, most first.
  std::vector<DyadTally> top_dyads(const EventFilter& filter, size_t limit);
  // The events that have a place, grouped by place (name, latitude, longitude), most first.
  std::vector<PlaceTally> places(const EventFilter& filter, size_t limit);
  // What the store holds, and its first and last event dates.
  StoreStatus status();

  // For a reader that answers many requests (dyad serve): everything read between
  // begin_read() and end_read() comes from one snapshot of the store; counts are kept for as
  // long as the store is unchanged; past the deadline a query throws StoreInterrupted.
  void begin_read();
  void end_read();
  void set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline);
  // Zero-filled: every period from `from` (or the first event) to `to` (or the last event).
  std::vector<SeriesPoint> series(const SeriesFilter& filter);
  // The same, nullopt when it would have more than `max_periods` periods.
  std::optional<std::vector<SeriesPoint>> series(const SeriesFilter& filter, size_t max_periods);

  // PRAGMA integrity_check: "ok" or SQLite's findings.
  std::string integrity_check();

 private:
  struct Statements;
  struct EventDelta;
  void create_schema();
  void prepare_statements();
  void remove_article(int64_t rowid);
  void add_doc(const Doc& doc, const std::string& hash, std::map<int64_t, EventDelta>& deltas);
  void flush_deltas(std::map<int64_t, EventDelta>& deltas);

  // A statement compiled once per connection for each SQL text (filters give a few shapes).
  sql::Statement& cached(const std::string& sql);
  // Forgets the counts kept when another connection changed the store.
  void check_data_version();
  void read_events(sql::Statement& st, StoredEvent& buffer, const std::function<void(const StoredEvent&)>& row);

  std::string path_;
  sql::Database db_;
  bool fts_ = false;
  std::unique_ptr<Statements> st_;  // compiled once, on first write
  // The rows of recently stored events by key (date, codes, CAMEO code): the news repeats
  // itself, and a lookup in memory is cheaper than in the index. Cleared when rows may go.
  static constexpr size_t kEventIdsCached = 1 << 16;
  std::unordered_map<std::string, int64_t> event_ids_;
  // Reading (dyad serve).
  std::unordered_map<std::string, sql::Statement> statements_;
  std::unordered_map<std::string, uint64_t> counts_;  // by SQL text and values
  std::optional<StoreStatus> status_;
  int64_t data_version_ = -1;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

// The first day of the period that holds `d` (a week starts on Monday), and its label.
Date period_start(const Date& d, Period by);
std::string period_label(const Date& start, Period by);
Date next_period(const Date& start, Period by);
// The periods from the one holding `first` to the one holding `last`, counted up to `most` + 1.
size_t count_periods(const Date& first, const Date& last, Period by, size_t most);

}  // namespace dyad
