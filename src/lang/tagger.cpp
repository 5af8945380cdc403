#include "lang/tagger.h"

#include "base/strings.h"
#include "lang/clauses.h"

#include <algorithm>
#include <unordered_map>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

namespace dyad {
namespace {

namespace tf = token_flags;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// Tags an unseen word may take: the open classes (closed classes are all in the lexicon).
constexpr std::array<Pos, 16> kOpenClasses = {Pos::NN,  Pos::NNS, Pos::NNP, Pos::NNPS, Pos::JJ,  Pos::JJR,
                                              Pos::JJS, Pos::RB,  Pos::VB,  Pos::VBD,  Pos::VBG, Pos::VBN,
                                              Pos::VBP, Pos::VBZ, Pos::CD,  Pos::FW};

uint64_t bit(Pos p) { return uint64_t{1} << static_cast<int>(p); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lower(std::string_view w) { return ascii_lower(w); }

std::string title(std::string_view w) {
  std::string s = lower(w);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

// The Treebank's spelling of a token, for lexicon lookup: its quotes, brackets, dashes,
// ellipses, numbers and currency signs. Returns the word itself when nothing changes.
std::string_view lexicon_key(std::string_view w, const Token& t, std::string& buf) {
  switch (t.kind) {
    case TokenKind::kNumber: {
      if (size_t h = w.find('-'); h != std::string_view::npos && h + 1 < w.size() &&
                                  ((w[h + 1] >= 'a' && w[h + 1] <= 'z') || (w[h + 1] >= 'A' && w[h + 1] <= 'Z')))
        return w;  // "12-year", "500-page": compounds, tagged as words
      bool ordinal = ends_with(w, "st") || ends_with(w, "nd") || ends_with(w, "rd") || ends_with(w, "th");
      return ordinal ? "*ORD*" : "*NUM*";
    }
    case TokenKind::kPunct:
    case TokenKind::kSymbol:
      if (w == "\"") return t.has(tf::kOpening) ? "``" : "''";
      if (w == "“" || w == "„" || w == "«") return "``";
      if (w == "”" || w == "»") return "''";
      if (w == "‘") return "`";
      if (w == "’") return "'";
      if (w == "(" || w == "[") return "*LRB*";
      if (w == ")" || w == "]") return "*RRB*";
      if (w == "{") return "*LCB*";
      if (w == "}") return "*RCB*";
      if (w == "—" || w == "–" || w == "―") return "--";
      if (w == "…") return "...";
      if (w == "€" || w == "£" || w == "¥" || w == "₹" || w == "US$") return "$";
      return w;
    default: break;
  }
  // Curly apostrophes in clitics and names: ’s -> 's, n’t -> n't.
  if (w.find("’") != std::string_view::npos) {
    buf.clear();
    for (size_t i = 0; i < w.size(); ++i) {
      if (w.compare(i, 3, "’") == 0) {
        buf.push_back('\'');
        i += 2;
      } else {
        buf.push_back(w[i]);
      }
    }
    return buf;
  }
  return w;
}

bool has_letters(std::string_view text, const Token& t) {
  return t.kind == TokenKind::kWord && (t.has(tf::kUpperInitial) || t.has(tf::kLowerInitial)) &&
         !t.text(text).empty();
}

}  // namespace

void Tagger::known(std::span<const EnglishModel::TagCount> counts, float weight,
                   std::vector<Candidate>& out) const {
  for (const auto& tc : counts) {
    float score = std::log(tc.count * weight) - model_.log_tag_total(tc.tag);
    bool merged = false;
    for (Candidate& c : out) {
      if (c.tag == tc.tag) {
        // log(exp(a) + exp(b)), for the same tag from two spellings.
        float hi = std::max(c.score, score), lo = std::min(c.score, score);
        c.score = hi + std::log1p(std::exp(lo - hi));
        merged = true;
      }
    }
    if (!merged) out.push_back({tc.tag, score});
  }
}

void Tagger::unknown(std::string_view word, bool capitalised, bool sentence_initial, bool all_caps,
                     std::vector<Candidate>& out) const {
  std::array<float, kPosCount> p{};
  std::string low = lower(word);
  uint64_t allowed = 0;
  for (Pos t : kOpenClasses) allowed |= bit(t);
  auto set = [&](Pos t, float v) { p[static_cast<size_t>(t)] = v; };

  size_t hyphen = word.rfind('-');
  bool hyphenated = hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < word.size();
  if (hyphenated) {
    // Compounds. With a lower-case last part they are adjectives or nouns ("U.N.-backed",
    // "Moscow-based", "anti-tank", "12-year"); with a capitalised one, names ("al-Qaeda",
    // "Secretary-General"), unless the first part is a prefix ("non-Muslims", "pro-Russia").
    std::string_view first = word.substr(0, word.find('-'));
    std::string_view last = word.substr(hyphen + 1);
    bool last_cap = last[0] >= 'A' && last[0] <= 'Z';
    static constexpr std::array<std::string_view, 14> kPrefixes = {
        "non", "anti", "pro", "pre", "post", "ex", "self", "co", "counter", "semi", "multi", "inter", "neo", "pan"};
    bool prefixed = std::find(kPrefixes.begin(), kPrefixes.end(), lower(first)) != kPrefixes.end();
    if (last_cap && !prefixed) {
      set(Pos::NNP, 0.8f);
      set(Pos::JJ, 0.15f);
      set(Pos::NN, 0.05f);
    } else {
      bool participle = false, noun = false;
      for (const auto& tc : model_.lexicon(lower(last))) {
        participle |= tc.tag == Pos::VBN || tc.tag == Pos::VBD;
        noun |= tc.tag == Pos::NN;
      }
      bool plural = ends_with(word, "s") && !ends_with(word, "ss");
      set(Pos::JJ, participle || prefixed ? 0.85f : 0.55f);
      set(Pos::NN, noun ? 0.4f : 0.12f);
      set(Pos::NNS, plural ? 0.35f : 0.01f);
      set(Pos::VBN, participle ? 0.05f : 0.01f);
      set(Pos::NNP, capitalised && !participle ? 0.2f : 0.01f);
    }
  } else if (all_caps || (capitalised && !sentence_initial)) {
    // A name, most likely; some capitalised words are nationality adjectives ("Somali").
    model_.suffix_distribution(word, true, p);
    p[static_cast<size_t>(Pos::NNPS)] *= 0.3f;  // "Hamas", "Olympics": rarely plural names
    if (!all_caps && model_.in_wordnet(low, WordClass::kAdjective) && !model_.in_wordnet(low, WordClass::kNoun))
      set(Pos::JJ, 0.35f);
  } else {
    // WordNet narrows the classes an unseen lower-case word can take.
    uint64_t wn = 0;
    std::string base;
    if (lemmatizer_.base_form(low, WordClass::kNoun, base))
      wn |= base == low ? bit(Pos::NN) : bit(Pos::NNS);
    if (lemmatizer_.base_form(low, WordClass::kVerb, base)) {
      if (base == low) wn |= bit(Pos::VB) | bit(Pos::VBP);
      else if (ends_with(low, "ing")) wn |= bit(Pos::VBG);
      else if (ends_with(low, "s")) wn |= bit(Pos::VBZ);
      else wn |= bit(Pos::VBD) | bit(Pos::VBN);
    }
    if (lemmatizer_.base_form(low, WordClass::kAdjective, base))
      wn |= base == low ? bit(Pos::JJ) : (ends_with(low, "st") ? bit(Pos::JJS) : bit(Pos::JJR));
    if (model_.in_wordnet(low, WordClass::kAdverb)) wn |= bit(Pos::RB);
    if (wn) allowed = wn;
    model_.suffix_distribution(word, false, p);
    if (capitalised) {
      // Sentence-initial: a common word ("Insurgents") or a name ("Qatar"); weigh both.
      std::array<float, kPosCount> names{};
      model_.suffix_distribution(word, true, names);
      float name_weight = wn ? 0.35f : 0.7f;
      for (int t = 0; t < kPosCount; ++t) p[t] = (1 - name_weight) * p[t] + name_weight * names[t];
      p[static_cast<size_t>(Pos::NNPS)] *= 0.3f;
      allowed |= bit(Pos::NNP) | bit(Pos::NNPS);
    }
  }
  allowed &= ~bit(Pos::FW);  // foreign words are listed in the lexicon; guessing them misleads

  // log P(t | word) - log P(t): TnT's emission for unseen words, up to a constant.
  float log_n = model_.log_tag_total(Pos::NN);  // any shared constant will do
  for (Pos t : kOpenClasses) {
    if (!(allowed & bit(t))) continue;
    float prob = p[static_cast<size_t>(t)];
    if (prob < 1e-4f) {
      if (std::popcount(allowed) <= 5) prob = 1e-4f;  // WordNet allows it: keep it possible
      else continue;
    }
    out.push_back({t, std::log(prob) - (model_.log_tag_total(t) - log_n)});
  }
  if (out.empty()) out.push_back({capitalised ? Pos::NNP : Pos::NN, 0});
}

void Tagger::candidates(std::string_view text, std::span<const Token> tokens, size_t i, bool all_caps,
                        std::vector<Candidate>& out) const {
  out.clear();
  const Token& t = tokens[i];
  std::string_view w = t.text(text);
  std::string buf;
  std::string_view key = lexicon_key(w, t, buf);

  switch (t.kind) {
    case TokenKind::kUrl:
    case TokenKind::kEmail: out.push_back({Pos::NN, 0}); return;
    case TokenKind::kHandle:
    case TokenKind::kHashtag: out.push_back({Pos::NNP, 0}); return;
    default: break;
  }
  bool capitalised = t.has(tf::kUpperInitial);
  bool initial = true;  // only punctuation before it in the sentence
  for (size_t k = 0; k < i && initial; ++k) initial = !has_letters(text, tokens[k]);

  // The candidates depend on nothing but the key, the token's kind and these flags, and the
  // same words come back sentence after sentence: each thread remembers them (bounded).
  thread_local std::unordered_map<std::string, std::vector<Candidate>> cache;
  thread_local const EnglishModel* cache_model = nullptr;
  if (cache_model != &model_ || cache.size() > 200000) {
    cache.clear();
    cache_model = &model_;
  }
  std::string cache_key(key);
  cache_key += key.data() != w.data() ? 'N' : 'n';  // the key is the text normalised (numbers)
  cache_key += static_cast<char>('0' + static_cast<int>(t.kind));
  cache_key += capitalised ? 'C' : 'c';
  cache_key += initial ? 'I' : 'i';
  cache_key += all_caps ? 'A' : 'a';
  if (auto hit = cache.find(cache_key); hit != cache.end()) {
    out = hit->second;
    return;
  }
  compute_candidates(t, key, key.data() != w.data(), capitalised, initial, all_caps, out);
  cache.emplace(std::move(cache_key), out);
}

void Tagger::compute_candidates(const Token& t, std::string_view key, bool normalised, bool capitalised, bool initial,
                                bool all_caps, std::vector<Candidate>& out) const {
  auto exact = model_.lexicon(key);
  if (t.kind == TokenKind::kNumber && exact.empty() && normalised) exact = model_.lexicon("*NUM*");
  if (!exact.empty()) {
    known(exact, 1, out);
    if (capitalised && (initial || all_caps)) known(model_.lexicon(lower(key)), 1, out);
    return;
  }
  if (capitalised && (initial || all_caps)) {
    known(model_.lexicon(lower(key)), 1, out);
    if (all_caps && out.empty()) known(model_.lexicon(title(key)), 1, out);
    // A capitalised word at the start may still be a name the lexicon lacks.
    if (!out.empty()) {
      // As if seen a third of a time as a name.
      out.push_back({Pos::NNP, std::log(0.3f) - model_.log_tag_total(Pos::NNP)});
      return;
    }
  }
  if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) {
    out.push_back({t.kind == TokenKind::kPunct ? Pos::kColon : Pos::SYM, 0});
    return;
  }
  unknown(key, capitalised, initial, all_caps, out);
}

void Tagger::tag(std::string_view text, std::span<const Token> tokens, std::span<Pos> out) const {
  const size_t n = tokens.size();
  if (n == 0) return;
  // An all-caps sentence (a headline) is looked up case-insensitively.
  size_t words = 0, caps = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord || !(t.has(tf::kUpperInitial) || t.has(tf::kLowerInitial))) continue;
    ++words;
    caps += t.has(tf::kAllCaps);
  }
  bool all_caps = words >= 3 && caps * 10 >= words * 6;

