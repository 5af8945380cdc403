#include "store/clickhouse.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <chrono>
#include <limits>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include <utf8proc.h>

#include "out/json.h"
#include "text/chars.h"

namespace dyad {
namespace {

// The mention columns, in the order the rows are written.
constexpr const char* kMentionColumns = R"SQL(
  seq UInt64, deleted UInt8, pos UInt64,
  date String, source_code String, target_code String, cameo String, article_id String,
  outlet String, url String,
  root_code String, quad_class UInt8, goldstein Float64, plover String, plover_mode String,
  source_country String, target_country String, source_roles String, target_roles String,
  has_location UInt8, location_name String, location_country String, location_admin1 String,
  location_lat Float64, location_lon Float64, location_feature String, location_geonameid UInt64,
  location_begin UInt32, location_end UInt32, location_how String,
  sentence_index UInt32, sentence_begin UInt32, event_id String, sentence String,
  trigger_text String, trigger_begin UInt32, trigger_end UInt32,
  source_text String, source_begin UInt32, source_end UInt32, source_rule String,
  target_text String, target_begin UInt32, target_end UInt32, target_rule String,
  date_text String, date_begin UInt32, date_end UInt32,
  rule String, note String, confidence Float64, mentions UInt32, is_root UInt8, words String)SQL";

constexpr const char* kArticleColumns = R"SQL(
  seq UInt64, article_id String, content_hash String, outlet String, url String, title String,
  published String, origin String, num_events UInt32, num_sentences UInt32)SQL";

// A mention's place in the store's order: its article's sequence number, then its order in
// the article (as SQLite numbers event rows as they are first stored).
constexpr uint64_t kOrdinalBits = 20;

std::vector<std::string> column_names(const char* columns) {
  std::vector<std::string> names;
  std::string s = columns;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',')) ++i;
    size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) names.push_back(s.substr(start, i - start));
    while (i < s.size() && s[i] != ',') ++i;
  }
  return names;
}

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// ClickHouse's answer, shortened to what a user needs: its lines (each once) joined, without
// the C++ exception types; the address of a shard that failed is in there.
std::string server_message(const std::string& body) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < body.size()) {
    size_t nl = body.find('\n', start);
    if (nl == std::string::npos) nl = body.size();
    std::string line = body.substr(start, nl - start);
    start = nl + 1;
    for (const char* noise : {", e.what() = DB::NetException", ", e.what() = DB::Exception", ", e.what() = "}) {
      if (size_t at = line.find(noise); at != std::string::npos) line.erase(at, std::string(noise).size());
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty() && std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
  }
  std::string m;
  for (const std::string& line : lines) {
    if (!m.empty()) m += ' ';
    m += line;
  }
  while (!m.empty() && (m.back() == ':' || m.back() == ',')) m.pop_back();
  if (m.size() > 600) m = m.substr(0, 597) + "...";
  if (m.empty()) m = "an empty error response";
  return m;
}

// Failures worth another try: the network, a shard that is down or slow.
bool transient(const std::string& body) {
  for (const char* s : {"NetException", "Timeout", "timed out", "Code: 209", "Code: 210", "Code: 279", "Code: 159",
                        "Code: 394", "Code: 252"})
    if (body.find(s) != std::string::npos) return true;
  return false;
}

// Words as SQLite's full-text search sees them (unicode61, remove_diacritics 2): runs of
// letters and digits, case and diacritics folded ("Peña" is "pena").
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
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
    std::string_view word = text.substr(start, i - start);
    bool ascii = std::all_of(word.begin(), word.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
    if (ascii) {
      std::string w(word);
      for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      words.push_back(std::move(w));
      continue;
    }
    utf8proc_uint8_t* folded = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                      static_cast<utf8proc_ssize_t>(word.size()), &folded,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                     UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
    if (n > 0) words.emplace_back(reinterpret_cast<const char*>(folded), static_cast<size_t>(n));
    else if (n == 0) words.emplace_back();
    else words.emplace_back(word);
    std::free(folded);
    if (words.back().empty()) words.pop_back();  // marks alone
  }
  return words;
}

// A sentence's folded words, each between spaces, for the text filter: " w1 w2 ... ".
std::string searchable_words(std::string_view sentence) {
  std::string out = " ";
  for (const std::string& w : words_of(sentence)) {
    out += w;
    out.push_back(' ');
  }
  return out;
}

void append_row_string(std::string& out, const char* name, std::string_view v) {
  out.push_back('"');
  out.append(name);
  out.append("\":");
  json::append_string(out, v);
  out.push_back(',');
}

template <typename N>
void append_row_number(std::string& out, const char* name, N v) {
  fmt::format_to(std::back_inserter(out), "\"{}\":{},", name, v);
}

void append_mention(std::string& out, const ArticleRows& a, const MentionRow& m, uint64_t seq) {
  out.push_back('{');
  append_row_number(out, "seq", seq);
  append_row_number(out, "deleted", 0);
  append_row_number(out, "pos", (seq << kOrdinalBits) | std::min<uint64_t>(m.ordinal, (1u << kOrdinalBits) - 1));
  append_row_string(out, "date", m.date);
  append_row_string(out, "source_code", m.source_code);
  append_row_string(out, "target_code", m.target_code);
  append_row_string(out, "cameo", m.cameo);
  append_row_string(out, "article_id", a.article_id);
  append_row_string(out, "outlet", a.outlet);
  append_row_string(out, "url", a.url);
  append_row_string(out, "root_code", m.root_code);
  append_row_number(out, "quad_class", m.quad);
  append_row_number(out, "goldstein", m.goldstein);
  append_row_string(out, "plover", m.plover);
  append_row_string(out, "plover_mode", m.plover_mode);
  append_row_string(out, "source_country", m.source_country);
  append_row_string(out, "target_country", m.target_country);
  append_row_string(out, "source_roles", m.source_roles);
  append_row_string(out, "target_roles", m.target_roles);
  const EventPlace empty;
  const EventPlace& p = m.place ? *m.place : empty;
  append_row_number(out, "has_location", m.place ? 1 : 0);
  append_row_string(out, "location_name", p.name);
  append_row_string(out, "location_country", p.country);
  append_row_string(out, "location_admin1", p.admin1);
  append_row_number(out, "location_lat", p.lat);
  append_row_number(out, "location_lon", p.lon);
  append_row_string(out, "location_feature", p.feature);
  append_row_number(out, "location_geonameid", p.geonameid);
  append_row_number(out, "location_begin", p.span.begin);
  append_row_number(out, "location_end", p.span.end);
  append_row_string(out, "location_how", p.how);
  append_row_number(out, "sentence_index", m.sentence_index);
  append_row_number(out, "sentence_begin", m.sentence_begin);
  append_row_string(out, "event_id", m.event_id);
  append_row_string(out, "sentence", m.sentence);
  append_row_string(out, "trigger_text", m.trigger_text);
  append_row_number(out, "trigger_begin", m.trigger_span.begin);
  append_row_number(out, "trigger_end", m.trigger_span.end);
  append_row_string(out, "source_text", m.source_text);
  append_row_number(out, "source_begin", m.source_span.begin);
  append_row_number(out, "source_end", m.source_span.end);
  append_row_string(out, "source_rule", m.source_rule);
  append_row_string(out, "target_text", m.target_text);
  append_row_number(out, "target_begin", m.target_span.begin);
  append_row_number(out, "target_end", m.target_span.end);
  append_row_string(out, "target_rule", m.target_rule);
  append_row_string(out, "date_text", m.date_text);
  append_row_number(out, "date_begin", m.date_span.begin);
  append_row_number(out, "date_end", m.date_span.end);
  append_row_string(out, "rule", m.rule);
  append_row_string(out, "note", m.note);
  append_row_number(out, "confidence", m.confidence);
  append_row_number(out, "mentions", m.mentions);
  append_row_number(out, "is_root", m.root ? 1 : 0);
  out.append("\"words\":");
  json::append_string(out, searchable_words(m.sentence));
  out.append("}\n");
}

