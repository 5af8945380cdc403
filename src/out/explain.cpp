#include "out/explain.h"

#include "code/event.h"

#include <fmt/format.h>

#include "lang/analysis.h"
#include "out/json.h"

namespace dyad {
namespace {

std::string_view tense_name(Tense t) {
  switch (t) {
    case Tense::kPresent: return "present";
    case Tense::kPast: return "past";
    case Tense::kFuture: return "future";
    case Tense::kNone: break;
  }
  return "";
}

std::string_view form_name(Form f) {
  switch (f) {
    case Form::kFinite: return "finite";
    case Form::kInfinitive: return "infinitive";
    case Form::kGerund: return "gerund";
    case Form::kParticiple: return "participle";
  }
  return "";
}

Span tokens_span(const Doc& doc, uint32_t first, uint32_t end) {
  return {doc.tokens[first].begin, doc.tokens[end - 1].end};
}

std::string verb_features(const Doc& doc, const Analysis& a, const VerbGroup& v) {
  std::string f(tense_name(v.tense));
  auto add = [&](std::string_view s) {
    if (!f.empty()) f += ", ";
    f += s;
  };
  if (v.form != Form::kFinite) add(form_name(v.form));
  if (v.passive) add("passive");
  if (v.perfect) add("perfect");
  if (v.progressive) add("progressive");
  if (v.negated) add("negated");
  if (v.modal != kNone) add(fmt::format("modal {}", doc.text_of(doc.tokens[static_cast<size_t>(v.modal)])));
  if (v.particle != kNone) add(fmt::format("particle {}", doc.text_of(doc.tokens[static_cast<size_t>(v.particle)])));
  (void)a;
  return f;
}

// The phrase with what hangs on it ("the president of Egypt", "X, the ambassador,").
Span extent(const Doc& doc, const Analysis& a, int32_t p) {
  const NounPhrase& np = a.phrases[static_cast<size_t>(p)];
  uint32_t first = np.possessor != kNone ? a.phrases[static_cast<size_t>(np.possessor)].first : np.first;
  return tokens_span(doc, first, np.extent_end);
}

}  // namespace

void explain_text(const Doc& doc, std::string& out, const std::vector<CodingNote>* notes) {
  const Analysis* a = doc.find_ext<Analysis>();
  auto it = std::back_inserter(out);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    fmt::format_to(it, "sentence {} ({}, bytes {}-{}): {}\n", si, dyad::kind_name(s.kind), s.span.begin, s.span.end,
                   doc.text_of(s.span));
    if (!a || a->tags.size() != doc.tokens.size() || a->lemmas[s.first_token].empty()) {
      out += "  (not analysed)\n\n";
      continue;
    }
    out += "  tokens:";
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      std::string_view w = doc.text_of(doc.tokens[i]);
      fmt::format_to(it, " {}/{}", w, pos_name(a->tags[i]));
      if (a->lemmas[i] != w) fmt::format_to(it, "({})", a->lemmas[i]);
    }
    out += "\n  phrases:\n";
    for (size_t p = 0; p < a->phrases.size(); ++p) {
      const NounPhrase& np = a->phrases[p];
      if (np.first < s.first_token || np.first >= s.end_token) continue;
      fmt::format_to(it, "    NP{:<3} {:<34} head {}", p, doc.text_of(tokens_span(doc, np.first, np.end)),
                     doc.text_of(doc.tokens[np.head]));
      if (np.possessor != kNone) fmt::format_to(it, "; possessor NP{}", np.possessor);
      if (np.of_phrase != kNone) fmt::format_to(it, "; of NP{}", np.of_phrase);
      if (np.apposition != kNone) fmt::format_to(it, "; apposition NP{}", np.apposition);
      if (np.conjunct_next != kNone) fmt::format_to(it, "; and NP{}", np.conjunct_next);
      out += '\n';
    }
    out += "  verbs:\n";
    for (size_t v = 0; v < a->verbs.size(); ++v) {
      const VerbGroup& vg = a->verbs[v];
      if (vg.first < s.first_token || vg.first >= s.end_token) continue;
      fmt::format_to(it, "    VG{:<3} {:<20} {}\n", v, doc.text_of(tokens_span(doc, vg.first, vg.end)),
                     verb_features(doc, *a, vg));
    }
    out += "  clauses:\n";
    for (size_t c = 0; c < a->clauses.size(); ++c) {
      const Clause& cl = a->clauses[c];
      const VerbGroup& vg = a->verbs[cl.verb];
      if (vg.first < s.first_token || vg.first >= s.end_token) continue;
      fmt::format_to(it, "    C{:<3} {:<12} {}", c, kind_name(cl.kind),
                     doc.text_of(tokens_span(doc, vg.first, vg.end)));
      if (cl.parent != kNone) fmt::format_to(it, "  (under C{})", cl.parent);
      out += '\n';
      auto role = [&](std::string_view name, int32_t p) {
        if (p != kNone) fmt::format_to(it, "           {:<10} {}\n", name, doc.text_of(extent(doc, *a, p)));
      };
      role(cl.subject_inherited ? "subject*" : "subject", cl.subject);
      role("object", cl.object);
      role("object2", cl.object2);
      role("agent", cl.agent);
      for (const PrepObject& pr : cl.preps)
        role(fmt::format("{}", doc.text_of(doc.tokens[pr.prep])), pr.phrase);
      role("said by", cl.attributed_to);
      if (cl.has_intent)
        fmt::format_to(it, "           {:<10} {}\n", "intent", doc.text_of(doc.tokens[cl.intent]));
    }
    if (notes) {
      out += "  coding:\n";
      for (const CodingNote& n : *notes)
        if (n.sentence == si) fmt::format_to(it, "    {}\n", n.text);
      const Events* events = doc.find_ext<Events>();
      size_t count = 0;
      if (events)
        for (const Event& e : events->events) {
          if (e.sentence != si) continue;
          ++count;
          fmt::format_to(it, "  event: {} -> {}  {}{}  [{}]{}\n", e.source ? e.source->code : "-",
                         e.target ? e.target->code : "-", e.cameo, e.negated ? " (negated)" : "", e.rule,
                         e.note.empty() ? "" : "  " + e.note);
        }
      if (!count) out += "  no event\n";
    }
    out += '\n';
  }
}

