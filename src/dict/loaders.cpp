// Readers for the native dictionary format and for TABARI and PETRARCH/Phoenix dictionaries.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "base/error.h"
#include "base/strings.h"
#include "dict/dictionary.h"

namespace dyad {
namespace {

std::string read_whole(const std::string& path) {
  auto text = read_whole_file(path);
  if (!text) throw InputError(path + ": cannot open dictionary");
  return std::move(*text);
}

template <typename F>
void for_each_line(std::string_view text, F&& f) {
  uint32_t number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    f(text.substr(pos, nl - pos), ++number);
    pos = nl + 1;
  }
}

std::string shorten(std::string_view s) {
  s = trim(s);
  return s.size() > 80 ? std::string(s.substr(0, 77)) + "..." : std::string(s);
}

bool is_code_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '~'; }

// "2014", "2014-05", "2014-05-16"; as the start of a range (first day) or its end (last day).
std::optional<Date> parse_native_date(std::string_view s, bool end) {
  auto num = [](std::string_view d) -> std::optional<int> {
    if (d.empty() || d.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  if (s.size() == 4) {
    auto y = num(s);
    if (!y) return std::nullopt;
    return end ? Date{*y, 12, 31} : Date{*y, 1, 1};
  }
  if (s.size() == 7 && s[4] == '-') {
    auto y = num(s.substr(0, 4)), m = num(s.substr(5, 2));
    if (!y || !m || *m < 1 || *m > 12) return std::nullopt;
    if (!end) return Date{*y, *m, 1};
    int d = 31;
    while (!Date::valid(*y, *m, d)) --d;
    return Date{*y, *m, d};
  }
  if (s.size() == 10) return Date::parse_iso(s);
  return std::nullopt;
}

// PETRARCH/TABARI dates: YYMMDD or YYYYMMDD.
std::optional<Date> parse_legacy_date(std::string_view s) { return Date::parse_compact(trim(s)); }

// Regular English plural of the last word of a phrase (agents).
std::string regular_plural(const std::string& phrase) {
  if (phrase.empty()) return phrase;
  auto ends = [&](std::string_view suf) {
    return phrase.size() > suf.size() && std::equal(suf.rbegin(), suf.rend(), phrase.rbegin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  bool upper = std::isupper(static_cast<unsigned char>(phrase.back()));
  auto cased = [&](std::string s) {
    if (upper)
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  char before_y = phrase.size() >= 2 ? static_cast<char>(std::tolower(static_cast<unsigned char>(phrase[phrase.size() - 2]))) : 'a';
  if (ends("y") && std::string_view("aeiou").find(before_y) == std::string_view::npos)
    return phrase.substr(0, phrase.size() - 1) + cased("ies");
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return phrase + cased("es");
  return phrase + cased("s");
}

}  // namespace

std::string_view format_name(DictFormat f) {
  switch (f) {
    case DictFormat::kAuto: return "auto";
    case DictFormat::kNative: return "native";
    case DictFormat::kTabari: return "tabari";
    case DictFormat::kPetrarch: return "petrarch";
  }
  return "?";
}

std::string_view role_name(DictRole r) {
  switch (r) {
    case DictRole::kAuto: return "auto";
    case DictRole::kActors: return "actors";
    case DictRole::kAgents: return "agents";
    case DictRole::kDiscards: return "discards";
    case DictRole::kIssues: return "issues";
    case DictRole::kVerbs: return "verbs";
  }
  return "?";
}

DictRole detect_dict_role(std::string_view path) {
  std::string p(path);
  for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t slash = p.find_last_of('/');
  std::string base = slash == std::string::npos ? p : p.substr(slash + 1);
  if (base.find("agent") != std::string::npos) return DictRole::kAgents;
  if (base.find("discard") != std::string::npos) return DictRole::kDiscards;
  if (base.find("issue") != std::string::npos) return DictRole::kIssues;
  if (base.find("verb") != std::string::npos || base.find("cameo") != std::string::npos) return DictRole::kVerbs;
  return DictRole::kActors;
}

DictFormat detect_dict_format(std::string_view path, std::string_view head) {
  // Native files start their entries with a kind keyword.
  size_t pos = 0;
  int legacy = 0, native = 0;
  while (pos < head.size() && legacy + native < 20) {
    size_t nl = head.find('\n', pos);
    std::string_view line = trim(head.substr(pos, nl == std::string_view::npos ? head.npos : nl - pos));
    pos = nl == std::string_view::npos ? head.size() : nl + 1;
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    std::string_view first = line.substr(0, line.find_first_of(" \t"));
    if (parse_entry_kind(first) || first == "include" || first == "verb" || first == "noun" || first == "set") ++native;
    else ++legacy;
  }
  if (native > legacy) return DictFormat::kNative;
  std::string p(path);
  for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (p.ends_with(".actors") || p.ends_with(".agents") || p.ends_with(".verbs") || p.ends_with(".options"))
    return DictFormat::kTabari;
  return DictFormat::kPetrarch;
}

std::optional<NativeLine> split_native_line(std::string_view raw) {
  std::string_view line = raw;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      line = line.substr(0, i);
      break;
    }
  }
  line = trim(line);
  if (line.empty()) return std::nullopt;
  size_t space = line.find_first_of(" \t");
  return NativeLine{line.substr(0, space), space == std::string_view::npos ? std::string_view() : trim(line.substr(space))};
}

std::string Dictionary::default_path() {
  if (const char* env = std::getenv("DYAD_DICT")) return env;
  return std::string(DYAD_DATA_DIR) + "/dict/default.txt";
}

uint32_t intern_file(std::vector<std::string>& files, const std::string& raw) {
  std::string path = std::filesystem::path(raw).lexically_normal().string();
  std::string data = std::filesystem::path(DYAD_DATA_DIR).lexically_normal().string() + "/";
  if (path.rfind(data, 0) == 0) path = path.substr(data.size());
  auto it = std::find(files.begin(), files.end(), path);
  if (it != files.end()) return static_cast<uint32_t>(it - files.begin());
  files.push_back(path);
  return static_cast<uint32_t>(files.size() - 1);
}

uint32_t Dictionary::file_id(const std::string& raw) { return intern_file(files_, raw); }

std::string Dictionary::origin(const Entry& e) const {
  return fmt::format("{}:{}", e.file < files_.size() ? files_[e.file] : "?", e.line);
}

void Dictionary::add(Entry e, const std::string& file) {
  e.file = file_id(file);
  entries_.push_back(std::move(e));
}

// Reads one file into a Dictionary (one instance per top-level load; follows includes).
class DictionaryLoader {
 public:
  DictionaryLoader(Dictionary& dict, std::vector<LoadReport>& reports) : dict_(dict), reports_(reports) {}

  void load(const std::string& path, DictFormat format, DictRole role) {
    std::string canonical = std::filesystem::weakly_canonical(path).string();
    if (!seen_.insert(canonical).second) return;  // an include cycle or a repeat
    std::string text = read_whole(path);
    if (format == DictFormat::kAuto) format = detect_dict_format(path, std::string_view(text).substr(0, 8192));
    if (role == DictRole::kAuto) role = detect_dict_role(path);
    LoadReport report;
    report.file = path;
    report.format = format;
    report.role = format == DictFormat::kNative ? DictRole::kAuto : role;
    uint32_t file = dict_.file_id(path);
    size_t first_entry = dict_.entries_.size();
    if (format == DictFormat::kNative) {
      native(path, text, file, report);
    } else {
      switch (role) {
        case DictRole::kAgents: legacy_agents(text, file, report); break;
        case DictRole::kDiscards: legacy_discards(text, file, report); break;
        case DictRole::kIssues: legacy_issues(text, file, report); break;
        case DictRole::kVerbs:
          report.rejected.push_back({0, "verb dictionaries are read by the event coder (--verbs)", ""});
          break;
        default: legacy_actors(text, file, format, report); break;
      }
    }
    for (size_t i = first_entry; i < dict_.entries_.size(); ++i) {
      if (dict_.entries_[i].file != file) continue;
      ++report.entries;
      report.names += dict_.entries_[i].names.size();
    }
    reports_.push_back(std::move(report));
  }

 private:
  void reject(LoadReport& r, uint32_t line, std::string reason, std::string_view text) {
    r.rejected.push_back({line, std::move(reason), shorten(text)});
  }

  // ---- native ----------------------------------------------------------------------------

  void native(const std::string& path, const std::string& text, uint32_t file, LoadReport& report) {
    std::string dir = std::filesystem::path(path).parent_path().string();
    for_each_line(text, [&](std::string_view raw, uint32_t number) {
      auto parts = split_native_line(raw);
      if (!parts) return;
      auto [keyword, rest] = *parts;
      if (keyword == "include") {
        if (rest.empty()) return reject(report, number, "include needs a file name", raw);
        std::string target = std::filesystem::path(dir) / std::string(rest);
        if (!std::filesystem::exists(target))
          return reject(report, number, fmt::format("included file {} does not exist", target), raw);
        load(target, DictFormat::kNative, DictRole::kAuto);
        return;
      }
      if (keyword == "verb" || keyword == "noun" || keyword == "set") return;  // the event dictionary's
      auto kind = parse_entry_kind(keyword);
      if (!kind) return reject(report, number, fmt::format("unknown kind '{}'", keyword), raw);
      Entry e;
      e.kind = *kind;
      e.file = file;
      e.line = number;
      size_t arrow = rest.find("=>");
      std::string_view names = trim(rest.substr(0, arrow));
      std::string_view codes = arrow == std::string_view::npos ? std::string_view() : trim(rest.substr(arrow + 2));
      size_t pos = 0;
      while (pos <= names.size()) {
        size_t bar = names.find('|', pos);
        std::string_view n = trim(names.substr(pos, bar == std::string_view::npos ? names.npos : bar - pos));
        if (!n.empty()) e.names.emplace_back(n);
        if (bar == std::string_view::npos) break;
        pos = bar + 1;
      }
      if (e.names.empty()) return reject(report, number, "no names", raw);
      std::string error;
      if (!native_codes(codes, e, error)) return reject(report, number, error, raw);
      if (e.kind == EntryKind::kAgent) {
        for (size_t i = 0, n = e.names.size(); i < n; ++i) {
          std::string plural = regular_plural(e.names[i]);
          if (std::find(e.names.begin(), e.names.end(), plural) == e.names.end()) e.names.push_back(plural);
        }
      }
      dict_.entries_.push_back(std::move(e));
    });
  }

  // "LBYREB 2011-03-01..2014-05-15, LBYMIL 2014-05-16.." for the entry's kind.
  static bool native_codes(std::string_view codes, Entry& e, std::string& error) {
    bool needs_code = is_actor_kind(e.kind) || e.kind == EntryKind::kAgent || e.kind == EntryKind::kIssue;
    if (codes.empty()) {
      if (needs_code) error = fmt::format("a {} needs a code after =>", kind_name(e.kind));
      return !needs_code;
    }
    if (!needs_code) {
      error = fmt::format("a {} takes no code", kind_name(e.kind));
      return false;
    }
    size_t pos = 0;
    while (pos <= codes.size()) {
      size_t comma = codes.find(',', pos);
      std::string_view spec = trim(codes.substr(pos, comma == std::string_view::npos ? codes.npos : comma - pos));
      pos = comma == std::string_view::npos ? codes.size() + 1 : comma + 1;
      if (spec.empty()) continue;
      DatedCode dc;
      size_t sp = spec.find_first_of(" \t");
      std::string_view code = spec.substr(0, sp);
      std::string_view range = sp == std::string_view::npos ? std::string_view() : trim(spec.substr(sp));
      bool issue = e.kind == EntryKind::kIssue;
      for (char c : code) {
        if (!(is_code_char(c) || (issue && (c == '_' || (c >= 'a' && c <= 'z'))))) {
          error = fmt::format("bad code '{}' (capital letters and digits)", code);
          return false;
        }
      }
      size_t tildes = static_cast<size_t>(std::count(code.begin(), code.end(), '~'));
      if (e.kind == EntryKind::kAgent && (tildes != 1 || (code.front() != '~' && code.back() != '~'))) {
        error = fmt::format("agent code '{}' needs one ~ at its start or end (~COP, NGO~)", code);
        return false;
      }
      if (e.kind != EntryKind::kAgent && tildes) {
        error = fmt::format("only agents take ~ in their code: '{}'", code);
        return false;
      }
      dc.code = std::string(code);
      if (!range.empty()) {
        size_t dots = range.find("..");
        if (dots == std::string_view::npos) {
          error = fmt::format("bad date range '{}' (FROM..TO, FROM.. or ..TO)", range);
          return false;
        }
        std::string_view from = trim(range.substr(0, dots)), to = trim(range.substr(dots + 2));
        if (!from.empty() && !(dc.from = parse_native_date(from, false))) {
          error = fmt::format("bad date '{}' (YYYY, YYYY-MM or YYYY-MM-DD)", from);
          return false;
        }
        if (!to.empty() && !(dc.to = parse_native_date(to, true))) {
          error = fmt::format("bad date '{}' (YYYY, YYYY-MM or YYYY-MM-DD)", to);
          return false;
        }
        if (!dc.from && !dc.to) {
          error = "a date range needs at least one end";
          return false;
        }
        if (dc.from && dc.to && *dc.to < *dc.from) {
          error = fmt::format("date range '{}' ends before it starts", range);
          return false;
        }
      }
      e.codes.push_back(std::move(dc));
    }
    if (e.codes.empty()) {
      error = "no code after =>";
      return false;
    }
    return true;
  }

  // ---- TABARI / PETRARCH ------------------------------------------------------------------

  // Strips "<!-- -->" comments (which may span lines), then '#' and (TABARI) ';' comments.
  class LegacyLines {
   public:
    explicit LegacyLines(bool tabari) : tabari_(tabari) {}
    // The line without comments; empty when it is all comment.
    std::string_view clean(std::string_view line) {
      std::string_view out = line;
      if (in_html_) {
        size_t close = out.find("-->");
        if (close == std::string_view::npos) return {};
        in_html_ = false;
        out = out.substr(close + 3);
      }
      size_t open = out.find("<!--");
      if (open != std::string_view::npos) {
        size_t close = out.find("-->", open + 4);
        if (close == std::string_view::npos) in_html_ = true;
        out = out.substr(0, open);
      }
      if (tabari_) {  // TABARI comments start with ';' ("[###]" is a code there)
        size_t semi = out.find(';');
        if (semi != std::string_view::npos) out = out.substr(0, semi);
        size_t hash = out.find_first_not_of(" \t");
        if (hash != std::string_view::npos && out[hash] == '#') return {};  // a commented-out line
      } else {
        size_t hash = out.find('#');
        if (hash != std::string_view::npos) out = out.substr(0, hash);
      }
      return out;
    }

   private:
    bool tabari_;
    bool in_html_ = false;
  };

  // "AL_QAEDA_" -> "AL QAEDA_" (the trailing '_' kept: its last word must match whole);
  // "ARGENTIN" -> "ARGENTIN" (no '_': TABARI matches it as a stem, "Argentina", "Argentine").
  static std::string legacy_name(std::string_view raw) {
    std::string name(trim(raw));
    bool exact = !name.empty() && name.back() == '_';
    for (char& c : name)
      if (c == '_') c = ' ';
    name = std::string(trim(name));
    if (exact && !name.empty()) name.push_back('_');
    return name;
  }

  // Parses "[CODE]", "[CODE <YYMMDD]", "[CODE >YYMMDD]", "[CODE YYMMDD-YYMMDD]" (one bracket).
  static bool legacy_code(std::string_view bracket, DatedCode& dc, std::string& error) {
    std::string_view body = trim(bracket);
    size_t sp = body.find_first_of(" \t");
    std::string code(body.substr(0, sp));
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string_view restriction = sp == std::string_view::npos ? std::string_view() : trim(body.substr(sp));
    if (code.empty()) {
      error = "empty code";
      return false;
    }
    // "###" is TABARI's discard code: a sentence that names this actor is not coded.
    if (!restriction.empty() && (restriction[0] == '<' || restriction[0] == '>' || std::isdigit(static_cast<unsigned char>(restriction[0])))) {
      // fine
    } else if (!restriction.empty()) {
      error = fmt::format("bad date restriction '{}'", restriction);
      return false;
    }
    // A bracket holding only a restriction ("[991201-010114]") has no code.
    if (std::isdigit(static_cast<unsigned char>(code[0])) || code[0] == '<' || code[0] == '>') {
      error = fmt::format("no code before the date restriction '{}'", body);
      return false;
    }
    dc.code = code;
    if (restriction.empty()) return true;
    if (restriction[0] == '<') {
      dc.to = parse_legacy_date(restriction.substr(1));
      if (!dc.to) error = fmt::format("bad date '{}'", restriction);
      return dc.to.has_value();
    }
    if (restriction[0] == '>') {
      dc.from = parse_legacy_date(restriction.substr(1));
      if (!dc.from) error = fmt::format("bad date '{}'", restriction);
      return dc.from.has_value();
    }
    size_t dash = restriction.find('-');
    if (dash == std::string_view::npos) {
      error = fmt::format("bad date restriction '{}'", restriction);
      return false;
    }
    dc.from = parse_legacy_date(restriction.substr(0, dash));
    dc.to = parse_legacy_date(restriction.substr(dash + 1));
    if (!dc.from || !dc.to) {
      error = fmt::format("bad date range '{}'", restriction);
      return false;
    }
    return true;
  }

  // Reads every "[...]" on a line into codes; returns the text before the first bracket.
  static std::string_view take_brackets(std::string_view line, std::vector<DatedCode>& codes,
                                        std::vector<std::string>& errors) {
    size_t open = line.find('[');
    std::string_view before = line.substr(0, open);
    while (open != std::string_view::npos) {
      size_t close = line.find(']', open);
      if (close == std::string_view::npos) close = line.find('}', open);  // "[~LEG}" typos
      if (close == std::string_view::npos) {
        errors.push_back("unclosed [");
        break;
      }
      DatedCode dc;
      std::string error;
      if (legacy_code(line.substr(open + 1, close - open - 1), dc, error)) codes.push_back(std::move(dc));
      else errors.push_back(error);
      open = line.find('[', close);
    }
    return before;
  }

  void legacy_actors(const std::string& text, uint32_t file, DictFormat format, LoadReport& report) {
    LegacyLines lines(format == DictFormat::kTabari);
    // PETRARCH matches actor phrases on whole words; TABARI reads a word without a final '_'
    // as a stem.
    auto actor_name = [&](std::string_view raw) {
      std::string n = legacy_name(raw);
      if (format != DictFormat::kTabari && !n.empty() && n.back() != '_') n.push_back('_');
      return n;
    };
    Entry* current = nullptr;
    bool in_word_list = false;  // TABARI <NOUN>/<ADJECTIVE> sections: parser word lists
    for_each_line(text, [&](std::string_view raw, uint32_t number) {
      std::string_view line = lines.clean(raw);
      std::string_view t = trim(line);
      if (t.empty()) return;
      if (t[0] == '<') {
        // TABARI's <NOUN> ... </NOUN> sections; any other '<' line is stray markup (PETRARCH's
        // files have "<! -- ... -->", a comment that is not one) and only itself is skipped.
        bool tag = t.size() > 2 && t.back() == '>' &&
                   std::all_of(t.begin() + (t[1] == '/' ? 2 : 1), t.end() - 1,
                               [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '_'; });
        if (tag) in_word_list = t[1] != '/';
        return;
      }
      if (in_word_list) return;
      std::vector<DatedCode> codes;
      std::vector<std::string> errors;
      bool indented = line[0] == ' ' || line[0] == '\t';
      if (t[0] == '[' || (indented && t[0] == '[')) {
        // A date restriction line for the current record.
        take_brackets(t, codes, errors);
        for (const auto& err : errors) reject(report, number, err, raw);
        if (!current) return reject(report, number, "code line without an actor before it", raw);
        for (auto& c : codes) current->codes.push_back(std::move(c));
        return;
      }
      if (t[0] == '+') {
        if (!current) return reject(report, number, "synonym without an actor before it", raw);
        std::string_view name = take_brackets(t.substr(1), codes, errors);
        for (const auto& err : errors) reject(report, number, err, raw);
        std::string n = actor_name(name);
        if (!n.empty()) current->names.push_back(n);
        for (auto& c : codes) current->codes.push_back(std::move(c));
        return;
      }
      std::string_view name = take_brackets(t, codes, errors);
      for (const auto& err : errors) reject(report, number, err, raw);
      std::string n = actor_name(name);
      if (n.empty()) {
        current = nullptr;
        return reject(report, number, "no name", raw);
      }
      Entry e;
      e.kind = EntryKind::kOrg;
      e.file = file;
      e.line = number;
      e.legacy_case = true;
      e.names.push_back(n);
      e.codes = std::move(codes);
      dict_.entries_.push_back(std::move(e));
      current = &dict_.entries_.back();
    });
    // Records that never got a code are null actors in TABARI: known words, not actors.
    for (auto& e : dict_.entries_)
      if (e.file == file && e.codes.empty()) e.codes.push_back({"---", {}, {}});
  }

  void legacy_agents(const std::string& text, uint32_t file, LoadReport& report) {
    LegacyLines lines(false);
    std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;
    for_each_line(text, [&](std::string_view raw, uint32_t number) {
      std::string_view t = trim(lines.clean(raw));
      if (t.empty() || t[0] == '<') return;
      if (t[0] == '!' && t.find('=') != std::string_view::npos && t.find('[') == std::string_view::npos) {
        size_t eq = t.find('=');
        std::string marker(trim(t.substr(0, eq)));
        std::vector<std::string> items;
        std::string_view list = t.substr(eq + 1);
        size_t pos = 0;
        while (pos <= list.size()) {
          size_t comma = list.find(',', pos);
          std::string_view item = trim(list.substr(pos, comma == std::string_view::npos ? list.npos : comma - pos));
          if (!item.empty()) items.emplace_back(item);
          if (comma == std::string_view::npos) break;
          pos = comma + 1;
        }
        substitutions.emplace_back(marker, items);
        return;
      }
      std::vector<DatedCode> codes;
      std::vector<std::string> errors;
      std::string_view before = take_brackets(t, codes, errors);
      for (const auto& err : errors) reject(report, number, err, raw);
      if (codes.empty()) return reject(report, number, "agent without a [~CODE]", raw);
      // Plural spec: "{}" none, "{PLURAL ...}" given, absent: regular.
      std::string_view name_part = before;
      std::optional<std::vector<std::string>> plurals;
      size_t brace = before.find('{');
      if (brace != std::string_view::npos) {
        size_t close = before.find('}', brace);
        std::string_view inside = close == std::string_view::npos ? before.substr(brace + 1)
                                                                   : before.substr(brace + 1, close - brace - 1);
        plurals.emplace();
        std::istringstream ss{std::string(inside)};
        std::string p;
        while (ss >> p) {
          plurals->push_back(legacy_name(p));
          if (!plurals->back().empty() && plurals->back().back() == '_') plurals->back().pop_back();
        }
        name_part = before.substr(0, brace);
      }
      std::string name = legacy_name(name_part);
      if (!name.empty() && name.back() == '_') name.pop_back();
      if (name.empty()) return reject(report, number, "no name", raw);
      Entry e;
      e.kind = EntryKind::kAgent;
      e.file = file;
      e.line = number;
      e.legacy_case = true;
      std::string code = codes.front().code;
      if (code.find('~') == std::string::npos) code = "~" + code;
      e.codes.push_back({code, {}, {}});
      // Substitution markers expand without further plurals.
      std::vector<std::string> expanded{name};
      bool substituted = false;
      for (const auto& [marker, items] : substitutions) {
        std::vector<std::string> next;
        for (const auto& n : expanded) {
          if (n.find(marker) == std::string::npos) {
            next.push_back(n);
            continue;
          }
          substituted = true;
          for (const auto& item : items) {
            std::string v = n;
            for (size_t at = v.find(marker); at != std::string::npos; at = v.find(marker, at + item.size()))
              v.replace(at, marker.size(), item);
            next.push_back(v);
          }
        }
        expanded = std::move(next);
      }
      for (auto& n : expanded) {
        for (char& c : n)
          if (c == '_') c = ' ';
        e.names.push_back(std::string(trim(n)));
      }
      if (!substituted) {
        if (plurals) {
          for (auto& p : *plurals) e.names.push_back(p);
        } else {
          e.names.push_back(regular_plural(e.names.front()));
        }
      }
      if (e.names.front().find('!') != std::string::npos)
        return reject(report, number, "unknown substitution marker", raw);
      dict_.entries_.push_back(std::move(e));
    });
  }

  void legacy_discards(const std::string& text, uint32_t file, LoadReport& report) {
    LegacyLines lines(false);
    for_each_line(text, [&](std::string_view raw, uint32_t number) {
      std::string_view t = trim(lines.clean(raw));
      if (t.empty() || t[0] == '<') return;
      Entry e;
      e.kind = EntryKind::kDiscard;
      if (t[0] == '+') {
        e.kind = EntryKind::kDiscardArticle;
        t = trim(t.substr(1));
      }
      std::string name = legacy_name(t);
      if (name.empty()) return reject(report, number, "no phrase", raw);
      e.file = file;
      e.line = number;
      e.legacy_case = true;
      e.names.push_back(name);
      dict_.entries_.push_back(std::move(e));
    });
  }

  // "n:word [CODE]" (noun: singular and plural), "v:word" (s, ed, ing), "a+b" (with a space
  // and a hyphen), "~phrase" (a phrase that cancels issue coding in its sentence).
  void legacy_issues(const std::string& text, uint32_t file, LoadReport& report) {
    LegacyLines lines(false);
    std::string category;  // <ISSUE CATEGORY="X">: the code of lines that give none
    for_each_line(text, [&](std::string_view raw, uint32_t number) {
      std::string_view t = trim(lines.clean(raw));
      if (t.empty()) return;
      if (t[0] == '<') {
        size_t at = t.find("CATEGORY=\"");
        category = at == std::string_view::npos ? "" : std::string(t.substr(at + 10, t.find('"', at + 10) - at - 10));
        return;
      }
      Entry e;
      e.kind = EntryKind::kIssue;
      e.file = file;
      e.line = number;
      e.legacy_case = true;
      if (t[0] == '~') {
        while (!t.empty() && t[0] == '~') t.remove_prefix(1);
        e.codes.push_back({"~", {}, {}});
      } else {
        std::vector<DatedCode> codes;
        std::vector<std::string> errors;
        t = trim(take_brackets(t, codes, errors));
        for (const auto& err : errors) reject(report, number, err, raw);
        if (codes.empty() && category.empty()) return reject(report, number, "issue phrase without a [CODE]", raw);
        e.codes.push_back(codes.empty() ? DatedCode{category, {}, {}} : codes.front());
      }
      // Expand word by word.
      std::vector<std::string> forms{""};
      std::istringstream ss{std::string(t)};
      std::string word;
      while (ss >> word) {
        // "pre+n:school": pre school, pre-school, pre schools, pre-schools.
        std::function<std::vector<std::string>(const std::string&)> expand = [&](const std::string& w) {
          std::vector<std::string> out;
          size_t plus = w.find('+');
          if (plus != std::string::npos && plus > 0) {
            for (const auto& right : expand(w.substr(plus + 1))) {
              out.push_back(w.substr(0, plus) + " " + right);
              out.push_back(w.substr(0, plus) + "-" + right);
            }
          } else if (w.rfind("n:", 0) == 0) {
            out.push_back(w.substr(2));
            out.push_back(regular_plural(w.substr(2)));
          } else if (w.rfind("v:", 0) == 0) {
            std::string v = w.substr(2);
            bool e_end = !v.empty() && v.back() == 'e';
            out = {v, regular_plural(v), v + (e_end ? "d" : "ed"), (e_end ? v.substr(0, v.size() - 1) : v) + "ing"};
          } else {
            out.push_back(w);
          }
          return out;
        };
        std::vector<std::string> variants = expand(word);
        std::vector<std::string> next;
        for (const auto& f : forms)
          for (const auto& v : variants) next.push_back(f.empty() ? v : f + " " + v);
        forms = std::move(next);
      }
      for (auto& f : forms)
        if (!f.empty()) e.names.push_back(f);
      if (e.names.empty()) return reject(report, number, "no phrase", raw);
      dict_.entries_.push_back(std::move(e));
    });
  }

  Dictionary& dict_;
  std::vector<LoadReport>& reports_;
  std::set<std::string> seen_;
};

std::vector<LoadReport> Dictionary::load(const std::string& path, DictFormat format, DictRole role) {
  std::vector<LoadReport> reports;
  DictionaryLoader(*this, reports).load(path, format, role);
  return reports;
}

}  // namespace dyad
