#include "lang/english_model.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

namespace dyad {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ModelError(fmt::format("{}: cannot open (is the package installed? run scripts/setup)", path));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Lingua::EN::Tagger names some Treebank tags differently (see Tagger.pm).
std::optional<Pos> lingua_tag(std::string_view t) {
  if (t == "det") return Pos::DT;
  if (t == "prps") return Pos::PRPS;
  if (t == "wps") return Pos::WPS;
  if (t == "pp") return Pos::kPeriod;
  if (t == "ppc") return Pos::kComma;
  if (t == "ppd") return Pos::kDollar;
  if (t == "ppl") return Pos::kOpenQuote;
  if (t == "ppr") return Pos::kCloseQuote;
  if (t == "pps") return Pos::kColon;
  if (t == "lrb") return Pos::kLrb;
  if (t == "rrb") return Pos::kRrb;
  std::string upper(t);
  for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return parse_pos(upper);
}

// Calls f(line) for each line of text.
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    f(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

// Parses "{ tag: 12, tag: 3 }" calling f(tag_name, value); false when malformed.
template <typename F>
bool parse_flow_map(std::string_view s, F&& f) {
  size_t open = s.find('{'), close = s.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return false;
  std::string_view body = s.substr(open + 1, close - open - 1);
  size_t pos = 0;
  while (pos < body.size()) {
    size_t comma = body.find(',', pos);
    if (comma == std::string_view::npos) comma = body.size();
    std::string_view item = body.substr(pos, comma - pos);
    pos = comma + 1;
    size_t colon = item.find(':');
    if (colon == std::string_view::npos) continue;
    auto trim = [](std::string_view v) {
      while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
      while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
      return v;
    };
    std::string_view key = trim(item.substr(0, colon));
    std::string value(trim(item.substr(colon + 1)));
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (end == value.c_str()) return false;
    f(key, v);
  }
  return true;
}

bool is_upper_initial(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

ModelPaths ModelPaths::from_environment() {
  ModelPaths p;
  if (const char* t = std::getenv("DYAD_TAGGER_DIR")) p.tagger_dir = t;
  if (const char* w = std::getenv("DYAD_WORDNET_DIR")) p.wordnet_dir = w;
  return p;
}

std::unique_ptr<EnglishModel> EnglishModel::load(const ModelPaths& paths) {
  std::unique_ptr<EnglishModel> m(new EnglishModel());
  m->read_words(paths.tagger_dir + "/words.yml");
  m->read_transitions(paths.tagger_dir + "/tags.yml");
  m->build_suffix_model();
  m->read_wordnet(paths.wordnet_dir);
  return m;
}

const EnglishModel& EnglishModel::shared() {
  static std::once_flag once;
  static std::unique_ptr<EnglishModel> model;
  std::call_once(once, [] { model = load(ModelPaths::from_environment()); });
  return *model;
}

void EnglishModel::read_words(const std::string& path) {
  pool_ = read_file(path);
  std::array<double, kPosCount> totals{};
  size_t number = 0;
  for_each_line(pool_, [&](std::string_view line) {
    ++number;
    if (line.empty() || line.substr(0, 3) == "---") return;
    std::string_view key;
    size_t rest;
    if (line[0] == '"') {
      size_t close = line.find("\": ", 1);
      if (close == std::string_view::npos) throw ModelError(fmt::format("{}:{}: bad entry", path, number));
      key = line.substr(1, close - 1);
      rest = close + 2;
    } else {
      size_t colon = line.find(": ");
      if (colon == std::string_view::npos) throw ModelError(fmt::format("{}:{}: bad entry", path, number));
      key = line.substr(0, colon);
      rest = colon + 1;
    }
    WordEntry e{static_cast<uint32_t>(tag_counts_.size()), 0};
    bool ok = parse_flow_map(line.substr(rest), [&](std::string_view tag, double count) {
      if (auto t = lingua_tag(tag); t && count > 0) {
        tag_counts_.push_back({*t, static_cast<float>(count)});
        totals[static_cast<size_t>(*t)] += count;
        ++e.count;
      }
    });
    if (!ok) throw ModelError(fmt::format("{}:{}: bad entry", path, number));
    if (e.count) words_.emplace(key, e);
  });
  if (words_.size() < 1000) throw ModelError(path + ": too few entries; is the file complete?");
  for (int t = 0; t < kPosCount; ++t)
    log_tag_total_[t] = static_cast<float>(std::log(std::max(totals[t], 1.0)));
}

void EnglishModel::read_transitions(const std::string& path) {
  std::string text = read_file(path);
  constexpr float kFloor = -14.0f;  // log of a transition never seen in the Treebank
  for (auto& row : transitions_) row.fill(kFloor);
  size_t rows = 0;
  for_each_line(text, [&](std::string_view line) {
    size_t colon = line.find(':');
    if (line.empty() || line.substr(0, 3) == "---" || colon == std::string_view::npos) return;
    auto from = lingua_tag(line.substr(0, colon));
    if (!from) return;
    ++rows;
    parse_flow_map(line.substr(colon + 1), [&](std::string_view tag, double p) {
      if (auto to = lingua_tag(tag); to && p > 0)
        transitions_[static_cast<size_t>(*from)][static_cast<size_t>(*to)] = static_cast<float>(std::log(p));
    });
  });
  if (rows < 30) throw ModelError(path + ": too few rows; is the file complete?");
}

void EnglishModel::build_suffix_model() {
  constexpr float kRare = 10;  // words seen at most this often stand in for unseen words
  for (const auto& [word, e] : words_) {
    float total = 0;
    for (uint32_t i = 0; i < e.count; ++i) total += tag_counts_[e.first + i].count;
    if (total > kRare || word.size() < 2) continue;
    int cap = is_upper_initial(word) ? 1 : 0;
    for (uint32_t i = 0; i < e.count; ++i) {
      const TagCount& tc = tag_counts_[e.first + i];
      unknown_prior_[cap][static_cast<size_t>(tc.tag)] += tc.count;
    }
    for (size_t len = 1; len <= kMaxSuffix && len < word.size(); ++len) {
      std::string suffix(word.substr(word.size() - len));
      for (char& c : suffix) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      SuffixStats& s = suffixes_[cap][suffix];
      for (uint32_t i = 0; i < e.count; ++i) {
        s.counts[static_cast<size_t>(tag_counts_[e.first + i].tag)] += tag_counts_[e.first + i].count;
        s.total += tag_counts_[e.first + i].count;
      }
    }
  }
  // Normalise the priors; theta is their standard deviation (Brants 2000).
  for (int cap = 0; cap < 2; ++cap) {
    float sum = 0;
    for (float c : unknown_prior_[cap]) sum += c;
    if (sum <= 0) sum = 1;
    float mean = 1.0f / kPosCount, var = 0;
    for (float& c : unknown_prior_[cap]) {
      c /= sum;
      var += (c - mean) * (c - mean);
    }
    theta_[cap] = std::sqrt(var / (kPosCount - 1));
  }
}

void EnglishModel::suffix_distribution(std::string_view word, bool capitalised,
                                       std::array<float, kPosCount>& out) const {
  int cap = capitalised ? 1 : 0;
  out = unknown_prior_[cap];
  std::string suffix;
  for (size_t len = 1; len <= kMaxSuffix && len < word.size(); ++len) {
    suffix.assign(word.substr(word.size() - len));
    for (char& c : suffix) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    auto it = suffixes_[cap].find(suffix);
    if (it == suffixes_[cap].end()) break;
    const SuffixStats& s = it->second;
    for (int t = 0; t < kPosCount; ++t)
      out[t] = (s.counts[t] / s.total + theta_[cap] * out[t]) / (1 + theta_[cap]);
  }
}

std::span<const EnglishModel::TagCount> EnglishModel::lexicon(std::string_view word) const {
  auto it = words_.find(word);
  if (it == words_.end()) return {};
  return {tag_counts_.data() + it->second.first, it->second.count};
}

void EnglishModel::read_wordnet(const std::string& dir) {
  static constexpr std::array<const char*, 4> kNames = {"noun", "verb", "adj", "adv"};
  wordnet_files_.reserve(2 * kNames.size());  // views into these strings must stay valid
  for (size_t c = 0; c < kNames.size(); ++c) {
    const std::string& index = wordnet_files_.emplace_back(read_file(dir + "/index." + kNames[c]));
    wordnet_[c].reserve(c == 0 ? 120000 : 25000);
    for_each_line(index, [&](std::string_view line) {
      if (line.empty() || line[0] == ' ') return;  // licence header
      size_t space = line.find(' ');
      if (space != std::string_view::npos) wordnet_[c].emplace(line.substr(0, space));
    });
    const std::string& exc = wordnet_files_.emplace_back(read_file(dir + "/" + kNames[c] + ".exc"));
    for_each_line(exc, [&](std::string_view line) {
      size_t space = line.find(' ');
      if (space == std::string_view::npos) return;
      std::string_view base = line.substr(space + 1);
      base = base.substr(0, base.find(' '));
      irregular_[c].emplace(line.substr(0, space), base);
    });
  }
  if (wordnet_[0].size() < 10000) throw ModelError(dir + "/index.noun: too few lemmas");
}

bool EnglishModel::in_wordnet(std::string_view lemma, WordClass c) const {
  return wordnet_[static_cast<size_t>(c)].count(lemma) > 0;
}

std::string_view EnglishModel::irregular_base(std::string_view form, WordClass c) const {
  const auto& m = irregular_[static_cast<size_t>(c)];
  auto it = m.find(form);
  return it == m.end() ? std::string_view() : it->second;
}

size_t EnglishModel::wordnet_size() const {
  size_t n = 0;
  for (const auto& s : wordnet_) n += s.size();
  return n;
}

}  // namespace dyad
