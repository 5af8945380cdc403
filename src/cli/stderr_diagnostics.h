#pragma once
// Prints reader diagnostics as "dyad: FILE:LINE: error: MESSAGE", up to a cap so that a
// badly broken input does not bury the terminal; the summary gives the full count.
#include <fmt/format.h>

#include <cstdio>

#include "ingest/diagnostics.h"

namespace dyad {

class StderrDiagnostics : public DiagnosticSink {
 public:
  explicit StderrDiagnostics(uint64_t max_messages = 100) : max_(max_messages) {}

  void report(const Diagnostic& d) override {
    if (++count_ > max_) {
      if (count_ == max_ + 1)
        fmt::print(stderr, "dyad: further input messages suppressed (the summary counts them)\n");
      return;
    }
    const char* what = d.severity == Severity::kError ? "error" : "warning";
    if (d.line > 0) {
      fmt::print(stderr, "dyad: {}:{}: {}: {}\n", d.file, d.line, what, d.message);
    } else {
      fmt::print(stderr, "dyad: {}: {}: {}\n", d.file, what, d.message);
    }
  }

 private:
  uint64_t max_;
  uint64_t count_ = 0;
};

}  // namespace dyad
