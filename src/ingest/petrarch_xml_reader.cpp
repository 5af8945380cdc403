// PETRARCH record XML: <Sentence date="YYYYMMDD" id="..." source="..." sentence="True">
// with a <Text> child (the <Parse> tree is ignored). Records are framed line by line (the
// format puts each tag on its own line), then each record is parsed by libxml2, so one broken
// record is reported with its line and skipped while the rest of the file is read.
#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <string>

#include "base/strings.h"
#include "ingest/reader_impl.h"

namespace dyad::ingest_detail {
namespace {

// Position of a "<Sentence" start tag in a line (not "<Sentences"), or npos.
size_t find_record_start(std::string_view line) {
  for (size_t pos = line.find("<Sentence"); pos != std::string_view::npos;
       pos = line.find("<Sentence", pos + 1)) {
    size_t after = pos + 9;
    if (after == line.size() || line[after] == ' ' || line[after] == '\t' || line[after] == '>')
      return pos;
  }
  return std::string_view::npos;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

class PetrarchXmlReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  InputFormat format() const override { return InputFormat::kPetrarchXml; }

  bool next(Article& out) override {
    Line line;
    while (lines_.next(line)) {
      if (line.too_long) {
        report_too_long(line);
        abandon();
        continue;
      }
      std::string_view text = line.text;
      size_t start = find_record_start(text);
      if (in_record_ && start != std::string_view::npos && text.find("</Sentence>") > start) {
        error(record_line_, "record has no </Sentence> before the next <Sentence>; skipped");
        abandon();
      }
      if (!in_record_) {
        if (start == std::string_view::npos) continue;  // between records
        in_record_ = true;
        record_line_ = line.number;
        text.remove_prefix(start);
      }
      if (skipping_) {
        if (text.find("</Sentence>") != std::string_view::npos) abandon();
        continue;
      }
      size_t close = text.find("</Sentence>");
      record_.append(text.substr(0, close == std::string_view::npos ? text.npos : close + 11));
      record_.push_back('\n');
      if (record_.size() > options_.max_record_bytes) {
        error(record_line_, "record is over the record size limit; skipped");
        skipping_ = true;
        record_.clear();
        if (close != std::string_view::npos) abandon();
        continue;
      }
      if (close != std::string_view::npos) {
        bool ok = parse_record(out);
        abandon();
        if (ok) return true;
      }
    }
    if (in_record_) {
      error(record_line_, "file ends inside a record (no </Sentence>); skipped");
      abandon();
    }
    return false;
  }

 private:
  void abandon() {
    in_record_ = skipping_ = false;
    record_.clear();
  }

  // libxml2 reports every error; the first one says what is wrong.
  struct FirstError {
    int line = 0;
    std::string message;
    static void capture(void* self, xmlErrorPtr e) {
      auto* first = static_cast<FirstError*>(self);
      if (first->message.empty() && e && e->message) {
        first->line = e->line;
        first->message = std::string(trim(e->message));
      }
    }
  };

  bool parse_record(Article& out) {
    FirstError first;
    xmlSetStructuredErrorFunc(&first, &FirstError::capture);
    xmlDoc* doc = xmlReadMemory(record_.data(), static_cast<int>(record_.size()), nullptr, "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!doc) {
      uint64_t at = record_line_ + (first.line > 0 ? static_cast<uint64_t>(first.line) - 1 : 0);
      error(at, fmt::format("broken XML: {}; record skipped",
                            first.message.empty() ? "parse error" : first.message));
      return false;
    }
    bool ok = extract(xmlDocGetRootElement(doc), out);
    xmlFreeDoc(doc);
    return ok;
  }

  bool extract(xmlNode* root, Article& out) {
    out = Article{};
    xmlNode* text_node = nullptr;
    for (xmlNode* c = root ? root->children : nullptr; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "Text")) text_node = c;
    if (!text_node) {
      error(record_line_, "record has no <Text>; skipped");
      return false;
    }
    xmlChar* content = xmlNodeGetContent(text_node);
    out.text = std::string(trim(reinterpret_cast<const char*>(content)));
    xmlFree(content);
    if (out.text.empty()) {
      error(record_line_, "record has an empty <Text>; skipped");
      return false;
    }

    out.date_text = attribute(root, "date");
    if (!out.date_text.empty() && !(out.date = Date::parse(std::string(trim(out.date_text))))) {
      error(record_line_, fmt::format("bad date \"{}\" (expected YYYYMMDD); record skipped",
                                      out.date_text));
      return false;
    }
    out.id = std::string(trim(attribute(root, "id")));
    if (out.id.empty()) out.id = fmt::format("{}:{}", file_stem(name()), record_line_);
    out.source = std::string(trim(attribute(root, "source")));
    out.wrapped = true;
    return finish(out, record_line_);
  }

  bool in_record_ = false;
  bool skipping_ = false;  // inside an oversized record
  uint64_t record_line_ = 0;
  std::string record_;
};

}  // namespace

std::unique_ptr<ArticleReader> make_petrarch_xml_reader(std::unique_ptr<ByteSource> source,
                                                        const ReaderOptions& options,
                                                        DiagnosticSink& sink) {
  return std::make_unique<PetrarchXmlReader>(std::move(source), options, sink);
}

}  // namespace dyad::ingest_detail
