#include "text/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>

#include "base/utf8.h"
#include "text/chars.h"

namespace dyad {
namespace {

// Marks are stripped only after letters of these scripts, where they are decoration for
// matching purposes (é, ğ, ά); elsewhere they are part of the letter.
bool strip_marks_after(char32_t base) {
  return base < 0x0370 ||                     // Latin, Latin-1, Latin Extended A/B, IPA
         (base >= 0x0370 && base < 0x0400) ||  // Greek
         (base >= 0x1E00 && base < 0x2000);    // Latin Extended Additional, Greek Extended
}

// Plain forms of the typographic punctuation news text is full of.
char32_t plain_punctuation(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    default: return cp;
  }
}

// Normalises one cluster (a base character and the marks after it) into `out`.
void normalize_cluster(std::string_view cluster, char32_t base, std::string& out) {
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
  if (strip_marks_after(base)) options |= UTF8PROC_STRIPMARK;
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
                                    static_cast<utf8proc_ssize_t>(cluster.size()), &mapped,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) {  // cannot happen for valid UTF-8; keep the input
    out.append(cluster);
    return;
  }
  std::string_view result(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  for (size_t i = 0; i < result.size();) {
    char32_t cp = decode_utf8(result, i);
    append_utf8(out, plain_punctuation(cp));
  }
  std::free(mapped);
}

// Calls emit(normalised_bytes_begin, source_begin, source_end) per cluster.
template <typename Emit>
void normalize(std::string_view in, std::string& out, Emit&& emit) {
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    size_t before = out.size();
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      emit(before, i, i + 1);
      ++i;
      continue;
    }
    size_t start = i;
    chars::CodePoint base = chars::at(in, i);
    i += base.len;
    while (i < in.size() && static_cast<unsigned char>(in[i]) >= 0x80) {
      chars::CodePoint next = chars::at(in, i);
      if (next.cls != chars::kMark) break;
      i += next.len;
    }
    normalize_cluster(in.substr(start, i - start), base.cp, out);
    emit(before, start, i);
  }
}

}  // namespace

NormalizedText::NormalizedText(std::string_view original) {
  text_.reserve(original.size());
  begin_.reserve(original.size());
  end_.reserve(original.size());
  normalize(original, text_, [&](size_t from, size_t src_begin, size_t src_end) {
    for (size_t k = from; k < text_.size(); ++k) {
      begin_.push_back(static_cast<uint32_t>(src_begin));
      end_.push_back(static_cast<uint32_t>(src_end));
    }
  });
}

Span NormalizedText::to_original(size_t begin, size_t end) const {
  if (begin >= end || end > text_.size()) {
    uint32_t at = begin < begin_.size() ? begin_[begin] : (end_.empty() ? 0 : end_.back());
    return {at, at};
  }
  return {begin_[begin], end_[end - 1]};
}

void append_normalized(std::string_view in, std::string& out) {
  normalize(in, out, [](size_t, size_t, size_t) {});
}

}  // namespace dyad
