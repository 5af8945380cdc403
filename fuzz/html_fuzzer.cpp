// libFuzzer target: the HTML article extractor on arbitrary bytes (see docs/ingest.md,
// "Fuzzing"). Build and run with `scripts/fuzz html`.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::HtmlPage page;
  page.html = std::string_view(reinterpret_cast<const char*>(data), size);
  page.url = "https://example.org/2024/01/02/page";
  dyad::Article article;
  dyad::extract_article(page, article);
  return 0;
}
