#include "store/format.h"

#include <fmt/format.h>

#include <algorithm>

#include "out/json.h"
#include "out/writer.h"

namespace dyad {
namespace {

void append_roles(std::string& out, const std::string& roles) {
  out.push_back('[');
  size_t start = 0, n = 0;
  while (start < roles.size()) {
    size_t end = roles.find(' ', start);
    if (end == std::string::npos) end = roles.size();
    if (n++) out.push_back(',');
    json::append_string(out, std::string_view(roles).substr(start, end - start));
    start = end + 1;
  }
  out.push_back(']');
}

void append_side(std::string& out, const std::string& code, const std::string& country, const std::string& roles,
                 const std::string& text, Span span, const std::string& rule) {
  if (code.empty() && text.empty()) {
    out.append("null");
    return;
  }
  out.append("{\"text\":");
  json::append_string(out, text);
  out.append(",\"code\":");
  json::append_string(out, code);
  out.append(",\"country\":");
  json::append_string(out, country);
  out.append(",\"roles\":");
  append_roles(out, roles);
  out.append(",\"span\":");
  json::append_span(out, span);
  if (!rule.empty()) {
    out.append(",\"rule\":");
    json::append_string(out, rule);
  }
  out.push_back('}');
}

// Characters (code points) of UTF-8 text, for aligning columns.
size_t width_of(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The first `max` characters, "..." marking a cut; line breaks become spaces.
std::string cut(std::string_view s, size_t max) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == max) {
        if (max >= 3) {
          // Drop the last three characters for the ellipsis.
          for (int k = 0; k < 3; ++k) {
            while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
            if (!out.empty()) out.pop_back();
          }
          out += "...";
        }
        return out;
      }
      ++chars;
    }
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : static_cast<char>(c));
  }
  return out;
}

}  // namespace

void append_events_csv_header(std::string& out) {
  out.append(
      "store_id,date,source_code,source_country,target_code,target_country,cameo,cameo_root,quad_class,goldstein,"
      "plover,plover_mode,num_mentions,num_sources,num_articles,is_root,location_name,location_country,"
      "location_admin1,location_lat,location_lon,location_feature,location_geonameid,event_id,article_id,"
      "sentence_index,source_text,target_text,trigger,rule,confidence,url,sentence\n");
}

void append_event_csv(const StoredEvent& e, std::string& out) {
  auto field = [&](std::string_view v) {
    append_csv_field(out, v);
    out.push_back(',');
  };
  field(std::to_string(e.id));
  field(e.date);
  field(e.source_code);
  field(e.source_country);
  field(e.target_code);
  field(e.target_country);
  field(e.cameo);
  field(e.root_code);
  field(std::to_string(e.quad));
  field(fmt::format("{:.1f}", e.goldstein));
  field(e.plover);
  field(e.plover_mode);
  field(std::to_string(e.num_mentions));
  field(std::to_string(e.num_sources));
  field(std::to_string(e.num_articles));
  field(e.is_root ? "true" : "false");
  field(e.location_name);
  field(e.location_country);
  field(e.location_admin1);
  field(e.has_location ? fmt::format("{:.5f}", e.location_lat) : "");
  field(e.has_location ? fmt::format("{:.5f}", e.location_lon) : "");
  field(e.location_feature);
  field(e.location_geonameid ? std::to_string(e.location_geonameid) : "");
  field(e.event_id);
  field(e.article_id);
  field(std::to_string(e.sentence_index));
  field(e.source_text);
  field(e.target_text);
  field(e.trigger_text);
  field(e.rule);
  field(fmt::format("{:.2f}", e.confidence));
  field(e.url);
  append_csv_field(out, e.sentence);
  out.push_back('\n');
}

