#include "code/event_dictionary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/error.h"
#include "base/strings.h"

namespace dyad {
namespace {

std::string lower(std::string_view s) { return ascii_lower(s); }

std::vector<std::string> split_list(std::string_view s, char sep = '|') {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t at = s.find(sep, pos);
    std::string_view item = trim(s.substr(pos, at == std::string_view::npos ? s.npos : at - pos));
    if (!item.empty()) out.emplace_back(item);
    if (at == std::string_view::npos) break;
    pos = at + 1;
  }
  return out;
}

std::string read_whole(const std::string& path) {
  auto text = read_whole_file(path);
  if (!text) throw InputError(path + ": cannot open dictionary");
  return std::move(*text);
}

bool is_cameo_code(std::string_view c) {
  return c.size() >= 2 && c.size() <= 4 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Words the legacy formats put after a verb that are particles for our analysis.
bool particle_word(std::string_view w) {
  static const std::set<std::string_view> kParticles = {"up", "down", "out", "off", "back", "away", "over", "aside"};
  return kParticles.count(w) > 0;
}

// The next pattern marker (= @ ! or "& " opening a condition; "&NAME" is a set) at or after `from`.
size_t next_marker(std::string_view body, size_t from) {
  for (size_t i = from; i < body.size(); ++i) {
    char c = body[i];
    if (c == '=' || c == '@' || c == '!' || c == '~') return i;
    if (c == '&' && (i + 1 == body.size() || body[i + 1] == ' ' || body[i + 1] == '\t')) return i;
  }
  return std::string_view::npos;
}

// The words of a pattern part ("MOST_CERTAINLY_&NEG_EVER", "{did n't|wo n't} ever"): blanks
// separate words with gaps allowed, '_' joins a word to the one before, "{a|b c}" lists
// alternatives, "&SET" names a set (resolved by `set`, empty when unknown). Slot markers of the
// legacy formats (+ $ % ^) are dropped. False (with `error`) on an unknown set.
// A word left joined at the end ("RECENTLY_" of "RECENTLY_*") sets `trailing_join`.
template <typename SetLookup>
bool parse_word_slots(std::string_view part, const SetLookup& set, std::vector<WordSlot>& out, std::string& error,
                      bool* trailing_join = nullptr) {
  bool joined = false;
  size_t i = 0;
  while (i < part.size()) {
    char c = part[i];
    if (c == ' ' || c == '\t') {
      joined = false;
      ++i;
      continue;
    }
    if (c == '_') {
      joined = true;
      ++i;
      continue;
    }
    WordSlot slot;
    slot.joined = joined;
    joined = false;
    if (c == '{') {
      size_t close = part.find('}', i);
      std::string_view inside = part.substr(i + 1, close == std::string_view::npos ? part.npos : close - i - 1);
      for (size_t at = 0; at <= inside.size();) {
        size_t bar = std::min(inside.find('|', at), inside.size());
        std::string alt = ascii_lower(trim(inside.substr(at, bar - at)));
        std::replace(alt.begin(), alt.end(), '_', ' ');
        if (!alt.empty()) slot.alternatives.push_back(std::move(alt));
        at = bar + 1;
      }
      i = close == std::string_view::npos ? part.size() : close + 1;
    } else {
      size_t end = part.find_first_of(" \t_{", i);
      std::string_view w = part.substr(i, end == std::string_view::npos ? part.npos : end - i);
      i = end == std::string_view::npos ? part.size() : end;
      while (!w.empty() && (w[0] == '+' || w[0] == '$' || w[0] == '%' || w[0] == '^')) w.remove_prefix(1);
      if (w.empty()) continue;
      if (w[0] == '&') {
        slot.alternatives = set(w);
        if (slot.alternatives.empty()) {
          error = fmt::format("undefined synonym set {}", w);
          return false;
        }
      } else {
        slot.alternatives.push_back(ascii_lower(w));
      }
    }
    if (!slot.alternatives.empty()) out.push_back(std::move(slot));
  }
  if (trailing_join) *trailing_join = joined;
  return true;
}

// The words of "BEFORE * AFTER": "RECENTLY_*" puts the word right before the verb, "*_CONTROL"
// right after it.
template <typename SetLookup>
bool parse_word_pattern(std::string_view before, std::string_view after, const SetLookup& set, EventPattern& p,
                        std::string& error) {
  if (!parse_word_slots(before, set, p.preceding, error, &p.before_adjacent) ||
      !parse_word_slots(after, set, p.sequence, error))
    return false;
  if (!p.preceding.empty()) p.preceding.front().joined = false;
  return true;
}

// The slots as parse_word_slots reads them.
std::string word_slots_text(const std::vector<WordSlot>& slots) {
  std::string out;
  for (const WordSlot& slot : slots) {
    if (!out.empty() || slot.joined) out += slot.joined ? "_" : " ";
    if (slot.alternatives.size() == 1 && slot.alternatives[0].find(' ') == std::string::npos) {
      out += slot.alternatives[0];
      continue;
    }
    out += "{";
    for (size_t k = 0; k < slot.alternatives.size(); ++k) out += (k ? "|" : "") + slot.alternatives[k];
    out += "}";
  }
  return out;
}

}  // namespace

class EventLoader {
  // A verb of a legacy block: "MEET", "+MEET_WITH", "WIRE_+TAP" (before = {"wire"}).
  struct BlockVerb {
    std::string lemma, particle, prep;
    std::vector<std::string> before;
  };

