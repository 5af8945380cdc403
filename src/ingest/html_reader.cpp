// Web pages (.html, .htm, .html.gz): one file is one article, extracted from the page by the
// HTML article extractor (html_extractor.h). The id is the file name without .html.gz,
// .htm.gz, .html or .htm.
#include <fmt/format.h>

#include <cstring>

#include "ingest/gzip.h"
#include "ingest/html_extractor.h"
#include "ingest/reader_impl.h"

namespace dyad::ingest_detail {
namespace {

class HtmlReader : public ReaderBase {
 public:
  using ReaderBase::ReaderBase;

  InputFormat format() const override { return InputFormat::kHtml; }

  bool next(Article& out) override {
    if (done_) return false;
    done_ = true;
    out = Article{};
    std::string bytes;
    if (!lines_.read_rest(bytes, options_.max_record_bytes)) {
      error(0, fmt::format("file is {} bytes, over the record limit of {} bytes; skipped",
                           lines_.bytes_consumed(), options_.max_record_bytes));
      return false;
    }
    if (is_gzip(bytes)) {
      std::string plain;
      switch (gunzip(bytes, plain, options_.max_record_bytes)) {
        case GunzipResult::kOk: break;
        case GunzipResult::kTruncated:
          warning(0, "gzip data is truncated; extracting what could be decompressed");
          break;
        case GunzipResult::kTooLarge:
          error(0, fmt::format("page is over the record limit of {} bytes once decompressed; skipped",
                               options_.max_record_bytes));
          return false;
        case GunzipResult::kCorrupt:
          error(0, "corrupt gzip data; skipped");
          return false;
      }
      bytes = std::move(plain);
    }
    HtmlPage page;
    page.html = bytes;
    if (!extract_article(page, out)) {
      warning(0, "no article text found in the page; skipped");
      return false;
    }
    out.id = html_stem(name());
    return finish(out, 1);
  }

 private:
  bool done_ = false;
};

}  // namespace

std::string html_stem(const std::string& path) {
  if (path == "<stdin>" || path == "-") return "stdin";
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  for (std::string_view ext : {".html.gz", ".htm.gz", ".xhtml", ".html", ".htm", ".gz"}) {
    if (base.size() > ext.size()) {
      std::string tail = base.substr(base.size() - ext.size());
      for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (tail == ext) {
        base.resize(base.size() - ext.size());
        break;
      }
    }
  }
  return base;
}

std::unique_ptr<ArticleReader> make_html_reader(std::unique_ptr<ByteSource> source,
                                                const ReaderOptions& options, DiagnosticSink& sink) {
  return std::make_unique<HtmlReader>(std::move(source), options, sink);
}

}  // namespace dyad::ingest_detail
