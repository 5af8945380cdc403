#include "serve/api.h"

#include <fmt/format.h>

#include <tuple>

#include "serve/api_json.h"
#include "store/format.h"

namespace dyad::serve {
namespace {

constexpr uint64_t kMaxPage = 1000000;

ApiResponse json(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

ApiResponse error(int status, std::string_view message, std::string_view parameter = {}) {
  ApiResponse r;
  r.status = status;
  r.body = error_json(message, parameter);
  return r;
}

EventSort sort_of(const ParamReader& r) {
  std::string sort = r.choice("sort", {"date", "-date", "goldstein", "-goldstein", "mentions", "-mentions"}, "date");
  if (sort == "-date") return EventSort::kDateDescending;
  if (sort == "goldstein") return EventSort::kGoldstein;
  if (sort == "-goldstein") return EventSort::kGoldsteinDescending;
  if (sort == "mentions") return EventSort::kMentions;
  if (sort == "-mentions") return EventSort::kMentionsDescending;
  return EventSort::kDate;
}

Period period_of(const std::string& by) {
  if (by == "day") return Period::kDay;
  if (by == "week") return Period::kWeek;
  return Period::kMonth;
}

}  // namespace

ApiResponse Api::get(std::string_view path, const QueryParams& params) {
  try {
    StorePool::Lease lease = pool_.acquire();
    return route(path, params, lease.store());
  } catch (const BadParameter& e) {
    return error(400, e.what(), e.parameter);
  } catch (const StoreInterrupted&) {
    return error(503, "query took too long; narrow the filters");
  } catch (const StoreError& e) {
    return error(500, e.what());
  }
}

ApiResponse Api::route(std::string_view path, const QueryParams& params, EventQueries& store) {
  if (path == "/api/status") return status(params, store);
  if (path == "/api/events") return events(params, store);
  if (path == "/api/events.csv") return events_csv(params, store);
  constexpr std::string_view kEvent = "/api/events/";
  if (path.substr(0, kEvent.size()) == kEvent) return evidence(path.substr(kEvent.size()), params, store);
  if (path == "/api/series") return series(params, store);
  if (path == "/api/timeline") return timeline(params, store);
  if (path == "/api/top/actors") return top_actors(params, store);
  if (path == "/api/top/dyads") return top_dyads(params, store);
  if (path == "/api/places") return places(params, store);
  return error(404, "no such endpoint");
}

ApiResponse Api::status(const QueryParams& params, EventQueries& store) {
  ParamReader takes_none(params, false, {});
  ReadSession session(store, limits_.query_budget);
  std::string out;
  append_status(out, store.status(), store.full_text_search());
  return json(std::move(out));
}

ApiResponse Api::events(const QueryParams& params, EventQueries& store) {
  ParamReader r(params, true, {"page", "page_size", "sort"});
  EventFilter f = r.filter();
  uint64_t page = r.number("page", 1, kMaxPage, 1);
  uint64_t page_size = r.number("page_size", 1, limits_.max_page_size, 50);
  f.sort = sort_of(r);
  f.limit = page_size;
  f.offset = (page - 1) * page_size;
  ReadSession session(store, limits_.query_budget);
  uint64_t total = store.count(f);
  std::string out;
  constexpr size_t kEventBytes = 1024;  // an event's JSON is about 800 bytes: no copies as it grows
  out.reserve(page_size * kEventBytes);
  fmt::format_to(std::back_inserter(out), "{{\"total\":{},\"page\":{},\"page_size\":{},\"events\":[", total, page,
                 page_size);
  bool first = true;
  store.query(f, [&](const StoredEvent& e) {
    if (!first) out.push_back(',');
    first = false;
    append_event(out, e);
  });
  out.append("]}");
  return json(std::move(out));
}

ApiResponse Api::evidence(std::string_view id, const QueryParams& params, EventQueries& store) {
  ParamReader takes_none(params, false, {});
  bool numeric = !id.empty() && id.size() <= 18 && id.find_first_not_of("0123456789") == std::string_view::npos;
  if (!numeric) return error(404, "no such event");
  int64_t store_id = std::stoll(std::string(id));
  ReadSession session(store, limits_.query_budget);
  std::optional<StoredEvent> e = store.event(store_id);
  if (!e) return error(404, "no such event");
  std::string out;
  append_evidence(out, *e, store.reports(store_id, limits_.max_reports));
  return json(std::move(out));
}

ApiResponse Api::events_csv(const QueryParams& params, EventQueries& store) {
  ParamReader r(params, true, {"sort"});
  EventFilter f = r.filter();
  f.sort = sort_of(r);
  f.limit = limits_.max_csv_rows;
  ReadSession session(store, limits_.query_budget);
  uint64_t total = store.count(f);
  ApiResponse response;
  response.content_type = "text/csv; charset=utf-8";
  response.headers = {{"Content-Disposition", "attachment; filename=\"events.csv\""},
                      {"X-Total-Count", std::to_string(total)}};
  append_events_csv_header(response.body);
  store.query(f, [&](const StoredEvent& e) { append_event_csv(e, response.body); });
  return response;
}

ApiResponse Api::series(const QueryParams& params, EventQueries& store) {
  ParamReader r(params, false, {"from", "to", "dyad", "country", "plover", "by"});
  SeriesFilter f;
  f.from = r.date("from");
  f.to = r.date("to");
  if (f.from && f.to && *f.to < *f.from) throw BadParameter("from", "must not be after to");
  std::tie(f.dyad_source, f.dyad_target) = r.dyad("dyad");
  f.country = r.actor("country");
  f.plover = r.plover("plover");
  std::string by = r.choice("by", {"day", "week", "month"}, "month");
  f.by = period_of(by);
  ReadSession session(store, limits_.query_budget);
  std::optional<std::vector<SeriesPoint>> points = store.series(f, limits_.max_periods);
  if (!points) throw BadParameter("by", "too many periods, use a coarser one");
  std::string out;
  append_series_points(out, *points, by);
  return json(std::move(out));
}

ApiResponse Api::timeline(const QueryParams& params, EventQueries& store) {
  ParamReader r(params, true, {"by"});
  EventFilter f = r.filter();
  std::string by = r.choice("by", {"day", "week", "month"}, "week");
  ReadSession session(store, limits_.query_budget);
  Timeline t = store.timeline(f, period_of(by), limits_.max_periods);
  if (t.too_many_periods) throw BadParameter("by", "too many periods, use a coarser one");
  std::string out;
  append_timeline(out, t, by);
  return json(std::move(out));
}

ApiResponse Api::top_actors(const QueryParams& params, EventQueries& store) {
  ParamReader r(params, true, {"side", "limit"});
  EventFilter f = r.filter();
  std::string side = r.choice("side", {"either", "source", "target"}, "either");
  uint64_t limit = r.number("limit", 1, limits_.max_top, 20);
  ReadSession session(store, limits_.query_budget);
  Side which = side == "source" ? Side::kSource : side == "target" ? Side::kTarget : Side::kEither;
  std::string out;
  append_actors(out, store.top_actors(f, which, limit));
  return json(std::move(out));
}

ApiResponse Api::top_dyads(const QueryParams& params, EventQueries& store) {
  ParamReader r(params, true, {"limit"});
  EventFilter f = r.filter();
  uint64_t limit = r.number("limit", 1, limits_.max_top, 20);
  ReadSession session(store, limits_.query_budget);
  std::string out;
  append_dyads(out, store.top_dyads(f, limit));
  return json(std::move(out));
}

ApiResponse Api::places(const QueryParams& params, EventQueries& store) {
  ParamReader r(params, true, {"limit"});
  EventFilter f = r.filter();
  uint64_t limit = r.number("limit", 1, limits_.max_places, 2000);
  ReadSession session(store, limits_.query_budget);
  std::string out;
  append_places(out, store.places(f, limit));
  return json(std::move(out));
}

}  // namespace dyad::serve