 public:
  EventLoader(EventDictionary& d, std::vector<LoadReport>& reports) : d_(d), reports_(reports) {}

  void load(const std::string& path, DictFormat format) {
    std::string canonical = std::filesystem::weakly_canonical(path).string();
    if (!seen_.insert(canonical).second) return;
    std::string text = read_whole(path);
    if (format == DictFormat::kAuto) format = detect_dict_format(path, std::string_view(text).substr(0, 8192));
    LoadReport report;
    report.file = path;
    report.format = format;
    report.role = DictRole::kVerbs;
    uint32_t file = d_.file_id(path);
    size_t before = d_.patterns_.size();
    if (format == DictFormat::kNative) native(path, text, file, report);
    else legacy(text, file, format == DictFormat::kTabari, report);
    for (size_t i = before; i < d_.patterns_.size(); ++i)
      if (d_.patterns_[i].file == file) {  // not those of included files
        ++report.entries;
        report.names += d_.patterns_[i].words.size();
      }
    reports_.push_back(std::move(report));
  }

 private:
  void reject(LoadReport& r, uint32_t line, std::string reason, std::string_view text) {
    std::string t(trim(text));
    if (t.size() > 80) t = t.substr(0, 77) + "...";
    r.rejected.push_back({line, std::move(reason), t});
  }

  // Expands "&SET" references in a list of words.
  bool expand(const std::vector<std::string>& in, std::vector<std::string>& out, std::string& error) {
    for (const auto& w : in) {
      if (w[0] == '&') {
        auto it = d_.sets_.find(w);
        if (it == d_.sets_.end()) {
          error = fmt::format("synonym set {} is not defined (define it before use)", w);
          return false;
        }
        out.insert(out.end(), it->second.begin(), it->second.end());
      } else {
        out.push_back(lower(w));
      }
    }
    return true;
  }

  // "040", ":020", "036:036".
  static bool parse_codes(std::string_view spec, EventPattern& p) {
    if (spec == "---") {
      p.null_event = true;
      return true;
    }
    size_t colon = spec.find(':');
    std::string_view fwd = spec.substr(0, colon), rev = colon == std::string_view::npos ? "" : spec.substr(colon + 1);
    if (!fwd.empty() && !is_cameo_code(fwd)) return false;
    if (!rev.empty() && !is_cameo_code(rev)) return false;
    if (fwd.empty() && rev.empty()) return false;
    p.code = std::string(fwd);
    p.reversed_code = fwd.empty() ? std::string(rev) : "";
    p.paired_code = fwd.empty() ? "" : std::string(rev);
    return true;
  }

