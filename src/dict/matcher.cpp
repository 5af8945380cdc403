#include "dict/matcher.h"

#include <algorithm>

#include "lang/english_model.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

namespace tf = token_flags;

bool has_lower(std::string_view s) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}
bool has_letter(std::string_view s) {
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// Appends the pieces of an already normalised token.
void split_pieces(std::string_view norm, std::vector<std::string>& out) {
  std::string piece;
  for (char c : norm) {
    if (c == '.' || c == '\'') continue;
    if (c == '-' || c == '/') {
      if (!piece.empty()) out.push_back(std::move(piece));
      piece.clear();
      continue;
    }
    piece.push_back(c);
  }
  if (!piece.empty()) out.push_back(std::move(piece));
}

}  // namespace

void token_pieces(std::string_view token, std::vector<std::string>& out) {
  bool ascii = true;
  for (char c : token) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string lower(token);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    split_pieces(lower, out);
    return;
  }
  std::string norm;
  append_normalized(token, norm);
  split_pieces(norm, out);
}

Matcher::Matcher(const Dictionary& dict, Options options) : dict_(dict), options_(options) {
  nodes_.emplace_back();  // root
  piece_ids_.emplace("", 0);
  const auto& entries = dict.entries();
  for (uint32_t e = 0; e < entries.size(); ++e) {
    const Entry& entry = entries[e];
    if (entry.kind == EntryKind::kIssue) continue;  // issues are matched by the coder's issue tagger
    for (uint32_t n = 0; n < entry.names.size(); ++n) {
      const std::string& name = entry.names[n];
      if (entry.kind == EntryKind::kCity && options_.english) {
        // A city named like a common word ("Reading", "Mobile", "Nice") is left to the
        // gazetteer: as an actor it would fire on ordinary prose.
        std::string low = name;
        for (char& c : low) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        // (Only the Treebank lexicon: WordNet lists famous places too, "jericho", "calgary".)
        if (!options_.english->lexicon(low).empty()) continue;
      }
      add_name(e, n, name, false);
      // A person's surname alone, valid in context (the resolver checks it).
      if (entry.kind == EntryKind::kPerson && n == 0) {
        size_t space = name.find_last_of(' ');
        if (space != std::string::npos && name.size() - space - 1 >= 4) add_name(e, n, name.substr(space + 1), true);
      }
    }
  }
  // Group terminals by node.
  std::stable_sort(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < pending_.size();) {
    size_t j = i;
    while (j < pending_.size() && pending_[j].first == pending_[i].first) ++j;
    Node& node = nodes_[pending_[i].first];
    node.first_terminal = static_cast<uint32_t>(terminals_.size());
    node.terminal_count = static_cast<uint32_t>(j - i);
    for (size_t k = i; k < j; ++k) terminals_.push_back(pending_[k].second);
    i = j;
  }
  std::vector<std::pair<uint32_t, Terminal>>().swap(pending_);
}

uint32_t Matcher::intern(const std::string& piece) {
  auto [it, inserted] = piece_ids_.emplace(piece, static_cast<uint32_t>(piece_ids_.size()));
  return it->second;
}

uint32_t Matcher::lookup(std::string_view piece) const {
  auto it = piece_ids_.find(piece);
  return it == piece_ids_.end() ? 0 : it->second;
}

void Matcher::add_name(uint32_t entry, uint32_t name_index, const std::string& raw, bool surname) {
  const Entry& e = dict_.entries()[entry];
  std::string name = raw;
  bool stem = false;
  if (e.legacy_case) {
    // TABARI/PETRARCH: a final '_' marks a whole word; without it the last word is a stem.
    if (!name.empty() && name.back() == '_') name.pop_back();
    else stem = e.kind != EntryKind::kAgent && e.kind != EntryKind::kIssue;
  } else if (!name.empty() && name.back() == '*') {
    name.pop_back();  // native stem: "Syri*" matches Syria, Syrian, Syrians
    stem = true;
  }
  // Split the name as article text is split.
  std::vector<Token> tokens;
  Tokenizer().tokenize(name, tokens);
  std::vector<std::string> pieces;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPunct && t.text(name) != "&") continue;  // "Côte d'Ivoire," / "(UNHCR)"
    token_pieces(t.text(name), pieces);
  }
  if (pieces.empty()) return;
  Terminal term{entry, name_index, false, e.kind == EntryKind::kCity, surname};
  term.acronym = !e.legacy_case && has_letter(name) && !has_lower(name) && tokens.size() <= 2;
  uint32_t node = 0;
  bool discard = is_discard(entry);
  nodes_[0].leads_to_discard |= discard;
  size_t last = stem ? pieces.size() - 1 : pieces.size();
  for (size_t i = 0; i < last; ++i) {
    uint64_t key = (static_cast<uint64_t>(node) << 32) | intern(pieces[i]);
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      nodes_.emplace_back();
      it = edges_.emplace(key, static_cast<uint32_t>(nodes_.size() - 1)).first;
    }
    node = it->second;
    nodes_[node].leads_to_discard |= discard;
  }
  if (stem) {
    stems_[stem_key(node, pieces.back())].emplace_back(pieces.back(), term);
    return;
  }
  pending_.emplace_back(node, term);
}

bool Matcher::is_discard(uint32_t entry) const {
  const Entry& e = dict_.entries()[entry];
  if (e.kind == EntryKind::kDiscard || e.kind == EntryKind::kDiscardArticle) return true;
  return std::any_of(e.codes.begin(), e.codes.end(), [](const DatedCode& c) { return c.code == "###"; });
}