void append_article(std::string& out, const ArticleRows& a, uint64_t seq) {
  out.push_back('{');
  append_row_number(out, "seq", seq);
  append_row_string(out, "article_id", a.article_id);
  append_row_string(out, "content_hash", a.content_hash);
  append_row_string(out, "outlet", a.outlet);
  append_row_string(out, "url", a.url);
  append_row_string(out, "title", a.title);
  append_row_string(out, "published", a.published);
  append_row_string(out, "origin", a.origin);
  append_row_number(out, "num_events", a.num_events);
  fmt::format_to(std::back_inserter(out), "\"num_sentences\":{}}}\n", a.sentences.size());
}

// ---- reading results -----------------------------------------------------------------------

using simdjson::dom::element;

std::string str(element obj, const char* name) {
  std::string_view s;
  if (obj[name].get_string().get(s)) return {};
  return std::string(s);
}

// Numbers come as JSON numbers, or as strings (64-bit integers, by default).
double num(element v) {
  double d;
  if (v.get_double().get(d) == simdjson::SUCCESS) return d;
  int64_t i;
  if (v.get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  uint64_t u;
  if (v.get_uint64().get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) return std::strtod(std::string(s).c_str(), nullptr);
  return 0;
}

uint64_t unum(element v) {
  uint64_t u;
  if (v.get_uint64().get(u) == simdjson::SUCCESS) return u;
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) return std::strtoull(std::string(s).c_str(), nullptr, 10);
  return static_cast<uint64_t>(num(v));
}

double num(element obj, const char* name) {
  element v;
  return obj[name].get(v) ? 0 : num(v);
}

uint64_t unum(element obj, const char* name) {
  element v;
  return obj[name].get(v) ? 0 : unum(v);
}

std::string starts_with(const char* column, const std::string& prefix) {
  return fmt::format("startsWith({}, {})", column, clickhouse_quote(prefix));
}

std::string date_range(const std::optional<Date>& from, const std::optional<Date>& to) {
  return fmt::format("date BETWEEN {} AND {}", clickhouse_quote(from ? from->iso() : "0000-01-01"),
                     clickhouse_quote(to ? to->iso() : "9999-12-31"));
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// A TSV answer's rows, each split into its fields (still escaped).
void for_each_row(const std::string& tsv, const std::function<void(const std::vector<std::string_view>&)>& row) {
  std::vector<std::string_view> fields;
  std::string_view rest = tsv;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    fields.clear();
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    row(fields);
  }
}

// A TSV field's value: ClickHouse escapes backslashes, tabs, newlines and a few others.
std::string unescape_tsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out.push_back(field[i]);
      continue;
    }
    char c = field[++i];
    switch (c) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case '0': out.push_back('\0'); break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Events, mentions and Goldstein sum from three fields of a row.
void read_tally(const std::vector<std::string_view>& row, size_t first, Tally& t) {
  t.events = std::strtoull(std::string(row[first]).c_str(), nullptr, 10);
  t.mentions = std::strtoull(std::string(row[first + 1]).c_str(), nullptr, 10);
  t.goldstein = std::strtod(std::string(row[first + 2]).c_str(), nullptr);
}

}  // namespace

std::string clickhouse_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\0': out += "\\0"; break;
      default: out.push_back(c);
    }
  }
  out.push_back('\'');
  return out;
}

ClickHouseLocation ClickHouseLocation::parse(const std::string& url, const std::string& cluster) {
  ClickHouseLocation loc;
  loc.url = url;
  loc.cluster = cluster;
  const std::string scheme = "clickhouse://";
  auto bad = [&](const std::string& why) {
    return StoreError(fmt::format("{}: {} (expected clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE)", url, why));
  };
  if (url.rfind(scheme, 0) != 0) throw bad("not a clickhouse:// URL");
  std::string rest = url.substr(scheme.size());
  std::string query;
  if (size_t q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.erase(q);
  }
  std::string hosts = rest;
  if (size_t slash = rest.find('/'); slash != std::string::npos) {
    hosts = rest.substr(0, slash);
    std::string db = rest.substr(slash + 1);
    while (!db.empty() && db.back() == '/') db.pop_back();
    if (!db.empty()) loc.database = db;
  }
  size_t start = 0;
  while (start <= hosts.size()) {
    size_t comma = hosts.find(',', start);
    if (comma == std::string::npos) comma = hosts.size();
    std::string h = hosts.substr(start, comma - start);
    if (h.empty()) throw bad("no host");
    Host host;
    host.host = h;
    if (size_t colon = h.rfind(':'); colon != std::string::npos) {
      host.host = h.substr(0, colon);
      std::string port = h.substr(colon + 1);
      if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), ::isdigit) ||
          std::stoi(port) == 0 || std::stoi(port) > 65535)
        throw bad("bad port " + port);
      host.port = std::stoi(port);
    }
    if (host.host.empty()) throw bad("no host");
    loc.hosts.push_back(host);
    start = comma + 1;
  }
  for (size_t i = 0; i < query.size();) {
    size_t amp = query.find('&', i);
    if (amp == std::string::npos) amp = query.size();
    std::string kv = query.substr(i, amp - i);
    if (kv.rfind("retries=", 0) == 0 && kv.size() > 8 && kv.size() < 11 &&
        std::all_of(kv.begin() + 8, kv.end(), ::isdigit))
      loc.retries = std::stoi(kv.substr(8));
    else if (!kv.empty())
      throw bad("unknown parameter " + kv);
    i = amp + 1;
  }
  if (!is_identifier(loc.database)) throw bad("the database name must be letters, digits and _");
  if (!cluster.empty() && !is_identifier(cluster))
    throw StoreError(fmt::format("--cluster {}: a cluster name is letters, digits and _", cluster));
  return loc;
}