void append_event_jsonl(const StoredEvent& e, std::string& out) {
  out.append("{\"event_id\":");
  json::append_string(out, e.event_id);
  out.append(",\"store_id\":");
  json::append_uint(out, static_cast<uint64_t>(e.id));
  out.append(",\"article_id\":");
  json::append_string(out, e.article_id);
  out.append(",\"sentence_index\":");
  json::append_uint(out, e.sentence_index);
  out.append(",\"sentence\":");
  json::append_string(out, e.sentence);
  out.append(",\"date\":");
  if (e.date.empty()) out.append("null");
  else json::append_string(out, e.date);
  out.append(",\"date_expression\":");
  if (e.date_expression.empty()) {
    out.append("null");
  } else {
    out.append("{\"text\":");
    json::append_string(out, e.date_expression);
    out.append(",\"span\":");
    json::append_span(out, e.date_span);
    out.push_back('}');
  }
  out.append(",\"source\":");
  append_side(out, e.source_code, e.source_country, e.source_roles, e.source_text, e.source_span, e.source_rule);
  out.append(",\"target\":");
  append_side(out, e.target_code, e.target_country, e.target_roles, e.target_text, e.target_span, e.target_rule);
  out.append(",\"cameo\":");
  json::append_string(out, e.cameo);
  out.append(",\"cameo_root\":");
  json::append_string(out, e.root_code);
  fmt::format_to(std::back_inserter(out), ",\"quad_class\":{},\"goldstein\":{:.1f}", e.quad, e.goldstein);
  out.append(",\"plover\":");
  json::append_string(out, e.plover);
  out.append(",\"plover_mode\":");
  json::append_string(out, e.plover_mode);
  out.append(",\"plover_context\":[],\"trigger\":{\"text\":");
  json::append_string(out, e.trigger_text);
  out.append(",\"span\":");
  json::append_span(out, e.trigger_span);
  out.append("},\"negated\":false");
  fmt::format_to(std::back_inserter(out), ",\"mentions\":{},\"is_root\":{}", e.num_mentions,
                 e.is_root ? "true" : "false");
  // The place as `dyad code` writes it (out/writer.h), its span from the first report.
  std::optional<EventPlace> place;
  if (e.has_location) {
    place.emplace();
    place->name = e.location_name;
    place->country = e.location_country;
    place->admin1 = e.location_admin1;
    place->lat = e.location_lat;
    place->lon = e.location_lon;
    place->feature = e.location_feature;
    place->geonameid = e.location_geonameid;
    place->span = e.location_span;
    place->how = e.location_how;
  }
  out.append(",\"location\":");
  append_location(out, place);
  fmt::format_to(std::back_inserter(out), ",\"confidence\":{:.2f}", e.confidence);
  out.append(",\"rule\":");
  json::append_string(out, e.rule);
  if (!e.note.empty()) {
    out.append(",\"note\":");
    json::append_string(out, e.note);
  }
  fmt::format_to(std::back_inserter(out), ",\"num_mentions\":{},\"num_sources\":{},\"num_articles\":{}}}\n",
                 e.num_mentions, e.num_sources, e.num_articles);
}

std::string format_events_table(const std::vector<StoredEvent>& events, size_t sentence_width) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"date", "source", "target", "cameo", "plover", "quad", "goldstein", "mentions", "sources",
                  "articles", "location", "article", "sentence"});
  for (const StoredEvent& e : events) {
    std::string location = e.has_location ? e.location_name : "";
    if (e.has_location && !e.location_country.empty() && e.location_name != e.location_country) {
      location += " (";
      location += e.location_country;
      location += ")";
    }
    rows.push_back({e.date.empty() ? "?" : e.date, e.source_code.empty() ? "-" : e.source_code,
                    e.target_code.empty() ? "-" : e.target_code, e.cameo, e.plover.empty() ? "-" : e.plover,
                    std::to_string(e.quad), fmt::format("{:.1f}", e.goldstein), std::to_string(e.num_mentions),
                    std::to_string(e.num_sources), std::to_string(e.num_articles), location.empty() ? "-" : location,
                    e.article_id, cut(e.sentence, sentence_width)});
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], width_of(r[i]));
  // Numbers right-aligned, text left-aligned.
  static constexpr bool kNumeric[] = {false, false, false, false, false, true, true, true, true, true, false, false, false};
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      size_t pad = widths[i] - width_of(r[i]);
      if (i) line.append("  ");
      if (kNumeric[i]) line.append(pad, ' ');
      line.append(r[i]);
      if (!kNumeric[i] && i + 1 < r.size()) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out.push_back('\n');
  }
  return out;
}

void append_series(const std::vector<SeriesPoint>& series, SeriesFormat format, std::string& out) {
  if (format == SeriesFormat::kCsv) {
    out.append("period,events,mentions,articles,goldstein\n");
    for (const SeriesPoint& p : series)
      fmt::format_to(std::back_inserter(out), "{},{},{},{},{:.1f}\n", p.period, p.events, p.mentions, p.articles,
                     p.goldstein);
    return;
  }
  out.append("[");
  for (size_t i = 0; i < series.size(); ++i) {
    const SeriesPoint& p = series[i];
    out.append(i ? ",\n " : "\n ");
    out.append("{\"period\":");
    json::append_string(out, p.period);
    fmt::format_to(std::back_inserter(out), ",\"events\":{},\"mentions\":{},\"articles\":{},\"goldstein\":{:.1f}}}",
                   p.events, p.mentions, p.articles, p.goldstein);
  }
  out.append(series.empty() ? "]\n" : "\n]\n");
}

}  // namespace dyad