  void native(const std::string& path, const std::string& text, uint32_t file, LoadReport& report) {
    std::string dir = std::filesystem::path(path).parent_path().string();
    std::istringstream in(text);
    std::string raw;
    uint32_t number = 0;
    while (std::getline(in, raw)) {
      ++number;
      auto parts = split_native_line(raw);
      if (!parts) continue;
      auto [kw, rest] = *parts;
      size_t sp = 0;
      if (kw == "include") {
        std::string target = (std::filesystem::path(dir) / std::string(rest)).string();
        if (std::filesystem::exists(target)) load(target, DictFormat::kNative);
        else reject(report, number, "included file does not exist", raw);
        continue;
      }
      if (kw == "set") {
        size_t sp2 = rest.find_first_of(" \t");
        std::string name(rest.substr(0, sp2));
        if (name.size() < 2 || name[0] != '&' || sp2 == std::string_view::npos) {
          reject(report, number, "expected: set &NAME word | word", raw);
          continue;
        }
        std::vector<std::string> words;
        std::string error;
        if (!expand(split_list(rest.substr(sp2)), words, error)) {
          reject(report, number, error, raw);
          continue;
        }
        d_.sets_[name] = words;
        continue;
      }
      if (kw != "verb" && kw != "noun") continue;  // actor entries: the actor dictionary reads them
      EventPattern p;
      p.nominal = kw == "noun";
      p.file = file;
      p.line = number;
      sp = rest.find_first_of(" \t");
      if (!parse_codes(rest.substr(0, sp), p)) {
        reject(report, number, fmt::format("bad CAMEO code '{}'", rest.substr(0, sp)), raw);
        continue;
      }
      std::string_view body = sp == std::string_view::npos ? "" : trim(rest.substr(sp));
      // Split the body at the markers = @ & !
      std::string_view head = body.substr(0, next_marker(body, 0));
      std::string error;
      // Each verb may have its own particle ("send | pass +on"): one pattern per particle.
      std::vector<std::pair<std::string, std::vector<std::string>>> by_particle;
      bool words_ok = true;
      for (auto& w : split_list(head)) {
        std::string particle;
        size_t plus = w.find(" +");
        if (plus != std::string::npos) {
          particle = lower(trim(w.substr(plus + 2)));
          w = std::string(trim(w.substr(0, plus)));
        }
        auto group = std::find_if(by_particle.begin(), by_particle.end(),
                                  [&](const auto& g) { return g.first == particle; });
        if (group == by_particle.end()) group = by_particle.insert(by_particle.end(), {particle, {}});
        words_ok = words_ok && expand({w}, group->second, error);
      }
      if (by_particle.empty() || !words_ok) {
        reject(report, number, error.empty() ? "no verb or noun" : error, raw);
        continue;
      }
      bool ok = true;
      for (size_t at = next_marker(body, 0); at != std::string_view::npos && ok;) {
        char marker = body[at];
        size_t next = next_marker(body, at + 1);
        std::string_view part = trim(body.substr(at + 1, next == std::string_view::npos ? body.npos : next - at - 1));
        if (marker == '=') {
          ok = expand(split_list(part), p.objects, error);
        } else if (marker == '@') {
          for (auto& w : split_list(part)) p.target_preps.push_back(lower(w));
        } else if (marker == '~') {  // words around the verb: "~ {did n't|wo n't} ever * over efforts"
          size_t star = part.find('*');
          auto lookup = [&](std::string_view name) {
            std::vector<std::string> words;
            std::string ignored;
            expand({std::string(name)}, words, ignored);
            return words;
          };
          if (star == std::string_view::npos) {
            error = "a word pattern needs '*' where the verb goes";
            ok = false;
          } else {
            ok = parse_word_pattern(part.substr(0, star), part.substr(star + 1), lookup, p, error);
          }
        } else if (marker == '&') {
          size_t colon = part.find(':');
          if (colon == std::string_view::npos) {
            error = "a condition is PREP:NOUNS";
            ok = false;
          } else {
            std::vector<std::string> nouns;
            ok = expand(split_list(part.substr(colon + 1)), nouns, error);
            p.conditions.emplace_back(lower(trim(part.substr(0, colon))), nouns);
          }
        } else {
          for (auto& f : split_list(part, ' ')) {
            if (f == "notarget") p.notarget = true;
            else if (f == "mutual") p.mutual = true;
            else if (f == "legacy") p.legacy = true;
            else {
              error = fmt::format("unknown flag '{}'", f);
              ok = false;
            }
          }
        }
        at = next;
      }
      if (!ok) {
        reject(report, number, error, raw);
        continue;
      }
      for (auto& [particle, words] : by_particle) {
        EventPattern q = p;
        q.particle = particle;
        q.words = std::move(words);
        d_.patterns_.push_back(std::move(q));
      }
    }
  }

