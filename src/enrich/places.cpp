#include "enrich/places.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>

#include "base/error.h"
#include "base/strings.h"
#include "code/cameo.h"
#include "lang/analysis.h"
#include "lang/english_model.h"

namespace dyad {

std::string place_key(std::string_view name) {
  std::string folded;
  bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    utf8proc_uint8_t* mapped = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()), static_cast<utf8proc_ssize_t>(name.size()),
                          &mapped,
                          static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
    if (n >= 0) {
      folded.assign(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
      std::free(mapped);
      name = folded;
    }
  }
  std::string key;
  key.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '.' || c == '\'') continue;
    if (c == 0xE2 && i + 2 < name.size() && name[i + 1] == '\x80' &&
        (name[i + 2] == '\x98' || name[i + 2] == '\x99')) {  // curly apostrophes
      i += 2;
      continue;
    }
    if (c == '-' || c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
      continue;
    }
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    f.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return f;
    start = tab + 1;
  }
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
  if (s.empty()) {
    out = 0;
    return true;
  }
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

}  // namespace

namespace {

// Arabic place names are written in news without their article and with -a for -ah
// ("Ar Raqqah" -> "raqqa", "Mişrātah" -> "misrata"): the key of that spelling, or "".
std::string arabic_news_key(std::string_view country, const std::string& key) {
  static constexpr std::array<std::string_view, 22> kArabic = {"DZA", "BHR", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY",
                                                               "MAR", "OMN", "PSE", "QAT", "SAU", "SDN", "SYR", "TUN",
                                                               "ARE", "YEM", "MRT", "SOM", "DJI", "ESH"};
  if (std::find(kArabic.begin(), kArabic.end(), country) == kArabic.end()) return "";
  std::string out = key;
  for (std::string_view article : {"al ", "ar ", "as ", "ad ", "an ", "ash ", "at ", "az ", "adh ", "ath "})
    if (out.size() > article.size() + 2 && out.compare(0, article.size(), article) == 0) {
      out.erase(0, article.size());
      break;
    }
  for (size_t at = out.find("ah"); at != std::string::npos; at = out.find("ah", at + 1))
    if (at + 2 == out.size() || out[at + 2] == ' ') out.erase(at + 1, 1);
  return out == key ? "" : out;
}

}  // namespace