  // Candidates per token, flattened.
  std::vector<Candidate> all, one;
  std::vector<uint32_t> start(n + 1);
  for (size_t i = 0; i < n; ++i) {
    start[i] = static_cast<uint32_t>(all.size());
    candidates(text, tokens, i, all_caps, one);
    all.insert(all.end(), one.begin(), one.end());
  }
  start[n] = static_cast<uint32_t>(all.size());

  // Viterbi.
  std::vector<float> score(all.size(), kNegInf);
  std::vector<uint32_t> back(all.size(), 0);
  for (uint32_t k = start[0]; k < start[1]; ++k)
    score[k] = model_.transition(Pos::kPeriod, all[k].tag) + all[k].score;
  for (size_t i = 1; i < n; ++i) {
    for (uint32_t k = start[i]; k < start[i + 1]; ++k) {
      float best = kNegInf;
      uint32_t arg = start[i - 1];
      for (uint32_t j = start[i - 1]; j < start[i]; ++j) {
        float s = score[j] + model_.transition(all[j].tag, all[k].tag);
        if (s > best) {
          best = s;
          arg = j;
        }
      }
      score[k] = best + all[k].score;
      back[k] = arg;
    }
  }
  uint32_t best = start[n - 1];
  for (uint32_t k = start[n - 1]; k < start[n]; ++k)
    if (score[k] > score[best]) best = k;
  for (size_t i = n; i-- > 0;) {
    out[i] = all[best].tag;
    best = back[best];
  }
  correct(text, tokens, out);
}

