// Reading the store: the event list of `dyad query` and the time series of `dyad series`.
// Every value is bound to a parameter; only fixed SQL fragments are joined together.
#include <fmt/format.h>

#include <cctype>
#include <map>
#include <unordered_map>

#include "store/event_sql.h"
#include "store/event_store.h"

namespace dyad {
namespace {

using store_sql::EventConditions;
using store_sql::Where;

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Span span_of(const sql::Statement& st, int begin_col) {
  if (st.is_null(begin_col)) return {};
  return {static_cast<uint32_t>(st.int64(begin_col)), static_cast<uint32_t>(st.int64(begin_col + 1))};
}

// The sentences as a plain table: FTS5 keeps each row's columns in its content table, and a
// seek by id there costs a fraction of a rowid lookup through the virtual table. The table, its
// text and begin columns; rows are keyed by `id`.
struct SentenceTable {
  const char *table, *text, *begin;
};
SentenceTable sentence_table(bool fts) {
  if (fts) return {"sentences_content", "c0", "c3"};
  return {"sentences", "text", "\"begin\""};
}

// Events looked up by id in one statement.
constexpr int kEventsAtOnce = 64;

// "?1, ?2, ..., ?64"
std::string ids_placeholders() {
  std::string s;
  for (int i = 1; i <= kEventsAtOnce; ++i) s += fmt::format("{}?{}", i > 1 ? ", " : "", i);
  return s;
}

// Events (by id, up to kEventsAtOnce) with their first report: the columns read_events() reads.
std::string event_sql(bool fts) {
  SentenceTable t = sentence_table(fts);
  return fmt::format(
      "SELECT e.id, e.date, e.source_code, e.source_country, e.source_roles, e.target_code, e.target_country, "
      "e.target_roles, e.cameo, e.root_code, e.plover, e.plover_mode, e.quad_class, e.goldstein, e.location_name, "
      "e.location_country, e.location_admin1, e.location_lat, e.location_lon, e.location_feature, "
      "e.location_geonameid, e.num_mentions, e.num_sources, e.num_articles, e.is_root, m.event_id, a.article_id, "
      "a.outlet, a.url, s.{1}, m.sentence_index, m.trigger_text, m.trigger_begin, m.trigger_end, m.source_text, "
      "m.source_begin, m.source_end, m.source_rule, m.target_text, m.target_begin, m.target_end, m.target_rule, "
      "m.date_text, m.date_begin, m.date_end, m.rule, m.note, m.confidence, m.location_begin, m.location_end, "
      "m.location_how, s.{2} "
      "FROM events e JOIN mentions m ON m.article = e.first_article AND m.event = e.id JOIN articles a ON a.id = "
      "m.article LEFT JOIN {0} s ON s.id = m.article * {3} + m.sentence_index WHERE e.id IN ({4})",
      t.table, t.text, t.begin, kMaxSentences, ids_placeholders());
}

// The ids of a page of matching events (and the columns they are sorted by), sorted; the
// values to bind are added to `values`, LIMIT and OFFSET after them when `paged`.
std::string page_sql(const EventConditions& c, const EventFilter& f, std::vector<std::string>& values, bool& paged) {
  std::string columns = "SELECT id, ";
  columns += store_sql::order_columns(f.sort, c.dated_only);
  columns += " FROM events";
  std::string sql;
  if (c.alternatives.empty()) {
    sql = columns + c.all.sql();
    values = c.all.values();
  } else {
    for (const Where& alternative : c.alternatives) {
      if (!sql.empty()) sql += " UNION ";
      sql += columns;
      sql += alternative.sql();
      values.insert(values.end(), alternative.values().begin(), alternative.values().end());
    }
  }
  sql += " ORDER BY ";
  sql += store_sql::order_terms(f.sort, c.dated_only);
  paged = f.limit || f.offset;
  if (paged) sql += " LIMIT ? OFFSET ?";
  return sql;
}

}  // namespace

sql::Statement& EventStore::cached(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) it = statements_.emplace(sql, db_.prepare(sql)).first;
  it->second.reset();
  return it->second;
}

