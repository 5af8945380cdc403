#include "cli/code_store.h"

#include <fmt/format.h>

#include "base/numbers.h"

namespace dyad::cli {

void CodeStore::attach(RunOptions& options) {
  options.skip = [this](const Article& a) {
    bool held = store_->holds(a);
    skipped_ += held;
    return held;
  };
  options.sink = [this](const std::vector<Doc>& docs) {
    AddResult r = store_->add(docs);
    totals_.added += r.added;
    totals_.replaced += r.replaced;
    totals_.unchanged += r.unchanged;
  };
}

std::string CodeStore::summary() {
  StoreCounts c = store_->counts();
  return fmt::format(
      "dyad: {}: {} articles added, {} replaced, {} already stored; the store holds {} articles, {} events, {} "
      "mentions",
      store_->name(), thousands(totals_.added), thousands(totals_.replaced), thousands(totals_.unchanged + skipped_),
      thousands(c.articles), thousands(c.events), thousands(c.mentions));
}

namespace {
class NullWriter : public DocWriter {
 public:
  void write(const Doc&, std::string&) const override {}
};
}  // namespace

std::unique_ptr<DocWriter> make_null_writer() { return std::make_unique<NullWriter>(); }

}  // namespace dyad::cli
