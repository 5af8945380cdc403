#include "out/writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "out/json.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

TEST(Json, EscapesWhatJsonRequiresAndKeepsUtf8) {
  std::string out;
  json::append_string(out, "a\"b\\c\nd\te\x01 “Erdoğan”");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001 “Erdoğan”\"");
  simdjson::dom::parser parser;
  simdjson::padded_string padded(out);
  EXPECT_EQ(parser.parse(padded).get_string().value(), "a\"b\\c\nd\te\x01 “Erdoğan”");
}

Doc segmented(std::string id, std::string text) {
  Doc doc;
  doc.article.id = std::move(id);
  doc.article.text = std::move(text);
  Segmenter()(doc);
  return doc;
}

TEST(SentencesWriter, OneLinePerSegmentWithTabsAndBreaksFlattened) {
  auto w = make_writer(OutputFormat::kSentences);
  std::string out;
  w->header(out);
  w->write(segmented("id\t1", "Headline here\nTRIPOLI (AP) - It\tworked. Yes."), out);
  EXPECT_EQ(out,
            "article_id\tsentence_index\tkind\tstart\tend\ttext\n"
            "id 1\t0\theadline\t0\t13\tHeadline here\n"
            "id 1\t1\tdateline\t14\t28\tTRIPOLI (AP) -\n"
            "id 1\t2\tbody\t29\t39\tIt worked.\n"
            "id 1\t3\tbody\t40\t44\tYes.\n");
}

TEST(SegmentsJsonlWriter, ValidJsonWithTokensAndNormalisedForms) {
  auto w = make_writer(OutputFormat::kSegmentsJsonl);
  std::string out;
  w->write(segmented("x", "Erdoğan met \"them\"."), out);
  simdjson::dom::parser parser;
  simdjson::padded_string padded(out);
  simdjson::dom::element s = parser.parse(padded);
  EXPECT_EQ(s["article_id"].get_string().value(), "x");
  EXPECT_EQ(s["sentence_index"].get_uint64().value(), 0u);
  EXPECT_EQ(s["kind"].get_string().value(), "body");
  auto tokens = s["tokens"].get_array();
  EXPECT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens.at(0)["norm"].get_string().value(), "erdogan");
  EXPECT_EQ(tokens.at(0)["kind"].get_string().value(), "word");
  EXPECT_TRUE(tokens.at(1)["norm"].error() == simdjson::NO_SUCH_FIELD);  // "met" is its own norm
}

}  // namespace
}  // namespace dyad