std::unique_ptr<Gazetteer> Gazetteer::load(const std::string& gazetteer_tsv, const std::string& alternate_names,
                                           const std::vector<std::string>& country_dicts) {
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  std::optional<std::string> file = read_whole_file(gazetteer_tsv);
  if (!file) throw InputError(fmt::format("{}: cannot open (run scripts/setup to generate it)", gazetteer_tsv));
  // Read once into `raw` (table order); every name is a key in `pool`. The rows are then
  // sorted by key (indices only) and the places laid out grouped by key.
  struct Row {
    uint32_t key_begin, key_size, place;
  };
  g->text_ = std::move(*file);
  const std::string* text = &g->text_;
  std::vector<GazetteerPlace> raw;
  std::vector<Row> rows;
  std::string& pool = g->key_pool_;
  raw.reserve(140000);
  rows.reserve(150000);
  pool.reserve(text->size() / 3);
  auto add_key = [&](std::string_view key, uint32_t place) {
    rows.push_back({static_cast<uint32_t>(pool.size()), static_cast<uint32_t>(key.size()), place});
    pool.append(key);
  };
  std::string line;
  int number = 0;
  for (size_t at = 0; at < text->size();) {
    size_t nl = text->find('\n', at);
    std::string_view l(text->data() + at, (nl == std::string::npos ? text->size() : nl) - at);
    at = nl == std::string::npos ? text->size() : nl + 1;
    if (++number == 1 || l.empty()) continue;  // the header
    auto f = split_tabs(l);
    GazetteerPlace p;
    if (f.size() != 8 || !parse_number(f[0], p.geonameid) || !parse_number(f[4], p.population) ||
        !parse_number(f[5], p.lat) || !parse_number(f[6], p.lon))
      throw InputError(fmt::format("{}:{}: expected 8 tab-separated fields", gazetteer_tsv, number));
    p.name = f[1];
    p.country = f[2];
    p.admin1 = f[3];
    p.feature = f[7];
    std::string key = place_key(p.name);
    if (key.empty()) continue;
    auto index = static_cast<uint32_t>(raw.size());
    if (std::string news = arabic_news_key(p.country, key); !news.empty()) add_key(news, index);
    add_key(key, index);
    raw.push_back(std::move(p));
  }
  // Other names, curated: "place  Kiev | ...  =>  703448".
  if (!alternate_names.empty()) {
    std::unordered_map<uint64_t, uint32_t> by_id;
    for (uint32_t i = 0; i < raw.size(); ++i)
      if (raw[i].geonameid) by_id.try_emplace(raw[i].geonameid, i);
    std::ifstream alt(alternate_names);
    if (!alt) throw InputError(fmt::format("{}: cannot open", alternate_names));
    int n = 0;
    auto each_name = [](std::string_view names, auto&& f) {
      while (!names.empty()) {
        size_t bar = names.find('|');
        std::string key = place_key(trim(names.substr(0, bar)));
        if (!key.empty()) f(key);
        if (bar == std::string_view::npos) break;
        names.remove_prefix(bar + 1);
      }
    };
    while (std::getline(alt, line)) {
      ++n;
      std::string body = line.substr(0, line.find('#'));
      std::string_view t = trim(body);
      if (t.empty()) continue;
      size_t arrow = t.find("=>");
      if (t.rfind("region ", 0) == 0 && arrow != std::string_view::npos) {
        std::string_view target = trim(t.substr(arrow + 2));
        size_t space = target.find(' ');
        std::string country(target.substr(0, space));
        std::string admin1(space == std::string_view::npos ? "" : trim(target.substr(space)));
        each_name(t.substr(7, arrow - 7), [&](const std::string& key) { g->regions_.try_emplace(key, country, admin1); });
        continue;
      }
      uint64_t id = 0;
      std::string_view id_text = arrow == std::string_view::npos ? "" : trim(t.substr(arrow + 2));
      if (t.rfind("place ", 0) != 0 || !parse_number(id_text, id) || !by_id.count(id))
        throw InputError(fmt::format("{}:{}: expected 'place  NAME | NAME  =>  GEONAMEID' with an id of the gazetteer",
                                     alternate_names, n));
      uint32_t place = by_id[id];
      each_name(t.substr(6, arrow - 6), [&](const std::string& key) { add_key(key, place); });
    }
  }
  // Grouped by key; in a group countries come first, then the most populous.
  auto key_of = [&](const Row& r) { return std::string_view(pool).substr(r.key_begin, r.key_size); };
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (int c = key_of(a).compare(key_of(b)); c != 0) return c < 0;
    const GazetteerPlace &pa = raw[a.place], &pb = raw[b.place];
    if (pa.is_country() != pb.is_country()) return pa.is_country();
    if (pa.population != pb.population) return pa.population > pb.population;
    return a.place < b.place;
  });
  std::vector<uint32_t> uses(raw.size(), 0);
  std::unordered_map<uint32_t, uint32_t> country_row;  // a country entry -> its row in the table
  for (const Row& r : rows) ++uses[r.place];
  g->places_.reserve(rows.size());
  g->by_key_.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string_view key = key_of(rows[r]);
    uint32_t place = rows[r].place;
    // The same place under the same key twice (an alternate that is also its name).
    if (r > 0 && rows[r - 1].place == place && key_of(rows[r - 1]) == key) {
      --uses[place];
      continue;
    }
    auto [it, fresh] = g->by_key_.try_emplace(key, Range{static_cast<uint32_t>(g->places_.size()), 0});
    ++it->second.count;
    // A country is named by the first of its names in the table (its common name).
    if (raw[place].is_country()) {
      auto [entry, added] =
          g->country_entry_.try_emplace(std::string(raw[place].country), static_cast<uint32_t>(g->places_.size()));
      if (!added && place < country_row[entry->second]) entry->second = static_cast<uint32_t>(g->places_.size());
      country_row[static_cast<uint32_t>(g->places_.size())] = place;
    }
    // The last use of a place takes it; earlier ones copy it.
    if (--uses[place] == 0) g->places_.push_back(std::move(raw[place]));
    else g->places_.push_back(raw[place]);
  }
  // Country names and demonyms from the dictionaries' `country` lines: "country  A | B  =>  XXX".
  for (const std::string& path : country_dicts) {
    std::ifstream d(path);
    if (!d) throw InputError(fmt::format("{}: cannot open", path));
    while (std::getline(d, line)) {
      std::string_view t = trim(line);
      if (t.rfind("country ", 0) != 0) continue;
      size_t arrow = t.find("=>");
      if (arrow == std::string_view::npos) continue;
      std::string_view code = trim(t.substr(arrow + 2));
      code = code.substr(0, std::min(code.find_first_of(" \t#"), code.size()));
      if (code.size() < 3) continue;
      std::string iso(code.substr(0, 3));
      std::string_view names = t.substr(8, arrow - 8);
      while (!names.empty()) {
        size_t bar = names.find('|');
        std::string_view name = trim(names.substr(0, bar));
        if (!name.empty()) g->country_words_.try_emplace(place_key(name), iso);
        if (bar == std::string_view::npos) break;
        names.remove_prefix(bar + 1);
      }
    }
  }
  g->index_words();
  return g;
}

