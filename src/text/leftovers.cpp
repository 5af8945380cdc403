#include "text/leftovers.h"

#include <algorithm>
#include <initializer_list>
#include <string>

namespace dyad {
namespace {

namespace tf = token_flags;

bool same_lower(std::string_view w, std::string_view lower_word) {
  if (w.size() != lower_word.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i] >= 'A' && w[i] <= 'Z' ? static_cast<char>(w[i] + 32) : w[i];
    if (c != lower_word[i]) return false;
  }
  return true;
}

bool any_lower(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view x) { return same_lower(w, x); });
}

// A run of segments on one line (or paragraph): the unit the rules judge.
struct Line {
  size_t first_segment = 0, end_segment = 0;
  uint32_t first_token = 0, end_token = 0;
};

class LeftoverRules {
 public:
  LeftoverRules(std::string_view text, std::span<const Token> tokens) : text_(text), t_(tokens) {}

  std::string_view word(size_t i) const { return t_[i].text(text_); }
  std::string_view before_slash(size_t i) const { return word(i).substr(0, word(i).find('/')); }
  bool punct(size_t i) const { return t_[i].kind == TokenKind::kPunct || t_[i].kind == TokenKind::kSymbol; }

  // "X", "Share", "Tweet | Facebook | Email", "1.2K Shares", "Advertisement".
  bool is_widget(const Line& l) const {
    if (l.end_token - l.first_token > 16) return false;
    bool core = false;
    for (size_t i = l.first_token; i < l.end_token; ++i) {
      std::string_view w = word(i);
      if (punct(i) || t_[i].kind == TokenKind::kNumber) continue;
      if (t_[i].kind != TokenKind::kWord) return false;
      if (any_lower(w, {"x", "share", "shares", "tweet", "facebook", "twitter", "whatsapp", "email",
                        "e-mail", "print", "linkedin", "reddit", "pinterest", "telegram", "flipboard",
                        "messenger", "advertisement", "advert", "sponsored"})) {
        core = true;
      } else if (!any_lower(w, {"this", "article", "story", "page", "on", "via", "copy", "link",
                                "comments", "comment", "save", "bookmark", "sms", "mail", "gift",
                                "reprints", "permalink", "k", "m"})) {
        return false;
      }
    }
    return core;
  }

  // "Image caption, Protesters ...", "FILE PHOTO: ...", "Caption: ...".
  bool opens_caption(const Line& l) const {
    size_t b = l.first_token, n = l.end_token - b;
    if (n < 3) return false;
    std::string_view w0 = word(b), w1 = word(b + 1), w2 = word(b + 2);
    if (any_lower(w0, {"image", "media", "photo", "video"}) && same_lower(w1, "caption")) return true;
    if (any_lower(w0, {"caption", "pictured"}) && w1 == ":") return true;
    if (same_lower(w0, "file") && same_lower(w1, "photo") && w2 == ":") return true;
    return same_lower(w0, "photo") && w1 == ":" && n > 20;  // shorter ones are credits already
  }

  // A photo credit runs to the end of the line: "... REUTERS/Esam Omran Al-Fetori/File Photo",
  // "... (AP Photo/Hadi Mizban)", "... Photograph: Jane Doe/AFP via Getty Images".
  bool closes_with_credit(const Line& l) const {
    size_t b = l.first_token, e = l.end_token;
    if (e - b < 6) return false;
    size_t from = std::max<size_t>(b + 3, e > 12 ? e - 12 : 0);
    for (size_t i = from; i < e; ++i) {
      std::string_view w = word(i);
      size_t slash = w.find('/');
      bool agency = slash != std::string_view::npos && t_[i].has(tf::kAllCaps) &&
                    any_lower(w.substr(0, slash), {"reuters", "afp", "ap", "epa", "epa-efe", "xinhua",
                                                   "anadolu", "sipa", "sputnik", "tass", "upi"});
      bool labelled = i + 1 < e && any_lower(w, {"photograph", "photo", "photos", "picture"}) &&
                      (word(i + 1) == ":" || same_lower(word(i + 1), "credit"));
      bool bracketed = w == "(" && i + 1 < e &&
                       (any_lower(before_slash(i + 1), {"photo", "photograph", "picture"}) ||
                        (i + 2 < e && any_lower(word(i + 1), {"ap", "reuters", "afp", "getty"}) &&
                         any_lower(before_slash(i + 2), {"photo", "photos", "images"})));
      if ((agency || labelled || bracketed) && only_names_after(i + 1, e)) return true;
      if (same_lower(w, "getty") && i + 1 < e && same_lower(word(i + 1), "images") && only_names_after(i + 2, e))
        return true;
    }
    return false;
  }

