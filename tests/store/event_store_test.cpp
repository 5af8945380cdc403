// The event store: cross-article counts, idempotence, replacement, queries and series, each
// on a small store built by hand whose answers are worked out in the comments.
#include "store/event_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store/format.h"
#include "store/sqlite.h"
#include "store_test_util.h"
#include "test_util.h"

namespace dyad {
namespace {

using testing::EventSpec;
using testing::make_doc;

// "SOURCE>TARGET:CAMEO" names an event in these tests.
std::string key(const StoredEvent& e) { return e.source_code + ">" + e.target_code + ":" + e.cameo; }

std::vector<StoredEvent> all_events(EventStore& store) {
  EventFilter all;
  all.limit = 0;
  std::vector<StoredEvent> out;
  store.query(all, [&](const StoredEvent& e) { out.push_back(e); });
  return out;
}

const std::string kLibya = "Libyan troops attacked rebels in Tripoli.";

TEST(EventStore, OneEventRowAcrossArticlesCountsMentionsSourcesAndArticles) {
  testing::TempDir dir;
  EventStore store(dir.path() + "/e.db");
  // Two outlets report the same attack (same date, actors, code): one event row.
  std::vector<Doc> docs;
  docs.push_back(make_doc("a1", "wire-a", "2024-01-16", {"Headline.", kLibya, kLibya},
                          {{1, "2024-01-15", "LBYMIL", "LBYREB", "190", /*mentions=*/2, /*root=*/false}}));
  docs.push_back(make_doc("b1", "wire-b", "2024-01-16", {kLibya},
                          {{0, "2024-01-15", "LBYMIL", "LBYREB", "190", 1, true}}));
  AddResult r = store.add(docs);
  EXPECT_EQ(r.added, 2u);
  std::vector<StoredEvent> events = all_events(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].num_articles, 2u);
  EXPECT_EQ(events[0].num_sources, 2u);
  EXPECT_EQ(events[0].num_mentions, 3u);  // 2 in a1, 1 in b1
  EXPECT_TRUE(events[0].is_root);         // b1 reports it in its lead
  EXPECT_EQ(events[0].article_id, "a1");  // shown with its first report
  EXPECT_EQ(events[0].goldstein, -10.0);  // CAMEO 190, Goldstein's weight
  EXPECT_EQ(events[0].quad, 4);
  EXPECT_EQ(events[0].plover, "ASSAULT");
  EXPECT_EQ(events[0].source_country, "LBY");

  // A third article from wire-a: one more article, no more sources.
  std::vector<Doc> more;
  more.push_back(make_doc("a2", "wire-a", "2024-01-17", {kLibya}, {{0, "2024-01-15", "LBYMIL", "LBYREB", "190"}}));
  store.add(more);
  events = all_events(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].num_articles, 3u);
  EXPECT_EQ(events[0].num_sources, 2u);
  EXPECT_EQ(events[0].num_mentions, 4u);
  StoreCounts c = store.counts();
  EXPECT_EQ(c.articles, 3u);
  EXPECT_EQ(c.events, 1u);
  EXPECT_EQ(c.mentions, 3u);
  EXPECT_EQ(store.integrity_check(), "ok");
}

TEST(EventStore, TheSameOutletTwiceIsOneSource) {
  testing::TempDir dir;
  EventStore store(dir.path() + "/e.db");
  std::vector<Doc> docs;
  docs.push_back(make_doc("a1", "wire-a", "2024-01-16", {kLibya}, {{0, "2024-01-15", "LBYMIL", "LBYREB", "190"}}));
  docs.push_back(make_doc("a2", "wire-a", "2024-01-16", {kLibya}, {{0, "2024-01-15", "LBYMIL", "LBYREB", "190"}}));
  store.add(docs);
  std::vector<StoredEvent> events = all_events(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].num_articles, 2u);
  EXPECT_EQ(events[0].num_sources, 1u);
}

