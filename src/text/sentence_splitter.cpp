#include "text/sentence_splitter.h"

#include <algorithm>

#include "text/lexicon.h"

namespace dyad {
namespace {

namespace tf = token_flags;

bool equals_any(std::string_view w, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), w) != options.end();
}

// One pass over the tokens of a text.
class Splitter {
 public:
  Splitter(std::string_view text, std::span<const Token> tokens,
           const SentenceSplitter::Options& options, std::vector<Sentence>& out)
      : text_(text), t_(tokens), opt_(options), out_(out) {}

  void run() {
    const size_t n = t_.size();
    if (n == 0) return;
    try_dateline();
    for (size_t i = 0; i < n; ++i) {
      if (i > start_ && t_[i].gap >= Gap::kLine) {
        bool brk = t_[i].gap == Gap::kParagraph || line_break_ends_segment(i);
        line_start_ = i;
        if (brk) {
          close(i, /*at_break=*/true);
          try_dateline();
        }
      } else if (t_[i].gap >= Gap::kLine) {
        line_start_ = i;
      }
      if (t_[i].has(tf::kTerminal | tf::kAbbrev)) {
        size_t j = i + 1;
        while (j < n && t_[j].gap == Gap::kNone && t_[j].has(tf::kTerminal)) ++j;
        size_t closers = j;
        while (j < n && t_[j].gap == Gap::kNone && t_[j].has(tf::kClosing)) ++j;
        if (ends_sentence(i, j, j > closers)) {
          close(j, /*at_break=*/false);
          i = j - 1;
        }
      }
    }
    close(n, /*at_break=*/false);
  }

 private:
  std::string_view word(size_t i) const { return t_[i].text(text_); }

  bool upper(size_t i) const { return t_[i].has(tf::kUpperInitial); }
  bool lower(size_t i) const { return t_[i].has(tf::kLowerInitial); }

  // Does the sentence end after token i (with j the first token after the closing quotes)?
  bool ends_sentence(size_t i, size_t j, bool closed) const {
    if (j == t_.size()) return true;
    if (lower(j)) return false;
    // Glued to the next token only in "Gharyan.The", where the tokenizer split a missing space.
    if (t_[j].gap == Gap::kNone) return t_[j].kind == TokenKind::kWord && upper(j) && j == i + 1;
    const Token& t = t_[i];
    bool opens = t_[j].has(tf::kOpening);
    if (t.has(tf::kAbbrev)) {
      if (t.has(tf::kTitle)) return false;
      if (closed) return upper(j) || opens;
      if (opens) return true;
      return upper(j) && lexicon::is_sentence_starter(word(j));
    }
    // . ! ? … followed by anything that is not lower case and not trailing punctuation.
    return t_[j].kind != TokenKind::kPunct || opens || t_[j].has(tf::kDash);
  }

  // At token i, after one line break: does the line before it end the segment?
  bool line_break_ends_segment(size_t i) const {
    if (opt_.wrapped || lower(i)) return false;
    const Token& prev = t_[i - 1];
    if (prev.has(tf::kTitle)) return false;
    if (prev.has(tf::kTerminal | tf::kAbbrev | tf::kClosing)) return upper(i) || t_[i].has(tf::kOpening);
    std::string_view p = word(i - 1);
    if (p == "," || p == ";" || p == "(" || prev.has(tf::kDash)) return false;
    uint64_t line_len = prev.end - t_[line_start_].begin;
    return line_len * 4 < uint64_t{opt_.longest_line} * 3;
  }

  void close(size_t end, bool at_break) {
    if (end <= start_) return;
    Sentence s;
    s.first_token = static_cast<uint32_t>(start_);
    s.end_token = static_cast<uint32_t>(end);
    s.span = {t_[start_].begin, t_[end - 1].end};
    s.kind = classify(start_, end, at_break || end == t_.size());
    if (s.kind == SegmentKind::kBody) body_seen_ = true;
    out_.push_back(s);
    start_ = end;
  }

  SegmentKind classify(size_t b, size_t e, bool ends_line) const {
    if (!ends_line) return SegmentKind::kBody;
    if (is_credit(b, e)) return SegmentKind::kCredit;
    if (!starts_line(b)) return SegmentKind::kBody;
    if (is_byline(b, e)) return SegmentKind::kByline;
    if (e < t_.size() && !punctuated(b, e) && has_word(b, e)) return SegmentKind::kHeadline;
    return SegmentKind::kBody;
  }

  // Ends in sentence punctuation, possibly followed by closing quotes or brackets, or in an
  // abbreviation that may end a sentence (U.S.).
  bool punctuated(size_t b, size_t e) const {
    size_t last = e - 1;
    while (last > b && t_[last].has(tf::kClosing)) --last;
    const Token& t = t_[last];
    return t.has(tf::kTerminal) || (t.has(tf::kAbbrev) && !t.has(tf::kTitle) && t.end - t.begin > 2);
  }