void EventStore::read_events(sql::Statement& st, StoredEvent& e, const std::function<void(const StoredEvent&)>& row) {
  // Into the same event, row after row: its strings keep their memory.
  while (st.step()) {
    e.id = st.int64(0);
    st.text(1, e.date);
    st.text(2, e.source_code);
    st.text(3, e.source_country);
    st.text(4, e.source_roles);
    st.text(5, e.target_code);
    st.text(6, e.target_country);
    st.text(7, e.target_roles);
    st.text(8, e.cameo);
    st.text(9, e.root_code);
    st.text(10, e.plover);
    st.text(11, e.plover_mode);
    e.quad = static_cast<int>(st.int64(12));
    e.goldstein = st.real(13);
    e.has_location = !st.is_null(14);
    st.text(14, e.location_name);
    st.text(15, e.location_country);
    st.text(16, e.location_admin1);
    e.location_lat = st.real(17);
    e.location_lon = st.real(18);
    st.text(19, e.location_feature);
    e.location_geonameid = static_cast<uint64_t>(st.int64(20));
    e.num_mentions = static_cast<uint64_t>(st.int64(21));
    e.num_sources = static_cast<uint64_t>(st.int64(22));
    e.num_articles = static_cast<uint64_t>(st.int64(23));
    e.is_root = st.int64(24) != 0;
    st.text(25, e.event_id);
    st.text(26, e.article_id);
    st.text(27, e.outlet);
    st.text(28, e.url);
    st.text(29, e.sentence);
    e.sentence_index = static_cast<uint32_t>(st.int64(30));
    st.text(31, e.trigger_text);
    e.trigger_span = span_of(st, 32);
    st.text(34, e.source_text);
    e.source_span = span_of(st, 35);
    st.text(37, e.source_rule);
    st.text(38, e.target_text);
    e.target_span = span_of(st, 39);
    st.text(41, e.target_rule);
    st.text(42, e.date_expression);
    e.date_span = span_of(st, 43);
    st.text(45, e.rule);
    st.text(46, e.note);
    e.confidence = st.real(47);
    e.location_span = st.is_null(50) ? Span{} : span_of(st, 48);
    st.text(50, e.location_how);
    e.sentence_begin = static_cast<uint32_t>(st.int64(51));
    row(e);
  }
}

void EventStore::query(const EventFilter& f, const std::function<void(const StoredEvent&)>& row) {
  EventConditions c = store_sql::event_conditions(f, fts_);
  std::vector<std::string> values;
  bool paged = false;
  std::vector<int64_t> ids;
  {
    sql::Statement& page = cached(page_sql(c, f, values, paged));
    sql::ResetOnExit reset(page);
    int next = 1;
    for (const std::string& v : values) page.bind(next++, v);
    if (paged) {
      // LIMIT -1: no limit (an offset alone).
      page.bind(next++, f.limit ? static_cast<int64_t>(f.limit) : int64_t{-1});
      page.bind(next, f.offset);
    }
    while (page.step()) ids.push_back(page.int64(0));
  }
  // The events with their first report, a batch of ids at a time, given in the page's order:
  // joined and sorted again in SQL, the wide rows would cost twice as much.
  sql::Statement& batch = cached(event_sql(fts_));
  sql::ResetOnExit reset(batch);
  std::vector<StoredEvent> rows(kEventsAtOnce);
  StoredEvent buffer;
  for (size_t first = 0; first < ids.size(); first += kEventsAtOnce) {
    size_t n = std::min<size_t>(kEventsAtOnce, ids.size() - first);
    batch.reset();
    for (size_t i = 0; i < kEventsAtOnce; ++i) {
      if (i < n) batch.bind(static_cast<int>(i + 1), ids[first + i]);
      else batch.bind_null(static_cast<int>(i + 1));
    }
    std::vector<bool> found(n, false);
    read_events(batch, buffer, [&](const StoredEvent& read) {
      for (size_t i = 0; i < n; ++i)
        if (ids[first + i] == read.id) {
          rows[i] = read;
          found[i] = true;
          break;
        }
    });
    for (size_t i = 0; i < n; ++i)
      if (found[i]) row(rows[i]);
  }
}