TEST(EventStore, StoringTheSameArticlesAgainAddsNothing) {
  testing::TempDir dir;
  EventStore store(dir.path() + "/e.db");
  auto batch = [] {
    std::vector<Doc> docs;
    docs.push_back(make_doc("a1", "wire-a", "2024-01-16", {kLibya}, {{0, "2024-01-15", "LBYMIL", "LBYREB", "190"}}));
    docs.push_back(make_doc("b1", "wire-b", "2024-01-16", {kLibya, "Officials praised the envoy."},
                            {{0, "2024-01-15", "LBYMIL", "LBYREB", "190"}, {1, "2024-01-16", "LBYGOV", "USA", "051"}}));
    return docs;
  };
  store.add(batch());
  StoreCounts before = store.counts();
  std::vector<StoredEvent> events_before = all_events(store);
  EXPECT_TRUE(store.holds(batch()[0].article));
  AddResult again = store.add(batch());
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(again.added + again.replaced, 0u);
  EXPECT_EQ(store.counts(), before);
  std::vector<StoredEvent> events_after = all_events(store);
  ASSERT_EQ(events_after.size(), events_before.size());
  for (size_t i = 0; i < events_after.size(); ++i) {
    EXPECT_EQ(events_after[i].num_articles, events_before[i].num_articles);
    EXPECT_EQ(events_after[i].num_mentions, events_before[i].num_mentions);
    EXPECT_EQ(events_after[i].num_sources, events_before[i].num_sources);
  }
}

TEST(EventStore, AnArticleWithNewContentReplacesTheOldAndFixesTheCounts) {
  testing::TempDir dir;
  EventStore store(dir.path() + "/e.db");
  std::vector<Doc> first;
  first.push_back(make_doc("a1", "wire-a", "2024-01-16", {kLibya, "Officials praised the envoy."},
                           {{0, "2024-01-15", "LBYMIL", "LBYREB", "190", 1, true},
                            {1, "2024-01-16", "LBYGOV", "USA", "051"}}));
  first.push_back(make_doc("b1", "wire-b", "2024-01-16", {kLibya}, {{0, "2024-01-15", "LBYMIL", "LBYREB", "190"}}));
  store.add(first);
  ASSERT_EQ(store.counts().events, 2u);

  // a1 corrected: the praise is gone, the attack stays (not in the lead any more).
  std::vector<Doc> corrected;
  corrected.push_back(make_doc("a1", "wire-a", "2024-01-16", {"Correction.", kLibya},
                               {{1, "2024-01-15", "LBYMIL", "LBYREB", "190", 1, false}}));
  EXPECT_FALSE(store.holds(corrected[0].article));
  AddResult r = store.add(corrected);
  EXPECT_EQ(r.replaced, 1u);
  StoreCounts c = store.counts();
  EXPECT_EQ(c.articles, 2u);
  EXPECT_EQ(c.events, 1u);  // the praise went with the old a1
  EXPECT_EQ(c.mentions, 2u);
  EXPECT_EQ(c.sentences, 2u);
  std::vector<StoredEvent> events = all_events(store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].num_articles, 2u);
  EXPECT_EQ(events[0].num_sources, 2u);
  EXPECT_FALSE(events[0].is_root);  // only the old a1 had it in the lead
  EXPECT_EQ(events[0].article_id, "b1");  // the first stored report now
  EXPECT_EQ(store.integrity_check(), "ok");
}

TEST(EventStore, NegatedEventsAreNotStored) {
  testing::TempDir dir;
  EventStore store(dir.path() + "/e.db");
  std::vector<Doc> docs;
  docs.push_back(make_doc("a1", "wire-a", "2024-01-16", {kLibya}, {{0, "2024-01-15", "LBYMIL", "LBYREB", "190"}}));
  docs[0].ext<Events>().events[0].negated = true;
  store.add(docs);
  EXPECT_EQ(store.counts().articles, 1u);
  EXPECT_EQ(store.counts().events, 0u);
}

