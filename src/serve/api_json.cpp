#include "serve/api_json.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "base/version.h"
#include "out/json.h"

namespace dyad::serve {
namespace {

// Numbers are written with formats compiled once (FMT_COMPILE): parsing a format string on
// every call was a tenth of the cost of a page of events.

void append_text(std::string& out, std::string_view key, std::string_view value) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
  json::append_string(out, value);
}

// A date, or null for "".
void append_date(std::string& out, std::string_view key, const std::string& date) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
  if (date.empty()) out.append("null");
  else json::append_string(out, date);
}

// [begin, end) relative to the sentence that starts at `sentence_begin` in the article; null
// when absent or not inside the sentence (a place found in the dateline, say).
void append_relative_span(std::string& out, Span span, uint32_t sentence_begin, size_t sentence_size) {
  if (span.empty() || span.begin < sentence_begin || span.end - sentence_begin > sentence_size) {
    out.append("null");
    return;
  }
  json::append_span(out, Span{span.begin - sentence_begin, span.end - sentence_begin});
}

struct SpanSet {
  Span trigger, source, target, date, location;
};

void append_spans(std::string& out, const SpanSet& s, uint32_t sentence_begin, size_t sentence_size) {
  out.append("\"spans\":{");
  const std::pair<const char*, Span> spans[] = {
      {"trigger", s.trigger}, {"source", s.source}, {"target", s.target}, {"date", s.date}, {"location", s.location}};
  bool first = true;
  for (const auto& [name, span] : spans) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out.append(name);
    out.append("\":");
    append_relative_span(out, span, sentence_begin, sentence_size);
  }
  out.push_back('}');
}

void append_roles(std::string& out, std::string_view roles) {
  out.push_back('[');
  size_t start = 0;
  bool first = true;
  while (start < roles.size()) {
    size_t end = roles.find(' ', start);
    if (end == std::string_view::npos) end = roles.size();
    if (end > start) {
      if (!first) out.push_back(',');
      first = false;
      json::append_string(out, roles.substr(start, end - start));
    }
    start = end + 1;
  }
  out.push_back(']');
}

void append_actor(std::string& out, std::string_view key, const std::string& code, const std::string& country,
                  const std::string& roles, const std::string& text) {
  out.push_back('"');
  out.append(key);
  out.append("\":");
  if (code.empty() && text.empty()) {
    out.append("null");
    return;
  }
  out.push_back('{');
  append_text(out, "code", code);
  out.push_back(',');
  append_text(out, "country", country);
  out.append(",\"roles\":");
  append_roles(out, roles);
  out.push_back(',');
  append_text(out, "text", text);
  out.push_back('}');
}

void append_place(std::string& out, const std::string& name, const std::string& country, const std::string& admin1,
                  double lat, double lon, const std::string& feature, uint64_t geonameid, const std::string* how) {
  out.append("{");
  append_text(out, "name", name);
  out.push_back(',');
  append_text(out, "country", country);
  out.push_back(',');
  append_text(out, "adm1", admin1);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"lat\":{:.5f},\"lon\":{:.5f},"), lat, lon);
  append_text(out, "feature", feature);
  out.append(",\"geonameid\":");
  if (geonameid) json::append_uint(out, geonameid);
  else out.append("null");  // a country
  if (how) {
    out.push_back(',');
    append_text(out, "how", *how);
  }
  out.push_back('}');
}

void append_tally(std::string& out, const Tally& t) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"events\":{},\"mentions\":{},\"goldstein\":{:.1f}}}"),
                 t.events,
                 t.mentions, t.goldstein);
}

// The EVENT object's members, without the braces.
void append_event_members(std::string& out, const StoredEvent& e) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("\"store_id\":{},"), e.id);
  append_text(out, "event_id", e.event_id);
  out.push_back(',');
  append_date(out, "date", e.date);
  out.push_back(',');
  append_text(out, "cameo", e.cameo);
  out.push_back(',');
  append_text(out, "root_code", e.root_code);
  out.push_back(',');
  append_text(out, "plover", e.plover);
  out.push_back(',');
  append_text(out, "plover_mode", e.plover_mode);
  fmt::format_to(std::back_inserter(out),
                 FMT_COMPILE(",\"quad\":{},\"goldstein\":{:.1f},\"num_mentions\":{},\"num_sources\":{},"
                             "\"num_articles\":{},\"is_root\":{},"),
                 e.quad, e.goldstein, e.num_mentions, e.num_sources, e.num_articles, e.is_root ? "true" : "false");
  append_actor(out, "source", e.source_code, e.source_country, e.source_roles, e.source_text);
  out.push_back(',');
  append_actor(out, "target", e.target_code, e.target_country, e.target_roles, e.target_text);
  out.append(",\"location\":");
  if (e.has_location)
    append_place(out, e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
                 e.location_feature, e.location_geonameid, nullptr);
  else
    out.append("null");
  out.push_back(',');
  append_text(out, "article_id", e.article_id);
  out.push_back(',');
  append_text(out, "outlet", e.outlet);
  out.push_back(',');
  append_text(out, "url", e.url);
  out.push_back(',');
  append_text(out, "sentence", e.sentence);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"sentence_index\":{},"), e.sentence_index);
  append_spans(out, {e.trigger_span, e.source_span, e.target_span, e.date_span, e.location_span}, e.sentence_begin,
               e.sentence.size());
  out.push_back(',');
  append_text(out, "rule", e.rule);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"confidence\":{:.2f},"), e.confidence);
  append_text(out, "note", e.note);
}

