#pragma once
// The text stage as one pipeline component: tokens and segments for a Doc.
#include "text/doc.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dyad {

class Segmenter {
 public:
  // Fills doc.tokens and doc.sentences (replacing what was there).
  void operator()(Doc& doc) const;

 private:
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
};

}  // namespace dyad
