#include "out/writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "base/version.h"
#include "code/cameo.h"
#include "code/event.h"
#include "out/json.h"
#include "text/normalizer.h"

namespace dyad {

// Where the event happened, per the contract: {"name","country","lat","lon","feature","span"}
// plus GeoNames' ADM1 code and id, how it was found; null when the text does not place it.
void append_location(std::string& out, const std::optional<EventPlace>& p) {
  if (!p) {
    out.append("null");
    return;
  }
  out.append("{\"name\":");
  json::append_string(out, p->name);
  out.append(",\"country\":");
  json::append_string(out, p->country);
  out.append(",\"adm1\":");
  json::append_string(out, p->admin1);
  fmt::format_to(std::back_inserter(out), ",\"lat\":{:.5f},\"lon\":{:.5f},\"feature\":", p->lat, p->lon);
  json::append_string(out, p->feature);
  out.append(",\"geonameid\":");
  if (p->geonameid) json::append_uint(out, p->geonameid);
  else out.append("null");
  out.append(",\"span\":");
  json::append_span(out, p->span);
  out.append(",\"from\":");
  json::append_string(out, p->how);
  out.push_back('}');
}

namespace {

void append_actor(std::string& out, const Doc& doc, const std::optional<Actor>& a, const std::string& rule) {
  if (!a) {
    out.append("null");
    return;
  }
  out.append("{\"text\":");
  json::append_string(out, doc.text_of(a->span));
  out.append(",\"code\":");
  json::append_string(out, a->code);
  out.append(",\"country\":");
  json::append_string(out, a->country);
  out.append(",\"roles\":[");
  for (size_t i = 0; i < a->roles.size(); ++i) {
    if (i) out.push_back(',');
    json::append_string(out, a->roles[i]);
  }
  out.append("],\"span\":");
  json::append_span(out, a->span);
  if (!rule.empty()) {
    out.append(",\"rule\":");
    json::append_string(out, rule);
  }
  out.push_back('}');
}

// The writers of events: each event with its id ("article:sentence:n") and CAMEO facts.
class EventWriter : public DocWriter {
 public:
  void write(const Doc& doc, std::string& out) const override {
    const Events* events = doc.find_ext<Events>();
    if (!events) return;
    const CameoTable& cameo = CameoTable::shared();
    uint32_t previous_sentence = UINT32_MAX, n = 0;
    for (const Event& e : events->events) {
      n = e.sentence == previous_sentence ? n + 1 : 0;
      previous_sentence = e.sentence;
      row(doc, e, fmt::format("{}:{}:{}", doc.article.id, e.sentence, n), cameo.find(e.cameo), out);
    }
  }