void append_report(std::string& out, const StoredReport& r) {
  out.push_back('{');
  append_text(out, "article_id", r.article_id);
  out.push_back(',');
  append_text(out, "outlet", r.outlet);
  out.push_back(',');
  append_text(out, "url", r.url);
  out.push_back(',');
  append_text(out, "title", r.title);
  out.push_back(',');
  append_date(out, "published", r.published);
  out.push_back(',');
  append_text(out, "event_id", r.event_id);
  out.push_back(',');
  append_text(out, "sentence", r.sentence);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"sentence_index\":{},\"sentence_begin\":{},"), r.sentence_index,
                 r.sentence_begin);
  Span location = r.place ? r.place->span : Span{};
  append_spans(out, {r.trigger_span, r.source_span, r.target_span, r.date_span, location}, r.sentence_begin,
               r.sentence.size());
  out.push_back(',');
  append_text(out, "trigger_text", r.trigger_text);
  out.push_back(',');
  append_text(out, "source_text", r.source_text);
  out.push_back(',');
  append_text(out, "target_text", r.target_text);
  out.push_back(',');
  append_text(out, "source_rule", r.source_rule);
  out.push_back(',');
  append_text(out, "target_rule", r.target_rule);
  out.push_back(',');
  append_text(out, "rule", r.rule);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"confidence\":{:.2f},"), r.confidence);
  append_text(out, "note", r.note);
  out.push_back(',');
  append_text(out, "date_text", r.date_text);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"mentions\":{},\"is_root\":{},\"location\":"), r.mentions,
                 r.is_root ? "true" : "false");
  if (r.place)
    append_place(out, r.place->name, r.place->country, r.place->admin1, r.place->lat, r.place->lon, r.place->feature,
                 r.place->geonameid, &r.place->how);
  else
    out.append("null");
  out.push_back('}');
}

}  // namespace

void append_event(std::string& out, const StoredEvent& e) {
  out.push_back('{');
  append_event_members(out, e);
  out.push_back('}');
}

void append_evidence(std::string& out, const StoredEvent& e, const std::vector<StoredReport>& reports) {
  out.push_back('{');
  append_event_members(out, e);
  out.append(",\"reports\":[");
  for (size_t i = 0; i < reports.size(); ++i) {
    if (i) out.push_back(',');
    append_report(out, reports[i]);
  }
  out.append("]}");
}

void append_status(std::string& out, const StoreStatus& s, bool full_text_search) {
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{{\"articles\":{},\"events\":{},\"mentions\":{},\"sentences\":{},"),
                 s.counts.articles, s.counts.events, s.counts.mentions, s.counts.sentences);
  append_date(out, "first_date", s.first_date);
  out.push_back(',');
  append_date(out, "last_date", s.last_date);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"full_text_search\":{},"), full_text_search ? "true" : "false");
  append_text(out, "version", kVersion);
  out.push_back('}');
}

void append_timeline(std::string& out, const Timeline& t, std::string_view by) {
  out.push_back('{');
  append_text(out, "by", by);
  out.append(",\"periods\":[");
  for (size_t i = 0; i < t.periods.size(); ++i) {
    const QuadPoint& p = t.periods[i];
    if (i) out.push_back(',');
    out.push_back('{');
    append_text(out, "period", p.period);
    fmt::format_to(std::back_inserter(out),
                   FMT_COMPILE(",\"events\":[{},{},{},{}],\"goldstein\":[{:.1f},{:.1f},{:.1f},{:.1f}]}}"),
                   p.events[0], p.events[1], p.events[2], p.events[3], p.goldstein[0], p.goldstein[1], p.goldstein[2],
                   p.goldstein[3]);
  }
  out.append("]}");
}

void append_series_points(std::string& out, const std::vector<SeriesPoint>& points, std::string_view by) {
  out.push_back('{');
  append_text(out, "by", by);
  out.append(",\"points\":[");
  for (size_t i = 0; i < points.size(); ++i) {
    const SeriesPoint& p = points[i];
    if (i) out.push_back(',');
    out.push_back('{');
    append_text(out, "period", p.period);
    fmt::format_to(std::back_inserter(out),
                   FMT_COMPILE(",\"events\":{},\"mentions\":{},\"articles\":{},\"goldstein\":{:.1f}}}"),
                   p.events, p.mentions, p.articles, p.goldstein);
  }
  out.append("]}");
}

void append_actors(std::string& out, const std::vector<ActorTally>& rows) {
  out.append("{\"rows\":[");
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('{');
    append_text(out, "code", rows[i].code);
    out.push_back(',');
    append_text(out, "country", rows[i].country);
    append_tally(out, rows[i]);
  }
  out.append("]}");
}

void append_dyads(std::string& out, const std::vector<DyadTally>& rows) {
  out.append("{\"rows\":[");
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('{');
    append_text(out, "source", rows[i].source);
    out.push_back(',');
    append_text(out, "target", rows[i].target);
    append_tally(out, rows[i]);
  }
  out.append("]}");
}

void append_places(std::string& out, const std::vector<PlaceTally>& points) {
  out.append("{\"points\":[");
  for (size_t i = 0; i < points.size(); ++i) {
    const PlaceTally& p = points[i];
    if (i) out.push_back(',');
    out.push_back('{');
    append_text(out, "name", p.name);
    out.push_back(',');
    append_text(out, "country", p.country);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"lat\":{:.5f},\"lon\":{:.5f}"), p.lat, p.lon);
    append_tally(out, p);
  }
  out.append("]}");
}

std::string error_json(std::string_view message, std::string_view parameter) {
  std::string out = "{";
  append_text(out, "error", message);
  if (!parameter.empty()) {
    out.push_back(',');
    append_text(out, "parameter", parameter);
  }
  out.push_back('}');
  return out;
}

}  // namespace dyad::serve
