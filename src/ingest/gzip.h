#pragma once
// gzip decompression of whole buffers (zlib): .html.gz pages and format detection.
#include <cstddef>
#include <string>
#include <string_view>

namespace dyad {

inline bool is_gzip(std::string_view data) { return data.size() >= 2 && data[0] == '\x1f' && data[1] == '\x8b'; }

enum class GunzipResult { kOk, kTruncated, kTooLarge, kCorrupt };

// Decompresses `in` (one or more concatenated gzip members) into `out`, at most `max_out`
// bytes. kTruncated: the input ended inside a member (out holds what could be decoded).
GunzipResult gunzip(std::string_view in, std::string& out, size_t max_out);

}  // namespace dyad
