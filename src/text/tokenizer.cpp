#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/chars.h"
#include "text/lexicon.h"

namespace dyad {
namespace {

namespace tf = token_flags;
using chars::Class;
using chars::CodePoint;

constexpr char32_t kRightSingleQuote = 0x2019;  // ’
constexpr char32_t kEllipsis = 0x2026;          // …

// What the main loop needs to know of a byte.
enum ByteKind : uint8_t { kOtherByte, kLowerByte, kUpperByte, kDigitByte, kBlankByte, kLfByte, kCrByte, kHighByte };

constexpr std::array<uint8_t, 256> make_byte_kinds() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = c >= 0x80            ? kHighByte
           : c >= 'a' && c <= 'z' ? kLowerByte
           : c >= 'A' && c <= 'Z' ? kUpperByte
           : c >= '0' && c <= '9' ? kDigitByte
           : c == ' ' || c == '\t' || c == '\v' || c == '\f' ? kBlankByte
           : c == '\n'           ? kLfByte
           : c == '\r'           ? kCrByte
                                  : kOtherByte;
  }
  return t;
}
constexpr auto kByteKinds = make_byte_kinds();

bool ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == kRightSingleQuote; }

// Splits one white-space-delimited chunk of text into tokens.
class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<Token>& out) : text_(text), out_(out) {}

  // What the main loop learnt of a chunk while finding its end: the length of its leading
  // run of ASCII letters and digits, and the letter cases in that run.
  struct Shape {
    size_t word_end = 0;  // end of the leading ASCII alphanumeric run
    int upper = 0, lower = 0;
    uint8_t first = kOtherByte;
  };

  void split(size_t b, size_t e, Gap gap, const Shape& shape) {
    gap_ = gap;
    // Fast paths for the common chunks: "word" and "word," / "word." / "word?".
    if (shape.word_end > b && (shape.word_end == e || shape.word_end + 1 == e)) {
      char last = byte(e - 1);
      bool plain = shape.word_end == e;
      bool punct = !plain && (last == ',' || last == ';' || last == ':' || last == '!' || last == '?');
      bool period = !plain && last == '.' && !keeps_period(b, e);
      if (plain || punct || period) {
        emit_ascii_word(b, shape.word_end, shape);
        if (!plain) emit(e - 1, e, last == ',' || last == ';' || last == ':' ? 0 : tf::kTerminal,
                         TokenKind::kPunct);
        return;
      }
    }
    split_general(b, e);
  }

 private:
  void emit_ascii_word(size_t b, size_t e, const Shape& shape) {
    uint16_t flags = shape.first == kUpperByte   ? tf::kUpperInitial
                     : shape.first == kLowerByte ? tf::kLowerInitial
                                                 : tf::kDigitInitial;
    if (shape.upper >= 2 && shape.lower == 0) flags |= tf::kAllCaps;
    TokenKind kind = shape.first == kDigitByte ? TokenKind::kNumber : TokenKind::kWord;
    if (kind == TokenKind::kNumber) flags = tf::kDigitInitial;
    out_.push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), flags, kind, gap_});
    gap_ = Gap::kNone;
  }

  CodePoint at(size_t i) const { return chars::at(text_, i); }
  CodePoint before(size_t i) const { return chars::before(text_, i); }
  char byte(size_t i) const { return text_[i]; }

  void split_general(size_t b, size_t e) {
    // Dashes and ellipses between words split the chunk first ("(AP)—Lebanese", "war--and"),
    // so each side gets its own prefix and suffix handling. Not inside URLs and addresses.
    if (Infix infix = hard_infix(b, e); infix.len) {
      split_general(b, infix.at);
      emit(infix.at, infix.at + infix.len, infix.flags, TokenKind::kPunct);
      split_general(infix.at + infix.len, e);
      return;
    }
    // Prefixes.
    while (b < e) {
      TokenKind special;
      if (size_t end = match_special(b, e, special)) {
        emit(b, end, 0, special);
        if (end < e) split_general(end, e);  // what follows is trailing punctuation
        return;
      }
      CodePoint cp = at(b);
      size_t next = b + cp.len;
      if (cp.cp == '`' && next < e && byte(next) == '`') {
        emit(b, next + 1, tf::kOpening, TokenKind::kPunct);
        b = next + 1;
      } else if (cp.cls == Class::kOpen || cp.cp == '"' || cp.cp == '`' || cp.cp == 0x2018) {
        emit(b, next, tf::kOpening, TokenKind::kPunct);
        b = next;
      } else if (is_apostrophe(cp.cp)) {
        if (next < e && at(next).cls == Class::kDigit) break;  // '90s
        emit(b, next, tf::kOpening, TokenKind::kPunct);
        b = next;
      } else if (cp.cls == Class::kCurrency && (next == e || at(next).cls == Class::kDigit)) {
        emit(b, next, 0, TokenKind::kSymbol);
        b = next;
      } else if (size_t cur = currency_code_end(b, e)) {  // US$, HK$, A$
        emit(b, cur, 0, TokenKind::kSymbol);
        b = cur;
      } else if (cp.cls == Class::kDash) {
        if (cp.cp == '-' && next < e && at(next).cls == Class::kDigit) break;  // -0.5
        size_t end = cp.cp == '-' && next < e && byte(next) == '-' ? next + 1 : next;
        if (end == next && cp.cp == '-' && next < e) break;  // "-word": keep as it is
        emit(b, end, tf::kDash, TokenKind::kPunct);
        b = end;
      } else if (cp.cp == '.') {
        if (next < e && at(next).cls == Class::kDigit) break;  // .45
        size_t end = text_.substr(b, 3) == "..." && b + 3 <= e ? b + 3 : next;
        emit(b, end, tf::kTerminal, TokenKind::kPunct);
        b = end;
      } else if (cp.cp == kEllipsis || cp.cp == '!' || cp.cp == '?') {
        emit(b, next, tf::kTerminal, TokenKind::kPunct);
        b = next;
      } else if (cp.cls == Class::kPunct && cp.cp != '#' && cp.cp != '@' && cp.cp != '_' &&
                 cp.cp != '&') {
        emit(b, next, 0, TokenKind::kPunct);
        b = next;
      } else {
        break;
      }
    }

    // Suffixes, collected from the end and emitted after the core.
    struct Suffix {
      size_t b, e;
      uint16_t flags;
      TokenKind kind;
    };
    std::array<Suffix, 24> suffixes;
    size_t ns = 0;
    auto push = [&](size_t sb, uint16_t flags, TokenKind kind = TokenKind::kPunct) {
      suffixes[ns++] = {sb, e, flags, kind};
      e = sb;
    };
    while (e > b && ns < suffixes.size()) {
      CodePoint cp = before(e);
      size_t start = e - cp.len;
      if (cp.cp == '\'' && start > b && byte(start - 1) == '\'') {
        push(start - 1, tf::kClosing);  // ''
      } else if (is_apostrophe(cp.cp) || cp.cp == '"' || cp.cls == Class::kClose) {
        push(start, tf::kClosing);
      } else if (cp.cp == '!' || cp.cp == '?' || cp.cp == kEllipsis) {
        push(start, tf::kTerminal);
      } else if (cp.cp == ',' || cp.cp == ';' || cp.cp == ':' || cp.cp == '*' || cp.cp == '/') {
        push(start, 0);
      } else if (cp.cp == '.') {
        if (start >= b + 2 && text_.substr(start - 2, 3) == "...") {
          push(start - 2, tf::kTerminal);
        } else if (keeps_period(b, e)) {
          break;
        } else {
          push(start, tf::kTerminal);
        }
      } else if ((cp.cp == '%' || cp.cp == 0x2030) && start > b && before(start).cls == Class::kDigit) {
        push(start, 0, TokenKind::kSymbol);
      } else if (cp.cls == Class::kDash && start > b) {
        if (cp.cp == '-' && byte(start - 1) == '-') {
          push(start - 1, tf::kDash);
        } else if (cp.cp == '-' || cp.cp == 0x2010 || cp.cp == 0x2011) {
          break;  // "pre-" as in "pre- and post-war"
        } else {
          push(start, tf::kDash);
        }
      } else {
        break;
      }
    }

    if (b < e) split_core(b, e);
    while (ns > 0) {
      const Suffix& s = suffixes[--ns];
      emit(s.b, s.e, s.flags, s.kind);
    }
  }

  struct Infix {
    size_t at = 0, len = 0;
    uint16_t flags = 0;
  };
  // The first dash, "--" or ellipsis strictly inside [b, e), if any.
  Infix hard_infix(size_t b, size_t e) const {
    Infix found;
    for (size_t i = b + 1; i + 1 < e && !found.len;) {
      unsigned char c = static_cast<unsigned char>(byte(i));
      if (c < 0x80) {
        if (c == '-' && byte(i + 1) == '-' && i + 2 < e) found = {i, 2, tf::kDash};
        if (c == '.' && i + 3 < e && text_.substr(i, 3) == "...") found = {i, 3, tf::kTerminal};
        ++i;
        continue;
      }
      CodePoint cp = at(i);
      if (i + cp.len < e) {
        if (cp.cp == 0x2013 || cp.cp == 0x2014 || cp.cp == 0x2015) found = {i, cp.len, tf::kDash};
        if (cp.cp == kEllipsis) found = {i, cp.len, tf::kTerminal};
      }
      i += cp.len;
    }
    if (found.len) {
      std::string_view chunk = text_.substr(b, e - b);
      if (chunk.find("://") != std::string_view::npos || starts_with_ci(chunk, "www.") ||
          chunk.find('@') != std::string_view::npos)
        return {};
    }
    return found;
  }

  // Clitics, then infixes (commas between letters, a period between two words) in the core.
  void split_core(size_t b, size_t e) {
    size_t clitic = clitic_start(b, e);
    size_t core_end = clitic ? clitic : e;
    size_t piece = b;
    for (size_t i = b; i < core_end;) {
      CodePoint cp = at(i);
      size_t len = 0;
      uint16_t flags = 0;
      if (i > piece) {
        if ((cp.cp == ',' || cp.cp == ';') && i + 1 < core_end &&
            !(before(i).cls == Class::kDigit && at(i + 1).cls == Class::kDigit)) {
          len = 1;
        } else if (cp.cp == '.' && missing_space_after_period(piece, i, core_end)) {
          len = 1;
          flags = tf::kTerminal;
        }
      }
      if (len && i + len < core_end) {
        emit(piece, i, 0);
        emit(i, i + len, flags, TokenKind::kPunct);
        piece = i + len;
        i = piece;
      } else {
        i += cp.len;
      }
    }
    if (piece < core_end) emit(piece, core_end, 0);
    if (clitic) emit(clitic, e, 0, TokenKind::kWord);
  }

  // "Gharyan.The": a period between a word of three or more lower-case-ending letters and a
  // capitalised word, with no other period around (not "Ph.D", "St.Petersburg", "U.S").
  bool missing_space_after_period(size_t piece, size_t dot, size_t end) const {
    if (dot - piece < 3 || dot + 2 >= end) return false;
    for (size_t k = piece; k < dot; ++k)
      if (!chars::is_letter(chars::ascii_class(static_cast<unsigned char>(byte(k))))) return false;
    return chars::ascii_class(static_cast<unsigned char>(byte(dot - 1))) == Class::kLower &&
           chars::ascii_class(static_cast<unsigned char>(byte(dot + 1))) == Class::kUpper &&
           chars::ascii_class(static_cast<unsigned char>(byte(dot + 2))) == Class::kLower;
  }

  // Start of a clitic ('s n't 're 've 'll 'd 'm) ending the core, or 0.
  size_t clitic_start(size_t b, size_t e) const {
    if (e - b < 3) return 0;
    // Position of the apostrophe if the core ends in <apostrophe><letters 1-2>.
    for (size_t tail = 1; tail <= 2; ++tail) {
      if (e - b < tail + 2) break;
      size_t letters_start = e - tail;
      CodePoint ap = before(letters_start);
      if (!is_apostrophe(ap.cp)) continue;
      size_t ap_start = letters_start - ap.len;
      if (ap_start <= b) return 0;
      std::string_view suffix = text_.substr(letters_start, tail);
      auto is = [&](std::string_view w) { return starts_with_ci(suffix, w) && suffix.size() == w.size(); };
      Class prev = before(ap_start).cls;
      if (!(chars::is_letter(prev) || prev == Class::kDigit || before(ap_start).cp == '.')) return 0;
      if (is("s") || is("re") || is("ve") || is("ll") || is("d") || is("m")) {
        // n't: "didn't" splits before the n.
        return ap_start;
      }
      if (is("t") && ap_start - 1 > b && (byte(ap_start - 1) == 'n' || byte(ap_start - 1) == 'N'))
        return ap_start - 1;
      return 0;
    }
    return 0;
  }

  // Does the word [b, e) that ends in '.' keep its period? Abbreviations, acronyms, initials.
  bool keeps_period(size_t b, size_t e) const {
    size_t len = e - b;
    if (len < 2) return false;
    std::string_view w = text_.substr(b, len);
    Class first = chars::ascii_class(static_cast<unsigned char>(w[0]));
    if (len == 2) return first == Class::kUpper;  // initial: F.
    // Acronym: letter groups of one or two, each followed by a period (U.S., a.m., Ph.D.).
    size_t i = 0, groups = 0;
    while (i < len) {
      size_t g = i;
      while (i < len && chars::is_letter(chars::ascii_class(static_cast<unsigned char>(w[i])))) ++i;
      if (i - g == 0 || i - g > 2 || i == len || w[i] != '.') break;
      ++i;
      ++groups;
      if (i == len) {
        if (groups >= 2) return true;
        break;
      }
    }
    switch (lexicon::abbreviation(w.substr(0, len - 1))) {
      case lexicon::Abbrev::kNone: return false;
      case lexicon::Abbrev::kNumber: return number_follows(e);
      default: return true;
    }
  }

  // Is the next chunk after position e a number ("No. 10")?
  bool number_follows(size_t e) const {
    while (e < text_.size() && (text_[e] == ' ' || text_[e] == '\t')) ++e;
    return e < text_.size() && text_[e] >= '0' && text_[e] <= '9';
  }

  // A currency code glued to a dollar sign before a number: US$5, HK$3, A$40.
  size_t currency_code_end(size_t b, size_t e) const {
    size_t i = b;
    while (i < e && i - b < 3 && byte(i) >= 'A' && byte(i) <= 'Z') ++i;
    if (i == b || i + 1 >= e || byte(i) != '$') return 0;
    return chars::ascii_class(static_cast<unsigned char>(byte(i + 1))) == Class::kDigit ? i + 1 : 0;
  }

  // URL, e-mail address, @handle or #hashtag starting at b: returns its end, or 0.
  size_t match_special(size_t b, size_t e, TokenKind& kind) const {
    char c = byte(b);
    std::string_view rest = text_.substr(b, e - b);
    if (c == '@' || c == '#') {
      size_t i = b + 1;
      while (i < e) {
        CodePoint cp = at(i);
        if (!(chars::is_word_char(cp.cls) || cp.cp == '_')) break;
        i += cp.len;
      }
      if (i == b + 1) return 0;
      if (c == '#' && !chars::is_letter(at(b + 1).cls)) return 0;  // #1 is not a hashtag
      kind = c == '@' ? TokenKind::kHandle : TokenKind::kHashtag;
      return i;
    }
    if (starts_with_ci(rest, "http://") || starts_with_ci(rest, "https://") ||
        starts_with_ci(rest, "ftp://") || starts_with_ci(rest, "www.")) {
      size_t end = e;
      int open_parens = 0;
      for (size_t i = b; i < e; ++i) open_parens += byte(i) == '(' ? 1 : byte(i) == ')' ? -1 : 0;
      while (end > b) {
        CodePoint cp = before(end);
        bool strip = (cp.cp < 128 && std::string_view(".,;:!?'\"]}>").find(static_cast<char>(cp.cp)) !=
                                         std::string_view::npos) ||
                     cp.cls == Class::kClose || cp.cp == kRightSingleQuote;
        if (cp.cp == ')') strip = open_parens < 0 ? (++open_parens, true) : false;
        if (!strip) break;
        end -= cp.len;
      }
      kind = TokenKind::kUrl;
      return end > b + 4 ? end : 0;
    }
    size_t at_sign = rest.find('@');
    if (at_sign != std::string_view::npos && at_sign > 0) {
      auto local = [](char ch) {
        return ascii_word_char(static_cast<unsigned char>(ch)) ||
               std::string_view("._%+-").find(ch) != std::string_view::npos;
      };
      for (size_t i = 0; i < at_sign; ++i)
        if (!local(rest[i])) return 0;
      size_t i = at_sign + 1, last_dot = 0;
      while (i < rest.size() && (ascii_word_char(static_cast<unsigned char>(rest[i])) ||
                                 rest[i] == '-' || rest[i] == '.')) {
        if (rest[i] == '.') last_dot = i;
        ++i;
      }
      while (i > at_sign + 1 && rest[i - 1] == '.') --i;  // a final period ends the sentence
      if (last_dot == 0 || last_dot + 1 >= i) return 0;
      kind = TokenKind::kEmail;
      return b + i;
    }
    return 0;
  }


 public:
  // One standalone token with the flags its text implies.
  void emit_standalone(size_t b, size_t e, Gap gap) {
    gap_ = gap;
    std::string_view w = text_.substr(b, e - b);
    auto any = [&](std::initializer_list<std::string_view> set) {
      return std::find(set.begin(), set.end(), w) != set.end();
    };
    if (any({".", "!", "?", "...", "…"})) return emit(b, e, tf::kTerminal, TokenKind::kPunct);
    if (any({"``", "`", "(", "[", "{", "“", "‘", "«", "„"})) return emit(b, e, tf::kOpening, TokenKind::kPunct);
    if (any({"''", "'", ")", "]", "}", "”", "’", "»", "\""})) return emit(b, e, tf::kClosing, TokenKind::kPunct);
    if (any({"-", "--", "—", "–", "―"})) return emit(b, e, tf::kDash, TokenKind::kPunct);
    if (any({",", ";", ":"})) return emit(b, e, 0, TokenKind::kPunct);
    emit(b, e, 0);
  }

 private:
  void emit(size_t b, size_t e, uint16_t flags, TokenKind kind = TokenKind::kWord) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.gap = gap_;
    gap_ = Gap::kNone;
    unsigned char c0 = static_cast<unsigned char>(byte(b));
    if (kind == TokenKind::kWord) {
      // Classify the core: word, number or lone punctuation/symbol.
      CodePoint first = at(b);
      if (first.cls == Class::kDigit) {
        kind = TokenKind::kNumber;
      } else if ((c0 == '.' || c0 == '-' || c0 == '+' || c0 == '\'') && b + 1 < e &&
                 chars::ascii_class(static_cast<unsigned char>(byte(b + 1))) == Class::kDigit) {
        kind = TokenKind::kNumber;
      } else if (!chars::is_letter(first.cls) && first.cls != Class::kMark) {
        bool has_letter = false;
        for (size_t i = b; i < e && !has_letter;) {
          CodePoint cp = at(i);
          has_letter = chars::is_word_char(cp.cls);
          i += cp.len;
        }
        if (!has_letter)
          kind = first.cls == Class::kSymbol || first.cls == Class::kCurrency ? TokenKind::kSymbol
                                                                               : TokenKind::kPunct;
        if (first.cls == Class::kDash && !has_letter) flags |= tf::kDash;
      }
      if (byte(e - 1) == '.' && kind == TokenKind::kWord && e - b > 1) {
        flags |= tf::kAbbrev;
        if (lexicon::abbreviation(text_.substr(b, e - b - 1)) == lexicon::Abbrev::kTitle)
          flags |= tf::kTitle;
      }
    }
    if (kind == TokenKind::kWord || kind == TokenKind::kHashtag || kind == TokenKind::kHandle) {
      flags |= shape(b, e);
    } else if (kind == TokenKind::kNumber) {
      flags |= tf::kDigitInitial;
    }
    t.flags = flags;
    t.kind = kind;
    out_.push_back(t);
  }

  uint16_t shape(size_t b, size_t e) const {
    uint16_t flags = 0;
    int upper = 0, lower = 0;
    bool first = true;
    for (size_t i = b; i < e;) {
      unsigned char c = static_cast<unsigned char>(byte(i));
      Class cls;
      if (c < 0x80) {
        cls = chars::ascii_class(c);
        ++i;
      } else {
        CodePoint cp = at(i);
        cls = cp.cls;
        i += cp.len;
      }
      if (cls == Class::kUpper) ++upper;
      if (cls == Class::kLower) ++lower;
      if (first && (chars::is_letter(cls) || cls == Class::kDigit)) {
        first = false;
        flags |= cls == Class::kUpper ? tf::kUpperInitial
                 : cls == Class::kLower ? tf::kLowerInitial
                 : cls == Class::kDigit ? tf::kDigitInitial
                                        : 0;
      }
    }
    if (upper >= 2 && lower == 0) flags |= tf::kAllCaps;
    return flags;
  }

  std::string_view text_;
  std::vector<Token>& out_;
  Gap gap_ = Gap::kSpace;
};

}  // namespace