  // PETRARCH CAMEO verb dictionaries (and TABARI .verbs): synonym sets "&NAME" / "+word";
  // blocks "--- NAME [CODE] ---" of verbs "VERB {FORMS}" / "+MULTI_WORD"; patterns
  // "- WORDS * OBJECT (PREP NOUN) [CODE:CODE]": the words before '*' are matched between the
  // subject and the verb, those after it within the clause. PETRARCH's transformations ("~")
  // are not supported by the role-based engine and are reported.
  void legacy(const std::string& text, uint32_t file, bool tabari, LoadReport& report) {
    std::istringstream in(text);
    std::string raw;
    uint32_t number = 0;
    std::string set_name;
    std::vector<std::string> block_verbs;  // lemma [particle] [prep]
    std::vector<BlockVerb> verbs;
    std::string block_code;
    size_t unsupported = 0;
    auto flush_block_code = [&](uint32_t at) {
      // The block's own code applies to its verbs without a pattern.
      if (block_code.empty() || block_code == "---") return;
      for (const auto& v : verbs) {
        EventPattern p;
        if (!parse_codes(block_code, p)) return;
        p.words = {v.lemma};
        p.particle = v.particle;
        for (const auto& w : v.before) p.preceding.push_back({{w}, false, {}});
        if (!v.prep.empty()) p.target_preps = {v.prep};
        p.file = file;
        p.legacy = true;
        p.line = at;
        d_.patterns_.push_back(std::move(p));
      }
    };
    uint32_t block_line = 0;
    while (std::getline(in, raw)) {
      ++number;
      std::string_view line = raw;
      size_t hash = line.find('#');
      if (hash != std::string_view::npos) line = line.substr(0, hash);
      if (tabari) {
        size_t semi = line.find(';');
        if (semi != std::string_view::npos) line = line.substr(0, semi);
      }
      line = trim(line);
      if (line.empty() || line[0] == '<') {
        // A blank line ends a synonym set; a comment line inside one does not.
        if (trim(raw).empty()) set_name.clear();
        continue;
      }
      if (line[0] == '&') {  // a synonym set
        set_name = set_key(line.substr(0, line.find_first_of(" \t")));
        d_.sets_[set_name];
        continue;
      }
      if (line.substr(0, 3) == "---") {
        flush_block_code(block_line);
        verbs.clear();
        set_name.clear();
        block_line = number;
        size_t open = line.find('['), close = line.find(']');
        block_code = open != std::string_view::npos && close != std::string_view::npos
                         ? std::string(trim(line.substr(open + 1, close - open - 1)))
                         : "";
        continue;
      }
      if (line[0] == '+' && !set_name.empty()) {
        std::string w = lower(line.substr(1));
        std::replace(w.begin(), w.end(), '_', ' ');
        d_.sets_[set_name].push_back(std::string(trim(w)));
        continue;
      }
      if (line[0] == '-' || line[0] == '~') {
        if (line[0] == '~') {  // PETRARCH transformations: not supported
          ++unsupported;
          continue;
        }
        legacy_pattern(line.substr(1), verbs, file, number, report, unsupported);
        continue;
      }
      // A verb line: "MEET {MEETS MET MEETING}", "+MEET_WITH {...}", "WIRE_+TAP".
      std::string_view v = line;
      if (v[0] == '+') v.remove_prefix(1);
      v = trim(v.substr(0, v.find_first_of("{[")));
      std::string w = lower(v);
      std::vector<std::string> parts;
      std::stringstream ss(w);
      std::string piece;
      while (std::getline(ss, piece, '_')) {
        std::stringstream sp(piece);
        std::string x;
        while (sp >> x) parts.push_back(x);
      }
      if (parts.empty()) continue;
      // The verb is the word marked '+' (WIRE_+TAP) or the first.
      size_t vi = 0;
      for (size_t k = 0; k < parts.size(); ++k)
        if (!parts[k].empty() && parts[k][0] == '+') {
          vi = k;
          parts[k].erase(0, 1);
        }
      BlockVerb bv;
      bv.lemma = parts[vi];
      for (size_t k = vi + 1; k < parts.size(); ++k) {
        if (particle_word(parts[k]) && bv.particle.empty()) bv.particle = parts[k];
        else if (bv.prep.empty()) bv.prep = parts[k];
      }
      bv.before.assign(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(vi));  // WIRE_+TAP
      verbs.push_back(bv);
    }
    flush_block_code(block_line);
    if (unsupported)
      report.rejected.push_back({0, fmt::format("{} transformations or patterns without a verb are not "
                                                "supported by the role-based engine",
                                                unsupported),
                                 ""});
  }

  // "&PREPOSIT1_" and "&preposit1" name the same set.
  static std::string set_key(std::string_view name) {
    std::string key(trim(name));
    while (!key.empty() && key.back() == '_') key.pop_back();
    for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return key;
  }

