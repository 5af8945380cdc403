// The WARC reader: which records become articles (ids, URLs, dates, offsets), what is passed
// over, HTTP bodies (chunked, gzip), plain and per-record gzip files, and malformed input
// (reported with its offset, skipped, reading resumed). Files are written by a tiny WARC
// writer below; nothing depends on the quality of the HTML extractor's text.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "ingest/reader.h"

namespace dyad {
namespace {

std::string gzip(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string http_response(std::string_view body, std::string_view headers = "Content-Type: text/html; charset=utf-8\r\n",
                          std::string_view status = "200 OK") {
  std::string s = "HTTP/1.1 ";
  s += status;
  s += "\r\n";
  s += headers;
  s += "\r\n";
  s += body;
  return s;
}

// A page whose body is `text` followed by a sentence, so that the extractor takes it for an
// article (it passes over pages of a few words).
std::string page(std::string_view title, std::string_view text) {
  std::string s = "<!DOCTYPE html><html><head><title>";
  s += title;
  s += "</title></head><body><article><p>";
  s += text;
  s += " Officials in the capital gave no further details on Monday, according to a statement.</p>"
       "</article></body></html>";
  return s;
}

struct Record {
  std::string type = "response";
  std::string id;  // uuid
  std::string uri;
  std::string date = "2024-03-05T10:20:30Z";
  std::string block;
  std::string version = "WARC/1.1";
  std::string extra;  // more header lines
  long length = -1;   // Content-Length to write (-1: the true one)
};

std::string warc_record(const Record& r) {
  std::string s = r.version + "\r\nWARC-Type: " + r.type + "\r\n";
  s += "WARC-Record-ID: <urn:uuid:" + r.id + ">\r\n";
  s += "WARC-Date: " + r.date + "\r\n";
  if (!r.uri.empty()) s += "WARC-Target-URI: " + r.uri + "\r\n";
  if (r.type == "response") s += "Content-Type: application/http; msgtype=response\r\n";
  s += r.extra;
  s += "Content-Length: " + std::to_string(r.length >= 0 ? static_cast<size_t>(r.length) : r.block.size()) + "\r\n\r\n";
  s += r.block;
  s += "\r\n\r\n";
  return s;
}

Record html_record(std::string id, std::string uri, std::string text) {
  Record r;
  r.id = std::move(id);
  r.uri = std::move(uri);
  r.block = http_response(page("Title " + r.id, text));
  return r;
}

std::string warcinfo() {
  Record r;
  r.type = "warcinfo";
  r.id = "info-0";
  r.block = "software: dyad-test\r\nformat: WARC File Format 1.1\r\n";
  return warc_record(r);
}

struct Result {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
  WarcCounts counts;
  InputFormat format = InputFormat::kAuto;
  std::vector<std::string> ids() const {
    std::vector<std::string> v;
    for (auto& a : articles) v.push_back(a.id);
    return v;
  }
  std::string messages() const {
    std::string s;
    for (auto& d : diagnostics) s += d.file + ": " + d.message + "\n";
    return s;
  }
};

Result read(std::string data, std::string name = "crawl.warc", ReaderOptions options = {}) {
  Result r;
  DiagnosticList sink;
  auto reader = open_reader(memory_byte_source(std::move(data), name), options, sink);
  Article a;
  while (reader->next(a)) r.articles.push_back(a);
  r.format = reader->format();
  if (auto* c = reader->warc_counts()) r.counts = *c;
  r.diagnostics = sink.items;
  return r;
}

// Each record in its own gzip member; `offsets` gets where each member starts.
std::string gzip_members(const std::vector<std::string>& records, std::vector<size_t>* offsets = nullptr) {
  std::string out;
  for (auto& r : records) {
    if (offsets) offsets->push_back(out.size());
    out += gzip(r);
  }
  return out;
}

TEST(WarcReader, TheHttpHeadersCharsetDecodesThePage) {
  Record r = html_record("cp1251-1", "https://news.example/ru", "");
  // "Москва" in windows-1251, declared only by the HTTP header.
  r.block = http_response(page("Title", "\xCC\xEE\xF1\xEA\xE2\xE0 hosted the talks."),
                          "Content-Type: text/html; charset=\"windows-1251\"\r\n");
  Result got = read(warcinfo() + warc_record(r));
  ASSERT_EQ(got.articles.size(), 1u) << got.messages();
  EXPECT_NE(got.articles[0].text.find("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 hosted the talks."),
            std::string::npos)
      << got.articles[0].text;
}

TEST(WarcReader, HtmlResponsesBecomeArticlesAndOtherRecordsAreCounted) {
  Record request;
  request.type = "request";
  request.id = "req-1";
  request.uri = "https://news.example/a";
  request.block = "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n";
  Record image = html_record("img-1", "https://news.example/logo.png", "");
  image.block = http_response("\x89PNG....", "Content-Type: image/png\r\n");
  Record missing = html_record("404-1", "https://news.example/gone", "Gone.");
  missing.block = http_response(page("Not found", "Gone."), "Content-Type: text/html\r\n", "404 Not Found");
  Record metadata;
  metadata.type = "metadata";
  metadata.id = "meta-1";
  metadata.block = "via: https://news.example/\r\n";

  std::string data = warcinfo() + warc_record(request) +
                     warc_record(html_record("1111-aaaa", "https://news.example/a", "Troops crossed the border.")) +
                     warc_record(image) + warc_record(missing) + warc_record(metadata);
  size_t second = data.size();
  Record untyped = html_record("2222-bbbb", "https://news.example/b", "Talks resumed.");
  untyped.block = http_response(page("B", "Talks resumed."), "Server: x\r\n");  // no Content-Type: sniffed
  data += warc_record(untyped);

  auto r = read(data);
  EXPECT_EQ(r.format, InputFormat::kWarc);
  EXPECT_TRUE(r.diagnostics.empty()) << r.messages();
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"1111-aaaa", "2222-bbbb"}));
  const Article& a = r.articles[0];
  EXPECT_EQ(a.url, "https://news.example/a");
  EXPECT_EQ(a.date, (Date{2024, 3, 5}));
  EXPECT_EQ(a.date_text, "2024-03-05T10:20:30Z");
  EXPECT_EQ(a.origin_file, "crawl.warc");
  EXPECT_NE(a.text.find("Troops crossed the border."), std::string::npos);
  EXPECT_EQ(r.articles[1].origin_line, second);
  EXPECT_EQ(r.counts.records, 7u);
  EXPECT_EQ(r.counts.articles, 2u);
  EXPECT_EQ(r.counts.not_html_responses, 5u);
  EXPECT_EQ(r.counts.malformed_records, 0u);
}

