#pragma once
// Hand-made coded articles for the store tests: sentences and the events they report, with
// the facts the store keeps (dates, actor codes, CAMEO codes, mentions, lead, place).
#include <optional>
#include <string>
#include <vector>

#include "code/event.h"
#include "text/doc.h"

namespace dyad::testing {

struct EventSpec {
  EventSpec(uint32_t sentence, std::string date, std::string source, std::string target, std::string cameo,
            uint32_t mentions = 1, bool root = false, std::optional<EventPlace> place = std::nullopt)
      : sentence(sentence), date(std::move(date)), source(std::move(source)), target(std::move(target)),
        cameo(std::move(cameo)), mentions(mentions), root(root), place(std::move(place)) {}
  uint32_t sentence;
  std::string date, source, target, cameo;
  uint32_t mentions;
  bool root;
  std::optional<EventPlace> place;
};

// An actor as the resolver would make it: "LBYGOV" → country LBY, roles GOV; "IGOUNO" has no country.
inline std::optional<Actor> make_actor(const std::string& code, Span span) {
  if (code.empty()) return std::nullopt;
  Actor a;
  a.code = code;
  bool state = code.size() >= 3 && code.compare(0, 3, "IGO") != 0 && code.compare(0, 3, "NGO") != 0;
  a.country = state ? code.substr(0, 3) : "";
  for (size_t i = state ? 3 : 0; i + 3 <= code.size(); i += 3) a.roles.push_back(code.substr(i, 3));
  a.span = span;
  return a;
}

inline Doc make_doc(const std::string& id, const std::string& outlet, const std::string& published,
                    const std::vector<std::string>& sentences, const std::vector<EventSpec>& events) {
  Article article;
  article.id = id;
  article.source = outlet;
  article.date = Date::parse_iso(published);
  article.date_text = published;
  Doc doc(std::move(article));
  for (const std::string& s : sentences) {
    if (!doc.article.text.empty()) doc.article.text += ' ';
    Sentence sentence;
    sentence.span.begin = static_cast<uint32_t>(doc.article.text.size());
    doc.article.text += s;
    sentence.span.end = static_cast<uint32_t>(doc.article.text.size());
    doc.sentences.push_back(sentence);
  }
  Events& coded = doc.ext<Events>();
  for (const EventSpec& spec : events) {
    Event e;
    e.sentence = spec.sentence;
    Span s = doc.sentences.at(spec.sentence).span;
    // The first word is the source, the last the target, one in the middle the trigger.
    e.source = make_actor(spec.source, Span{s.begin, s.begin + 1});
    e.target = make_actor(spec.target, Span{s.end - 1, s.end});
    e.trigger = Span{s.begin + 2, s.begin + 3};
    e.cameo = spec.cameo;
    e.date = Date::parse_iso(spec.date);
    e.date_text = spec.date;
    e.mentions = spec.mentions;
    e.root = spec.root;
    e.place = spec.place;
    e.rule = "test:1";
    e.confidence = 0.5;
    coded.events.push_back(e);
  }
  return doc;
}

}  // namespace dyad::testing
