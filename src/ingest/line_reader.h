#pragma once
// Splits a ByteSource into lines without holding more than one line (up to a limit) in memory.
// Lines that fit in the read buffer are returned as views into it (no copy).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/byte_source.h"

namespace dyad {

struct Line {
  std::string_view text;  // without the line break (a trailing '\r' is removed too)
  uint64_t number = 0;    // 1-based
  uint64_t length = 0;    // full length in bytes, even when too_long
  bool too_long = false;  // longer than the limit: text is empty, the bytes were skipped
};

class LineReader {
 public:
  LineReader(ByteSource& source, size_t max_line_bytes);

  // The next line; false at the end of the input. The view stays valid until the next call.
  bool next(Line& line);

  // Appends everything not yet read to `out`, up to `limit` bytes. Returns false when the rest
  // is larger (it is then drained and `out` holds only the first `limit` bytes).
  bool read_rest(std::string& out, size_t limit);

  uint64_t bytes_consumed() const { return consumed_; }
  const std::string& name() const { return source_.name(); }

 private:
  bool fill();  // refills an exhausted buffer; false at the end

  ByteSource& source_;
  size_t max_line_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  std::string spill_;  // a line that straddles buffer refills
  uint64_t number_ = 0;
  uint64_t consumed_ = 0;
};

}  // namespace dyad
