#pragma once
// Where formatted output goes: a file or standard output, with write errors turned into
// OutputError (a full disk must not pass silently).
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

class OutputFile {
 public:
  // "-" is standard output. Throws OutputError when the file cannot be created.
  explicit OutputFile(const std::string& path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view bytes);  // throws OutputError
  void close();                        // flushes; throws OutputError
  uint64_t bytes_written() const { return written_; }

 private:
  int fd_;
  bool owned_;
  std::string name_;
  uint64_t written_ = 0;
};

}  // namespace dyad
