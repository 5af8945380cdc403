#include "store/event_store.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "code/cameo.h"
#include "code/event.h"

namespace dyad {
namespace {

constexpr int kSchemaVersion = 1;

int64_t sentence_rowid(int64_t article, uint32_t sentence) { return article * kMaxSentences + sentence; }

// The tables and indexes (docs/store.md). Every statement is idempotent. The actor code and
// PLOVER indexes carry what `dyad series` sums, so a series is read from an index alone.
constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  outlet TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  published TEXT,
  origin TEXT NOT NULL,
  num_events INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  cameo TEXT NOT NULL,
  root_code TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT NOT NULL,
  plover_mode TEXT NOT NULL,
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  source_roles TEXT NOT NULL,
  target_roles TEXT NOT NULL,
  location_name TEXT,
  location_country TEXT,
  location_admin1 TEXT,
  location_lat REAL,
  location_lon REAL,
  location_feature TEXT,
  location_geonameid INTEGER,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  is_root INTEGER NOT NULL,
  first_article INTEGER,
  UNIQUE(date, source_code, target_code, cameo));
CREATE INDEX IF NOT EXISTS events_source_country ON events(source_country, date);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country, date);
CREATE INDEX IF NOT EXISTS events_source_code
  ON events(source_code, date, target_code, plover, goldstein, num_mentions, num_articles);
CREATE INDEX IF NOT EXISTS events_target_code
  ON events(target_code, date, source_code, plover, goldstein, num_mentions, num_articles);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo, date);
CREATE INDEX IF NOT EXISTS events_plover ON events(plover, date, goldstein, num_mentions, num_articles);
CREATE INDEX IF NOT EXISTS events_location_country ON events(location_country, date);
CREATE TABLE IF NOT EXISTS mentions(
  article INTEGER NOT NULL,
  event INTEGER NOT NULL,
  outlet TEXT NOT NULL,
  sentence_index INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  trigger_text TEXT NOT NULL, trigger_begin INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
  source_text TEXT, source_begin INTEGER, source_end INTEGER, source_rule TEXT,
  target_text TEXT, target_begin INTEGER, target_end INTEGER, target_rule TEXT,
  date_text TEXT, date_begin INTEGER, date_end INTEGER,
  location_name TEXT, location_country TEXT, location_admin1 TEXT, location_lat REAL, location_lon REAL,
  location_feature TEXT, location_geonameid INTEGER, location_begin INTEGER, location_end INTEGER,
  location_how TEXT,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL,
  note TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  is_root INTEGER NOT NULL,
  PRIMARY KEY(article, event)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_event_outlet ON mentions(event, outlet);
)SQL";

// The sentences: one row per sentence that reports an event, its rowid made of the article's
// row and the sentence index (sentence_rowid), so that no other index is needed to find one.
// FTS5 when SQLite has it, else a plain table searched with LIKE. The FTS index records which
// sentences hold a word, not where (detail=none): half the work of a full index when storing.
constexpr const char* kSentencesFts =
    "CREATE VIRTUAL TABLE sentences USING fts5(text, article UNINDEXED, sentence_index UNINDEXED, "
    "begin UNINDEXED, end UNINDEXED, tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0)";
// Fewer, larger merges of the index's segments (one segment is written per batch).
constexpr const char* kSentencesFtsMerge = "INSERT INTO sentences(sentences, rank) VALUES ('automerge', 16)";
constexpr const char* kSentencesPlain =
    "CREATE TABLE sentences(id INTEGER PRIMARY KEY, text TEXT NOT NULL, article INTEGER NOT NULL, "
    "sentence_index INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL)";

std::string roles_text(const std::optional<Actor>& a) {
  std::string out;
  if (!a) return out;
  for (const std::string& r : a->roles) {
    if (!out.empty()) out.push_back(' ');
    out += r;
  }
  return out;
}

// 64-bit FNV-1a, twice with different seeds: a change detector, not a security measure.
void mix(uint64_t& h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h ^= 0xff;  // field separator: ("ab","c") and ("a","bc") differ
  h *= 1099511628211ull;
}

}  // namespace

struct EventStore::Statements {
  sql::Statement find_article, insert_article, find_event, insert_event, source_seen, insert_mention,
      add_to_mention, update_event, insert_sentence;
  // Replacing an article.
  sql::Statement article_events, delete_mentions, delete_sentences, delete_article, recount_event,
      delete_empty_event;
};

