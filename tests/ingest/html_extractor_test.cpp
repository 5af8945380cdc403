// The HTML article extractor and the web page reader: metadata (title, date, canonical URL,
// outlet), boilerplate removal, charsets, detection, and the dev pages of the extraction
// benchmark when ../shared is present. The pages are fictional, written for these tests.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/html_extractor.h"
#include "ingest/reader.h"
#include "test_util.h"

namespace dyad {
namespace {

Article extract(const std::string& html, const std::string& url = "") {
  HtmlPage page;
  page.html = html;
  page.url = url;
  Article a;
  extract_article(page, a);
  return a;
}

// A page whose body is two long paragraphs, with `head` in <head> and `before` above them.
std::string page(const std::string& head, const std::string& before = "") {
  return "<!doctype html><html><head>" + head + "</head><body><div class=\"content\">" + before +
         "<p>The council of Brenmoor voted on Monday to close the old bridge over the river Tay, "
         "citing cracks found by engineers during an inspection last month.</p>"
         "<p>Traffic will be diverted through the eastern ring road, officials said, and a ferry "
         "service will run every twenty minutes until a temporary bridge is built.</p></div></body></html>";
}

std::string read_file(const std::string& rel) { return testing::read_file(testing::source_path(rel)); }

TEST(HtmlExtractor, FullPageKeepsTheArticleAndDropsBoilerplate) {
  Article a = extract(read_file("tests/ingest/pages/harbour-talks.html"));
  EXPECT_EQ(a.title, "Harbour talks resume in Veloria");
  EXPECT_EQ(a.source, "The Northern Ledger");
  EXPECT_EQ(a.url, "https://ledger.example/world/2031/04/02/harbour-talks-resume");
  ASSERT_TRUE(a.date);
  EXPECT_EQ(a.date->iso(), "2031-04-03");  // JSON-LD datePublished beats the URL's date
  EXPECT_EQ(a.date_text, "2031-04-03T08:15:00+02:00");
  const std::string& t = a.text;
  EXPECT_EQ(t.rfind("Negotiators from Veloria", 0), 0u) << t;
  EXPECT_NE(t.find("\n\nA long dispute\n\nThe quarrel over"), std::string::npos) << t;  // heading kept
  EXPECT_NE(t.find("“We are closer than we have been in years,” said Ilse Varga"), std::string::npos);
  for (const char* junk : {"cookies", "World", "Sport", "Fishing boats", "Photo:", "Related Posts",
                           "grain deal", "best news", "3 comments", "Most read", "All rights reserved",
                           "Facebook", "By Mara Quill"})
    EXPECT_EQ(t.find(junk), std::string::npos) << junk << " in:\n" << t;
  // No lone "X" line (the share button), and paragraphs are separated by blank lines.
  EXPECT_EQ(t.find("\n\nX\n\n"), std::string::npos);
  EXPECT_NE(t.back(), 'X');
  EXPECT_EQ(t.find("\n\n\n"), std::string::npos);
  EXPECT_NE(t.find("winter.\n\nThe delegations"), std::string::npos);
}

TEST(HtmlExtractor, TitleFromOgTitleThenTitleWithoutTheOutletThenH1) {
  EXPECT_EQ(extract(page("<meta property=\"og:title\" content=\"Bridge closed\"><title>x</title>")).title,
            "Bridge closed");
  EXPECT_EQ(extract(page("<title>Brenmoor closes its old bridge | Tay Valley Post</title>")).title,
            "Brenmoor closes its old bridge");
  EXPECT_EQ(extract(page("", "<h1>Old bridge closes</h1>")).title, "Old bridge closes");
  // The h1 is the headline, not part of the body.
  EXPECT_EQ(extract(page("", "<h1>Old bridge closes</h1>")).text.find("Old bridge closes"), std::string::npos);
}

TEST(HtmlExtractor, DateSourcesInOrder) {
  auto date_of = [](const std::string& html, const std::string& url = "") {
    Article a = extract(html, url);
    return a.date ? a.date->iso() : std::string("none");
  };
  EXPECT_EQ(date_of(page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": "
                         "\"2030-02-11T10:00:00Z\"}</script><meta property=\"article:published_time\" "
                         "content=\"2030-02-12\">")),
            "2030-02-11");
  EXPECT_EQ(date_of(page("<meta property=\"article:published_time\" content=\"2030-02-12T09:00:00-05:00\">")),
            "2030-02-12");
  EXPECT_EQ(date_of(page("<meta itemprop=\"datePublished\" content=\"2030-02-13\">")), "2030-02-13");
  EXPECT_EQ(date_of(page("", "<time datetime=\"2030-02-14T08:00\">Feb 14</time>")), "2030-02-14");
  EXPECT_EQ(date_of(page("<link rel=\"canonical\" href=\"https://post.example/2030/02/15/bridge\">")),
            "2030-02-15");
  EXPECT_EQ(date_of(page(""), "https://post.example/news/2030-02-16-bridge.html"), "2030-02-16");
  EXPECT_EQ(date_of(page("", "<div class=\"meta\"><span class=\"post-date\">February 17, 2030</span></div>")),
            "2030-02-17");
  EXPECT_EQ(date_of(page("", "<p>Published 18 February 2030 by Ana Ruiz</p>")), "2030-02-18");
  EXPECT_EQ(date_of(page("", "<p>By Ana Ruiz. Updated Feb. 19, 2030</p>")), "2030-02-19");
  EXPECT_EQ(date_of(page("")), "none");
  // Dates in a story's own text are not its publication date.
  EXPECT_EQ(date_of(page("", "<p>The bridge opened on March 3, 1961, after years of work on both banks of the river.</p>")),
            "none");
}

TEST(HtmlExtractor, CanonicalUrlAndOutlet) {
  Article a = extract(page("<meta property=\"og:url\" content=\"https://post.example/b\">"), "https://x.example/y");
  EXPECT_EQ(a.url, "https://post.example/b");
  EXPECT_EQ(a.source, "post.example");  // no og:site_name: the host
  a = extract(page("<meta property=\"og:site_name\" content=\"Tay Valley Post\">"), "https://www.tvp.example/a");
  EXPECT_EQ(a.url, "https://www.tvp.example/a");
  EXPECT_EQ(a.source, "Tay Valley Post");
}

TEST(HtmlExtractor, ListsInTheBodyAreKeptLinkListsAreNot) {
  Article a = extract(page("", "<ul><li>The bridge carried 9,000 cars a day before the closure.</li>"
                               "<li>Repairs could take up to two years, engineers said.</li></ul>"
                               "<ul><li><a href=\"/1\">Other news from the valley today</a></li>"
                               "<li><a href=\"/2\">Weather for the weekend in Brenmoor</a></li></ul>"));
  EXPECT_NE(a.text.find("9,000 cars"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Other news"), std::string::npos) << a.text;
}

TEST(HtmlExtractor, WidgetLinesAndDatelinesLeaveTheBody) {
  Article a = extract(page("", "<p>Updated 5:27 am, February 20, 2030</p><p>Advertisement</p><p>Share</p>"
                               "<p>Updated figures show the ferry carried 1,200 people on its first day, "
                               "more than the council expected.</p>"));
  EXPECT_EQ(a.text.find("5:27"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Advertisement"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Share"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("Updated figures show"), std::string::npos) << a.text;
}

TEST(HtmlExtractor, Windows1252AndInvalidUtf8) {
  std::string html = page("<meta charset=\"windows-1252\">", "<p>Caf\xE9" " owners in Brenmoor said the \x93" "closure\x94" " hurt trade badly this week.</p>");
  EXPECT_NE(extract(html).text.find("Café owners in Brenmoor said the “closure” hurt"), std::string::npos);
  std::string bad = page("<meta charset=\"utf-8\">", "<p>Broken \xFF byte in a sentence about the bridge and the town.</p>");
  EXPECT_NE(extract(bad).text.find("Broken \xEF\xBF\xBD byte"), std::string::npos);
}

TEST(HtmlExtractor, OtherLegacyCharsetsAreConvertedByIconv) {
  // windows-1251: "Москва" (Moscow) in Cyrillic.
  std::string cyrillic = page("<meta charset=\"windows-1251\">",
                              "<p>\xCC\xEE\xF1\xEA\xE2\xE0 said the talks with the council would resume next week, "
                              "officials said.</p>");
  EXPECT_NE(extract(cyrillic).text.find("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 said"), std::string::npos)
      << extract(cyrillic).text;
  // Shift_JIS declared by the HTTP header only (a WARC response): "東京" (Tokyo).
  HtmlPage p;
  std::string sjis = page("", "<p>\x93\x8C\x8B\x9E officials said the talks with the council would resume next week.</p>");
  p.html = sjis;
  p.charset = "Shift_JIS";
  Article a;
  ASSERT_TRUE(extract_article(p, a));
  EXPECT_NE(a.text.find("\xE6\x9D\xB1\xE4\xBA\xAC officials"), std::string::npos) << a.text;
  // An unknown charset falls back to repairing the bytes.
  std::string unknown = page("<meta charset=\"x-no-such-charset\">",
                             "<p>Broken \xFF byte in a sentence about the bridge and the town.</p>");
  EXPECT_NE(extract(unknown).text.find("Broken \xEF\xBF\xBD byte"), std::string::npos);
}

TEST(HtmlExtractor, NoArticleInEmptyOrJunkPages) {
  Article a;
  HtmlPage p;
  EXPECT_FALSE(extract_article(p, a));
  p.html = "<html><body><nav><a href=/>Home</a></nav></body></html>";
  EXPECT_FALSE(extract_article(p, a));
  p.html = "<<<>>><div><p>unclosed <b><i></p></div></span></table>";
  extract_article(p, a);  // malformed: no crash
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "<p>Deep text that nobody will ever read, nested far too deeply.</p>";
  p.html = deep;
  extract_article(p, a);  // no stack overflow
}

// --- The reader ------------------------------------------------------------------------------

TEST(HtmlReader, DetectedByNameAndContent) {
  EXPECT_EQ(detect_format("a/page.html", ""), InputFormat::kHtml);
  EXPECT_EQ(detect_format("page.HTM", ""), InputFormat::kHtml);
  EXPECT_EQ(detect_format("page.html.gz", ""), InputFormat::kHtml);
  EXPECT_EQ(detect_format("-", "\n  <!DOCTYPE html>\n<html>"), InputFormat::kHtml);
  EXPECT_EQ(detect_format("story", "<html lang=en><head>"), InputFormat::kHtml);
  EXPECT_EQ(detect_format("story", "<div>hello</div><body>"), InputFormat::kHtml);
  EXPECT_EQ(detect_format("story", "<Sentences><Sentence date=\"20080801\">"), InputFormat::kPetrarchXml);
  EXPECT_EQ(detect_format("story", "Less than <5 people came."), InputFormat::kText);
  EXPECT_EQ(parse_input_format("html"), InputFormat::kHtml);
}

TEST(HtmlReader, PageFileAndGzippedPageFile) {
  testing::TempDir dir;
  std::string html = read_file("tests/ingest/pages/harbour-talks.html");
  std::string plain = dir.path() + "/harbour-talks.html";
  std::string zipped_name = dir.path() + "/Harbour.Talks.htm";
  {
    std::ofstream(plain) << html;
    std::ofstream(zipped_name) << html;
  }
  ASSERT_EQ(std::system(("gzip '" + zipped_name + "'").c_str()), 0);
  for (const std::string& path : {plain, zipped_name + ".gz"}) {
    DiagnosticList sink;
    ReaderOptions options;
    auto reader = open_reader(open_byte_source(path), options, sink);
    EXPECT_EQ(reader->format(), InputFormat::kHtml) << path;
    Article a;
    ASSERT_TRUE(reader->next(a)) << path;
    EXPECT_EQ(a.id, path == plain ? "harbour-talks" : "Harbour.Talks");
    EXPECT_EQ(a.title, "Harbour talks resume in Veloria");
    EXPECT_EQ(a.text.rfind("Negotiators", 0), 0u);
    EXPECT_FALSE(reader->next(a));
    EXPECT_TRUE(sink.items.empty());
  }
  // A gzipped page without a telling name is found by its content.
  std::string anon = dir.path() + "/download";
  std::filesystem::copy_file(zipped_name + ".gz", anon);
  DiagnosticList sink;
  auto reader = open_reader(open_byte_source(anon), ReaderOptions{}, sink);
  EXPECT_EQ(reader->format(), InputFormat::kHtml);
}

TEST(HtmlReader, TruncatedGzipIsWarnedAndCorruptGzipSkipped) {
  std::string gz = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage-that-is-not-deflate";
  DiagnosticList sink;
  auto reader = open_reader(memory_byte_source(gz, "broken.html.gz"), ReaderOptions{}, sink);
  Article a;
  EXPECT_FALSE(reader->next(a));
  ASSERT_FALSE(sink.items.empty());
}

// --- The benchmark's dev pages ----------------------------------------------------------------

TEST(HtmlExtractor, DevPagesAllYieldText) {
  DYAD_REQUIRE_SHARED();
  std::string dir = testing::shared_path("eval/article-extraction-dev/html");
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  size_t pages = 0, with_text = 0, with_title = 0, with_date = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    DiagnosticList sink;
    auto reader = open_reader(open_byte_source(e.path().string()), ReaderOptions{}, sink);
    Article a;
    ++pages;
    if (reader->next(a)) {
      ++with_text;
      with_title += !a.title.empty();
      with_date += a.date.has_value();
    }
  }
  EXPECT_EQ(pages, 91u);
  EXPECT_EQ(with_text, pages);
  EXPECT_GE(with_title, pages - 1);
  EXPECT_GE(with_date, pages * 8 / 10);
}

}  // namespace
}  // namespace dyad