ClickHouseStore::ClickHouseStore(ClickHouseLocation location, bool write) : location_(std::move(location)) {
  for (const auto& h : location_.hosts) clients_.push_back(std::make_unique<HttpClient>(h.host, h.port));
  if (write) {
    create_schema();
    distributed_ = !location_.cluster.empty();
    if (distributed_) check_cluster();
    std::string max = execute(fmt::format("SELECT greatest((SELECT max(seq) FROM {}), (SELECT max(seq) FROM {}))",
                                          table("articles"), table("mentions")));
    next_seq_ = std::strtoull(max.c_str(), nullptr, 10) + 1;
  } else {
    std::string engine = execute(fmt::format("SELECT engine FROM system.tables WHERE database = {} AND name = 'mentions'",
                                             clickhouse_quote(location_.database)));
    if (engine.empty())
      throw StoreError(fmt::format("{}: no table {} (dyad code --sink creates it)", location_.url, table("mentions")));
    distributed_ = engine.rfind("Distributed", 0) == 0;
  }
}

ClickHouseStore::~ClickHouseStore() = default;

std::string ClickHouseStore::table(const char* name) const { return location_.database + "." + name; }

std::string ClickHouseStore::execute(const std::string& sql, std::string_view data, size_t host) {
  HttpClient& client = *clients_.at(host);
  std::string target = "/?database=default";
  std::string_view body = sql;
  if (!data.empty() || sql.rfind("INSERT", 0) == 0) {
    target += "&query=";
    target += url_encode(sql);
    body = data;
  }
  if (!location_.cluster.empty()) target += "&insert_distributed_sync=1";
  std::string server = "clickhouse://" + client.address();
  for (int attempt = 0;; ++attempt) {
    std::string error, answer;
    try {
      HttpResponse r = client.post(target + time_left_settings(), body);
      if (r.status == 200) return std::move(r.body);
      error = fmt::format("{}: {}", server, server_message(r.body));
      answer = std::move(r.body);
      if (!transient(answer)) fail(error, answer, attempt);
    } catch (const HttpError& e) {
      error = fmt::format("clickhouse://{}", e.what());
    }
    retry_or_fail(error, answer, attempt);
  }
}

// A SELECT's rows (FORMAT JSONEachRow), a line at a time as they arrive.
void ClickHouseStore::stream(const std::string& sql, const std::function<void(std::string_view)>& line) {
  HttpClient& client = *clients_.front();
  std::string server = "clickhouse://" + client.address();
  std::string target = "/?database=default&output_format_json_quote_64bit_integers=0";
  for (int attempt = 0;; ++attempt) {
    std::string pending, error, answer;
    bool any = false;
    try {
      HttpResponse r = client.post(target + time_left_settings(), sql, [&](std::string_view chunk) {
        any = true;
        pending.append(chunk);
        size_t start = 0;
        for (size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1)
          line(std::string_view(pending).substr(start, nl - start));
        pending.erase(0, start);
        return true;
      });
      if (r.status == 200) {
        if (!pending.empty()) line(pending);
        return;
      }
      error = fmt::format("{}: {}", server, server_message(r.body));
      answer = std::move(r.body);
      if (!transient(answer)) fail(error, answer, attempt);
    } catch (const HttpError& e) {
      error = fmt::format("clickhouse://{}", e.what());
      if (any) fail(error, answer, attempt);  // rows already given cannot be taken back
    }
    retry_or_fail(error, answer, attempt);
  }
}

std::string ClickHouseStore::time_left_settings() const {
  if (!deadline_) return {};
  auto left = std::chrono::duration<double>(*deadline_ - std::chrono::steady_clock::now()).count();
  if (left <= 0) throw StoreInterrupted(location_.url + ": the query ran past its time budget");
  // Whole seconds (ClickHouse 18.16); the server stops the query itself when they are over.
  return fmt::format("&max_execution_time={}", static_cast<long>(std::ceil(left)));
}

void ClickHouseStore::fail(std::string error, const std::string& answer, int attempt) const {
  // Code 159: TIMEOUT_EXCEEDED, the time given by time_left_settings().
  if (deadline_ && answer.find("Code: 159") != std::string::npos)
    throw StoreInterrupted(location_.url + ": the query ran past its time budget");
  if (attempt) error += fmt::format(" (after {} tries)", attempt + 1);
  throw StoreError(error);
}

void ClickHouseStore::retry_or_fail(const std::string& error, const std::string& answer, int attempt) const {
  if (attempt >= location_.retries) fail(error, answer, attempt);
  auto wait = std::chrono::milliseconds(std::min(4000, 250 << std::min(attempt, 4)));
  if (deadline_ && std::chrono::steady_clock::now() + wait >= *deadline_) fail(error, answer, attempt);
  std::this_thread::sleep_for(wait);
}

void ClickHouseStore::create_schema() {
  const std::string& db = location_.database;
  bool cluster = !location_.cluster.empty();
  for (size_t h = 0; h < clients_.size(); ++h) {
    execute(fmt::format("CREATE DATABASE IF NOT EXISTS {}", db), {}, h);
    // Mentions by event key then article: a key's versions meet when parts merge (and in
    // FINAL); the order serves date ranges, and actor codes (whose prefix is the country).
    std::string local = cluster ? "_local" : "";
    // One partition: a batch spans years, and a partition per year would make a part per year
    // per insert; the key's date first serves date ranges as well.
    execute(fmt::format("CREATE TABLE IF NOT EXISTS {}.mentions{} ({}) ENGINE = ReplacingMergeTree(seq) "
                        "ORDER BY (date, source_code, target_code, cameo, article_id)",
                        db, local, kMentionColumns),
            {}, h);
    execute(fmt::format("CREATE TABLE IF NOT EXISTS {}.articles{} ({}) ENGINE = ReplacingMergeTree(seq) ORDER BY article_id",
                        db, local, kArticleColumns),
            {}, h);
    if (cluster)
      for (const char* t : {"mentions", "articles"})
        execute(fmt::format("CREATE TABLE IF NOT EXISTS {0}.{1} AS {0}.{1}_local ENGINE = Distributed({2}, {0}, {1}_local, "
                            "cityHash64(article_id))",
                            db, t, location_.cluster),
                {}, h);
    // The events as the SQLite store's events table has them, for SQL (computed when read).
    execute(fmt::format("CREATE VIEW IF NOT EXISTS {}.events AS {}", db, events_view_sql()), {}, h);
  }
}

