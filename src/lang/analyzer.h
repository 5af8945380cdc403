#pragma once
// English analysis as one pipeline component: tags, lemmas, noun phrases, verb groups and
// clauses for every sentence (headlines included; datelines, bylines and credits skipped),
// stored as doc.ext<Analysis>().
#include "lang/analysis.h"
#include "lang/chunker.h"
#include "lang/clauses.h"
#include "lang/english_model.h"
#include "lang/lemmatizer.h"
#include "lang/tagger.h"
#include "text/doc.h"

namespace dyad {

class Analyzer {
 public:
  explicit Analyzer(const EnglishModel& model = EnglishModel::shared())
      : tagger_(model), lemmatizer_(model) {}

  void operator()(Doc& doc) const;
  // One sentence (tags must be of the right size); used by evaluation with gold tokens.
  void analyze_sentence(const Doc& doc, const Sentence& s, Analysis& a, bool tag = true) const;

 private:
  Tagger tagger_;
  Lemmatizer lemmatizer_;
  Chunker chunker_;
  ClauseFinder clauses_;
};

}  // namespace dyad