uint64_t EventStore::count(const EventFilter& f) {
  EventConditions c = store_sql::event_conditions(f, fts_);
  std::string sql = "SELECT count(*) FROM events";
  sql += c.all.sql();
  // The same filter over the same store counts the same: paging through a filter counts once.
  check_data_version();
  std::string key = sql;
  for (const std::string& v : c.all.values()) {
    key.push_back('\0');
    key += v;
  }
  if (auto known = counts_.find(key); known != counts_.end()) return known->second;
  sql::Statement& st = cached(sql);
  sql::ResetOnExit reset(st);
  c.all.bind(st);
  uint64_t n = st.step() ? static_cast<uint64_t>(st.int64(0)) : 0;
  constexpr size_t kCountsKept = 4096;
  if (counts_.size() >= kCountsKept) counts_.clear();
  counts_.emplace(std::move(key), n);
  return n;
}

std::optional<StoredEvent> EventStore::event(int64_t id) {
  std::optional<StoredEvent> found;
  sql::Statement& st = cached(event_sql(fts_));
  sql::ResetOnExit reset(st);
  st.bind(1, id);
  for (int i = 2; i <= kEventsAtOnce; ++i) st.bind_null(i);  // matches no id
  StoredEvent e;
  read_events(st, e, [&](const StoredEvent& row) { found = row; });
  return found;
}

std::vector<StoredReport> EventStore::reports(int64_t id, size_t max_reports) {
  SentenceTable t = sentence_table(fts_);
  std::string sql = fmt::format(
      "SELECT a.article_id, a.outlet, a.url, a.title, a.published, m.event_id, s.{1}, m.sentence_index, "
      "s.{2}, m.trigger_text, m.trigger_begin, m.trigger_end, m.source_text, m.source_begin, m.source_end, "
      "m.source_rule, m.target_text, m.target_begin, m.target_end, m.target_rule, m.date_text, m.date_begin, "
      "m.date_end, m.location_name, m.location_country, m.location_admin1, m.location_lat, m.location_lon, "
      "m.location_feature, m.location_geonameid, m.location_begin, m.location_end, m.location_how, m.rule, "
      "m.confidence, m.note, m.mentions, m.is_root "
      "FROM mentions m JOIN articles a ON a.id = m.article "
      "LEFT JOIN {0} s ON s.id = m.article * {3} + m.sentence_index "
      "WHERE m.event = ? ORDER BY m.article LIMIT ?",
      t.table, t.text, t.begin, kMaxSentences);
  sql::Statement& st = cached(sql);
  sql::ResetOnExit reset(st);
  st.bind(1, id).bind(2, static_cast<uint64_t>(max_reports));
  std::vector<StoredReport> out;
  while (st.step()) {
    StoredReport& r = out.emplace_back();
    r.article_id = st.text(0);
    r.outlet = st.text(1);
    r.url = st.text(2);
    r.title = st.text(3);
    r.published = st.text(4);
    r.event_id = st.text(5);
    r.sentence = st.text(6);
    r.sentence_index = static_cast<uint32_t>(st.int64(7));
    r.sentence_begin = static_cast<uint32_t>(st.int64(8));
    r.trigger_text = st.text(9);
    r.trigger_span = span_of(st, 10);
    r.source_text = st.text(12);
    r.source_span = span_of(st, 13);
    r.source_rule = st.text(15);
    r.target_text = st.text(16);
    r.target_span = span_of(st, 17);
    r.target_rule = st.text(19);
    r.date_text = st.text(20);
    r.date_span = span_of(st, 21);
    if (!st.is_null(23)) {
      EventPlace& p = r.place.emplace();
      p.name = st.text(23);
      p.country = st.text(24);
      p.admin1 = st.text(25);
      p.lat = st.real(26);
      p.lon = st.real(27);
      p.feature = st.text(28);
      p.geonameid = static_cast<uint64_t>(st.int64(29));
      p.span = span_of(st, 30);
      p.how = st.text(32);
    }
    r.rule = st.text(33);
    r.confidence = st.real(34);
    r.note = st.text(35);
    r.mentions = static_cast<uint64_t>(st.int64(36));
    r.is_root = st.int64(37) != 0;
  }
  return out;
}

