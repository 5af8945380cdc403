#include "synthetic/synthetic_events.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "code/cameo.h"
#include "code/event.h"

namespace dyad::synthetic {
namespace {

// A sampler over weights (cumulative table, binary search).
class Weighted {
 public:
  explicit Weighted(const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights) cumulative_.push_back(sum += w);
  }
  size_t operator()(std::mt19937_64& rng) const {
    double x = std::uniform_real_distribution<double>(0, cumulative_.back())(rng);
    return static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

struct Country {
  std::string code, name;
  double lat, lon;
};

std::vector<Country> countries(std::mt19937_64& rng) {
  // The most reported first; then the rest of ISO 3166 in its own order.
  const std::vector<std::string> first = {"USA", "CHN", "RUS", "GBR", "UKR", "ISR", "IRN", "FRA", "DEU", "IND",
                                          "PAK", "SYR", "TUR", "AFG", "IRQ", "JPN", "PRK", "KOR", "SAU", "EGY",
                                          "LBY", "NGA", "SDN", "YEM", "VEN", "MEX", "BRA", "PSE", "LBN", "ETH"};
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.load("/usr/share/iso-codes/json/iso_3166-1.json");
  std::vector<Country> all;
  for (simdjson::dom::element c : doc["3166-1"].get_array()) {
    Country country{std::string(c["alpha_3"].get_string().value()), std::string(c["name"].get_string().value()),
                    std::uniform_real_distribution<double>(-50, 60)(rng),
                    std::uniform_real_distribution<double>(-170, 170)(rng)};
    all.push_back(country);
  }
  std::vector<Country> out;
  for (const std::string& code : first)
    for (const Country& c : all)
      if (c.code == code) out.push_back(c);
  for (const Country& c : all)
    if (out.size() < 200 && std::find(first.begin(), first.end(), c.code) == first.end()) out.push_back(c);
  return out;
}

struct Recent {
  std::string date;
  Actor source, target;
  std::string cameo;
};

}  // namespace

struct EventGenerator::State {
  std::mt19937_64 rng;
  std::vector<Country> nations;
  std::unique_ptr<Weighted> pick_country, pick_role, pick_root, pick_day, pick_outlet;
  std::vector<std::string> roles = {"GOV", "", "MIL", "COP", "REB", "OPP", "CVL", "BUS", "MED", "JUD", "LEG", "EDU"};
  std::vector<std::string> igos = {"IGOUNO", "IGOEU", "IGOAFR", "IGONAT", "IGOUNOWHO", "NGOHRI"};
  std::vector<std::vector<const CameoInfo*>> by_root = std::vector<std::vector<const CameoInfo*>>(21);
  int64_t first_day = 0, last_day = 0;
  std::vector<Recent> recent;  // the last reported events, some reported again
  size_t recent_next = 0;
  uint64_t articles = 0, reports = 0;
  std::unordered_set<uint64_t> keys;  // hashes of the distinct events