// Every shard of the cluster must have the local tables (listed in the URL, so created above).
void ClickHouseStore::check_cluster() {
  std::string shards = execute(fmt::format(
      "SELECT host_name, port FROM system.clusters WHERE cluster = {} ORDER BY shard_num, replica_num FORMAT TSV",
      clickhouse_quote(location_.cluster)));
  if (shards.empty())
    throw StoreError(fmt::format("clickhouse://{}: no cluster {} in the server's remote_servers", clients_[0]->address(),
                                 location_.cluster));
  size_t start = 0;
  while (start < shards.size()) {
    size_t nl = shards.find('\n', start);
    if (nl == std::string::npos) nl = shards.size();
    std::string row = shards.substr(start, nl - start);
    start = nl + 1;
    size_t tab = row.find('\t');
    if (tab == std::string::npos) continue;
    std::string address = row.substr(0, tab) + ":" + row.substr(tab + 1);
    std::string has = execute(fmt::format(
        "SELECT count() FROM remote({}, system.tables) WHERE database = {} AND name IN ('mentions_local', 'articles_local')",
        clickhouse_quote(address), clickhouse_quote(location_.database)));
    if (std::strtoull(has.c_str(), nullptr, 10) != 2)
      throw StoreError(fmt::format(
          "{}: shard {} of cluster {} has no tables {}.mentions_local and {}.articles_local: list every shard's HTTP "
          "address in the URL (clickhouse://HOST:PORT,HOST:PORT/DB) so that dyad creates them",
          location_.url, address, location_.cluster, location_.database, location_.database));
  }
}

AddResult ClickHouseStore::add(const std::vector<Doc>& docs) {
  std::vector<ArticleRows> rows;
  rows.reserve(docs.size());
  for (const Doc& d : docs) rows.push_back(article_rows(d, EventStore::content_hash(d.article)));
  return add_rows(std::move(rows));
}

AddResult ClickHouseStore::add_rows(std::vector<ArticleRows> articles) {
  // An id twice in a batch: the part before its second copy is stored first.
  AddResult total;
  std::vector<ArticleRows> run;
  std::set<std::string> ids;
  auto flush = [&] {
    AddResult r = add_unique(run);
    total.added += r.added;
    total.replaced += r.replaced;
    total.unchanged += r.unchanged;
    run.clear();
    ids.clear();
  };
  for (ArticleRows& a : articles) {
    if (!ids.insert(a.article_id).second) {
      flush();
      ids.insert(a.article_id);
    }
    run.push_back(std::move(a));
  }
  if (!run.empty()) flush();
  return total;
}

AddResult ClickHouseStore::add_unique(std::vector<ArticleRows>& articles) {
  AddResult result;
  if (articles.empty()) return result;
  // What the store holds of these ids: the content of the latest version (asked in pieces:
  // a statement is at most 256 KiB).
  std::unordered_map<std::string, std::string> stored;
  for (size_t first = 0; first < articles.size();) {
    std::string ids;
    size_t end = first;
    for (; end < articles.size() && ids.size() < 128 * 1024; ++end) {
      if (!ids.empty()) ids.push_back(',');
      ids += clickhouse_quote(articles[end].article_id);
    }
    first = end;
    stream(fmt::format("SELECT article_id, argMax(content_hash, seq) AS hash FROM {} WHERE article_id IN ({}) GROUP BY "
                       "article_id FORMAT JSONEachRow",
                       table("articles"), ids),
           [&](std::string_view line) {
             simdjson::dom::parser parser;
             element e;
             if (parser.parse(line.data(), line.size()).get(e)) throw StoreError(location_.url + ": unreadable answer");
             stored[str(e, "article_id")] = str(e, "hash");
           });
  }
  std::string mentions, rows;
  std::vector<std::string> tombstones;
  const std::vector<std::string> columns = column_names(kMentionColumns);
  for (const ArticleRows& a : articles) {
    auto old = stored.find(a.article_id);
    if (old != stored.end() && old->second == a.content_hash) {
      ++result.unchanged;
      continue;
    }
    uint64_t seq = next_seq_++;
    if (old != stored.end()) {
      ++result.replaced;
      // The old version's mentions whose keys the new one does not report: hidden by a newer
      // version of the same row marked deleted (the rest are replaced by the new rows).
      std::string select;
      for (const std::string& c : columns) {
        if (!select.empty()) select += ", ";
        // By position, no aliases: an alias "deleted" would be the WHERE clause's "deleted".
        select += c == "seq" ? fmt::format("toUInt64({})", seq) : c == "deleted" ? "toUInt8(1)" : c;
      }
      std::string keep;
      for (const MentionRow& m : a.mentions) {
        if (!keep.empty()) keep += ", ";
        keep += fmt::format("({}, {}, {}, {})", clickhouse_quote(m.date), clickhouse_quote(m.source_code),
                            clickhouse_quote(m.target_code), clickhouse_quote(m.cameo));
      }
      tombstones.push_back(fmt::format(
          "INSERT INTO {0} ({1}) SELECT {2} FROM {0} FINAL WHERE article_id = {3} AND deleted = 0{4}", table("mentions"),
          joined(columns, ", "), select, clickhouse_quote(a.article_id),
          keep.empty() ? std::string() : fmt::format(" AND (date, source_code, target_code, cameo) NOT IN ({})", keep)));
    } else {
      ++result.added;
    }
    for (const MentionRow& m : a.mentions) append_mention(mentions, a, m, seq);
    append_article(rows, a, seq);
  }
  for (const std::string& t : tombstones) execute(t);
  // The mentions first: an article's row says it is complete (a run stopped in between codes
  // it again, and the same rows replace each other).
  if (!mentions.empty()) execute(fmt::format("INSERT INTO {} FORMAT JSONEachRow", table("mentions")), mentions);
  if (!rows.empty()) execute(fmt::format("INSERT INTO {} FORMAT JSONEachRow", table("articles")), rows);
  return result;
}

