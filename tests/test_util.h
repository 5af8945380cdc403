#pragma once
// Helpers shared by the tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dyad::testing {

inline std::string source_path(const std::string& rel) { return std::string(DYAD_SOURCE_DIR) + "/" + rel; }
inline std::string shared_path(const std::string& rel) { return std::string(DYAD_SHARED_DIR) + "/" + rel; }
inline bool have_shared() { return std::filesystem::exists(DYAD_SHARED_DIR); }

#define DYAD_REQUIRE_SHARED()                                                              \
  do {                                                                                     \
    if (!::dyad::testing::have_shared())                                                   \
      GTEST_SKIP() << "needs ../shared beside the repository (not part of a user's clone)"; \
  } while (0)

// Reads a case table (tests/<stage>/*_cases.txt): "== name" opens a case (`open(name, line)`
// appends it to `cases`); every other line that is not blank or a '#' comment goes to
// `field(case, line, number)`.
template <typename Case, typename Open, typename Field>
std::vector<Case> read_case_table(const std::string& rel, Open open, Field field) {
  std::ifstream in(source_path(rel));
  EXPECT_TRUE(in) << rel << ": cannot open";
  std::vector<Case> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("== ", 0) == 0) {
      cases.push_back(open(line.substr(3), number));
      continue;
    }
    if (cases.empty() || line.empty() || line[0] == '#') continue;
    field(cases.back(), line, number);
  }
  return cases;
}

// A table case's name as a test name: letters and digits, the rest '_'.
template <typename Case>
std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string n;
  for (char ch : info.param.name) n.push_back(std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
  return n;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name, const std::string& content) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace dyad::testing
