// Plain text: one file is one article. The id is the file name without its extension.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "base/utf8.h"
#include "ingest/reader_impl.h"

namespace dyad::ingest_detail {
namespace {

class TextReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  InputFormat format() const override { return InputFormat::kText; }

  bool next(Article& out) override {
    if (done_) return false;
    done_ = true;
    out = Article{};
    if (!lines_.read_rest(out.text, options_.max_record_bytes)) {
      error(0, fmt::format("file is {} bytes, over the record limit of {} bytes; skipped",
                           lines_.bytes_consumed(), options_.max_record_bytes));
      return false;
    }
    if (const void* nul = std::memchr(out.text.data(), '\0', out.text.size())) {
      error(line_of(out.text, static_cast<const char*>(nul) - out.text.data()),
            "file contains NUL bytes (binary data?); skipped");
      return false;
    }
    if (out.text.substr(0, 3) == "\xEF\xBB\xBF") out.text.erase(0, 3);
    if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) return false;  // empty: no article
    size_t first_bad = utf8_valid_prefix(out.text);
    if (first_bad != out.text.size()) {
      uint64_t line = line_of(out.text, first_bad);
      size_t replaced = repair_utf8(out.text);
      warning(line, fmt::format("invalid UTF-8: {} byte sequence(s) replaced with U+FFFD", replaced));
    }
    out.id = file_stem(name());
    return finish(out, 1);
  }

 private:
  static uint64_t line_of(const std::string& text, size_t offset) {
    return 1 + static_cast<uint64_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  }
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ArticleReader> make_text_reader(std::unique_ptr<ByteSource> source,
                                                const ReaderOptions& options, DiagnosticSink& sink) {
  return std::make_unique<TextReader>(std::move(source), options, sink);
}

}  // namespace dyad::ingest_detail
