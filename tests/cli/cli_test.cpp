// The dyad command as users run it: exit codes, help, messages, formats, spans.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>

#include "test_util.h"

namespace dyad {
namespace {

struct Result {
  int exit_code = -1;
  std::string out, err;
};

// Runs `dyad ARGS` through the shell (so ARGS may hold redirections such as "< file").
Result dyad(const std::string& args) {
  testing::TempDir dir;
  std::string out = dir.path() + "/out", err = dir.path() + "/err";
  std::string cmd = std::string("'") + DYAD_BINARY + "' " + args + " > '" + out + "' 2> '" + err + "'";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::read_file(out), testing::read_file(err)};
}

std::string samples() {
  std::string quoted = "'";  // appended piece by piece: GCC 12 misreads "'" + std::string as overlapping
  quoted += testing::source_path("data/samples/articles.jsonl");
  quoted += "'";
  return quoted;
}

TEST(Cli, VersionAndHelp) {
  Result v = dyad("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("dyad ", 0), 0u);
  Result h = dyad("--help");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("Examples:"), std::string::npos);
  EXPECT_NE(h.out.find("Exit codes:"), std::string::npos);
  Result ch = dyad("code --help");
  EXPECT_EQ(ch.exit_code, 0);
  EXPECT_NE(ch.out.find("--input-format"), std::string::npos);
}

TEST(Cli, ExtractWritesPagesAsArticlesAndCodeReadsThem) {
  std::string page = "'" + testing::source_path("tests/ingest/pages/harbour-talks.html") + "'";
  Result r = dyad("extract -q " + page);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"id\":\"harbour-talks\",\"date\":\"2031-04-03\",\"date_text\":", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\"source\":\"The Northern Ledger\""), std::string::npos);
  EXPECT_NE(r.out.find("\"title\":\"Harbour talks resume in Veloria\""), std::string::npos);
  EXPECT_NE(r.out.find("\"text\":\"Negotiators from Veloria"), std::string::npos);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  // JSON Lines in, the same articles out.
  Result jsonl = dyad("extract -q " + samples());
  EXPECT_EQ(jsonl.exit_code, 0);
  EXPECT_NE(jsonl.out.find("\"id\":"), std::string::npos);
  // dyad code reads the page directly.
  Result coded = dyad("code -q --format sentences " + page);
  EXPECT_EQ(coded.exit_code, 0) << coded.err;
  EXPECT_NE(coded.out.find("Negotiators from Veloria"), std::string::npos);
  EXPECT_EQ(coded.out.find("cookies"), std::string::npos);
}

// One WARC/1.1 record with a correct Content-Length.
std::string warc_record(const std::string& type, const std::string& uri, const std::string& block,
                        const std::string& content_type) {
  std::string r = "WARC/1.1\r\nWARC-Type: ";
  r += type;
  r += "\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(std::hash<std::string>{}(uri + type)) + ">\r\n";
  r += "WARC-Target-URI: " + uri + "\r\nWARC-Date: 2031-04-03T10:00:00Z\r\n";
  r += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size());
  r += "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string http_html(const std::string& status, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body;
}

