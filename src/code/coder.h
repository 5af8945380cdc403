#pragma once
// The event coder: from each clause, who did what to whom (docs/events.md). A pipeline
// component that reads doc.ext<Analysis>() and writes doc.ext<Events>().
#include <memory>
#include <string>
#include <vector>

#include "code/cameo.h"
#include "code/event.h"
#include "code/event_dictionary.h"
#include "dict/matcher.h"
#include "text/doc.h"

namespace dyad {

// One line of the coder's reasoning about a sentence (dyad explain).
struct CodingNote {
  uint32_t sentence = 0;
  std::string text;
};

struct CoderOptions {
  bool emit_negated = false;          // negated events written with "negated": true
  bool allow_missing_target = false;  // events without a target for any pattern
  bool allow_missing_source = true;   // events whose source is unknown but whose target is named
  bool code_headlines = false;        // headlines are coded like sentences
};

class EventCoder {
 public:
  // Everything is borrowed and must outlive the coder; const use is thread-safe.
  EventCoder(const Matcher& actors, const EventDictionary& events, const CameoTable& cameo, CoderOptions options = {});

  void operator()(Doc& doc) const;
  // As operator(), and appends to `trace` why each clause was or was not coded (dyad explain).
  void code(Doc& doc, std::vector<CodingNote>* trace) const;

  const EventDictionary& events() const { return events_; }
  const Matcher& actors() const { return actors_; }
  const CameoTable& cameo() const { return cameo_; }

 private:
  const Matcher& actors_;
  const EventDictionary& events_;
  const CameoTable& cameo_;
  CoderOptions options_;
};

// The CAMEO code an intent or future turns an event into ("vowed to attack" 190 -> 138,
// "will meet" 040 -> 036, "refused to release" 0841 -> 1243). `how` is the framing:
// "threaten", "refuse" or "intend" (vow, plan, promise, will ...).
std::string intent_code(const std::string& code, const std::string& how);

}  // namespace dyad
