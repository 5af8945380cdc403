#pragma once
// `dyad explain`: a Doc's analysis laid out for a person (text) or a program (JSON): tokens
// with tags and lemmas, noun phrases, verb groups and clauses with their roles.
#include <string>

#include "text/doc.h"

namespace dyad {

void explain_text(const Doc& doc, std::string& out);
void explain_json(const Doc& doc, std::string& out);  // one JSON object per sentence, a line each

}  // namespace dyad