StoreCounts ClickHouseStore::counts() {
  StoreCounts c;
  std::string out = execute(fmt::format(
      "SELECT (SELECT count() FROM {0} FINAL), (SELECT count() FROM (SELECT 1 FROM {1} FINAL GROUP BY date, source_code, "
      "target_code, cameo HAVING countIf(deleted = 0) > 0)), (SELECT countIf(deleted = 0) FROM {1} FINAL), "
      "(SELECT sum(num_sentences) FROM {0} FINAL) FORMAT TSV",
      table("articles"), table("mentions")));
  std::sscanf(out.c_str(), "%lu\t%lu\t%lu\t%lu", &c.articles, &c.events, &c.mentions, &c.sentences);
  return c;
}

// ---- queries ----------------------------------------------------------------------------------
//
// An event is the group of its mentions (the rows with its key: date, source code, target code,
// CAMEO code) that are not deleted; its facts are those of its first report, its counts are
// summed over its mentions, and its id is the place of its first mention in the store's order.

namespace {

// What an event row can hold, by alias: aggregates over the mentions of one key.
std::string event_column(std::string_view alias) {
  auto first = [&](const char* column) { return fmt::format("argMinIf({}, pos, deleted = 0) AS {}", column, alias); };
  auto placed = [&](const char* column) {
    return fmt::format("argMinIf({}, pos, deleted = 0 AND has_location = 1) AS {}", column, alias);
  };
  if (alias == "first_pos") return "minIf(pos, deleted = 0) AS first_pos";
  if (alias == "e_source_country") return first("source_country");
  if (alias == "e_source_roles") return first("source_roles");
  if (alias == "e_target_country") return first("target_country");
  if (alias == "e_target_roles") return first("target_roles");
  if (alias == "e_root_code") return first("root_code");
  if (alias == "e_plover") return first("plover");
  if (alias == "e_plover_mode") return first("plover_mode");
  if (alias == "e_quad") return first("quad_class");
  if (alias == "e_goldstein") return first("goldstein");
  if (alias == "e_has_location") return "maxIf(has_location, deleted = 0) AS e_has_location";
  if (alias == "e_location_name") return placed("location_name");
  if (alias == "e_location_country") return placed("location_country");
  if (alias == "e_location_admin1") return placed("location_admin1");
  if (alias == "e_location_lat") return placed("location_lat");
  if (alias == "e_location_lon") return placed("location_lon");
  if (alias == "e_location_feature") return placed("location_feature");
  if (alias == "e_location_geonameid") return placed("location_geonameid");
  if (alias == "num_mentions") return "sumIf(mentions, deleted = 0) AS num_mentions";
  if (alias == "num_sources") return "uniqExactIf(outlet, deleted = 0) AS num_sources";
  if (alias == "num_articles") return "countIf(deleted = 0) AS num_articles";
  if (alias == "e_is_root") return "maxIf(is_root, deleted = 0) AS e_is_root";
  if (alias == "report")
    return "argMinIf(tuple(event_id, article_id, outlet, url, sentence, sentence_index, trigger_text, trigger_begin, "
           "trigger_end, source_text, source_begin, source_end, source_rule, target_text, target_begin, target_end, "
           "target_rule, date_text, date_begin, date_end, rule, note, confidence, has_location, location_begin, "
           "location_end, location_how, sentence_begin), pos, deleted = 0) AS report";
  throw std::logic_error("no event column " + std::string(alias));
}

// Every column of a StoredEvent.
const std::vector<std::string> kStoredEventColumns = {
    "first_pos",          "e_source_country",  "e_source_roles",    "e_target_country",   "e_target_roles",
    "e_root_code",        "e_plover",          "e_plover_mode",     "e_quad",             "e_goldstein",
    "e_has_location",     "e_location_name",   "e_location_country", "e_location_admin1", "e_location_lat",
    "e_location_lon",     "e_location_feature", "e_location_geonameid", "num_mentions",   "num_sources",
    "num_articles",       "e_is_root",         "report"};

StoredEvent read_stored_event(element r) {
  StoredEvent e;
  e.id = static_cast<int64_t>(unum(r, "first_pos"));
  e.date = str(r, "date");
  e.source_code = str(r, "source_code");
  e.target_code = str(r, "target_code");
  e.cameo = str(r, "cameo");
  e.source_country = str(r, "e_source_country");
  e.source_roles = str(r, "e_source_roles");
  e.target_country = str(r, "e_target_country");
  e.target_roles = str(r, "e_target_roles");
  e.root_code = str(r, "e_root_code");
  e.plover = str(r, "e_plover");
  e.plover_mode = str(r, "e_plover_mode");
  e.quad = static_cast<int>(unum(r, "e_quad"));
  e.goldstein = num(r, "e_goldstein");
  e.has_location = unum(r, "e_has_location") != 0;
  if (e.has_location) {
    e.location_name = str(r, "e_location_name");
    e.location_country = str(r, "e_location_country");
    e.location_admin1 = str(r, "e_location_admin1");
    e.location_lat = num(r, "e_location_lat");
    e.location_lon = num(r, "e_location_lon");
    e.location_feature = str(r, "e_location_feature");
    e.location_geonameid = unum(r, "e_location_geonameid");
  }
  e.num_mentions = unum(r, "num_mentions");
  e.num_sources = unum(r, "num_sources");
  e.num_articles = unum(r, "num_articles");
  e.is_root = unum(r, "e_is_root") != 0;
  simdjson::dom::array report;
  if (!r["report"].get_array().get(report) && report.size() == 28) {
    auto s = [&](size_t i) {
      std::string_view v;
      return report.at(i).get_string().get(v) ? std::string() : std::string(v);
    };
    auto u = [&](size_t i) { return static_cast<uint32_t>(unum(report.at(i))); };
    e.event_id = s(0);
    e.article_id = s(1);
    e.outlet = s(2);
    e.url = s(3);
    e.sentence = s(4);
    e.sentence_index = u(5);
    e.trigger_text = s(6);
    e.trigger_span = {u(7), u(8)};
    e.source_text = s(9);
    e.source_span = {u(10), u(11)};
    e.source_rule = s(12);
    e.target_text = s(13);
    e.target_span = {u(14), u(15)};
    e.target_rule = s(16);
    e.date_expression = s(17);
    e.date_span = {u(18), u(19)};
    e.rule = s(20);
    e.note = s(21);
    e.confidence = num(report.at(22));
    if (u(23)) {
      e.location_span = {u(24), u(25)};
      e.location_how = s(26);
    }
    e.sentence_begin = u(27);
  }
  return e;
}

}  // namespace

