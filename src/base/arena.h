#pragma once
// Stable storage for many small strings (lemmas, normalised keys): views into it stay valid
// until the arena is cleared or destroyed.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace dyad {

class StringArena {
 public:
  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    if (used_ + s.size() > capacity_) {
      capacity_ = std::max(kBlock, s.size());
      blocks_.push_back(std::make_unique<char[]>(capacity_));
      used_ = 0;
    }
    char* dst = blocks_.back().get() + used_;
    std::memcpy(dst, s.data(), s.size());
    used_ += s.size();
    return {dst, s.size()};
  }
  void clear() {
    blocks_.clear();
    used_ = capacity_ = 0;
  }

 private:
  static constexpr size_t kBlock = 4096;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0, capacity_ = 0;
};

}  // namespace dyad