// The hand-built store of the query and series tests:
//   E1 2020-01-06 LBYMIL>LBYREB 190 (quad 4, ASSAULT, -10.0), 3 mentions, place Tripoli LBY   [q1, wire-a]
//   E2 2020-01-10 IGOUNO>LBYGOV 040 (quad 1, CONSULT, 1.0)                                     [q1]
//   E3 2020-02-03 USAGOV>CHNGOV 112 (quad 3, ACCUSE, -2.0)                                     [q2, wire-b]
//   E4 2020-02-01 CHNGOV>USA    042 (quad 1, CONSULT, 1.9), place Washington USA               [q2]
//   E5 2021-06-15 EGYMIL>LBY    0874 (quad 2, RETREAT, 10.0)                                   [q3, wire-a]
//   E6 2021-06-14 LBYGOV>USAGOV 051 (quad 1, SUPPORT, 3.4)                                     [q3]
//   E7 (no date)  SDNREB>SDN    190 (quad 4, ASSAULT, -10.0)                                   [q4, undated]
class StoreQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<EventStore>(dir_.path() + "/q.db");
    EventPlace tripoli{"Tripoli", "LBY", "Libya", "77", 32.887, 13.187, "PPLC", 2210247, {}, "clause"};
    EventPlace washington{"Washington", "USA", "United States", "DC", 38.895, -77.036, "PPLC", 4140963, {}, "clause"};
    std::vector<Doc> docs;
    docs.push_back(make_doc("q1", "wire-a", "2020-01-10",
                            {"Libyan troops attacked rebels near Tripoli on Monday.",
                             "The United Nations urged talks between the rivals."},
                            {{0, "2020-01-06", "LBYMIL", "LBYREB", "190", 3, true, tripoli},
                             {1, "2020-01-10", "IGOUNO", "LBYGOV", "040"}}));
    docs.push_back(make_doc("q2", "wire-b", "2020-02-03",
                            {"American officials accused China of hacking.",
                             "Chinese diplomats visited Washington for talks."},
                            {{0, "2020-02-03", "USAGOV", "CHNGOV", "112"},
                             {1, "2020-02-01", "CHNGOV", "USA", "042", 1, false, washington}}));
    docs.push_back(make_doc("q3", "wire-a", "2021-06-15",
                            {"Egyptian forces withdrew from the Libyan border.", "Officials praised the American envoy."},
                            {{0, "2021-06-15", "EGYMIL", "LBY", "0874"}, {1, "2021-06-14", "LBYGOV", "USAGOV", "051"}}));
    docs.push_back(make_doc("q4", "wire-c", "", {"Rebels fired rockets at the \"capital\"."},
                            {{0, "", "SDNREB", "SDN", "190"}}));
    store_->add(docs);
  }

  std::vector<std::string> keys(EventFilter f) {
    if (f.limit == 100) f.limit = 0;
    std::vector<std::string> out;
    store_->query(f, [&](const StoredEvent& e) { out.push_back(key(e)); });
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

const std::string E1 = "LBYMIL>LBYREB:190", E2 = "IGOUNO>LBYGOV:040", E3 = "USAGOV>CHNGOV:112",
                  E4 = "CHNGOV>USA:042", E5 = "EGYMIL>LBY:0874", E6 = "LBYGOV>USAGOV:051", E7 = "SDNREB>SDN:190";
using Keys = std::vector<std::string>;

TEST_F(StoreQuery, AllEventsByDateTheUndatedLast) {
  EXPECT_EQ(keys({}), (Keys{E1, E2, E4, E3, E6, E5, E7}));
  EventFilter two;
  two.limit = 2;
  EXPECT_EQ(keys(two), (Keys{E1, E2}));
}

TEST_F(StoreQuery, Dates) {
  EventFilter f;
  f.from = Date{2020, 2, 1};
  f.to = Date{2020, 12, 31};
  EXPECT_EQ(keys(f), (Keys{E4, E3}));
  EventFilter until;
  until.to = Date{2020, 1, 31};
  EXPECT_EQ(keys(until), (Keys{E1, E2}));  // not the undated E7
}

TEST_F(StoreQuery, ActorsByCodePrefix) {
  EventFilter f;
  f.actor = "USA";
  EXPECT_EQ(keys(f), (Keys{E4, E3, E6}));
  f.actor = "igo";  // any case
  EXPECT_EQ(keys(f), (Keys{E2}));
  EventFilter source;
  source.source = "USA";
  EXPECT_EQ(keys(source), (Keys{E3}));
  EventFilter target;
  target.target = "USA";
  EXPECT_EQ(keys(target), (Keys{E4, E6}));
  EventFilter both;
  both.source = "LBY";
  both.target = "LBYREB";
  EXPECT_EQ(keys(both), (Keys{E1}));
}

TEST_F(StoreQuery, Countries) {
  EventFilter f;
  f.country = "LBY";
  EXPECT_EQ(keys(f), (Keys{E1, E2, E6, E5}));
  f.from = Date{2021, 1, 1};
  EXPECT_EQ(keys(f), (Keys{E6, E5}));
  EventFilter source;
  source.source_country = "LBY";
  EXPECT_EQ(keys(source), (Keys{E1, E6}));
  EventFilter target;
  target.target_country = "LBY";
  EXPECT_EQ(keys(target), (Keys{E1, E2, E5}));
  EventFilter place;
  place.location_country = "USA";
  EXPECT_EQ(keys(place), (Keys{E4}));
  place.location_country = "LBY";
  EXPECT_EQ(keys(place), (Keys{E1}));
}

TEST_F(StoreQuery, CodesCategoriesAndQuadClasses) {
  EventFilter f;
  f.cameo = "19";
  EXPECT_EQ(keys(f), (Keys{E1, E7}));
  f.cameo = "04";
  EXPECT_EQ(keys(f), (Keys{E2, E4}));
  f.cameo = "042";
  EXPECT_EQ(keys(f), (Keys{E4}));
  EventFilter plover;
  plover.plover = "assault";
  EXPECT_EQ(keys(plover), (Keys{E1, E7}));
  EventFilter quad;
  quad.quad = 1;
  EXPECT_EQ(keys(quad), (Keys{E2, E4, E6}));
  quad.quad = 3;
  EXPECT_EQ(keys(quad), (Keys{E3}));
}

TEST_F(StoreQuery, WordsInTheSentence) {
  EventFilter f;
  f.text = "rebels";
  EXPECT_EQ(keys(f), (Keys{E1, E7}));
  f.text = "talks";
  EXPECT_EQ(keys(f), (Keys{E2, E4}));
  f.text = "Tripoli Monday";
  EXPECT_EQ(keys(f), (Keys{E1}));
  f.text = "Tripoli talks";  // never in one sentence
  EXPECT_EQ(keys(f), Keys{});
  f.text = "\"capital\" OR";  // quotes and operators are words, not syntax
  EXPECT_EQ(keys(f), Keys{});
  f.text = "\"capital\"";
  EXPECT_EQ(keys(f), (Keys{E7}));
}

TEST_F(StoreQuery, TheFirstReportAndThePlaceComeWithTheEvent) {
  EventFilter f;
  f.cameo = "190";
  f.country = "LBY";
  std::vector<StoredEvent> events;
  store_->query(f, [&](const StoredEvent& e) { events.push_back(e); });
  ASSERT_EQ(events.size(), 1u);
  const StoredEvent& e = events[0];
  EXPECT_EQ(e.article_id, "q1");
  EXPECT_EQ(e.event_id, "q1:0:0");
  EXPECT_EQ(e.sentence, "Libyan troops attacked rebels near Tripoli on Monday.");
  EXPECT_EQ(e.num_mentions, 3u);
  EXPECT_TRUE(e.has_location);
  EXPECT_EQ(e.location_name, "Tripoli");
  EXPECT_EQ(e.location_geonameid, 2210247u);
  EXPECT_EQ(e.source_roles, "MIL");
  std::string line;
  append_event_jsonl(e, line);
  EXPECT_NE(line.find("\"location\":{\"name\":\"Tripoli\",\"country\":\"LBY\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"num_mentions\":3,\"num_sources\":1,\"num_articles\":1"), std::string::npos) << line;
  EXPECT_NE(line.find("\"source\":{\"text\":\"L\",\"code\":\"LBYMIL\",\"country\":\"LBY\",\"roles\":[\"MIL\"]"),
            std::string::npos)
      << line;
  std::string csv;
  append_events_csv_header(csv);
  append_event_csv(e, csv);
  size_t header_commas = std::count(csv.begin(), csv.begin() + static_cast<long>(csv.find('\n')), ',');
  std::string row = csv.substr(csv.find('\n') + 1);
  EXPECT_EQ(static_cast<size_t>(std::count(row.begin(), row.end(), ',')), header_commas) << csv;
}

TEST_F(StoreQuery, ATableLinesUpItsColumns) {
  std::vector<StoredEvent> events;
  EventFilter all;
  store_->query(all, [&](const StoredEvent& e) { events.push_back(e); });
  std::string table = format_events_table(events, 20);
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < table.size()) {
    size_t end = table.find('\n', start);
    lines.push_back(table.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_EQ(lines.size(), 8u);  // header and 7 events
  // The column "article" starts at the same place on every line.
  size_t column = lines[0].find("article ");
  for (size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(lines[i].find('q', column), column) << lines[i];
}

TEST_F(StoreQuery, SeriesByMonthAreZeroFilled) {
  SeriesFilter f;
  f.country = "LBY";
  f.from = Date{2020, 1, 1};
  f.to = Date{2020, 3, 31};
  std::vector<SeriesPoint> s = store_->series(f);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].period, "2020-01");
  EXPECT_EQ(s[0].events, 2u);         // E1, E2
  EXPECT_EQ(s[0].mentions, 4u);       // 3 + 1
  EXPECT_DOUBLE_EQ(s[0].goldstein, -9.0);  // -10.0 + 1.0
  EXPECT_EQ(s[1].period, "2020-02");
  EXPECT_EQ(s[1].events, 0u);
  EXPECT_EQ(s[2].events, 0u);

  SeriesFilter usa;
  usa.country = "USA";  // E4, E3 in 2020-02; E6 in 2021-06
  s = store_->series(usa);
  ASSERT_EQ(s.size(), 17u);  // 2020-02 .. 2021-06
  EXPECT_EQ(s.front().period, "2020-02");
  EXPECT_EQ(s.front().events, 2u);
  EXPECT_NEAR(s.front().goldstein, -0.1, 1e-9);  // -2.0 + 1.9
  EXPECT_EQ(s.back().period, "2021-06");
  EXPECT_DOUBLE_EQ(s.back().goldstein, 3.4);
  uint64_t total = 0;
  for (const auto& p : s) total += p.events;
  EXPECT_EQ(total, 3u);
}

TEST_F(StoreQuery, SeriesOfADyadArePointedFromSourceToTarget) {
  SeriesFilter f;
  f.dyad_source = "USA";
  f.dyad_target = "CHN";
  std::vector<SeriesPoint> s = store_->series(f);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].events, 1u);  // E3
  EXPECT_DOUBLE_EQ(s[0].goldstein, -2.0);
  f.dyad_source = "CHN";
  f.dyad_target = "USA";
  s = store_->series(f);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].goldstein, 1.9);  // E4
  f.dyad_source = "IGOUNO";  // a code, no country
  f.dyad_target = "LBY";
  s = store_->series(f);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].period, "2020-01");
}

