// The pass that hides scripts, style sheets, comments and absurd nesting from the HTML parser.
#include "ingest/html_prefilter.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/html_extractor.h"

namespace dyad {
namespace {

TEST(HtmlPrefilter, DropsScriptAndStyleContentButKeepsTheirTags) {
  EXPECT_EQ(prefilter_html("<p>a</p><script>var x = '<p>not text</p>';</script><p>b</p>"),
            "<p>a</p><script></script><p>b</p>");
  EXPECT_EQ(prefilter_html("<STYLE type=\"text/css\">p > a { color: red }</STYLE>x"),
            "<STYLE type=\"text/css\"></STYLE>x");
  EXPECT_EQ(prefilter_html("<noscript><img src=x></noscript><iframe>junk</iframe>"),
            "<noscript></noscript><iframe></iframe>");
}

TEST(HtmlPrefilter, KeepsJsonLdWhichHoldsTheMetadata) {
  std::string page = "<script type=\"application/ld+json\">{\"datePublished\": \"2019-11-25\"}</script>";
  EXPECT_EQ(prefilter_html(page), page);
}

TEST(HtmlPrefilter, ScriptEndsOnlyAtItsOwnEndTag) {
  // "</scriptx" and "</p>" inside a script do not end it.
  EXPECT_EQ(prefilter_html("<script>a</scriptx>b</p></script >c"), "<script></script >c");
}

TEST(HtmlPrefilter, DropsCommentsOfEveryShape) {
  EXPECT_EQ(prefilter_html("a<!-- <p>hidden</p> -->b<!-->c<!--->d<!--x--!>e"), "abcde");
  EXPECT_EQ(prefilter_html("a<!--[if IE]><p>old</p><![endif]-->b"), "ab");
  EXPECT_EQ(prefilter_html("a<!-- never closed <p>x</p>"), "a");
}

TEST(HtmlPrefilter, DropsNestedSvgAndTemplateContent) {
  EXPECT_EQ(prefilter_html("<svg><svg><title>Share</title></svg><path d=\"M0\"/></svg>after"),
            "<svg></svg>after");
  EXPECT_EQ(prefilter_html("<svg/>x<template><p>t</p></template>y"), "<svg/>x<template></template>y");
}

TEST(HtmlPrefilter, TitleAndTextareaTextIsCopiedAsItIs) {
  std::string page = "<title>A <script> in a title</title><p>b</p>";
  EXPECT_EQ(prefilter_html(page), page);
}

TEST(HtmlPrefilter, QuotedGreaterThanSignsDoNotEndATag) {
  std::string page = "<a title=\"x > y\" href='/a>b'>link</a><script data-x=\"</script>\">z</script>q";
  EXPECT_EQ(prefilter_html(page), "<a title=\"x > y\" href='/a>b'>link</a><script data-x=\"</script>\"></script>q");
}

TEST(HtmlPrefilter, WhatIsNotATagIsCopied) {
  for (std::string page : {"1 < 2 and 3<4", "<3 love", "a <", "<p class=\"unterminated", "</>"})
    EXPECT_EQ(prefilter_html(page), page) << page;
}

TEST(HtmlPrefilter, TagsBeyondTheDepthCapAreDroppedTheirTextKept) {
  std::string page;
  for (int i = 0; i < kMaxHtmlDepth + 100; ++i) page += "<div>";
  page += "deep";
  for (int i = 0; i < kMaxHtmlDepth + 100; ++i) page += "</div>";
  std::string expected;
  for (int i = 0; i < kMaxHtmlDepth; ++i) expected += "<div>";
  expected += "deep";
  for (int i = 0; i < kMaxHtmlDepth; ++i) expected += "</div>";
  EXPECT_EQ(prefilter_html(page), expected);
  // Elements that pages leave unclosed do not count: a thousand <p>s keep their tags.
  std::string paragraphs;
  for (int i = 0; i < 1000; ++i) paragraphs += "<p>text";
  EXPECT_EQ(prefilter_html(paragraphs), paragraphs);
}

TEST(HtmlPrefilter, TheExtractorStillFindsTextUnderPathologicalNesting) {
  std::string page = "<html><body>";
  for (int i = 0; i < 20000; ++i) page += "<div>";
  page += "<p>The minister said on Monday that the talks, held in Geneva, would resume next week.</p>";
  page += "</body></html>";
  Article a;
  ASSERT_TRUE(extract_article({page, "", "", ""}, a));
  EXPECT_EQ(a.text, "The minister said on Monday that the talks, held in Geneva, would resume next week.");
}

}  // namespace
}  // namespace dyad
