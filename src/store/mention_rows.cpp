#include "store/mention_rows.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <map>
#include <tuple>

#include "code/cameo.h"

namespace dyad {
namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;

std::string roles_text(const std::optional<Actor>& a) {
  std::string out;
  if (!a) return out;
  for (const std::string& r : a->roles) {
    if (!out.empty()) out.push_back(' ');
    out += r;
  }
  return out;
}

void set_cameo_facts(MentionRow& m) {
  const CameoInfo* info = CameoTable::shared().find(m.cameo);
  m.root_code = m.cameo.substr(0, 2);
  m.quad = info ? info->quad : 0;
  m.goldstein = info ? info->goldstein : 0.0;
  m.plover = info ? info->plover : "";
  m.plover_mode = info ? info->mode : "";
}

// Adds a mention to the article, or folds it into the one with its key (as EventStore::add:
// the first report stays, mentions add up, the lead flag is any of theirs). The place is the
// first report's, else the first folded report's that has one (the event's place in the store).
void fold(ArticleRows& a, std::map<Key, size_t>& index, MentionRow&& m) {
  Key key{m.date, m.source_code, m.target_code, m.cameo};
  auto [it, added] = index.emplace(key, a.mentions.size());
  ++a.num_events;
  a.sentences.insert(m.sentence_index);
  if (added) {
    a.mentions.push_back(std::move(m));
    return;
  }
  MentionRow& first = a.mentions[it->second];
  first.mentions += m.mentions;
  first.root = first.root || m.root;
  if (!first.place && m.place) first.place = m.place;
}

}  // namespace

ArticleRows article_rows(const Doc& doc, const std::string& content_hash) {
  const Article& a = doc.article;
  ArticleRows out;
  out.article_id = a.id;
  out.content_hash = content_hash;
  out.outlet = a.source;
  out.url = a.url;
  out.title = a.title;
  out.published = a.date ? a.date->iso() : std::string();
  out.origin = a.origin_line ? fmt::format("{}:{}", a.origin_file, a.origin_line) : a.origin_file;
  const Events* coded = doc.find_ext<Events>();
  if (!coded) return out;
  std::map<Key, size_t> index;
  uint32_t previous_sentence = UINT32_MAX, n = 0, ordinal = 0;
  for (const Event& e : coded->events) {
    n = e.sentence == previous_sentence ? n + 1 : 0;
    previous_sentence = e.sentence;
    if (e.negated) continue;
    MentionRow m;
    m.date = !e.date_text.empty() ? e.date_text : a.date ? a.date->iso() : std::string();
    m.source_code = e.source ? e.source->code : std::string();
    m.target_code = e.target ? e.target->code : std::string();
    m.cameo = e.cameo;
    set_cameo_facts(m);
    m.source_country = e.source ? e.source->country : std::string();
    m.target_country = e.target ? e.target->country : std::string();
    m.source_roles = roles_text(e.source);
    m.target_roles = roles_text(e.target);
    m.ordinal = ordinal++;
    m.sentence_index = e.sentence;
    m.event_id = fmt::format("{}:{}:{}", a.id, e.sentence, n);
    Span sentence = e.sentence < doc.sentences.size() ? doc.sentences[e.sentence].span : Span{};
    m.sentence = doc.text_of(sentence);
    m.sentence_begin = sentence.begin;
    m.trigger_text = doc.text_of(e.trigger);
    m.trigger_span = e.trigger;
    if (e.source) {
      m.source_text = doc.text_of(e.source->span);
      m.source_span = e.source->span;
      m.source_rule = e.source_rule;
    }
    if (e.target) {
      m.target_text = doc.text_of(e.target->span);
      m.target_span = e.target->span;
      m.target_rule = e.target_rule;
    }
    if (!e.date_span.empty()) {
      m.date_text = doc.text_of(e.date_span);
      m.date_span = e.date_span;
    }
    m.place = e.place;
    m.rule = e.rule;
    m.note = e.note;
    m.confidence = e.confidence;
    m.mentions = e.mentions;
    m.root = e.root;
    fold(out, index, std::move(m));
  }
  return out;
}