TEST_F(StoreQuery, SeriesByWeekStartOnMondayAndByDay) {
  SeriesFilter f;
  f.country = "USA";
  f.by = Period::kWeek;
  f.from = Date{2020, 1, 28};
  f.to = Date{2020, 2, 9};
  std::vector<SeriesPoint> s = store_->series(f);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].period, "2020-01-27");  // Saturday 2020-02-01 (E4) is in the week of Monday 01-27
  EXPECT_EQ(s[0].events, 1u);
  EXPECT_EQ(s[1].period, "2020-02-03");  // Monday 02-03 (E3) opens the next
  EXPECT_EQ(s[1].events, 1u);

  SeriesFilter day;
  day.plover = "ASSAULT";
  day.by = Period::kDay;
  day.from = Date{2020, 1, 5};
  day.to = Date{2020, 1, 7};
  s = store_->series(day);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].period, "2020-01-06");
  EXPECT_EQ(s[0].events + s[1].events + s[2].events, 1u);
  EXPECT_EQ(s[1].events, 1u);
}

TEST_F(StoreQuery, PagesCountsAndSorts) {
  EventFilter all;
  EXPECT_EQ(store_->count(all), 7u);
  EventFilter page;
  page.limit = 3;
  page.offset = 2;
  EXPECT_EQ(keys(page), (Keys{E4, E3, E6}));
  EXPECT_EQ(store_->count(page), 7u);  // the whole filter, not the page
  page.offset = 6;
  EXPECT_EQ(keys(page), (Keys{E7}));
  EventFilter by;
  by.sort = EventSort::kDateDescending;  // undated last either way
  EXPECT_EQ(keys(by), (Keys{E5, E6, E3, E4, E2, E1, E7}));
  by.sort = EventSort::kGoldstein;  // ties (E1, E7: -10.0) by store id
  EXPECT_EQ(keys(by), (Keys{E1, E7, E3, E2, E4, E6, E5}));
  by.sort = EventSort::kGoldsteinDescending;
  EXPECT_EQ(keys(by), (Keys{E5, E6, E4, E2, E3, E7, E1}));
  by.sort = EventSort::kMentionsDescending;
  EXPECT_EQ(keys(by).front(), E1);  // 3 mentions
  // An either-side filter reads its page as a union of index searches: the same events.
  EventFilter lby;
  lby.country = "LBY";
  lby.limit = 2;
  lby.offset = 1;
  EXPECT_EQ(keys(lby), (Keys{E2, E6}));
  lby.from = Date{2020, 1, 1};
  lby.sort = EventSort::kDateDescending;
  EXPECT_EQ(keys(lby), (Keys{E6, E2}));
  EXPECT_EQ(store_->count(lby), 4u);
  EventFilter place;
  place.location = "Tripoli";
  EXPECT_EQ(keys(place), (Keys{E1}));
}

