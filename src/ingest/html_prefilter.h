#pragma once
// What the HTML parser need not see. Half the bytes of a news page are scripts and style
// sheets, and the parser walks them a character at a time only for the extractor to skip
// them; pathological nesting (thousands of unclosed <div>s) makes the parser quadratic. This
// pass, a memchr scan over the bytes, hands the parser a page without either.
#include <string>
#include <string_view>

namespace dyad {

// Deeper elements than this lose their tags (their text stays): no article is nested so deep,
// and the extractor reads no deeper than 400 elements.
inline constexpr int kMaxHtmlDepth = 256;

// `html` with
//   - the content of <script> (but JSON-LD, which holds the metadata), <style>, <noscript>,
//     <iframe>, <xmp>, <noembed>, <noframes>, <template> and <svg> elements removed, their
//     tags kept;
//   - comments removed;
//   - start and end tags beyond kMaxHtmlDepth open elements removed.
// The text of <title> and <textarea> is copied as it is (markup there is text). Anything the
// scan does not understand is copied unchanged, so the parser sees it as before.
std::string prefilter_html(std::string_view html);

}  // namespace dyad
