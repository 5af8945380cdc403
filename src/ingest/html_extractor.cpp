// The HTML article extractor (docs/ingest.md, "HTML pages"). Gumbo parses the page as an HTML5
// browser would; then
//   1. metadata: title, publication date, canonical URL and outlet from JSON-LD, <meta>,
//      <link rel=canonical>, <time datetime>, the URL and visible bylines;
//   2. blocks: the visible text is cut into blocks at block-level elements and <br>, each
//      remembering its element, its length and how much of it is link text; elements that are
//      never article text (scripts, navigation, forms, figures, hidden elements) and elements
//      whose class or id names boilerplate (comments, share widgets, related lists, cookie
//      banners, captions...) are left out;
//   3. the container: text blocks vote for their ancestors (Readability's scoring: commas and
//      length, damped with distance), weighted by tag and class/id hints and by link density;
//      the best container and its good siblings hold the article;
//   4. the body: the container's blocks minus link-heavy and boilerplate lines, headings kept,
//      blocks separated by a blank line.
#include "ingest/html_extractor.h"

#include <gumbo.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/html_prefilter.h"

namespace dyad {
namespace {

// ---------------------------------------------------------------------------------------------
// Charset: gumbo wants UTF-8. Pages that are not valid UTF-8 are converted from the charset
// they declare (windows-1252 / ISO-8859-1 by the table below, as browsers read both; others,
// such as windows-1251, GBK, Shift_JIS or EUC-KR, by iconv); anything else invalid is
// repaired (U+FFFD).

constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

std::string declared_charset(std::string_view html) {
  std::string head = ascii_lower(html.substr(0, 4096));
  size_t p = head.find("charset=");
  if (p == std::string::npos) return {};
  p += 8;
  while (p < head.size() && (head[p] == '"' || head[p] == '\'' || head[p] == ' ')) ++p;
  size_t e = p;
  while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' ||
                             head[e] == '_'))
    ++e;
  return head.substr(p, e - p);
}

// `in` converted from `charset` by iconv, bytes it cannot convert as U+FFFD; nullopt when
// iconv does not know the charset.
std::optional<std::string> iconv_to_utf8(std::string_view in, const std::string& charset) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write the input
  size_t src_left = in.size(), done = 0;
  while (src_left > 0) {
    char* dst = out.data() + done;
    size_t dst_left = out.size() - done;
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    done = static_cast<size_t>(dst - out.data());
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {  // EILSEQ or EINVAL: an invalid or truncated sequence; skip a byte
      if (out.size() - done < 3) out.resize(out.size() * 2);
      out.replace(done, 3, "\xEF\xBF\xBD");
      done += 3;
      ++src;
      --src_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  out.resize(done);
  return out;
}

std::string to_utf8(std::string_view html, const std::string& http_charset) {
  std::string out;
  if (html.substr(0, 3) == "\xEF\xBB\xBF") html.remove_prefix(3);
  if (!is_valid_utf8(html)) {
    std::string cs = declared_charset(html);
    if (cs.empty()) cs = ascii_lower(http_charset);
    if (cs == "windows-1252" || cs == "iso-8859-1" || cs == "latin1" || cs == "cp1252" ||
        cs == "iso-8859-15" || cs == "us-ascii") {
      out.reserve(html.size() + html.size() / 8);
      for (unsigned char c : html) {
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0xA0) append_utf8(out, kCp1252High[c - 0x80]);
        else append_utf8(out, c);
      }
      return out;
    }
    if (!cs.empty() && cs != "utf-8" && cs != "utf8") {
      if (auto converted = iconv_to_utf8(html, cs)) return std::move(*converted);
    }
  }
  out.assign(html);
  repair_utf8(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers.

const char* attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

GumboTag tag_of(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

// Collapses runs of white space (ASCII and no-break space) to one space.
void append_collapsed(std::string& out, std::string_view s, bool& pending_space) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += static_cast<char>(c);
  }
}

// Elements whose content is never article text.
bool is_skipped_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
      return true;
    default: return false;
  }
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_HTML:
      return true;
    default: return false;
  }
}

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// "class id" of an element, lower-cased.
std::string class_and_id(const GumboNode* n) {
  std::string s;
  if (const char* c = attr(n, "class")) s += c;
  if (const char* i = attr(n, "id")) {
    s += ' ';
    s += i;
  }
  return ascii_lower(s);
}

