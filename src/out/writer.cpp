#include "out/writer.h"

#include <fmt/format.h>

#include "out/json.h"
#include "text/normalizer.h"

namespace dyad {
namespace {

// Until the event coder exists there are no events to write: the contract's format with zero
// records.
class EventJsonlWriter : public DocWriter {
 public:
  void write(const Doc&, std::string&) const override {}
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
