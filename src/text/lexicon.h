#pragma once
// Small closed word lists the tokenizer and sentence splitter need: abbreviations that keep
// their period, and words that typically open a sentence.
#include <string_view>

namespace dyad::lexicon {

enum class Abbrev {
  kNone,
  kTitle,  // precedes a name and never ends a sentence: Mr. Gen. Lt. Sen. Dr. St.
  kOther,  // may end a sentence: Inc. Jr. Jan. etc.
  kNumber,  // only before a number: No. 10, Nos. 3 and 4, Art. 5 (else "No." is a word + period)
};

// `word` is the token without its final period ("Gen", "etc"). Matching ignores case, except
// that entries which are also ordinary lower-case words (No, Mass, Sun) need a capital.
Abbrev abbreviation(std::string_view word);

// Whether a capitalised word typically opens a sentence (The, He, But, In, ...): after an
// abbreviation such a word signals a sentence break; a name does not.
bool is_sentence_starter(std::string_view word);

}  // namespace dyad::lexicon