TEST_F(StoreQuery, AnEventsReportsSayWhereTheirSentenceStarts) {
  std::optional<StoredEvent> e3;
  EventFilter f;
  f.cameo = "112";
  store_->query(f, [&](const StoredEvent& e) { e3 = e; });
  ASSERT_TRUE(e3);
  std::optional<StoredEvent> again = store_->event(e3->id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->sentence, "American officials accused China of hacking.");
  EXPECT_EQ(again->sentence_begin, 0u);
  EXPECT_FALSE(store_->event(12345));
  std::optional<StoredEvent> e4;
  f.cameo = "042";
  store_->query(f, [&](const StoredEvent& e) { e4 = e; });
  ASSERT_TRUE(e4);
  // The second sentence of q2 starts after the first and a space.
  EXPECT_EQ(e4->sentence_begin, std::string("American officials accused China of hacking. ").size());
  std::vector<StoredReport> reports = store_->reports(e4->id, 10);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].article_id, "q2");
  EXPECT_EQ(reports[0].sentence, "Chinese diplomats visited Washington for talks.");
  EXPECT_EQ(reports[0].sentence_begin, e4->sentence_begin);
  EXPECT_EQ(reports[0].trigger_span.begin, e4->sentence_begin + 2);
  ASSERT_TRUE(reports[0].place);
  EXPECT_EQ(reports[0].place->name, "Washington");
  EXPECT_EQ(reports[0].place->how, "clause");
}