TEST(WarcReader, RecordIdIsTheUuidAndOffsetsAreTheRecordStarts) {
  std::string first = warcinfo();
  std::string data = first + warc_record(html_record("5f1e-77", "https://x.example/1", "One."));
  auto r = read(data);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "5f1e-77");
  EXPECT_EQ(r.articles[0].origin_line, first.size());
}

TEST(WarcReader, Warc10AndBlankLinesBetweenRecords) {
  Record a = html_record("v10", "https://x.example/1", "Old format.");
  a.version = "WARC/1.0";
  auto r = read(warc_record(a) + "\r\n\n" + warc_record(html_record("v11", "https://x.example/2", "New.")));
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"v10", "v11"}));
  EXPECT_TRUE(r.diagnostics.empty()) << r.messages();
}

TEST(WarcReader, ChunkedAndGzipHttpBodies) {
  std::string html = page("Chunked", "Ceasefire announced in the capital.");
  std::string gz = gzip(html);
  std::string chunked;
  for (size_t i = 0; i < gz.size(); i += 10) {
    std::string_view piece = std::string_view(gz).substr(i, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += size;
    chunked += ";ext=1\r\n";
    chunked += piece;
    chunked += "\r\n";
  }
  chunked += "0\r\n\r\n";
  Record r1 = html_record("chunked-gzip", "https://x.example/c", "");
  r1.block = http_response(chunked, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n");
  Record r2 = html_record("deflate", "https://x.example/d", "");
  std::string zl;
  {
    uLongf n = compressBound(static_cast<uLong>(html.size()));
    zl.resize(n);
    compress(reinterpret_cast<Bytef*>(zl.data()), &n, reinterpret_cast<const Bytef*>(html.data()), static_cast<uLong>(html.size()));
    zl.resize(n);
  }
  r2.block = http_response(zl, "Content-Type: text/html\r\nContent-Encoding: deflate\r\n");
  auto r = read(warc_record(r1) + warc_record(r2));
  EXPECT_TRUE(r.diagnostics.empty()) << r.messages();
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"chunked-gzip", "deflate"}));
  for (auto& a : r.articles) {
    EXPECT_NE(a.text.find("Ceasefire announced in the capital."), std::string::npos) << a.id << ": " << a.text;
    EXPECT_EQ(a.title, "Chunked");
  }
}