ClickHouseStore::EventSql ClickHouseStore::conditions(const EventFilter& f) const {
  // Conditions on the event key and what follows from it (countries from the actor codes,
  // PLOVER and quad class from the CAMEO code) filter mentions; the place and the words are
  // the event's, after counting.
  EventSql c;
  c.having = {"countIf(deleted = 0) > 0"};
  if (f.from || f.to) c.where.push_back(date_range(f.from, f.to));
  if (!f.actor.empty())
    c.where.push_back(fmt::format("({} OR {})", starts_with("source_code", upper(f.actor)),
                                  starts_with("target_code", upper(f.actor))));
  if (!f.source.empty()) c.where.push_back(starts_with("source_code", upper(f.source)));
  if (!f.target.empty()) c.where.push_back(starts_with("target_code", upper(f.target)));
  if (!f.country.empty())
    c.where.push_back(fmt::format("(source_country = {0} OR target_country = {0})", clickhouse_quote(upper(f.country))));
  if (!f.source_country.empty()) c.where.push_back("source_country = " + clickhouse_quote(upper(f.source_country)));
  if (!f.target_country.empty()) c.where.push_back("target_country = " + clickhouse_quote(upper(f.target_country)));
  if (!f.cameo.empty()) c.where.push_back(starts_with("cameo", f.cameo));
  if (!f.plover.empty()) c.where.push_back("plover = " + clickhouse_quote(upper(f.plover)));
  if (f.quad) c.where.push_back(fmt::format("quad_class = {}", f.quad));
  if (!f.location_country.empty()) {
    c.having.push_back("e_location_country = " + clickhouse_quote(upper(f.location_country)));
    c.columns.push_back("e_location_country");
  }
  if (!f.location.empty()) {
    c.having.push_back("e_location_name = " + clickhouse_quote(f.location));
    c.columns.push_back("e_location_name");
  }
  if (!f.text.empty()) {
    // Every word a word of a sentence that reports the event (the words column: letters and
    // digits, case and diacritics folded, as SQLite's full-text index has them).
    std::vector<std::string> words = words_of(f.text);
    if (words.empty()) {
      c.having.push_back("0");
    } else {
      std::string all;
      for (const std::string& w : words) all += fmt::format(" AND position(words, {}) > 0", clickhouse_quote(" " + w + " "));
      c.having.push_back(fmt::format("countIf(deleted = 0{}) > 0", all));
    }
  }
  return c;
}

std::string ClickHouseStore::events_sql(const EventSql& c, std::vector<std::string> columns) const {
  for (const std::string& needed : c.columns)
    if (std::find(columns.begin(), columns.end(), needed) == columns.end()) columns.push_back(needed);
  std::string sql = "SELECT date, source_code, target_code, cameo";
  for (const std::string& column : columns) sql += ", " + event_column(column);
  sql += " FROM " + table("mentions") + " FINAL";
  if (!c.where.empty()) sql += " WHERE " + joined(c.where, " AND ");
  sql += " GROUP BY date, source_code, target_code, cameo HAVING " + joined(c.having, " AND ");
  return sql;
}

std::string ClickHouseStore::events_view_sql() const {
  std::string inner = events_sql(EventSql{{}, {"countIf(deleted = 0) > 0"}, {}},
                                 {"first_pos", "e_root_code", "e_quad", "e_goldstein", "e_plover", "e_plover_mode",
                                  "e_source_country", "e_target_country", "e_source_roles", "e_target_roles",
                                  "e_has_location", "e_location_name", "e_location_country", "e_location_admin1",
                                  "e_location_lat", "e_location_lon", "e_location_feature", "e_location_geonameid",
                                  "num_mentions", "num_sources", "num_articles", "e_is_root"});
  return "SELECT first_pos AS id, date, source_code, target_code, cameo, e_root_code AS root_code, e_quad AS quad_class, "
         "e_goldstein AS goldstein, e_plover AS plover, e_plover_mode AS plover_mode, e_source_country AS "
         "source_country, e_target_country AS target_country, e_source_roles AS source_roles, e_target_roles AS "
         "target_roles, e_has_location AS has_location, e_location_name AS location_name, e_location_country AS "
         "location_country, e_location_admin1 AS location_admin1, e_location_lat AS location_lat, e_location_lon AS "
         "location_lon, e_location_feature AS location_feature, e_location_geonameid AS location_geonameid, "
         "num_mentions, num_sources, num_articles, e_is_root AS is_root FROM (" +
         inner + ")";
}

std::string ClickHouseStore::key_of_mention(int64_t pos) {
  // Without FINAL (a scan of a few columns, not a merge of every row): every version of the
  // row at `pos`, a deletion included, has the same key, and the caller counts only the rows
  // not deleted. The key as literals then lets the primary key find the event's rows.
  std::string out = execute(fmt::format(
      "SELECT date, source_code, target_code, cameo FROM {} WHERE pos = {} LIMIT 1 FORMAT TSV", table("mentions"), pos));
  std::string condition = "0";
  for_each_row(out, [&](const std::vector<std::string_view>& row) {
    if (row.size() != 4) return;
    condition = fmt::format("date = {} AND source_code = {} AND target_code = {} AND cameo = {}",
                            clickhouse_quote(unescape_tsv(row[0])), clickhouse_quote(unescape_tsv(row[1])),
                            clickhouse_quote(unescape_tsv(row[2])), clickhouse_quote(unescape_tsv(row[3])));
  });
  return condition;
}

void ClickHouseStore::read_events(const std::string& sql, const std::function<void(const StoredEvent&)>& row) {
  simdjson::dom::parser parser;
  stream(sql + " FORMAT JSONEachRow", [&](std::string_view line) {
    element r;
    if (parser.parse(line.data(), line.size()).get(r))
      throw StoreError(fmt::format("{}: {}", location_.url, server_message(std::string(line))));
    row(read_stored_event(r));
  });
}

void ClickHouseStore::query(const EventFilter& f, const std::function<void(const StoredEvent&)>& row) {
  EventSql c = conditions(f);
  // The order of the SQLite store (store_sql::order_terms): undated events last when by date;
  // ties in the order the events were first stored.
  bool descending = f.sort == EventSort::kDateDescending || f.sort == EventSort::kGoldsteinDescending ||
                    f.sort == EventSort::kMentionsDescending;
  const char* column = f.sort == EventSort::kGoldstein || f.sort == EventSort::kGoldsteinDescending ? "e_goldstein"
                       : f.sort == EventSort::kMentions || f.sort == EventSort::kMentionsDescending ? "num_mentions"
                                                                                                      : "date";
  std::string order = fmt::format(" ORDER BY {}{}{}, first_pos{}", std::string_view(column) == "date" ? "date = '', " : "",
                                  column, descending ? " DESC" : "", descending ? " DESC" : "");
  std::string page;
  if (f.limit || f.offset)
    page = fmt::format(" LIMIT {}, {}", f.offset, f.limit ? f.limit : std::numeric_limits<uint64_t>::max() / 2);
  if (f.limit) {
    // First the page's events, by their keys alone (light aggregates), then their facts: the
    // first report's columns are read for the page only, not for every matching event.
    std::vector<std::string> light = {"first_pos"};
    if (std::string_view(column) != "date") light.push_back(column);
    std::string keys = events_sql(c, light) + order + page;
    // GLOBAL: the page is chosen once, over every shard, and sent to them.
    c.where.push_back(fmt::format("(date, source_code, target_code, cameo) {}IN (SELECT date, source_code, target_code, "
                                  "cameo FROM ({}))",
                                  distributed_ ? "GLOBAL " : "", keys));
    page.clear();
  }
  read_events(events_sql(c, kStoredEventColumns) + order + page, row);
}