TEST_F(StoreQuery, ATimelineCountsDatedEventsByQuadClass) {
  EventFilter all;
  Timeline t = store_->timeline(all, Period::kMonth, 100);
  ASSERT_EQ(t.periods.size(), 18u);  // 2020-01 .. 2021-06; E7 has no date
  EXPECT_EQ(t.periods[0].period, "2020-01");
  EXPECT_EQ(t.periods[0].events[0], 1u);  // E2
  EXPECT_EQ(t.periods[0].events[3], 1u);  // E1
  EXPECT_DOUBLE_EQ(t.periods[0].goldstein[3], -10.0);
  EXPECT_EQ(t.periods[1].events[0] + t.periods[1].events[2], 2u);  // E4, E3
  uint64_t sum = 0;
  for (const QuadPoint& p : t.periods)
    for (uint64_t n : p.events) sum += n;
  EXPECT_EQ(sum, 6u);
  EXPECT_TRUE(store_->timeline(all, Period::kDay, 100).too_many_periods);
  EXPECT_TRUE(store_->timeline(all, Period::kDay, 100).periods.empty());
  EventFilter none;
  none.country = "FRA";
  EXPECT_TRUE(store_->timeline(none, Period::kWeek, 100).periods.empty());
}

TEST_F(StoreQuery, TopActorsDyadsAndPlaces) {
  EventFilter all;
  std::vector<ActorTally> actors = store_->top_actors(all, Side::kEither, 3);
  ASSERT_EQ(actors.size(), 3u);
  EXPECT_EQ(actors[0].code, "CHNGOV");  // E3, E4: ties by code
  EXPECT_EQ(actors[0].events, 2u);
  EXPECT_EQ(actors[0].country, "CHN");
  EXPECT_EQ(actors[1].code, "LBYGOV");  // E2, E6
  EXPECT_EQ(actors[2].code, "USAGOV");  // E3, E6
  std::vector<ActorTally> sources = store_->top_actors(all, Side::kSource, 10);
  EXPECT_EQ(sources.size(), 7u);
  std::vector<ActorTally> igo = store_->top_actors(all, Side::kSource, 10);
  auto un = std::find_if(igo.begin(), igo.end(), [](const ActorTally& a) { return a.code == "IGOUNO"; });
  ASSERT_NE(un, igo.end());
  EXPECT_EQ(un->country, "");
  std::vector<DyadTally> dyads = store_->top_dyads(all, 10);
  EXPECT_EQ(dyads.size(), 7u);
  EventFilter assault;
  assault.plover = "ASSAULT";
  std::vector<PlaceTally> places = store_->places(assault, 10);
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(places[0].name, "Tripoli");
  EXPECT_EQ(places[0].events, 1u);
  EXPECT_EQ(places[0].mentions, 3u);
  EXPECT_EQ(store_->places(all, 10).size(), 2u);
}