  bool starts_line(size_t b) const { return b == 0 || t_[b].gap >= Gap::kLine; }

  bool has_word(size_t b, size_t e) const {
    for (size_t i = b; i < e; ++i)
      if (t_[i].kind == TokenKind::kWord) return true;
    return false;
  }

  // "By Jane Doe", "By JOHN MERCER, Example Wire".
  bool is_byline(size_t b, size_t e) const {
    if (e - b < 2 || e - b > 12 || !equals_any(word(b), {"By", "BY"}) || !upper(b + 1)) return false;
    for (size_t i = b + 1; i < e; ++i) {
      if (t_[i].has(tf::kTerminal)) return false;
      if (lower(i) && !equals_any(word(i), {"and", "of", "in", "for", "the", "de", "al", "van", "von"}))
        return false;
    }
    return true;
  }

  // "Photo: AFP", "(Photo by Jane Doe/Reuters)", "REUTERS/Stringer", "AFP via Getty Images".
  bool is_credit(size_t b, size_t e) const {
    if (e - b > 20) return false;
    size_t first = word(b) == "(" && e - b > 1 ? b + 1 : b;
    if (equals_any(word(first), {"Photo", "Photos", "Photograph", "Image", "Picture", "Video",
                                 "Credit", "PHOTO", "File", "Courtesy"}) &&
        first + 1 < e &&
        equals_any(word(first + 1), {":", "by", "credit", "courtesy", "photo", "/"}))
      return true;
    for (size_t i = b; i < e; ++i) {
      std::string_view w = word(i);
      if (w == "Getty" && i + 1 < e && word(i + 1) == "Images") return true;
      size_t slash = w.find('/');
      if (slash != std::string_view::npos &&
          equals_any(w.substr(0, slash), {"REUTERS", "AFP", "AP", "EPA", "XINHUA", "ANADOLU",
                                          "Reuters", "Getty"}) &&
          names_only(i + 1, e))  // a credit runs to the end: not "a Reuters/Ipsos poll found"
        return true;
    }
    return false;
  }

  bool names_only(size_t b, size_t e) const {
    for (size_t i = b; i < e; ++i)
      if (t_[i].kind != TokenKind::kPunct && !upper(i)) return false;
    return true;
  }

  // A dateline at the start of a segment before any body sentence:
  // PLACE[, Region|date] [(Agency)|/Agency/] -|--|—|–  followed by the story.
  void try_dateline() {
    if (body_seen_ || start_ >= t_.size() || !starts_line(start_)) return;
    size_t end = match_dateline(start_);
    if (!end) return;
    Sentence s;
    s.first_token = static_cast<uint32_t>(start_);
    s.end_token = static_cast<uint32_t>(end);
    s.span = {t_[start_].begin, t_[end - 1].end};
    s.kind = SegmentKind::kDateline;
    out_.push_back(s);
    start_ = end;
  }

  size_t match_dateline(size_t b) const {
    const size_t n = t_.size();
    size_t limit = std::min(n, b + 20);
    size_t k = b;
    if (t_[k].kind != TokenKind::kWord || !upper(k)) return 0;
    bool caps = t_[k].has(tf::kAllCaps), agency = false, date = false;
    if (equals_any(word(k), {"By", "BY"})) return 0;
    // The whole dateline stands on one line.
    for (size_t i = b + 1; i < limit; ++i) {
      if (t_[i].gap >= Gap::kLine) {
        limit = i;
        break;
      }
    }
    for (++k; k < limit && k - b < 4 && t_[k].kind == TokenKind::kWord && upper(k); ++k) {
    }
    while (k < limit && word(k) == ",") {
      ++k;
      while (k < limit && (t_[k].kind == TokenKind::kNumber ||
                           (t_[k].kind == TokenKind::kWord && upper(k)))) {
        date = date || t_[k].kind == TokenKind::kNumber;
        ++k;
      }
    }
    if (k < limit && (word(k) == "(" || word(k) == "/")) {
      std::string_view closer = word(k) == "(" ? ")" : "/";
      size_t c = k + 1;
      while (c < limit && c - k <= 6 && word(c) != closer) ++c;
      if (c >= limit || word(c) != closer || c == k + 1) return 0;
      agency = true;
      k = c + 1;
    }
    if (k >= limit || !(caps || agency || date)) return 0;
    if (!(t_[k].has(tf::kDash) || (word(k) == ":" && caps))) return 0;
    if (k + 1 >= n || lower(k + 1)) return 0;
    return k + 1;
  }

  std::string_view text_;
  std::span<const Token> t_;
  const SentenceSplitter::Options& opt_;
  std::vector<Sentence>& out_;
  size_t start_ = 0;       // first token of the open segment
  size_t line_start_ = 0;  // first token of the current line
  bool body_seen_ = false;
};

}  // namespace

void SentenceSplitter::split(std::string_view text, std::span<const Token> tokens,
                             const Options& options, std::vector<Sentence>& out) const {
  Splitter(text, tokens, options, out).run();
}

}  // namespace dyad