uint64_t ClickHouseStore::count(const EventFilter& f) {
  std::string out = execute(fmt::format("SELECT count() FROM ({}) FORMAT TSV", events_sql(conditions(f), {})));
  return std::strtoull(out.c_str(), nullptr, 10);
}

std::optional<StoredEvent> ClickHouseStore::event(int64_t id) {
  EventSql c;
  c.where = {key_of_mention(id)};
  c.having = {"countIf(deleted = 0) > 0", fmt::format("first_pos = {}", id)};
  std::optional<StoredEvent> found;
  read_events(events_sql(c, kStoredEventColumns), [&](const StoredEvent& e) { found = e; });
  return found;
}

std::vector<StoredReport> ClickHouseStore::reports(int64_t id, size_t max_reports) {
  std::vector<StoredReport> out;
  std::string sql = fmt::format(
      "SELECT article_id, outlet, url, event_id, sentence, sentence_index, sentence_begin, trigger_text, trigger_begin, "
      "trigger_end, source_text, source_begin, source_end, source_rule, target_text, target_begin, target_end, "
      "target_rule, date_text, date_begin, date_end, has_location, location_name, location_country, location_admin1, "
      "location_lat, location_lon, location_feature, location_geonameid, location_begin, location_end, location_how, "
      "rule, confidence, note, mentions, is_root FROM {} FINAL WHERE {} AND deleted = 0 ORDER BY pos LIMIT {} "
      "FORMAT JSONEachRow",
      table("mentions"), key_of_mention(id), max_reports);
  simdjson::dom::parser parser;
  stream(sql, [&](std::string_view line) {
    element m;
    if (parser.parse(line.data(), line.size()).get(m))
      throw StoreError(fmt::format("{}: {}", location_.url, server_message(std::string(line))));
    auto span = [&](const char* begin, const char* end) {
      return Span{static_cast<uint32_t>(unum(m, begin)), static_cast<uint32_t>(unum(m, end))};
    };
    StoredReport& r = out.emplace_back();
    r.article_id = str(m, "article_id");
    r.outlet = str(m, "outlet");
    r.url = str(m, "url");
    r.event_id = str(m, "event_id");
    r.sentence = str(m, "sentence");
    r.sentence_index = static_cast<uint32_t>(unum(m, "sentence_index"));
    r.sentence_begin = static_cast<uint32_t>(unum(m, "sentence_begin"));
    r.trigger_text = str(m, "trigger_text");
    r.trigger_span = span("trigger_begin", "trigger_end");
    r.source_text = str(m, "source_text");
    r.source_span = span("source_begin", "source_end");
    r.source_rule = str(m, "source_rule");
    r.target_text = str(m, "target_text");
    r.target_span = span("target_begin", "target_end");
    r.target_rule = str(m, "target_rule");
    r.date_text = str(m, "date_text");
    r.date_span = span("date_begin", "date_end");
    if (unum(m, "has_location")) {
      EventPlace& p = r.place.emplace();
      p.name = str(m, "location_name");
      p.country = str(m, "location_country");
      p.admin1 = str(m, "location_admin1");
      p.lat = num(m, "location_lat");
      p.lon = num(m, "location_lon");
      p.feature = str(m, "location_feature");
      p.geonameid = unum(m, "location_geonameid");
      p.span = span("location_begin", "location_end");
      p.how = str(m, "location_how");
    }
    r.rule = str(m, "rule");
    r.confidence = num(m, "confidence");
    r.note = str(m, "note");
    r.mentions = unum(m, "mentions");
    r.is_root = unum(m, "is_root") != 0;
  });
  if (out.empty()) return out;
  // The articles' titles and publication dates, from their latest versions.
  std::string ids;
  for (const StoredReport& r : out) {
    if (!ids.empty()) ids += ", ";
    ids += clickhouse_quote(r.article_id);
  }
  std::unordered_map<std::string, std::pair<std::string, std::string>> articles;
  stream(fmt::format("SELECT article_id, title, published FROM {} FINAL WHERE article_id IN ({}) FORMAT JSONEachRow",
                     table("articles"), ids),
         [&](std::string_view line) {
           element a;
           if (parser.parse(line.data(), line.size()).get(a))
             throw StoreError(fmt::format("{}: {}", location_.url, server_message(std::string(line))));
           articles[str(a, "article_id")] = {str(a, "title"), str(a, "published")};
         });
  for (StoredReport& r : out) {
    auto it = articles.find(r.article_id);
    if (it == articles.end()) continue;
    r.title = it->second.first;
    r.published = it->second.second;
  }
  return out;
}

std::map<Date, SeriesPoint> ClickHouseStore::series_by_period(const SeriesFilter& f) {
  std::vector<std::string> where = {"date != ''"};
  if (f.from || f.to) where.push_back(date_range(f.from, f.to));
  if (!f.dyad_source.empty()) where.push_back(starts_with("source_code", upper(f.dyad_source)));
  if (!f.dyad_target.empty()) where.push_back(starts_with("target_code", upper(f.dyad_target)));
  if (!f.plover.empty()) where.push_back("plover = " + clickhouse_quote(upper(f.plover)));
  if (!f.country.empty())
    where.push_back(fmt::format("({} OR {})", starts_with("source_code", upper(f.country)),
                                starts_with("target_code", upper(f.country))));
  // Events (keys with a stored mention) per day, summed into periods here as SQLite's are.
  std::string sql = fmt::format(
      "SELECT date, count() AS events, sum(m) AS mentions, sum(a) AS articles, sum(g) AS goldstein FROM (SELECT date, "
      "sumIf(mentions, deleted = 0) AS m, countIf(deleted = 0) AS a, argMinIf(goldstein, pos, deleted = 0) AS g FROM {} "
      "FINAL WHERE {} GROUP BY date, source_code, target_code, cameo HAVING a > 0) GROUP BY date FORMAT TSV",
      table("mentions"), joined(where, " AND "));
  std::map<Date, SeriesPoint> by_period;
  for_each_row(execute(sql), [&](const std::vector<std::string_view>& row) {
    if (row.size() != 5) return;
    std::optional<Date> d = Date::parse_iso(row[0]);
    if (!d) return;
    SeriesPoint& p = by_period[period_start(*d, f.by)];
    p.events += std::strtoull(std::string(row[1]).c_str(), nullptr, 10);
    p.mentions += std::strtoull(std::string(row[2]).c_str(), nullptr, 10);
    p.articles += std::strtoull(std::string(row[3]).c_str(), nullptr, 10);
    p.goldstein += std::strtod(std::string(row[4]).c_str(), nullptr);
  });
  return by_period;
}

