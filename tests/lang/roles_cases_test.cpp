// Runs the sentence -> expected analysis table in roles_cases.txt (format in its header).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lang/analyzer.h"
#include "out/explain.h"
#include "test_util.h"
#include "text/segmenter.h"

namespace dyad {
namespace {

struct Expectation {
  std::string kind;  // "tags", "lemmas", "phrases", "clause", "verb"
  std::string value;
  int line = 0;
};

struct Case {
  std::string name;
  int line = 0;
  std::string text;
  std::vector<Expectation> expect;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, sep)) out.push_back(trim(item));
  return out;
}

std::vector<Case> load_cases() {
  return testing::read_case_table<Case>(
      "tests/lang/roles_cases.txt", [](const std::string& name, int line) { return Case{name, line, {}, {}}; },
      [](Case& c, const std::string& line, int number) {
        size_t colon = line.find(": ");
        if (colon == std::string::npos) {
          ADD_FAILURE() << "roles_cases.txt:" << number << ": no 'key: value'";
          return;
        }
        std::string key = line.substr(0, colon), value = line.substr(colon + 2);
        if (key == "text") c.text = value;
        else c.expect.push_back({key, value, number});
      });
}

// Everything the table can refer to, by text.
class View {
 public:
  explicit View(Doc& doc) : doc_(doc), a_(*doc.find_ext<Analysis>()) {}

  std::string tokens(uint32_t first, uint32_t end) const {
    return std::string(doc_.text_of(Span{doc_.tokens[first].begin, doc_.tokens[end - 1].end}));
  }
  std::string phrase(int32_t p) const {
    if (p == kNone) return "-";
    const NounPhrase& np = a_.phrases[static_cast<size_t>(p)];
    return tokens(np.first, np.end);
  }
  std::string verb(size_t v) const { return tokens(a_.verbs[v].first, a_.verbs[v].end); }
  const Analysis& a() const { return a_; }
  const Doc& doc() const { return doc_; }

  // The clause whose verb group reads `text`.
  const Clause* clause(const std::string& text) const {
    for (const Clause& c : a_.clauses)
      if (verb(c.verb) == text) return &c;
    return nullptr;
  }
  const VerbGroup* verb_group(const std::string& text) const {
    for (size_t v = 0; v < a_.verbs.size(); ++v)
      if (verb(v) == text) return &a_.verbs[v];
    return nullptr;
  }

 private:
  Doc& doc_;
  const Analysis& a_;
};

std::string kind_of(ClauseKind k) { return std::string(kind_name(k)); }

// Checks one "clause:" line; returns the problems found.
std::string check_clause(const View& v, const std::string& spec) {
  auto fields = split(spec, '|');
  const Clause* c = v.clause(fields[0]);
  if (!c) return "no clause with verb group '" + fields[0] + "'";
  std::string problems;
  for (size_t i = 1; i < fields.size(); ++i) {
    std::string f = fields[i];
    size_t eq = f.find('=');
    std::string key = f.substr(0, eq), want = eq == std::string::npos ? "" : f.substr(eq + 1);
    std::string got;
    if (key == "kind") got = kind_of(c->kind);
    else if (key == "subject") got = v.phrase(c->subject);
    else if (key == "object") got = v.phrase(c->object);
    else if (key == "object2") got = v.phrase(c->object2);
    else if (key == "agent") got = v.phrase(c->agent);
    else if (key == "said_by") got = v.phrase(c->attributed_to);
    else if (key == "parent") got = c->parent == kNone ? "-" : v.verb(v.a().clauses[static_cast<size_t>(c->parent)].verb);
    else if (key == "intent") got = c->has_intent ? std::string(v.doc().text_of(v.doc().tokens[c->intent])) : "-";
    else if (key == "inherited") got = c->subject_inherited ? "" : "(not inherited)";
    else {
      // A preposition: "with=Gen. Khalifa Haftar".
      got = "-";
      for (const PrepObject& p : c->preps)
        if (v.doc().text_of(v.doc().tokens[p.prep]) == key) got = v.phrase(p.phrase);
    }
    if (got != want) problems += "  " + key + ": want '" + want + "', got '" + got + "'\n";
  }
  return problems;
}

