// WARC files (ISO 28500, WARC/1.0 and 1.1), plain or gzip-compressed (one gzip member per
// record, as the standard recommends, or several records per member). HTTP response records
// with status 200 and an HTML page become articles through extract_article(); every other
// record is passed over and counted. Malformed records are reported with the file and the
// record's byte offset, skipped, and reading resumes at the next record.
//
// Memory stays bounded: the file is inflated in 1 MiB steps, records that will not become
// articles (and HTML responses over ReaderOptions::max_record_bytes) stream past without being
// held, and only a kept record's block is in memory at once.
#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "ingest/html_extractor.h"
#include "ingest/reader_impl.h"

namespace dyad::ingest_detail {
namespace {

constexpr size_t kStep = size_t{1} << 20;        // bytes read or inflated per step
constexpr size_t kMaxWarcHeader = size_t{1} << 20;  // a WARC header is normally < 2 KiB
constexpr size_t kMaxHttpHeader = size_t{64} << 10;
constexpr std::string_view kGzipMagic = "\x1f\x8b\x08";

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// "WARC/1.0", "WARC/1.1" (and later 1.x): the first line of every record.
bool is_version_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line.size() >= 8 && line.substr(0, 7) == "WARC/1." &&
         std::all_of(line.begin() + 7, line.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<uint64_t> parse_length(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 18) return std::nullopt;  // 18 digits cannot overflow
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

// "Name: value" lines up to the end of `head`; names compared case-insensitively.
class Fields {
 public:
  explicit Fields(std::string_view head) : head_(head) {}
  std::optional<std::string_view> get(std::string_view name) const {
    size_t pos = 0;
    while (pos < head_.size()) {
      size_t nl = head_.find('\n', pos);
      std::string_view line = head_.substr(pos, nl == std::string_view::npos ? head_.npos : nl - pos);
      pos = nl == std::string_view::npos ? head_.size() : nl + 1;
      size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon != name.size()) continue;
      if (starts_with_nocase(line, ascii_lower(name))) return trim(line.substr(colon + 1));
    }
    return std::nullopt;
  }

 private:
  std::string_view head_;
};

// End of a header block ("\r\n\r\n" or "\n\n") in `s`, searching from `from`: the index just
// after it, or npos.
size_t header_end(std::string_view s, size_t from) {
  for (size_t nl = s.find('\n', from); nl != std::string_view::npos; nl = s.find('\n', nl + 1)) {
    if (nl + 1 < s.size() && s[nl + 1] == '\n') return nl + 2;
    if (nl + 2 < s.size() && s[nl + 1] == '\r' && s[nl + 2] == '\n') return nl + 3;
  }
  return std::string_view::npos;
}

// Inflates a gzip or zlib stream (or, with raw, bare deflate data) into `out`, at most `limit`
// bytes. A stream cut short keeps what was inflated: crawlers truncate long bodies, and the
// start of a page is still a page.
enum class InflateResult { kOk, kBad, kTooBig };
InflateResult inflate_all(std::string_view in, int window_bits, size_t limit, std::string& out) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return InflateResult::kBad;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  out.clear();
  char buf[64 * 1024];
  InflateResult result = InflateResult::kOk;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > limit) {
      result = InflateResult::kTooBig;
      break;
    }
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) break;  // cut short
    if (rc != Z_OK) {
      result = InflateResult::kBad;
      break;
    }
  }
  inflateEnd(&zs);
  return result;
}

// Undoes Transfer-Encoding: chunked. A body that does not start with a chunk size is taken
// as already de-chunked (some archivers store the decoded body and keep the header); a body
// cut short keeps its complete chunks and the start of the last one.
std::string dechunk(std::string_view body) {
  if (body.empty() || !std::isxdigit(static_cast<unsigned char>(body[0]))) return std::string(body);
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) break;
    std::string_view size_line = body.substr(pos, nl - pos);
    size_t end = 0;
    uint64_t size = 0;
    while (end < size_line.size() && std::isxdigit(static_cast<unsigned char>(size_line[end])) &&
           end < 15) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(size_line[end])));
      size = size * 16 + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      ++end;
    }
    if (end == 0) break;  // not a chunk size: the rest is not chunked data
    if (size == 0) break;
    pos = nl + 1;
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    out.append(body.substr(pos, take));
    pos += take;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return out;
}

