// libFuzzer target: arbitrary bytes through the WARC reader (and, through format detection,
// open_reader), with a small record limit so that the over-long path is reached too. The
// reader must never crash, leak or hang; malformed input only yields diagnostics.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  for (dyad::InputFormat format : {dyad::InputFormat::kWarc, dyad::InputFormat::kAuto}) {
    dyad::ReaderOptions options;
    options.format = format;
    options.max_record_bytes = 1 << 16;
    dyad::DiagnosticList sink;
    auto reader = dyad::open_reader(dyad::memory_byte_source(bytes, "fuzz.warc"), options, sink);
    dyad::Article article;
    while (reader->next(article)) {
    }
  }
  return 0;
}
