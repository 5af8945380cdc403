#pragma once
// A Doc is an article with its analysis. Like spaCy's Doc, it owns the text; everything else
// is spans into it. The text stage fills `tokens` and `sentences`; later stages attach their
// own results as typed extensions (doc.ext<lang::Analysis>()), so this header never needs to
// know the types of the stages after it.
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/article.h"
#include "text/token.h"

namespace dyad {

class Doc {
 public:
  Doc() = default;
  explicit Doc(Article a) : article(std::move(a)) {}
  Doc(Doc&&) noexcept = default;
  Doc& operator=(Doc&&) noexcept = default;

  Article article;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view text() const { return article.text; }
  std::string_view text_of(Span s) const { return s.of(article.text); }
  std::string_view text_of(const Token& t) const { return t.text(article.text); }
  std::span<const Token> tokens_of(const Sentence& s) const {
    return std::span<const Token>(tokens).subspan(s.first_token, s.token_count());
  }

  // The extension of type T, created (value-initialised) on first use.
  template <typename T>
  T& ext() {
    if (T* found = find_ext<T>()) return *found;
    T* made = new T();
    extensions_.push_back({key<T>(), Owned(made, [](void* p) { delete static_cast<T*>(p); })});
    return *made;
  }
  // The extension of type T, or nullptr when no stage has attached one.
  template <typename T>
  const T* find_ext() const {
    for (const auto& e : extensions_)
      if (e.key == key<T>()) return static_cast<const T*>(e.value.get());
    return nullptr;
  }
  template <typename T>
  T* find_ext() {
    return const_cast<T*>(std::as_const(*this).find_ext<T>());
  }

 private:
  using Owned = std::unique_ptr<void, void (*)(void*)>;
  struct Extension {
    const void* key;
    Owned value;
  };
  template <typename T>
  static const void* key() {
    static const char k = 0;
    return &k;
  }
  std::vector<Extension> extensions_;
};

}  // namespace dyad
