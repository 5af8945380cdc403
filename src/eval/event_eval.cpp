#include "eval/event_eval.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "base/strings.h"

namespace dyad {
namespace {

std::string read_file(const std::string& path) {
  auto text = read_whole_file(path);
  if (!text) throw InputError(path + ": cannot open");
  return std::move(*text);
}

// name="value" pairs of an XML start tag's attribute text (double quotes only, as the shared
// scorer reads them).
std::map<std::string, std::string> attributes(std::string_view s) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t eq = s.find('=', i);
    if (eq == std::string_view::npos) break;
    size_t name_end = eq;
    while (name_end > i && (s[name_end - 1] == ' ' || s[name_end - 1] == '\t' || s[name_end - 1] == '\n')) --name_end;
    size_t name_start = name_end;
    while (name_start > i && (std::isalnum(static_cast<unsigned char>(s[name_start - 1])) || s[name_start - 1] == '_'))
      --name_start;
    size_t q = eq + 1;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == '\n')) ++q;
    if (q >= s.size() || s[q] != '"') {
      i = eq + 1;
      continue;
    }
    size_t close = s.find('"', q + 1);
    if (close == std::string_view::npos) break;
    if (name_start < name_end)
      out.emplace(std::string(s.substr(name_start, name_end - name_start)), std::string(s.substr(q + 1, close - q - 1)));
    i = close + 1;
  }
  return out;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string iso_of(const std::string& d) {
  if (d.size() == 8 && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
  return d;
}

std::string upper3(std::string_view code) {
  std::string c(code.substr(0, 3));
  for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (c == "JAP") return "JPN";  // legacy codes in the 2016 gold
  if (c == "ITL") return "ITA";
  return c;
}

std::string plover_name(std::string_view c) {
  std::string u(c);
  for (char& ch : u) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (u == "FIGHT") return "ASSAULT";
  if (u == "DEMAND") return "REQUEST";
  if (u == "DISAPPROVE" || u == "INVESTIGATE") return "ACCUSE";
  return u;
}

}  // namespace

GoldSet read_petrarch_records(const std::string& path) {
  std::string text = read_file(path);
  GoldSet g;
  if (size_t env = text.find("<Environment>"); env != std::string::npos) {
    size_t end = text.find("</Environment>", env);
    std::string_view block = std::string_view(text).substr(env, end == std::string::npos ? 0 : end - env);
    for (const char* tag : {"Verbfile", "Actorfile", "Agentfile", "Discardfile", "Issuefile"}) {
      std::string open = fmt::format("<{}>", tag), close = fmt::format("</{}>", tag);
      size_t a = block.find(open), b = block.find(close);
      if (a != std::string_view::npos && b != std::string_view::npos && b > a)
        g.environment[tag] = collapse_spaces(block.substr(a + open.size(), b - a - open.size()));
    }
  }
  size_t pos = 0;
  while ((pos = text.find("<Sentence", pos)) != std::string::npos) {
    size_t after = pos + 9;
    if (after < text.size() && (std::isalnum(static_cast<unsigned char>(text[after])) || text[after] == 's')) {
      pos = after;  // <Sentences>
      continue;
    }
    size_t tag_end = text.find('>', pos);
    size_t close = text.find("</Sentence>", pos);
    if (tag_end == std::string::npos || close == std::string::npos) break;
    auto attrs = attributes(std::string_view(text).substr(after, tag_end - after));
    std::string_view body = std::string_view(text).substr(tag_end + 1, close - tag_end - 1);
    GoldRecord r;
    r.id = attrs.count("id") ? attrs["id"] : "";
    r.date = iso_of(attrs.count("date") ? attrs["date"] : "");
    r.category = attrs.count("category") ? attrs["category"] : "";
    size_t t0 = body.find("<Text>"), t1 = body.find("</Text>");
    if (t0 != std::string_view::npos && t1 != std::string_view::npos && t1 > t0)
      r.text = collapse_spaces(body.substr(t0 + 6, t1 - t0 - 6));
    for (size_t c = body.find("<EventCoding"); c != std::string_view::npos; c = body.find("<EventCoding", c + 1)) {
      size_t end = body.find('>', c);
      std::string_view tag = body.substr(c + 12, end == std::string_view::npos ? 0 : end - c - 12);
      if (tag.find('\'') != std::string_view::npos) r.set_aside = true;  // free-text actor codes
      auto a = attributes(tag);
      if (a.count("error")) r.set_aside = true;
      if (a.count("noevents") || !a.count("eventcode")) continue;
      r.events.insert({a.count("sourcecode") ? a["sourcecode"] : "---", a.count("targetcode") ? a["targetcode"] : "---",
                       a["eventcode"]});
    }
    pos = close + 11;
    if (r.id.empty() || r.text.empty()) continue;
    g.records.push_back(std::move(r));
  }
  return g;
}

