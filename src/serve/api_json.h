#pragma once
// The JSON bodies of the API (docs/serve.md). Spans are byte offsets into the sentence given
// with them, not into the article: a client highlights by encoding the sentence to UTF-8.
#include <string>
#include <vector>

#include "store/event_store.h"

namespace dyad::serve {

// The EVENT object.
void append_event(std::string& out, const StoredEvent& e);
// The EVENT object with "reports": the evidence of one event.
void append_evidence(std::string& out, const StoredEvent& e, const std::vector<StoredReport>& reports);
void append_status(std::string& out, const StoreStatus& s, bool full_text_search);
void append_timeline(std::string& out, const Timeline& t, std::string_view by);
void append_series_points(std::string& out, const std::vector<SeriesPoint>& points, std::string_view by);
void append_actors(std::string& out, const std::vector<ActorTally>& rows);
void append_dyads(std::string& out, const std::vector<DyadTally>& rows);
void append_places(std::string& out, const std::vector<PlaceTally>& points);
// {"error": message, "parameter": name} (without "parameter" when `parameter` is empty).
std::string error_json(std::string_view message, std::string_view parameter = {});

}  // namespace dyad::serve
