#include "ingest/reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <zlib.h>

#include "ingest/gzip.h"
#include "ingest/reader_impl.h"

namespace dyad {
namespace {

constexpr std::pair<InputFormat, std::string_view> kFormatNames[] = {
    {InputFormat::kAuto, "auto"},
    {InputFormat::kJsonl, "jsonl"},
    {InputFormat::kText, "text"},
    {InputFormat::kPetrarchXml, "petrarch-xml"},
    {InputFormat::kTabari, "tabari"},
    {InputFormat::kWarc, "warc"},
    {InputFormat::kHtml, "html"},
};

std::string lower_extension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(base.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Replays the bytes read for format detection, then continues with the source.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::unique_ptr<ByteSource> s, std::string prefix)
      : s_(std::move(s)), prefix_(std::move(prefix)) {}
  size_t read(char* dst, size_t n) override {
    if (pos_ < prefix_.size()) {
      n = std::min(n, prefix_.size() - pos_);
      std::memcpy(dst, prefix_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return s_->read(dst, n);
  }
  const std::string& name() const override { return s_->name(); }
  std::optional<uint64_t> size() const override { return s_->size(); }

 private:
  std::unique_ptr<ByteSource> s_;
  std::string prefix_;
  size_t pos_ = 0;
};

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  return true;
}

// An HTML document: "<!DOCTYPE html", "<html", or a "<head"/"<body" near the start.
bool looks_like_html(std::string_view head) {
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || head[first] != '<') return false;
  std::string low(head.substr(first, 4096));
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (low.starts_with("<!doctype html") || low.starts_with("<html")) return true;
  return low.find("<html") != std::string::npos || low.find("<head") != std::string::npos ||
         low.find("<body") != std::string::npos;
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

}  // namespace

namespace ingest_detail {

// A TABARI record header: a date as 6 or 8 digits (YYMMDD or YYYYMMDD), then blanks or '*'
// and an id.
bool looks_like_tabari_header(std::string_view line) {
  size_t d = 0;
  while (d < line.size() && d < 9 && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
  if (d != 6 && d != 8) return false;
  if (d == line.size() || (line[d] != ' ' && line[d] != '\t' && line[d] != '*')) return false;
  return !is_blank(line.substr(d)) && Date::parse_compact(line.substr(0, d));
}

std::string file_stem(const std::string& path) {
  if (path == "<stdin>" || path == "-") return "stdin";
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

bool ReaderBase::finish(Article& a, uint64_t line) {
  if (std::memchr(a.text.data(), '\0', a.text.size())) {
    error(line, "text contains a NUL character");
    return false;
  }
  a.origin_file = name();
  a.origin_line = line;
  if (!a.date && options_.default_date) a.date = options_.default_date;
  return true;
}

}  // namespace ingest_detail

std::string_view format_name(InputFormat f) {
  for (auto& [fmt, name] : kFormatNames)
    if (fmt == f) return name;
  return "?";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
  for (auto& [fmt, n] : kFormatNames)
    if (n == name) return fmt;
  return std::nullopt;
}

// A WARC file starts with its version line; a compressed one with a gzip member holding it
// (inflated here just far enough to see).
bool looks_like_warc(std::string_view head) {
  if (head.substr(0, 7) == "WARC/1.") return true;
  if (head.size() < 3 || head.substr(0, 3) != "\x1f\x8b\x08") return false;
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return false;
  char out[16];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
  zs.avail_in = static_cast<uInt>(head.size());
  zs.next_out = reinterpret_cast<Bytef*>(out);
  zs.avail_out = sizeof out;
  inflate(&zs, Z_NO_FLUSH);
  size_t got = sizeof out - zs.avail_out;
  inflateEnd(&zs);
  return std::string_view(out, got).substr(0, 7) == "WARC/1.";
}

InputFormat detect_format(std::string_view path, std::string_view head) {
  std::string ext = lower_extension(path);
  if (ext == "warc" || looks_like_warc(head)) return InputFormat::kWarc;
  if (ext == "gz") {
    std::string_view p = path;
    p.remove_suffix(3);
    if (lower_extension(p) == "warc") return InputFormat::kWarc;
  }
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ends_with_ci(path, ".html.gz") ||
      ends_with_ci(path, ".htm.gz"))
    return InputFormat::kHtml;
  if (is_gzip(head)) {  // compressed: look at what it holds
    std::string plain;
    gunzip(head, plain, 64 * 1024);
    if (looks_like_html(plain)) return InputFormat::kHtml;
  }
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return InputFormat::kJsonl;
  if (ext == "xml") return InputFormat::kPetrarchXml;

  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);  // byte order mark
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return InputFormat::kText;
  if (head[first] == '{') return InputFormat::kJsonl;
  if (head[first] == '<' && head.find("<Sentence") != std::string_view::npos)
    return InputFormat::kPetrarchXml;
  if (looks_like_html(head)) return InputFormat::kHtml;
  // TABARI: the first line that is neither blank nor a '#' comment is a record header.
  size_t pos = 0;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    std::string_view line = head.substr(pos, nl == std::string_view::npos ? head.npos : nl - pos);
    if (!is_blank(line) && line[0] != '#')
      return ingest_detail::looks_like_tabari_header(line) ? InputFormat::kTabari : InputFormat::kText;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return InputFormat::kText;
}

std::unique_ptr<ArticleReader> open_reader(std::unique_ptr<ByteSource> source,
                                           const ReaderOptions& options, DiagnosticSink& sink) {
  using namespace ingest_detail;
  ReaderOptions opts = options;
  if (opts.format == InputFormat::kAuto) {
    constexpr size_t kSniffBytes = 64 * 1024;
    std::string head(kSniffBytes, '\0');
    size_t got = 0;
    while (got < kSniffBytes) {
      size_t n = source->read(head.data() + got, kSniffBytes - got);
      if (n == 0) break;
      got += n;
    }
    head.resize(got);
    opts.format = detect_format(source->name(), head);
    source = std::make_unique<PrefixedSource>(std::move(source), std::move(head));
  }
  switch (opts.format) {
    case InputFormat::kJsonl: return make_jsonl_reader(std::move(source), opts, sink);
    case InputFormat::kPetrarchXml: return make_petrarch_xml_reader(std::move(source), opts, sink);
    case InputFormat::kTabari: return make_tabari_reader(std::move(source), opts, sink);
    case InputFormat::kWarc: return make_warc_reader(std::move(source), opts, sink);
    case InputFormat::kHtml: return make_html_reader(std::move(source), opts, sink);
    case InputFormat::kText:
    case InputFormat::kAuto: break;
  }
  return make_text_reader(std::move(source), opts, sink);
}

}  // namespace dyad