  // Nothing but capitalised names, slashes, credit words and punctuation to the line's end.
  bool only_names_after(size_t i, size_t e) const {
    for (; i < e; ++i) {
      if (punct(i) || t_[i].has(tf::kUpperInitial)) continue;
      if (any_lower(word(i), {"via", "by", "for", "of", "de", "al", "el", "van", "von", "credit", "photo"}))
        continue;
      return false;
    }
    return true;
  }

  // The line's words, lower-cased and space-separated, a trailing colon left out.
  std::string heading_of(const Line& l) const {
    std::string out;
    for (size_t i = l.first_token; i < l.end_token; ++i) {
      std::string_view w = word(i);
      if (w == ":" && i + 1 == l.end_token) break;
      if (!out.empty()) out += ' ';
      for (char c : w) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    return out;
  }

  // A heading over a list of other stories: "Related Posts", "Read more", "You may also like".
  bool is_related_heading(const Line& l) const {
    if (l.end_token - l.first_token > 6) return false;
    std::string h = heading_of(l);
    for (std::string_view k : {"related", "related posts", "related articles", "related stories",
                               "related news", "related content", "related coverage", "related links",
                               "read more", "read also", "also read", "see also", "more stories",
                               "more news", "you may also like", "you might also like",
                               "you may be interested in", "recommended", "recommended for you",
                               "recommended stories", "most read", "most popular", "more from us",
                               "more on this story", "top stories", "further reading", "trending now"})
      if (h == k) return true;
    return false;
  }

  // An item of a list of stories: a headline, short and without final punctuation.
  bool is_list_item(const Line& l) const {
    return l.end_token - l.first_token <= 30 && !t_[l.end_token - 1].has(tf::kTerminal);
  }

  // "Related: Libya talks collapse", "READ MORE: ..." — a single teaser line.
  bool is_teaser(const Line& l) const {
    size_t b = l.first_token, e = l.end_token;
    if (e - b < 3 || e - b > 30) return false;
    if (word(b + 1) == ":") return any_lower(word(b), {"related"});
    return e - b > 3 && word(b + 2) == ":" &&
           ((same_lower(word(b), "read") && any_lower(word(b + 1), {"more", "also"})) ||
            (any_lower(word(b), {"also", "see"}) && any_lower(word(b + 1), {"read", "also"})));
  }

 private:
  std::string_view text_;
  std::span<const Token> t_;
};

std::vector<Line> lines_of(std::span<const Token> tokens, const std::vector<Sentence>& segments) {
  std::vector<Line> lines;
  for (size_t s = 0; s < segments.size(); ++s) {
    const Sentence& seg = segments[s];
    bool starts = seg.first_token == 0 || tokens[seg.first_token].gap >= Gap::kLine;
    if (starts || lines.empty()) lines.push_back({s, s, seg.first_token, seg.first_token});
    lines.back().end_segment = s + 1;
    lines.back().end_token = seg.end_token;
  }
  return lines;
}

}  // namespace

void mark_leftovers(std::string_view text, std::span<const Token> tokens, std::vector<Sentence>& segments) {
  if (segments.empty()) return;
  LeftoverRules rules(text, tokens);
  std::vector<Line> lines = lines_of(tokens, segments);
  auto mark = [&](const Line& l) {
    for (size_t s = l.first_segment; s < l.end_segment; ++s) segments[s].kind = SegmentKind::kBoilerplate;
  };
  bool story_seen = false;  // a body sentence came before: a related-stories heading ends it
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (rules.is_widget(l) || rules.opens_caption(l) || rules.closes_with_credit(l) || rules.is_teaser(l)) {
      mark(l);
      continue;
    }
    if (story_seen && rules.is_related_heading(l)) {
      mark(l);
      // The list: the headlines that follow, up to the first line of prose.
      while (i + 1 < lines.size() && rules.is_list_item(lines[i + 1])) mark(lines[++i]);
      continue;
    }
    for (size_t s = l.first_segment; s < l.end_segment; ++s)
      story_seen = story_seen || segments[s].kind == SegmentKind::kBody;
  }
}

}  // namespace dyad