// What a batch adds to an event row, written once per event at the end of the batch (an event
// reported by many articles of a batch is updated once).
struct EventStore::EventDelta {
  uint64_t mentions = 0, articles = 0, sources = 0;
  bool root = false;
  int64_t first_article = 0;
  std::optional<EventPlace> place;
};

EventStore::EventStore(const std::string& path, bool read_only)
    : path_(path), db_(path, !read_only, read_only) {
  if (read_only) {
    bool store = false;
    try {
      // A larger page cache than SQLite's 2 MB default: the indexes of a big store stay in memory.
      db_.exec("PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
      sql::Statement has = db_.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('events','sentences')");
      store = has.step() && has.int64(0) == 2;
    } catch (const StoreError& e) {
      throw StoreError(path + ": not a dyad event store (" + e.what() + ")");
    }
    if (!store) throw StoreError(path + ": not a dyad event store");
    sql::Statement kind = db_.prepare("SELECT sql FROM sqlite_master WHERE name = 'sentences'");
    fts_ = kind.step() && kind.text(0).find("fts5") != std::string::npos;
    return;
  }
  db_.exec("PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
  // WAL: readers go on while a batch is written, and a crash loses only the open transaction.
  // NORMAL: no fsync per commit (a power cut may lose the last batches, never consistency).
  db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=16384;");
  create_schema();
  prepare_statements();
}

EventStore::~EventStore() = default;

void EventStore::create_schema() {
  db_.exec("BEGIN IMMEDIATE");
  try {
    db_.exec(kSchema);
    sql::Statement existing = db_.prepare("SELECT sql FROM sqlite_master WHERE name = 'sentences'");
    if (existing.step()) {
      fts_ = existing.text(0).find("fts5") != std::string::npos;
    } else {
      fts_ = db_.try_exec(kSentencesFts);
      if (fts_) db_.exec(kSentencesFtsMerge);
      else db_.exec(kSentencesPlain);
    }
    sql::Statement version = db_.prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)");
    version.bind(1, std::to_string(kSchemaVersion)).run();
    sql::Statement check = db_.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (check.step() && check.text(0) != std::to_string(kSchemaVersion))
      throw StoreError(path_ + ": store schema version " + check.text(0) + ", this dyad reads version " +
                       std::to_string(kSchemaVersion));
    db_.exec("COMMIT");
  } catch (...) {
    db_.try_exec("ROLLBACK");
    throw;
  }
}

std::string EventStore::content_hash(const Article& a) {
  uint64_t h1 = 1469598103934665603ull, h2 = 0x9e3779b97f4a7c15ull;
  // The date as resolved too: a text file's date comes from --date, not from the file.
  std::string date = a.date ? a.date->iso() : std::string();
  for (std::string_view field : {std::string_view(a.text), std::string_view(a.date_text), std::string_view(date),
                                 std::string_view(a.title), std::string_view(a.source), std::string_view(a.url)}) {
    mix(h1, field);
    mix(h2, field);
  }
  return fmt::format("{:016x}{:016x}", h1, h2);
}

void EventStore::prepare_statements() {
  st_ = std::make_unique<Statements>();
  Statements& s = *st_;
  s.find_article = db_.prepare("SELECT id, content_hash FROM articles WHERE article_id = ?");
  s.insert_article = db_.prepare(
      "INSERT INTO articles(article_id, content_hash, outlet, url, title, published, origin, num_events) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.find_event = db_.prepare("SELECT id FROM events WHERE date = ? AND source_code = ? AND target_code = ? AND cameo = ?");
  s.insert_event = db_.prepare(
      "INSERT INTO events(date, source_code, target_code, cameo, root_code, quad_class, goldstein, plover, "
      "plover_mode, source_country, target_country, source_roles, target_roles, num_mentions, num_sources, "
      "num_articles, is_root) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)");
  s.source_seen = db_.prepare("SELECT EXISTS(SELECT 1 FROM mentions WHERE event = ? AND outlet = ?)");
  s.insert_mention = db_.prepare(
      "INSERT INTO mentions(event, article, outlet, sentence_index, event_id, trigger_text, "
      "trigger_begin, trigger_end, source_text, source_begin, source_end, source_rule, target_text, target_begin, "
      "target_end, target_rule, date_text, date_begin, date_end, location_name, location_country, location_admin1, "
      "location_lat, location_lon, location_feature, location_geonameid, location_begin, location_end, "
      "location_how, rule, confidence, note, mentions, is_root) VALUES (?1, ?2, ?3, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, "
      "?32, ?33, ?34, ?35)");
  // The same event twice in one article (its dates written differently): one mention.
  s.add_to_mention = db_.prepare(
      "UPDATE mentions SET mentions = mentions + ?, is_root = max(is_root, ?) WHERE article = ? AND event = ?");
  s.update_event = db_.prepare(
      "UPDATE events SET num_mentions = num_mentions + ?2, num_articles = num_articles + ?3, "
      "num_sources = num_sources + ?4, is_root = max(is_root, ?5), "
      // The place of the first mention that has one.
      "location_name = coalesce(location_name, ?6), location_country = coalesce(location_country, ?7), "
      "location_admin1 = coalesce(location_admin1, ?8), location_lat = coalesce(location_lat, ?9), "
      "location_lon = coalesce(location_lon, ?10), location_feature = coalesce(location_feature, ?11), "
      "location_geonameid = coalesce(location_geonameid, ?12), first_article = coalesce(first_article, ?13) "
      "WHERE id = ?1");
  s.insert_sentence = db_.prepare(
      fts_ ? "INSERT INTO sentences(rowid, text, article, sentence_index, begin, end) VALUES (?, ?, ?, ?, ?, ?)"
           : "INSERT INTO sentences(id, text, article, sentence_index, begin, end) VALUES (?, ?, ?, ?, ?, ?)");
  s.article_events = db_.prepare("SELECT DISTINCT event FROM mentions WHERE article = ?");
  s.delete_mentions = db_.prepare("DELETE FROM mentions WHERE article = ?");
  s.delete_sentences = db_.prepare("DELETE FROM sentences WHERE rowid BETWEEN ? AND ?");
  s.delete_article = db_.prepare("DELETE FROM articles WHERE id = ?");
  s.recount_event = db_.prepare(
      "UPDATE events SET num_mentions = (SELECT coalesce(sum(mentions), 0) FROM mentions WHERE event = ?1), "
      "num_articles = (SELECT count(*) FROM mentions WHERE event = ?1), "
      "num_sources = (SELECT count(DISTINCT outlet) FROM mentions WHERE event = ?1), "
      "is_root = (SELECT coalesce(max(is_root), 0) FROM mentions WHERE event = ?1), "
      "(location_name, location_country, location_admin1, location_lat, location_lon, location_feature, "
      "location_geonameid) = (SELECT location_name, location_country, location_admin1, location_lat, location_lon, "
      "location_feature, location_geonameid FROM mentions WHERE event = ?1 AND location_name IS NOT NULL "
      "ORDER BY article LIMIT 1), "
      "first_article = (SELECT min(article) FROM mentions WHERE event = ?1) WHERE id = ?1");
  s.delete_empty_event = db_.prepare("DELETE FROM events WHERE id = ? AND num_articles = 0");
}

bool EventStore::holds(const Article& article) {
  if (!st_) return false;
  sql::Statement& find = st_->find_article;
  find.bind(1, article.id);
  bool same = find.step() && find.text(1) == content_hash(article);
  find.reset();
  return same;
}

void EventStore::flush_deltas(std::map<int64_t, EventDelta>& deltas) {
  sql::Statement& u = st_->update_event;
  for (const auto& [event, d] : deltas) {
    u.bind(1, event).bind(2, d.mentions).bind(3, d.articles).bind(4, d.sources).bind(5, d.root ? 1 : 0);
    if (d.place) {
      const EventPlace& p = *d.place;
      u.bind(6, p.name).bind(7, p.country).bind(8, p.admin1).bind(9, p.lat).bind(10, p.lon).bind(11, p.feature);
      u.bind(12, p.geonameid);
    }
    if (d.first_article) u.bind(13, d.first_article);
    u.run();
    u.reset();
  }
  deltas.clear();
}

AddResult EventStore::add(const std::vector<Doc>& docs) {
  if (!st_) throw StoreError(path_ + ": the store is open read-only");
  AddResult result;
  std::map<int64_t, EventDelta> deltas;
  db_.exec("BEGIN IMMEDIATE");
  try {
    for (const Doc& doc : docs) {
      std::string hash = content_hash(doc.article);
      sql::Statement& find = st_->find_article;
      find.bind(1, doc.article.id);
      std::optional<int64_t> old;
      bool same = false;
      if (find.step()) {
        old = find.int64(0);
        same = find.text(1) == hash;
      }
      find.reset();
      if (same) {
        ++result.unchanged;
        continue;
      }
      if (old) {
        // Its events' counts are about to be recounted from the mentions: write what the batch
        // added so far first. Events may go: forget the ids known.
        flush_deltas(deltas);
        event_ids_.clear();
        remove_article(*old);
        ++result.replaced;
      } else {
        ++result.added;
      }
      add_doc(doc, hash, deltas);
    }
    flush_deltas(deltas);
    db_.exec("COMMIT");
  } catch (...) {
    db_.try_exec("ROLLBACK");
    event_ids_.clear();  // they may name rows rolled back
    throw;
  }
  return result;
}

void EventStore::remove_article(int64_t rowid) {
  Statements& s = *st_;
  std::vector<int64_t> events;
  s.article_events.bind(1, rowid);
  while (s.article_events.step()) events.push_back(s.article_events.int64(0));
  s.article_events.reset();
  s.delete_mentions.bind(1, rowid).run();
  s.delete_sentences.bind(1, sentence_rowid(rowid, 0)).bind(2, sentence_rowid(rowid + 1, 0) - 1).run();
  s.delete_article.bind(1, rowid).run();
  s.delete_mentions.reset();
  s.delete_sentences.reset();
  s.delete_article.reset();
  for (int64_t event : events) {
    s.recount_event.bind(1, event).run();
    s.recount_event.reset();
    s.delete_empty_event.bind(1, event).run();
    s.delete_empty_event.reset();
  }
}

void EventStore::add_doc(const Doc& doc, const std::string& hash, std::map<int64_t, EventDelta>& deltas) {
  Statements& s = *st_;
  const Article& a = doc.article;
  const Events* coded = doc.find_ext<Events>();
  uint64_t stored_events = 0;
  if (coded)
    for (const Event& e : coded->events) stored_events += !e.negated;

  s.insert_article.bind(1, a.id).bind(2, hash).bind(3, a.source).bind(4, a.url).bind(5, a.title);
  if (a.date) s.insert_article.bind(6, a.date->iso());
  s.insert_article.bind(7, a.origin_line ? fmt::format("{}:{}", a.origin_file, a.origin_line) : a.origin_file);
  s.insert_article.bind(8, stored_events).run();
  s.insert_article.reset();
  int64_t article = db_.last_insert_rowid();
  if (!coded) return;

  const CameoTable& cameo = CameoTable::shared();
  std::set<uint32_t> sentences_written;
  std::set<int64_t> events_in_article;
  uint32_t previous_sentence = UINT32_MAX, n = 0;
  for (const Event& e : coded->events) {
    // The event id as the writers number it: article:sentence:n, counting every event.
    n = e.sentence == previous_sentence ? n + 1 : 0;
    previous_sentence = e.sentence;
    // A negated event reports that something did not happen: it is no event of the store.
    if (e.negated) continue;
    std::string date = !e.date_text.empty() ? e.date_text : a.date ? a.date->iso() : std::string();
    const std::string& source_code = e.source ? e.source->code : std::string();
    const std::string& target_code = e.target ? e.target->code : std::string();

    std::string key = date;
    for (const std::string* part : {&source_code, &target_code, &e.cameo}) {
      key.push_back('\t');
      key += *part;
    }
    int64_t event = 0;
    if (auto known = event_ids_.find(key); known != event_ids_.end()) {
      event = known->second;
    } else {
      s.find_event.bind(1, date).bind(2, source_code).bind(3, target_code).bind(4, e.cameo);
      event = s.find_event.step() ? s.find_event.int64(0) : 0;
      s.find_event.reset();
    }
    if (!event) {
      const CameoInfo* info = cameo.find(e.cameo);
      s.insert_event.bind(1, date).bind(2, source_code).bind(3, target_code).bind(4, e.cameo);
      s.insert_event.bind(5, e.cameo.substr(0, 2)).bind(6, info ? info->quad : 0).bind(7, info ? info->goldstein : 0.0);
      s.insert_event.bind(8, info ? info->plover : "").bind(9, info ? info->mode : "");
      s.insert_event.bind(10, e.source ? e.source->country : "").bind(11, e.target ? e.target->country : "");
      s.insert_event.bind(12, roles_text(e.source)).bind(13, roles_text(e.target)).run();
      s.insert_event.reset();
      event = db_.last_insert_rowid();
    }
    if (event_ids_.size() >= kEventIdsCached) event_ids_.clear();
    event_ids_.emplace(std::move(key), event);

    if (sentences_written.insert(e.sentence).second && e.sentence < kMaxSentences) {
      Span span = e.sentence < doc.sentences.size() ? doc.sentences[e.sentence].span : Span{};
      s.insert_sentence.bind(1, sentence_rowid(article, e.sentence)).bind(2, doc.text_of(span)).bind(3, article);
      s.insert_sentence.bind(4, e.sentence).bind(5, span.begin).bind(6, span.end).run();
      s.insert_sentence.reset();
    }

    EventDelta& delta = deltas[event];
    delta.mentions += e.mentions;
    delta.root = delta.root || e.root;
    if (e.place && !delta.place) delta.place = e.place;
    if (!events_in_article.insert(event).second) {
      // Reported again in this article under another date form: the same mention.
      s.add_to_mention.bind(1, e.mentions).bind(2, e.root ? 1 : 0).bind(3, article).bind(4, event);
      s.add_to_mention.run();
      s.add_to_mention.reset();
      continue;
    }
    s.source_seen.bind(1, event).bind(2, a.source);
    bool new_source = s.source_seen.step() && s.source_seen.int64(0) == 0;
    s.source_seen.reset();

    sql::Statement& m = s.insert_mention;
    // The texts outlive the statement's run: bound without a copy.
    std::string event_id = fmt::format("{}:{}:{}", a.id, e.sentence, n);
    m.bind(1, event).bind(2, article).bind_view(3, a.source).bind(5, e.sentence);
    m.bind_view(6, event_id);
    m.bind_view(7, doc.text_of(e.trigger)).bind(8, e.trigger.begin).bind(9, e.trigger.end);
    int column = 10;
    for (const auto* side : {&e.source, &e.target}) {
      if (*side) {
        m.bind_view(column, doc.text_of((*side)->span)).bind(column + 1, (*side)->span.begin);
        m.bind(column + 2, (*side)->span.end);
        m.bind_view(column + 3, side == &e.source ? e.source_rule : e.target_rule);
      }
      column += 4;
    }
    if (!e.date_span.empty())
      m.bind_view(18, doc.text_of(e.date_span)).bind(19, e.date_span.begin).bind(20, e.date_span.end);
    if (e.place) {
      const EventPlace& p = *e.place;
      m.bind_view(21, p.name).bind_view(22, p.country).bind_view(23, p.admin1).bind(24, p.lat).bind(25, p.lon);
      m.bind_view(26, p.feature).bind(27, p.geonameid).bind(28, p.span.begin).bind(29, p.span.end).bind_view(30, p.how);
    }
    m.bind_view(31, e.rule).bind(32, e.confidence).bind_view(33, e.note).bind(34, e.mentions);
    m.bind(35, e.root ? 1 : 0).run();
    m.reset();
    delta.articles += 1;
    delta.sources += new_source;
    if (!delta.first_article) delta.first_article = article;
  }
}

StoreCounts EventStore::counts() {
  StoreCounts c;
  sql::Statement q = db_.prepare(
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM mentions), "
      "(SELECT count(*) FROM sentences)");
  if (q.step()) {
    c.articles = static_cast<uint64_t>(q.int64(0));
    c.events = static_cast<uint64_t>(q.int64(1));
    c.mentions = static_cast<uint64_t>(q.int64(2));
    c.sentences = static_cast<uint64_t>(q.int64(3));
  }
  return c;
}

std::string EventStore::integrity_check() {
  sql::Statement q = db_.prepare("PRAGMA integrity_check");
  std::string out;
  while (q.step()) {
    if (!out.empty()) out.push_back('\n');
    out += q.text(0);
  }
  return out;
}

}  // namespace dyad
