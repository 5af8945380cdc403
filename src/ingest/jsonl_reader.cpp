// Articles as JSON Lines, per ../shared/reference/event-jsonl.md: one object per line with
// "id" and "text" required; "date", "url", "source", "title" optional.
#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>
#include <vector>

#include "base/utf8.h"
#include "ingest/reader_impl.h"

namespace dyad::ingest_detail {
namespace {

class JsonlReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  InputFormat format() const override { return InputFormat::kJsonl; }

  bool next(Article& out) override {
    Line line;
    while (lines_.next(line)) {
      if (line.too_long) {
        report_too_long(line);
        continue;
      }
      std::string_view text = line.text;
      if (line.number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
      if (line.number == 1 && text.front() == '[') {
        error(1, "this is a JSON array; dyad reads JSON Lines, one article object per line "
                 "(convert with: jq -c '.[]'); file skipped");
        while (lines_.next(line)) {
        }
        return false;
      }
      if (parse(text, line.number, out)) return true;
    }
    return false;
  }

 private:
  bool parse(std::string_view text, uint64_t number, Article& out) {
    if (std::memchr(text.data(), '\0', text.size())) {
      error(number, "line contains a NUL byte");
      return false;
    }
    size_t valid = utf8_valid_prefix(text);
    if (valid != text.size()) {
      error(number, fmt::format("invalid UTF-8 at byte {} of the line", valid + 1));
      return false;
    }
    padded_.resize(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded_.data(), text.data(), text.size());
    simdjson::dom::element doc;
    if (auto err = parser_.parse(padded_.data(), text.size(), false).get(doc)) {
      error(number, fmt::format("invalid JSON: {}", simdjson::error_message(err)));
      return false;
    }
    simdjson::dom::object obj;
    if (doc.get(obj)) {
      error(number, "expected a JSON object (an article), found another JSON value");
      return false;
    }
    out = Article{};
    // id: a string, or an integer (accepted and written as its decimal text).
    simdjson::dom::element id;
    if (obj["id"].get(id)) {
      error(number, "missing \"id\"");
      return false;
    }
    if (id.is_string()) {
      out.id = std::string(id.get_string().value_unsafe());
    } else if (id.is_int64() || id.is_uint64()) {
      out.id = id.is_int64() ? std::to_string(id.get_int64().value_unsafe())
                             : std::to_string(id.get_uint64().value_unsafe());
    } else {
      error(number, "\"id\" must be a string");
      return false;
    }
    if (out.id.empty()) {
      error(number, "\"id\" is empty");
      return false;
    }
    std::string_view text_field;
    simdjson::dom::element text_el;
    if (obj["text"].get(text_el)) {
      error(number, fmt::format("article \"{}\": missing \"text\"", out.id));
      return false;
    }
    if (text_el.get_string().get(text_field)) {
      error(number, fmt::format("article \"{}\": \"text\" must be a string", out.id));
      return false;
    }
    out.text = std::string(text_field);

    simdjson::dom::element el;
    if (!obj["date"].get(el) && !el.is_null()) {
      std::string_view d;
      if (el.get_string().get(d) || !(out.date = Date::parse_iso(d))) {
        error(number, fmt::format("article \"{}\": bad \"date\" {} (expected YYYY-MM-DD or an ISO "
                                  "8601 timestamp)", out.id, simdjson::to_string(el)));
        return false;
      }
      out.date_text = std::string(d);
    }
    optional_string(obj, "url", out.url, number, out.id);
    optional_string(obj, "source", out.source, number, out.id);
    optional_string(obj, "title", out.title, number, out.id);
    return finish(out, number);
  }

  // Optional metadata of the wrong type is dropped with a warning; the article is kept.
  void optional_string(simdjson::dom::object& obj, const char* key, std::string& field,
                       uint64_t number, const std::string& id) {
    simdjson::dom::element el;
    if (obj[key].get(el) || el.is_null()) return;
    std::string_view s;
    if (el.get_string().get(s)) {
      warning(number, fmt::format("article \"{}\": \"{}\" is not a string; ignored", id, key));
      return;
    }
    field = std::string(s);
  }

  simdjson::dom::parser parser_;
  std::vector<char> padded_;
};

}  // namespace

std::unique_ptr<ArticleReader> make_jsonl_reader(std::unique_ptr<ByteSource> source,
                                                 const ReaderOptions& options, DiagnosticSink& sink) {
  return std::make_unique<JsonlReader>(std::move(source), options, sink);
}

}  // namespace dyad::ingest_detail
