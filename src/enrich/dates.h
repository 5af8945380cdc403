#pragma once
// Event dates: each event is dated by the time expression of its own clause ("on Sunday",
// "yesterday", "on Nov. 24", "in April"), resolved against the article's publication date,
// else by the article's date (docs/enrich.md).
#include <cstdint>
#include <optional>

#include "base/date.h"
#include "base/span.h"
#include "text/doc.h"

namespace dyad {

struct TimeExpression {
  Span span;  // the words that name the time
  Date date;
};

// The first time expression in tokens [first, end) of `doc` that resolves against the article
// date `published` (absent: only dates that name their year resolve). `future`: the clause
// speaks of what is to come, so "on Monday" is the next Monday and "in April" the next April.
// The analysis, when the doc has one, tells "May" the month from the verb.
std::optional<TimeExpression> find_time(const Doc& doc, uint32_t first, uint32_t end,
                                        const std::optional<Date>& published, bool future);

// A pipeline component after the event coder: sets each event's date, its ISO text and the
// span of the expression it came from (empty when it is the article's date).
class DateResolver {
 public:
  void operator()(Doc& doc) const;
};

}  // namespace dyad
