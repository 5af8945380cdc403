#pragma once
// Deduplication within an article: the same (date, source, target, CAMEO code) reported in
// several sentences is one event, kept where it is first reported, with the number of its
// mentions; an event first reported in the lead is a root event (docs/enrich.md).
#include "text/doc.h"

namespace dyad {

// A pipeline component after the DateResolver.
class EventMerger {
 public:
  // The lead: the first this many body sentences.
  static constexpr uint32_t kLeadSentences = 3;
  void operator()(Doc& doc) const;
};

}  // namespace dyad
