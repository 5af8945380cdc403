#include "eval/analysis_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace dyad {

double AnalysisScores::np_precision() const {
  return np_predicted ? 100.0 * static_cast<double>(np_matched) / static_cast<double>(np_predicted) : 0;
}
double AnalysisScores::np_recall() const {
  return np_gold ? 100.0 * static_cast<double>(np_matched) / static_cast<double>(np_gold) : 0;
}
double AnalysisScores::np_f1() const {
  double p = np_precision(), r = np_recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

void AnalysisScores::add(const AnalysisScores& o) {
  sentences += o.sentences;
  broken_trees += o.broken_trees;
  tokens += o.tokens;
  tags_correct += o.tags_correct;
  for (const auto& [k, v] : o.confusions) confusions[k] += v;
  np_gold += o.np_gold;
  np_predicted += o.np_predicted;
  np_matched += o.np_matched;
  subjects += o.subjects;
  subjects_correct += o.subjects_correct;
}

std::string AnalysisScores::report(const std::string& title, size_t top) const {
  std::string out = fmt::format("{}: {} sentences ({} unreadable trees skipped), {} tokens\n", title,
                                sentences, broken_trees, tokens);
  out += fmt::format("  POS accuracy        {:6.2f}%  ({}/{})\n", pos_accuracy(), tags_correct, tokens);
  out += fmt::format("  base-NP F1          {:6.2f}%  (P {:.2f}%, R {:.2f}%; {} gold, {} found, {} matched)\n",
                     np_f1(), np_precision(), np_recall(), np_gold, np_predicted, np_matched);
  out += fmt::format("  subject-head acc.   {:6.2f}%  ({}/{} main clauses S -> NP VP)\n", subject_accuracy(),
                     subjects_correct, subjects);
  std::vector<std::pair<uint64_t, std::pair<std::string, std::string>>> conf;
  for (const auto& [k, v] : confusions) conf.emplace_back(v, k);
  std::sort(conf.begin(), conf.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (!conf.empty()) out += "  most frequent confusions (gold -> dyad):\n";
  for (size_t i = 0; i < conf.size() && i < top; ++i)
    out += fmt::format("    {:>5}  {:>5} -> {}\n", conf[i].first, conf[i].second.first, conf[i].second.second);
  return out;
}

// PETRARCH's trees mark auxiliaries AUXB/AUXD/AUXG/AUXN/AUXP/AUXZ; the Treebank tag set has
// VB/VBD/VBG/VBN/VBP/VBZ for them.
static std::string treebank_tag(const std::string& gold) {
  if (gold.size() == 4 && gold.compare(0, 3, "AUX") == 0) {
    switch (gold[3]) {
      case 'B': return "VB";
      case 'D': return "VBD";
      case 'G': return "VBG";
      case 'N': return "VBN";
      case 'P': return "VBP";
      case 'Z': return "VBZ";
      default: break;
    }
  }
  return gold;
}

void score_tree(const Tree& tree, const Analyzer& analyzer, AnalysisScores& s, std::vector<std::string>* misses) {
  Doc doc = doc_from_tree(tree);
  Analysis a;
  a.tags.assign(doc.tokens.size(), Pos::kColon);
  a.lemmas.assign(doc.tokens.size(), {});
  a.phrase_of.assign(doc.tokens.size(), kNone);
  analyzer.analyze_sentence(doc, doc.sentences.front(), a);
  ++s.sentences;

  std::string tagged;
  bool tag_error = false;
  for (size_t i = 0; i < tree.leaves.size(); ++i) {
    const std::string gold = treebank_tag(tree.node(tree.leaves[i]).label);
    std::string got(pos_name(a.tags[i]));
    ++s.tokens;
    bool same = gold == got || (gold == "-LCB-" && got == "-LRB-") || (gold == "-RCB-" && got == "-RRB-");
    if (same) ++s.tags_correct;
    else ++s.confusions[{gold, got}];
    tag_error |= !same;
    const std::string& w = tree.node(tree.leaves[i]).word;
    tagged += same ? w + " " : fmt::format("[{}/{}>{}] ", w, gold, got);
  }
  if (tag_error && misses) misses->push_back("tags: " + tagged);

  std::set<std::pair<int, int>> gold_np;
  for (auto np : tree.base_noun_phrases()) gold_np.insert(np);
  std::set<std::pair<int, int>> got_np;
  for (const NounPhrase& p : a.phrases) got_np.insert({static_cast<int>(p.first), static_cast<int>(p.end)});
  s.np_gold += gold_np.size();
  s.np_predicted += got_np.size();
  for (const auto& np : got_np) s.np_matched += gold_np.count(np);

  if (auto head = tree.main_subject_head()) {
    ++s.subjects;
    int got = -1;
    for (const Clause& c : a.clauses) {
      if (c.parent == kNone && c.subject != kNone && (c.kind == ClauseKind::kMain)) {
        // A coordination's head as the Treebank brackets it and Collins' rules read it: the
        // last conjunct of a flat one ("Gondor and Osgiliath"), the first of a nested one,
        // where a conjunct has a determiner or an attachment ("The Philippines and France").
        int32_t p = c.subject;
        bool nested = false;
        for (int32_t q = p; q != kNone; q = a.phrases[static_cast<size_t>(q)].conjunct_next) {
          const NounPhrase& np = a.phrases[static_cast<size_t>(q)];
          nested |= a.tags[np.first] == Pos::DT || a.tags[np.first] == Pos::PRPS || np.of_phrase != kNone;
        }
        while (!nested && a.phrases[static_cast<size_t>(p)].conjunct_next != kNone)
          p = a.phrases[static_cast<size_t>(p)].conjunct_next;
        got = static_cast<int>(a.phrases[static_cast<size_t>(p)].head);
        break;
      }
    }
    if (got == *head) {
      ++s.subjects_correct;
    } else if (misses) {
      std::string words;
      for (size_t i = 0; i < tree.leaves.size(); ++i) words += (i ? " " : "") + tree.node(tree.leaves[i]).word;
      misses->push_back(fmt::format("subject: gold '{}', dyad '{}': {}", tree.node(tree.leaves[static_cast<size_t>(*head)]).word,
                                    got >= 0 ? tree.node(tree.leaves[static_cast<size_t>(got)]).word : "-", words));
    }
  }
}

}  // namespace dyad
