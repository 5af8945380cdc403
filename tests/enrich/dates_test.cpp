// Event dates: the hand-checked case table (tests/enrich/date_cases.txt) and the resolution of
// single expressions.
#include <gtest/gtest.h>

#include "code/coding_dictionaries.h"
#include "enrich/dates.h"
#include "eval/date_eval.h"
#include "test_util.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

TEST(DateTable, AtLeastNinetyFivePercentOfTheCasesAreRight) {
  auto cases = read_date_cases(testing::source_path("tests/enrich/date_cases.txt"));
  ASSERT_GE(cases.size(), 60u);
  auto dictionaries = CodingDictionaries::load(DictionarySources{});
  DateScores s = score_dates(cases, *dictionaries);
  EXPECT_GE(s.share(), 95.0) << s.report();  // the report names each case that broke
}

// The expression found in a one-sentence doc published on Monday 2019-11-25.
std::string resolve(const std::string& text, bool future = false) {
  Doc doc;
  doc.article.text = text;
  doc.article.date = Date{2019, 11, 25};
  Segmenter()(doc);
  auto found = find_time(doc, 0, static_cast<uint32_t>(doc.tokens.size()), doc.article.date, future);
  return found ? found->date.iso() + " " + std::string(doc.text_of(found->span)) : "-";
}

TEST(FindTime, ResolvesAgainstThePublicationDate) {
  EXPECT_EQ(resolve("They met on Sunday."), "2019-11-24 Sunday");
  EXPECT_EQ(resolve("They will meet on Sunday.", true), "2019-12-01 Sunday");
  EXPECT_EQ(resolve("They met last Monday."), "2019-11-18 last Monday");
  EXPECT_EQ(resolve("They met on Nov. 3, 2018."), "2018-11-03 Nov. 3, 2018");
  EXPECT_EQ(resolve("They met in March."), "2019-03-01 March");
  EXPECT_EQ(resolve("They met three days ago."), "2019-11-22 three days ago");
  EXPECT_EQ(resolve("Nothing happened."), "-");
}

TEST(FindTime, MayTheVerbIsNoMonth) {
  EXPECT_EQ(resolve("Officials said the talks may resume."), "-");
  EXPECT_EQ(resolve("The talks began in May."), "2019-05-01 May");
}

TEST(FindTime, WithoutAPublicationDateOnlyFullDatesResolve) {
  Doc doc;
  doc.article.text = "They met on Sunday and signed the deal on 3 November 2018.";
  Segmenter()(doc);
  auto found = find_time(doc, 0, static_cast<uint32_t>(doc.tokens.size()), std::nullopt, false);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->date, (Date{2018, 11, 3}));
}

}  // namespace
}  // namespace dyad
