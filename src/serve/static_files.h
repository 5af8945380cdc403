#pragma once
// The dashboard's files: the web directory, and under /vendor/ an allow-list of front-end
// files installed from npm (docs/serve.md, Static files). Nothing outside those is served:
// paths with "..", backslashes, NUL, control characters or percent-encoded dots, slashes and
// backslashes are refused, and a file whose real path (symbolic links followed) leaves its
// directory is not found.
#include <string>
#include <string_view>
#include <vector>

namespace dyad::serve {

struct StaticFile {
  int status = 200;  // 400 (a refused path), 404
  std::string content_type;
  std::string body;  // the file, or the reason for a refusal
};

// A /vendor/ URL path and the file it serves, below node_modules/.
struct VendorFile {
  std::string_view url;
  std::string_view file;
};
const std::vector<VendorFile>& vendor_files();

// The Content-Type for a file name, by its extension.
std::string content_type_of(std::string_view name);

class StaticFiles {
 public:
  StaticFiles(std::string web_dir, std::string node_modules_dir)
      : web_dir_(std::move(web_dir)), node_modules_dir_(std::move(node_modules_dir)) {}
  // `raw_path`: the request's path as sent, percent-encoded, without the query string.
  StaticFile get(std::string_view raw_path) const;

 private:
  std::string web_dir_, node_modules_dir_;
};

}  // namespace dyad::serve
