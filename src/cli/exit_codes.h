#pragma once
// dyad's exit codes (also in `dyad --help` and README).
namespace dyad::exit_code {
inline constexpr int kOk = 0;          // done; malformed records, if any, were reported and skipped
inline constexpr int kFailure = 1;     // an input could not be read or the output not written
inline constexpr int kUsage = 2;       // bad command line
inline constexpr int kStrictStop = 3;  // --strict and a malformed record was found
}  // namespace dyad::exit_code