TEST(WarcReader, BadGzipHttpBodyIsReportedAndSkipped) {
  Record bad = html_record("bad-body", "https://x.example/b", "");
  bad.block = http_response(std::string("\x1f\x8b\x08\x00garbagegarbagegarbage", 25),
                            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n");
  std::string data = warc_record(bad);
  size_t second = data.size();
  data += warc_record(html_record("good", "https://x.example/g", "Fine."));
  auto r = read(data, "b.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"good"}));
  ASSERT_EQ(r.diagnostics.size(), 1u) << r.messages();
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(r.diagnostics[0].file, "b.warc");
  EXPECT_EQ(r.diagnostics[0].message.rfind("offset 0: bad gzip", 0), 0u) << r.messages();
  (void)second;
}

TEST(WarcReader, PerRecordGzipFilesAreReadAndDetectedByContent) {
  std::vector<size_t> offsets;
  std::string data = gzip_members({warcinfo(), warc_record(html_record("g1", "https://x.example/1", "One.")),
                                   warc_record(html_record("g2", "https://x.example/2", "Two."))},
                                  &offsets);
  auto r = read(data, "crawl.bin");  // no telling name: detected by content
  EXPECT_EQ(r.format, InputFormat::kWarc);
  EXPECT_TRUE(r.diagnostics.empty()) << r.messages();
  ASSERT_EQ(r.ids(), (std::vector<std::string>{"g1", "g2"}));
  // The offset of a record in a compressed file is where its gzip member starts.
  EXPECT_EQ(r.articles[0].origin_line, offsets[1]);
  EXPECT_EQ(r.articles[1].origin_line, offsets[2]);
}

TEST(WarcReader, WholeFileGzipIsReadToo) {
  auto r = read(gzip(warc_record(html_record("w1", "https://x.example/1", "One.")) +
                     warc_record(html_record("w2", "https://x.example/2", "Two."))),
                "crawl.warc.gz");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"w1", "w2"}));
  EXPECT_TRUE(r.diagnostics.empty()) << r.messages();
}

TEST(WarcReader, DetectionByNameAndContent) {
  EXPECT_EQ(detect_format("a.warc", ""), InputFormat::kWarc);
  EXPECT_EQ(detect_format("dir/CC-NEWS-1.WARC.GZ", ""), InputFormat::kWarc);
  EXPECT_EQ(detect_format("x", "WARC/1.0\r\nWARC-Type: warcinfo\r\n"), InputFormat::kWarc);
  EXPECT_EQ(detect_format("x", gzip("WARC/1.1\r\nWARC-Type: warcinfo\r\n")), InputFormat::kWarc);
  EXPECT_EQ(detect_format("x", gzip("hello world")), InputFormat::kText);
  EXPECT_EQ(detect_format("x.txt", "WARC is a format.\n"), InputFormat::kText);
  EXPECT_EQ(parse_input_format("warc"), InputFormat::kWarc);
}

TEST(WarcReader, TruncatedRecordInPlainFileIsReportedAndTheNextOneRead) {
  // The first response claims more bytes than it has: the next record starts inside its block.
  Record cut = html_record("cut", "https://x.example/cut", "Cut short.");
  cut.length = static_cast<long>(cut.block.size()) + 40;
  std::string data = warcinfo();
  size_t cut_at = data.size();
  data += warc_record(cut);
  data += warc_record(html_record("after", "https://x.example/after", "After the cut."));
  auto r = read(data, "cut.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"after"}));
  ASSERT_EQ(r.diagnostics.size(), 1u) << r.messages();
  EXPECT_EQ(r.diagnostics[0].message.rfind("offset " + std::to_string(cut_at) + ": ", 0), 0u) << r.messages();
  EXPECT_EQ(r.counts.malformed_records, 1u);
}

TEST(WarcReader, BadVersionLineAndContentLengthAreReportedAndSkipped) {
  Record bad_length = html_record("bad-length", "https://x.example/l", "X.");
  std::string bl = warc_record(bad_length);
  bl.replace(bl.find("Content-Length: ") + 16, 1, "x");
  Record no_length = html_record("no-length", "https://x.example/n", "Y.");
  std::string nl = warc_record(no_length);
  nl.erase(nl.find("Content-Length: "), nl.find("\r\n", nl.find("Content-Length: ")) + 2 - nl.find("Content-Length: "));
  std::string data = "GARBAGE LINE\r\nmore garbage\r\n";
  size_t bl_at = data.size();
  data += bl;
  data += nl;
  data += warc_record(html_record("ok", "https://x.example/ok", "Fine."));
  data += "WARC/2.0\r\nWARC-Type: response\r\n\r\n";
  auto r = read(data, "bad.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"ok"}));
  std::string m = r.messages();
  EXPECT_NE(m.find("offset 0: no WARC/1.x version line"), std::string::npos) << m;
  EXPECT_NE(m.find("offset " + std::to_string(bl_at) + ": invalid Content-Length"), std::string::npos) << m;
  EXPECT_NE(m.find(": no Content-Length"), std::string::npos) << m;
  EXPECT_EQ(r.counts.malformed_records, 4u) << m;
  for (auto& d : r.diagnostics) EXPECT_EQ(d.severity, Severity::kError);
}

TEST(WarcReader, TruncatedAndCorruptGzipMembersAreSkippedToTheNextMember) {
  std::vector<size_t> offsets;
  std::vector<std::string> records = {warc_record(html_record("m1", "https://x.example/1", "One.")),
                                      warc_record(html_record("m2", "https://x.example/2", "Two.")),
                                      warc_record(html_record("m3", "https://x.example/3", "Three.")),
                                      warc_record(html_record("m4", "https://x.example/4", "Four."))};
  std::string m1 = gzip(records[0]), m2 = gzip(records[1]), m3 = gzip(records[2]), m4 = gzip(records[3]);
  // m2 corrupt in the middle of its deflate data; m3 cut in half; m4 intact.
  for (size_t i = 12; i < 30 && i < m2.size(); ++i) m2[i] = static_cast<char>(0xFF);
  m3.resize(m3.size() / 2);
  std::string data = m1 + m2 + m3 + m4;
  auto r = read(data, "broken.warc.gz");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"m1", "m4"})) << r.messages();
  std::string m = r.messages();
  EXPECT_NE(m.find("offset " + std::to_string(m1.size()) + ": bad gzip data"), std::string::npos) << m;
  EXPECT_GE(r.diagnostics.size(), 2u) << m;
  EXPECT_LE(r.diagnostics.size(), 3u) << m;
}

