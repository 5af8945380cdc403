#pragma once
// Event patterns: which verbs (with particle, object, prepositions) and which nouns name which
// CAMEO events (docs/events.md). Read from the native format, PETRARCH's CAMEO verb
// dictionary or TABARI .verbs files; indexed by lemma for the coder.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dict/dictionary.h"

namespace dyad {

// A word of a legacy pattern: its alternatives (a synonym set; an alternative may hold several
// words, "did n't"), and whether '_' joins it to the word before ("NEW_&TIETYPES_RELATIONS").
struct WordSlot {
  std::vector<std::string> alternatives;
  bool joined = false;
  std::vector<uint32_t> first_ids;  // the first word of each alternative (word_id), sorted (set by index())
};

struct EventPattern {
  std::string code;           // the event, subject as source ("" when only reversed)
  std::string reversed_code;  // the event with source and target exchanged (":CODE")
  std::string paired_code;    // "CODE:PAIRED": also the target's event toward the source ("arrived" 032:033)
  bool nominal = false;       // a noun trigger ("attack on")
  std::vector<std::string> words;    // verb or noun lemmas (lower case)
  std::string particle;              // "" = the verb group must have none
  std::vector<std::string> objects;  // the direct object's head lemma must be one of these
  std::vector<std::string> target_preps;
  std::vector<std::pair<std::string, std::vector<std::string>>> conditions;  // prep -> head lemmas ("*" any)
  bool notarget = false;
  bool mutual = false;
  bool null_event = false;    // "---": matches (and so wins over less specific patterns) but codes nothing
  // PETRARCH/TABARI patterns: the words after the verb, in order (gaps allowed unless joined; a
  // joined first word comes right after the verb), each a list of alternatives (a synonym set).
  // Matched over the clause after its verb, not on the object head.
  std::vector<WordSlot> sequence;
  // ... and the words before the verb ("- &NEGATVAUXVRB * OVER EFFORTS", "WIRE_+TAP"), in order,
  // between the subject and the verb. An alternative may hold several words ("did n't").
  std::vector<WordSlot> preceding;
  bool before_adjacent = false;  // the last of them right before the verb ("RECENTLY_*")
  // Where the other actor (the target; the source of a reversed code) stands: after the first
  // `other_after` words of `sequence`, past `other_skip` noun phrases ("* EID AT ^ WITH +").
  int other_after = -1, other_skip = 0;
  // "- NOTED + * [115]": the source is the governing clause's subject, the target this one's.
  bool source_governing = false;
  // "- + HOSTING * TABASKI ^ $ [042]": the subject side is the actor right before those words
  // ("Mordor will be hosting Osgiliath to celebrate ..."), not the clause's own subject.
  bool subject_before_words = false;
  // From a PETRARCH/TABARI file: coded as those coders do, with no intent families (their
  // dictionaries spell them out), the target from the first actor after the verb.
  bool legacy = false;
  uint32_t file = 0, line = 0;

  // How specific the pattern is; the most specific match wins.
  int specificity() const {
    return (objects.empty() ? 0 : 4) + 2 * static_cast<int>(conditions.size()) + (particle.empty() ? 0 : 1) +
           static_cast<int>(sequence.size()) + static_cast<int>(preceding.size());
  }
};

// The pattern as one line of the native format (docs/events.md), for dyad dict convert.
std::string native_pattern_line(const EventPattern& p);

class EventDictionary {
 public:
  // Loads event patterns (following includes); kAuto detects native/PETRARCH/TABARI.
  std::vector<LoadReport> load(const std::string& path, DictFormat format = DictFormat::kAuto);
  // Loads the `set`, `verb` and `noun` lines of native files reached from a native dictionary
  // entry point (the actor entries there are the Dictionary's business).
  const std::vector<EventPattern>& patterns() const { return patterns_; }
  const std::vector<std::string>& files() const { return files_; }
  std::string origin(const EventPattern& p) const;

  // Patterns whose verb (or noun) lemma is `lemma`.
  const std::vector<uint32_t>* verbs(std::string_view lemma) const;
  const std::vector<uint32_t>* nouns(std::string_view lemma) const;

  void index();  // after loading

  // A number for each word that begins an alternative of a word pattern (kNoWord if none), so
  // the coder can pass over patterns whose words are not in a clause without comparing text.
  static constexpr uint32_t kNoWord = UINT32_MAX;
  uint32_t word_id(std::string_view word) const {
    auto it = word_ids_.find(std::string(word));
    return it == word_ids_.end() ? kNoWord : it->second;
  }

 private:
  friend class EventLoader;
  uint32_t file_id(const std::string& path);
  std::vector<EventPattern> patterns_;
  std::vector<std::string> files_;
  std::unordered_map<std::string, std::vector<std::string>> sets_;  // "&AID" -> lemmas
  std::unordered_map<std::string, std::vector<uint32_t>> by_verb_, by_noun_;
  std::unordered_map<std::string, uint32_t> word_ids_;
};

}  // namespace dyad
