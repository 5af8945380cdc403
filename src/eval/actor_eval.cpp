#include "eval/actor_eval.h"

#include <simdjson.h>

#include "base/error.h"
#include "text/segmenter.h"

namespace dyad {

std::vector<ActorCase> read_gold_actors(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(path).get(root)) throw InputError(path + ": cannot read as JSON");
  std::vector<ActorCase> out;
  simdjson::dom::array records;
  if (root.get(records)) throw InputError(path + ": expected a JSON array of records");
  for (simdjson::dom::element r : records) {
    std::string_view id, date;
    if (r["id"].get(id)) continue;
    if (r["date"].get(date)) date = "";
    for (const char* side : {"source", "target"}) {
      simdjson::dom::element v;
      if (r[side].get(v)) continue;
      std::vector<simdjson::dom::element> actors;
      if (v.is_array()) {
        for (simdjson::dom::element a : v.get_array()) actors.push_back(a);
      } else if (v.is_object()) {
        actors.push_back(v);
      }
      for (size_t i = 0; i < actors.size(); ++i) {
        std::string_view text, code;
        if (actors[i]["actorText"].get(text) || actors[i]["code"].get(code) || text.empty() || code.empty()) continue;
        out.push_back({std::string(id) + ":" + side + ":" + std::to_string(i), std::string(text), std::string(code),
                       std::string(date)});
      }
    }
  }
  return out;
}

ActorScores score_actors(const std::vector<ActorCase>& cases, ActorResolver& resolver) {
  ActorScores s;
  Segmenter segment;
  for (const ActorCase& c : cases) {
    Doc doc;
    doc.article.text = c.text;
    segment(doc);
    resolver.begin_article(Date::parse_iso(c.date));
    std::vector<Actor> found;
    resolver.resolve(doc, 0, static_cast<uint32_t>(doc.tokens.size()), found);
    std::string got = found.empty() ? "" : found.front().code;
    ++s.total;
    // Legacy codes in the 2016 gold, mapped as ../shared/tools/score_plover_gsr.py maps them.
    std::string gold3 = c.gold.substr(0, 3);
    if (gold3 == "JAP") gold3 = "JPN";
    if (gold3 == "ITL") gold3 = "ITA";
    if (got.size() >= 3 && gold3.size() == 3 && got.compare(0, 3, gold3) == 0) ++s.correct;
    else s.misses.push_back({c, got});
  }
  return s;
}

}  // namespace dyad
