#pragma once
// The statistics and lexicons English analysis runs on, read at start-up from the Debian
// packages scripts/setup installs (nothing is downloaded, nothing is committed):
//   - liblingua-en-tagger-perl: words.yml (word -> tag counts from the Penn Treebank) and
//     tags.yml (tag bigram transition probabilities);
//   - wordnet-base: index.{noun,verb,adj,adv} (lemmas) and *.exc (irregular forms).
// From the word counts it also derives a suffix model for unknown words (TnT-style, from the
// rare words, which behave like unseen ones).
#include <array>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lang/pos.h"

namespace dyad {

struct ModelError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ModelPaths {
  std::string tagger_dir = "/usr/share/perl5/Lingua/EN/Tagger";
  std::string wordnet_dir = "/usr/share/wordnet";
  // The defaults, overridden by DYAD_TAGGER_DIR and DYAD_WORDNET_DIR when set.
  static ModelPaths from_environment();
};

enum class WordClass : uint8_t { kNoun, kVerb, kAdjective, kAdverb };

class EnglishModel {
 public:
  struct TagCount {
    Pos tag;
    float count;
  };

  // Reads the package files; throws ModelError naming the file that is missing or broken.
  static std::unique_ptr<EnglishModel> load(const ModelPaths& paths);
  // One model per process, loaded on first use from ModelPaths::from_environment().
  static const EnglishModel& shared();

  // Tag counts of a word as the Treebank spelled it (exact case); empty when unseen.
  std::span<const TagCount> lexicon(std::string_view word) const;
  // log P(next | prev).
  float transition(Pos prev, Pos next) const {
    return transitions_[static_cast<size_t>(prev)][static_cast<size_t>(next)];
  }
  // log of the total count of a tag in the lexicon (the denominator of P(word | tag)).
  float log_tag_total(Pos t) const { return log_tag_total_[static_cast<size_t>(t)]; }
  // P(tag | suffix) for an unseen word, from the suffix model (capitalised or not); the
  // result is a distribution over all tags, mostly near zero.
  void suffix_distribution(std::string_view word, bool capitalised,
                           std::array<float, kPosCount>& out) const;

  // WordNet.
  bool in_wordnet(std::string_view lemma, WordClass c) const;
  // The base form of an irregular inflection (went -> go), or empty.
  std::string_view irregular_base(std::string_view form, WordClass c) const;

  size_t lexicon_size() const { return words_.size(); }
  size_t wordnet_size() const;

 private:
  EnglishModel() = default;
  void read_words(const std::string& path);
  void read_transitions(const std::string& path);
  void build_suffix_model();
  void read_wordnet(const std::string& dir);

  struct WordEntry {
    uint32_t first;  // into tag_counts_
    uint32_t count;
  };
  std::string pool_;  // backing store of the string views below, never reallocated after load
  std::unordered_map<std::string_view, WordEntry> words_;
  std::vector<TagCount> tag_counts_;
  std::array<std::array<float, kPosCount>, kPosCount> transitions_{};
  std::array<float, kPosCount> log_tag_total_{};

  // Suffix model: for each suffix (up to kMaxSuffix bytes) of rare words, tag counts.
  static constexpr size_t kMaxSuffix = 5;
  struct SuffixStats {
    std::array<float, kPosCount> counts{};
    float total = 0;
  };
  std::array<std::unordered_map<std::string, SuffixStats>, 2> suffixes_;  // [capitalised]
  std::array<std::array<float, kPosCount>, 2> unknown_prior_{};           // P(t) of rare words
  std::array<float, 2> theta_{};

  std::vector<std::string> wordnet_files_;  // backing store of the views below
  std::array<std::unordered_set<std::string_view>, 4> wordnet_;  // lemmas by WordClass
  std::array<std::unordered_map<std::string_view, std::string_view>, 4> irregular_;
};

}  // namespace dyad
