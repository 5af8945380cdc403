#include "run/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "base/numbers.h"

namespace dyad {
namespace {

std::string megabytes(uint64_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); }

std::string duration(double seconds) {
  auto s = static_cast<uint64_t>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

Progress::Progress(bool enabled, std::optional<uint64_t> total_bytes)
    : enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0), total_(total_bytes),
      start_(Clock::now()), last_(start_) {}

void Progress::update(uint64_t records, uint64_t bytes) {
  if (!enabled_) return;
  auto now = Clock::now();
  auto interval = tty_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(5000);
  if (now - last_ < interval) return;
  last_ = now;
  print(records, bytes, std::chrono::duration<double>(now - start_).count());
}

void Progress::print(uint64_t records, uint64_t bytes, double seconds) {
  std::string line = fmt::format("dyad: {} records, {:.0f}/s", thousands(records),
                                 seconds > 0 ? static_cast<double>(records) / seconds : 0.0);
  if (total_ && *total_ > 0) {
    double done = static_cast<double>(bytes) / static_cast<double>(*total_);
    line += fmt::format(", {} of {} ({:.0f}%)", megabytes(bytes), megabytes(*total_), 100 * done);
    if (done > 0.001 && done < 1) line += ", ETA " + duration(seconds * (1 - done) / done);
  } else {
    line += ", " + megabytes(bytes);
  }
  if (tty_) {
    std::fprintf(stderr, "\r%-78s", line.c_str());
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
  printed_ = true;
}

void Progress::finish() {
  if (enabled_ && tty_ && printed_) std::fprintf(stderr, "\r%78s\r", "");
}

}  // namespace dyad