void Gazetteer::index_words() {
  auto add = [&](std::string_view key) -> Words& {
    for (size_t space = key.find(' '); space != std::string_view::npos; space = key.find(' ', space + 1))
      words_.try_emplace(key.substr(0, space));
    return words_[key];
  };
  for (const auto& [key, range] : by_key_)
    add(key).places = std::span<const GazetteerPlace>(places_).subspan(range.first, range.count);
  for (const auto& [key, country] : country_words_) add(key).country = country;
  for (const auto& [key, region] : regions_) add(key).region = &region;
}

const Gazetteer& Gazetteer::shared() {
  static const Gazetteer* g = [] {  // never freed: it lives as long as the process
    std::string data(DYAD_DATA_DIR);
    return load(data + "/generated/gazetteer.tsv", data + "/places/alternate_names.txt",
                {data + "/generated/countries.txt", data + "/dict/countries_extra.txt"})
        .release();
  }();
  return *g;
}

std::span<const GazetteerPlace> Gazetteer::places(std::string_view key) const {
  const Words* w = words(key);
  return w ? w->places : std::span<const GazetteerPlace>();
}

std::string_view Gazetteer::country_of_word(std::string_view key) const {
  const Words* w = words(key);
  return w ? w->country : std::string_view();
}

const std::pair<std::string, std::string>* Gazetteer::region(std::string_view key) const {
  const Words* w = words(key);
  return w ? w->region : nullptr;
}

const GazetteerPlace* Gazetteer::country(std::string_view iso3) const {
  auto it = country_entry_.find(iso3);
  return it == country_entry_.end() ? nullptr : &places_[it->second];
}