namespace {

bool is_auxiliary_form(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kForms = {
      "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", "has",
      "have", "had", "having", "'ve", "'d", "get", "gets", "got", "gotten", "getting", "’s", "’re"};
  return std::find(kForms.begin(), kForms.end(), w) != kForms.end();
}

// Verbs whose passive participle is followed by "to": "believed to be", "expected to".
bool raising_passive(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kVerbs = {
      "believed", "expected", "thought", "said", "reported", "alleged", "considered",
      "known", "supposed", "scheduled", "set", "due", "meant", "feared"};
  return std::find(kVerbs.begin(), kVerbs.end(), w) != kVerbs.end();
}

}  // namespace

void Tagger::correct(std::string_view text, std::span<const Token> tokens, std::span<Pos> tags) const {
  const size_t n = tokens.size();
  // Lower-case words, made once: the rules below look at them again and again.
  std::vector<std::string> lowered(n);
  for (size_t i = 0; i < n; ++i) lowered[i] = lower(tokens[i].text(text));
  static const std::string kNone;
  auto word = [&](size_t i) -> const std::string& { return i < n ? lowered[i] : kNone; };
  auto boundary = [&](size_t i) {
    Pos t = tags[i];
    std::string w = word(i);
    return t == Pos::kComma || t == Pos::kColon || t == Pos::CC || t == Pos::WDT || t == Pos::WP ||
           t == Pos::kOpenQuote || t == Pos::kCloseQuote || t == Pos::kLrb || t == Pos::kRrb ||
           (t == Pos::IN && (w == "that" || w == "because" || w == "after" || w == "while" || w == "as"));
  };
  auto has_reading = [&](size_t i, Pos p) {
    std::string buf;
    auto counts = model_.lexicon(lexicon_key(tokens[i].text(text), tokens[i], buf));
    std::string w = word(i);
    bool vbd = false, vbn = false, noun = false;
    for (const auto& tc : counts) {
      if (tc.tag == p) return true;
      vbd |= tc.tag == Pos::VBD;
      vbn |= tc.tag == Pos::VBN;
      noun |= tc.tag == Pos::NN;
    }
    if (p == Pos::VB || p == Pos::VBP) {  // "annex": a verb WordNet knows, unseen as one
      std::string base;
      return lemmatizer_.base_form(w, WordClass::kVerb, base) && base == w;
    }
    if (p == Pos::VBG) return ends_with(w, "ing") && (counts.empty() || noun);  // "bombing"
    if (counts.empty()) return ends_with(w, "ed");
    if ((p == Pos::VBD || p == Pos::VBN) && ends_with(w, "ed") && !vbd && !vbn) {  // "tortured": seen only as JJ
      std::string base;
      return lemmatizer_.base_form(w, WordClass::kVerb, base) && base != w;
    }
    // Regular verbs share the form: a lexicon that saw only one of them allows the other.
    return ends_with(w, "ed") && ((p == Pos::VBD && vbn) || (p == Pos::VBN && vbd));
  };
  // Is there an auxiliary or modal between the clause start and token i?
  auto auxiliary_before = [&](size_t i) {
    for (size_t k = i; k-- > 0;) {
      if (boundary(k)) return false;
      if (tags[k] == Pos::MD || (is_verb(tags[k]) && is_auxiliary_form(word(k)))) return true;
    }
    return false;
  };
  // Is a form of "have" right before token i (adverbs skipped)?
  auto perfect_before = [&](size_t i) {
    size_t k = i;
    while (k > 0 && is_adverb(tags[k - 1])) --k;
    if (k == 0) return false;
    std::string h = word(k - 1);
    return h == "have" || h == "has" || h == "had" || h == "'ve" || h == "having";
  };
  // The verb before position i, skipping adverbs: its tag, or kPeriod.
  auto verb_before = [&](size_t i) {
    size_t k = i;
    while (k > 0 && is_adverb(tags[k - 1])) --k;
    return k > 0 ? tags[k - 1] : Pos::kPeriod;
  };
  // Is token i a verb after a noun phrase opened by a relative pronoun or a subordinator
  // ("whom police arrested", "while fighting raged")?
  auto after_relative_pronoun = [&](size_t i) {
    size_t k = i;
    while (k > 0 && (is_noun(tags[k - 1]) || is_adjective(tags[k - 1]) || tags[k - 1] == Pos::DT ||
                     tags[k - 1] == Pos::PRPS || tags[k - 1] == Pos::CD || tags[k - 1] == Pos::PRP))
      --k;
    if (k == 0 || k >= i) return false;
    std::string opener = word(k - 1);
    return tags[k - 1] == Pos::WDT || tags[k - 1] == Pos::WP || opener == "that" ||
           ((tags[k - 1] == Pos::IN || tags[k - 1] == Pos::WRB) &&
            (opener == "while" || opener == "after" || opener == "because" || opener == "when" ||
             opener == "although" || opener == "though" || opener == "if" || opener == "since" ||
             opener == "until" || opener == "before" || opener == "whereas" || opener == "as"));
  };
  // The past-tense verb a coordinated verb after "and" shares its clause with, if any.
  auto coordinated_with_past = [&](size_t i) {
    // Adverbs may stand between the conjunction and the verb ("donated and personally delivered").
    while (i > 1 && is_adverb(tags[i - 1]) && (tags[i - 2] == Pos::CC || is_adverb(tags[i - 2]))) --i;
    if (i == 0 || (tags[i - 1] != Pos::CC && tags[i - 1] != Pos::kComma)) return false;
    for (size_t k = i - 1; k-- > 0;) {
      if (tags[k] == Pos::kPeriod || tags[k] == Pos::kColon) return false;
      if (is_verb(tags[k]) || tags[k] == Pos::MD) return tags[k] == Pos::VBD && !auxiliary_before(k);
    }
    return false;
  };
  // Does token i follow a noun phrase that is the object of a preposition after a finite verb
  // (not a speech verb) in the same clause: "opened its borders to West Africans <i>"?
  auto in_prepositional_object = [&](size_t i) {
    size_t k = i;
    while (k > 0 && (is_noun(tags[k - 1]) || is_adjective(tags[k - 1]) || tags[k - 1] == Pos::DT ||
                     tags[k - 1] == Pos::CD || tags[k - 1] == Pos::PRPS || tags[k - 1] == Pos::RBS ||
                     tags[k - 1] == Pos::POS))
      --k;
    if (k <= 1 || k >= i || !(tags[k - 1] == Pos::IN || tags[k - 1] == Pos::TO) || word(k - 1) == "that" ||
        boundary(k - 1))
      return false;
    for (size_t m = k - 1; m-- > 0;) {
      if (boundary(m)) return false;
      if (tags[m] == Pos::VBD || tags[m] == Pos::VBZ || tags[m] == Pos::VBP) {
        std::string v = word(m), base;
        if (!lemmatizer_.base_form(v, WordClass::kVerb, base)) base = v;
        return !is_speech_verb(base) && !is_auxiliary_form(v);
      }
      if (tags[m] == Pos::MD || tags[m] == Pos::VB || tags[m] == Pos::VBG || tags[m] == Pos::VBN) return false;
    }
    return false;
  };
  for (size_t i = 0; i < n; ++i) {
    Pos prev = i > 0 ? tags[i - 1] : Pos::kPeriod;
    Pos next = i + 1 < n ? tags[i + 1] : Pos::kPeriod;
    std::string w = word(i);
    Pos before_verb = verb_before(i);
    if (w == "tear" && i + 1 < n && (word(i + 1) == "gas" || word(i + 1) == "gassed")) {
      tags[i] = Pos::NN;  // "tear gas"
    } else if (tags[i] == Pos::VBG && i > 0 && (prev == Pos::IN || prev == Pos::TO || prev == Pos::DT || prev == Pos::PRPS) &&
               (is_noun(next) || is_adjective(next)) &&
               (w == "neighboring" || w == "neighbouring" || w == "surrounding" || w == "ruling" || w == "warring" ||
                w == "remaining" || w == "governing" || w == "outgoing" || w == "incoming" || w == "upcoming" ||
                w == "existing" || w == "emerging" || w == "developing" || w == "ongoing" || w == "bordering")) {
      tags[i] = Pos::JJ;  // "withdraw from neighboring Lebanon": describes the noun, not a gerund
    } else if ((tags[i] == Pos::VBN || tags[i] == Pos::VBD) && prev == Pos::DT && !is_noun(next) &&
               !is_adjective(next) && next != Pos::CD && (w == "wounded" || w == "injured" || w == "dead" ||
                                                          w == "displaced" || w == "accused" || w == "detained" ||
                                                          w == "missing" || w == "deceased" || w == "arrested")) {
      tags[i] = Pos::NNS;  // "evacuated the wounded": people, not a verb
    } else if (w == "that" && is_verb(prev) && (tags[i] == Pos::DT || tags[i] == Pos::WDT)) {
      tags[i] = Pos::IN;  // "said that police ...": a complementiser after a verb
    } else if ((before_verb == Pos::MD || before_verb == Pos::TO) && (is_noun(tags[i]) || tags[i] == Pos::VBP) &&
               has_reading(i, Pos::VB)) {
      tags[i] = Pos::VB;  // "should not annex", "to step down"
    } else if (prev == Pos::PRP && tags[i] == Pos::NN && has_reading(i, Pos::VB) && !is_auxiliary_form(word(i - 1))) {
      tags[i] = Pos::VB;  // "demanded that he step down"
    } else if (tags[i] == Pos::NN && ends_with(w, "ing") && before_verb != Pos::kPeriod && i > 0 &&
               is_verb(tags[i - 1]) && is_auxiliary_form(word(i - 1)) && has_reading(i, Pos::VBG)) {
      tags[i] = Pos::VBG;  // "has been bombing"
    } else if (tags[i] == Pos::VBG && ((is_verb(next) && next != Pos::VBG) || next == Pos::MD) && i + 1 < n &&
               !is_auxiliary_form(word(i + 1)) && !(i > 0 && is_verb(tags[i - 1]))) {
      tags[i] = Pos::NN;  // "while fighting raged": a gerund subject
    } else if ((is_noun(tags[i])) && i + 1 < n && is_noun(prev) && has_reading(i, Pos::VB) &&
               (next == Pos::RP || next == Pos::RB || next == Pos::IN) &&
               (word(i + 1) == "down" || word(i + 1) == "aside" || word(i + 1) == "back" || word(i + 1) == "out")) {
      tags[i] = Pos::VB;  // "demanded that the prime minister step down"
    } else if (tags[i] == Pos::VBG && prev == Pos::NNP && i > 1 && tags[i - 2] == Pos::DT &&
               (next == Pos::IN || is_punct(next) || next == Pos::CC)) {
      tags[i] = Pos::NN;  // "the Rafah crossing"
    } else if ((tags[i] == Pos::VBN || tags[i] == Pos::JJ) && coordinated_with_past(i) && has_reading(i, Pos::VBD)) {
      tags[i] = Pos::VBD;  // "marched ... and blocked roads", "attacked X and wounded three"
    } else if (tags[i] == Pos::VBD && is_noun(prev) && i + 1 < n && word(i + 1) == "by" && has_reading(i, Pos::VBN)) {
      tags[i] = Pos::VBN;  // "weapons supplied by Iran were found"
    } else if ((tags[i] == Pos::VB || tags[i] == Pos::VBP) && i > 0 && (word(i - 1) == "very" || word(i - 1) == "too") &&
               has_reading(i, Pos::JJ)) {
      tags[i] = Pos::JJ;  // "marched very close to": no verb follows "very"
    } else if (w == "about" && next == Pos::TO) {  // "is about to restore"
      tags[i] = Pos::IN;
    } else if (tags[i] == Pos::VBZ && (is_verb(next) || next == Pos::MD) && !is_auxiliary_form(w) &&
               (is_noun(prev) || is_adjective(prev) || prev == Pos::DT || prev == Pos::PRPS ||
                (is_adverb(prev) && (next == Pos::VBD || next == Pos::VBN))) &&
               has_reading(i, Pos::NNS)) {
      tags[i] = Pos::NNS;  // "volleyball crowds burned": a noun before the verb
    } else if (tags[i] == Pos::JJ && ends_with(w, "ed") && has_reading(i, Pos::VBN) && perfect_before(i)) {
      tags[i] = Pos::VBN;  // "have tortured": an auxiliary have makes a participle
    } else if (tags[i] == Pos::JJ && ends_with(w, "ed") && i > 0 && (is_noun(prev) || prev == Pos::PRP) &&
               (next == Pos::DT || next == Pos::PRPS || next == Pos::CD) && !auxiliary_before(i) &&
               has_reading(i, Pos::VBD)) {
      tags[i] = Pos::VBD;  // "Police tortured the men"
    } else if (tags[i] == Pos::VB && before_verb != Pos::MD && before_verb != Pos::TO && !auxiliary_before(i)) {
      size_t k = i;
      while (k > 0 && is_adverb(tags[k - 1])) --k;
      if (k > 0 && (tags[k - 1] == Pos::NNS || tags[k - 1] == Pos::NNPS || word(k - 1) == "they" ||
                    word(k - 1) == "we" || word(k - 1) == "i" || word(k - 1) == "you"))
        tags[i] = Pos::VBP;  // "soldiers routinely beat": a finite verb after its subject
    } else if (tags[i] == Pos::VBD) {
      size_t k = i;
      while (k > 0 && is_adverb(tags[k - 1])) --k;
      if (k > 0 && is_verb(tags[k - 1]) && is_auxiliary_form(word(k - 1)) && has_reading(i, Pos::VBN))
        tags[i] = Pos::VBN;  // "has issued", "was attacked"
    } else if (tags[i] == Pos::VBN && i > 0) {
      bool after_subject = is_noun(prev) || prev == Pos::PRP ||
                           (is_adverb(prev) && i > 1 && (is_noun(tags[i - 2]) || tags[i - 2] == Pos::PRP));
      bool reduced_relative = (i + 1 < n && word(i + 1) == "by") || (next == Pos::TO && raising_passive(w));
      bool object_follows = next == Pos::DT || next == Pos::PRPS || next == Pos::PRP || next == Pos::CD ||
                            is_noun(next) || is_adjective(next) || next == Pos::TO || next == Pos::RP ||
                            (i + 1 < n && word(i + 1) == "that") ||
                            // "Zambia extradited suspected British militant X": a participle
                            // opening the object ("suspected", "wanted", "accused").
                            ((next == Pos::VBN || next == Pos::VBD) && i + 2 < n && word(i + 1) != "by" &&
                             (tags[i + 2] == Pos::JJ || tags[i + 2] == Pos::NN || tags[i + 2] == Pos::NNS) &&
                             (word(i + 1) == "suspected" || word(i + 1) == "wanted" || word(i + 1) == "accused" ||
                              word(i + 1) == "alleged" || word(i + 1) == "convicted" || word(i + 1) == "detained" ||
                              word(i + 1) == "jailed" || word(i + 1) == "exiled" || word(i + 1) == "captured" ||
                              word(i + 1) == "proposed" || word(i + 1) == "disputed" || word(i + 1) == "armed"));
      bool relative = after_relative_pronoun(i);  // "the weapons that the rebels captured"
      // "opened its borders to West Africans ordered out of Nigeria": a noun that is the object
      // of a preposition after a finite verb is no subject; the participle modifies it.
      // (A verb taking a "that" clause is the clause's own: "a report released Tuesday in the
      // capital alleged that".)
      if (after_subject && !relative && i + 1 < n && word(i + 1) != "that" && in_prepositional_object(i)) after_subject = false;
      // "Doctors donated and personally delivered medicine to ...": two past forms joined by
      // "and"/"or" share the object after the second one; that object makes both finite (but
      // "goods donated and delivered by volunteers" stays a reduced relative).
      if (!object_follows && i + 2 < n && next == Pos::CC && (word(i + 1) == "and" || word(i + 1) == "or")) {
        size_t m = i + 2;
        while (m < n && is_adverb(tags[m])) ++m;
        if (m + 1 < n && (tags[m] == Pos::VBN || tags[m] == Pos::VBD) && word(m + 1) != "by") {
          Pos after = tags[m + 1];
          object_follows = after == Pos::DT || after == Pos::PRPS || after == Pos::CD || after == Pos::kDollar ||
                           is_noun(after) || after == Pos::PRP;
        }
      }
      if (((after_subject && object_follows && !reduced_relative) || relative) && !auxiliary_before(i) &&
          has_reading(i, Pos::VBD))
        tags[i] = Pos::VBD;  // "the US leader prepared to attend", "crowds trashed its embassy"
    }
  }
  // "The Union of Teachers, the umbrella union, announced that": after an apposition's comma,
  // with no verb before it in the sentence, a past form taking an object is the main verb.
  {
    bool verb_seen = false;
    for (size_t i = 0; i + 1 < n; ++i) {
      if (tags[i] == Pos::VBN && i > 0 && tags[i - 1] == Pos::kComma && !verb_seen &&
          (word(i + 1) == "that" || tags[i + 1] == Pos::DT || tags[i + 1] == Pos::PRPS || tags[i + 1] == Pos::NNP) &&
          has_reading(i, Pos::VBD))
        tags[i] = Pos::VBD;
      verb_seen |= is_verb(tags[i]) || tags[i] == Pos::MD;
    }
  }
  // "rejected proposed changes", "extradited suspected militant X": a participle right after a
  // finite verb, before the noun it describes, opens the object.
  for (size_t i = 1; i + 2 < n; ++i) {
    if ((tags[i] == Pos::VBN || tags[i] == Pos::VBD) &&
        (tags[i - 1] == Pos::VBD || tags[i - 1] == Pos::VBP || tags[i - 1] == Pos::VBZ) &&
        !is_auxiliary_form(word(i - 1)) &&
        (tags[i + 1] == Pos::JJ || tags[i + 1] == Pos::NN || tags[i + 1] == Pos::NNS) && word(i + 1) != "by")
      tags[i] = Pos::JJ;
  }
  // Capitalised common nouns inside a name ("the Government of National Accord", "Central
  // Command") are proper nouns: a capitalised word next to another one, or before "of" and one.
  auto capital = [&](size_t i) { return i < n && tokens[i].has(tf::kUpperInitial) && !tokens[i].has(tf::kAllCaps); };
  size_t first_word = 0;
  while (first_word < n && !has_letters(text, tokens[first_word])) ++first_word;
  for (size_t i = first_word + 1; i < n; ++i) {
    if ((tags[i] != Pos::NN && tags[i] != Pos::NNS) || !capital(i)) continue;
    bool next_to_name = (capital(i - 1) && is_noun(tags[i - 1]) && i - 1 > first_word) ||
                        (capital(i + 1) && is_proper(tags[i + 1])) ||
                        (i + 2 < n && word(i + 1) == "of" && capital(i + 2));
    // A capitalised word mid-sentence that neither the tagger's lexicon nor WordNet knows in
    // any case is a name ("the awful Fornost"), whatever its suffix suggests.
    std::string text_i(tokens[i].text(text));
    bool unknown_name = tags[i] == Pos::NN && model_.lexicon(text_i).empty() && model_.lexicon(lower(text_i)).empty() &&
                        !model_.in_wordnet(lower(text_i), WordClass::kNoun);
    if (next_to_name || unknown_name) tags[i] = tags[i] == Pos::NN ? Pos::NNP : Pos::NNPS;
  }
  for (size_t i = first_word + 3; i < n; ++i) {
    // "the Ministry of Silly Walks condemned": a capitalised plural in a name after "of".
    if ((tags[i] == Pos::VBZ || tags[i] == Pos::VBP) && capital(i) && capital(i - 1) && is_proper(tags[i - 1]) &&
        word(i - 2) == "of" && capital(i - 3) && ends_with(word(i), "s"))
      tags[i] = Pos::NNPS;
    // "the reopening of guest houses", "his handling of the crisis": a gerund after a determiner
    // and before "of" is a noun.
    if (tags[i - 1] == Pos::VBG && (tags[i - 2] == Pos::DT || tags[i - 2] == Pos::PRPS) && word(i) == "of")
      tags[i - 1] = Pos::NN;
  }
  // "A report released Tuesday ... alleged that": of two past-tense verbs in one clause, the
  // first after a noun is a participle modifying it.
  size_t last_vbd = n;
  for (size_t i = 0; i < n; ++i) {
    if (boundary(i)) last_vbd = n;
    if (tags[i] != Pos::VBD) continue;
    if (last_vbd < n && last_vbd > 0 && is_noun(tags[last_vbd - 1]) && has_reading(last_vbd, Pos::VBN) &&
        !after_relative_pronoun(last_vbd) && !is_auxiliary_form(word(i))) {
      // Only where the participle reading is plain: followed by a preposition, an adverb or a
      // time word ("released Tuesday"), not by what could be a clause ("said such a step").
      Pos after = tags[last_vbd + 1];
      std::string a = word(last_vbd + 1);
      bool time = a == "monday" || a == "tuesday" || a == "wednesday" || a == "thursday" || a == "friday" ||
                  a == "saturday" || a == "sunday" || a == "yesterday" || a == "today" || a == "last";
      if (after == Pos::IN || is_adverb(after) || time) tags[last_vbd] = Pos::VBN;
    }
    last_vbd = i;
  }
  // "U.S. and Russian negotiators return to Geneva this week": a sentence with no finite verb,
  // where a noun with a verb reading follows a plural noun and precedes a preposition or a
  // determiner, has it as its present-tense verb.
  {
    bool any_verb = false;
    for (size_t i = 0; i < n; ++i)
      any_verb |= tags[i] == Pos::VBD || tags[i] == Pos::VBZ || tags[i] == Pos::VBP || tags[i] == Pos::MD;
    for (size_t i = 1; i + 1 < n && !any_verb; ++i) {
      if (tags[i] != Pos::NN || !(tags[i - 1] == Pos::NNS || tags[i - 1] == Pos::NNPS)) continue;
      Pos next = tags[i + 1];
      if (!(next == Pos::TO || next == Pos::IN || next == Pos::DT || next == Pos::PRPS)) continue;
      if (word(i + 1) == "of" || !has_reading(i, Pos::VBP)) continue;
      tags[i] = Pos::VBP;
      break;
    }
  }
  // "Taliban ruled Afghanistan has been sharing ...", "rebel held Goma is ...": the hyphen of
  // "Taliban-ruled" left out. A past form of these verbs between a name (or noun) and a name,
  // with a finite verb right after that name, is an adjective in the name's phrase.
  for (size_t i = 1; i + 2 < n; ++i) {
    if (tags[i] != Pos::VBD || !(is_proper(tags[i - 1]) || tags[i - 1] == Pos::NN) || !is_proper(tags[i + 1])) continue;
    std::string w = word(i);
    if (!(w == "ruled" || w == "held" || w == "controlled" || w == "backed" || w == "led" || w == "occupied" ||
          w == "run" || w == "dominated" || w == "governed" || w == "administered" || w == "sponsored"))
      continue;
    size_t k = i + 1;
    while (k < n && is_proper(tags[k])) ++k;
    if (k < n && (tags[k] == Pos::VBZ || tags[k] == Pos::VBD || tags[k] == Pos::VBP || tags[k] == Pos::MD) &&
        (i < 2 || boundary(i - 2) || !(is_noun(tags[i - 2]) || is_verb(tags[i - 2]))))
      tags[i] = Pos::JJ;
  }
  // "opened its borders to West Africans ordered out of Nigeria": a past form right after the
  // object of a preposition, with a finite verb earlier in the clause and no object of its own,
  // is a participle modifying that object.
  for (size_t i = 1; i + 1 < n; ++i) {
    if (tags[i] != Pos::VBD || !is_noun(tags[i - 1]) || is_auxiliary_form(word(i))) continue;
    Pos after = tags[i + 1];
    if (!(after == Pos::RP || after == Pos::IN || after == Pos::TO)) continue;
    if (word(i + 1) == "that" || !has_reading(i, Pos::VBN) || !in_prepositional_object(i)) continue;
    tags[i] = Pos::VBN;
  }
}

}  // namespace dyad
