#pragma once
// The name matcher: every dictionary name compiled once into a trie over normalised word
// pieces, then matched over any number of token ranges (RE2's compile-once / match-many).
//
// A token becomes pieces by NFKC case folding with Latin diacritics removed, dropping dots and
// apostrophes ("U.S." -> "us", "O'Neill" -> "oneill") and splitting at hyphens ("al-Qaeda" ->
// "al" "qaeda"), so spelling, case and punctuation variants meet. A match starts and ends on
// token boundaries; the longest one wins.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/dictionary.h"
#include "text/token.h"

namespace dyad {

class EnglishModel;

// The normalised pieces of one token's text (appended to `out`).
void token_pieces(std::string_view token, std::vector<std::string>& out);

class Matcher {
 public:
  struct Options {
    // Used to keep city names that are common English words ("Reading", "Mobile") out.
    const EnglishModel* english = nullptr;
  };

  struct Match {
    uint32_t first_token = 0, end_token = 0;
    uint32_t entry = 0;     // index into the dictionary's entries
    uint32_t name = 0;      // which of its names
    bool surname = false;   // a person's surname alone: valid only in context (the resolver decides)
  };

  Matcher(const Dictionary& dict, Options options);

  // The normalised pieces of a document's tokens, made once and shared by every match over
  // it (a resolver matches each phrase, and each sentence for discards).
  struct Pieces {
    const Token* tokens = nullptr;  // the token array they were made from
    size_t count = 0;
    std::vector<uint32_t> first;    // per token: its first piece (count + 1 entries)
    std::vector<uint32_t> ids;      // per piece: its id (0 = no name has it)
    std::vector<std::string> text;  // per piece: its text (for stems)
    std::vector<uint32_t> token;    // per piece: its token
  };

  // Leftmost-longest matches in tokens [first, end) of `text`; every entry that has the
  // longest name at a position is reported (same span). With `cache`, the pieces of all of
  // `tokens` are made once into it and reused while `tokens` stays the same.
  void match(std::string_view text, std::span<const Token> tokens, uint32_t first, uint32_t end,
             std::vector<Match>& out, Pieces* cache = nullptr) const {
    match(text, tokens, first, end, out, cache, false);
  }
  // Only the names of discard entries (and of actors coded "###"), walking only the part of
  // the trie that leads to them: a sentence is checked for discards cheaply.
  void match_discards(std::string_view text, std::span<const Token> tokens, uint32_t first, uint32_t end,
                      std::vector<Match>& out, Pieces* cache = nullptr) const {
    match(text, tokens, first, end, out, cache, true);
  }

  const Dictionary& dictionary() const { return dict_; }
  const EnglishModel* english() const { return options_.english; }
  size_t name_count() const { return terminals_.size(); }

 private:
  struct Terminal {
    uint32_t entry;
    uint32_t name;
    bool acronym;       // native name in capitals: text must be in capitals too
    bool capitalised;   // city: text must be capitalised
    bool surname;
  };
  struct Node {
    uint32_t first_terminal = 0, terminal_count = 0;  // into terminals_ (after sorting)
    bool leads_to_discard = false;  // a discard name ends here or below
  };

  void match(std::string_view text, std::span<const Token> tokens, uint32_t first, uint32_t end,
             std::vector<Match>& out, Pieces* cache, bool discards_only) const;
  bool is_discard(uint32_t entry) const;
  void add_name(uint32_t entry, uint32_t name_index, const std::string& name, bool surname);
  void make_pieces(std::string_view text, std::span<const Token> tokens, uint32_t first, uint32_t end,
                   Pieces& out) const;
  uint32_t intern(const std::string& piece);
  uint32_t lookup(std::string_view piece) const;
  bool terminal_ok(const Terminal& t, std::string_view text, std::span<const Token> tokens, uint32_t first,
                   uint32_t end) const;

  const Dictionary& dict_;
  Options options_;
  // Looked up by string_view without building a string.
  struct PieceHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, PieceHash, std::equal_to<>> piece_ids_;  // 0 is "unknown piece"
  std::unordered_map<uint64_t, uint32_t> edges_;         // (node << 32 | piece) -> child node
  std::vector<Node> nodes_;
  std::vector<std::pair<uint32_t, Terminal>> pending_;  // (node, terminal) while building
  std::vector<Terminal> terminals_;
  // Legacy stems (TABARI names without a final '_'), by the trie node before them and their
  // first one or two bytes (stem_key) -> the stems.
  static uint64_t stem_key(uint32_t node, std::string_view stem);
  std::unordered_map<uint64_t, std::vector<std::pair<std::string, Terminal>>> stems_;
};

}  // namespace dyad