bool Matcher::terminal_ok(const Terminal& t, std::string_view text, std::span<const Token> tokens, uint32_t first,
                          uint32_t end) const {
  if (t.capitalised && !tokens[first].has(tf::kUpperInitial)) return false;
  if (t.acronym) {
    for (uint32_t k = first; k < end; ++k)
      if (has_lower(tokens[k].text(text))) return false;
  }
  return true;
}

// Pieces of tokens [first, end), appended; `first` gets an entry per token from `first` on.
void Matcher::make_pieces(std::string_view text, std::span<const Token> tokens, uint32_t first, uint32_t end,
                          Pieces& out) const {
  std::vector<std::string> buf;
  for (uint32_t k = first; k < end; ++k) {
    out.first.push_back(static_cast<uint32_t>(out.ids.size()));
    const Token& t = tokens[k];
    if (t.kind == TokenKind::kPunct && t.text(text) != "&") continue;  // punctuation is never a name
    buf.clear();
    token_pieces(t.text(text), buf);
    for (auto& p : buf) {
      out.ids.push_back(lookup(p));
      out.token.push_back(k);
      out.text.push_back(std::move(p));
    }
  }
  out.first.push_back(static_cast<uint32_t>(out.ids.size()));
}

void Matcher::match(std::string_view text, std::span<const Token> tokens, uint32_t first, uint32_t end,
                    std::vector<Match>& out, Pieces* cache, bool discards_only) const {
  if (discards_only && !nodes_[0].leads_to_discard) return;
  Pieces local;
  const Pieces* pieces = cache;
  uint32_t base = 0;  // the token `pieces->first` starts at
  if (cache) {
    if (cache->tokens != tokens.data() || cache->count != tokens.size()) {
      *cache = Pieces{};
      cache->tokens = tokens.data();
      cache->count = tokens.size();
      make_pieces(text, tokens, 0, static_cast<uint32_t>(tokens.size()), *cache);
    }
  } else {
    make_pieces(text, tokens, first, end, local);
    pieces = &local;
    base = first;
  }
  const size_t pb = pieces->first[first - base], pe = pieces->first[end - base];
  const std::vector<uint32_t>& ids = pieces->ids;
  const std::vector<std::string>& piece_text = pieces->text;
  const std::vector<uint32_t>& token_of_piece = pieces->token;
  auto token_ends_at = [&](size_t piece) {  // the piece is the last of its token
    return piece + 1 == pe || token_of_piece[piece + 1] != token_of_piece[piece];
  };

  size_t p = pb;
  while (p < pe) {
    // Only start at the first piece of a token.
    if (p > pb && token_of_piece[p - 1] == token_of_piece[p]) {
      ++p;
      continue;
    }
    uint32_t node = 0;
    size_t best_end = 0;  // pieces consumed by the longest valid match
    std::vector<const Terminal*> best;
    auto consider = [&](const Terminal& t, size_t consumed) {
      if (discards_only && !is_discard(t.entry)) return;
      uint32_t tf_first = token_of_piece[p], tf_end = token_of_piece[p + consumed - 1] + 1;
      if (!terminal_ok(t, text, tokens, tf_first, tf_end)) return;
      if (consumed > best_end) {
        best_end = consumed;
        best.clear();
      }
      if (consumed == best_end) best.push_back(&t);
    };
    for (size_t q = p; q < pe; ++q) {
      if (!stems_.empty() && token_ends_at(q)) {
        // Stems are filed under their first two bytes (one-byte stems under one).
        for (size_t prefix : {size_t{2}, size_t{1}}) {
          if (piece_text[q].size() < prefix) continue;
          auto st = stems_.find(stem_key(node, std::string_view(piece_text[q]).substr(0, prefix)));
          if (st == stems_.end()) continue;
          for (const auto& [stem, term] : st->second)
            if (piece_text[q].compare(0, stem.size(), stem) == 0) consider(term, q - p + 1);
        }
      }
      if (ids[q] == 0) break;
      auto it = edges_.find((static_cast<uint64_t>(node) << 32) | ids[q]);
      if (it == edges_.end()) break;
      node = it->second;
      if (discards_only && !nodes_[node].leads_to_discard) break;
      if (token_ends_at(q)) {
        const Node& n = nodes_[node];
        for (uint32_t k = 0; k < n.terminal_count; ++k) consider(terminals_[n.first_terminal + k], q - p + 1);
      }
    }
    if (best_end == 0) {
      ++p;
      continue;
    }
    uint32_t mf = token_of_piece[p], me = token_of_piece[p + best_end - 1] + 1;
    // Surnames lose to full names at the same span.
    bool any_full = std::any_of(best.begin(), best.end(), [](const Terminal* t) { return !t->surname; });
    for (const Terminal* t : best) {
      if (any_full && t->surname) continue;
      out.push_back({mf, me, t->entry, t->name, t->surname});
    }
    p += best_end;
  }
}

uint64_t Matcher::stem_key(uint32_t node, std::string_view stem) {
  uint64_t key = static_cast<uint64_t>(node) << 24;
  if (!stem.empty()) key |= static_cast<uint64_t>(static_cast<unsigned char>(stem[0])) << 8;
  if (stem.size() >= 2) key |= static_cast<unsigned char>(stem[1]) | (uint64_t{1} << 16);
  return key;
}

}  // namespace dyad
