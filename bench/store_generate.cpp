// Fills an event store with synthetic but realistically shaped events, through the store's
// own write path (EventStore::add), for timing `dyad query` and `dyad series` at scale:
// ~200 countries with Zipf-like frequencies (the ones the news reports most first), actors
// with roles, CAMEO codes from data/cameo/cameo.tsv weighted by root as in news event data,
// dates over 2014-2024 with growing volume, 60 outlets, a quarter of the reports repeating a
// recent event (so events have several articles and sources), places for 40%.
// Usage: bench_store_generate STORE [EVENTS (default 1000000)] [SEED]
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "code/cameo.h"
#include "code/event.h"
#include "store/event_store.h"

namespace {

using namespace dyad;

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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: bench_store_generate STORE [EVENTS] [SEED]\n");
    return 2;
  }
  uint64_t target = argc > 2 ? std::stoull(argv[2]) : 1000000;
  std::mt19937_64 rng(argc > 3 ? std::stoull(argv[3]) : 20261126);
  auto started = std::chrono::steady_clock::now();

  std::vector<Country> nations = countries(rng);
  std::vector<double> country_weights;
  for (size_t i = 0; i < nations.size(); ++i) country_weights.push_back(1.0 / std::pow(static_cast<double>(i) + 2, 1.1));
  Weighted pick_country(country_weights);

  const std::vector<std::string> roles = {"GOV", "", "MIL", "COP", "REB", "OPP", "CVL", "BUS", "MED", "JUD", "LEG", "EDU"};
  Weighted pick_role({35, 15, 15, 7, 5, 5, 6, 4, 3, 2, 2, 1});
  const std::vector<std::string> igos = {"IGOUNO", "IGOEU", "IGOAFR", "IGONAT", "IGOUNOWHO", "NGOHRI"};

  // CAMEO codes by root, the roots weighted roughly as in GDELT's event mix.
  const CameoTable& cameo = CameoTable::shared();
  std::vector<std::vector<const CameoInfo*>> by_root(21);
  for (const auto& [code, info] : cameo.all()) {
    int root = std::stoi(code.substr(0, 2));
    if (root >= 1 && root <= 20) by_root[static_cast<size_t>(root)].push_back(&info);
  }
  for (auto& codes : by_root)
    std::sort(codes.begin(), codes.end(), [](auto* a, auto* b) { return a->code < b->code; });
  Weighted pick_root({0, 10, 5, 6, 22, 8, 2, 3, 3, 2, 3, 6, 3, 3, 2, 1, 1.5, 6, 5, 7, 0.5});

  // Days 2014-01-01 .. 2024-12-31, volume growing threefold over the years.
  const int64_t first_day = Date{2014, 1, 1}.days(), last_day = Date{2024, 12, 31}.days();
  std::vector<double> day_weights;
  for (int64_t d = first_day; d <= last_day; ++d)
    day_weights.push_back(1.0 + 2.0 * static_cast<double>(d - first_day) / static_cast<double>(last_day - first_day));
  Weighted pick_day(day_weights);

  std::vector<double> outlet_weights;
  for (int i = 0; i < 60; ++i) outlet_weights.push_back(1.0 / (i + 1));
  Weighted pick_outlet(outlet_weights);

  auto actor = [&](const Country& c) {
    Actor a;
    if (std::uniform_int_distribution<int>(0, 19)(rng) == 0) {
      a.code = igos[std::uniform_int_distribution<size_t>(0, igos.size() - 1)(rng)];
      return a;
    }
    std::string role = roles[pick_role(rng)];
    a.code = c.code + role;
    a.country = c.code;
    if (!role.empty()) a.roles.push_back(role);
    return a;
  };

  struct Recent {
    std::string date;
    Actor source, target;
    std::string cameo;
  };
  std::vector<Recent> recent;  // the last reported events, some reported again
  size_t recent_next = 0;

  EventStore store(argv[1]);
  uint64_t articles = 0, reports = 0, batches = 0;
  std::uniform_int_distribution<int> percent(0, 99);
  for (;;) {
    std::vector<Doc> docs;
    for (int n = 0; n < 1000; ++n) {
      Article article;
      article.id = fmt::format("synthetic-{}", ++articles);
      Date published = Date::from_days(first_day + static_cast<int64_t>(pick_day(rng)));
      article.date = published;
      article.date_text = published.iso();
      article.source = fmt::format("outlet{:02}.example", pick_outlet(rng));
      article.url = fmt::format("https://{}/{}", article.source, articles);
      Doc doc(std::move(article));
      Events& coded = doc.ext<Events>();
      int events = std::uniform_int_distribution<int>(1, 5)(rng);
      for (int k = 0; k < events; ++k) {
        Recent r;
        if (!recent.empty() && percent(rng) < 25) {
          r = recent[std::uniform_int_distribution<size_t>(0, recent.size() - 1)(rng)];
        } else {
          const Country& s = nations[pick_country(rng)];
          const Country& t = percent(rng) < 25 ? s : nations[pick_country(rng)];
          r.source = actor(s);
          r.target = actor(t);
          const auto& codes = by_root[pick_root(rng)];
          r.cameo = codes[percent(rng) < 40 ? 0 : std::uniform_int_distribution<size_t>(0, codes.size() - 1)(rng)]->code;
          r.date = published.plus_days(-std::uniform_int_distribution<int>(0, 2)(rng)).iso();
          if (recent.size() < 5000) recent.push_back(r);
          else recent[recent_next++ % recent.size()] = r;
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
        ++reports;
      }
      docs.push_back(std::move(doc));
    }
    store.add(docs);
    if (++batches % 20 == 0 && store.counts().events >= target) break;
  }
  StoreCounts c = store.counts();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print(stderr, "bench_store_generate: {} articles, {} events, {} mentions in {:.1f} s\n", c.articles, c.events,
             c.mentions, seconds);
  return 0;
}
