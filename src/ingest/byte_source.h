#pragma once
// Where input bytes come from: a file or standard input, read in chunks so that memory stays
// bounded whatever the input size.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace dyad {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into dst; returns 0 at the end. Throws InputError on failure.
  virtual size_t read(char* dst, size_t n) = 0;
  // The name used in messages: the path, or "<stdin>".
  virtual const std::string& name() const = 0;
  // Total size in bytes when known in advance (regular files), for progress and ETA.
  virtual std::optional<uint64_t> size() const = 0;
};

// Opens a file; "-" is standard input. Throws InputError when it cannot be opened.
std::unique_ptr<ByteSource> open_byte_source(const std::string& path);

// Reads from memory (tests, `dyad segment --text`).
std::unique_ptr<ByteSource> memory_byte_source(std::string data, std::string name);

}  // namespace dyad