  // A legacy set's words, with the sets it names expanded ("&ACCORDSYN" holds "&TIETYPES").
  std::vector<std::string> set_members(std::string_view name, int depth = 0) const {
    auto it = d_.sets_.find(set_key(name));
    if (it == d_.sets_.end() || depth > 4) return {};
    std::vector<std::string> out;
    for (const std::string& m : it->second) {
      if (m.empty() || m[0] != '&') {
        out.push_back(m);
        continue;
      }
      for (auto& inner : set_members(m, depth + 1)) out.push_back(std::move(inner));
    }
    return out;
  }

  // "* RUN-OFF [---]", "* (WITH LEADERS) [036:036]", "* {FINANCIAL AID} (FOR &CURRENCY) [071]".
  void legacy_pattern(std::string_view body, const std::vector<BlockVerb>& verbs,
                      uint32_t file, uint32_t number, LoadReport& report, size_t& unsupported) {
    size_t open = body.rfind('['), close = body.rfind(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      reject(report, number, "pattern without [CODE]", body);
      return;
    }
    std::string codes(trim(body.substr(open + 1, close - open - 1)));
    std::string_view pat = trim(body.substr(0, open));
    size_t star = pat.find('*');
    if (star == std::string_view::npos) {
      ++unsupported;  // PETRARCH's verbless patterns
      return;
    }
    if (codes.empty() || verbs.empty()) return;
    EventPattern p;
    if (!parse_codes(codes, p)) {
      reject(report, number, fmt::format("bad code [{}]", codes), body);
      return;
    }
    std::string_view after = trim(pat.substr(star + 1));
    // Objects before the first '(' ; each "(PREP NOUN...)" a condition or a target slot.
    std::string_view objects = after.substr(0, after.find('('));
    auto words_of = [&](std::string_view s) {
      std::vector<std::string> out;
      std::string t = lower(s);
      for (char& c : t)
        if (c == '{' || c == '}' || c == '_') c = ' ';
      std::stringstream ss(t);
      std::string w;
      while (ss >> w)
        if (w != "$" && w != "+" && w != "%" && w != "^") out.push_back(w);
      return out;
    };
    auto head_of = [&](std::vector<std::string> ws) -> std::vector<std::string> {
      if (ws.empty()) return {};
      std::string h = ws.back();
      if (h[0] == '&') return set_members(h);
      return {h};
    };
    // "{FINANCIAL AID}" is one group of words, and before the verb "(OF &FOOD)" is words too.
    auto ungrouped = [](std::string_view part) {
      std::string text(part);
      for (char& c : text)
        if (c == '{' || c == '}' || c == '(' || c == ')') c = ' ';
      return text;
    };
    // "- + * MONEY $ [071]": '+' (target) before the verb or '$' (source) after it puts the
    // subject on the receiving end, as a reversed code does.
    auto has_marker = [](std::string_view part, char marker) {
      for (size_t at = part.find(marker); at != std::string_view::npos; at = part.find(marker, at + 1))
        if (at + 1 == part.size() || part[at + 1] == ' ' || part[at + 1] == '_') return true;
      return false;
    };
    // "- NOTED + * [115]": words before the '+' belong to the governing clause, whose subject is
    // then the source, and this clause's subject the target.
    {
      std::string before(pat.substr(0, star));
      for (char& ch : before)
        if (ch == '_') ch = ' ';
      std::istringstream words(before);
      std::string w;
      int count = 0;
      while (words >> w) {
        if (w == "+") {
          p.source_governing = count > 0;
          p.subject_before_words = count == 0;
          break;
        }
        if (w != "$" && w != "^" && w != "%") ++count;
      }
    }
    if (!p.source_governing && (has_marker(pat.substr(0, star), '+') || has_marker(after, '$')) && !p.code.empty()) {
      p.reversed_code = p.code;
      p.code.clear();
      p.paired_code.clear();
    }
    std::string error;
    if (!parse_word_pattern(ungrouped(pat.substr(0, star)), ungrouped(objects),
                            [&](std::string_view name) { return set_members(name); }, p, error)) {
      reject(report, number, error, body);
      return;
    }
    // "- * EID AT ^ WITH + [043]": the other actor stands after the words before the marker,
    // past one noun phrase for each '^'.
    {
      std::string text = ungrouped(objects);
      for (char& ch : text)
        if (ch == '_') ch = ' ';
      std::istringstream words(text);
      std::string w;
      int slots = 0, carets = 0;
      while (words >> w) {
        if (w == "^") {
          ++carets;
        } else if (w == "+" || w == "$") {
          p.other_after = slots;
          p.other_skip = carets;
          break;
        } else {
          ++slots;
          carets = 0;
        }
      }
    }
    for (size_t at = after.find('('); at != std::string_view::npos; at = after.find('(', at + 1)) {
      size_t end = after.find(')', at);
      if (end == std::string_view::npos) break;
      auto ws = words_of(after.substr(at + 1, end - at - 1));
      if (ws.empty()) continue;
      std::string prep = ws.front();
      size_t slash = prep.find('/');
      if (slash != std::string::npos) prep = prep.substr(0, slash);
      ws.erase(ws.begin());
      if (ws.empty()) p.target_preps.push_back(prep);
      else p.conditions.emplace_back(prep, head_of(ws));
    }
    p.file = file;
    p.legacy = true;
    p.line = number;
    for (const auto& v : verbs) {
      EventPattern q = p;
      q.words = {v.lemma};
      q.particle = v.particle;
      for (const auto& w : v.before) q.preceding.push_back({{w}, false, {}});  // the pattern's words, then WIRE_ of WIRE_+TAP
      d_.patterns_.push_back(std::move(q));
    }
  }