 protected:
  virtual void row(const Doc& doc, const Event& e, const std::string& event_id, const CameoInfo* info,
                   std::string& out) const = 0;
};

// Events as JSON Lines, per ../shared/reference/event-jsonl.md (the contract).
class EventJsonlWriter : public EventWriter {
 protected:
  void row(const Doc& doc, const Event& e, const std::string& event_id, const CameoInfo* info,
           std::string& out) const override {
    const Sentence& s = doc.sentences[e.sentence];
    out.append("{\"event_id\":");
    json::append_string(out, event_id);
    out.append(",\"article_id\":");
    json::append_string(out, doc.article.id);
    out.append(",\"sentence_index\":");
    json::append_uint(out, e.sentence);
    out.append(",\"sentence\":");
    json::append_string(out, doc.text_of(s.span));
    // Where the sentence is in the article (a store shows the spans within it).
    out.append(",\"sentence_span\":");
    json::append_span(out, s.span);
    out.append(",\"date\":");
    if (!e.date_text.empty()) json::append_string(out, e.date_text);
    else if (doc.article.date) json::append_string(out, doc.article.date->iso());
    else out.append("null");
    // The time expression the date came from (null: the article's date).
    out.append(",\"date_expression\":");
    if (e.date_span.empty()) {
      out.append("null");
    } else {
      out.append("{\"text\":");
      json::append_string(out, doc.text_of(e.date_span));
      out.append(",\"span\":");
      json::append_span(out, e.date_span);
      out.append("}");
    }
    out.append(",\"source\":");
    append_actor(out, doc, e.source, e.source_rule);
    out.append(",\"target\":");
    append_actor(out, doc, e.target, e.target_rule);
    out.append(",\"cameo\":");
    json::append_string(out, e.cameo);
    out.append(",\"cameo_root\":");
    json::append_string(out, e.cameo.substr(0, 2));
    fmt::format_to(std::back_inserter(out), ",\"quad_class\":{},\"goldstein\":{:.1f}", info ? info->quad : 0,
                   info ? info->goldstein : 0.0);
    out.append(",\"plover\":");
    json::append_string(out, info ? info->plover : "");
    out.append(",\"plover_mode\":");
    json::append_string(out, info ? info->mode : "");
    out.append(",\"plover_context\":[],\"trigger\":{\"text\":");
    json::append_string(out, doc.text_of(e.trigger));
    out.append(",\"span\":");
    json::append_span(out, e.trigger);
    out.append(e.negated ? "},\"negated\":true" : "},\"negated\":false");
    fmt::format_to(std::back_inserter(out), ",\"mentions\":{},\"is_root\":{}", e.mentions, e.root ? "true" : "false");
    out.append(",\"location\":");
    append_location(out, e.place);
    fmt::format_to(std::back_inserter(out), ",\"confidence\":{:.2f}", e.confidence);
    out.append(",\"rule\":");
    json::append_string(out, e.rule);
    if (!e.note.empty()) {
      out.append(",\"note\":");
      json::append_string(out, e.note);
    }
    if (e.reported_by) {
      out.append(",\"reported_by\":");
      append_actor(out, doc, e.reported_by, "");
    }
    // The article's outlet, URL, title and publication date, so that a store loading these
    // lines (dyad load) counts outlets and shows reports as one that codes the articles does.
    if (!doc.article.source.empty()) {
      out.append(",\"outlet\":");
      json::append_string(out, doc.article.source);
    }
    if (!doc.article.url.empty()) {
      out.append(",\"url\":");
      json::append_string(out, doc.article.url);
    }
    if (!doc.article.title.empty()) {
      out.append(",\"title\":");
      json::append_string(out, doc.article.title);
    }
    if (doc.article.date) {
      out.append(",\"published\":");
      json::append_string(out, doc.article.date->iso());
    }
    out.append(",\"engine\":");
    json::append_string(out, kEngine);
    out.append("}\n");
  }

 private:
  const std::string kEngine = fmt::format("dyad {} / dictionaries {}", kVersion, kDictionaryVersion);
};

// Events as PLOVER records, in the manner of the POLECAT data set: the PLOVER event type, mode
// and context first, actor and recipient with their country and sectors, the CAMEO code kept
// alongside. JSON Lines, one record per event.
class EventPloverWriter : public EventWriter {
 protected:
  void row(const Doc& doc, const Event& e, const std::string& event_id, const CameoInfo* info,
           std::string& out) const override {
    out.append("{\"event_id\":");
    json::append_string(out, event_id);
    out.append(",\"story_id\":");
    json::append_string(out, doc.article.id);
    out.append(",\"story_date\":");
    append_date(out, doc.article.date);
    out.append(",\"event_date\":");
    append_date(out, e.date ? e.date : doc.article.date);
    out.append(",\"event_type\":");
    json::append_string(out, info ? info->plover : "");
    out.append(",\"event_mode\":");
    json::append_string(out, info ? info->mode : "");
    out.append(",\"context\":[]");
    for (const auto& [key, side] : {std::pair{"actor", &e.source}, std::pair{"recipient", &e.target}}) {
      fmt::format_to(std::back_inserter(out), ",\"{}\":", key);
      if (!*side) {
        out.append("null");
        continue;
      }
      const Actor& a = **side;
      out.append("{\"name\":");
      json::append_string(out, doc.text_of(a.span));
      out.append(",\"code\":");
      json::append_string(out, a.code);
      out.append(",\"country\":");
      json::append_string(out, a.country);
      out.append(",\"sectors\":[");
      for (size_t i = 0; i < a.roles.size(); ++i) {
        if (i) out.push_back(',');
        json::append_string(out, a.roles[i]);
      }
      out.append("]}");
    }
    out.append(",\"cameo\":");
    json::append_string(out, e.cameo);
    fmt::format_to(std::back_inserter(out), ",\"quad_class\":{},\"goldstein\":{:.1f}", info ? info->quad : 0,
                   info ? info->goldstein : 0.0);
    out.append(",\"location\":");
    append_location(out, e.place);
    out.append(",\"text\":");
    json::append_string(out, doc.text_of(doc.sentences[e.sentence].span));
    out.append(",\"url\":");
    json::append_string(out, doc.article.url);
    fmt::format_to(std::back_inserter(out), ",\"mentions\":{},\"confidence\":{:.2f}}}\n", e.mentions, e.confidence);
  }