  Actor actor(const Country& c) {
    Actor a;
    if (std::uniform_int_distribution<int>(0, 19)(rng) == 0) {
      a.code = igos[std::uniform_int_distribution<size_t>(0, igos.size() - 1)(rng)];
      return a;
    }
    std::string role = roles[(*pick_role)(rng)];
    a.code = c.code + role;
    a.country = c.code;
    if (!role.empty()) a.roles.push_back(role);
    return a;
  }
};

EventGenerator::EventGenerator(uint64_t seed) : s_(std::make_unique<State>()) {
  State& st = *s_;
  st.rng.seed(seed);
  std::mt19937_64& rng = st.rng;
  st.nations = countries(rng);
  const std::vector<Country>& nations = st.nations;
  std::vector<double> country_weights;
  for (size_t i = 0; i < nations.size(); ++i) country_weights.push_back(1.0 / std::pow(static_cast<double>(i) + 2, 1.1));
  st.pick_country = std::make_unique<Weighted>(country_weights);

  st.pick_role = std::make_unique<Weighted>(std::vector<double>{35, 15, 15, 7, 5, 5, 6, 4, 3, 2, 2, 1});

  // CAMEO codes by root, the roots weighted roughly as in GDELT's event mix.
  const CameoTable& cameo = CameoTable::shared();
  auto& by_root = st.by_root;
  for (const auto& [code, info] : cameo.all()) {
    int root = std::stoi(code.substr(0, 2));
    if (root >= 1 && root <= 20) by_root[static_cast<size_t>(root)].push_back(&info);
  }
  for (auto& codes : by_root)
    std::sort(codes.begin(), codes.end(), [](auto* a, auto* b) { return a->code < b->code; });
  st.pick_root = std::make_unique<Weighted>(std::vector<double>{0, 10, 5, 6, 22, 8, 2, 3, 3, 2, 3, 6, 3, 3, 2, 1, 1.5, 6, 5, 7, 0.5});

  // Days 2014-01-01 .. 2024-12-31, volume growing threefold over the years.
  const int64_t first_day = st.first_day = Date{2014, 1, 1}.days(), last_day = st.last_day = Date{2024, 12, 31}.days();
  std::vector<double> day_weights;
  for (int64_t d = first_day; d <= last_day; ++d)
    day_weights.push_back(1.0 + 2.0 * static_cast<double>(d - first_day) / static_cast<double>(last_day - first_day));
  st.pick_day = std::make_unique<Weighted>(day_weights);

  std::vector<double> outlet_weights;
  for (int i = 0; i < 60; ++i) outlet_weights.push_back(1.0 / (i + 1));
  st.pick_outlet = std::make_unique<Weighted>(outlet_weights);
}

EventGenerator::~EventGenerator() = default;

uint64_t EventGenerator::distinct_events() const { return s_->keys.size(); }
uint64_t EventGenerator::reports() const { return s_->reports; }

std::vector<Doc> EventGenerator::next_batch(int batch_articles) {
  State& st = *s_;
  std::mt19937_64& rng = st.rng;
  const std::vector<Country>& nations = st.nations;
  auto& recent = st.recent;
  auto& by_root = st.by_root;
  const CameoTable& cameo = CameoTable::shared();
  std::uniform_int_distribution<int> percent(0, 99);
  std::vector<Doc> docs;
  for (int n = 0; n < batch_articles; ++n) {
    Article article;
    article.id = fmt::format("synthetic-{}", ++st.articles);
    Date published = Date::from_days(st.first_day + static_cast<int64_t>((*st.pick_day)(rng)));
    article.date = published;
    article.date_text = published.iso();
    article.source = fmt::format("outlet{:02}.example", (*st.pick_outlet)(rng));
    article.url = fmt::format("https://{}/{}", article.source, st.articles);
    Doc doc(std::move(article));
    Events& coded = doc.ext<Events>();
    int events = std::uniform_int_distribution<int>(1, 5)(rng);
    for (int k = 0; k < events; ++k) {
      Recent r;
      if (!recent.empty() && percent(rng) < 25) {
        r = recent[std::uniform_int_distribution<size_t>(0, recent.size() - 1)(rng)];
      } else {
        const Country& s = nations[(*st.pick_country)(rng)];
        const Country& t = percent(rng) < 25 ? s : nations[(*st.pick_country)(rng)];
        r.source = st.actor(s);
        r.target = st.actor(t);
        const auto& codes = by_root[(*st.pick_root)(rng)];
        r.cameo = codes[percent(rng) < 40 ? 0 : std::uniform_int_distribution<size_t>(0, codes.size() - 1)(rng)]->code;
        r.date = published.plus_days(-std::uniform_int_distribution<int>(0, 2)(rng)).iso();
        if (recent.size() < 5000) recent.push_back(r);
        else recent[st.recent_next++ % recent.size()] = r;
      }
      const CameoInfo* info = cameo.find(r.cameo);
      std::string& text = doc.article.text;
      if (!text.empty()) text += ' ';
      Sentence sentence;
      sentence.span.begin = static_cast<uint32_t>(text.size());
      Event e;
      e.sentence = static_cast<uint32_t>(doc.sentences.size());
      e.source = r.source;
      e.source->span = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + r.source.code.size())};
      text += r.source.code;
      text += " officials ";
      e.trigger = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + info->description.size())};
      text += info->description;
      text += ' ';
      e.target = r.target;
      e.target->span = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + r.target.code.size())};
      text += r.target.code;
      const Country* place = nullptr;
      if (percent(rng) < 40 && !r.source.country.empty())
        for (const Country& c : nations)
          if (c.code == r.source.country) place = &c;
      if (place) {
        text += " in ";
        EventPlace p;
        p.name = place->name;
        p.country = place->code;
        p.lat = place->lat;
        p.lon = place->lon;
        p.feature = "PCLI";
        p.span = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + place->name.size())};
        p.how = "clause";
        text += place->name;
        e.place = p;
      }
      text += '.';
      sentence.span.end = static_cast<uint32_t>(text.size());
      doc.sentences.push_back(sentence);
      e.cameo = r.cameo;
      e.date = Date::parse_iso(r.date);
      e.date_text = r.date;
      e.root = k < 3;
      e.rule = "synthetic";
      e.confidence = 0.5;
      coded.events.push_back(std::move(e));
      ++st.reports;
      st.keys.insert(std::hash<std::string>()(r.date + "\t" + r.source.code + "\t" + r.target.code + "\t" + r.cameo));
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace dyad::synthetic