GoldSet read_plover_gold(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(path).get(root)) throw InputError(path + ": cannot read as JSON");
  simdjson::dom::array records;
  if (root.get(records)) throw InputError(path + ": expected a JSON array of records");
  GoldSet g;
  std::map<std::string, size_t> index;  // a repeated id: the last record wins, in the first one's place
  for (simdjson::dom::element rec : records) {
    std::string_view id, event, text, date;
    if (rec["id"].get(id) || rec["event"].get(event)) continue;
    if (event == "DOCUMENT") continue;
    if (rec["text"].get(text)) text = "";
    if (rec["date"].get(date)) date = "2000-01-01";  // as gsr_to_articles.py writes them
    GoldRecord r;
    r.id = std::string(id);
    r.text = std::string(text);
    r.date = std::string(date);
    r.plover = plover_name(event);
    r.category = r.plover;
    for (auto [side, into] : {std::pair{"source", &r.plover_sources}, std::pair{"target", &r.plover_targets}}) {
      simdjson::dom::array actors;
      if (rec[side].get(actors)) continue;
      for (simdjson::dom::element a : actors) {
        std::string_view code;
        if (a["code"].get(code)) code = "";
        into->insert(upper3(code));
      }
    }
    if (auto it = index.find(r.id); it != index.end()) {
      g.records[it->second] = std::move(r);
    } else {
      index[r.id] = g.records.size();
      g.records.push_back(std::move(r));
    }
  }
  return g;
}

GoldSet read_native_gold(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open");
  GoldSet g;
  simdjson::dom::parser parser;
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos || line[line.find_first_not_of(" \t\r")] == '#') continue;
    simdjson::dom::element rec;
    if (parser.parse(line).get(rec)) throw InputError(fmt::format("{}:{}: not a JSON object", path, number));
    std::string_view id, text, date;
    if (rec["id"].get(id) || rec["text"].get(text))
      throw InputError(fmt::format("{}:{}: a gold record needs \"id\" and \"text\"", path, number));
    if (rec["date"].get(date)) date = "";
    GoldRecord r;
    r.id = std::string(id);
    r.text = std::string(text);
    r.date = std::string(date);
    std::string_view category;
    if (!rec["category"].get(category)) r.category = std::string(category);
    simdjson::dom::array events;
    if (!rec["events"].get(events))
      for (simdjson::dom::element e : events) {
        std::string_view s, t, c;
        if (e["source"].get(s)) s = "---";
        if (e["target"].get(t)) t = "---";
        if (e["cameo"].get(c)) throw InputError(fmt::format("{}:{}: an event needs \"cameo\"", path, number));
        r.events.insert({std::string(s), std::string(t), std::string(c)});
      }
    if (r.category.empty()) r.category = r.events.empty() ? "none" : std::get<2>(*r.events.begin()).substr(0, 2);
    g.records.push_back(std::move(r));
  }
  return g;
}

std::vector<Article> gold_articles(const GoldSet& gold) {
  std::vector<Article> out;
  for (const GoldRecord& r : gold.records) {
    Article a;
    a.id = r.id;
    a.text = r.text;
    a.date_text = r.date;
    a.date = Date::parse_iso(r.date);
    out.push_back(std::move(a));
  }
  return out;
}