// ---- events JSON Lines --------------------------------------------------------------------

struct CodedEventsReader::Parser {
  simdjson::dom::parser parser;
};

struct CodedEventsReader::Parsed {
  std::string article_id, outlet, url, title, published, line;
  bool negated = false;
  MentionRow row;
};

namespace {

using simdjson::dom::element;

struct BadEvent : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A JSON null, for optional members that are missing.
element null_element() {
  static simdjson::dom::parser parser;
  static element null = parser.parse(std::string_view("null")).value();
  return null;
}

// A member; a missing optional one is null.
element field(element obj, const char* name, bool required = true) {
  element v;
  if (obj[name].get(v) == simdjson::SUCCESS) return v;
  if (required) throw BadEvent(fmt::format("no \"{}\"", name));
  return null_element();
}

std::string text(element obj, const char* name, bool required = true) {
  element v;
  if (obj[name].get(v) != simdjson::SUCCESS || v.is_null()) {
    if (required) throw BadEvent(fmt::format("no \"{}\"", name));
    return {};
  }
  std::string_view s;
  if (v.get_string().get(s)) {
    if (!required) return {};
    throw BadEvent(fmt::format("\"{}\" is not a string", name));
  }
  return std::string(s);
}

double number(element v, const char* name) {
  double d;
  if (v.get_double().get(d) == simdjson::SUCCESS) return d;
  int64_t i;
  if (v.get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  uint64_t u;
  if (v.get_uint64().get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  throw BadEvent(fmt::format("\"{}\" is not a number", name));
}

uint64_t unsigned_number(element v, const char* name) {
  uint64_t u;
  if (v.get_uint64().get(u) == simdjson::SUCCESS) return u;
  throw BadEvent(fmt::format("\"{}\" is not a count", name));
}

Span span(element obj, const char* name = "span") {
  element s;
  if (obj[name].get(s) || s.type() != simdjson::dom::element_type::ARRAY) return {};
  simdjson::dom::array a = s.get_array();
  if (a.size() != 2) throw BadEvent("a span is not [begin, end]");
  return {static_cast<uint32_t>(unsigned_number(a.at(0), "span")), static_cast<uint32_t>(unsigned_number(a.at(1), "span"))};
}

bool is_null(element v) { return v.type() == simdjson::dom::element_type::NULL_VALUE; }

void side(element obj, std::string& code, std::string& country, std::string& roles, std::string& txt, Span& sp,
          std::string& rule) {
  if (is_null(obj)) return;
  if (obj.type() != simdjson::dom::element_type::OBJECT) throw BadEvent("an actor is not an object");
  code = text(obj, "code");
  country = text(obj, "country", false);
  txt = text(obj, "text", false);
  rule = text(obj, "rule", false);
  sp = span(obj);
  element r;
  if (!obj["roles"].get(r) && r.type() == simdjson::dom::element_type::ARRAY)
    for (element role : r.get_array()) {
      std::string_view s;
      if (role.get_string().get(s)) continue;
      if (!roles.empty()) roles.push_back(' ');
      roles += s;
    }
}

}  // namespace

CodedEventsReader::CodedEventsReader(std::istream& in, ErrorSink error)
    : in_(in), error_(std::move(error)), parser_(std::make_unique<Parser>()), pending_(std::make_unique<Parsed>()) {}

CodedEventsReader::~CodedEventsReader() = default;

bool CodedEventsReader::read_event(Parsed& p) {
  std::string line;
  while (std::getline(in_, line)) {
    ++line_;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      element e;
      if (auto err = parser_->parser.parse(line).get(e)) throw BadEvent(simdjson::error_message(err));
      if (e.type() != simdjson::dom::element_type::OBJECT) throw BadEvent("not an object");
      p = Parsed();
      MentionRow& m = p.row;
      p.article_id = text(e, "article_id");
      p.outlet = text(e, "outlet", false);
      p.url = text(e, "url", false);
      p.title = text(e, "title", false);
      p.published = text(e, "published", false);
      element negated;
      p.negated = !e["negated"].get(negated) && negated.is_bool() && negated.get_bool().value();
      m.event_id = text(e, "event_id");
      m.sentence_index = static_cast<uint32_t>(unsigned_number(field(e, "sentence_index"), "sentence_index"));
      m.sentence = text(e, "sentence", false);
      m.sentence_begin = span(e, "sentence_span").begin;  // [0, 0) in events written before it
      m.date = text(e, "date", false);
      std::string ignored_country;
      side(field(e, "source"), m.source_code, m.source_country, m.source_roles, m.source_text, m.source_span,
           m.source_rule);
      side(field(e, "target"), m.target_code, m.target_country, m.target_roles, m.target_text, m.target_span,
           m.target_rule);
      m.cameo = text(e, "cameo");
      set_cameo_facts(m);
      element trigger = field(e, "trigger");
      m.trigger_text = text(trigger, "text", false);
      m.trigger_span = span(trigger);
      element when = field(e, "date_expression", false);
      if (when.type() == simdjson::dom::element_type::OBJECT) {
        m.date_text = text(when, "text", false);
        m.date_span = span(when);
      }
      element place = field(e, "location", false);
      if (place.type() == simdjson::dom::element_type::OBJECT) {
        EventPlace pl;
        pl.name = text(place, "name", false);
        pl.country = text(place, "country", false);
        pl.admin1 = text(place, "adm1", false);
        pl.feature = text(place, "feature", false);
        pl.how = text(place, "from", false);
        element v;
        if (!place["lat"].get(v)) pl.lat = number(v, "lat");
        if (!place["lon"].get(v)) pl.lon = number(v, "lon");
        if (!place["geonameid"].get(v) && !is_null(v)) pl.geonameid = unsigned_number(v, "geonameid");
        pl.span = span(place);
        m.place = pl;
      }
      element v;
      m.confidence = e["confidence"].get(v) ? 0.0 : number(v, "confidence");
      m.mentions = e["mentions"].get(v) ? 1 : static_cast<uint32_t>(unsigned_number(v, "mentions"));
      m.root = !e["is_root"].get(v) && v.is_bool() && v.get_bool().value();
      m.rule = text(e, "rule", false);
      m.note = text(e, "note", false);
      p.line = std::move(line);
      return true;
    } catch (const BadEvent& err) {
      error_(line_, err.what());
    } catch (const simdjson::simdjson_error& err) {
      error_(line_, err.what());
    }
  }
  return false;
}

bool CodedEventsReader::next(ArticleRows& article) {
  article = ArticleRows();
  if (!has_pending_ && !(has_pending_ = read_event(*pending_))) return false;
  std::map<Key, size_t> index;
  uint64_t h1 = 1469598103934665603ull, h2 = 0x9e3779b97f4a7c15ull;
  auto mix = [](uint64_t& h, std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  article.article_id = pending_->article_id;
  article.outlet = pending_->outlet;
  article.url = pending_->url;
  article.title = pending_->title;
  article.published = pending_->published;
  uint32_t ordinal = 0;
  do {
    Parsed& p = *pending_;
    if (p.article_id != article.article_id) break;
    mix(h1, p.line);
    mix(h2, p.line);
    ++events_;
    if (!p.negated) {
      p.row.ordinal = ordinal++;
      fold(article, index, std::move(p.row));
    }
    has_pending_ = read_event(p);
  } while (has_pending_);
  article.content_hash = fmt::format("{:016x}{:016x}", h1, h2);
  return true;
}

}  // namespace dyad
