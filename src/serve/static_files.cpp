#include "serve/static_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dyad::serve {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxFileBytes = 64u << 20;

StaticFile refused(int status, std::string reason) {
  return {status, "text/plain; charset=utf-8", std::move(reason)};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The decoded path, or "" when the raw path is refused: percent-encoded '.', '/', '\' and NUL
// (a way around the checks below), control characters and bad escapes.
std::string decode_path(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c < 0x20 || c == 0x7f) return {};
    if (c != '%') {
      out.push_back(static_cast<char>(c));
      continue;
    }
    if (i + 2 >= raw.size()) return {};
    int hi = hex_value(raw[i + 1]), lo = hex_value(raw[i + 2]);
    if (hi < 0 || lo < 0) return {};
    unsigned char decoded = static_cast<unsigned char>(hi * 16 + lo);
    if (decoded == '.' || decoded == '/' || decoded == '\\' || decoded < 0x20 || decoded == 0x7f) return {};
    out.push_back(static_cast<char>(decoded));
    i += 2;
  }
  return out;
}

// Path segments that may be joined to a directory: no "..", ".", empty segment or backslash.
bool safe_relative(std::string_view rel) {
  if (rel.empty() || rel.find('\\') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    std::string_view segment = rel.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

// The file `rel` below `dir` if its real path stays inside `dir`.
StaticFile read_below(const std::string& dir, std::string_view rel) {
  std::error_code ec;
  fs::path root = fs::canonical(dir, ec);
  if (ec) return refused(404, "not found");
  fs::path file = fs::canonical(root / fs::path(std::string(rel)), ec);
  if (ec) return refused(404, "not found");
  // Inside the root: the root's path is a prefix of the file's, segment by segment.
  auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  if (root_end != root.end() || file_it == file.end()) return refused(404, "not found");
  if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > kMaxFileBytes) return refused(404, "not found");
  std::ifstream in(file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in) return refused(404, "not found");
  return {200, content_type_of(file.filename().string()), std::move(body).str()};
}

}  // namespace

const std::vector<VendorFile>& vendor_files() {
  // The files the dashboard loads (web/index.html and its modules), as docs/serve.md lists them.
  static const std::vector<VendorFile> files = {
      {"d3-array/dist/d3-array.min.mjs", "d3-array/dist/d3-array.min.mjs"},
      {"d3-geo/dist/d3-geo.min.mjs", "d3-geo/dist/d3-geo.min.mjs"},
      {"topojson-client/dist/topojson-client.min.js", "topojson-client/dist/topojson-client.min.js"},
      {"world-atlas/countries-110m.json", "world-atlas/countries-110m.json"},
      {"world-countries/dist/countries.json", "world-countries/dist/countries.json"},
  };
  return files;
}

std::string content_type_of(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> types[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      // Browsers run modules only when served as JavaScript.
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".map", "application/json"},
      {".woff2", "font/woff2"},
  };
  for (const auto& [extension, type] : types)
    if (name.size() > extension.size() && name.substr(name.size() - extension.size()) == extension)
      return std::string(type);
  return "application/octet-stream";
}

StaticFile StaticFiles::get(std::string_view raw_path) const {
  std::string path = decode_path(raw_path);
  if (path.empty() || path[0] != '/') return refused(400, "bad path");
  if (path == "/") path = "/index.html";
  std::string_view rel = std::string_view(path).substr(1);
  // Under /vendor/, only the allow-list, matched whole: every other path there is not found.
  constexpr std::string_view kVendor = "vendor/";
  if (rel.substr(0, kVendor.size()) == kVendor) {
    std::string_view wanted = rel.substr(kVendor.size());
    for (const VendorFile& v : vendor_files())
      if (v.url == wanted) return read_below(node_modules_dir_, v.file);
    return refused(404, "not found");
  }
  if (!safe_relative(rel)) return refused(400, "bad path");
  // Hidden files (.git, .env...) are not part of the dashboard.
  if (rel[0] == '.' || rel.find("/.") != std::string_view::npos) return refused(404, "not found");
  return read_below(web_dir_, rel);
}

}  // namespace dyad::serve