  EventDictionary& d_;
  std::vector<LoadReport>& reports_;
  std::set<std::string> seen_;
};

std::string native_pattern_line(const EventPattern& p) {
  auto list = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& w : v) out += (out.empty() ? "" : " | ") + w;
    return out;
  };
  std::string code = p.null_event       ? "---"
                     : p.code.empty()     ? ":" + p.reversed_code
                     : p.paired_code.empty() ? p.code
                                             : p.code + ":" + p.paired_code;
  std::string line = fmt::format("{} {:<5} ", p.nominal ? "noun" : "verb", code);
  for (size_t i = 0; i < p.words.size(); ++i)
    line += (i ? " | " : "") + p.words[i] + (p.particle.empty() ? "" : " +" + p.particle);
  if (!p.objects.empty()) line += " = " + list(p.objects);
  if (!p.target_preps.empty()) line += " @ " + list(p.target_preps);
  for (const auto& [prep, nouns] : p.conditions) line += " & " + prep + ":" + list(nouns);
  if (!p.preceding.empty() || !p.sequence.empty()) {
    std::string before = word_slots_text(p.preceding), after = word_slots_text(p.sequence);
    line += " ~ " + before + (before.empty() ? "*" : p.before_adjacent ? "_*" : " *") +
            (after.empty() || after[0] == '_' ? "" : " ") + after;
  }
  if (p.notarget || p.mutual || p.legacy)
    line += std::string(" !") + (p.notarget ? " notarget" : "") + (p.mutual ? " mutual" : "") +
            (p.legacy ? " legacy" : "");
  return line;
}

uint32_t EventDictionary::file_id(const std::string& raw) { return intern_file(files_, raw); }

std::vector<LoadReport> EventDictionary::load(const std::string& path, DictFormat format) {
  std::vector<LoadReport> reports;
  EventLoader(*this, reports).load(path, format);
  index();
  return reports;
}

std::string EventDictionary::origin(const EventPattern& p) const {
  return fmt::format("{}:{}", p.file < files_.size() ? files_[p.file] : "?", p.line);
}

void EventDictionary::index() {
  by_verb_.clear();
  by_noun_.clear();
  for (EventPattern& p : patterns_)
    for (auto* slots : {&p.sequence, &p.preceding})
      for (WordSlot& slot : *slots) {
        slot.first_ids.clear();
        for (const std::string& alt : slot.alternatives) {
          auto [it, added] = word_ids_.emplace(alt.substr(0, alt.find(' ')), static_cast<uint32_t>(word_ids_.size()));
          slot.first_ids.push_back(it->second);
        }
        std::sort(slot.first_ids.begin(), slot.first_ids.end());
        slot.first_ids.erase(std::unique(slot.first_ids.begin(), slot.first_ids.end()), slot.first_ids.end());
      }
  for (uint32_t i = 0; i < patterns_.size(); ++i)
    for (const auto& w : patterns_[i].words) (patterns_[i].nominal ? by_noun_ : by_verb_)[w].push_back(i);
}

const std::vector<uint32_t>* EventDictionary::verbs(std::string_view lemma) const {
  auto it = by_verb_.find(std::string(lemma));
  return it == by_verb_.end() ? nullptr : &it->second;
}

const std::vector<uint32_t>* EventDictionary::nouns(std::string_view lemma) const {
  auto it = by_noun_.find(std::string(lemma));
  return it == by_noun_.end() ? nullptr : &it->second;
}

}  // namespace dyad
