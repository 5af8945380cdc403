#pragma once
// Query results as text: an aligned table for a terminal, CSV with a header, JSON Lines with
// the event fields of the contract (../shared/reference/event-jsonl.md) plus the store's
// counts; time series as CSV or JSON.
#include <string>
#include <vector>

#include "store/event_store.h"

namespace dyad {

enum class EventsFormat { kTable, kCsv, kJsonl };
enum class SeriesFormat { kCsv, kJson };

// CSV header and one row per event.
void append_events_csv_header(std::string& out);
void append_event_csv(const StoredEvent& e, std::string& out);
void append_event_jsonl(const StoredEvent& e, std::string& out);
// Columns sized to their longest value (the sentence cut at `sentence_width` characters).
std::string format_events_table(const std::vector<StoredEvent>& events, size_t sentence_width = 70);

void append_series(const std::vector<SeriesPoint>& series, SeriesFormat format, std::string& out);

}  // namespace dyad
