// Aggregates of the events an EventFilter matches, for dyad serve's charts: a timeline by quad
// class, the busiest actors and dyads, and events grouped by place. The filter's conditions are
// those of dyad query (event_sql.h); every value is bound.
#include <fmt/format.h>

#include <map>

#include "store/event_sql.h"
#include "store/event_store.h"

namespace dyad {
namespace {

using store_sql::Where;

// The filter's conditions and more.
Where where_of(const EventFilter& f, bool fts, std::initializer_list<const char*> more) {
  Where w = store_sql::event_conditions(f, fts).all;
  for (const char* condition : more) w.add(condition, {});
  return w;
}

void read_tally(const sql::Statement& st, int first, Tally& t) {
  t.events = static_cast<uint64_t>(st.int64(first));
  t.mentions = static_cast<uint64_t>(st.int64(first + 1));
  t.goldstein = st.real(first + 2);
}

}  // namespace

Timeline EventStore::timeline(const EventFilter& f, Period by, size_t max_periods) {
  Where w = where_of(f, fts_, {"date <> ''"});
  std::string sql = "SELECT date, quad_class, count(*), sum(goldstein) FROM events";
  sql += w.sql();
  sql += " GROUP BY date, quad_class";
  sql::Statement& st = cached(sql);
  sql::ResetOnExit reset(st);
  w.bind(st);
  // By day from SQLite (a few thousand days at most), then into periods here.
  std::map<Date, QuadPoint> by_period;
  while (st.step()) {
    std::optional<Date> day = Date::parse_iso(st.text(0));
    int64_t quad = st.int64(1);
    if (!day || quad < 1 || quad > 4) continue;
    QuadPoint& p = by_period[period_start(*day, by)];
    p.events[quad - 1] += static_cast<uint64_t>(st.int64(2));
    p.goldstein[quad - 1] += st.real(3);
  }
  Timeline out;
  std::optional<std::vector<QuadPoint>> periods = zero_filled(by_period, f.from, f.to, by, max_periods);
  if (periods) out.periods = std::move(*periods);
  else out.too_many_periods = true;
  return out;
}

std::vector<ActorTally> EventStore::top_actors(const EventFilter& f, Side side, size_t limit) {
  Where source = where_of(f, fts_, {"source_code <> ''"});
  // Either side: an event with the same actor on both sides is counted on the source side only.
  Where target = where_of(f, fts_, {"target_code <> ''"});
  if (side == Side::kEither) target.add("target_code <> source_code", {});
  std::string source_sql = "SELECT source_code AS code, count(*) AS n, sum(num_mentions) AS m, sum(goldstein) AS g "
                           "FROM events";
  source_sql += source.sql();
  source_sql += " GROUP BY source_code";
  std::string target_sql = "SELECT target_code AS code, count(*) AS n, sum(num_mentions) AS m, sum(goldstein) AS g "
                           "FROM events";
  target_sql += target.sql();
  target_sql += " GROUP BY target_code";
  std::string sql;
  if (side == Side::kEither)
    sql = fmt::format("SELECT code, sum(n), sum(m), sum(g) FROM ({} UNION ALL {}) GROUP BY code", source_sql,
                      target_sql);
  else
    sql = side == Side::kSource ? source_sql : target_sql;
  sql += " ORDER BY 2 DESC, 1 LIMIT ?";
  sql::Statement& st = cached(sql);
  sql::ResetOnExit reset(st);
  int next = 1;
  if (side != Side::kTarget) next = source.bind(st, next);
  if (side != Side::kSource) next = target.bind(st, next);
  st.bind(next, static_cast<uint64_t>(limit));
  std::vector<ActorTally> out;
  while (st.step()) {
    ActorTally& a = out.emplace_back();
    a.code = st.text(0);
    read_tally(st, 1, a);
  }
  // An actor code names one country (or none): that of any event with it.
  for (ActorTally& a : out) {
    for (const char* country_sql : {"SELECT source_country FROM events WHERE source_code = ? LIMIT 1",
                                    "SELECT target_country FROM events WHERE target_code = ? LIMIT 1"}) {
      sql::Statement& country = cached(country_sql);
      sql::ResetOnExit reset_country(country);
      country.bind(1, a.code);
      if (country.step()) {
        a.country = country.text(0);
        break;
      }
    }
  }
  return out;
}

std::vector<DyadTally> EventStore::top_dyads(const EventFilter& f, size_t limit) {
  Where w = where_of(f, fts_, {"source_code <> ''", "target_code <> ''"});
  std::string sql = "SELECT source_code, target_code, count(*), sum(num_mentions), sum(goldstein) FROM events";
  sql += w.sql();
  sql += " GROUP BY source_code, target_code ORDER BY 3 DESC, 1, 2 LIMIT ?";
  sql::Statement& st = cached(sql);
  sql::ResetOnExit reset(st);
  st.bind(w.bind(st), static_cast<uint64_t>(limit));
  std::vector<DyadTally> out;
  while (st.step()) {
    DyadTally& d = out.emplace_back();
    d.source = st.text(0);
    d.target = st.text(1);
    read_tally(st, 2, d);
  }
  return out;
}

std::vector<PlaceTally> EventStore::places(const EventFilter& f, size_t limit) {
  Where w = where_of(f, fts_, {"location_name IS NOT NULL"});
  std::string sql = "SELECT location_name, max(location_country), location_lat, location_lon, count(*), "
                    "sum(num_mentions), sum(goldstein) FROM events";
  sql += w.sql();
  sql += " GROUP BY location_name, location_lat, location_lon ORDER BY 5 DESC, 1, 3, 4 LIMIT ?";
  sql::Statement& st = cached(sql);
  sql::ResetOnExit reset(st);
  st.bind(w.bind(st), static_cast<uint64_t>(limit));
  std::vector<PlaceTally> out;
  while (st.step()) {
    PlaceTally& p = out.emplace_back();
    p.name = st.text(0);
    p.country = st.text(1);
    p.lat = st.real(2);
    p.lon = st.real(3);
    read_tally(st, 4, p);
  }
  return out;
}

}  // namespace dyad
