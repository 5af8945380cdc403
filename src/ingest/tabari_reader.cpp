// TABARI text records (TABARI manual, "Input files"): a header line "YYMMDD id" (or
// "YYYYMMDD id"), the text on the following lines, a blank line to end the record. Text
// between /* and */ is a comment and is not coded; blocks that do not start with a header
// are comments too.
#include <fmt/format.h>

#include <cctype>

#include "base/utf8.h"
#include "ingest/reader_impl.h"

namespace dyad::ingest_detail {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Removes /* ... */ comments (which may span lines); an unterminated one runs to the end.
std::string strip_comments(const std::string& raw) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t open = raw.find("/*", pos);
    out.append(raw, pos, open == std::string::npos ? std::string::npos : open - pos);
    if (open == std::string::npos) break;
    size_t close = raw.find("*/", open + 2);
    if (close == std::string::npos) break;
    pos = close + 2;
  }
  return out;
}

class TabariReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  InputFormat format() const override { return InputFormat::kTabari; }

  bool next(Article& out) override {
    Line line;
    bool in_record = false, skipping = false;
    uint64_t start = 0;
    std::string raw;
    auto complete = [&]() { return in_record && !skipping && finish_record(raw, start, out); };
    while (lines_.next(line)) {
      if (line.too_long) {  // outside a record it is part of a comment block
        if (in_record && !skipping) report_too_long(line);
        skipping = in_record;
        continue;
      }
      std::string_view text = line.text;
      if (blank(text)) {
        if (complete()) return true;
        in_record = skipping = false;
        continue;
      }
      if (in_record) {
        if (skipping) continue;
        if (raw.size() + text.size() + 1 > options_.max_record_bytes) {
          error(start, "record is over the record size limit; skipped");
          skipping = true;
          continue;
        }
        raw.push_back('\n');
        raw.append(text);
        continue;
      }
      // Outside a record: a header starts one; anything else is a comment block.
      if (!std::isdigit(static_cast<unsigned char>(text[0]))) continue;
      in_record = true;
      start = line.number;
      raw.clear();
      out = Article{};
      skipping = !parse_header(text, line.number, out);
    }
    return complete();
  }

 private:
  bool parse_header(std::string_view header, uint64_t number, Article& out) {
    size_t d = 0;
    while (d < header.size() && std::isdigit(static_cast<unsigned char>(header[d]))) ++d;
    std::string_view digits = header.substr(0, d);
    if (!looks_like_tabari_header(header)) {
      error(number, fmt::format("bad record header \"{}\" (expected YYMMDD or YYYYMMDD, then an "
                                "id); record skipped", header.substr(0, 40)));
      return false;
    }
    out.date = Date::parse_compact(digits);
    std::string_view id = header.substr(d);
    size_t b = id.find_first_not_of(" \t");
    size_t e = id.find_last_not_of(" \t");
    out.id = std::string(id.substr(b, e - b + 1));
    out.date_text = std::string(digits);
    return true;
  }

  bool finish_record(const std::string& raw, uint64_t start, Article& out) {
    std::string text = strip_comments(raw);
    size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return false;  // a comment-only record: nothing to code
    size_t e = text.find_last_not_of(" \t\r\n");
    out.text = text.substr(b, e - b + 1);
    if (size_t n = repair_utf8(out.text))
      warning(start, fmt::format("invalid UTF-8: {} byte sequence(s) replaced with U+FFFD", n));
    out.wrapped = true;
    return finish(out, start);
  }
};

}  // namespace

std::unique_ptr<ArticleReader> make_tabari_reader(std::unique_ptr<ByteSource> source,
                                                  const ReaderOptions& options, DiagnosticSink& sink) {
  return std::make_unique<TabariReader>(std::move(source), options, sink);
}

}  // namespace dyad::ingest_detail
