#include "ingest/gzip.h"

#include <zlib.h>

#include <algorithm>

namespace dyad {

GunzipResult gunzip(std::string_view in, std::string& out, size_t max_out) {
  out.clear();
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return GunzipResult::kCorrupt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 0xFFFFFFFFu));
  GunzipResult result = GunzipResult::kOk;
  char buf[64 * 1024];
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    int rc = inflate(&z, Z_NO_FLUSH);
    size_t got = sizeof buf - z.avail_out;
    if (out.size() + got > max_out) {
      out.append(buf, max_out - out.size());
      result = GunzipResult::kTooLarge;
      break;
    }
    out.append(buf, got);
    if (rc == Z_STREAM_END) {
      // Another member may follow (concatenated gzip files).
      if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR || (rc == Z_OK && z.avail_in == 0 && got == 0)) {
      result = GunzipResult::kTruncated;
      break;
    }
    if (rc != Z_OK) {
      result = GunzipResult::kCorrupt;
      break;
    }
  }
  inflateEnd(&z);
  return result;
}

}  // namespace dyad
