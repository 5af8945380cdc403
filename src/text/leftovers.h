#pragma once
// Web-page leftovers in plain text (issue 7, item 4): text scraped by other tools still carries
// share buttons ("X", "Share on Facebook"), photo captions and "Related Posts" lists, whose
// lines would otherwise be coded as sentences of the story. The rules are conservative: they
// look at whole lines only, and only at lines no story sentence looks like
// (docs/segmentation.md, "Leftovers").
#include <span>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace dyad {

// Marks as SegmentKind::kBoilerplate the segments of `segments` (the splitter's output for
// `tokens` of `text`) that stand on lines which are
//   - share and advertising widgets: only words such as X, Share, Tweet, Facebook, Email,
//     Print, Advertisement (with separators and counts);
//   - photo captions: lines opened by "Image caption", "FILE PHOTO:", "Caption:" and the like,
//     or ending in a photo credit ("... REUTERS/Esam Al-Fetori", "(AP Photo/Hadi Mizban)",
//     "Photograph: Jane Doe/AFP via Getty Images");
//   - a "Related Posts" / "Read more" / "You may also like" heading after the story, with the
//     list of short lines that follows it; and single "Related: <headline>" lines.
// Hard-wrapped text (TABARI/PETRARCH records) has no lines to look at and is left alone.
void mark_leftovers(std::string_view text, std::span<const Token> tokens, std::vector<Sentence>& segments);

}  // namespace dyad
