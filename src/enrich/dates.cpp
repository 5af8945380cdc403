#include "enrich/dates.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "code/event.h"
#include "lang/analysis.h"
#include "lang/clauses.h"

namespace dyad {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

// 1..12 for a month's name or abbreviation ("Nov.", "Sept"), 0 otherwise.
int month_of(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {"january", "february", "march",     "april",
                                                             "may",     "june",     "july",      "august",
                                                             "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (size_t m = 0; m < 12; ++m)
    if (w == kFull[m] || w == kShort[m] || (m == 8 && w == "sept")) return static_cast<int>(m) + 1;
  return 0;
}

int weekday_of(std::string_view w) {
  for (size_t d = 0; d < kWeekdays.size(); ++d)
    if (w == kWeekdays[d]) return static_cast<int>(d);
  return -1;
}

// A day of the month: "24", "24th", "1st".
int day_of(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && n < 2 && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0) return 0;
  std::string_view rest = w.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  int d = std::stoi(std::string(w.substr(0, n)));
  return d >= 1 && d <= 31 ? d : 0;
}

int year_of(std::string_view w) {
  if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  int y = std::stoi(std::string(w));
  return y >= 1900 && y <= 2100 ? y : 0;
}

int count_of(std::string_view w) {
  static constexpr std::array<std::string_view, 11> kWords = {"a", "one", "two", "three", "four", "five",
                                                              "six", "seven", "eight", "nine", "ten"};
  for (size_t n = 0; n < kWords.size(); ++n)
    if (w == kWords[n]) return n == 0 ? 1 : static_cast<int>(n);
  if (!w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::stoi(std::string(w));
  return 0;
}

Date months_before(const Date& d, int n) {
  int m = d.month - n, y = d.year;
  while (m < 1) {
    m += 12;
    --y;
  }
  while (m > 12) {
    m -= 12;
    ++y;
  }
  return Date{y, m, std::min(d.day, Date::days_in_month(y, m))};
}

class TimeFinder {
 public:
  TimeFinder(const Doc& doc, const std::optional<Date>& published, bool future)
      : doc_(doc), analysis_(doc.find_ext<Analysis>()), published_(published), future_(future) {}

  std::optional<TimeExpression> find(uint32_t first, uint32_t end) const {
    for (uint32_t t = first; t < end; ++t)
      if (auto found = at(t)) return found;
    return std::nullopt;
  }

 private:
  // Expressions start within the range and may run past its end ("on July 9, 2018": a clause
  // may stop at the comma).
  std::string word(uint32_t t) const {
    return t < doc_.tokens.size() ? ascii_lower(doc_.text_of(doc_.tokens[t])) : std::string();
  }
  bool capitalised(uint32_t t) const { return t < doc_.tokens.size() && doc_.tokens[t].has(token_flags::kUpperInitial); }

  TimeExpression made(uint32_t first, uint32_t end, Date d) const {
    return {{doc_.tokens[first].begin, doc_.tokens[end - 1].end}, d};
  }

  // The most recent `weekday` on or before the publication date (strictly before with
  // `last`), or the next one after it for the future or with `next`.
  Date weekday_date(int weekday, bool last, bool next) const {
    int diff = (published_->weekday() - weekday + 7) % 7;
    if (next || (future_ && !last)) return published_->plus_days(diff == 0 ? 7 : 7 - diff);
    if (last && diff == 0) diff = 7;
    return published_->plus_days(-diff);
  }

  // A month (and day) without a year: the most recent one, or the next one for the future.
  Date month_date(int month, int day) const {
    int year = published_->year;
    int d = day ? std::min(day, Date::days_in_month(year, month)) : 1;
    Date candidate{year, month, d};
    bool same_month = month == published_->month && !day;
    if (future_) {
      if (candidate < *published_ && !same_month) candidate.year += 1;
    } else if (candidate > *published_) {
      candidate.year -= 1;
    }
    candidate.day = std::min(candidate.day, Date::days_in_month(candidate.year, candidate.month));
    return candidate;
  }

  // "May" and "March" are months only where a date is plainly meant.
  bool month_here(uint32_t t, int month) const {
    if (!capitalised(t)) return false;
    if (month != 3 && month != 5) return true;
    bool tagged_name = analysis_ && t < analysis_->tags.size() && is_proper(analysis_->tags[t]);
    std::string before = t > 0 ? word(t - 1) : "";
    static constexpr std::array<std::string_view, 11> kBefore = {"in",   "since", "until", "during", "early", "late",
                                                                 "mid",  "last",  "next",  "this",   "by"};
    bool preposition = std::find(kBefore.begin(), kBefore.end(), before) != kBefore.end();
    return (tagged_name && t > 0) || preposition || day_of(word(t + 1)) || year_of(word(t + 1));
  }

  std::optional<TimeExpression> at(uint32_t t) const {
    std::string w = word(t);
    // A date written out in full ("2019-11-24") needs no publication date.
    if (auto iso = Date::parse_iso(w)) return made(t, t + 1, *iso);
    // "the July 28 presidential election", "Sunday's attack": a date that describes a noun is
    // that noun's, not the clause's.
    if (t > 0 && (month_of(w) || weekday_of(w) >= 0)) {
      std::string before = word(t - 1);
      if (before == "the" || before == "a" || before == "its" || before == "their" || before == "his" ||
          before == "her" || before == "'s")
        return std::nullopt;
    }
    if (weekday_of(w) >= 0 && (word(t + 1) == "'s" || word(t + 1) == "'")) return std::nullopt;
    if (int month = month_of(w); month && month_here(t, month)) {
      // "Nov. 24", "November 24th, 2019", "November 2019", "in April".
      int day = day_of(word(t + 1));
      uint32_t after = t + 1 + (day ? 1 : 0);
      if (word(after) == ",") ++after;
      int year = year_of(word(after));
      if (year) {
        int d = day ? std::min(day, Date::days_in_month(year, month)) : 1;
        return made(t, after + 1, Date{year, month, d});
      }
      if (!published_) return std::nullopt;
      return made(t, t + 1 + (day ? 1 : 0), month_date(month, day));
    }
    if (int day = day_of(w); day && t + 1 < doc_.tokens.size()) {
      // "24 November 2019", "24 Nov".
      int month = month_of(word(t + 1));
      if (month && capitalised(t + 1)) {
        if (int year = year_of(word(t + 2))) return made(t, t + 3, Date{year, month, std::min(day, Date::days_in_month(year, month))});
        if (published_) return made(t, t + 2, month_date(month, day));
      }
    }
    if (!published_) return std::nullopt;
    const Date& p = *published_;
    if (w == "today" || w == "tonight") return made(t, t + 1, p);
    if (w == "yesterday") return made(t, t + 1, p.plus_days(-1));
    if (w == "tomorrow") return made(t, t + 1, p.plus_days(1));
    if (int d = weekday_of(w); d >= 0 && capitalised(t)) {
      std::string before = t > 0 ? word(t - 1) : "";
      bool last = before == "last", next = before == "next";
      uint32_t from = (last || next) ? t - 1 : t;
      return made(from, t + 1, weekday_date(d, last, next));
    }
    std::string next_word = word(t + 1);
    if (w == "last" || w == "next" || w == "this") {
      int sign = w == "last" ? -1 : w == "next" ? 1 : 0;
      if (next_word == "night" && sign < 0) return made(t, t + 2, p.plus_days(-1));
      if (next_word == "week" || next_word == "weekend") return made(t, t + 2, p.plus_days(7 * sign));
      if (next_word == "month") return made(t, t + 2, months_before(p, -sign));
    }
    if (w == "earlier" && next_word == "this" && (word(t + 2) == "week" || word(t + 2) == "month"))
      return made(t, t + 3, p);  // no day is named: the publication date
    if (int n = count_of(w); n && word(t + 2) == "ago") {
      // "two days ago", "a week ago", "three months ago".
      std::string unit = next_word;
      if (unit == "day" || unit == "days") return made(t, t + 3, p.plus_days(-n));
      if (unit == "week" || unit == "weeks") return made(t, t + 3, p.plus_days(-7 * n));
      if (unit == "month" || unit == "months") return made(t, t + 3, months_before(p, n));
    }
    return std::nullopt;
  }

  const Doc& doc_;
  const Analysis* analysis_;
  const std::optional<Date>& published_;
  bool future_;
};

// Does the clause speak of what is to come ("will meet", "plans to visit")?
bool future_clause(const Analysis& a, const Clause& c) {
  const VerbGroup& vg = a.verbs[c.verb];
  if (vg.tense == Tense::kFuture) return true;
  // "so they can travel to the talks in August", "said it would meet on Monday".
  if (vg.modal != kNone) {
    std::string_view m = a.lemmas[static_cast<size_t>(vg.modal)];
    if (m == "can" || m == "may" || m == "might" || m == "will" || m == "would" || m == "shall") return true;
  }
  if (c.kind == ClauseKind::kInfinitival && c.has_intent) return true;
  return false;
}

}  // namespace

std::optional<TimeExpression> find_time(const Doc& doc, uint32_t first, uint32_t end,
                                        const std::optional<Date>& published, bool future) {
  return TimeFinder(doc, published, future).find(first, end);
}

void DateResolver::operator()(Doc& doc) const {
  Events* events = doc.find_ext<Events>();
  if (!events) return;
  const Analysis* a = doc.find_ext<Analysis>();
  const std::optional<Date>& published = doc.article.date;
  for (Event& e : events->events) {
    const Sentence& s = doc.sentences[e.sentence];
    std::optional<TimeExpression> found;
    if (a && !e.nominal && e.clause < a->clauses.size()) {
      // The event's own clause, then the clauses that govern it, up to a speech verb: what
      // was said on Monday may have happened on Sunday.
      for (int32_t ci = static_cast<int32_t>(e.clause), depth = 0; ci != kNone && depth < 4 && !found; ++depth) {
        const Clause& c = a->clauses[static_cast<size_t>(ci)];
        if (depth > 0 && is_speech_verb(a->lemmas[a->verbs[c.verb].head])) break;
        found = find_time(doc, c.first, c.end, published, future_clause(*a, a->clauses[e.clause]));
        ci = c.parent;
      }
    } else {
      found = find_time(doc, s.first_token, s.end_token, published, false);
    }
    if (found) {
      e.date = found->date;
      e.date_span = found->span;
    } else {
      e.date = published;
      e.date_span = {};
    }
    e.date_text = e.date ? e.date->iso() : "";
  }
}

}  // namespace dyad