std::vector<SeriesPoint> ClickHouseStore::series(const SeriesFilter& f) {
  return *series(f, std::numeric_limits<size_t>::max() - 1);
}

std::optional<std::vector<SeriesPoint>> ClickHouseStore::series(const SeriesFilter& f, size_t max_periods) {
  return zero_filled(series_by_period(f), f.from, f.to, f.by, max_periods);
}

Timeline ClickHouseStore::timeline(const EventFilter& f, Period by, size_t max_periods) {
  EventSql c = conditions(f);
  c.where.push_back("date != ''");
  std::string sql = fmt::format("SELECT date, e_quad, count(), sum(e_goldstein) FROM ({}) GROUP BY date, e_quad FORMAT TSV",
                                events_sql(c, {"e_quad", "e_goldstein"}));
  std::map<Date, QuadPoint> by_period;
  for_each_row(execute(sql), [&](const std::vector<std::string_view>& row) {
    if (row.size() != 4) return;
    std::optional<Date> day = Date::parse_iso(row[0]);
    int quad = std::atoi(std::string(row[1]).c_str());
    if (!day || quad < 1 || quad > 4) return;
    QuadPoint& p = by_period[period_start(*day, by)];
    p.events[quad - 1] += std::strtoull(std::string(row[2]).c_str(), nullptr, 10);
    p.goldstein[quad - 1] += std::strtod(std::string(row[3]).c_str(), nullptr);
  });
  Timeline out;
  std::optional<std::vector<QuadPoint>> periods = zero_filled(by_period, f.from, f.to, by, max_periods);
  if (periods) out.periods = std::move(*periods);
  else out.too_many_periods = true;
  return out;
}

std::vector<ActorTally> ClickHouseStore::top_actors(const EventFilter& f, Side side, size_t limit) {
  // Each event's actors (code, country) as an array joined into rows: either side counts an
  // event with the same actor on both sides once.
  const char* actors =
      side == Side::kSource   ? "[(source_code, e_source_country)]"
      : side == Side::kTarget ? "[(target_code, e_target_country)]"
                              : "if(source_code = target_code, [(source_code, e_source_country)], "
                                "[(source_code, e_source_country), (target_code, e_target_country)])";
  std::string sql = fmt::format(
      "SELECT tupleElement(actor, 1) AS code, any(tupleElement(actor, 2)), count() AS n, sum(num_mentions), "
      "sum(e_goldstein) FROM ({}) ARRAY JOIN arrayFilter(x -> tupleElement(x, 1) != '', {}) AS actor GROUP BY code "
      "ORDER BY n DESC, code LIMIT {} FORMAT TSV",
      events_sql(conditions(f), {"e_source_country", "e_target_country", "num_mentions", "e_goldstein"}), actors, limit);
  std::vector<ActorTally> out;
  for_each_row(execute(sql), [&](const std::vector<std::string_view>& row) {
    if (row.size() != 5) return;
    ActorTally& a = out.emplace_back();
    a.code = unescape_tsv(row[0]);
    a.country = unescape_tsv(row[1]);
    read_tally(row, 2, a);
  });
  return out;
}

std::vector<DyadTally> ClickHouseStore::top_dyads(const EventFilter& f, size_t limit) {
  EventSql c = conditions(f);
  c.where.push_back("source_code != ''");
  c.where.push_back("target_code != ''");
  std::string sql = fmt::format(
      "SELECT source_code, target_code, count() AS n, sum(num_mentions), sum(e_goldstein) FROM ({}) GROUP BY "
      "source_code, target_code ORDER BY n DESC, source_code, target_code LIMIT {} FORMAT TSV",
      events_sql(c, {"num_mentions", "e_goldstein"}), limit);
  std::vector<DyadTally> out;
  for_each_row(execute(sql), [&](const std::vector<std::string_view>& row) {
    if (row.size() != 5) return;
    DyadTally& d = out.emplace_back();
    d.source = unescape_tsv(row[0]);
    d.target = unescape_tsv(row[1]);
    read_tally(row, 2, d);
  });
  return out;
}

std::vector<PlaceTally> ClickHouseStore::places(const EventFilter& f, size_t limit) {
  std::string sql = fmt::format(
      "SELECT e_location_name, max(e_location_country), e_location_lat, e_location_lon, count() AS n, "
      "sum(num_mentions), sum(e_goldstein) FROM ({}) WHERE e_has_location = 1 GROUP BY e_location_name, e_location_lat, "
      "e_location_lon ORDER BY n DESC, e_location_name, e_location_lat, e_location_lon LIMIT {} FORMAT TSV",
      events_sql(conditions(f), {"e_has_location", "e_location_name", "e_location_country", "e_location_lat",
                                 "e_location_lon", "num_mentions", "e_goldstein"}),
      limit);
  std::vector<PlaceTally> out;
  for_each_row(execute(sql), [&](const std::vector<std::string_view>& row) {
    if (row.size() != 7) return;
    PlaceTally& p = out.emplace_back();
    p.name = unescape_tsv(row[0]);
    p.country = unescape_tsv(row[1]);
    p.lat = std::strtod(std::string(row[2]).c_str(), nullptr);
    p.lon = std::strtod(std::string(row[3]).c_str(), nullptr);
    read_tally(row, 4, p);
  });
  return out;
}

StoreStatus ClickHouseStore::status() {
  StoreStatus s;
  s.counts = counts();
  std::string out = execute(fmt::format(
      "SELECT min(date), max(date) FROM {} FINAL WHERE deleted = 0 AND date != '' FORMAT TSV", table("mentions")));
  for_each_row(out, [&](const std::vector<std::string_view>& row) {
    if (row.size() != 2) return;
    s.first_date = unescape_tsv(row[0]);
    s.last_date = unescape_tsv(row[1]);
  });
  return s;
}

void ClickHouseStore::set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline) {
  deadline_ = deadline;
}

}  // namespace dyad
