// The HTTP API of dyad serve (docs/serve.md) against a real server on a loopback port, with a
// real HTTP client, over the store of the bundled sample articles: every endpoint, what they
// agree with (dyad query, dyad series, each other), every refusal.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "serve_test_util.h"
#include "store/event_store.h"

namespace dyad {
namespace {

using testing::lines_of;
using testing::num;
using testing::shell_quoted;
using testing::real;
using testing::str;

// A parsed answer (the JSON points into `parser`).
struct Answer {
  int status = -1;
  std::string body;
  httplib::Headers headers;
  simdjson::dom::parser parser;
  simdjson::dom::element json;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

using Span2 = std::optional<std::pair<uint64_t, uint64_t>>;

Span2 span_of(simdjson::dom::element e) {
  if (e.is_null()) return std::nullopt;
  simdjson::dom::array a = e.get_array();
  EXPECT_EQ(a.size(), 2u);
  return std::make_pair(uint64_t(num(a.at(0))), uint64_t(num(a.at(1))));
}

// The EVENT fields the tests look at.
struct Event {
  int64_t id = 0;
  std::string date, cameo, plover, source, target, source_text, target_text, article_id, sentence, location;
  int quad = 0;
  double goldstein = 0, lat = 0, lon = 0;
  int64_t mentions = 0, articles = 0;
  bool located = false;
  Span2 trigger, source_span, target_span;
};

Event event_of(simdjson::dom::element e) {
  Event v;
  v.id = num(e["store_id"]);
  v.date = str(e["date"]);
  v.cameo = str(e["cameo"]);
  v.plover = str(e["plover"]);
  v.quad = int(num(e["quad"]));
  v.goldstein = real(e["goldstein"]);
  v.mentions = num(e["num_mentions"]);
  v.articles = num(e["num_articles"]);
  if (!e["source"].is_null()) {
    v.source = str(e["source"]["code"]);
    v.source_text = str(e["source"]["text"]);
  }
  if (!e["target"].is_null()) {
    v.target = str(e["target"]["code"]);
    v.target_text = str(e["target"]["text"]);
  }
  v.located = !e["location"].is_null();
  if (v.located) {
    v.location = str(e["location"]["name"]);
    v.lat = real(e["location"]["lat"]);
    v.lon = real(e["location"]["lon"]);
  }
  v.article_id = str(e["article_id"]);
  v.sentence = str(e["sentence"]);
  v.trigger = span_of(e["spans"]["trigger"]);
  v.source_span = span_of(e["spans"]["source"]);
  v.target_span = span_of(e["spans"]["target"]);
  return v;
}

std::string bytes_at(const std::string& s, const Span2& span) {
  if (!span || span->second > s.size() || span->first > span->second) return "<out of the sentence>";
  return s.substr(span->first, span->second - span->first);
}

// "a=1&b_c=2" as dyad query options: --a 1 --b-c 2.
std::string as_options(const std::string& query) {
  std::string out;
  std::istringstream in(query);
  for (std::string pair; std::getline(in, pair, '&');) {
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string name = pair.substr(0, eq);
    std::replace(name.begin(), name.end(), '_', '-');
    out += " --";
    out += name;
    out += " ";
    out += shell_quoted(pair.substr(eq + 1));
  }
  return out;
}

class ServeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    db_ = DYAD_SERVE_SAMPLES_STORE;
    if (!std::filesystem::exists(db_)) {
      // Outside ctest (which codes the samples once for every test): code them here.
      db_ = dir_->path() + "/samples.db";
      std::string args = "code -q --db ";
      args += shell_quoted(db_);
      args += " ";
      args += shell_quoted(testing::source_path("data/samples/articles.jsonl"));
      testing::CommandResult r = testing::run_dyad(args);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    // A web directory and a node_modules of our own, with things that must not be served.
    namespace fs = std::filesystem;
    std::string web = dir_->path() + "/web", modules = dir_->path() + "/node_modules";
    fs::create_directories(web + "/js");
    fs::create_directories(modules + "/d3-geo/dist");
    fs::create_directories(modules + "/secret-package");
    dir_->file("web/index.html", "<!doctype html><title>dashboard</title>");
    dir_->file("web/app.js", "export const app = 1;\n");
    dir_->file("web/style.css", "body { margin: 0 }\n");
    dir_->file("web/js/more.mjs", "export {};\n");
    dir_->file("web/.hidden", kSecret);
    dir_->file("secret.txt", kSecret);
    dir_->file("node_modules/d3-geo/dist/d3-geo.min.mjs", "export function geoPath() {}\n");
    dir_->file("node_modules/d3-geo/package.json", kSecret);
    dir_->file("node_modules/secret-package/index.js", kSecret);
    fs::create_symlink(dir_->path() + "/secret.txt", web + "/escape.txt");
    fs::create_symlink(dir_->path(), web + "/up");
    serve::ServerOptions o;
    o.store = db_;
    o.web_dir = web;
    o.node_modules_dir = modules;
    o.threads = 4;
    server_ = new testing::RunningServer(o);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  std::unique_ptr<Answer> get(const std::string& target, const httplib::Headers& headers = {}) {
    auto a = std::make_unique<Answer>();
    auto client = server_->client();
    httplib::Result r = client->Get(target, headers);
    if (!r) {
      ADD_FAILURE() << target << ": no answer (" << httplib::to_string(r.error()) << ")";
      return a;
    }
    a->status = r->status;
    a->body = r->body;
    a->headers = r->headers;
    if (a->header("Content-Type") == "application/json") {
      EXPECT_FALSE(a->parser.parse(a->body).get(a->json)) << target << ": " << a->body;
    }
    return a;
  }

  // Every event matching `filters` (one page of 500: the samples have fewer), in `sort` order.
  std::vector<Event> all_events(const std::string& filters, const std::string& sort = "date") {
    std::string target = "/api/events?page_size=500&sort=";
    target += sort;
    if (!filters.empty()) {
      target += "&";
      target += filters;
    }
    auto a = get(target);
    EXPECT_EQ(a->status, 200) << a->body;
    std::vector<Event> out;
    if (a->status != 200) return out;
    for (simdjson::dom::element e : a->json["events"].get_array()) out.push_back(event_of(e));
    EXPECT_EQ(uint64_t(num(a->json["total"])), out.size()) << "the samples fit in one page";
    return out;
  }

  testing::CommandResult dyad_query(const std::string& filters) {
    std::string args = "query --db ";
    args += shell_quoted(db_);
    args += " --limit 0 --format csv";
    args += as_options(filters);
    return testing::run_dyad(args);
  }

  static constexpr const char* kSecret = "SECRET: never served";
  static inline testing::TempDir* dir_ = nullptr;
  static inline testing::RunningServer* server_ = nullptr;
  static inline std::string db_;
};

TEST_F(ServeApi, StatusCountsWhatTheStoreHolds) {
  StoreCounts counts = EventStore(db_, true).counts();
  ASSERT_GT(counts.events, 50u);
  auto a = get("/api/status");
  ASSERT_EQ(a->status, 200) << a->body;
  EXPECT_EQ(uint64_t(num(a->json["articles"])), counts.articles);
  EXPECT_EQ(uint64_t(num(a->json["events"])), counts.events);
  EXPECT_EQ(uint64_t(num(a->json["mentions"])), counts.mentions);
  EXPECT_EQ(uint64_t(num(a->json["sentences"])), counts.sentences);
  EXPECT_EQ(str(a->json["first_date"]), "2023-08-01");
  EXPECT_EQ(str(a->json["last_date"]), "2026-10-06");
  EXPECT_TRUE(a->json["full_text_search"].get_bool().value());
  EXPECT_FALSE(str(a->json["version"]).empty());
}

// Each filter of dyad query, as the API and as dyad query take it.
const char* const kFilters[] = {"",
                                "country=LBY",
                                "from=2024-01-01&to=2024-06-30",
                                "from=2025-01-01",
                                "to=2024-03-31",
                                "actor=USA",
                                "source=RUS",
                                "target=UKR",
                                "source_country=AFG",
                                "target_country=COL",
                                "location_country=TUR",
                                "location=Kabul",
                                "cameo=19",
                                "plover=ASSAULT",
                                "quad=1",
                                "text=police",
                                "country=LBY&quad=4&from=2024-01-01",
                                "actor=USA&country=CHN"};

TEST_F(ServeApi, PagesAddUpToTheTotalAndToWhatDyadQueryLists) {
  for (const char* filters : kFilters) {
    SCOPED_TRACE(filters);
    testing::CommandResult q = dyad_query(filters);
    ASSERT_EQ(q.exit_code, 0) << q.err;
    std::vector<std::string> rows = lines_of(q.out);
    ASSERT_FALSE(rows.empty());
    std::vector<int64_t> expected;
    for (size_t i = 1; i < rows.size(); ++i) expected.push_back(std::stoll(testing::csv_fields(rows[i])[0]));

    std::vector<int64_t> paged;
    constexpr uint64_t kPageSize = 7;
    for (uint64_t page = 1;; ++page) {
      auto a = get(fmt::format("/api/events?{}&page={}&page_size={}", filters, page, kPageSize));
      ASSERT_EQ(a->status, 200) << a->body;
      EXPECT_EQ(uint64_t(num(a->json["total"])), expected.size());
      EXPECT_EQ(uint64_t(num(a->json["page"])), page);
      EXPECT_EQ(uint64_t(num(a->json["page_size"])), kPageSize);
      simdjson::dom::array events = a->json["events"].get_array();
      EXPECT_LE(events.size(), kPageSize);
      for (simdjson::dom::element e : events) paged.push_back(num(e["store_id"]));
      if (events.size() < kPageSize) break;
    }
    EXPECT_EQ(paged, expected);
  }
}

TEST_F(ServeApi, TheFiltersNarrowTheEvents) {
  size_t all = all_events("").size(), narrowed = 0;
  for (const char* filters : kFilters) {
    size_t n = all_events(filters).size();
    narrowed += n > 0 && n < all;
  }
  EXPECT_GE(narrowed, std::size(kFilters) - 3);
}

TEST_F(ServeApi, PagesPastTheEndAreEmpty) {
  auto a = get("/api/events?page=1000&page_size=500");
  ASSERT_EQ(a->status, 200) << a->body;
  EXPECT_EQ(a->json["events"].get_array().size(), 0u);
  EXPECT_GT(num(a->json["total"]), 50);
}

TEST_F(ServeApi, SortsByTheKeyThenByStoreId) {
  std::vector<Event> by_date = all_events("");
  ASSERT_GT(by_date.size(), 50u);
  std::set<int64_t> ids;
  for (const Event& e : by_date) ids.insert(e.id);
  auto key = [](const std::string& sort, const Event& e) -> double {
    if (sort.find("goldstein") != std::string::npos) return e.goldstein;
    if (sort.find("mentions") != std::string::npos) return double(e.mentions);
    return double(Date::parse_iso(e.date)->days());
  };
  for (std::string sort : {"date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"}) {
    SCOPED_TRACE(sort);
    std::vector<Event> events = all_events("", sort);
    ASSERT_EQ(events.size(), by_date.size());
    std::set<int64_t> same;
    for (const Event& e : events) same.insert(e.id);
    EXPECT_EQ(same, ids);
    bool descending = sort[0] == '-';
    for (size_t i = 1; i < events.size(); ++i) {
      double a = key(sort, events[i - 1]), b = key(sort, events[i]);
      if (descending) std::swap(a, b);
      ASSERT_LE(a, b) << "at " << i;
      if (a == b) {
        if (descending) {
          EXPECT_GT(events[i - 1].id, events[i].id) << "ties by store id, descending";
        } else {
          EXPECT_LT(events[i - 1].id, events[i].id) << "ties by store id";
        }
      }
    }
  }
  // The orders differ.
  EXPECT_NE(all_events("", "goldstein").front().id, all_events("", "-goldstein").front().id);
}

TEST_F(ServeApi, EveryBadParameterIsRefusedWith400NamingIt) {
  const std::pair<const char*, const char*> cases[] = {
      {"/api/events?from=2019-13-01", "from"},
      {"/api/events?from=2019-02-30", "from"},
      {"/api/events?from=20190101", "from"},
      {"/api/events?to=yesterday", "to"},
      {"/api/events?from=2020-01-02&to=2020-01-01", "from"},
      {"/api/events?actor=usa", "actor"},
      {"/api/events?actor=ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE", "actor"},
      {"/api/events?source=US-A", "source"},
      {"/api/events?target=U%20A", "target"},
      {"/api/events?country=US", "country"},
      {"/api/events?country=usa", "country"},
      {"/api/events?source_country=USAA", "source_country"},
      {"/api/events?target_country=1AB", "target_country"},
      {"/api/events?location_country=us", "location_country"},
      {"/api/events?location=Kab%0Aul", "location"},
      {"/api/events?cameo=19a", "cameo"},
      {"/api/events?cameo=12345", "cameo"},
      {"/api/events?plover=FIGHT", "plover"},
      {"/api/events?plover=assault", "plover"},
      {"/api/events?quad=0", "quad"},
      {"/api/events?quad=5", "quad"},
      {"/api/events?quad=1.0", "quad"},
      {"/api/events?page=0", "page"},
      {"/api/events?page=-1", "page"},
      {"/api/events?page=x", "page"},
      {"/api/events?page_size=0", "page_size"},
      {"/api/events?page_size=501", "page_size"},
      {"/api/events?sort=name", "sort"},
      {"/api/events?sort=-", "sort"},
      {"/api/events?pagesize=10", "pagesize"},
      {"/api/events?country=USA&country=CHN", "country"},
      {"/api/events.csv?limit=10", "limit"},
      {"/api/events.csv?sort=size", "sort"},
      {"/api/events.csv?quad=9", "quad"},
      {"/api/events/17?page=2", "page"},
      {"/api/status?verbose=1", "verbose"},
      {"/api/series?by=year", "by"},
      {"/api/series?dyad=USA", "dyad"},
      {"/api/series?dyad=USA,", "dyad"},
      {"/api/series?dyad=usa,chn", "dyad"},
      {"/api/series?country=U.S.", "country"},
      {"/api/series?plover=NOPE", "plover"},
      {"/api/series?quad=1", "quad"},
      {"/api/series?from=2024-06-01&to=2024-01-01", "from"},
      {"/api/series?by=day&from=2000-01-01&to=2024-12-31", "by"},
      {"/api/timeline?by=year", "by"},
      {"/api/timeline?by=day&from=2000-01-01&to=2024-12-31", "by"},
      {"/api/timeline?quad=x", "quad"},
      {"/api/timeline?page=1", "page"},
      {"/api/top/actors?side=both", "side"},
      {"/api/top/actors?limit=0", "limit"},
      {"/api/top/actors?limit=201", "limit"},
      {"/api/top/actors?country=XX", "country"},
      {"/api/top/dyads?limit=1000", "limit"},
      {"/api/top/dyads?side=source", "side"},
      {"/api/places?limit=0", "limit"},
      {"/api/places?limit=10001", "limit"},
      {"/api/places?from=2024-1-1", "from"},
  };
  for (const auto& [target, parameter] : cases) {
    SCOPED_TRACE(target);
    auto a = get(target);
    ASSERT_EQ(a->status, 400) << a->body;
    EXPECT_EQ(str(a->json["parameter"]), parameter);
    std::string error = str(a->json["error"]);
    EXPECT_EQ(error.rfind(std::string(parameter) + ": ", 0), 0u) << error;
  }
  // The text is limited to 200 bytes.
  auto long_text = get(fmt::format("/api/events?text={}", std::string(201, 'a')));
  EXPECT_EQ(long_text->status, 400);
  EXPECT_EQ(str(long_text->json["parameter"]), "text");
  EXPECT_EQ(get(fmt::format("/api/events?text={}", std::string(200, 'a')))->status, 200);
  // The contract's own example.
  EXPECT_EQ(get("/api/events?quad=7")->body, R"({"error":"quad: must be 1, 2, 3 or 4","parameter":"quad"})");
}

TEST_F(ServeApi, EmptyValuesDoNotFilter) {
  auto all = get("/api/events");
  auto empty = get("/api/events?country=&quad=&text=&from=&sort=&page=");
  ASSERT_EQ(empty->status, 200) << empty->body;
  EXPECT_EQ(num(empty->json["total"]), num(all->json["total"]));
}

TEST_F(ServeApi, UnknownPathsAndEventsAre404) {
  for (const char* target : {"/api/nothing", "/api/events/999999999", "/api/events/abc", "/api/events/-1",
                             "/api/events/", "/api/top", "/api/top/places", "/nothing.html", "/js/nothing.mjs"}) {
    SCOPED_TRACE(target);
    auto a = get(target);
    EXPECT_EQ(a->status, 404) << a->body;
  }
  auto a = get("/api/events/999999999");
  EXPECT_EQ(str(a->json["error"]), "no such event");
}

TEST_F(ServeApi, OnlyGetAndHeadAreAnswered) {
  auto client = server_->client();
  auto post = client->Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = client->Delete("/api/events/1");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto head = client->Head("/api/status");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->body, "");
}

TEST_F(ServeApi, AnEventsEvidenceHasEveryReportTheFirstFirst) {
  std::vector<Event> events = all_events("");
  ASSERT_FALSE(events.empty());
  size_t checked = 0;
  for (const Event& e : events) {
    auto a = get(fmt::format("/api/events/{}", e.id));
    ASSERT_EQ(a->status, 200) << a->body;
    Event again = event_of(a->json);
    EXPECT_EQ(again.id, e.id);
    EXPECT_EQ(again.sentence, e.sentence);
    EXPECT_EQ(again.trigger, e.trigger);
    simdjson::dom::array reports = a->json["reports"].get_array();
    ASSERT_EQ(int64_t(reports.size()), e.articles);
    simdjson::dom::element first = reports.at(0);
    EXPECT_EQ(str(first["article_id"]), e.article_id);
    EXPECT_EQ(str(first["sentence"]), e.sentence);
    EXPECT_EQ(span_of(first["spans"]["trigger"]), e.trigger);
    for (simdjson::dom::element r : reports) {
      std::string sentence = str(r["sentence"]);
      EXPECT_FALSE(str(r["title"]).empty());
      EXPECT_FALSE(str(r["rule"]).empty());
      EXPECT_EQ(bytes_at(sentence, span_of(r["spans"]["trigger"])), str(r["trigger_text"]));
      Span2 source = span_of(r["spans"]["source"]), target = span_of(r["spans"]["target"]);
      if (source) {
        EXPECT_EQ(bytes_at(sentence, source), str(r["source_text"]));
      }
      if (target) {
        EXPECT_EQ(bytes_at(sentence, target), str(r["target_text"]));
      }
      Span2 date = span_of(r["spans"]["date"]);
      if (date) {
        EXPECT_EQ(bytes_at(sentence, date), str(r["date_text"]));
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, events.size());
}

TEST_F(ServeApi, ReportsSayWhereTheirSentenceStartsInTheArticle) {
  // The articles' texts, by id.
  std::map<std::string, std::string> texts;
  simdjson::dom::parser parser;
  for (const std::string& line : lines_of(testing::read_file(testing::source_path("data/samples/articles.jsonl")))) {
    simdjson::dom::element a;
    ASSERT_FALSE(parser.parse(line).get(a));
    texts[str(a["id"])] = str(a["text"]);
  }
  size_t checked = 0;
  for (const Event& e : all_events("plover=ASSAULT")) {
    auto a = get(fmt::format("/api/events/{}", e.id));
    ASSERT_EQ(a->status, 200);
    for (simdjson::dom::element r : a->json["reports"].get_array()) {
      const std::string& text = texts.at(str(r["article_id"]));
      std::string sentence = str(r["sentence"]);
      EXPECT_EQ(text.substr(uint64_t(num(r["sentence_begin"])), sentence.size()), sentence);
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);
}

TEST_F(ServeApi, SpansPointAtTheWordsInTheSentence) {
  // The trigger of each event from dyad query (CSV column "trigger").
  testing::CommandResult q = dyad_query("");
  ASSERT_EQ(q.exit_code, 0) << q.err;
  std::vector<std::string> rows = lines_of(q.out);
  std::vector<std::string> header = testing::csv_fields(rows[0]);
  size_t trigger_column = std::find(header.begin(), header.end(), "trigger") - header.begin();
  ASSERT_LT(trigger_column, header.size());
  std::map<int64_t, std::string> triggers;
  for (size_t i = 1; i < rows.size(); ++i) {
    std::vector<std::string> f = testing::csv_fields(rows[i]);
    triggers[std::stoll(f[0])] = f[trigger_column];
  }
  size_t sources = 0, targets = 0, after_non_ascii = 0;
  std::vector<Event> events = all_events("");
  for (const Event& e : events) {
    SCOPED_TRACE(e.sentence);
    ASSERT_TRUE(e.trigger);
    EXPECT_EQ(bytes_at(e.sentence, e.trigger), triggers.at(e.id));
    if (e.source_span) {
      EXPECT_EQ(bytes_at(e.sentence, e.source_span), e.source_text);
      ++sources;
    }
    if (e.target_span) {
      EXPECT_EQ(bytes_at(e.sentence, e.target_span), e.target_text);
      ++targets;
    }
    // Byte offsets, not characters: sentences with non-ASCII text before the trigger tell.
    std::string before = e.sentence.substr(0, e.trigger->first);
    after_non_ascii += std::any_of(before.begin(), before.end(), [](char c) { return (c & 0x80) != 0; });
  }
  EXPECT_GT(sources, events.size() / 2);
  EXPECT_GT(targets, events.size() / 2);
  EXPECT_GT(after_non_ascii, 0u);
}

TEST_F(ServeApi, CsvIsWhatDyadQueryWrites) {
  for (const char* filters : {"", "country=LBY", "plover=ASSAULT&from=2024-01-01", "text=police"}) {
    SCOPED_TRACE(filters);
    testing::CommandResult q = dyad_query(filters);
    ASSERT_EQ(q.exit_code, 0) << q.err;
    auto a = get(std::string("/api/events.csv?") + filters);
    ASSERT_EQ(a->status, 200);
    EXPECT_EQ(a->body, q.out);
    EXPECT_EQ(a->header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(a->header("Content-Disposition"), "attachment; filename=\"events.csv\"");
    EXPECT_EQ(a->header("X-Total-Count"), std::to_string(lines_of(q.out).size() - 1));
  }
  // Sorted as asked.
  auto sorted = get("/api/events.csv?sort=-goldstein");
  ASSERT_EQ(sorted->status, 200);
  std::vector<std::string> rows = lines_of(sorted->body);
  std::vector<Event> events = all_events("", "-goldstein");
  ASSERT_EQ(rows.size(), events.size() + 1);
  for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(std::stoll(testing::csv_fields(rows[i + 1])[0]), events[i].id);
}

TEST_F(ServeApi, TheTimelineSumsToTheEventsTotal) {
  for (const char* filters : {"", "country=LBY", "plover=ASSAULT", "from=2024-01-01&to=2024-12-31&quad=4"}) {
    for (const char* by : {"day", "week", "month"}) {
      SCOPED_TRACE(std::string(filters) + " by " + by);
      std::vector<Event> events = all_events(filters);
      auto a = get(fmt::format("/api/timeline?by={}&{}", by, filters));
      ASSERT_EQ(a->status, 200) << a->body;
      EXPECT_EQ(str(a->json["by"]), by);
      int64_t sum = 0;
      double goldstein[4] = {0, 0, 0, 0}, expected[4] = {0, 0, 0, 0};
      std::vector<std::string> periods;
      for (simdjson::dom::element p : a->json["periods"].get_array()) {
        periods.push_back(str(p["period"]));
        simdjson::dom::array counts = p["events"].get_array(), sums = p["goldstein"].get_array();
        ASSERT_EQ(counts.size(), 4u);
        for (size_t q = 0; q < 4; ++q) {
          sum += num(counts.at(q));
          goldstein[q] += real(sums.at(q));
        }
      }
      EXPECT_EQ(sum, int64_t(events.size()));  // the samples have no undated event
      for (const Event& e : events) expected[e.quad - 1] += e.goldstein;
      for (size_t q = 0; q < 4; ++q) EXPECT_NEAR(goldstein[q], expected[q], 0.05 * (1 + periods.size()));
      // Zero-filled: one period after the other, weeks from Monday.
      ASSERT_FALSE(periods.empty());
      Period period = std::string(by) == "day" ? Period::kDay : std::string(by) == "week" ? Period::kWeek : Period::kMonth;
      for (size_t i = 1; i < periods.size(); ++i) {
        std::optional<Date> prev = Date::parse_iso(period == Period::kMonth ? periods[i - 1] + "-01" : periods[i - 1]);
        ASSERT_TRUE(prev) << periods[i - 1];
        EXPECT_EQ(period_label(next_period(*prev, period), period), periods[i]);
        if (period == Period::kWeek) {
          EXPECT_EQ(prev->weekday(), 0);
        }
      }
    }
  }
}

TEST_F(ServeApi, TheTimelineRunsFromFromToTo) {
  auto a = get("/api/timeline?by=month&from=2020-01-15&to=2020-03-02");
  ASSERT_EQ(a->status, 200) << a->body;
  std::vector<std::string> periods;
  for (simdjson::dom::element p : a->json["periods"].get_array()) periods.push_back(str(p["period"]));
  EXPECT_EQ(periods, (std::vector<std::string>{"2020-01", "2020-02", "2020-03"}));
  auto none = get("/api/timeline?country=ZZZ");
  ASSERT_EQ(none->status, 200);
  EXPECT_EQ(none->json["periods"].get_array().size(), 0u);
}

TEST_F(ServeApi, SeriesIsWhatDyadSeriesWrites) {
  for (const char* query : {"by=month", "country=USA&by=week", "dyad=USA,RUS&by=day", "plover=ASSAULT&from=2024-01-01"}) {
    SCOPED_TRACE(query);
    std::string args = "series --format json --db ";
    args += shell_quoted(db_);
    args += as_options(query);
    testing::CommandResult s = testing::run_dyad(args);
    ASSERT_EQ(s.exit_code, 0) << s.err;
    simdjson::dom::parser parser;
    simdjson::dom::element expected;
    ASSERT_FALSE(parser.parse(s.out).get(expected));
    auto a = get(std::string("/api/series?") + query);
    ASSERT_EQ(a->status, 200) << a->body;
    simdjson::dom::array points = a->json["points"].get_array(), want = expected.get_array();
    ASSERT_EQ(points.size(), want.size());
    for (size_t i = 0; i < points.size(); ++i) {
      EXPECT_EQ(str(points.at(i)["period"]), str(want.at(i)["period"]));
      for (const char* k : {"events", "mentions", "articles"}) EXPECT_EQ(num(points.at(i)[k]), num(want.at(i)[k])) << k;
      EXPECT_DOUBLE_EQ(real(points.at(i)["goldstein"]), real(want.at(i)["goldstein"]));
    }
  }
}

TEST_F(ServeApi, TopActorsCountTheEventsOnEitherSideOrOne) {
  for (const char* filters : {"", "plover=ASSAULT", "country=AFG"}) {
    std::vector<Event> events = all_events(filters);
    for (const char* side : {"either", "source", "target"}) {
      SCOPED_TRACE(std::string(filters) + " side " + side);
      std::map<std::string, int64_t> expected;
      for (const Event& e : events) {
        bool source = std::string(side) != "target" && !e.source.empty();
        bool target = std::string(side) != "source" && !e.target.empty();
        if (source) ++expected[e.source];
        if (target && !(source && e.target == e.source)) ++expected[e.target];
      }
      auto a = get(fmt::format("/api/top/actors?side={}&limit=200&{}", side, filters));
      ASSERT_EQ(a->status, 200) << a->body;
      std::map<std::string, int64_t> got;
      int64_t previous = INT64_MAX;
      for (simdjson::dom::element r : a->json["rows"].get_array()) {
        got[str(r["code"])] = num(r["events"]);
        EXPECT_LE(num(r["events"]), previous) << "most events first";
        previous = num(r["events"]);
        // A state actor's code starts with its country's.
        EXPECT_EQ(str(r["code"]).rfind(str(r["country"]), 0), 0u) << str(r["code"]);
      }
      EXPECT_EQ(got, expected);
    }
  }
  auto limited = get("/api/top/actors?limit=3");
  ASSERT_EQ(limited->status, 200);
  EXPECT_EQ(limited->json["rows"].get_array().size(), 3u);
}

TEST_F(ServeApi, TopDyadsCountSourceTargetPairs) {
  std::vector<Event> events = all_events("");
  std::map<std::pair<std::string, std::string>, int64_t> expected;
  for (const Event& e : events)
    if (!e.target.empty() && !e.source.empty()) ++expected[{e.source, e.target}];
  auto a = get("/api/top/dyads?limit=200");
  ASSERT_EQ(a->status, 200) << a->body;
  std::map<std::pair<std::string, std::string>, int64_t> got;
  int64_t previous = INT64_MAX;
  for (simdjson::dom::element r : a->json["rows"].get_array()) {
    got[{str(r["source"]), str(r["target"])}] = num(r["events"]);
    EXPECT_LE(num(r["events"]), previous);
    previous = num(r["events"]);
  }
  EXPECT_EQ(got, expected);
  auto top = get("/api/top/dyads?limit=1");
  ASSERT_EQ(top->json["rows"].get_array().size(), 1u);
  EXPECT_EQ(num(top->json["rows"].at(0)["events"]), std::max_element(expected.begin(), expected.end(), [](auto& x, auto& y) {
                                                        return x.second < y.second;
                                                      })->second);
}

TEST_F(ServeApi, PlacesGroupTheEventsThatHaveOne) {
  for (const char* filters : {"", "quad=4", "location_country=AFG"}) {
    SCOPED_TRACE(filters);
    std::map<std::string, int64_t> expected;
    for (const Event& e : all_events(filters))
      if (e.located) ++expected[fmt::format("{}|{:.5f}|{:.5f}", e.location, e.lat, e.lon)];
    auto a = get(fmt::format("/api/places?limit=10000&{}", filters));
    ASSERT_EQ(a->status, 200) << a->body;
    std::map<std::string, int64_t> got;
    for (simdjson::dom::element p : a->json["points"].get_array())
      got[fmt::format("{}|{:.5f}|{:.5f}", str(p["name"]), real(p["lat"]), real(p["lon"]))] = num(p["events"]);
    EXPECT_EQ(got, expected);
    EXPECT_FALSE(got.empty());
  }
  auto a = get("/api/places?limit=2");
  EXPECT_EQ(a->json["points"].get_array().size(), 2u);
  // A drill-down from a point: its events.
  simdjson::dom::element first = a->json["points"].at(0);
  auto events = get(fmt::format("/api/events?location={}&location_country={}", str(first["name"]), str(first["country"])));
  EXPECT_EQ(num(events->json["total"]), num(first["events"]));
}

// The headers of a raw answer, lower-cased names.
std::map<std::string, std::string> headers_of(const std::string& answer) {
  std::map<std::string, std::string> headers;
  std::istringstream in(answer.substr(0, answer.find("\r\n\r\n")));
  std::string line;
  std::getline(in, line);  // the status line
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
  }
  return headers;
}

TEST_F(ServeApi, GzipWhenTheClientAcceptsIt) {
  auto request = [](const char* target, const char* accept) {
    std::string r = "GET ";
    r += target;
    r += " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (accept) {
      r += "Accept-Encoding: ";
      r += accept;
      r += "\r\n";
    }
    r += "\r\n";
    return r;
  };
  for (const char* target : {"/api/events?page_size=100", "/api/timeline", "/api/events.csv", "/style.css", "/"}) {
    SCOPED_TRACE(target);
    auto [status, plain] = testing::raw_request(server_->port(), request(target, nullptr));
    ASSERT_EQ(status, 200);
    EXPECT_EQ(headers_of(plain).count("content-encoding"), 0u);
    auto [zipped_status, zipped] = testing::raw_request(server_->port(), request(target, "gzip, deflate"));
    ASSERT_EQ(zipped_status, 200);
    EXPECT_EQ(headers_of(zipped)["content-encoding"], "gzip");
    std::string body = zipped.substr(zipped.find("\r\n\r\n") + 4);
    ASSERT_GT(body.size(), 2u);
    EXPECT_EQ(uint8_t(body[0]), 0x1f);
    EXPECT_EQ(uint8_t(body[1]), 0x8b);
  }
  // Unpacked by the client, the same answer.
  auto plain = get("/api/events?page_size=100", {{"Accept-Encoding", "identity"}});
  auto unpacked = get("/api/events?page_size=100", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(unpacked->header("Content-Encoding"), "gzip");
  EXPECT_EQ(unpacked->body, plain->body);
  EXPECT_GT(plain->body.size(), 10000u);
}

TEST_F(ServeApi, TheWebDirectoryAndTheVendorFilesAreServed) {
  auto index = get("/");
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>dashboard</title>");
  EXPECT_EQ(index->header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(get("/index.html")->body, index->body);
  const std::pair<const char*, const char*> types[] = {{"/app.js", "text/javascript; charset=utf-8"},
                                                       {"/js/more.mjs", "text/javascript; charset=utf-8"},
                                                       {"/style.css", "text/css; charset=utf-8"},
                                                       {"/vendor/d3-geo/dist/d3-geo.min.mjs", "text/javascript; charset=utf-8"}};
  for (const auto& [path, type] : types) {
    auto a = get(path);
    EXPECT_EQ(a->status, 200) << path;
    EXPECT_EQ(a->header("Content-Type"), type) << path;
  }
  EXPECT_EQ(get("/vendor/d3-geo/dist/d3-geo.min.mjs")->body, "export function geoPath() {}\n");
  // Only the allow-list under /vendor/, even of files that exist.
  for (const char* path : {"/vendor/d3-geo/package.json", "/vendor/secret-package/index.js", "/vendor/",
                           "/vendor/d3-geo/dist/", "/vendor/world-atlas/countries-50m.json"}) {
    auto a = get(path);
    EXPECT_EQ(a->status, 404) << path;
    EXPECT_EQ(a->body.find("SECRET"), std::string::npos) << path;
  }
}

TEST_F(ServeApi, PathTraversalIsRefused) {
  const char* attempts[] = {
      "/../secret.txt",
      "/../../../../etc/passwd",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",
      "/..%2fsecret.txt",
      "/..%2Fsecret.txt",
      "/%2e%2e%2fsecret.txt",
      "/js/../../secret.txt",
      "/js/%2e%2e/%2e%2e/secret.txt",
      "/vendor/../secret.txt",
      "/vendor/d3-geo/../../secret.txt",
      "/vendor/..%2f..%2fsecret.txt",
      "/vendor/d3-geo/dist/..%2f..%2fpackage.json",
      "/..\\secret.txt",
      "/%5c..%5csecret.txt",
      "/..%5csecret.txt",
      "/secret.txt%00.html",
      "/index.html%00",
      "//etc/passwd",
      "/./index.html",
      "/.hidden",
      "/js/.%2e/secret.txt",
      "/escape.txt",
      "/up/secret.txt",
      "/%25%32%65%25%32%65/secret.txt",
      "/%zz",
      "/%",
  };
  for (const char* target : attempts) {
    SCOPED_TRACE(target);
    auto [status, answer] = testing::raw_get(server_->port(), target);
    EXPECT_TRUE(status == 400 || status == 404) << answer;
    EXPECT_EQ(answer.find("SECRET"), std::string::npos);
    EXPECT_EQ(answer.find("root:"), std::string::npos);
  }
  // A file under the web directory is served, also through a clean path.
  EXPECT_EQ(testing::raw_get(server_->port(), "/js/more.mjs").first, 200);
  EXPECT_EQ(testing::raw_get(server_->port(), "/index%2Ehtml").first, 400);  // an encoded dot is refused
}

TEST_F(ServeApi, ManyClientsAtOnceGetTheSameAnswers) {
  auto expected = get("/api/events?country=LBY&page_size=3");
  ASSERT_EQ(expected->status, 200);
  std::vector<std::thread> threads;
  std::atomic<int> same = 0;
  constexpr int kThreads = 8, kRequests = 10;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      auto client = server_->client();
      for (int i = 0; i < kRequests; ++i) {
        auto r = client->Get("/api/events?country=LBY&page_size=3");
        same += r && r->status == 200 && r->body == expected->body;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(same.load(), kThreads * kRequests);
}

}  // namespace
}  // namespace dyad
