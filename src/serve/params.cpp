#include "serve/params.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "base/utf8.h"

namespace dyad::serve {
namespace {

constexpr std::array<std::string_view, 13> kFilterNames = {
    "from", "to", "actor", "source", "target", "country", "source_country", "target_country",
    "location_country", "location", "cameo", "plover", "quad"};
constexpr std::string_view kTextName = "text";
constexpr size_t kMaxTextBytes = 200;
constexpr size_t kMaxCodeBytes = 30;

bool all_of(std::string_view s, bool (*ok)(char)) { return std::all_of(s.begin(), s.end(), ok); }
bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool is_actor_code(std::string_view v) { return !v.empty() && v.size() <= kMaxCodeBytes && all_of(v, upper_or_digit); }

// Free text: at most 200 bytes of UTF-8 without control characters.
void check_text(std::string_view name, const std::string& v) {
  if (v.size() > kMaxTextBytes)
    throw BadParameter(std::string(name), fmt::format("at most {} bytes, got {}", kMaxTextBytes, v.size()));
  if (!is_valid_utf8(v)) throw BadParameter(std::string(name), "not valid UTF-8");
  for (unsigned char c : v)
    if (c < 0x20 || c == 0x7f) throw BadParameter(std::string(name), "control characters are not allowed");
}

}  // namespace

BadParameter::BadParameter(std::string name, const std::string& problem)
    : std::runtime_error(fmt::format("{}: {}", name, problem)), parameter(std::move(name)) {}

const std::vector<std::string_view>& plover_categories() {
  static const std::vector<std::string_view> categories = {
      "AGREE",   "CONSULT",  "SUPPORT", "CONCEDE",  "COOPERATE", "AID",      "RETREAT", "REQUEST",
      "ACCUSE",  "REJECT",   "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};
  return categories;
}

ParamReader::ParamReader(const QueryParams& params, bool filters, std::initializer_list<std::string_view> others)
    : params_(params) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    const std::string& name = it->first;
    bool known = std::find(others.begin(), others.end(), name) != others.end() ||
                 (filters && (name == kTextName ||
                              std::find(kFilterNames.begin(), kFilterNames.end(), name) != kFilterNames.end()));
    // The name is shown as sent, cut short and only if printable.
    std::string shown = name.substr(0, 40);
    for (char& c : shown)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
    if (!known) throw BadParameter(shown, "unknown parameter");
    if (params.count(name) > 1) throw BadParameter(shown, "given more than once");
  }
}

std::string ParamReader::value(std::string_view name) const {
  auto it = params_.find(std::string(name));
  return it == params_.end() ? std::string() : it->second;
}

std::optional<Date> ParamReader::date(std::string_view name) const {
  std::string v = value(name);
  if (v.empty()) return std::nullopt;
  std::optional<Date> d;
  if (v.size() == 10 && v[4] == '-' && v[7] == '-') d = Date::parse_iso(v);
  if (!d) throw BadParameter(std::string(name), "expected a date as YYYY-MM-DD");
  return d;
}

std::string ParamReader::actor(std::string_view name) const {
  std::string v = value(name);
  if (!v.empty() && !is_actor_code(v))
    throw BadParameter(std::string(name), "expected an actor code (prefix): 1 to 30 capital letters or digits");
  return v;
}

std::string ParamReader::plover(std::string_view name) const {
  std::string v = value(name);
  const auto& categories = plover_categories();
  if (!v.empty() && std::find(categories.begin(), categories.end(), v) == categories.end())
    throw BadParameter(std::string(name), "expected a PLOVER category (AGREE, CONSULT, ..., ASSAULT)");
  return v;
}

std::pair<std::string, std::string> ParamReader::dyad(std::string_view name) const {
  std::string v = value(name);
  if (v.empty()) return {};
  size_t comma = v.find(',');
  std::string source = v.substr(0, comma), target = comma == std::string::npos ? "" : v.substr(comma + 1);
  if (!is_actor_code(source) || !is_actor_code(target))
    throw BadParameter(std::string(name), "expected SRC,TGT: two actor codes (prefixes) or countries");
  return {source, target};
}

uint64_t ParamReader::number(std::string_view name, uint64_t min, uint64_t max, uint64_t fallback) const {
  std::string v = value(name);
  if (v.empty()) return fallback;
  uint64_t n = 0;
  bool ok = v.size() <= 19 && all_of(v, digit);
  if (ok) n = std::stoull(v);
  if (!ok || n < min || n > max)
    throw BadParameter(std::string(name), fmt::format("must be a whole number from {} to {}", min, max));
  return n;
}

std::string ParamReader::choice(std::string_view name, std::initializer_list<std::string_view> choices,
                                std::string_view fallback) const {
  std::string v = value(name);
  if (v.empty()) return std::string(fallback);
  if (std::find(choices.begin(), choices.end(), v) != choices.end()) return v;
  std::string list;
  for (std::string_view c : choices) {
    if (!list.empty()) list += ", ";
    list += c;
  }
  throw BadParameter(std::string(name), fmt::format("must be one of {}", list));
}

EventFilter ParamReader::filter() const {
  EventFilter f;
  f.from = date("from");
  f.to = date("to");
  if (f.from && f.to && *f.to < *f.from) throw BadParameter("from", "must not be after to");
  f.actor = actor("actor");
  f.source = actor("source");
  f.target = actor("target");
  auto country = [&](std::string_view name) {
    std::string v = value(name);
    if (!v.empty() && (v.size() != 3 || !all_of(v, upper)))
      throw BadParameter(std::string(name), "expected an ISO 3166 alpha-3 country code (3 capital letters)");
    return v;
  };
  f.country = country("country");
  f.source_country = country("source_country");
  f.target_country = country("target_country");
  f.location_country = country("location_country");
  f.location = value("location");
  check_text("location", f.location);
  f.cameo = value("cameo");
  if (!f.cameo.empty() && (f.cameo.size() > 4 || !all_of(f.cameo, digit)))
    throw BadParameter("cameo", "expected a CAMEO code (prefix): 1 to 4 digits");
  f.plover = plover("plover");
  std::string quad = value("quad");
  if (!quad.empty()) {
    if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4') throw BadParameter("quad", "must be 1, 2, 3 or 4");
    f.quad = quad[0] - '0';
  }
  f.text = value(kTextName);
  check_text(kTextName, f.text);
  return f;
}

}  // namespace dyad::serve