// Class/id words of boilerplate and of article content. They are matched inside the tokens
// of "class id" ("post-comments" names comments, "entry-content-read-more" content).
bool names_boilerplate(std::string_view token) {
  return contains_any(token, {"comment", "cookie", "consent", "gdpr", "share", "sharing", "social",
                              "related", "newsletter", "caption", "breadcrumb", "sidebar", "outbrain",
                              "taboola", "disqus", "advert", "sponsor", "popup", "modal", "promo",
                              "recommend", "subscribe", "signup", "sign-up", "most-popular",
                              "mostpopular", "trending", "pagination", "skip-link", "paywall",
                              "read-more", "readmore", "more-stories", "author", "byline",
                              "disclaimer", "copyright", "rollover", "tooltip", "popover", "nav", "menu", "footer", "masthead", "banner",
                              "widget", "toolbar", "header", "meta", "rss", "tags"});
}
bool names_content(std::string_view token) {
  return contains_any(token, {"article", "content", "post", "entry", "story", "body", "main", "text", "blog"});
}

// Boilerplate by class or id: a token names boilerplate and none names content alone.
bool boilerplate_class(std::string_view ci) {
  bool bad = false;
  size_t p = 0;
  while (p < ci.size()) {
    size_t e = ci.find(' ', p);
    if (e == std::string_view::npos) e = ci.size();
    std::string_view token = ci.substr(p, e - p);
    p = e + 1;
    if (token.empty()) continue;
    bool neg = names_boilerplate(token);
    if (!neg && names_content(token)) return false;
    bad = bad || neg;
  }
  return bad;
}

bool hidden(const GumboNode* n) {
  if (attr(n, "hidden")) return true;
  if (const char* a = attr(n, "aria-hidden"); a && std::strcmp(a, "true") == 0) return true;
  if (const char* s = attr(n, "style")) {
    std::string st = ascii_lower(s);
    st.erase(std::remove(st.begin(), st.end(), ' '), st.end());
    if (st.find("display:none") != std::string::npos || st.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Blocks of visible text.

struct Block {
  std::string text;
  size_t link_chars = 0;
  const GumboNode* elem = nullptr;  // the nearest block-level element
  GumboTag tag = GUMBO_TAG_UNKNOWN;
};

// Text length inside <p> elements per element, and the page's total (for the removal
// guard below).
size_t count_paragraph_text(const GumboNode* n, bool in_p, int depth,
                            std::unordered_map<const GumboNode*, size_t>& out) {
  if (depth > 400) return 0;
  if (n->type == GUMBO_NODE_TEXT) return in_p ? n->v.text.original_text.length : 0;
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return 0;
  GumboTag t = tag_of(n);
  if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_HEAD) return 0;
  in_p = in_p || t == GUMBO_TAG_P;
  size_t total = 0;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    total += count_paragraph_text(static_cast<const GumboNode*>(kids.data[i]), in_p, depth + 1, out);
  if (total) out[n] = total;
  return total;
}

class BlockCollector {
 public:
  explicit BlockCollector(const GumboNode* root) { page_para_ = count_paragraph_text(root, false, 0, para_); }
  std::vector<Block> blocks;
  std::vector<const GumboNode*> time_elements;
  std::string first_h1;

  void walk(const GumboNode* n, int depth) {
    if (depth > 400) return;  // pathological nesting: the rest is not an article
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      size_t before = cur_.size();
      append_collapsed(cur_, n->v.text.text, space_);
      if (links_ > 0) link_chars_ += cur_.size() - before;
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) return;
    GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_TIME) time_elements.push_back(n);
    // A form that wraps the whole page (ASP.NET) is not a form to skip.
    if ((is_skipped_tag(t) && !(t == GUMBO_TAG_FORM && holds_most_text(n))) || hidden(n)) return;
    if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
      flush();
      return;
    }
    if (t != GUMBO_TAG_BODY && t != GUMBO_TAG_HTML && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_MAIN) {
      std::string ci = class_and_id(n);
      // Boilerplate by class or id, unless the element holds most of the page's paragraphs
      // (a wrapper of the whole page named "has-sidebar", a blog's "widget Blog").
      if (!ci.empty() && boilerplate_class(ci)) {
        if (!holds_most_text(n) || ci.find("comment") != std::string::npos) return;
      }
    }
    bool block = is_block_tag(t);
    if (block) {
      flush();
      elems_.push_back(n);
    }
    if (t == GUMBO_TAG_A) ++links_;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    if (t == GUMBO_TAG_A) --links_;
    if (block) {
      flush();
      elems_.pop_back();
    }
  }

 private:
  void flush() {
    if (!cur_.empty() && !elems_.empty()) {
      Block b;
      b.text = std::move(cur_);
      b.link_chars = std::min(link_chars_, b.text.size());
      b.elem = elems_.back();
      b.tag = tag_of(b.elem);
      if (b.tag == GUMBO_TAG_H1 && first_h1.empty()) first_h1 = b.text;
      blocks.push_back(std::move(b));
    }
    cur_.clear();
    link_chars_ = 0;
    space_ = false;
  }

  bool holds_most_text(const GumboNode* n) const {
    auto it = para_.find(n);
    return it != para_.end() && it->second * 2 > page_para_;
  }
  std::unordered_map<const GumboNode*, size_t> para_;
  size_t page_para_ = 0;
  std::vector<const GumboNode*> elems_;
  std::string cur_;
  size_t link_chars_ = 0;
  int links_ = 0;
  bool space_ = false;
};

