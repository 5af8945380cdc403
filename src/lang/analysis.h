#pragma once
// What English analysis adds to a Doc (as doc.ext<Analysis>()): a tag and a lemma per token,
// base noun phrases, verb groups, and clauses with their roles. Everything refers to tokens
// by index into Doc::tokens, so every role has exact byte spans.
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "lang/pos.h"

namespace dyad {

inline constexpr int32_t kNone = -1;

// A base noun phrase (CoNLL chunk): "the U.S. ambassador", "Libya 's", "two competing
// administrations". Tokens [first, end).
struct NounPhrase {
  uint32_t first = 0, end = 0;
  uint32_t head = 0;             // token index of the head noun
  int32_t possessor = kNone;     // phrase of "Libya 's" in "Libya 's army"
  int32_t apposition = kNone;    // "Richard Norland , the U.S. ambassador ,": the ambassador phrase
  int32_t conjunct_next = kNone;  // next phrase in "Russia , Egypt and the UAE"
  int32_t of_phrase = kNone;     // the phrase after "of": "Government of <National Accord>"
  uint32_t extent_end = 0;       // end of the phrase with its appositive, of-name and conjuncts
  bool pronoun = false;
  bool proper = false;
  bool possessive = false;  // ends in 's / '
  bool is_conjunct = false;  // a later member of a coordination (its first member leads it)
};

enum class Tense : uint8_t { kNone, kPresent, kPast, kFuture };
enum class Form : uint8_t {
  kFinite,      // attacked, has said, will meet
  kInfinitive,  // to retaliate
  kGerund,      // attacking (participial or gerund clause)
  kParticiple,  // held by ..., suspected of ...
};

// A verb group: auxiliaries, negation, modal and main verb, with particle. Tokens [first, end).
struct VerbGroup {
  uint32_t first = 0, end = 0;
  uint32_t head = 0;               // main verb token
  int32_t particle = kNone;        // "step down", "pull out"
  int32_t modal = kNone;           // will, would, could, must ...
  Tense tense = Tense::kNone;
  Form form = Form::kFinite;
  bool passive = false;      // was attacked
  bool perfect = false;      // has attacked
  bool progressive = false;  // is attacking
  bool negated = false;      // did not attack, never attacked, no longer ...
  bool copula = false;       // be as the main verb
};

enum class ClauseKind : uint8_t {
  kMain,         // a root clause
  kComplement,   // "X said (that) <Y attacked Z>", or the content of a postposed speech clause
  kSubordinate,  // "after / because / when / if ... <clause>"
  kRelative,     // "the group <that claimed the attack>"
  kInfinitival,  // "vowed <to retaliate>"
  kParticipial,  // "<killing five people>", "a checkpoint <held by the brigade>"
  kQuote,        // text inside quotation marks with its own verb
};

// "main", "complement", ... (as `dyad explain` and the test tables write them).
std::string_view kind_name(ClauseKind k);

struct PrepObject {
  uint32_t prep = 0;  // token of the preposition ("with", "against", "according to": "to")
  int32_t phrase = kNone;
};

struct Clause {
  ClauseKind kind = ClauseKind::kMain;
  uint32_t verb = 0;  // index into Analysis::verbs
  uint32_t first = 0, end = 0;  // tokens covered
  int32_t subject = kNone;      // noun phrase index
  int32_t object = kNone;       // first object ("gave Tanzania a grant": Tanzania)
  int32_t object2 = kNone;      // second object (a grant)
  int32_t agent = kNone;        // passive "by X"
  std::vector<PrepObject> preps;
  int32_t parent = kNone;       // the governing clause
  int32_t attributed_to = kNone;  // speaker phrase: "X said ...", "according to X"
  int32_t subordinator = kNone;   // token: that / after / because / who ...
  bool subject_inherited = false;  // from the governing or coordinated clause ("vowed to retaliate")
  uint32_t intent = 0;  // token of the verb that frames an infinitival as intent (vowed, plans), 0 if none
  bool has_intent = false;
};

struct Analysis {
  std::vector<Pos> tags;                 // one per token
  std::vector<std::string_view> lemmas;  // one per token (into the doc text or `arena`)
  std::vector<NounPhrase> phrases;
  std::vector<VerbGroup> verbs;
  std::vector<Clause> clauses;
  std::vector<int32_t> phrase_of;  // per token: the noun phrase it belongs to, or kNone
  StringArena arena;
};

}  // namespace dyad