TEST(WarcReader, TruncatedGzipFileEndIsReported) {
  std::string m1 = gzip(warc_record(html_record("t1", "https://x.example/1", "One.")));
  std::string m2 = gzip(warc_record(html_record("t2", "https://x.example/2", "Two.")));
  auto r = read(m1 + m2.substr(0, m2.size() - 20), "t.warc.gz");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"t1"}));
  ASSERT_EQ(r.diagnostics.size(), 1u) << r.messages();
  EXPECT_EQ(r.diagnostics[0].message.rfind("offset " + std::to_string(m1.size()) + ": gzip member is truncated", 0), 0u)
      << r.messages();
}

TEST(WarcReader, TruncatedPlainFileEndIsReported) {
  std::string whole = warc_record(html_record("e1", "https://x.example/1", "One."));
  std::string data = warc_record(html_record("e0", "https://x.example/0", "Zero."));
  size_t at = data.size();
  data += whole.substr(0, whole.size() - 30);
  auto r = read(data, "e.warc");
  EXPECT_EQ(r.ids(), (std::vector<std::string>{"e0"}));
  ASSERT_EQ(r.diagnostics.size(), 1u) << r.messages();
  EXPECT_EQ(r.diagnostics[0].message, "offset " + std::to_string(at) + ": file ends inside the record's block; record skipped");
}

TEST(WarcReader, OverlongRecordsAreReportedAndStreamPast) {
  ReaderOptions options;
  options.max_record_bytes = 4096;
  // An HTML page over the limit is reported; a big image response is passed over silently.
  Record big = html_record("big", "https://x.example/big", std::string(20000, 'a'));
  Record image = html_record("image", "https://x.example/i.jpg", "");
  image.block = http_response(std::string(30000, 'j'), "Content-Type: image/jpeg\r\n");
  std::string plain = warc_record(big) + warc_record(image) + warc_record(html_record("small", "https://x.example/s", "Small."));
  for (bool compressed : {false, true}) {
    std::string data = compressed ? gzip_members({warc_record(big), warc_record(image),
                                                  warc_record(html_record("small", "https://x.example/s", "Small."))})
                                  : plain;
    auto r = read(data, compressed ? "o.warc.gz" : "o.warc", options);
    EXPECT_EQ(r.ids(), (std::vector<std::string>{"small"})) << compressed;
    ASSERT_EQ(r.diagnostics.size(), 1u) << r.messages();
    EXPECT_NE(r.diagnostics[0].message.find("offset 0: record block is"), std::string::npos) << r.messages();
    EXPECT_NE(r.diagnostics[0].message.find("over the record limit of 4096 bytes"), std::string::npos);
    EXPECT_EQ(r.counts.not_html_responses, 1u);
  }
}

TEST(WarcReader, GarbageNeverCrashesAndEndsTheFile) {
  std::string good = warc_record(html_record("k", "https://x.example/k", "Kept."));
  std::vector<std::string> inputs = {"WARC/1.", "WARC/1.0", "WARC/1.0\r\n", "WARC/1.0\r\nContent-Length: 5\r\n\r\nab",
                                     std::string("\x1f\x8b", 2), std::string("\x1f\x8b\x08", 3), good.substr(0, good.size() / 2),
                                     "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999999\r\n\r\n"};
  for (auto& in : inputs) {
    auto r = read(in + good, "g.warc");
    EXPECT_LE(r.articles.size(), 1u);
    auto r2 = read(in, "g.warc");
    EXPECT_TRUE(r2.articles.empty());
  }
}

}  // namespace
}  // namespace dyad