TEST(Cli, TheSummarySaysWhatACrawlHeldBesidesArticles) {
  std::string article = testing::read_file(testing::source_path("tests/ingest/pages/harbour-talks.html"));
  ASSERT_FALSE(article.empty());
  const std::string http = "application/http; msgtype=response";
  std::string warc = warc_record("warcinfo", "", "software: test\r\n", "application/warc-fields") +
                     warc_record("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n",
                                 "application/http; msgtype=request") +
                     warc_record("response", "https://news.example/a", http_html("200 OK", article), http) +
                     warc_record("response", "https://news.example/gone", http_html("404 Not Found", article), http) +
                     warc_record("response", "https://news.example/menu",
                                 http_html("200 OK", "<html><body><nav><a href=/>Home</a></nav></body></html>"), http);
  testing::TempDir dir;
  std::string f = dir.file("crawl.warc", warc);
  Result r = dyad("extract '" + f + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  EXPECT_NE(r.out.find("Negotiators from Veloria"), std::string::npos);
  // warcinfo, request and the 404 are passed over; the menu page has no article.
  EXPECT_NE(r.err.find("dyad: 1 articles; 0 records skipped, 3 WARC records passed over (not HTML "
                       "responses), 1 pages without article text;"),
            std::string::npos)
      << r.err;
  Result coded = dyad("code --format sentences '" + f + "'");
  EXPECT_NE(coded.err.find(" segments ("), std::string::npos) << coded.err;
  EXPECT_NE(coded.err.find("3 WARC records passed over"), std::string::npos) << coded.err;
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(dyad("").exit_code, 2);
  EXPECT_EQ(dyad("frobnicate").exit_code, 2);
  EXPECT_EQ(dyad("code --no-such-option").exit_code, 2);
  EXPECT_EQ(dyad("code --date 2019-13-45 " + samples()).exit_code, 2);
  EXPECT_EQ(dyad("code --input-format docx " + samples()).exit_code, 2);
  Result missing = dyad("code /nonexistent/file.jsonl");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/file.jsonl"), std::string::npos);
}

TEST(Cli, CodesTheSamplesFromStdinWithASummary) {
  Result r = dyad("code --format sentences < " + samples());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("article_id\tsentence_index\tkind\tstart\tend\ttext\n", 0), 0u);
  EXPECT_NE(r.out.find("dyad-sample-024\t"), std::string::npos);
  EXPECT_NE(r.err.find("dyad: 24 articles"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("0 records skipped"), std::string::npos) << r.err;
  Result q = dyad("code --quiet --format sentences " + samples());
  EXPECT_EQ(q.err, "");
  EXPECT_EQ(q.out, r.out);
}

TEST(Cli, MalformedInputNamesFileAndLineAndStrictStops) {
  testing::TempDir dir;
  std::string f = dir.file("bad.jsonl", "{\"id\":\"a\",\"text\":\"Fine.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Also fine.\"}\n");
  Result r = dyad("code --format sentences '" + f + "'");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find(f + ":2: error: invalid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 articles"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 records skipped"), std::string::npos) << r.err;
  Result s = dyad("code --strict --format sentences '" + f + "'");
  EXPECT_EQ(s.exit_code, 3);
  EXPECT_NE(s.err.find("stopped by --strict"), std::string::npos) << s.err;
}

TEST(Cli, UnwritableOutputExitsWithOne) {
  Result r = dyad("code --format sentences -o /nonexistent-dir/out.tsv " + samples());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent-dir/out.tsv"), std::string::npos);
}

TEST(Cli, SegmentJsonlSpansPointIntoTheArticleText) {
  Result r = dyad("segment --format jsonl " + samples());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Article texts by id, to check every span against.
  std::map<std::string, std::string> texts;
  simdjson::dom::parser parser;
  for (simdjson::dom::element a : parser.load_many(testing::source_path("data/samples/articles.jsonl")))
    texts[std::string(a["id"].get_string().value())] = std::string(a["text"].get_string().value());
  size_t lines = 0;
  std::istringstream in(r.out);
  std::string line;
  simdjson::dom::parser p2;
  while (std::getline(in, line)) {
    ++lines;
    simdjson::dom::element s = p2.parse(line);
    const std::string& text = texts.at(std::string(s["article_id"].get_string().value()));
    auto span = s["span"].get_array();
    uint64_t b = span.at(0).get_uint64().value(), e = span.at(1).get_uint64().value();
    EXPECT_EQ(text.substr(b, e - b), s["text"].get_string().value());
    EXPECT_TRUE(s["sentence_index"].is_uint64());
    for (simdjson::dom::element t : s["tokens"].get_array()) {
      auto ts = t["span"].get_array();
      uint64_t tb = ts.at(0).get_uint64().value(), te = ts.at(1).get_uint64().value();
      EXPECT_GE(tb, b);
      EXPECT_LE(te, e);
      EXPECT_EQ(text.substr(tb, te - tb), t["text"].get_string().value());
    }
  }
  EXPECT_GT(lines, 24u * 5);
}

TEST(Cli, SegmentATextGiven) {
  Result r = dyad("segment --text 'BEIRUT (AP) — Sen. Jane Doe met U.S. officials. They didn'\\''t agree.'");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("dateline"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("did | n't"), std::string::npos) << r.out;
}

TEST(Cli, ReadsPetrarchAndTabariRecords) {
  DYAD_REQUIRE_SHARED();
  Result x = dyad("code --format sentences '" + testing::shared_path("peers/petrarch2/GigaWord.sample.PETR.xml") + "'");
  EXPECT_EQ(x.exit_code, 0);
  EXPECT_NE(x.err.find("67 articles"), std::string::npos) << x.err;
  Result t = dyad("code --format sentences --input-format tabari < '" +
                  testing::shared_path("peers/tabari/TABARI.Demo.text") + "'");
  EXPECT_EQ(t.exit_code, 0);
  EXPECT_NE(t.err.find("46 articles"), std::string::npos) << t.err;
}

TEST(Cli, ExplainShowsTagsPhrasesAndRoles) {
  Result r = dyad("explain 'Senior U.S. officials met with Gen. Khalifa Haftar on Sunday, the State Department said.'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("met/VBD(meet)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("subject    the State Department"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("said by    the State Department"), std::string::npos) << r.out;
  Result j = dyad("explain --json 'Rebels vowed to retaliate.'");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  simdjson::dom::parser parser;
  simdjson::dom::element s = parser.parse(j.out);
  EXPECT_EQ(s["tokens"].get_array().size(), 5u);
  bool intent = false;
  for (simdjson::dom::element c : s["clauses"].get_array()) intent |= c["intent"].get_int64().value() >= 0;
  EXPECT_TRUE(intent) << j.out;
  EXPECT_EQ(dyad("explain").exit_code, 2);
}

// Regression guard for issue 3's figures (the closing note gives the measured values).
TEST(Cli, AnalysisEvaluationMeetsItsTargets) {
  DYAD_REQUIRE_SHARED();
  Result r = dyad("eval analysis '" + testing::shared_path("peers/petrarch2/GigaWord.sample.PETR.xml") + "' '" +
                  testing::shared_path("peers/petrarch2/PETR.UnitTest.records.xml") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  double pos = 0, np = 0, subject = 0;
  ASSERT_EQ(std::sscanf(r.out.substr(r.out.rfind("pos ")).c_str(), "pos %lf%% np-f1 %lf%% subject %lf%%", &pos, &np,
                        &subject),
            3)
      << r.out;
  EXPECT_GE(pos, 96.0);
  EXPECT_GE(np, 92.0);
  EXPECT_GE(subject, 90.0);
}

// Acceptance figure of issue 2: one sentence for >= 98% of the PLOVER gold records.
TEST(Cli, GoldRecordsAreOneSentenceEach) {
  DYAD_REQUIRE_SHARED();
  testing::TempDir dir;
  std::string cmd = "'" + testing::source_path("scripts/eval-segmentation") + "' '" +
                    testing::shared_path("eval/plover-gsr-dev.json") + "' '" + DYAD_BINARY + "' > '" +
                    dir.path() + "/out'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string out = testing::read_file(dir.path() + "/out");
  double share = std::stod(out.substr(out.rfind(' ') + 1));
  EXPECT_GE(share, 98.0) << out;
}


// The event output contract (../shared/reference/event-jsonl.md): every field, spans that
// point at the text they name.
TEST(Cli, CodedEventsFollowTheContract) {
  testing::TempDir dir;
  std::string input = dir.file("in.jsonl",
                               "{\"id\": \"a1\", \"date\": \"2019-11-25\", \"text\": \"Senior U.S. officials met with "
                               "Libyan commander Khalifa Haftar on Sunday, the State Department said.\"}\n");
  Result r = dyad("code '" + input + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 events"), std::string::npos) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  ASSERT_FALSE(parser.parse(r.out).get(e)) << r.out;
  const std::string text = "Senior U.S. officials met with Libyan commander Khalifa Haftar on Sunday, the State Department said.";
  EXPECT_EQ(std::string_view(e["event_id"].get_string().value()), "a1:0:0");
  EXPECT_EQ(std::string_view(e["article_id"].get_string().value()), "a1");
  EXPECT_EQ(int64_t(e["sentence_index"].get_int64().value()), 0);
  EXPECT_EQ(std::string_view(e["sentence"].get_string().value()), text);
  // Dated by its own clause: "on Sunday" before a Monday publication (the contract's example).
  EXPECT_EQ(std::string_view(e["date"].get_string().value()), "2019-11-24");
  EXPECT_EQ(std::string_view(e["date_expression"]["text"].get_string().value()), "Sunday");
  EXPECT_EQ(int64_t(e["date_expression"]["span"].at(0).get_int64().value()), int64_t(text.find("Sunday")));
  EXPECT_EQ(std::string_view(e["cameo"].get_string().value()), "040");
  EXPECT_EQ(std::string_view(e["cameo_root"].get_string().value()), "04");
  EXPECT_EQ(int64_t(e["quad_class"].get_int64().value()), 1);
  EXPECT_EQ(std::string_view(e["plover"].get_string().value()), "CONSULT");
  EXPECT_TRUE(e["plover_mode"].is_string());
  EXPECT_TRUE(e["plover_context"].is_array());
  EXPECT_FALSE(e["negated"].get_bool().value());
  EXPECT_TRUE(e["location"].is_null());
  EXPECT_TRUE(e["goldstein"].is_number());
  double confidence = e["confidence"].get_double().value();
  EXPECT_GT(confidence, 0.0);
  EXPECT_LE(confidence, 1.0);
  EXPECT_NE(std::string_view(e["rule"].get_string().value()).find("events/"), std::string_view::npos);
  EXPECT_EQ(std::string_view(e["engine"].get_string().value()).rfind("dyad ", 0), 0u);
  auto span_text = [&](simdjson::dom::element x) {
    auto span = x["span"].get_array().value();
    uint64_t b = span.at(0).get_uint64().value(), en = span.at(1).get_uint64().value();
    return text.substr(b, en - b);
  };
  for (const char* side : {"source", "target"}) {
    simdjson::dom::element a = e[side];
    EXPECT_EQ(span_text(a), std::string(a["text"].get_string().value())) << side;
    EXPECT_TRUE(a["roles"].is_array());
    EXPECT_TRUE(a["country"].is_string());
  }
  EXPECT_EQ(std::string_view(e["source"]["code"].get_string().value()), "USAGOV");
  EXPECT_EQ(std::string_view(e["target"]["code"].get_string().value()), "LBYMIL");
  EXPECT_EQ(span_text(e["trigger"]), "met with");
}

TEST(Cli, ExplainShowsWhyASentenceWasCoded) {
  Result r = dyad("explain \"Iran threatened to attack Israel.\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("coding:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("candidate"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fired"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("event: IRN -> ISR  1384"), std::string::npos) << r.out;
  Result none = dyad("explain \"Israel did not attack Hezbollah.\"");
  EXPECT_NE(none.out.find("negated"), std::string::npos) << none.out;
  EXPECT_NE(none.out.find("no event"), std::string::npos) << none.out;
}

// dyad eval events must give the shared scorers' figures on the events it writes.
TEST(Cli, EventEvaluationAgreesWithTheSharedScorers) {
  DYAD_REQUIRE_SHARED();
  if (std::system("python3 --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "needs python3";
  testing::TempDir dir;
  auto last_line = [](const std::string& s) {
    std::string t = s;
    while (!t.empty() && t.back() == '\n') t.pop_back();
    return t.substr(t.rfind('\n') + 1);
  };
  struct Gold {
    std::string file, scorer;
  };
  for (const Gold& g : {Gold{"eval/plover-gsr-dev.json", "score_plover_gsr.py' '{gold}' '{events}'"},
                        Gold{"peers/petrarch2/PETR.UnitTest.records.xml", "petrarch_records.py' score '{gold}' '{events}'"}}) {
    std::string gold = testing::shared_path(g.file), events = dir.path() + "/events.jsonl";
    Result r = dyad("eval events '" + gold + "' --events-out '" + events + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string cmd = g.scorer;
    cmd.replace(cmd.find("{gold}"), 6, gold);
    cmd.replace(cmd.find("{events}"), 8, events);
    cmd = "python3 '" + testing::shared_path("tools/") + cmd + " > '" + dir.path() + "/score'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    EXPECT_EQ(last_line(r.out), last_line(testing::read_file(dir.path() + "/score"))) << g.file;
  }
}

TEST(Cli, NativeGoldIsScoredExactly) {
  testing::TempDir dir;
  std::string gold = dir.file("gold.jsonl",
                              "# native gold: one record a line\n"
                              "{\"id\": \"g1\", \"date\": \"2024-06-01\", \"text\": \"Russian troops attacked Ukrainian "
                              "positions.\", \"events\": [{\"source\": \"RUSMIL\", \"target\": \"UKR\", \"cameo\": \"190\"}]}\n"
                              "{\"id\": \"g2\", \"date\": \"2024-06-01\", \"text\": \"The weather was fine.\", \"events\": []}\n"
                              "{\"id\": \"g3\", \"date\": \"2024-06-01\", \"text\": \"Russian troops attacked Ukrainian "
                              "positions.\", \"events\": [{\"source\": \"RUSMIL\", \"target\": \"UKR\", \"cameo\": \"040\"}]}\n");
  Result r = dyad("eval events '" + gold + "' --show-misses");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("scored=3 exact=2 (66.7%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("g3\tgold="), std::string::npos) << r.out;
  Result bad = dyad("eval events '" + dir.file("bad.jsonl", "{\"id\": \"x\"}\n") + "'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.jsonl:1"), std::string::npos) << bad.err;
}

// The same event reported twice in an article is one event with two mentions; the CSV and
// GDELT formats carry it too.
TEST(Cli, DuplicatesFoldIntoMentionsInEveryEventFormat) {
  testing::TempDir dir;
  std::string input = dir.file("in.jsonl",
                               "{\"id\": \"d1\", \"date\": \"2019-11-25\", \"url\": \"https://example.org/d1\", "
                               "\"text\": \"Russian troops attacked Ukrainian positions on Sunday. Officials said "
                               "Russian troops attacked Ukrainian positions on Sunday, \\\"again\\\".\"}\n");
  Result json = dyad("code '" + input + "'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.err.find("1 events"), std::string::npos) << json.err;
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  ASSERT_FALSE(parser.parse(json.out).get(e)) << json.out;
  EXPECT_EQ(int64_t(e["mentions"].get_int64().value()), 2);
  EXPECT_TRUE(e["is_root"].get_bool().value());

  Result csv = dyad("code -f csv '" + input + "'");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::vector<std::string> lines;
  std::istringstream in(csv.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 2u) << csv.out;
  EXPECT_EQ(lines[0].rfind("event_id,article_id,sentence_index,date,", 0), 0u);
  EXPECT_NE(lines[1].find(",Sunday,RUSMIL,RUS,Russian troops,UKR,UKR,Ukrainian,190,19,4,"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find(",false,2,true,"), std::string::npos) << lines[1];

  Result gdelt = dyad("code -f gdelt '" + input + "'");
  ASSERT_EQ(gdelt.exit_code, 0) << gdelt.err;
  std::vector<std::string> cols;
  std::istringstream row(gdelt.out.substr(0, gdelt.out.find('\n')));
  for (std::string col; std::getline(row, col, '\t');) cols.push_back(col);
  ASSERT_EQ(cols.size(), 61u) << gdelt.out;
  EXPECT_EQ(cols[1], "20191124");   // SQLDATE: Sunday
  EXPECT_EQ(cols[5], "RUSMIL");     // Actor1Code
  EXPECT_EQ(cols[7], "RUS");        // Actor1CountryCode
  EXPECT_EQ(cols[12], "MIL");       // Actor1Type1Code
  EXPECT_EQ(cols[15], "UKR");       // Actor2Code
  EXPECT_EQ(cols[25], "1");         // IsRootEvent
  EXPECT_EQ(cols[26], "190");       // EventCode
  EXPECT_EQ(cols[29], "4");         // QuadClass
  EXPECT_EQ(cols[31], "2");         // NumMentions
  EXPECT_EQ(cols[60], "https://example.org/d1");  // SOURCEURL

  Result plover = dyad("code -f plover '" + input + "'");
  ASSERT_EQ(plover.exit_code, 0) << plover.err;
  simdjson::dom::element p;
  ASSERT_FALSE(parser.parse(plover.out).get(p)) << plover.out;
  EXPECT_EQ(std::string_view(p["event_type"].get_string().value()), "ASSAULT");
  EXPECT_EQ(std::string_view(p["event_date"].get_string().value()), "2019-11-24");
  EXPECT_EQ(std::string_view(p["story_date"].get_string().value()), "2019-11-25");
  EXPECT_EQ(std::string_view(p["actor"]["country"].get_string().value()), "RUS");
  EXPECT_EQ(std::string_view(p["recipient"]["code"].get_string().value()), "UKR");
  EXPECT_EQ(int64_t(p["mentions"].get_int64().value()), 2);
}

// Dates of the bundled samples, checked by hand against each article's date and a calendar.
TEST(Cli, SampleEventDatesAreTheHandCheckedOnes) {
  Result r = dyad("code " + samples());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::pair<std::string, std::string>> got;  // event id -> date, expression
  simdjson::dom::parser parser;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element e;
    ASSERT_FALSE(parser.parse(line).get(e)) << line;
    simdjson::dom::element expr = e["date_expression"];
    got[std::string(e["event_id"].get_string().value())] = {
        std::string(e["date"].get_string().value()),
        expr.is_null() ? "" : std::string(expr["text"].get_string().value())};
  }
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"dyad-sample-002:2:1", {"2024-02-18", "Sunday"}},     // published Tuesday 2024-02-20
      {"dyad-sample-002:7:0", {"2024-02-19", "Monday"}},     // "on Monday night"
      {"dyad-sample-009:1:0", {"2024-08-19", "Monday"}},     // published that Monday
      {"dyad-sample-023:8:0", {"2026-05-12", "last week"}},  // published Tuesday 2026-05-19
      {"dyad-sample-023:9:0", {"2026-04-01", "April"}},      // "last tested a missile in April"
      {"dyad-sample-024:1:0", {"2026-10-06", "Tuesday"}},    // published that Tuesday
      {"dyad-sample-024:8:0", {"2026-10-04", "Sunday"}},
  };
  for (const auto& [id, want] : expected) {
    auto it = got.find(id);
    ASSERT_NE(it, got.end()) << id << " was not coded";
    EXPECT_EQ(it->second, want) << id;
  }
}

// Places of events in the bundled samples, checked by hand against each sentence and article:
// the place named in the event's clause, a city acting as source, the dateline, or none.
TEST(Cli, SampleEventPlacesAreTheHandCheckedOnes) {
  Result r = dyad("code " + samples());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> got;  // event id -> "GEONAMEID from" / "ISO3 from" / "-"
  simdjson::dom::parser parser;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element e;
    ASSERT_FALSE(parser.parse(line).get(e)) << line;
    simdjson::dom::element loc = e["location"];
    std::string place = "-";
    if (!loc.is_null()) {
      simdjson::dom::element id = loc["geonameid"];
      place = id.is_null() ? std::string(loc["country"].get_string().value()) : std::to_string(id.get_uint64().value());
      place += " " + std::string(loc["from"].get_string().value());
    }
    got[std::string(e["event_id"].get_string().value())] = place;
  }
  const std::map<std::string, std::string> expected = {
      {"dyad-sample-002:2:1", "2361177 clause"},    // "... fuel tankers near Djibo on Sunday"
      {"dyad-sample-002:10:0", "2988507 actor"},    // "Paris rejected the accusation."
      {"dyad-sample-004:2:0", "344979 clause"},     // "arrested ... in Addis Ababa"
      {"dyad-sample-007:1:0", "216281 dateline"},   // "GOMA, Democratic Republic of Congo (...) - M23 rebels captured"
      {"dyad-sample-008:9:0", "3117735 clause"},    // "rallies in Madrid, Bogotá and São Paulo": Spain's
      {"dyad-sample-008:10:0", "4140963 clause"},   // "In Washington, the Treasury Department imposed"
      {"dyad-sample-011:11:0", "LBN clause"},       // "to withdraw from southern Lebanon"
      {"dyad-sample-012:5:0", "281133 clause"},     // "struck targets in Gaza"
      {"dyad-sample-018:1:0", "706483 clause"},     // "at the northeastern city of Kharkiv"
      {"dyad-sample-024:8:0", "616052 clause"},     // "In Yerevan, ... protested" under an ANKARA dateline
      {"dyad-sample-022:10:0", "-"},                // no place in the clause, no dateline
  };
  for (const auto& [id, want] : expected) {
    auto it = got.find(id);
    ASSERT_NE(it, got.end()) << id << " was not coded";
    EXPECT_EQ(it->second, want) << id;
  }
}

}  // namespace
}  // namespace dyad