// ---------------------------------------------------------------------------------------------
// Container scoring (Readability's).

struct NodeStats {
  double score = 0;
  bool candidate = false;
  size_t chars = 0;
  size_t link_chars = 0;
  size_t good_chars = 0;  // in paragraphs that vote (below)
};

double class_weight(const GumboNode* n) {
  std::string ci = class_and_id(n);
  double w = 0;
  if (contains_any(ci, {"article", "content", "post", "entry", "story", "body", "main", "text", "blog"}))
    w += 25;
  if (boilerplate_class(ci))
    w -= 25;
  return w;
}

double tag_weight(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

bool is_ancestor(const GumboNode* a, const GumboNode* n) {
  for (; n; n = n->parent)
    if (n == a) return true;
  return false;
}

// Lines that are widgets, not text, wherever they stand.
bool boilerplate_line(std::string_view text) {
  if (text.size() > 40) return false;  // the longest line below
  std::string t = ascii_lower(trim(text));
  while (!t.empty() && (t.back() == ':' || t.back() == '.')) t.pop_back();
  static constexpr std::string_view kLines[] = {
      "x", "share", "share this", "share this article", "share on facebook", "share on twitter",
      "tweet", "email", "e-mail", "print", "facebook", "twitter", "linkedin", "whatsapp", "reddit",
      "pinterest", "copy link", "link copied", "advertisement", "advertising", "advert", "sponsored",
      "this slideshow requires javascript", "read more",
      "continue reading", "related posts", "related articles", "related stories", "related",
      "comments", "leave a comment", "leave a reply", "sign up", "subscribe", "loading",
      "see also", "more from", "you may also like", "recommended", "most popular", "trending"};
  for (auto l : kLines)
    if (t == l) return true;
  return false;
}

std::optional<Date> date_in_text(std::string_view s, std::string& text);

// A dateline or byline left in the body: "Updated 5:27 am, November 20, 2019".
bool dateline(std::string_view text) {
  if (text.size() > 100) return false;
  std::string low = ascii_lower(text.substr(0, 16));
  bool lead = false;
  for (std::string_view w : {"updated", "published", "posted", "last updated", "first published"})
    lead = lead || low.starts_with(w);
  std::string found;
  return lead && date_in_text(text, found).has_value();
}

std::string extract_body(const std::vector<Block>& blocks, std::string_view title) {
  std::unordered_map<const GumboNode*, NodeStats> stats;
  // Text and link text per element, for link density.
  for (const Block& b : blocks)
    for (const GumboNode* n = b.elem; n; n = n->parent) {
      auto& s = stats[n];
      s.chars += b.text.size();
      s.link_chars += b.link_chars;
    }
  auto link_density = [&](const GumboNode* n) {
    const auto& s = stats[n];
    return s.chars ? static_cast<double>(s.link_chars) / static_cast<double>(s.chars) : 0.0;
  };
  // Paragraphs vote for their ancestors.
  for (const Block& b : blocks) {
    if (is_heading(b.tag) || b.tag == GUMBO_TAG_LI) continue;
    size_t len = b.text.size();
    if (len < 25) continue;
    double bld = static_cast<double>(b.link_chars) / static_cast<double>(len);
    if (bld > 0.5) continue;
    for (const GumboNode* n = b.elem; n; n = n->parent) stats[n].good_chars += len;
    double s = 1 + static_cast<double>(std::count(b.text.begin(), b.text.end(), ',')) +
               std::min(static_cast<double>(len) / 100.0, 3.0);
    const GumboNode* n = b.tag == GUMBO_TAG_P || b.tag == GUMBO_TAG_PRE || b.tag == GUMBO_TAG_TD
                             ? b.elem->parent
                             : b.elem;
    for (int level = 0; n && n->type == GUMBO_NODE_ELEMENT && level < 5; ++level, n = n->parent) {
      auto& st = stats[n];
      if (!st.candidate) {
        st.candidate = true;
        st.score += tag_weight(tag_of(n)) + class_weight(n);
      }
      st.score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
  }
  const GumboNode* top = nullptr;
  double best = 0;
  for (auto& [n, st] : stats) {
    if (!st.candidate) continue;
    st.score *= 1 - link_density(n);
    if (!top || st.score > best) {
      top = n;
      best = st.score;
    }
  }
  if (!top) {  // no paragraph: take every decent block
    std::string out;
    for (const Block& b : blocks)
      if (b.text.size() >= 25 && b.link_chars * 2 < b.text.size()) {
        if (!out.empty()) out += "\n\n";
        out += b.text;
      }
    return out;
  }
  // An article split into sections: climb to an ancestor (up to eight levels up at a time)
  // that holds clearly more paragraph text and is not link-heavy.
  for (bool climbed = true; climbed;) {
    climbed = false;
    const GumboNode* a = top->parent;
    for (int level = 0; level < 8 && a && a->type == GUMBO_NODE_ELEMENT && tag_of(a) != GUMBO_TAG_BODY &&
                        tag_of(a) != GUMBO_TAG_HTML;
         ++level, a = a->parent) {
      if (static_cast<double>(stats[a].good_chars) >= 1.5 * static_cast<double>(stats[top].good_chars) &&
          link_density(a) <= 0.3) {
        top = a;
        climbed = true;
        break;
      }
    }
  }
  best = stats[top].score;
  // The container and its good siblings.
  std::vector<const GumboNode*> chosen = {top};
  if (const GumboNode* parent = top->parent; parent && parent->type == GUMBO_NODE_ELEMENT) {
    double threshold = std::max(10.0, best * 0.2);
    const GumboVector& kids = parent->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* sib = static_cast<const GumboNode*>(kids.data[i]);
      if (sib == top || sib->type != GUMBO_NODE_ELEMENT) continue;
      auto it = stats.find(sib);
      if (it == stats.end()) continue;
      bool take = it->second.candidate && it->second.score >= threshold;
      if (!take && tag_of(sib) == GUMBO_TAG_P) {
        double ld = link_density(sib);
        size_t len = it->second.chars;
        take = (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0);
      }
      if (take) chosen.push_back(sib);
    }
  }
  std::string out;
  for (const Block& b : blocks) {
    bool inside = false;
    for (const GumboNode* c : chosen)
      if (is_ancestor(c, b.elem)) {
        inside = true;
        break;
      }
    if (!inside) continue;
    double ld = static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
    if (ld > 0.5) continue;
    if (b.tag == GUMBO_TAG_LI && ld > 0.6) continue;
    if (boilerplate_line(b.text) || dateline(b.text)) continue;
    if (is_heading(b.tag) && !title.empty() && trim(b.text) == trim(title)) continue;
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metadata.

// The string value of "key": "..." in a JSON text (JSON-LD), unescaped minimally.
std::string json_string_field(std::string_view json, std::string_view key) {
  std::string quoted;
  quoted.reserve(key.size() + 2);
  quoted += '"';
  quoted += key;
  quoted += '"';
  size_t p = json.find(quoted);
  while (p != std::string_view::npos) {
    size_t q = p + quoted.size();
    while (q < json.size() && std::isspace(static_cast<unsigned char>(json[q]))) ++q;
    if (q < json.size() && json[q] == ':') {
      ++q;
      while (q < json.size() && std::isspace(static_cast<unsigned char>(json[q]))) ++q;
      if (q < json.size() && json[q] == '"') {
        std::string v;
        for (++q; q < json.size() && json[q] != '"'; ++q) {
          if (json[q] == '\\' && q + 1 < json.size()) ++q;
          v += json[q];
        }
        return v;
      }
    }
    p = json.find(quoted, p + 1);
  }
  return {};
}

struct Meta {
  std::unordered_map<std::string, std::string> named;  // meta name/property/itemprop -> content
  std::string title, canonical, json_ld;
};

void collect_meta(const GumboNode* n, Meta& m, int depth) {
  if (depth > 400 || n->type != GUMBO_NODE_ELEMENT) return;
  GumboTag t = tag_of(n);
  if (t == GUMBO_TAG_META) {
    const char* content = attr(n, "content");
    if (!content) content = attr(n, "datetime");
    if (content) {
      for (const char* k : {"property", "name", "itemprop"})
        if (const char* key = attr(n, k)) m.named.emplace(ascii_lower(key), trim(content));
    }
  } else if (t == GUMBO_TAG_LINK) {
    const char* rel = attr(n, "rel");
    const char* href = attr(n, "href");
    if (rel && href && m.canonical.empty() && ascii_lower(rel) == "canonical") m.canonical = trim(href);
  } else if (t == GUMBO_TAG_TITLE && m.title.empty()) {
    bool sp = false;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_TEXT) append_collapsed(m.title, k->v.text.text, sp);
    }
  } else if (t == GUMBO_TAG_SCRIPT) {
    const char* type = attr(n, "type");
    if (type && ascii_lower(type) == "application/ld+json") {
      const GumboVector& kids = n->v.element.children;
      for (unsigned i = 0; i < kids.length; ++i) {
        auto* k = static_cast<const GumboNode*>(kids.data[i]);
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
          m.json_ld += k->v.text.text;
          m.json_ld += '\n';
        }
      }
    }
    return;
  }
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) collect_meta(static_cast<const GumboNode*>(kids.data[i]), m, depth + 1);
}