ExactScores score_exact(const GoldSet& gold, const CodedEvents& got, bool misses) {
  ExactScores s;
  for (const GoldRecord& r : gold.records) {
    if (r.set_aside) {
      ++s.set_aside;
      continue;
    }
    std::set<EventTriple> coded;
    if (auto it = got.find(r.id); it != got.end())
      for (const CodedEvent& e : it->second)
        coded.insert({e.source.empty() ? "---" : e.source, e.target.empty() ? "---" : e.target, e.cameo});
    ++s.scored;
    auto& [ok, n] = s.per_category[r.category];
    ++n;
    if (coded == r.events) {
      ++s.exact;
      ++ok;
    } else if (misses) {
      auto list = [](const std::set<EventTriple>& v) {
        std::string out;
        for (const auto& [a, b, c] : v) out += fmt::format("{}({} {} {})", out.empty() ? "" : " ", a, b, c);
        return out;
      };
      s.misses.push_back(fmt::format("{}\tgold=[{}]\tgot=[{}]\t{}", r.id, list(r.events), list(coded), r.text.substr(0, 160)));
    }
  }
  return s;
}

std::string ExactScores::report() const {
  std::string out;
  for (const auto& m : misses) out += m + "\n";
  out += "per category (exact / records):\n";
  for (const auto& [c, v] : per_category) out += fmt::format("  {:<9} {:>3}/{}\n", c, v.first, v.second);
  out += fmt::format("petrarch-records: scored={} exact={} ({:.1f}%) set_aside={}\n", scored, exact,
                     100.0 * static_cast<double>(exact) / static_cast<double>(std::max<size_t>(scored, 1)), set_aside);
  return out;
}

PloverScores score_plover(const GoldSet& gold, const CodedEvents& got, bool misses) {
  PloverScores s;
  for (const GoldRecord& r : gold.records) {
    ++s.records;
    auto& [hits, n] = s.per_category[r.plover];
    ++n;
    auto it = got.find(r.id);
    bool coded = it != got.end() && !it->second.empty();
    bool category = false, dyad = false;
    if (coded) {
      ++s.coded;
      for (const CodedEvent& e : it->second) {
        ++s.events;
        if (plover_name(e.plover) != r.plover) continue;
        ++s.events_right;
        category = true;
        if (r.plover_sources.count(upper3(e.source)) && (r.plover_targets.empty() || r.plover_targets.count(upper3(e.target))))
          dyad = true;
      }
    }
    s.category += category;
    s.dyad += dyad;
    hits += category;
    if (misses && !dyad) {
      std::string list;
      if (coded)
        for (const CodedEvent& e : it->second)
          list += fmt::format("{}({} {} {})", list.empty() ? "" : " ", e.plover, e.source.empty() ? "-" : e.source,
                              e.target.empty() ? "-" : e.target);
      std::string src, tgt;
      for (const auto& x : r.plover_sources) src += (src.empty() ? "" : ",") + x;
      for (const auto& x : r.plover_targets) tgt += (tgt.empty() ? "" : ",") + x;
      s.misses.push_back(fmt::format("{}\tgold={} [{}]->[{}]\tgot=[{}]\t{}", r.id, r.plover, src, tgt, list, r.text));
    }
  }
  return s;
}

std::string PloverScores::report() const {
  std::string out;
  for (const auto& m : misses) out += m + "\n";
  out += "per category (category hits / records):\n";
  for (const auto& [c, v] : per_category) out += fmt::format("  {:<10} {:>3}/{:<3}\n", c, v.first, v.second);
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  out += fmt::format("gsr: records={} coded={:.1f}% category={:.1f}% dyad={:.1f}% events={} event_precision={:.1f}%\n",
                     records, pct(coded, records), pct(category, records), pct(dyad, records), events,
                     pct(events_right, events));
  return out;
}

}  // namespace dyad
