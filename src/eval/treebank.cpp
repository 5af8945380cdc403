#include "eval/treebank.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string strip_function_tags(std::string label) {
  if (label.empty() || label[0] == '-') return label;  // -LRB-, -NONE-
  size_t cut = label.find_first_of("-=");
  if (cut != std::string::npos && cut > 0) label.resize(cut);
  return label;
}

// Treebank escapes for brackets and slashes.
std::string unescape_leaf(const std::string& w) {
  if (w == "-LRB-") return "(";
  if (w == "-RRB-") return ")";
  if (w == "-LCB-") return "{";
  if (w == "-RCB-") return "}";
  if (w == "-LSB-") return "[";
  if (w == "-RSB-") return "]";
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == '\\' && i + 1 < w.size() && (w[i + 1] == '/' || w[i + 1] == '*')) continue;
    out.push_back(w[i]);
  }
  return out;
}

bool is_noun_tag(const std::string& l) { return l == "NN" || l == "NNS" || l == "NNP" || l == "NNPS"; }

}  // namespace

std::optional<Tree> Tree::parse(std::string_view s) {
  Tree t;
  std::vector<int> stack;
  size_t i = 0;
  auto skip = [&] {
    while (i < s.size() && is_space(s[i])) ++i;
  };
  auto atom = [&] {
    size_t b = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '(' && s[i] != ')') ++i;
    return std::string(s.substr(b, i - b));
  };
  skip();
  while (i < s.size()) {
    if (s[i] == '(') {
      ++i;
      skip();
      TreeNode n;
      if (i < s.size() && s[i] != '(') n.label = strip_function_tags(atom());
      t.nodes.push_back(std::move(n));
      int id = static_cast<int>(t.nodes.size()) - 1;
      if (!stack.empty()) t.nodes[static_cast<size_t>(stack.back())].children.push_back(id);
      else if (t.root < 0) t.root = id;
      else return std::nullopt;  // two trees
      stack.push_back(id);
      skip();
      if (i < s.size() && s[i] != '(' && s[i] != ')') {  // a leaf: (TAG word)
        TreeNode& leaf = t.nodes[static_cast<size_t>(id)];
        leaf.word = atom();
        leaf.first_leaf = static_cast<int>(t.leaves.size());
        leaf.end_leaf = leaf.first_leaf + 1;
        t.leaves.push_back(id);
      }
    } else if (s[i] == ')') {
      if (stack.empty()) return std::nullopt;
      int id = stack.back();
      stack.pop_back();
      TreeNode& n = t.nodes[static_cast<size_t>(id)];
      if (!n.children.empty()) {
        n.first_leaf = t.nodes[static_cast<size_t>(n.children.front())].first_leaf;
        n.end_leaf = t.nodes[static_cast<size_t>(n.children.back())].end_leaf;
      } else if (n.word.empty()) {
        return std::nullopt;  // "()" or a label without a word
      }
      ++i;
    } else {
      return std::nullopt;
    }
    skip();
  }
  if (!stack.empty() || t.root < 0 || t.leaves.empty()) return std::nullopt;
  // Drop empty elements (-NONE-) would go here; CoreNLP output has none.
  return t;
}

std::vector<std::pair<int, int>> Tree::base_noun_phrases() const {
  std::vector<std::pair<int, int>> out;
  auto is_separator = [](const TreeNode& n) {
    return n.label == "," || n.label == ":" || n.label == "CC" || n.label == "``" || n.label == "''" ||
           n.label == "-LRB-" || n.label == "-RRB-" || n.label == "." || n.label == "DT-separator";
  };
  auto is_chunk_part = [](const TreeNode& n) {
    return n.is_leaf() || n.label == "ADJP" || n.label == "QP" || n.label == "NX" || n.label == "NAC";
  };
  for (size_t id = 0; id < nodes.size(); ++id) {
    const TreeNode& np = nodes[id];
    if (np.label != "NP" || np.is_leaf()) continue;
    int run_start = -1, run_end = -1;
    auto flush = [&] {
      if (run_start >= 0) out.emplace_back(run_start, run_end);
      run_start = -1;
    };
    for (size_t k = 0; k < np.children.size(); ++k) {
      const TreeNode& c = node(np.children[k]);
      if (is_chunk_part(c) && !(c.is_leaf() && is_separator(c))) {
        if (run_start < 0) run_start = c.first_leaf;
        run_end = c.end_leaf;
        if (c.is_leaf() && c.label == "POS") flush();  // "Libya 's" | "army"
      } else {
        flush();
      }
    }
    flush();
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int Tree::noun_phrase_head(int id) const {
  // Collins (1999) head rules for NP, simplified.
  const TreeNode& np = node(id);
  if (np.is_leaf()) return np.first_leaf;
  const TreeNode& last = node(np.children.back());
  if (last.is_leaf() && last.label == "POS") return last.first_leaf;
  for (size_t k = np.children.size(); k-- > 0;) {
    const TreeNode& c = node(np.children[k]);
    if (c.is_leaf() && (is_noun_tag(c.label) || c.label == "JJR")) return c.first_leaf;
  }
  for (int c : np.children)
    if (node(c).label == "NP") return noun_phrase_head(c);
  for (size_t k = np.children.size(); k-- > 0;) {
    const TreeNode& c = node(np.children[k]);
    if (c.is_leaf() && (c.label == "CD" || c.label == "PRP" || c.label == "$")) return c.first_leaf;
    if (c.label == "ADJP" || c.label == "PRN" || c.label == "QP") return c.end_leaf - 1;
  }
  return np.end_leaf - 1;
}

std::optional<int> Tree::main_subject_head() const {
  int s = root;
  while (s >= 0 && node(s).label == "ROOT" && node(s).children.size() == 1) s = node(s).children.front();
  if (s < 0 || node(s).label != "S") return std::nullopt;
  const auto& kids = node(s).children;
  for (size_t k = 0; k + 1 < kids.size(); ++k)
    if (node(kids[k]).label == "NP" && node(kids[k + 1]).label == "VP") return noun_phrase_head(kids[k]);
  return std::nullopt;
}

std::vector<Tree> read_petrarch_trees(const std::string& path, size_t* broken) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::vector<Tree> trees;
  size_t bad = 0;
  for (size_t pos = text.find("<Parse>"); pos != std::string::npos; pos = text.find("<Parse>", pos)) {
    size_t end = text.find("</Parse>", pos);
    if (end == std::string::npos) break;
    std::string_view body(text.data() + pos + 7, end - pos - 7);
    if (body.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      if (auto t = Tree::parse(body)) trees.push_back(std::move(*t));
      else ++bad;
    }
    pos = end;
  }
  if (broken) *broken = bad;
  return trees;
}

Doc doc_from_tree(const Tree& tree) {
  Doc doc;
  std::string& text = doc.article.text;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (int leaf : tree.leaves) {
    if (!text.empty()) text.push_back(' ');
    uint32_t b = static_cast<uint32_t>(text.size());
    text += unescape_leaf(tree.node(leaf).word);
    spans.emplace_back(b, static_cast<uint32_t>(text.size()));
  }
  for (size_t i = 0; i < spans.size(); ++i)
    doc.tokens.push_back(Tokenizer::classify(text, spans[i].first, spans[i].second,
                                             i == 0 ? Gap::kParagraph : Gap::kSpace));
  Sentence s;
  s.first_token = 0;
  s.end_token = static_cast<uint32_t>(doc.tokens.size());
  s.span = {doc.tokens.front().begin, doc.tokens.back().end};
  doc.sentences.push_back(s);
  return doc;
}

}  // namespace dyad
