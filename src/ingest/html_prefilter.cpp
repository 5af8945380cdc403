#include "ingest/html_prefilter.h"

#include <array>
#include <cstring>

namespace dyad {
namespace {

constexpr size_t npos = std::string_view::npos;

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The tag name at `at`, lower-cased; "" when it is longer than any name this pass knows.
std::string_view tag_name(std::string_view s, size_t at, std::array<char, 16>& buf) {
  size_t n = 0;
  while (at + n < s.size() && is_name_char(s[at + n])) {
    if (n == buf.size()) return {};
    buf[n] = lower(s[at + n]);
    ++n;
  }
  return {buf.data(), n};
}

// Just past the '>' that ends the tag whose attributes start at `p` (quoted values may hold
// '>'), or npos.
size_t tag_end(std::string_view s, size_t p) {
  char quote = 0, last = 0;
  for (size_t i = p; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && last == '=') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    } else if (!is_space(c)) {
      last = c;
    }
  }
  return npos;
}

bool starts_with_name(std::string_view s, size_t at, std::string_view name) {
  if (s.size() - at < name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if (lower(s[at + i]) != name[i]) return false;
  return at + name.size() == s.size() || !is_name_char(s[at + name.size()]);
}

// Where "</name" next starts at or after `p`, or npos.
size_t find_end_tag(std::string_view s, size_t p, std::string_view name) {
  while ((p = s.find("</", p)) != npos) {
    if (starts_with_name(s, p + 2, name)) return p;
    p += 2;
  }
  return npos;
}

// Where the "</name" that closes an element opened before `p` starts, counting nested
// elements of the same name, or npos.
size_t find_matching_end_tag(std::string_view s, size_t p, std::string_view name) {
  int open = 1;
  while (p < s.size()) {
    const void* lt = std::memchr(s.data() + p, '<', s.size() - p);
    if (!lt) return npos;
    p = static_cast<size_t>(static_cast<const char*>(lt) - s.data());
    if (p + 1 < s.size() && s[p + 1] == '/' && starts_with_name(s, p + 2, name)) {
      if (--open == 0) return p;
    } else if (starts_with_name(s, p + 1, name)) {
      ++open;
    }
    ++p;
  }
  return npos;
}

// Just past the end of the comment that starts at `p` ("<!--"), or the end of the input.
size_t comment_end(std::string_view s, size_t p) {
  size_t q = p + 4;
  if (s.substr(q, 1) == ">") return q + 1;   // <!-->
  if (s.substr(q, 2) == "->") return q + 2;  // <!--->
  for (; (q = s.find("--", q)) != npos; ++q) {
    if (s.substr(q + 2, 1) == ">") return q + 3;
    if (s.substr(q + 2, 2) == "!>") return q + 4;
  }
  return s.size();
}

enum class Content { kMarkup, kDropRaw, kDropNested, kKeepRaw, kVoid, kUncounted };

// What follows a start tag of this name, and whether it counts towards the depth.
Content content_of(std::string_view name) {
  static constexpr std::string_view kDropRaw[] = {"script", "style", "noscript", "iframe",
                                                  "xmp", "noembed", "noframes"};
  static constexpr std::string_view kDropNested[] = {"svg", "template"};
  static constexpr std::string_view kKeepRaw[] = {"title", "textarea"};
  // Elements without an end tag, and those whose end tag pages routinely leave out.
  static constexpr std::string_view kVoid[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"};
  static constexpr std::string_view kUncounted[] = {
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
      "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body"};
  for (auto n : kDropRaw) if (n == name) return Content::kDropRaw;
  for (auto n : kDropNested) if (n == name) return Content::kDropNested;
  for (auto n : kKeepRaw) if (n == name) return Content::kKeepRaw;
  for (auto n : kVoid) if (n == name) return Content::kVoid;
  for (auto n : kUncounted) if (n == name) return Content::kUncounted;
  return Content::kMarkup;
}

bool is_json_ld(std::string_view tag) {
  std::string lowered(tag);
  for (char& c : lowered) c = lower(c);
  return lowered.find("ld+json") != npos;
}

}  // namespace

std::string prefilter_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int depth = 0;
  size_t p = 0;
  std::array<char, 16> buf;
  while (p < s.size()) {
    const void* lt = std::memchr(s.data() + p, '<', s.size() - p);
    size_t q = lt ? static_cast<size_t>(static_cast<const char*>(lt) - s.data()) : s.size();
    out.append(s.substr(p, q - p));
    p = q;
    if (p >= s.size()) break;

    if (s.compare(p, 4, "<!--") == 0) {
      p = comment_end(s, p);
      continue;
    }
    bool end_tag = p + 1 < s.size() && s[p + 1] == '/';
    size_t name_at = p + (end_tag ? 2 : 1);
    std::string_view name = tag_name(s, name_at, buf);
    size_t after = name.empty() ? npos : tag_end(s, name_at + name.size());
    if (name.empty() || lower(name[0]) < 'a' || lower(name[0]) > 'z' || after == npos) {
      out += '<';  // not a tag this pass understands: the parser decides
      ++p;
      continue;
    }
    std::string_view tag = s.substr(p, after - p);
    Content content = content_of(name);
    bool counted = content == Content::kMarkup && tag.substr(tag.size() >= 2 ? tag.size() - 2 : 0) != "/>";
    if (end_tag) {
      if (counted && depth-- > kMaxHtmlDepth) {
        p = after;  // closes an element whose start tag was dropped
        continue;
      }
      if (depth < 0) depth = 0;
      out.append(tag);
      p = after;
      continue;
    }
    if (counted && ++depth > kMaxHtmlDepth) {
      p = after;
      continue;
    }
    out.append(tag);
    p = after;
    size_t close = npos;
    switch (content) {
      case Content::kDropRaw:
        if (name == "script" && is_json_ld(tag)) continue;
        close = find_end_tag(s, p, name);
        break;
      case Content::kDropNested:
        if (tag.ends_with("/>")) continue;
        close = find_matching_end_tag(s, p, name);
        break;
      case Content::kKeepRaw:
        close = find_end_tag(s, p, name);
        if (close == npos) close = s.size();
        out.append(s.substr(p, close - p));
        break;
      default:
        continue;
    }
    // Raw text runs to the end of the input when it is never closed, as the parser would read it.
    p = close == npos ? s.size() : close;
  }
  return out;
}

}  // namespace dyad