std::string named(const Meta& m, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (auto it = m.named.find(k); it != m.named.end() && !it->second.empty()) return it->second;
  return {};
}

// "/2024/03/05/" or "2024-03-05" (also "/2024/03/" is not enough) in a URL.
std::optional<Date> date_in_url(std::string_view url, std::string& text) {
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    auto digits = [&](size_t p, size_t n) {
      for (size_t k = 0; k < n; ++k)
        if (p + k >= url.size() || !std::isdigit(static_cast<unsigned char>(url[p + k]))) return false;
      return true;
    };
    if (i > 0 && std::isdigit(static_cast<unsigned char>(url[i - 1]))) continue;
    if (!digits(i, 4)) continue;
    char sep = url[i + 4];
    if ((sep != '/' && sep != '-' && sep != '_') || !digits(i + 5, 2) || url[i + 7] != sep || !digits(i + 8, 2))
      continue;
    if (i + 10 < url.size() && std::isdigit(static_cast<unsigned char>(url[i + 10]))) continue;
    int y = std::stoi(std::string(url.substr(i, 4)));
    int mo = std::stoi(std::string(url.substr(i + 5, 2)));
    int d = std::stoi(std::string(url.substr(i + 8, 2)));
    if (y >= 1990 && y <= 2100 && Date::valid(y, mo, d)) {
      text = std::string(url.substr(i, 10));
      return Date{y, mo, d};
    }
  }
  return std::nullopt;
}

