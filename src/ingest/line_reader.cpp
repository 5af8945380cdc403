#include "ingest/line_reader.h"

#include <algorithm>
#include <cstring>

namespace dyad {
namespace {
constexpr size_t kBufferBytes = 1 << 20;
}

LineReader::LineReader(ByteSource& source, size_t max_line_bytes)
    : source_(source), max_line_(max_line_bytes), buf_(kBufferBytes) {}

bool LineReader::fill() {
  pos_ = 0;
  end_ = source_.read(buf_.data(), buf_.size());
  return end_ > 0;
}

bool LineReader::next(Line& line) {
  spill_.clear();
  line = Line{};
  bool any = false, copied = false;
  std::string_view view;
  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (!any) return false;
      break;  // last line without a line break
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    size_t n = nl ? static_cast<size_t>(nl - start) : end_ - pos_;
    line.length += n;
    if (!line.too_long) {
      if (line.length > max_line_) {
        line.too_long = true;
        std::string().swap(spill_);  // release the memory of a huge line at once
      } else if (nl && !copied) {
        view = {start, n};
      } else {
        spill_.append(start, n);
        copied = true;
      }
    }
    pos_ += n + (nl ? 1 : 0);
    consumed_ += n + (nl ? 1 : 0);
    if (nl) break;
  }
  line.number = ++number_;
  if (line.too_long) return true;
  if (copied) view = spill_;
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  line.text = view;
  return true;
}

bool LineReader::read_rest(std::string& out, size_t limit) {
  bool fits = true;
  auto take = [&](const char* p, size_t n) {
    consumed_ += n;
    if (!fits) return;
    if (out.size() + n > limit) {
      fits = false;
      n = limit - out.size();
    }
    out.append(p, n);
  };
  take(buf_.data() + pos_, end_ - pos_);
  pos_ = end_;
  while (fill()) {
    take(buf_.data(), end_);
    pos_ = end_;
  }
  return fits;
}

}  // namespace dyad