 private:
  static void append_date(std::string& out, const std::optional<Date>& d) {
    if (d) json::append_string(out, d->iso());
    else out.append("null");
  }
};

}  // namespace

// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out.append(s);
    return;
  }
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

namespace {

// Events as CSV, one row per event, for spreadsheets, R and pandas.
class EventCsvWriter : public EventWriter {
 public:
  void header(std::string& out) const override {
    out.append(
        "event_id,article_id,sentence_index,date,date_expression,source_code,source_country,source_text,"
        "target_code,target_country,target_text,cameo,cameo_root,quad_class,goldstein,plover,plover_mode,"
        "negated,mentions,is_root,confidence,location_name,location_country,location_adm1,location_lat,location_lon,"
        "location_feature,location_geonameid,trigger,rule,sentence\n");
  }

 protected:
  void row(const Doc& doc, const Event& e, const std::string& event_id, const CameoInfo* info,
           std::string& out) const override {
    std::string date = !e.date_text.empty() ? e.date_text : doc.article.date ? doc.article.date->iso() : "";
    auto field = [&](std::string_view v) {
      append_csv_field(out, v);
      out.push_back(',');
    };
    field(event_id);
    field(doc.article.id);
    field(std::to_string(e.sentence));
    field(date);
    field(e.date_span.empty() ? std::string_view() : doc.text_of(e.date_span));
    for (const auto* side : {&e.source, &e.target}) {
      field(*side ? std::string_view((*side)->code) : std::string_view());
      field(*side ? std::string_view((*side)->country) : std::string_view());
      field(*side ? doc.text_of((*side)->span) : std::string_view());
    }
    field(e.cameo);
    field(e.cameo.substr(0, 2));
    field(std::to_string(info ? info->quad : 0));
    field(fmt::format("{:.1f}", info ? info->goldstein : 0.0));
    field(info ? std::string_view(info->plover) : std::string_view());
    field(info ? std::string_view(info->mode) : std::string_view());
    field(e.negated ? "true" : "false");
    field(std::to_string(e.mentions));
    field(e.root ? "true" : "false");
    field(fmt::format("{:.2f}", e.confidence));
    if (const auto& p = e.place) {
      field(p->name);
      field(p->country);
      field(p->admin1);
      field(fmt::format("{:.5f}", p->lat));
      field(fmt::format("{:.5f}", p->lon));
      field(p->feature);
      field(p->geonameid ? std::to_string(p->geonameid) : std::string());
    } else {
      out.append(",,,,,,,");
    }
    field(doc.text_of(e.trigger));
    field(e.rule);
    append_csv_field(out, doc.text_of(doc.sentences[e.sentence].span));
    out.push_back('\n');
  }
};

// Tab-separated text can hold no tabs or line breaks inside a field.
void append_tsv_field(std::string& out, std::string_view s) {
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

// Events as GDELT 2.0 event rows (../shared/reference/gdelt-2.0-event-columns.txt), 61
// tab-separated columns without a header, as GDELT publishes them. Where GDELT differs or
// dyad has nothing yet, docs/output.md says what the column holds.
class EventGdeltWriter : public EventWriter {
 protected:
  void row(const Doc& doc, const Event& e, const std::string& event_id, const CameoInfo* info,
           std::string& out) const override {
    std::optional<Date> date = e.date ? e.date : doc.article.date;
    std::vector<std::string> c;
    c.reserve(61);
    c.push_back(std::to_string(global_id(event_id)));
    if (date) {
      c.push_back(fmt::format("{:04}{:02}{:02}", date->year, date->month, date->day));
      c.push_back(fmt::format("{:04}{:02}", date->year, date->month));
      c.push_back(std::to_string(date->year));
      int64_t day_of_year = date->days() - Date{date->year, 1, 1}.days() + 1;
      c.push_back(fmt::format("{:.4f}", date->year + static_cast<double>(day_of_year) / 365.0));
    } else {
      c.insert(c.end(), 4, "");
    }
    for (const auto* side : {&e.source, &e.target}) actor_columns(doc, *side, c);
    c.push_back(e.root ? "1" : "0");
    c.push_back(e.cameo);
    c.push_back(e.cameo.substr(0, 3));
    c.push_back(e.cameo.substr(0, 2));
    c.push_back(std::to_string(info ? info->quad : 0));
    c.push_back(fmt::format("{:.1f}", info ? info->goldstein : 0.0));
    c.push_back(std::to_string(e.mentions));  // NumMentions (in this article)
    c.push_back("1");                         // NumSources
    c.push_back("1");                         // NumArticles
    c.push_back("0");                         // AvgTone: dyad measures no tone
    for (int geo = 0; geo < 2; ++geo) {       // Actor1, Actor2 geography: not resolved
      c.push_back("0");
      c.insert(c.end(), 7, "");
    }
    geo_columns(e.place, c);                  // ActionGeo
    // DATEADDED: the publication date at midnight, so that a rerun writes the same rows.
    c.push_back(doc.article.date ? fmt::format("{:04}{:02}{:02}000000", doc.article.date->year,
                                               doc.article.date->month, doc.article.date->day)
                                 : "");
    c.push_back(!doc.article.url.empty() ? doc.article.url : doc.article.id);
    for (size_t i = 0; i < c.size(); ++i) {
      if (i) out.push_back('\t');
      append_tsv_field(out, c[i]);
    }
    out.push_back('\n');
  }

 private:
  // A stable positive number for an event id (FNV-1a, 53 bits so spreadsheets keep it whole).
  static uint64_t global_id(std::string_view id) {
    uint64_t h = 1469598103934665603ull;
    for (char ch : id) {
      h ^= static_cast<unsigned char>(ch);
      h *= 1099511628211ull;
    }
    return h & ((uint64_t{1} << 53) - 1);
  }

  // Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID. Type: 1 a country,
  // 3 a US city, 4 any other city. Codes are ISO alpha-3 (+ the GeoNames ADM1 code), where
  // GDELT writes FIPS; FeatureID is the GeoNames id (a country's ISO code for a country).
  static void geo_columns(const std::optional<EventPlace>& p, std::vector<std::string>& c) {
    if (!p) {
      c.push_back("0");
      c.insert(c.end(), 7, "");
      return;
    }
    bool country = p->geonameid == 0;
    c.push_back(country ? "1" : p->country == "USA" ? "3" : "4");
    c.push_back(country ? p->country_name : p->name + ", " + p->country_name);
    c.push_back(p->country);
    c.push_back(country || p->admin1.empty() ? std::string() : p->country + p->admin1);
    c.push_back("");
    c.push_back(fmt::format("{:.4f}", p->lat));
    c.push_back(fmt::format("{:.4f}", p->lon));
    c.push_back(country ? p->country : std::to_string(p->geonameid));
  }

  // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
  // Type1Code, Type2Code, Type3Code.
  static void actor_columns(const Doc& doc, const std::optional<Actor>& a, std::vector<std::string>& c) {
    if (!a) {
      c.insert(c.end(), 10, "");
      return;
    }
    static constexpr std::string_view kReligions[] = {"MUS", "CHR", "JEW", "HIN", "BUD", "SIK", "CTH", "SUN",
                                                      "SHI", "ITH", "PRO", "ORT"};
    static constexpr std::string_view kGroups[] = {"IGO", "NGO", "IMG", "MNC", "NGM"};
    std::string name(doc.text_of(a->span));
    for (char& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    c.push_back(a->code);
    c.push_back(name);
    c.push_back(a->country);
    std::string group = a->country.empty() && a->code.size() >= 3 ? a->code.substr(0, 3) : "";
    c.push_back(std::find(std::begin(kGroups), std::end(kGroups), group) != std::end(kGroups) ? group : "");
    c.push_back("");  // EthnicCode
    std::vector<std::string> religions, types;
    for (const std::string& r : a->roles)
      (std::find(std::begin(kReligions), std::end(kReligions), r) != std::end(kReligions) ? religions : types).push_back(r);
    for (size_t i = 0; i < 2; ++i) c.push_back(i < religions.size() ? religions[i] : "");
    for (size_t i = 0; i < 3; ++i) c.push_back(i < types.size() ? types[i] : "");
  }
};

class SentencesWriter : public DocWriter {
 public:
  void header(std::string& out) const override {
    out.append("article_id\tsentence_index\tkind\tstart\tend\ttext\n");
  }
  void write(const Doc& doc, std::string& out) const override {
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      append_tsv_field(out, doc.article.id);
      fmt::format_to(std::back_inserter(out), "\t{}\t{}\t{}\t{}\t", i, kind_name(s.kind),
                     s.span.begin, s.span.end);
      append_tsv_field(out, doc.text_of(s.span));
      out.push_back('\n');
    }
  }
};

// The article as read (dyad extract): the article JSON Lines contract, plus "date_text"
// when the input gave the date in another form than YYYY-MM-DD.
class ArticlesJsonlWriter : public DocWriter {
 public:
  void write(const Doc& doc, std::string& out) const override {
    const Article& a = doc.article;
    out.append("{\"id\":");
    json::append_string(out, a.id);
    if (a.date) {
      out.append(",\"date\":");
      json::append_string(out, a.date->iso());
      if (!a.date_text.empty() && a.date_text != a.date->iso()) {
        out.append(",\"date_text\":");
        json::append_string(out, a.date_text);
      }
    }
    for (auto [key, value] : {std::pair<const char*, const std::string*>{"url", &a.url},
                              {"source", &a.source}, {"title", &a.title}}) {
      if (value->empty()) continue;
      out.append(",\"");
      out.append(key);
      out.append("\":");
      json::append_string(out, *value);
    }
    out.append(",\"text\":");
    json::append_string(out, a.text);
    out.append("}\n");
  }
};

class SegmentsJsonlWriter : public DocWriter {
 public:
  void write(const Doc& doc, std::string& out) const override {
    std::string norm;
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      out.append("{\"article_id\":");
      json::append_string(out, doc.article.id);
      out.append(",\"sentence_index\":");
      json::append_uint(out, i);
      out.append(",\"kind\":\"");
      out.append(kind_name(s.kind));
      out.append("\",\"text\":");
      json::append_string(out, doc.text_of(s.span));
      out.append(",\"span\":");
      json::append_span(out, s.span);
      out.append(",\"tokens\":[");
      bool first = true;
      for (const Token& t : doc.tokens_of(s)) {
        if (!first) out.push_back(',');
        first = false;
        std::string_view text = doc.text_of(t);
        out.append("{\"text\":");
        json::append_string(out, text);
        out.append(",\"span\":");
        json::append_span(out, t.span());
        out.append(",\"kind\":\"");
        out.append(kind_name(t.kind));
        out.push_back('"');
        norm.clear();
        append_normalized(text, norm);
        if (norm != text) {
          out.append(",\"norm\":");
          json::append_string(out, norm);
        }
        out.push_back('}');
      }
      out.append("]}\n");
    }
  }
};

class SegmentsTextWriter : public DocWriter {
 public:
  void write(const Doc& doc, std::string& out) const override {
    fmt::format_to(std::back_inserter(out), "== {}", doc.article.id);
    if (doc.article.date) fmt::format_to(std::back_inserter(out), "  {}", doc.article.date->iso());
    fmt::format_to(std::back_inserter(out), "  ({} segments, {} tokens)\n", doc.sentences.size(),
                   doc.tokens.size());
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      fmt::format_to(std::back_inserter(out), "[{}] {:<8} {}-{}  ", i, kind_name(s.kind),
                     s.span.begin, s.span.end);
      append_tsv_field(out, doc.text_of(s.span));
      out.append("\n     ");
      bool first = true;
      for (const Token& t : doc.tokens_of(s)) {
        out.append(first ? "" : " | ");
        first = false;
        out.append(doc.text_of(t));
      }
      out.push_back('\n');
    }
    out.push_back('\n');
  }
};

}  // namespace

std::unique_ptr<DocWriter> make_writer(OutputFormat format) {
  switch (format) {
    case OutputFormat::kEvents: return std::make_unique<EventJsonlWriter>();
    case OutputFormat::kEventsCsv: return std::make_unique<EventCsvWriter>();
    case OutputFormat::kEventsGdelt: return std::make_unique<EventGdeltWriter>();
    case OutputFormat::kEventsPlover: return std::make_unique<EventPloverWriter>();
    case OutputFormat::kSentences: return std::make_unique<SentencesWriter>();
    case OutputFormat::kSegmentsText: return std::make_unique<SegmentsTextWriter>();
    case OutputFormat::kSegmentsJsonl: return std::make_unique<SegmentsJsonlWriter>();
    case OutputFormat::kArticles: return std::make_unique<ArticlesJsonlWriter>();
  }
  return nullptr;
}

bool writes_events(OutputFormat format) {
  return format == OutputFormat::kEvents || format == OutputFormat::kEventsCsv || format == OutputFormat::kEventsGdelt ||
         format == OutputFormat::kEventsPlover;
}

}  // namespace dyad
