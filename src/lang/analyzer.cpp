#include "lang/analyzer.h"

#include <string>

namespace dyad {

void Analyzer::analyze_sentence(const Doc& doc, const Sentence& s, Analysis& a, bool tag) const {
  std::string_view text = doc.text();
  auto tokens = doc.tokens_of(s);
  if (tag) tagger_.tag(text, tokens, std::span<Pos>(a.tags).subspan(s.first_token, s.token_count()));
  std::string lemma;
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    std::string_view word = doc.text_of(doc.tokens[i]);
    lemmatizer_.lemma(word, a.tags[i], lemma);
    // Most lemmas are the word itself or a prefix of it: point into the text, copy the rest.
    a.lemmas[i] = word.substr(0, lemma.size()) == lemma ? word.substr(0, lemma.size()) : a.arena.store(lemma);
  }
  chunker_.chunk(text, doc.tokens, s, a);
  clauses_.find(text, doc.tokens, s, a);
}

void Analyzer::operator()(Doc& doc) const {
  Analysis& a = doc.ext<Analysis>();
  a = Analysis();
  a.tags.assign(doc.tokens.size(), Pos::kColon);
  a.lemmas.assign(doc.tokens.size(), {});
  a.phrase_of.assign(doc.tokens.size(), kNone);
  for (const Sentence& s : doc.sentences) {
    if (s.kind == SegmentKind::kDateline || s.kind == SegmentKind::kByline || s.kind == SegmentKind::kCredit ||
        s.kind == SegmentKind::kBoilerplate)
      continue;
    analyze_sentence(doc, s, a);
  }
}

}  // namespace dyad
