#include "code/cameo.h"

#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include "base/error.h"

namespace dyad {

std::string CameoTable::default_path() {
  if (const char* env = std::getenv("DYAD_CAMEO")) return env;
  return std::string(DYAD_DATA_DIR) + "/cameo/cameo.tsv";
}

CameoTable CameoTable::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open the CAMEO code table");
  CameoTable t;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    if (f.size() < 3) throw InputError(path + ":" + std::to_string(number) + ": expected code, quad, goldstein");
    CameoInfo info;
    info.code = f[0];
    info.quad = std::stoi(f[1]);
    info.goldstein = std::stod(f[2]);
    if (f.size() > 3) info.plover = f[3];
    if (f.size() > 4) info.mode = f[4];
    if (f.size() > 5) info.description = f[5];
    t.codes_.emplace(info.code, info);
  }
  if (t.codes_.empty()) throw InputError(path + ": no codes");
  return t;
}

const CameoTable& CameoTable::shared() {
  static std::once_flag once;
  static CameoTable table;
  std::call_once(once, [] { table = load(default_path()); });
  return table;
}

const CameoInfo* CameoTable::find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace dyad
