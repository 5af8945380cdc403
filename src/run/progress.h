#pragma once
// Progress on stderr for long runs: records/s, and bytes done and ETA when the input size is
// known. On a terminal one line is rewritten in place; otherwise a line every few seconds.
#include <chrono>
#include <cstdint>
#include <optional>

namespace dyad {

class Progress {
 public:
  Progress(bool enabled, std::optional<uint64_t> total_bytes);
  // Cheap to call often: prints at most a few times a second.
  void update(uint64_t records, uint64_t bytes);
  void finish();  // clears the line on a terminal

 private:
  using Clock = std::chrono::steady_clock;
  void print(uint64_t records, uint64_t bytes, double seconds);

  bool enabled_;
  bool tty_;
  std::optional<uint64_t> total_;
  Clock::time_point start_, last_;
  bool printed_ = false;
};

}  // namespace dyad