void explain_json(const Doc& doc, std::string& out) {
  const Analysis* a = doc.find_ext<Analysis>();
  auto it = std::back_inserter(out);
  auto span_of = [&](uint32_t first, uint32_t end) {
    std::string s;
    json::append_span(s, tokens_span(doc, first, end));
    return s;
  };
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    out += "{\"article_id\":";
    json::append_string(out, doc.article.id);
    fmt::format_to(it, ",\"sentence_index\":{},\"kind\":\"{}\",\"text\":", si, dyad::kind_name(s.kind));
    json::append_string(out, doc.text_of(s.span));
    out += ",\"span\":";
    json::append_span(out, s.span);
    bool analysed = a && a->tags.size() == doc.tokens.size() && !a->lemmas[s.first_token].empty();
    out += ",\"tokens\":[";
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      if (i > s.first_token) out += ',';
      out += "{\"i\":";
      json::append_uint(out, i);
      out += ",\"text\":";
      json::append_string(out, doc.text_of(doc.tokens[i]));
      out += ",\"span\":";
      json::append_span(out, doc.tokens[i].span());
      if (analysed) {
        fmt::format_to(it, ",\"tag\":\"{}\",\"lemma\":", pos_name(a->tags[i]));
        json::append_string(out, a->lemmas[i]);
      }
      out += '}';
    }
    out += ']';
    if (analysed) {
      out += ",\"phrases\":[";
      bool first = true;
      for (size_t p = 0; p < a->phrases.size(); ++p) {
        const NounPhrase& np = a->phrases[p];
        if (np.first < s.first_token || np.first >= s.end_token) continue;
        if (!first) out += ',';
        first = false;
        fmt::format_to(it, "{{\"id\":{},\"first\":{},\"end\":{},\"head\":{},\"span\":{},\"text\":", p, np.first, np.end,
                       np.head, span_of(np.first, np.end));
        json::append_string(out, doc.text_of(tokens_span(doc, np.first, np.end)));
        fmt::format_to(it, ",\"possessor\":{},\"of\":{},\"apposition\":{},\"and\":{},\"proper\":{},\"pronoun\":{}}}",
                       np.possessor, np.of_phrase, np.apposition, np.conjunct_next, np.proper, np.pronoun);
      }
      out += "],\"verbs\":[";
      first = true;
      for (size_t v = 0; v < a->verbs.size(); ++v) {
        const VerbGroup& vg = a->verbs[v];
        if (vg.first < s.first_token || vg.first >= s.end_token) continue;
        if (!first) out += ',';
        first = false;
        fmt::format_to(it,
                       "{{\"id\":{},\"first\":{},\"end\":{},\"head\":{},\"span\":{},\"tense\":\"{}\",\"form\":\"{}\","
                       "\"passive\":{},\"perfect\":{},\"progressive\":{},\"negated\":{},\"modal\":{},\"particle\":{}}}",
                       v, vg.first, vg.end, vg.head, span_of(vg.first, vg.end), tense_name(vg.tense), form_name(vg.form),
                       vg.passive, vg.perfect, vg.progressive, vg.negated, vg.modal, vg.particle);
      }
      out += "],\"clauses\":[";
      first = true;
      for (size_t c = 0; c < a->clauses.size(); ++c) {
        const Clause& cl = a->clauses[c];
        if (a->verbs[cl.verb].first < s.first_token || a->verbs[cl.verb].first >= s.end_token) continue;
        if (!first) out += ',';
        first = false;
        fmt::format_to(it,
                       "{{\"id\":{},\"kind\":\"{}\",\"verb\":{},\"subject\":{},\"subject_inherited\":{},\"object\":{},"
                       "\"object2\":{},\"agent\":{},\"parent\":{},\"attributed_to\":{},\"intent\":{},\"preps\":[",
                       c, kind_name(cl.kind), cl.verb, cl.subject, cl.subject_inherited, cl.object, cl.object2, cl.agent,
                       cl.parent, cl.attributed_to, cl.has_intent ? static_cast<int64_t>(cl.intent) : -1);
        for (size_t k = 0; k < cl.preps.size(); ++k) {
          if (k) out += ',';
          out += "{\"prep\":";
          json::append_string(out, doc.text_of(doc.tokens[cl.preps[k].prep]));
          fmt::format_to(it, ",\"phrase\":{}}}", cl.preps[k].phrase);
        }
        out += "]}";
      }
      out += ']';
    }
    out += "}\n";
  }
}

}  // namespace dyad
