#pragma once
#include <stdexcept>
#include <string>

namespace dyad {

// An input could not be opened or read. Malformed records are not errors of this kind:
// readers report them as diagnostics and skip them.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The output could not be created or written (disk full, closed pipe, ...).
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace dyad
