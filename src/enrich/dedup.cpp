#include "enrich/dedup.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "code/event.h"

namespace dyad {

void EventMerger::operator()(Doc& doc) const {
  Events* events = doc.find_ext<Events>();
  if (!events) return;
  // Which sentences make the lead.
  std::vector<bool> lead(doc.sentences.size(), false);
  for (uint32_t i = 0, body = 0; i < doc.sentences.size() && body < kLeadSentences; ++i)
    if (doc.sentences[i].kind == SegmentKind::kBody || doc.sentences[i].kind == SegmentKind::kHeadline) {
      lead[i] = true;
      if (doc.sentences[i].kind == SegmentKind::kBody) ++body;
    }
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, size_t> first;  // key -> index in `kept`
  std::vector<Event> kept;
  kept.reserve(events->events.size());
  for (Event& e : events->events) {
    Key key{e.date_text, e.source ? e.source->code : "", e.target ? e.target->code : "", e.cameo};
    auto [it, added] = first.emplace(key, kept.size());
    if (!added) {
      kept[it->second].mentions += e.mentions;
      continue;
    }
    e.root = e.sentence < lead.size() && lead[e.sentence];
    kept.push_back(std::move(e));
  }
  events->events = std::move(kept);
}

}  // namespace dyad
