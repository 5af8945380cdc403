#pragma once
// `dyad explain`: a Doc's analysis laid out for a person (text) or a program (JSON): tokens
// with tags and lemmas, noun phrases, verb groups and clauses with their roles; and how the
// coder read each sentence.
#include <string>
#include <vector>

#include "code/coder.h"
#include "text/doc.h"

namespace dyad {

// With `notes` (the coder's trace), each sentence also shows its actors, candidate patterns,
// the one that fired (or why none did) and its events.
void explain_text(const Doc& doc, std::string& out, const std::vector<CodingNote>* notes = nullptr);
void explain_json(const Doc& doc, std::string& out);  // one JSON object per sentence, a line each

}  // namespace dyad
