// Reading the store: the event list of `dyad query` and the time series of `dyad series`.
// Every value is bound to a parameter; only fixed SQL fragments are joined together.
#include <fmt/format.h>

#include <cctype>
#include <map>
#include <unordered_map>

#include "store/event_store.h"
#include "text/chars.h"

namespace dyad {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The least string above every string that starts with `prefix` ("" when there is none).
std::string prefix_end(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char last = static_cast<unsigned char>(prefix.back());
    if (last < 0xff) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

// A WHERE clause under construction: SQL fragments joined with AND, and their values in order.
struct Where {
  std::string sql;
  std::vector<std::string> values;

  void add(const std::string& fragment, std::vector<std::string> vs) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += fragment;
    for (auto& v : vs) values.push_back(std::move(v));
  }
  // `column` starts with `prefix`: a range, so that the column's index serves.
  static std::string prefix_sql(const std::string& column, const std::string& prefix) {
    std::string end = prefix_end(prefix);
    std::string s = "(";
    s += column;
    s += " >= ?";
    if (!end.empty()) {
      s += " AND ";
      s += column;
      s += " < ?";
    }
    s += ")";
    return s;
  }
  static std::vector<std::string> prefix_values(const std::string& prefix) {
    std::string end = prefix_end(prefix);
    if (end.empty()) return {prefix};
    return {prefix, end};
  }
  void prefix(const std::string& column, const std::string& prefix) {
    add(prefix_sql(column, prefix), prefix_values(prefix));
  }
  void dates(const std::optional<Date>& from, const std::optional<Date>& to) {
    // An unknown date is stored as "", below every date: a date filter leaves it out.
    if (from || to) add("date BETWEEN ? AND ?", {from ? from->iso() : "0000-01-01", to ? to->iso() : "9999-12-31"});
  }
  // Any of the alternatives (each an SQL condition on events and its values), written as a
  // union of index searches: SQLite's own OR plan would not narrow each search by date.
  void any_of(const std::vector<std::pair<std::string, std::vector<std::string>>>& alternatives,
              const std::optional<Date>& from, const std::optional<Date>& to) {
    std::string fragment = "id IN (";
    std::vector<std::string> vs;
    for (size_t i = 0; i < alternatives.size(); ++i) {
      if (i) fragment += " UNION ";
      fragment += "SELECT id FROM events WHERE ";
      fragment += alternatives[i].first;
      for (const auto& v : alternatives[i].second) vs.push_back(v);
      if (from || to) {
        fragment += " AND date BETWEEN ? AND ?";
        vs.push_back(from ? from->iso() : "0000-01-01");
        vs.push_back(to ? to->iso() : "9999-12-31");
      }
    }
    fragment += ")";
    add(fragment, std::move(vs));
  }
  void bind(sql::Statement& st, int first = 1) const {
    for (size_t i = 0; i < values.size(); ++i) st.bind(first + static_cast<int>(i), values[i]);
  }
};

// An actor whose code starts with `prefix`, on this side.
std::pair<std::string, std::vector<std::string>> side_prefix(const char* side, const std::string& prefix) {
  std::string column = side;
  column += "_code";
  return {Where::prefix_sql(column, prefix), Where::prefix_values(prefix)};
}

// Words as an FTS5 query: the letters and digits of each word, each run quoted (so that no word
// is read as an operator) and all required. Runs, not phrases: the index keeps no positions
// (detail=none), so "U.N." asks for "U" and "N".
std::string fts_query(const std::string& text) {
  std::string q;
  size_t i = 0;
  while (i < text.size()) {
    chars::CodePoint c = chars::at(text, i);
    if (!chars::is_word_char(c.cls)) {
      i += c.len;
      continue;
    }
    size_t start = i;
    while (i < text.size()) {
      chars::CodePoint d = chars::at(text, i);
      if (!chars::is_word_char(d.cls)) break;
      i += d.len;
    }
    if (!q.empty()) q.push_back(' ');
    q.push_back('"');
    q.append(text, start, i - start);
    q.push_back('"');
  }
  return q;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

Span span_of(const sql::Statement& st, int begin_col) {
  if (st.is_null(begin_col)) return {};
  return {static_cast<uint32_t>(st.int64(begin_col)), static_cast<uint32_t>(st.int64(begin_col + 1))};
}

}  // namespace

void EventStore::query(const EventFilter& f, const std::function<void(const StoredEvent&)>& row) {
  Where w;
  w.dates(f.from, f.to);
  if (!f.actor.empty())
    w.any_of({side_prefix("source", upper(f.actor)), side_prefix("target", upper(f.actor))}, f.from, f.to);
  if (!f.source.empty()) w.prefix("source_code", upper(f.source));
  if (!f.target.empty()) w.prefix("target_code", upper(f.target));
  if (!f.country.empty())
    w.any_of({{"source_country = ?", {upper(f.country)}}, {"target_country = ?", {upper(f.country)}}}, f.from, f.to);
  if (!f.source_country.empty()) w.add("source_country = ?", {upper(f.source_country)});
  if (!f.target_country.empty()) w.add("target_country = ?", {upper(f.target_country)});
  if (!f.cameo.empty()) w.prefix("cameo", f.cameo);
  if (!f.plover.empty()) w.add("plover = ?", {upper(f.plover)});
  if (f.quad) w.add("quad_class = ?", {std::to_string(f.quad)});
  if (!f.location_country.empty()) w.add("location_country = ?", {upper(f.location_country)});
  if (!f.text.empty()) {
    if (fts_ && fts_query(f.text).empty()) {
      w.add("0", {});  // no word to look for: nothing matches
    } else if (fts_) {
      w.add("id IN (SELECT m.event FROM sentences s JOIN mentions m ON m.article = s.article AND "
            "m.sentence_index = s.sentence_index WHERE sentences MATCH ?)",
            {fts_query(f.text)});
    } else {
      std::string fragment = "id IN (SELECT m.event FROM sentences s JOIN mentions m ON m.article = s.article AND "
                             "m.sentence_index = s.sentence_index WHERE 1";
      std::vector<std::string> values;
      for (const std::string& word : words_of(f.text)) {
        fragment += " AND s.text LIKE ? ESCAPE '\\'";
        std::string pattern = "%";
        for (char c : word) {
          if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
          pattern.push_back(c);
        }
        pattern.push_back('%');
        values.push_back(pattern);
      }
      fragment += ")";
      w.add(fragment, values);
    }
  }
  std::string sql =
      "SELECT e.id, e.date, e.source_code, e.source_country, e.source_roles, e.target_code, e.target_country, "
      "e.target_roles, e.cameo, e.root_code, e.plover, e.plover_mode, e.quad_class, e.goldstein, e.location_name, "
      "e.location_country, e.location_admin1, e.location_lat, e.location_lon, e.location_feature, "
      "e.location_geonameid, e.num_mentions, e.num_sources, e.num_articles, e.is_root, m.event_id, a.article_id, "
      "a.outlet, a.url, s.text, m.sentence_index, m.trigger_text, m.trigger_begin, m.trigger_end, m.source_text, "
      "m.source_begin, m.source_end, m.source_rule, m.target_text, m.target_begin, m.target_end, m.target_rule, "
      "m.date_text, m.date_begin, m.date_end, m.rule, m.note, m.confidence, m.location_begin, m.location_end, "
      "m.location_how "
      "FROM (SELECT * FROM events";
  sql += w.sql;
  // Undated events last.
  sql += " ORDER BY date = '', date, id";
  if (f.limit) sql += " LIMIT ?";
  sql += fmt::format(
      ") e JOIN mentions m ON m.article = e.first_article AND m.event = e.id JOIN articles a ON a.id = m.article "
      "LEFT JOIN sentences s ON s.rowid = m.article * {} + m.sentence_index ORDER BY e.date = '', e.date, e.id",
      kMaxSentences);
  sql::Statement st = db_.prepare(sql);
  w.bind(st);
  if (f.limit) st.bind(static_cast<int>(w.values.size()) + 1, f.limit);
  StoredEvent e;
  while (st.step()) {
    e = StoredEvent();
    e.id = st.int64(0);
    e.date = st.text(1);
    e.source_code = st.text(2);
    e.source_country = st.text(3);
    e.source_roles = st.text(4);
    e.target_code = st.text(5);
    e.target_country = st.text(6);
    e.target_roles = st.text(7);
    e.cameo = st.text(8);
    e.root_code = st.text(9);
    e.plover = st.text(10);
    e.plover_mode = st.text(11);
    e.quad = static_cast<int>(st.int64(12));
    e.goldstein = st.real(13);
    e.has_location = !st.is_null(14);
    e.location_name = st.text(14);
    e.location_country = st.text(15);
    e.location_admin1 = st.text(16);
    e.location_lat = st.real(17);
    e.location_lon = st.real(18);
    e.location_feature = st.text(19);
    e.location_geonameid = static_cast<uint64_t>(st.int64(20));
    e.num_mentions = static_cast<uint64_t>(st.int64(21));
    e.num_sources = static_cast<uint64_t>(st.int64(22));
    e.num_articles = static_cast<uint64_t>(st.int64(23));
    e.is_root = st.int64(24) != 0;
    e.event_id = st.text(25);
    e.article_id = st.text(26);
    e.outlet = st.text(27);
    e.url = st.text(28);
    e.sentence = st.text(29);
    e.sentence_index = static_cast<uint32_t>(st.int64(30));
    e.trigger_text = st.text(31);
    e.trigger_span = span_of(st, 32);
    e.source_text = st.text(34);
    e.source_span = span_of(st, 35);
    e.source_rule = st.text(37);
    e.target_text = st.text(38);
    e.target_span = span_of(st, 39);
    e.target_rule = st.text(41);
    e.date_expression = st.text(42);
    e.date_span = span_of(st, 43);
    e.rule = st.text(45);
    e.note = st.text(46);
    e.confidence = st.real(47);
    if (!st.is_null(50)) {
      e.location_span = span_of(st, 48);
      e.location_how = st.text(50);
    }
    row(e);
  }
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

std::vector<SeriesPoint> EventStore::series(const SeriesFilter& f) {
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
    parts[1].add(fmt::format("NOT {}", Where::prefix_sql("source_code", c)), Where::prefix_values(c));
  }
  std::string sql;
  std::vector<std::string> values;
  for (const Where& part : parts) {
    if (!sql.empty()) sql += " UNION ALL ";
    sql += "SELECT date, goldstein, num_mentions, num_articles FROM events";
    sql += part.sql;
    values.insert(values.end(), part.values.begin(), part.values.end());
  }
  sql::Statement st = db_.prepare(sql);
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
  std::vector<SeriesPoint> out;
  if (by_period.empty() && !(f.from && f.to)) return out;
  Date first = period_start(f.from ? *f.from : by_period.begin()->first, f.by);
  Date last = period_start(f.to ? *f.to : by_period.rbegin()->first, f.by);
  for (Date p = first; p <= last; p = next_period(p, f.by)) {
    auto it = by_period.find(p);
    SeriesPoint point = it != by_period.end() ? it->second : SeriesPoint();
    point.period = period_label(p, f.by);
    out.push_back(std::move(point));
  }
  return out;
}

}  // namespace dyad
