#include "dict/tools.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "dict/actor_resolver.h"
#include "dict/matcher.h"

namespace dyad {
namespace {

// CAMEO role codes (docs/dictionaries.md), for lint.
const std::set<std::string>& known_roles() {
  static const std::set<std::string> roles = {
      "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "SPY", "CRM", "CVL", "REF",
      "MED", "BUS", "LAB", "EDU", "HLH", "HRI", "ENV", "AGR", "DEV", "ELI", "REL", "MUS", "CHR", "JEW", "BUD",
      "HIN", "SUN", "SHI", "CTH", "PRO", "ORT", "RAD", "MOD", "IGO", "NGO", "IMG", "MNC", "PKO", "UNO", "NGM",
      "ALQ", "ISI", "KID", "WST", "NAT", "EUR", "EEC", "AFR", "AFU", "ARB", "ARL", "WBK", "IMF", "WTO", "IAE",
      "ICC", "ICJ", "IRC", "SET", "UIS", "INT", "FRM", "PRS", "SIK", "JAN", "ATH", "BAH", "CON", "MOS", "DIP",
      // CAMEO regions and organisations
      "ASA", "CAS", "CEU", "CFR", "CRB", "EAF", "LAM", "MDT", "NAF", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA",
      "WAF", "NMR", "ADB", "AFB", "AMF", "AMN", "AMU", "APE", "ASN", "BCA", "BIS", "CEM", "CIS", "COE", "CRC", "CSS",
      "CWN", "EAC", "EBR", "ECA", "EFT", "FID", "GCC", "GOE", "GOS", "GSS", "HRW", "IAD", "ICG", "IDB", "IPU",
      "ITP", "JUR", "MSF", "NEP", "NON", "OAS", "OAU", "OIC", "OPC", "RCR", "SAA", "SAD", "SCE", "UEM", "WAD",
      "WAS", "WEF", "XFM",
      // organisation codes dyad's defaults add where CAMEO has none (data/dict/organizations.txt)
      "GTW", "BRC", "SCO", "CST", "EAE", "OPW", "AES", "OEC", "APC", "MRC", "PIF", "AIB"};
  return roles;
}

std::string date_text(const Date& d) { return d.iso(); }

std::string display_name(const Entry& e, const std::string& n) {
  if (!e.legacy_case) return n;
  std::string out = n;
  if (!out.empty() && out.back() == '_') {
    out.pop_back();
  } else if (e.kind != EntryKind::kAgent && e.kind != EntryKind::kIssue) {
    out.push_back('*');  // a TABARI stem
  }
  return out;
}

}  // namespace

std::string native_date_range(const DatedCode& c) {
  if (!c.dated()) return "";
  return (c.from ? date_text(*c.from) : "") + ".." + (c.to ? date_text(*c.to) : "");
}

std::string native_line(const Entry& e) {
  std::string line = fmt::format("{:<8} ", kind_name(e.kind));
  for (size_t i = 0; i < e.names.size(); ++i) line += (i ? " | " : "") + display_name(e, e.names[i]);
  if (!e.codes.empty()) {
    line += "  =>  ";
    for (size_t i = 0; i < e.codes.size(); ++i) {
      line += (i ? ", " : "") + e.codes[i].code;
      std::string range = native_date_range(e.codes[i]);
      if (!range.empty()) line += " " + range;
    }
  }
  return line;
}

std::vector<LintFinding> lint(const Dictionary& dict) {
  std::vector<LintFinding> out;
  const auto& entries = dict.entries();
  std::set<std::string> countries;
  for (const Entry& e : entries)
    if (e.kind == EntryKind::kCountry)
      for (const auto& c : e.codes) countries.insert(c.code.substr(0, 3));

  // Names normalised as the matcher sees them: "U.S." = "US" = "us".
  auto key_of = [](const std::string& name) {
    std::vector<std::string> pieces;
    std::string clean = name;
    if (!clean.empty() && (clean.back() == '_' || clean.back() == '*')) clean.pop_back();
    size_t pos = 0;
    while (pos < clean.size()) {
      size_t sp = clean.find(' ', pos);
      token_pieces(std::string_view(clean).substr(pos, sp == std::string::npos ? std::string::npos : sp - pos), pieces);
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
    std::string key;
    for (const auto& p : pieces) key += (key.empty() ? "" : " ") + p;
    return key;
  };
  std::map<std::string, std::vector<size_t>> by_name;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    std::set<std::string> mine;
    for (const auto& n : e.names) {
      std::string k = key_of(n);
      if (!mine.insert(k).second) {
        out.push_back({dict.origin(e), "duplicate", fmt::format("'{}' is listed twice in this entry", n)});
        continue;
      }
      by_name[k].push_back(i);
    }
    // Overlapping date ranges within an entry.
    for (size_t a = 0; a < e.codes.size(); ++a) {
      for (size_t b = a + 1; b < e.codes.size(); ++b) {
        const DatedCode &x = e.codes[a], &y = e.codes[b];
        if (!x.dated() || !y.dated()) continue;
        bool overlap = (!x.to || !y.from || *y.from <= *x.to) && (!y.to || !x.from || *x.from <= *y.to);
        if (overlap)
          out.push_back({dict.origin(e), "overlap",
                         fmt::format("{} {} and {} {} overlap", x.code, native_date_range(x), y.code, native_date_range(y))});
      }
    }
    // Codes: known country (or organisation prefix) and known roles.
    if (!is_actor_kind(e.kind) && e.kind != EntryKind::kAgent) continue;
    for (const auto& c : e.codes) {
      if (c.code == "---") continue;
      std::string code = c.code;
      code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
      std::string country;
      std::vector<std::string> roles;
      split_actor_code(code, country, roles);
      if (e.kind != EntryKind::kAgent && !country.empty() && !countries.empty() && !countries.count(country) &&
          !known_roles().count(country))  // a CAMEO region such as LAM
        out.push_back({dict.origin(e), "unknown-country", fmt::format("'{}' in {} is not a country code", country, c.code)});
      if (e.kind == EntryKind::kAgent && !country.empty()) roles.insert(roles.begin(), country);
      for (const auto& r : roles)
        if (!known_roles().count(r) && !countries.count(r) && r.size() == 3)  // "NGOSYRHRI": a country
          out.push_back({dict.origin(e), "unknown-role", fmt::format("role '{}' in {} is not a CAMEO role code", r, c.code)});
    }
  }
  // The same name in several entries: a conflict when their codes differ; an entry all of
  // whose names are claimed by earlier entries can never win a match.
  std::map<size_t, size_t> shadowed;  // entry -> names taken by earlier entries
  for (const auto& [name, ids] : by_name) {
    if (ids.size() < 2) continue;
    for (size_t k = 1; k < ids.size(); ++k) {
      const Entry &first = entries[ids[0]], &other = entries[ids[k]];
      if (first.kind == EntryKind::kCity || other.kind == EntryKind::kCity) continue;  // cities yield to all
      bool same = first.codes.size() == other.codes.size() &&
                  std::equal(first.codes.begin(), first.codes.end(), other.codes.begin(),
                             [](const DatedCode& a, const DatedCode& b) { return a.code == b.code; });
      out.push_back({dict.origin(other), same ? "duplicate" : "conflict",
                     fmt::format("'{}' is also at {}{}", name, dict.origin(first), same ? "" : " with other codes")});
      ++shadowed[ids[k]];
    }
  }
  for (const auto& [id, count] : shadowed) {
    const Entry& e = entries[id];
    std::set<std::string> keys;
    for (const auto& n : e.names) keys.insert(key_of(n));
    if (count >= keys.size())
      out.push_back({dict.origin(e), "unreachable", "every name of this entry is matched by an earlier entry"});
  }
  return out;
}

}  // namespace dyad
