#include "out/writer.h"

#include <fmt/format.h>

#include "base/version.h"
#include "code/cameo.h"
#include "code/event.h"
#include "out/json.h"
#include "text/normalizer.h"

namespace dyad {
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

// Events as JSON Lines, per ../shared/reference/event-jsonl.md (the contract).
class EventJsonlWriter : public DocWriter {
 public:
  void write(const Doc& doc, std::string& out) const override {
    const Events* events = doc.find_ext<Events>();
    if (!events) return;
    const CameoTable& cameo = CameoTable::shared();
    uint32_t previous_sentence = UINT32_MAX, n = 0;
    for (const Event& e : events->events) {
      n = e.sentence == previous_sentence ? n + 1 : 0;
      previous_sentence = e.sentence;
      const CameoInfo* info = cameo.find(e.cameo);
      const Sentence& s = doc.sentences[e.sentence];
      out.append("{\"event_id\":");
      json::append_string(out, fmt::format("{}:{}:{}", doc.article.id, e.sentence, n));
      out.append(",\"article_id\":");
      json::append_string(out, doc.article.id);
      out.append(",\"sentence_index\":");
      json::append_uint(out, e.sentence);
      out.append(",\"sentence\":");
      json::append_string(out, doc.text_of(s.span));
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
      out.append(",\"location\":null");
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
      out.append(",\"engine\":");
      json::append_string(out, kEngine);
      out.append("}\n");
    }
  }

 private:
  const std::string kEngine = fmt::format("dyad {} / dictionaries {}", kVersion, kDictionaryVersion);
};

// Tab-separated text can hold no tabs or line breaks inside a field.
void append_tsv_field(std::string& out, std::string_view s) {
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

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
    case OutputFormat::kSentences: return std::make_unique<SentencesWriter>();
    case OutputFormat::kSegmentsText: return std::make_unique<SegmentsTextWriter>();
    case OutputFormat::kSegmentsJsonl: return std::make_unique<SegmentsJsonlWriter>();
  }
  return nullptr;
}

}  // namespace dyad