std::string check_verb(const View& v, const std::string& spec) {
  auto fields = split(spec, '|');
  const VerbGroup* g = v.verb_group(fields[0]);
  if (!g) return "no verb group '" + fields[0] + "'";
  std::string problems;
  auto tense = [](Tense t) {
    return t == Tense::kPast ? "past" : t == Tense::kPresent ? "present" : t == Tense::kFuture ? "future" : "none";
  };
  auto form = [](Form f) {
    return f == Form::kFinite ? "finite" : f == Form::kInfinitive ? "infinitive" : f == Form::kGerund ? "gerund" : "participle";
  };
  for (size_t i = 1; i < fields.size(); ++i) {
    std::string f = fields[i];
    bool negate = !f.empty() && f[0] == '!';
    if (negate) f = f.substr(1);
    size_t eq = f.find('=');
    std::string key = f.substr(0, eq), want = eq == std::string::npos ? "" : f.substr(eq + 1);
    std::string got;
    bool flag = false, is_flag = true;
    if (key == "passive") flag = g->passive;
    else if (key == "negated") flag = g->negated;
    else if (key == "perfect") flag = g->perfect;
    else if (key == "progressive") flag = g->progressive;
    else {
      is_flag = false;
      if (key == "tense") got = tense(g->tense);
      else if (key == "form") got = form(g->form);
      else if (key == "modal") got = g->modal == kNone ? "-" : std::string(v.doc().text_of(v.doc().tokens[static_cast<size_t>(g->modal)]));
      else if (key == "particle") got = g->particle == kNone ? "-" : std::string(v.doc().text_of(v.doc().tokens[static_cast<size_t>(g->particle)]));
      else if (key == "head") got = std::string(v.doc().text_of(v.doc().tokens[g->head]));
      else got = "(unknown key)";
    }
    if (is_flag && flag == negate) problems += "  " + std::string(negate ? "!" : "") + key + " does not hold\n";
    if (!is_flag && got != want) problems += "  " + key + ": want '" + want + "', got '" + got + "'\n";
  }
  return problems;
}

class RolesCases : public ::testing::TestWithParam<Case> {};

TEST_P(RolesCases, MatchesTable) {
  const Case& c = GetParam();
  Doc doc;
  doc.article.text = c.text;
  Segmenter()(doc);
  Analyzer()(doc);
  View v(doc);
  std::string failures;
  for (const Expectation& e : c.expect) {
    std::string problem;
    if (e.kind == "clause") {
      problem = check_clause(v, e.value);
    } else if (e.kind == "verb") {
      problem = check_verb(v, e.value);
    } else if (e.kind == "phrases") {
      std::vector<std::string> got;
      for (size_t p = 0; p < v.a().phrases.size(); ++p) got.push_back(v.phrase(static_cast<int32_t>(p)));
      std::string joined;
      for (const auto& g : got) joined += (joined.empty() ? "" : " | ") + g;
      if (joined != e.value) problem = "  want " + e.value + "\n  got  " + joined + "\n";
    } else if (e.kind == "tags" || e.kind == "lemmas") {
      for (const std::string& pair : split(e.value, ' ')) {
        if (pair.empty()) continue;
        size_t sep = pair.rfind(e.kind == "tags" ? '/' : '>');
        std::string word = pair.substr(0, sep), want = pair.substr(sep + 1);
        std::string got = "(no such token)";
        for (size_t i = 0; i < doc.tokens.size(); ++i) {
          if (doc.text_of(doc.tokens[i]) != word) continue;
          got = e.kind == "tags" ? std::string(pos_name(v.a().tags[i])) : std::string(v.a().lemmas[i]);
          break;
        }
        if (got != want) problem += "  " + word + ": want " + want + ", got " + got + "\n";
      }
    } else {
      problem = "unknown expectation '" + e.kind + "'";
    }
    if (!problem.empty())
      failures += "roles_cases.txt:" + std::to_string(e.line) + ": " + e.kind + ": " + e.value + "\n" + problem;
  }
  if (!failures.empty()) {
    std::string explained;
    explain_text(doc, explained);
    ADD_FAILURE() << c.name << "\n" << failures << "\n" << explained;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, RolesCases, ::testing::ValuesIn(load_cases()), testing::case_name<Case>);

TEST(RolesTable, HasCases) { EXPECT_GE(load_cases().size(), 60u); }

}  // namespace
}  // namespace dyad