// "March 5, 2024", "Mar. 5 2024", "5 March 2024", "2024-03-05" in visible text.
std::optional<Date> date_in_text(std::string_view s, std::string& text) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string low = ascii_lower(s);
  auto number_at = [&](size_t& p, size_t max_digits) {
    int v = 0;
    size_t n = 0;
    while (p < low.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(low[p]))) {
      v = v * 10 + (low[p] - '0');
      ++p;
      ++n;
    }
    if (p < low.size() && std::isdigit(static_cast<unsigned char>(low[p]))) return -1;
    return n ? v : -1;
  };
  auto skip = [&](size_t& p) {
    while (p < low.size() && (low[p] == ' ' || low[p] == ',' || low[p] == '.')) ++p;
  };
  for (size_t i = 0; i < low.size(); ++i) {
    if (i > 0 && std::isalpha(static_cast<unsigned char>(low[i - 1]))) continue;
    for (int m = 0; m < 12; ++m) {
      if (low.compare(i, 3, kMonths[m]) != 0) continue;
      size_t p = i + 3;
      while (p < low.size() && std::isalpha(static_cast<unsigned char>(low[p]))) ++p;
      size_t after_month = p;
      skip(p);
      int d = number_at(p, 2);
      if (d > 0) {  // Month D, YYYY
        if (p + 1 < low.size() && low.compare(p, 2, "st") == 0) p += 2;
        else if (p + 1 < low.size() && (low.compare(p, 2, "nd") == 0 || low.compare(p, 2, "rd") == 0 ||
                                        low.compare(p, 2, "th") == 0))
          p += 2;
        skip(p);
        int y = number_at(p, 4);
        if (y >= 1990 && y <= 2100 && Date::valid(y, m + 1, d)) {
          text = std::string(s.substr(i, p - i));
          return Date{y, m + 1, d};
        }
      }
      // D Month YYYY
      size_t q = i;
      while (q > 0 && low[q - 1] == ' ') --q;
      size_t ds = q;
      while (ds > 0 && std::isdigit(static_cast<unsigned char>(low[ds - 1]))) --ds;
      if (ds < q && q - ds <= 2 && (ds == 0 || !std::isdigit(static_cast<unsigned char>(low[ds - 1])))) {
        int d2 = std::stoi(low.substr(ds, q - ds));
        size_t p2 = after_month;
        skip(p2);
        int y = number_at(p2, 4);
        if (y >= 1990 && y <= 2100 && Date::valid(y, m + 1, d2)) {
          text = std::string(s.substr(ds, p2 - ds));
          return Date{y, m + 1, d2};
        }
      }
    }
  }
  if (auto d = date_in_url(s, text)) return d;
  return std::nullopt;
}