// "text/html; charset=windows-1251" -> "windows-1251".
std::string charset_of(std::string_view content_type) {
  std::string lowered = ascii_lower(content_type);
  size_t p = lowered.find("charset=");
  if (p == std::string::npos) return {};
  std::string_view v = trim(std::string_view(lowered).substr(p + 8));
  v = v.substr(0, v.find(';'));
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
  return std::string(trim(v));
}

bool sniffs_html(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  std::string head = ascii_lower(body.substr(0, 1024));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

// The decoded bytes of a WARC file, whatever its compression: the file's bytes, or its gzip
// members inflated one after another. It remembers where each member starts, both in decoded
// bytes and in the file, so that records are located in the file (the offset an index such as
// CDX gives) and a truncated or corrupt member does not swallow the next record.
class WarcStream {
 public:
  struct Member {
    uint64_t decoded;   // where its bytes start in the decoded stream
    uint64_t file;      // where it starts in the file
    bool after_error;   // the member before it was corrupt or truncated (already reported)
  };
  using ErrorFn = std::function<void(uint64_t offset, std::string message)>;

  WarcStream(ByteSource& source, ErrorFn error) : source_(source), error_(std::move(error)) {
    read_input();
    gzip_ = std::string_view(in_).substr(0, 2) == kGzipMagic.substr(0, 2);
    if (gzip_ && inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  ~WarcStream() {
    if (gzip_) inflateEnd(&zs_);
  }
  WarcStream(const WarcStream&) = delete;
  WarcStream& operator=(const WarcStream&) = delete;

  bool gzip() const { return gzip_; }
  std::string_view view() const { return std::string_view(buf_).substr(pos_); }
  uint64_t position() const { return base_ + pos_; }
  uint64_t file_bytes_read() const { return file_read_; }

  // Makes at least n bytes available in view() unless the input ends first; false then.
  bool ensure(size_t n) {
    while (buf_.size() - pos_ < n)
      if (!fill()) return false;
    return true;
  }
  // Decodes one more step; false at the end of the input.
  bool fill() {
    if (pos_ > 0 && pos_ >= buf_.size() - pos_) {  // compact: moves at most what is kept
      buf_.erase(0, pos_);
      base_ += pos_;
      pos_ = 0;
    }
    size_t before = buf_.size();
    while (buf_.size() == before) {
      if (!(gzip_ ? inflate_step() : read_step())) return false;
    }
    return true;
  }
  void consume(size_t n) {
    pos_ += n;
    while (members_.size() > 1 && members_[1].decoded <= position()) members_.pop_front();
  }
  // Consumes n bytes that need not be kept, decoding as it goes; stops early at `stop` (a
  // decoded position) or at the end of the input. False when it stopped early.
  bool skip(uint64_t n, uint64_t stop = UINT64_MAX) {
    if (n == 0) return true;
    uint64_t target = std::min(position() + n, stop);
    while (position() < target) {
      if (pos_ == buf_.size() && !fill()) return false;
      consume(static_cast<size_t>(std::min<uint64_t>(buf_.size() - pos_, target - position())));
    }
    return position() == target && target < stop;
  }

  // The member holding decoded position p (plain files: a single member at 0).
  Member member_at(uint64_t p) const {
    Member m{0, 0, false};
    for (const Member& x : members_)
      if (x.decoded <= p) m = x;
    return m;
  }
  // The first member known to start after decoded position p.
  std::optional<Member> member_after(uint64_t p) const {
    for (const Member& x : members_)
      if (x.decoded > p) return x;
    return std::nullopt;
  }
  uint64_t file_offset(uint64_t p) const { return gzip_ ? member_at(p).file : p; }

 private:
  bool read_input() {
    if (in_pos_ > 0 && in_pos_ >= in_.size() - in_pos_) {
      in_.erase(0, in_pos_);
      in_base_ += in_pos_;
      in_pos_ = 0;
    }
    if (eof_) return false;
    size_t old = in_.size();
    in_.resize(old + kStep);
    size_t got = source_.read(in_.data() + old, kStep);
    in_.resize(old + got);
    file_read_ += got;
    if (got == 0) eof_ = true;
    return got > 0;
  }

  bool read_step() {
    if (in_pos_ == in_.size() && !read_input()) return false;
    buf_.append(in_, in_pos_);
    in_pos_ = in_.size();
    return true;
  }

  uint64_t in_offset() const { return in_base_ + in_pos_; }

  // Moves the input to the next gzip magic after a corrupt member; false at the end.
  bool find_member() {
    for (;;) {
      size_t at = std::string_view(in_).find(kGzipMagic, in_pos_);
      if (at != std::string_view::npos) {
        in_pos_ = at;
        return true;
      }
      if (in_.size() - in_pos_ >= 2) in_pos_ = in_.size() - 2;  // the magic may straddle reads
      if (!read_input()) {
        in_pos_ = in_.size();
        return false;
      }
    }
  }

  bool inflate_step() {
    if (!in_member_) {
      if (in_.size() - in_pos_ < 3 && !eof_) read_input();
      if (in_.size() - in_pos_ < 3 && !eof_) read_input();
      if (in_pos_ == in_.size()) return end_of_input();
      if (std::string_view(in_).substr(in_pos_, 3) != kGzipMagic) {
        error_(in_offset(), "data that is not a gzip member; skipped up to the next member");
        broken_ = true;
        ++in_pos_;
        if (!find_member()) return end_of_input();
      }
      members_.push_back({base_ + buf_.size(), in_offset(), broken_});
      broken_ = false;
      member_file_ = in_offset();
      inflateReset(&zs_);
      in_member_ = true;
    }
    if (in_pos_ == in_.size() && !read_input()) {
      error_(member_file_, "gzip member is truncated (the file ends inside it); record skipped");
      in_member_ = false;
      broken_ = true;
      return end_of_input();
    }
    size_t old = buf_.size();
    buf_.resize(old + kStep);
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
    zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
    zs_.avail_out = static_cast<uInt>(kStep);
    int rc = inflate(&zs_, Z_NO_FLUSH);
    in_pos_ = in_.size() - zs_.avail_in;
    buf_.resize(old + kStep - zs_.avail_out);
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      error_(member_file_, fmt::format("bad gzip data ({}); skipped up to the next gzip member",
                                       zs_.msg ? zs_.msg : "inflate failed"));
      in_member_ = false;
      broken_ = true;
      in_pos_ = static_cast<size_t>(member_file_ - in_base_) + 1;
      if (!find_member()) return end_of_input();
    }
    return true;
  }

  // At the end after a broken member, a last member marker tells the record reader that the
  // record it is in was cut by an error already reported.
  bool end_of_input() {
    if (broken_) {
      members_.push_back({base_ + buf_.size(), in_offset(), true});
      broken_ = false;
    }
    return false;
  }

  ByteSource& source_;
  ErrorFn error_;
  bool gzip_ = false;
  bool eof_ = false;
  uint64_t file_read_ = 0;
  // Input (file bytes).
  std::string in_;
  size_t in_pos_ = 0;
  uint64_t in_base_ = 0;
  // Output (decoded bytes): buf_[pos_..] not yet consumed; buf_[0] is decoded byte base_.
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;
  // gzip state.
  z_stream zs_{};
  bool in_member_ = false;
  bool broken_ = false;
  uint64_t member_file_ = 0;
  std::deque<Member> members_;
};

class WarcReader : public ArticleReader {
 public:
  WarcReader(std::unique_ptr<ByteSource> source, const ReaderOptions& options, DiagnosticSink& sink)
      : source_(std::move(source)), options_(options), sink_(sink),
        stream_(*source_, [this](uint64_t offset, std::string message) { error(offset, std::move(message)); }) {}

  InputFormat format() const override { return InputFormat::kWarc; }
  uint64_t bytes_consumed() const override { return stream_.file_bytes_read(); }
  uint64_t records_passed_over() const override { return counts_.not_html_responses; }
  const WarcCounts* warc_counts() const override { return &counts_; }

  bool next(Article& out) override {
    for (;;) {
      if (!skip_blank_lines()) return false;
      if (read_record(out)) return true;
    }
  }

 private:
  void error(uint64_t offset, std::string_view message) {
    std::string m = "offset ";
    m += std::to_string(offset);
    m += ": ";
    m += message;
    sink_.report({Severity::kError, source_->name(), 0, std::move(m)});
  }
  void malformed(uint64_t offset, std::string_view message) {
    ++counts_.malformed_records;
    error(offset, message);
  }

  // Writers end records with CRLF CRLF; some add more blank lines. False at the end.
  bool skip_blank_lines() {
    for (;;) {
      if (!stream_.ensure(1)) return false;
      std::string_view v = stream_.view();
      size_t n = v.find_first_not_of("\r\n");
      if (n != std::string_view::npos) {
        stream_.consume(n);
        return true;
      }
      stream_.consume(v.size());
    }
  }

  // After a malformed record starting at `start`: with one record per gzip member, the next
  // member; otherwise the next line that starts with "WARC/1." (a member start counts as a
  // line start).
  void resync(uint64_t start) {
    if (stream_.gzip() && stream_.member_at(start).decoded == start) {
      for (;;) {
        if (auto next = stream_.member_after(start)) {
          stream_.skip(next->decoded - stream_.position());
          return;
        }
        stream_.consume(stream_.view().size());
        if (!stream_.fill()) return;
      }
    }
    stream_.consume(std::min<size_t>(1, stream_.view().size()));
    for (;;) {
      std::string_view v = stream_.view();
      for (size_t i = 0; i < v.size(); ++i) {
        bool line_start = (i == 0 && stream_.position() == 0) ||
                          (i > 0 && v[i - 1] == '\n') ||
                          (stream_.gzip() && stream_.member_at(stream_.position() + i).decoded ==
                                                 stream_.position() + i);
        if (!line_start || v[i] != 'W') continue;
        if (!stream_.ensure(i + 7)) break;
        v = stream_.view();
        if (v.substr(i, 7) == "WARC/1.") {
          stream_.consume(i);
          return;
        }
      }
      // Keep the last byte: it tells whether the next one starts a line.
      size_t drop = v.empty() ? 0 : v.size() - 1;
      stream_.consume(drop);
      if (!stream_.fill()) {
        stream_.consume(stream_.view().size());
        return;
      }
    }
  }

  // The record cut by a broken gzip member (reported already) or, with one record per member,
  // a record running past its member's end: skips to that member; true when it did.
  bool cut_by_member(uint64_t start, uint64_t end, uint64_t offset) {
    auto next = stream_.member_after(start);
    if (!next || next->decoded >= end) return false;
    bool own_member = stream_.member_at(start).decoded == start;
    if (!next->after_error && !own_member) return false;  // records may span members
    if (next->after_error)
      ++counts_.malformed_records;
    else
      malformed(offset, "record is truncated (its gzip member ends inside it); skipped");
    stream_.skip(next->decoded - stream_.position());
    return true;
  }

  // Reads one record; true when it became an article. Always consumes at least one byte.
  bool read_record(Article& out) {
    const uint64_t start = stream_.position();
    const uint64_t offset = stream_.file_offset(start);
    ++counts_.records;

    // Version line first, so that garbage is not searched for a header end.
    stream_.ensure(64);
    std::string_view v = stream_.view();
    size_t nl = v.substr(0, 64).find('\n');
    if (nl == std::string_view::npos || !is_version_line(v.substr(0, nl))) {
      if (!cut_by_member(start, start + std::min<size_t>(v.size(), 64) + 1, offset)) {
        malformed(offset, "no WARC/1.x version line where a record should start; skipped up to the next record");
        resync(start);
      }
      return false;
    }

    // The header, up to its blank line.
    size_t head_end = std::string_view::npos, searched = 0;
    for (;;) {
      v = stream_.view();
      head_end = header_end(v, searched);
      if (head_end != std::string_view::npos || v.size() >= kMaxWarcHeader) break;
      searched = v.size() >= 2 ? v.size() - 2 : 0;
      if (!stream_.fill()) break;
    }
    v = stream_.view();
    if (head_end == std::string_view::npos) {
      if (cut_by_member(start, start + v.size() + 1, offset)) return false;
      if (v.size() >= kMaxWarcHeader)
        malformed(offset, "WARC header has no end within 1 MiB; skipped up to the next record");
      else
        malformed(offset, "file ends inside a WARC header; record skipped");
      resync(start);
      return false;
    }
    if (cut_by_member(start, start + head_end, offset)) return false;
    std::string_view head = v.substr(0, head_end);
    Fields warc(head.substr(head.find('\n') + 1));
    auto length_text = warc.get("Content-Length");
    std::optional<uint64_t> length = length_text ? parse_length(*length_text) : std::nullopt;
    if (!length) {
      malformed(offset, length_text ? "invalid Content-Length; skipped up to the next record"
                                    : "no Content-Length; skipped up to the next record");
      resync(start);
      return false;
    }
    std::string type = ascii_lower(warc.get("WARC-Type").value_or(""));
    std::string record_id(warc.get("WARC-Record-ID").value_or(""));
    std::string target(warc.get("WARC-Target-URI").value_or(""));
    std::string date(warc.get("WARC-Date").value_or(""));
    const uint64_t block_start = start + head_end;
    const uint64_t record_end = block_start + *length;

    // Records that cannot be HTML responses stream past without being held.
    auto pass_over = [&]() {
      ++counts_.not_html_responses;
      stream_.consume(head_end);
      if (cut_by_member(start, record_end, offset)) return false;
      auto stop = stream_.member_after(start);
      bool own = stream_.gzip() && stream_.member_at(start).decoded == start;
      stream_.skip(*length);
      if (stream_.position() < record_end) {
        if (!cut_by_member(start, record_end, offset) && !(own && stop))
          malformed(offset, "file ends inside the record's block; record skipped");
        return false;
      }
      check_trailer(start, offset, false);
      return false;
    };
    if (type != "response") return pass_over();

    // The HTTP head decides whether the record is an HTML page.
    size_t peek = static_cast<size_t>(std::min<uint64_t>(*length, kMaxHttpHeader));
    stream_.ensure(head_end + peek);
    v = stream_.view();
    std::string_view block_head = v.substr(head_end, std::min(peek, v.size() - head_end));
    if (block_head.substr(0, 5) != "HTTP/") return pass_over();  // e.g. dns: records
    size_t http_end = header_end(block_head, 0);
    if (http_end == std::string_view::npos) {
      if (cut_by_member(start, start + v.size() + 1, offset)) return false;
      malformed(offset, block_head.size() < *length || *length > kMaxHttpHeader
                            ? (block_head.size() < *length ? "file ends inside the HTTP header; record skipped"
                                                           : "HTTP header has no end within 64 KiB; record skipped")
                            : "HTTP header has no end within the record; record skipped");
      skip_record(start, head_end, *length, offset);
      return false;
    }
    std::string_view status_line = block_head.substr(0, block_head.find('\n'));
    size_t sp = status_line.find(' ');
    std::string_view code = sp == std::string_view::npos ? std::string_view{} : trim(status_line.substr(sp + 1)).substr(0, 3);
    if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      malformed(offset, "bad HTTP status line; record skipped");
      skip_record(start, head_end, *length, offset);
      return false;
    }
    if (code != "200") return pass_over();
    size_t status_nl = block_head.find('\n');
    Fields http(block_head.substr(status_nl + 1, http_end - status_nl - 1));
    std::string content_type_field(http.get("Content-Type").value_or(""));
    std::string content_type = ascii_lower(trim(content_type_field.substr(0, content_type_field.find(';'))));
    bool declared_html = content_type == "text/html" || content_type == "application/xhtml+xml";
    if (!declared_html && !content_type.empty()) return pass_over();
    std::string transfer = ascii_lower(http.get("Transfer-Encoding").value_or(""));
    std::string encoding = ascii_lower(trim(http.get("Content-Encoding").value_or("")));
    if (!encoding.empty() && encoding != "identity" && encoding != "gzip" && encoding != "x-gzip" &&
        encoding != "deflate") {
      malformed(offset, fmt::format("unsupported Content-Encoding \"{}\"; record skipped", encoding));
      skip_record(start, head_end, *length, offset);
      return false;
    }

    if (*length > options_.max_record_bytes) {
      malformed(offset, fmt::format("record block is {} bytes, over the record limit of {} bytes; record skipped",
                                    *length, options_.max_record_bytes));
      skip_record(start, head_end, *length, offset);
      return false;
    }

    // A kept record: its whole block in memory (bounded by max_record_bytes).
    size_t whole = head_end + static_cast<size_t>(*length);
    bool complete = stream_.ensure(whole);
    if (cut_by_member(start, record_end, offset)) return false;
    if (!complete) {
      malformed(offset, "file ends inside the record's block; record skipped");
      stream_.consume(stream_.view().size());
      return false;
    }
    v = stream_.view();
    if (!trailer_ok(whole)) {
      malformed(offset, "record block is not followed by a blank line (wrong Content-Length?); skipped up to the next record");
      resync(start);
      return false;
    }
    std::string_view body = v.substr(head_end + http_end, static_cast<size_t>(*length) - http_end);
    bool ok = make_article(body, transfer, encoding, charset_of(content_type_field), declared_html, record_id, target,
                           date, offset, out);
    stream_.consume(whole);
    return ok;
  }

  // Whether the block ending at view()[end] is followed by a line end (or the file's end).
  bool trailer_ok(size_t end) {
    stream_.ensure(end + 1);
    std::string_view v = stream_.view();
    return v.size() == end || v[end] == '\r' || v[end] == '\n';
  }
  // After streaming past a block: the same check on the next bytes.
  void check_trailer(uint64_t start, uint64_t offset, bool) {
    if (trailer_ok(0)) return;
    if (stream_.gzip() && stream_.member_at(stream_.position()).decoded == stream_.position()) return;
    malformed(offset, "record block is not followed by a blank line (wrong Content-Length?); skipped up to the next record");
    resync(start < stream_.position() ? stream_.position() - 1 : start);
  }

  void skip_record(uint64_t start, size_t head_end, uint64_t length, uint64_t offset) {
    stream_.consume(head_end);
    uint64_t end = start + head_end + length;
    auto stop = stream_.member_after(start);
    bool own = stream_.gzip() && stream_.member_at(start).decoded == start;
    stream_.skip(length);
    if (stream_.position() < end) return;  // the input ended; the record was reported
    if (own && stop && stop->decoded < end) return;
    check_trailer(start, offset, false);
  }

  bool make_article(std::string_view body, const std::string& transfer, const std::string& encoding,
                    const std::string& charset,
                    bool declared_html, const std::string& record_id, const std::string& target,
                    const std::string& date, uint64_t offset, Article& out) {
    std::string decoded;
    if (transfer.find("chunked") != std::string::npos) {
      decoded = dechunk(body);
      body = decoded;
    }
    std::string inflated;
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
      // A body already decoded by the archiver (the header kept) is taken as it is.
      bool gz = body.substr(0, 2) == kGzipMagic.substr(0, 2);
      bool zlib = body.size() >= 2 && (static_cast<unsigned char>(body[0]) & 0x0f) == 8 &&
                  ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) % 31 == 0;
      bool raw = encoding == "deflate" && !gz && !zlib && !sniffs_html(body);
      if (gz || zlib || raw) {
        InflateResult r = inflate_all(body, gz ? 16 + MAX_WBITS : zlib ? MAX_WBITS : -MAX_WBITS,
                                      options_.max_record_bytes, inflated);
        if (r == InflateResult::kTooBig) {
          malformed(offset, fmt::format("HTTP body inflates to over the record limit of {} bytes; record skipped",
                                        options_.max_record_bytes));
          return false;
        }
        if (r == InflateResult::kBad) {
          malformed(offset, fmt::format("bad {} data in the HTTP body; record skipped", encoding));
          return false;
        }
        body = inflated;
      }
    }
    if (!declared_html && !sniffs_html(body)) {
      ++counts_.not_html_responses;
      return false;
    }
    out = Article{};
    if (!extract_article(HtmlPage{body, target, date, charset}, out)) {
      ++counts_.no_article_text;
      return false;
    }
    if (std::memchr(out.text.data(), '\0', out.text.size())) {
      malformed(offset, "article text contains a NUL character; record skipped");
      return false;
    }
    // The record id names the capture uniquely and stably; "<urn:uuid:...>" is reduced to
    // the uuid, which is what users grep for.
    std::string_view id = record_id;
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    if (starts_with_nocase(id, "urn:uuid:")) id.remove_prefix(9);
    out.id = id.empty() ? fmt::format("{}:{}", file_stem(source_->name()), offset) : std::string(id);
    if (out.url.empty()) out.url = target;
    if (!out.date && !date.empty()) {
      // The capture date stands in when the page gives none: a news page is fetched soon after
      // it is published.
      if ((out.date = Date::parse_iso(date.substr(0, 10)))) out.date_text = date;
    }
    if (!out.date && options_.default_date) out.date = options_.default_date;
    out.origin_file = source_->name();
    out.origin_line = offset;
    ++counts_.articles;
    return true;
  }

  std::unique_ptr<ByteSource> source_;
  ReaderOptions options_;
  DiagnosticSink& sink_;
  WarcStream stream_;
  WarcCounts counts_;
};

}  // namespace

std::unique_ptr<ArticleReader> make_warc_reader(std::unique_ptr<ByteSource> source,
                                                const ReaderOptions& options, DiagnosticSink& sink) {
  return std::make_unique<WarcReader>(std::move(source), options, sink);
}

}  // namespace dyad::ingest_detail
