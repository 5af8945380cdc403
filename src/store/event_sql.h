#pragma once
// The SQL of an EventFilter and of an event order, shared by every query of the store (dyad
// query, dyad serve's pages, counts and aggregates) so that a filter means the same everywhere.
// Only fixed fragments are joined; every value is bound as a parameter.
#include <string>
#include <string_view>
#include <vector>

#include "store/event_store.h"

namespace dyad::store_sql {

// A WHERE clause under construction: SQL fragments joined with AND, and their values in order.
class Where {
 public:
  // " WHERE a AND b" ("" when nothing filters), for `SELECT ... FROM events`.
  std::string sql() const;
  // "a AND b" ("1" when nothing filters).
  std::string conditions() const;
  const std::vector<std::string>& values() const { return values_; }
  bool empty() const { return conditions_.empty(); }

  void add(std::string condition, std::vector<std::string> values);
  // The conditions and values of `other` too.
  void add(const Where& other);
  // `column` starts with `prefix`: a range, so that the column's index serves.
  void prefix(const std::string& column, const std::string& prefix);
  // An unknown date is stored as "", below every date: a date filter leaves it out.
  void dates(const std::optional<Date>& from, const std::optional<Date>& to);

  // Binds the values to parameters first, first + 1, ...; returns the next parameter.
  int bind(sql::Statement& st, int first = 1) const;

 private:
  std::vector<std::string> conditions_;
  std::vector<std::string> values_;
};

// An EventFilter's conditions on the `events` table.
struct EventConditions {
  // Every condition. An actor or a country on either side is one condition `id IN (source
  // side UNION target side)`, each side narrowed by the dates so that its index serves.
  Where all;
  // The same filter as alternatives whose union is the answer, when it names an actor or a
  // country on either side (the source side with every other condition, then the target
  // side); empty otherwise. A page sorted by date is then a merge of index searches that
  // stops at the page, where `all` would collect and sort every match.
  std::vector<Where> alternatives;
  // Only dated events can match (a date filter is set).
  bool dated_only = false;
};

EventConditions event_conditions(const EventFilter& filter, bool full_text_search);

// The columns an order sorts by, as result columns beside `id` ("date = '' AS undated, date"),
// and the ORDER BY terms over them and the id ("undated, date, id"), each column name after
// `table` ("p." or ""). Ties are broken by the store id in the order's direction; undated
// events come last in both directions.
std::string order_columns(EventSort sort, bool dated_only);
std::string order_terms(EventSort sort, bool dated_only, std::string_view table = "");

}  // namespace dyad::store_sql