// A date in a visible byline: a short text whose own words or whose element's class/id (up
// to three levels up) say it is a date ("Published March 5, 2024", <span class="post-date">).
bool find_byline_date(const GumboNode* n, int depth, Article& out) {
  if (depth > 400 || n->type != GUMBO_NODE_ELEMENT) return false;
  GumboTag t = tag_of(n);
  if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_NOSCRIPT) return false;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (k->type == GUMBO_NODE_TEXT) {
      std::string_view text = trim(k->v.text.text);
      if (text.size() < 8 || text.size() > 120) continue;
      bool context = contains_any(ascii_lower(text), {"published", "posted", "updated", "by "});
      const GumboNode* a = n;
      for (int up = 0; !context && up < 3 && a && a->type == GUMBO_NODE_ELEMENT; ++up, a = a->parent)
        context = contains_any(class_and_id(a), {"date", "time", "byline", "publish", "posted", "meta", "dateline"});
      if (!context) continue;
      std::string found;
      if (auto d = date_in_text(text, found)) {
        out.date = d;
        out.date_text = found;
        return true;
      }
    } else if (find_byline_date(k, depth + 1, out)) {
      return true;
    }
  }
  return false;
}

bool set_date(Article& out, std::string_view raw) {
  std::string r(trim(raw));
  if (r.empty()) return false;
  auto d = Date::parse_iso(r);
  std::string found;
  if (!d) d = date_in_text(r, found);
  if (!d || d->year < 1900) return false;
  out.date = d;
  out.date_text = std::string(trim(raw));
  return true;
}

