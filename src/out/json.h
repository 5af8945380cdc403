#pragma once
// Minimal, fast JSON emitting for the writers (parsing is simdjson's job).
#include <cstdint>
#include <string>
#include <string_view>

#include "base/span.h"

namespace dyad::json {

// Appends s as a JSON string literal, quotes included. Control characters, quotes and
// backslashes are escaped; UTF-8 passes through unchanged.
void append_string(std::string& out, std::string_view s);
// Appends [begin, end].
void append_span(std::string& out, Span s);
void append_uint(std::string& out, uint64_t v);

}  // namespace dyad::json
