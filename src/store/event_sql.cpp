#include "store/event_sql.h"

#include <cctype>

#include "text/chars.h"

namespace dyad::store_sql {
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

std::string from_value(const std::optional<Date>& from) { return from ? from->iso() : "0000-01-01"; }
std::string to_value(const std::optional<Date>& to) { return to ? to->iso() : "9999-12-31"; }

// One side of an either-side condition: an actor code prefix or a country on that side.
Where side_prefix(const char* side, const std::string& prefix) {
  std::string column = side;
  column += "_code";
  Where w;
  w.prefix(column, prefix);
  return w;
}

Where side_country(const char* side, const std::string& country) {
  std::string condition = side;
  condition += "_country = ?";
  Where w;
  w.add(condition, {country});
  return w;
}

// Any of the alternatives, as a union of index searches each narrowed by the dates: SQLite's
// own OR plan would not narrow each search by date.
Where any_of(const std::vector<Where>& alternatives, const std::optional<Date>& from, const std::optional<Date>& to) {
  std::string condition = "id IN (";
  std::vector<std::string> values;
  for (size_t i = 0; i < alternatives.size(); ++i) {
    if (i) condition += " UNION ";
    condition += "SELECT id FROM events WHERE ";
    condition += alternatives[i].conditions();
    values.insert(values.end(), alternatives[i].values().begin(), alternatives[i].values().end());
    if (from || to) {
      condition += " AND date BETWEEN ? AND ?";
      values.push_back(from_value(from));
      values.push_back(to_value(to));
    }
  }
  condition += ")";
  Where w;
  w.add(std::move(condition), std::move(values));
  return w;
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
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// Events reported by a sentence that holds every word.
void add_text(Where& w, const std::string& text, bool fts) {
  constexpr const char* kReportedBy =
      "id IN (SELECT m.event FROM sentences s JOIN mentions m ON m.article = s.article AND "
      "m.sentence_index = s.sentence_index WHERE ";
  if (fts) {
    std::string q = fts_query(text);
    if (q.empty()) {
      w.add("0", {});  // no word to look for: nothing matches
      return;
    }
    std::string condition = kReportedBy;
    condition += "sentences MATCH ?)";
    w.add(std::move(condition), {std::move(q)});
    return;
  }
  std::string condition = kReportedBy;
  condition += "1";
  std::vector<std::string> values;
  for (const std::string& word : words_of(text)) {
    condition += " AND s.text LIKE ? ESCAPE '\\'";
    std::string pattern = "%";
    for (char c : word) {
      if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
      pattern.push_back(c);
    }
    pattern.push_back('%');
    values.push_back(pattern);
  }
  condition += ")";
  w.add(std::move(condition), std::move(values));
}

}  // namespace

std::string Where::conditions() const {
  if (conditions_.empty()) return "1";
  std::string s;
  for (const std::string& c : conditions_) {
    if (!s.empty()) s += " AND ";
    s += c;
  }
  return s;
}

std::string Where::sql() const {
  if (conditions_.empty()) return {};
  std::string s = " WHERE ";
  s += conditions();
  return s;
}

void Where::add(std::string condition, std::vector<std::string> values) {
  conditions_.push_back(std::move(condition));
  for (auto& v : values) values_.push_back(std::move(v));
}

void Where::add(const Where& other) {
  conditions_.insert(conditions_.end(), other.conditions_.begin(), other.conditions_.end());
  values_.insert(values_.end(), other.values_.begin(), other.values_.end());
}

void Where::prefix(const std::string& column, const std::string& prefix) {
  std::string end = prefix_end(prefix);
  std::string condition = "(";
  condition += column;
  condition += " >= ?";
  if (end.empty()) {
    add(condition + ")", {prefix});
    return;
  }
  condition += " AND ";
  condition += column;
  condition += " < ?)";
  add(std::move(condition), {prefix, std::move(end)});
}

void Where::dates(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (from || to) add("date BETWEEN ? AND ?", {from_value(from), to_value(to)});
}

int Where::bind(sql::Statement& st, int first) const {
  for (const std::string& v : values_) st.bind(first++, v);
  return first;
}

EventConditions event_conditions(const EventFilter& f, bool fts) {
  EventConditions c;
  c.dated_only = f.from || f.to;
  // Every condition but the first either-side one, which is kept as its alternatives.
  Where rest;
  std::vector<Where> sides;
  auto either_side = [&](std::vector<Where> alternatives) {
    if (sides.empty()) sides = std::move(alternatives);
    else rest.add(any_of(alternatives, f.from, f.to));
  };
  rest.dates(f.from, f.to);
  if (!f.actor.empty()) either_side({side_prefix("source", upper(f.actor)), side_prefix("target", upper(f.actor))});
  if (!f.source.empty()) rest.prefix("source_code", upper(f.source));
  if (!f.target.empty()) rest.prefix("target_code", upper(f.target));
  if (!f.country.empty())
    either_side({side_country("source", upper(f.country)), side_country("target", upper(f.country))});
  if (!f.source_country.empty()) rest.add("source_country = ?", {upper(f.source_country)});
  if (!f.target_country.empty()) rest.add("target_country = ?", {upper(f.target_country)});
  if (!f.cameo.empty()) rest.prefix("cameo", f.cameo);
  if (!f.plover.empty()) rest.add("plover = ?", {upper(f.plover)});
  if (f.quad) rest.add("quad_class = ?", {std::to_string(f.quad)});
  if (!f.location_country.empty()) rest.add("location_country = ?", {upper(f.location_country)});
  if (!f.location.empty()) rest.add("location_name = ?", {f.location});
  if (!f.text.empty()) add_text(rest, f.text, fts);

  if (!sides.empty()) {
    c.all.add(any_of(sides, f.from, f.to));
    for (Where& side : sides) {
      side.add(rest);
      c.alternatives.push_back(std::move(side));
    }
  }
  c.all.add(rest);
  return c;
}

std::string order_columns(EventSort sort, bool dated_only) {
  switch (sort) {
    case EventSort::kDate:
    case EventSort::kDateDescending: return dated_only ? "date" : "date = '' AS undated, date";
    case EventSort::kGoldstein:
    case EventSort::kGoldsteinDescending: return "goldstein";
    case EventSort::kMentions:
    case EventSort::kMentionsDescending: return "num_mentions";
  }
  return "date";
}

std::string order_terms(EventSort sort, bool dated_only, std::string_view table) {
  bool descending = sort == EventSort::kDateDescending || sort == EventSort::kGoldsteinDescending ||
                    sort == EventSort::kMentionsDescending;
  const char* column = "date";
  if (sort == EventSort::kGoldstein || sort == EventSort::kGoldsteinDescending) column = "goldstein";
  if (sort == EventSort::kMentions || sort == EventSort::kMentionsDescending) column = "num_mentions";
  std::string terms;
  bool by_date = sort == EventSort::kDate || sort == EventSort::kDateDescending;
  if (by_date && !dated_only) {
    terms += table;
    terms += "undated, ";
  }
  for (const char* c : {column, "id"}) {
    if (c != column) terms += ", ";
    terms += table;
    terms += c;
    if (descending) terms += " DESC";
  }
  return terms;
}

}  // namespace dyad::store_sql
