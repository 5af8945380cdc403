#include "text/segmenter.h"

#include "text/leftovers.h"

namespace dyad {

void Segmenter::operator()(Doc& doc) const {
  doc.tokens.clear();
  doc.sentences.clear();
  doc.tokens.reserve(doc.article.text.size() / 5);
  Tokenizer::Result r = tokenizer_.tokenize(doc.text(), doc.tokens);
  SentenceSplitter::Options options{doc.article.wrapped, r.longest_line};
  splitter_.split(doc.text(), doc.tokens, options, doc.sentences);
  if (!doc.article.wrapped) mark_leftovers(doc.text(), doc.tokens, doc.sentences);
}

}  // namespace dyad
