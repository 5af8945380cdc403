#pragma once
// Small ASCII string helpers shared by the readers of dictionaries, tables and gold files.
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace dyad {

// Without leading and trailing spaces, tabs, carriage returns and line feeds.
inline std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// ASCII lower case (dictionary words, lemmas, codes); other bytes unchanged.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

// The whole file, or nothing when it cannot be opened (callers say which error that is).
inline std::optional<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace dyad
