// TEMPORARY STUB of extract_article (branch `warc` only): the real extractor is written in
// parallel for issue 7 item 1 and replaces this file on merge. It exists so that the WARC
// reader builds and its record handling can be tested: the title from <title>, the text the
// page without its tags, scripts and styles. No boilerplate removal, no dates, no entities.
#include <string>
#include <string_view>

#include "base/strings.h"
#include "ingest/html_extractor.h"

namespace dyad {
namespace {

// Position of `needle` (lower case) in `hay` at or after `from`, ignoring ASCII case.
size_t find_nocase(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && static_cast<char>(std::tolower(static_cast<unsigned char>(hay[i + k]))) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

void append_collapsed(std::string& out, std::string_view s) {
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

bool extract_article(const HtmlPage& page, Article& out) {
  std::string_view html = page.html;
  size_t t = find_nocase(html, "<title", 0);
  if (t != std::string_view::npos) {
    size_t open_end = html.find('>', t);
    size_t close = open_end == std::string_view::npos ? open_end : find_nocase(html, "</title", open_end);
    if (close != std::string_view::npos) {
      out.title.clear();
      append_collapsed(out.title, html.substr(open_end + 1, close - open_end - 1));
      out.title = std::string(trim(out.title));
    }
  }
  std::string text;
  size_t pos = 0;
  while (pos < html.size()) {
    size_t lt = html.find('<', pos);
    append_collapsed(text, html.substr(pos, lt == std::string_view::npos ? html.npos : lt - pos));
    if (lt == std::string_view::npos) break;
    // Script, style and title contents are not text of the page's body.
    for (std::string_view skip : {"script", "style", "title"}) {
      if (find_nocase(html.substr(lt + 1, skip.size()), skip, 0) == 0) {
        std::string close = "</";
        close += skip;
        size_t end = find_nocase(html, close, lt);
        lt = end == std::string_view::npos ? html.size() : end;
        break;
      }
    }
    size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) break;
    if (!text.empty() && text.back() != ' ') text.push_back(' ');
    pos = gt + 1;
  }
  out.text = std::string(trim(text));
  out.url = page.url;
  return !out.text.empty();
}

}  // namespace dyad