Token Tokenizer::classify(std::string_view text, uint32_t begin, uint32_t end, Gap gap) {
  std::vector<Token> out;
  ChunkSplitter(text, out).emit_standalone(begin, end, gap);
  return out.front();
}

Tokenizer::Result Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) const {
  Result result;
  ChunkSplitter splitter(text, out);
  size_t i = 0, n = text.size(), line_start = 0;
  int newlines = 0;
  bool start = true;
  auto end_line = [&](size_t at, size_t next_start) {
    result.longest_line = std::max<uint32_t>(result.longest_line, static_cast<uint32_t>(at - line_start));
    line_start = next_start;
    ++newlines;
  };
  while (i < n) {
    switch (kByteKinds[static_cast<unsigned char>(text[i])]) {
      case kBlankByte: ++i; continue;
      case kLfByte: end_line(i, i + 1); ++i; continue;
      case kCrByte: {
        size_t next = i + 1 < n && text[i + 1] == '\n' ? i + 2 : i + 1;
        end_line(i, next);
        i = next;
        continue;
      }
      case kHighByte: {
        CodePoint cp = chars::at(text, i);
        if (cp.cls == Class::kNewline) {
          end_line(i, i + cp.len);
          i += cp.len;
          continue;
        }
        if (cp.cls == Class::kSpace) {
          i += cp.len;
          continue;
        }
        break;
      }
      default: break;
    }
    // A chunk: everything up to the next white space.
    size_t b = i;
    ChunkSplitter::Shape shape;
    shape.first = kByteKinds[static_cast<unsigned char>(text[i])];
    bool in_word = true;
    while (i < n) {
      uint8_t k = kByteKinds[static_cast<unsigned char>(text[i])];
      if (k <= kDigitByte && k != kOtherByte) {
        shape.upper += in_word && k == kUpperByte;
        shape.lower += in_word && k == kLowerByte;
        ++i;
        continue;
      }
      if (in_word) {
        in_word = false;
        shape.word_end = i;
      }
      if (k == kOtherByte) {
        ++i;
      } else if (k == kHighByte) {
        CodePoint cp = chars::at(text, i);
        if (chars::is_space(cp.cls)) break;
        i += cp.len;
      } else {
        break;
      }
    }
    if (in_word) shape.word_end = i;
    Gap gap = start || newlines >= 2 ? Gap::kParagraph
              : newlines == 1        ? Gap::kLine
              : b > 0                ? Gap::kSpace
                                     : Gap::kNone;
    splitter.split(b, i, gap, shape);
    start = false;
    newlines = 0;
  }
  end_line(n, n);
  return result;
}

}  // namespace dyad
