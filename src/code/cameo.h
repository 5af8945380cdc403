#pragma once
// The CAMEO event code table: quad class, Goldstein weight, PLOVER category and mode per code
// (data/cameo/cameo.tsv, authored for dyad; see its header).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dyad {

struct CameoInfo {
  std::string code;
  int quad = 0;
  double goldstein = 0;
  std::string plover;  // "" where PLOVER has no category (CAMEO 01x statements)
  std::string mode;
  std::string description;
  std::string root() const { return code.substr(0, 2); }
};

class CameoTable {
 public:
  // Reads the table; throws InputError naming the file when it cannot.
  static CameoTable load(const std::string& path);
  static const CameoTable& shared();  // data/cameo/cameo.tsv (or $DYAD_CAMEO)
  static std::string default_path();

  const CameoInfo* find(std::string_view code) const;
  size_t size() const { return codes_.size(); }
  const std::unordered_map<std::string, CameoInfo>& all() const { return codes_; }

 private:
  std::unordered_map<std::string, CameoInfo> codes_;
};

}  // namespace dyad
