#pragma once
// The query parameters of an API request, checked (docs/serve.md, Filters): every bad value,
// unknown name or repeated name is a BadParameter naming the parameter, answered with 400.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.h"
#include "store/event_store.h"

namespace dyad::serve {

// Decoded names and values, as the HTTP layer parses them from the query string.
using QueryParams = std::multimap<std::string, std::string>;

struct BadParameter : std::runtime_error {
  BadParameter(std::string parameter, const std::string& problem);
  std::string parameter;
};

// The PLOVER 2.0 categories.
const std::vector<std::string_view>& plover_categories();

class ParamReader {
 public:
  // Which names the endpoint takes: the filters of dyad query when `filters`, and `others`.
  // Throws BadParameter for a name it does not take or a name given twice.
  ParamReader(const QueryParams& params, bool filters, std::initializer_list<std::string_view> others);

  // The filters (from, to, actor, ...). Empty values do not filter.
  EventFilter filter() const;
  // A whole number in [min, max]; `fallback` when absent or empty.
  uint64_t number(std::string_view name, uint64_t min, uint64_t max, uint64_t fallback) const;
  // One of `choices`; `fallback` when absent or empty.
  std::string choice(std::string_view name, std::initializer_list<std::string_view> choices,
                     std::string_view fallback) const;
  std::optional<Date> date(std::string_view name) const;
  // An actor code prefix ([A-Z0-9]{1,30}), "" when absent.
  std::string actor(std::string_view name) const;
  // A PLOVER category, "" when absent.
  std::string plover(std::string_view name) const;
  // SRC,TGT: two actor code prefixes; both "" when absent.
  std::pair<std::string, std::string> dyad(std::string_view name) const;
  // The value, "" when absent.
  std::string value(std::string_view name) const;

 private:
  const QueryParams& params_;
};

}  // namespace dyad::serve