std::string host_of(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return {};
  url.remove_prefix(p + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  return std::string(url);
}

// "Headline | Outlet" -> "Headline" (when a separator leaves a long enough headline).
std::string strip_site_suffix(const std::string& title) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "}) {
    size_t p = title.rfind(sep);
    if (p != std::string::npos && p >= 15 && title.size() - p - sep.size() <= 40)
      return title.substr(0, p);
  }
  return title;
}

struct GumboDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

bool extract_article(const HtmlPage& page, Article& out) {
  std::string html = prefilter_html(to_utf8(page.html, page.charset));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not recorded: real pages have thousands
  std::unique_ptr<GumboOutput, GumboDeleter> doc(gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!doc || !doc->root) return false;

  Meta meta;
  collect_meta(doc->root, meta, 0);
  BlockCollector collector(doc->root);
  collector.walk(doc->root, 0);

  // Title.
  std::string title = named(meta, {"og:title", "twitter:title"});
  if (title.empty()) title = json_string_field(meta.json_ld, "headline");
  if (title.empty()) title = strip_site_suffix(meta.title);
  if (title.empty()) title = collector.first_h1;
  if (!collector.first_h1.empty() && title != collector.first_h1 &&
      title.find(collector.first_h1) != std::string::npos)
    title = collector.first_h1;  // og:title with the outlet appended
  out.title = std::string(trim(title));

  // Canonical URL and outlet.
  out.url = meta.canonical;
  if (out.url.empty()) out.url = named(meta, {"og:url"});
  if (out.url.empty() || out.url.find("://") == std::string::npos) out.url = page.url.empty() ? out.url : page.url;
  out.source = named(meta, {"og:site_name", "application-name", "twitter:site"});
  if (!out.source.empty() && out.source[0] == '@' && out.source.size() > 1) out.source.erase(0, 1);
  if (out.source.empty()) out.source = host_of(out.url.empty() ? page.url : out.url);

  // Publication date: JSON-LD, <meta>, <time datetime>, the URL, a visible byline.
  out.date.reset();
  out.date_text.clear();
  bool dated = set_date(out, json_string_field(meta.json_ld, "datePublished")) ||
               set_date(out, named(meta, {"article:published_time", "datepublished", "og:published_time",
                                          "published_time", "pubdate", "publishdate", "publish-date",
                                          "publish_date", "parsely-pub-date", "sailthru.date", "dc.date",
                                          "dc.date.issued", "dcterms.date", "dcterms.created", "date",
                                          "article.published", "datecreated"}));
  for (size_t i = 0; !dated && i < collector.time_elements.size(); ++i)
    if (const char* dt = attr(collector.time_elements[i], "datetime")) dated = set_date(out, dt);
  if (!dated) {
    std::string text;
    for (const std::string& u : {out.url, page.url})
      if (auto d = date_in_url(u, text); !dated && d) {
        out.date = d;
        out.date_text = text;
        dated = true;
      }
  }
  if (!dated) find_byline_date(doc->root, 0, out);

  out.text = extract_body(collector.blocks, out.title);
  return out.text.find_first_not_of(" \n") != std::string::npos;
}

}  // namespace dyad
