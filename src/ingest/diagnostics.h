#pragma once
// How readers report malformed input: a message naming file and line, never an exception.
#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

enum class Severity {
  kWarning,  // the record was kept, with a repair (e.g. invalid UTF-8 replaced)
  kError,    // the record was skipped
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  uint64_t line = 0;  // 1-based; 0 when the whole file is concerned
  std::string message;
};

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(const Diagnostic& d) = 0;
};

// Collects diagnostics in memory (tests, library users).
class DiagnosticList : public DiagnosticSink {
 public:
  void report(const Diagnostic& d) override { items.push_back(d); }
  std::vector<Diagnostic> items;
};

}  // namespace dyad
