#pragma once
// Web pages to articles: the article body of an HTML page without its menus, share buttons,
// captions, related-article lists, comments and footers, with the page's title, publication
// date, canonical URL and outlet (issue 7; docs/ingest.md). Used by the HTML and WARC readers
// and `dyad extract`.
#include <string>
#include <string_view>

#include "ingest/article.h"

namespace dyad {

struct HtmlPage {
  std::string_view html;   // the page's bytes (any declared charset; UTF-8 assumed otherwise)
  std::string url;         // where it was fetched from (WARC-Target-URI), "" when unknown
  std::string fetched;     // when it was fetched (WARC-Date or HTTP Date), ISO 8601, "" when unknown
  std::string charset;     // the HTTP Content-Type's charset, "" when none (the page's own <meta> wins)
};

// Fills `out` with the page's article: text (headings and paragraphs, separated by blank
// lines), title, date and date_text, url (the canonical URL when the page gives one), source
// (the outlet). `out.id` is left to the caller. False when the page holds no article text.
bool extract_article(const HtmlPage& page, Article& out);

}  // namespace dyad