TEST_F(StoreQuery, StatusAndCountsFollowWritesFromAnotherConnection) {
  EventStore reader(dir_.path() + "/q.db", true);
  StoreStatus s = reader.status();
  EXPECT_EQ(s.counts.events, 7u);
  EXPECT_EQ(s.first_date, "2020-01-06");
  EXPECT_EQ(s.last_date, "2021-06-15");
  EventFilter lby;
  lby.country = "LBY";
  EXPECT_EQ(reader.count(lby), 4u);
  std::vector<Doc> docs;
  docs.push_back(make_doc("q5", "wire-a", "2022-03-01", {"Libyan police arrested protesters."},
                          {{0, "2022-03-01", "LBYCOP", "LBYCVL", "173"}}));
  store_->add(docs);
  EXPECT_EQ(reader.count(lby), 5u);
  EXPECT_EQ(reader.status().last_date, "2022-03-01");
  // One snapshot from begin_read() to end_read().
  reader.begin_read();
  EXPECT_EQ(reader.count(lby), 5u);
  std::vector<Doc> more;
  more.push_back(make_doc("q6", "wire-a", "2022-03-02", {"Libyan police arrested more protesters."},
                          {{0, "2022-03-02", "LBYCOP", "LBYCVL", "173"}}));
  store_->add(more);
  EXPECT_EQ(reader.count(lby), 5u);
  reader.end_read();
  EXPECT_EQ(reader.count(lby), 6u);
}

TEST_F(StoreQuery, AReadOnlyStoreCannotBeWritten) {
  EventStore reader(dir_.path() + "/q.db", true);
  EXPECT_EQ(reader.counts().events, 7u);
  EXPECT_THROW(reader.add({}), StoreError);
  testing::TempDir other;
  std::string junk = other.file("junk.db", "this is not a database, just text long enough to be read");
  EXPECT_THROW(EventStore(junk, true), StoreError);
}

}  // namespace
}  // namespace dyad