Date period_start(const Date& d, Period by) {
  switch (by) {
    case Period::kDay: return d;
    case Period::kWeek: return d.plus_days(-d.weekday());
    case Period::kMonth: return Date{d.year, d.month, 1};
  }
  return d;
}

std::string period_label(const Date& start, Period by) {
  return by == Period::kMonth ? fmt::format("{:04}-{:02}", start.year, start.month) : start.iso();
}

Date next_period(const Date& start, Period by) {
  switch (by) {
    case Period::kDay: return start.plus_days(1);
    case Period::kWeek: return start.plus_days(7);
    case Period::kMonth: return start.month == 12 ? Date{start.year + 1, 1, 1} : Date{start.year, start.month + 1, 1};
  }
  return start;
}

size_t count_periods(const Date& first, const Date& last, Period by, size_t most) {
  size_t n = 0;
  for (Date p = period_start(first, by); p <= last && n <= most; p = next_period(p, by)) ++n;
  return n;
}

std::vector<SeriesPoint> EventStore::series(const SeriesFilter& f) { return *series(f, SIZE_MAX); }

std::optional<std::vector<SeriesPoint>> EventStore::series(const SeriesFilter& f, size_t max_periods) {
  // A country's actors have codes that start with its ISO code (USA, USAGOV, USAMIL...), so a
  // code prefix matches a country and an organisation (IGOUNO) alike.
  Where common;
  common.add("date <> ''", {});
  common.dates(f.from, f.to);
  if (!f.dyad_source.empty()) common.prefix("source_code", upper(f.dyad_source));
  if (!f.dyad_target.empty()) common.prefix("target_code", upper(f.dyad_target));
  if (!f.plover.empty()) common.add("plover = ?", {upper(f.plover)});
  // Either side: the events with it as source, and those with it as target but not as source
  // (disjoint, so no duplicates to remove; each part read from its code index alone).
  std::vector<Where> parts(1, common);
  if (!f.country.empty()) {
    std::string c = upper(f.country);
    parts.push_back(common);
    parts[0].prefix("source_code", c);
    parts[1].prefix("target_code", c);
    Where source_side;
    source_side.prefix("source_code", c);
    parts[1].add(fmt::format("NOT ({})", source_side.conditions()), source_side.values());
  }
  std::string sql;
  std::vector<std::string> values;
  for (const Where& part : parts) {
    if (!sql.empty()) sql += " UNION ALL ";
    sql += "SELECT date, goldstein, num_mentions, num_articles FROM events";
    sql += part.sql();
    values.insert(values.end(), part.values().begin(), part.values().end());
  }
  sql::Statement& st = cached(sql);
  sql::ResetOnExit reset(st);
  for (size_t i = 0; i < values.size(); ++i) st.bind(static_cast<int>(i) + 1, values[i]);
  // Summed by day here (a few thousand days), then into weeks or months.
  std::unordered_map<std::string, SeriesPoint> by_day;
  while (st.step()) {
    SeriesPoint& p = by_day[st.text(0)];
    ++p.events;
    p.goldstein += st.real(1);
    p.mentions += static_cast<uint64_t>(st.int64(2));
    p.articles += static_cast<uint64_t>(st.int64(3));
  }
  std::map<Date, SeriesPoint> by_period;
  for (const auto& [day, sums] : by_day) {
    std::optional<Date> d = Date::parse_iso(day);
    if (!d) continue;
    SeriesPoint& p = by_period[period_start(*d, f.by)];
    p.events += sums.events;
    p.mentions += sums.mentions;
    p.articles += sums.articles;
    p.goldstein += sums.goldstein;
  }
  return zero_filled(by_period, f.from, f.to, f.by, max_periods);
}

}  // namespace dyad