namespace {

constexpr uint32_t kMaxNameTokens = 5;

// Lower-case words that may sit inside a place name ("Rio de Janeiro", "Sharm el Sheikh").
bool is_name_connector(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kWords = {"de", "del", "da", "do", "dos", "el", "al", "ez", "es",
                                                              "as", "ad", "ar", "la", "le", "upon", "sur"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Prepositions that place what a clause tells: "in", "at", "near" X...
bool is_place_preposition(std::string_view w) {
  static constexpr std::array<std::string_view, 11> kWords = {"in", "at", "near", "outside", "inside", "from", "across",
                                                              "around", "throughout", "into", "within"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Words between such a preposition and the name: "in <the northern city of> Aleppo",
// "near <the border town of> Rafah", "in <eastern> Ukraine", "on <the outskirts of> Kyiv".
bool is_place_lead_word(std::string_view w) {
  static constexpr std::array<std::string_view, 56> kWords = {
      "the", "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
      "southwestern", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
      "outskirts", "city", "town", "village", "villages", "province", "region", "district", "capital", "border",
      "port", "coastal", "streets", "centre", "center", "heart", "suburbs", "suburb", "area", "county", "state",
      "governorate", "part", "parts", "neighbourhood", "neighborhood", "downtown", "of", "restive", "besieged",
      "embattled", "war torn", "rebel held", "strategic", "northernmost", "southernmost", "old", "nearby"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool is_month_or_day(std::string_view key) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return std::find(kWords.begin(), kWords.end(), key) != kWords.end();
}

// A one-word name that is mostly an ordinary English word ("Police", "Reading", "Split") names
// a small town far less often than it is that word; large places and capitals keep it.
bool common_word(std::string_view key) {
  const EnglishModel& model = EnglishModel::shared();
  float common = 0;
  for (const auto& tc : model.lexicon(key))
    if (tc.tag != Pos::NNP && tc.tag != Pos::NNPS) common += tc.count;
  return common >= 5;
}

struct Candidate {
  uint32_t first = 0, end = 0;   // tokens of the name
  std::span<const GazetteerPlace> places;
  std::string key;               // its place_key
  std::string hint_country;      // written after the name: "Tripoli, Lebanon", "Alexandria, Virginia"
  std::string hint_admin1;
};

// The places of one article: its names looked up, and what it says about which countries
// it is about, to choose among places that share a name.
class ArticlePlaces {
 public:
  ArticlePlaces(const Doc& doc, const Events& events, const Gazetteer& g) : doc_(doc), events_(events), g_(g) {}

  // The longest place name starting at token i (before `end`), if any. `cities_only`: no
  // country names.
  std::optional<Candidate> name_at(uint32_t i, uint32_t end, bool cities_only = false) const {
    if (i >= end) return std::nullopt;
    const std::vector<Reading>& readings = read_at(i);
    for (auto r = readings.rbegin(); r != readings.rend(); ++r) {  // longest first
      if (i + r->tokens > end || (cities_only && r->places.front().is_country())) continue;
      if (!r->hinted) {  // once per reading
        Candidate h{i, i + r->tokens, r->places, {}, {}, {}};
        read_hint(h.end, h);
        r->hint_country = std::move(h.hint_country);
        r->hint_admin1 = std::move(h.hint_admin1);
        r->hinted = true;
      }
      return Candidate{i, i + r->tokens, r->places, r->key, r->hint_country, r->hint_admin1};
    }
    return std::nullopt;
  }

  // The names that start at token i, shortest first, worked out once per article.
  struct Reading {
    uint32_t tokens;
    std::string key;
    std::span<const GazetteerPlace> places;
    mutable bool hinted = false;  // the country or region written after it, once read
    mutable std::string hint_country, hint_admin1;
  };
  const std::vector<Reading>& read_at(uint32_t i) const {
    if (readings_.empty()) readings_.resize(doc_.tokens.size());
    auto& slot = readings_[i];
    if (slot) return *slot;
    slot.emplace();
    const auto& toks = doc_.tokens;
    if (!name_token(toks[i]) || !g_.words(key_of(i))) return *slot;
    // Read the name as far as some name could go on; keep where whole names end.
    std::string key;
    for (uint32_t j = i; j < toks.size() && j - i < kMaxNameTokens; ++j) {
      const Token& t = toks[j];
      if (j > i) {
        if (t.gap == Gap::kLine || t.gap == Gap::kParagraph) break;
        if (!name_token(t) && !(t.kind == TokenKind::kWord && is_name_connector(doc_.text_of(t)))) break;
      }
      extend_key(key, j);
      const Gazetteer::Words* w = g_.words(key);
      if (!w) break;
      if (!name_token(t)) continue;
      auto found = w->places;
      if (found.empty() || key.size() <= 2 || is_month_or_day(key)) continue;
      // A one-word name that is an ordinary word (written plainly: "Colón" is not "colon").
      if (j == i && !found.front().is_country() && ascii_lower(doc_.text_of(toks[i])) == key) {
        bool big = std::any_of(found.begin(), found.end(),
                               [](const GazetteerPlace& p) { return p.population >= 200000 || p.is_capital(); });
        if (!big && common_word(key)) continue;
      }
      slot->push_back({j - i + 1, key, found, false, {}, {}});
    }
    return *slot;
  }

  // The place_key of token i, worked out once per article.
  const std::string& key_of(uint32_t i) const {
    if (keyed_.empty()) {
      token_keys_.resize(doc_.tokens.size());
      keyed_.assign(doc_.tokens.size(), false);
    }
    if (!keyed_[i]) {
      token_keys_[i] = place_key(doc_.text_of(doc_.tokens[i]));
      keyed_[i] = true;
    }
    return token_keys_[i];
  }

  // Appends token j to the key of the tokens before it, as place_key of the whole text would.
  void extend_key(std::string& key, uint32_t j) const {
    const std::string& k = key_of(j);
    if (k.empty()) {  // a hyphen or comma: a space
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
      return;
    }
    if (!key.empty() && key.back() != ' ' && doc_.tokens[j].gap != Gap::kNone) key.push_back(' ');
    key += k;
  }

  // Which countries the article is about: its country names, demonyms and unambiguous cities,
  // and its actors' countries, counted. Only a name that places in several countries share
  // needs it, so it is counted on first need.
  void count_context() const {
    if (context_ready_) return;
    context_ready_ = true;
    const auto& toks = doc_.tokens;
    for (uint32_t i = 0; i < toks.size(); ++i) {
      if (toks[i].kind != TokenKind::kWord || !toks[i].has(token_flags::kUpperInitial)) continue;  // "U.S." too
      const Gazetteer::Words* w = g_.words(key_of(i));
      if (!w) continue;
      // The longest country name or demonym here ("South Korea", "Lebanese").
      std::string_view country = w->country;
      uint32_t country_end = i + 1;
      std::string key = key_of(i);
      for (uint32_t j = i + 1; j < toks.size() && j < i + 3; ++j) {
        extend_key(key, j);
        const Gazetteer::Words* longer = g_.words(key);
        if (!longer) break;
        if (!longer->country.empty()) {
          country = longer->country;
          country_end = j + 1;
        }
      }
      bool counted = !country.empty();
      if (counted) {
        add_context(country);
        i = country_end - 1;
      }
      if (counted || !name_token(toks[i])) continue;
      if (auto c = name_at(i, static_cast<uint32_t>(toks.size()), true)) {
        // A city tells its country when it is clearly that country's: a capital, or far
        // larger than any namesake abroad ("Beirut", "Karachi", "Dallas").
        const GazetteerPlace& top = c->places.front();
        bool clear = top.population >= 50000 &&
                     std::all_of(c->places.begin(), c->places.end(), [&](const GazetteerPlace& p) {
                       return p.country == top.country || top.is_capital() || p.population * 10 <= top.population;
                     });
        if (clear) {
          add_context(top.country);
          ++city_context_[c->key];
        }
        i = c->end - 1;
      }
    }
    // Actors' countries are left out: the coder takes an actor's country from the very name
    // being resolved ("gunmen in Tripoli" -> LBY), and the text's own words say the rest.
  }

  // The place a name most likely is: a country when a country has the name ("Kuwait"),
  // else the city with the best of a score that weighs the region or country written after
  // it, the share of the article's country mentions, the dateline's country, capital or
  // provincial-capital status and (the log of) population. Context can prefer Tripoli,
  // Lebanon to the larger capital of Libya, but a share of U.S. mentions does not make
  // Geneva a town in Illinois.
  const GazetteerPlace& choose(const Candidate& c) const {
    const GazetteerPlace* best = nullptr;
    double best_score = -1e18;
    if (c.places.front().is_country()) return c.places.front();
    std::string_view country = c.places.front().country;
    if (c.hint_country.empty() &&
        std::any_of(c.places.begin(), c.places.end(), [&](const GazetteerPlace& p) { return p.country != country; }))
      count_context();
    for (const GazetteerPlace& p : c.places) {
      // GeoNames gives some towns no population (0): taken as a small town's.
      double score = std::log10(std::max(static_cast<double>(p.population), 5000.0));
      if (p.is_capital()) score += 0.5;
      else if (p.feature == "PPLA") score += 0.3;
      // The name's own mentions do not count for its likeliest country ("Alexandria" is not
      // evidence for Egypt when Alexandria is the question).
      double own = 0;
      if (auto it = city_context_.find(c.key); it != city_context_.end()) own = it->second;
      if (context_total_ - own > 0) {
        auto it = context_.find(p.country);
        double n = it == context_.end() ? 0 : it->second - (p.country == c.places.front().country ? own : 0);
        score += 2.0 * n / (context_total_ - own);
      }
      // The dateline's country, and more its province or state: Naples under MIAMI is
      // Florida's, Dhaka under NEW DELHI still Bangladesh's.
      if (!dateline_country_.empty() && p.country == dateline_country_) {
        score += 0.5;
        if (!dateline_admin1_.empty() && p.admin1 == dateline_admin1_) score += 1.0;
      }
      if (!c.hint_country.empty() && p.country == c.hint_country) {
        score += 100;
        if (!c.hint_admin1.empty() && p.admin1 == c.hint_admin1) score += 100;
      }
      if (score > best_score) {
        best_score = score;
        best = &p;
      }
    }
    return *best;
  }

  void set_dateline(const EventPlace& p) {
    dateline_country_ = p.country;
    dateline_admin1_ = p.admin1;
  }

  EventPlace place(const Candidate& c, const char* how) const {
    const GazetteerPlace& p = choose(c);
    // A country is given by its usual name, whichever of its names the text used.
    const GazetteerPlace& named = p.is_country() && g_.country(p.country) ? *g_.country(p.country) : p;
    EventPlace e;
    e.name = named.name;
    e.country = named.country;
    const GazetteerPlace* country = g_.country(named.country);
    e.country_name = country ? country->name : named.country;
    e.admin1 = named.admin1;
    e.lat = named.lat;
    e.lon = named.lon;
    e.feature = named.feature;
    e.geonameid = named.geonameid;
    e.span = Span{doc_.tokens[c.first].begin, doc_.tokens[c.end - 1].end};
    e.how = how;
    return e;
  }

 private:
  // A word that can be (part of) a name: capitalised, and not an abbreviation with dots
  // ("U.N." is not the Indian town of Un).
  bool name_token(const Token& t) const {
    if (t.kind != TokenKind::kWord || !t.has(token_flags::kUpperInitial)) return false;
    std::string_view w = doc_.text_of(t);
    return w.find('.') == std::string_view::npos;
  }

  // ", Lebanon" or ", Virginia" after the name at token `j`.
  void read_hint(uint32_t j, Candidate& c) const {
    const auto& toks = doc_.tokens;
    if (j + 1 >= toks.size() || doc_.text_of(toks[j]) != "," || !toks[j + 1].has(token_flags::kUpperInitial)) return;
    for (uint32_t k = std::min<uint32_t>(static_cast<uint32_t>(toks.size()), j + 4); k > j + 1; --k) {
      std::string key = place_key(doc_.text_of(Span{toks[j + 1].begin, toks[k - 1].end}));
      const auto* region = g_.region(key);
      if (region && std::any_of(c.places.begin(), c.places.end(), [&](const GazetteerPlace& p) {
            return p.country == region->first && p.admin1 == region->second;
          })) {
        c.hint_country = region->first;
        c.hint_admin1 = region->second;
        return;
      }
      std::string_view country = g_.country_of_word(key);
      if (!country.empty()) {
        c.hint_country = country;
        return;
      }
    }
  }

  void add_context(std::string_view country) const {
    ++context_[std::string(country)];
    ++context_total_;
  }

  const Doc& doc_;
  const Events& events_;
  const Gazetteer& g_;
  mutable std::vector<std::optional<std::vector<Reading>>> readings_;
  mutable std::vector<std::string> token_keys_;
  mutable std::vector<bool> keyed_;
  mutable bool context_ready_ = false;
  mutable std::map<std::string, double, std::less<>> context_;
  mutable double context_total_ = 0;
  mutable std::map<std::string, double, std::less<>> city_context_;  // city name -> times it counted for its country
  std::string dateline_country_, dateline_admin1_;
};

// The first place a preposition introduces in tokens [first, end), skipping `skip` ranges
// (clauses of their own inside this one).
std::optional<Candidate> clause_place(const Doc& doc, const ArticlePlaces& places, uint32_t first, uint32_t end,
                                      const std::vector<std::pair<uint32_t, uint32_t>>& skip) {
  for (uint32_t i = first; i + 1 < end; ++i) {
    bool skipped = false;
    for (const auto& [s, e] : skip)
      if (i >= s && i < e) {
        i = e - 1;
        skipped = true;
        break;
      }
    if (skipped) continue;
    // Most tokens are no preposition: they are told apart without building their keys.
    std::string_view w = doc.text_of(doc.tokens[i]);
    if (w.size() > 10 || w.empty() || (w[0] & 0x80)) continue;
    std::array<char, 10> buffer;
    for (size_t k = 0; k < w.size(); ++k) buffer[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
    std::string_view lower(buffer.data(), w.size());
    bool outskirts = lower == "on" && i + 2 < end && places.key_of(i + 2) == "outskirts";
    if (!is_place_preposition(lower) && !outskirts) continue;
    uint32_t j = i + 1;
    while (j < end && j - i <= 6) {
      const std::string& w = places.key_of(j);
      if (!is_place_lead_word(w) && !is_place_preposition(w)) break;  // "from near Pyongyang"
      ++j;
    }
    // "fired rockets at Israel": a country after "at" is what is aimed at, not where.
    if (auto c = places.name_at(j, end, lower == "at")) return c;
  }
  return std::nullopt;
}

// A city named in an actor's own words ("Moscow", "the mayor of Aleppo"): a large city or
// capital, or one in the actor's own country ("Taliban", a Turkish town, does not place the
// Afghan Taliban).
std::optional<Candidate> actor_place(const ArticlePlaces& places, const Actor& actor) {
  for (uint32_t i = actor.first_token; i < actor.end_token; ++i) {
    auto c = places.name_at(i, actor.end_token, true);
    if (!c) continue;
    const GazetteerPlace& p = places.choose(*c);
    if (p.population >= 100000 || p.is_capital() || p.country == actor.country) return c;
    i = c->end - 1;
  }
  return std::nullopt;
}

// Whether the event is a material act (CAMEO quad classes 2 and 4): a city it is done to
// places it ("shelled Kharkiv"); what is said to a city ("urged Damascus") is not said there.
bool material(const Event& e) {
  const CameoInfo* info = CameoTable::shared().find(e.cameo);
  return info && (info->quad == 2 || info->quad == 4);
}

// The tokens of the article's dateline: its dateline segment, or a dateline the segmenter
// left at the start of the first sentence: a name in capitals, then names, parentheses and
// commas up to a dash ("GOMA, Democratic Republic of Congo (Wire) - M23 rebels captured ..."),
// or a name, a date and the agency in parentheses or a colon ("Hyderabad, Nov 24 (PTI) Police
// ...", "Islamabad, Nov 25: Police ...").
std::optional<std::pair<uint32_t, uint32_t>> dateline_tokens(const Doc& doc) {
  for (const Sentence& s : doc.sentences) {
    if (s.kind == SegmentKind::kDateline) return std::pair{s.first_token, s.end_token};
    if (s.kind != SegmentKind::kBody) continue;
    const Token& first = doc.tokens[s.first_token];
    if (!first.has(token_flags::kUpperInitial)) return std::nullopt;
    bool caps = first.has(token_flags::kAllCaps) && first.end - first.begin >= 3;
    bool comma = false, dated = false;
    for (uint32_t i = s.first_token + 1; i < s.end_token && i < s.first_token + 16; ++i) {
      const Token& t = doc.tokens[i];
      std::string_view w = doc.text_of(t);
      if (caps && t.has(token_flags::kDash)) return std::pair{s.first_token, i};
      if (w == ",") comma = true;
      if (comma && (t.kind == TokenKind::kNumber || is_month_or_day(ascii_lower(w)))) dated = true;
      // "(PTI)": an agency in capitals in parentheses after the name, a comma and a date.
      if (dated && w == "(" && i + 2 < s.end_token && doc.tokens[i + 1].has(token_flags::kAllCaps) &&
          doc.text_of(doc.tokens[i + 2]) == ")")
        return std::pair{s.first_token, i + 3};
      if (dated && w == ":") return std::pair{s.first_token, i};  // "Islamabad, Nov 25: Pakistani police ..."
      if (t.kind == TokenKind::kWord && t.has(token_flags::kLowerInitial) && w != "of" && w != "the" && w != "and")
        return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

void PlaceResolver::operator()(Doc& doc) const {
  Events* events = doc.find_ext<Events>();
  if (!events || events->events.empty()) return;
  const Analysis* a = doc.find_ext<Analysis>();
  ArticlePlaces places(doc, *events, *gazetteer_);

  // The dateline: its first name, with the country after it if any ("TRIPOLI, Libya (AP) —").
  std::optional<EventPlace> dateline;
  if (auto range = dateline_tokens(doc))
    if (auto c = places.name_at(range->first, range->second)) {
      dateline = places.place(*c, "dateline");
      places.set_dateline(*dateline);
    }

  for (Event& e : events->events) {
    e.place.reset();
    if (a && !e.nominal && e.clause < a->clauses.size()) {
      const Clause& c = a->clauses[e.clause];
      const Sentence& s = doc.sentences[e.sentence];
      // Clauses under this one that tell of something else keep their places to themselves.
      std::vector<std::pair<uint32_t, uint32_t>> skip;
      bool first_in_sentence = true;
      for (const Clause& other : a->clauses) {
        if (&other == &c) continue;
        if (other.parent == static_cast<int32_t>(e.clause) &&
            (other.kind == ClauseKind::kComplement || other.kind == ClauseKind::kQuote ||
             other.kind == ClauseKind::kRelative || other.kind == ClauseKind::kSubordinate))
          skip.emplace_back(other.first, other.end);
        if (other.first < c.first && other.end > s.first_token && other.first >= s.first_token) first_in_sentence = false;
      }
      // A place fronted before the sentence's first clause is that clause's: "In Yerevan,
      // several hundred supporters protested".
      uint32_t from = first_in_sentence && c.kind == ClauseKind::kMain ? std::min(c.first, s.first_token) : c.first;
      if (auto found = clause_place(doc, places, from, c.end, skip)) e.place = places.place(*found, "clause");
      // Then participles hanging on it outside its range: "..., killing three in Kismayo".
      for (const Clause& other : a->clauses) {
        if (e.place) break;
        if (other.parent == static_cast<int32_t>(e.clause) && other.kind == ClauseKind::kParticipial &&
            (other.first >= c.end || other.end <= c.first))
          if (auto found = clause_place(doc, places, other.first, other.end, {})) e.place = places.place(*found, "clause");
      }
    }
    if (!e.place && e.source)
      if (auto found = actor_place(places, *e.source)) e.place = places.place(*found, "actor");
    if (!e.place && e.target && material(e))
      if (auto found = actor_place(places, *e.target)) e.place = places.place(*found, "actor");
    if (!e.place && dateline) e.place = dateline;
  }
}

}  // namespace dyad
