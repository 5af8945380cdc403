// dyad serve over hand-built stores: answers follow the store while dyad code writes it, exact
// counts where the samples have no such case, and the time budget.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "serve_test_util.h"
#include "store/event_store.h"
#include "store/store_test_util.h"

namespace dyad {
namespace {

using testing::make_doc;
using testing::num;
using testing::str;

struct Json {
  int status = -1;
  std::string body;
  simdjson::dom::parser parser;
  simdjson::dom::element value;
};

std::unique_ptr<Json> get(const testing::RunningServer& server, const std::string& target) {
  auto j = std::make_unique<Json>();
  auto r = server.client()->Get(target);
  if (!r) {
    ADD_FAILURE() << target << ": no answer";
    return j;
  }
  j->status = r->status;
  j->body = r->body;
  EXPECT_FALSE(j->parser.parse(j->body).get(j->value)) << j->body;
  return j;
}

serve::ServerOptions options_for(const std::string& db) {
  serve::ServerOptions o;
  o.store = db;
  o.threads = 2;
  return o;
}

TEST(ServedStore, AnswersFollowTheStoreAsItIsWritten) {
  testing::TempDir dir;
  std::string db = dir.path() + "/events.db";
  EventStore writer(db);
  writer.add(testing::docs_of(make_doc("a1", "wire-a", "2020-01-05", {"Libyan forces shelled rebel positions."},
                       {{0, "2020-01-05", "LBYMIL", "LBYREB", "190"}})));
  testing::RunningServer server(options_for(db));
  auto before = get(server, "/api/events?country=LBY");
  EXPECT_EQ(num(before->value["total"]), 1);
  EXPECT_EQ(num(get(server, "/api/status")->value["articles"]), 1);

  // dyad code --db adds articles while the store is served: the totals kept for a filter go.
  writer.add(testing::docs_of(make_doc("a2", "wire-b", "2020-02-07", {"Libyan police arrested protesters in Tripoli."},
                       {{0, "2020-02-07", "LBYCOP", "LBYCVL", "173"}}),
              make_doc("a3", "wire-a", "2020-02-08", {"China criticised the United States."},
                       {{0, "2020-02-08", "CHNGOV", "USAGOV", "111"}})));
  auto after = get(server, "/api/events?country=LBY");
  EXPECT_EQ(num(after->value["total"]), 2);
  EXPECT_EQ(after->value["events"].get_array().size(), 2u);
  auto status = get(server, "/api/status");
  EXPECT_EQ(num(status->value["articles"]), 3);
  EXPECT_EQ(num(status->value["events"]), 3);
  EXPECT_EQ(str(status->value["last_date"]), "2020-02-08");
}

TEST(ServedStore, AnActorOnBothSidesOfAnEventCountsOnce) {
  testing::TempDir dir;
  std::string db = dir.path() + "/events.db";
  {
    EventStore writer(db);
    writer.add(testing::docs_of(make_doc("a1", "wire-a", "2021-03-01", {"US officials criticised US officials.", "US envoys met Chinese envoys."},
                         {{0, "2021-03-01", "USAGOV", "USAGOV", "111"}, {1, "2021-03-01", "USAGOV", "CHNGOV", "040"}})));
  }
  testing::RunningServer server(options_for(db));
  auto either = get(server, "/api/top/actors");
  ASSERT_EQ(either->status, 200) << either->body;
  simdjson::dom::array rows = either->value["rows"].get_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(str(rows.at(0)["code"]), "USAGOV");
  EXPECT_EQ(str(rows.at(0)["country"]), "USA");
  EXPECT_EQ(num(rows.at(0)["events"]), 2);
  EXPECT_EQ(str(rows.at(1)["code"]), "CHNGOV");
  EXPECT_EQ(num(rows.at(1)["events"]), 1);
  auto target = get(server, "/api/top/actors?side=target");
  simdjson::dom::array targets = target->value["rows"].get_array();
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(num(targets.at(0)["events"]), 1);
  EXPECT_EQ(num(targets.at(1)["events"]), 1);
  EXPECT_EQ(str(targets.at(0)["code"]), "CHNGOV");  // ties by code
  auto dyads = get(server, "/api/top/dyads");
  EXPECT_EQ(dyads->value["rows"].get_array().size(), 2u);
}

TEST(ServedStore, PlacesAreGroupedByNameAndCoordinates) {
  testing::TempDir dir;
  std::string db = dir.path() + "/events.db";
  EventPlace tripoli{"Tripoli", "LBY", "Libya", "77", 32.88743, 13.18733, "PPLC", 2210247, {}, "clause"};
  EventPlace lebanon = tripoli;  // the namesake in Lebanon
  lebanon.country = "LBN";
  lebanon.lat = 34.43667;
  lebanon.lon = 35.84972;
  lebanon.geonameid = 266826;
  {
    EventStore writer(db);
    writer.add(testing::docs_of(make_doc("a1", "wire-a", "2021-03-01", {"Militias fought in Tripoli.", "Police fired on crowds in Tripoli."},
                         {{0, "2021-03-01", "LBYMIL", "LBYREB", "190", 2, false, tripoli},
                          {1, "2021-03-01", "LBNCOP", "LBNCVL", "180", 1, false, lebanon}}),
                make_doc("a2", "wire-b", "2021-03-02", {"Rebels shelled Tripoli.", "Nothing happened."},
                         {{0, "2021-03-02", "LBYREB", "LBYMIL", "195", 1, false, tripoli},
                          {1, "2021-03-02", "LBYGOV", "LBYREB", "040"}})));
  }
  testing::RunningServer server(options_for(db));
  auto places = get(server, "/api/places");
  ASSERT_EQ(places->status, 200) << places->body;
  simdjson::dom::array points = places->value["points"].get_array();
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(str(points.at(0)["country"]), "LBY");
  EXPECT_EQ(num(points.at(0)["events"]), 2);
  EXPECT_EQ(num(points.at(0)["mentions"]), 3);
  EXPECT_EQ(str(points.at(1)["country"]), "LBN");
  EXPECT_EQ(num(points.at(1)["events"]), 1);
  auto lbn = get(server, "/api/places?location_country=LBN");
  EXPECT_EQ(lbn->value["points"].get_array().size(), 1u);
  auto events = get(server, "/api/events?location=Tripoli&location_country=LBY");
  EXPECT_EQ(num(events->value["total"]), 2);
}

TEST(ServedStore, PastTheTimeBudgetTheAnswerIs503AndTheNextOneComes) {
  testing::TempDir dir;
  std::string db = dir.path() + "/events.db";
  {
    EventStore writer(db);
    std::vector<Doc> docs;
    for (int i = 0; i < 300; ++i) {
      std::string date = Date::from_days(Date{2020, 1, 1}.days() + i).iso();
      docs.push_back(make_doc(fmt::format("a{}", i), "wire", date, {"Troops fired on protesters today."},
                              {{0, date, "SYRMIL", "SYRCVL", "180"}}));
    }
    writer.add(docs);
  }
  serve::ServerOptions o = options_for(db);
  o.query_timeout = std::chrono::milliseconds(0);  // every query that runs a while is past it
  testing::RunningServer server(o);
  auto slow = get(server, "/api/timeline?by=day");
  EXPECT_EQ(slow->status, 503) << slow->body;
  EXPECT_EQ(str(slow->value["error"]), "query took too long; narrow the filters");
  // The store connection is fine afterwards: a query too short to be checked is answered.
  auto quick = get(server, "/api/events/1");
  EXPECT_EQ(quick->status, 200) << quick->body;
}

}  // namespace
}  // namespace dyad
