#include "run/runner.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "base/error.h"
#include "code/event.h"
#include "run/progress.h"

namespace dyad {
namespace {

constexpr size_t kBatchArticles = 256;
constexpr size_t kBatchTextBytes = 1 << 20;

struct Batch {
  std::vector<Doc> docs;
  size_t text_bytes = 0;
  std::string out;
  uint64_t segments = 0, body = 0, tokens = 0, events = 0;
  bool done = false;
  std::exception_ptr error;
};

// Counts what passes through to the user's sink.
class CountingSink : public DiagnosticSink {
 public:
  explicit CountingSink(DiagnosticSink& next) : next_(next) {}
  void report(const Diagnostic& d) override {
    (d.severity == Severity::kError ? errors : warnings)++;
    next_.report(d);
  }
  uint64_t errors = 0, warnings = 0;

 private:
  DiagnosticSink& next_;
};

// Runs batches on worker threads and hands them back in submission order.
class OrderedWorkers {
 public:
  using Work = std::function<void(Batch&)>;
  using Deliver = std::function<void(Batch&)>;

  OrderedWorkers(unsigned threads, Work work, Deliver deliver)
      : work_(std::move(work)), deliver_(std::move(deliver)), limit_(2 * threads + 1) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
  }
  ~OrderedWorkers() {
    {
      std::lock_guard lock(m_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

  void submit(std::unique_ptr<Batch> b) {
    std::unique_lock lock(m_);
    todo_.push_back(b.get());
    in_flight_.push_back(std::move(b));
    work_cv_.notify_one();
    deliver_ready(lock, limit_);
  }
  void drain() {
    std::unique_lock lock(m_);
    deliver_ready(lock, 0);
  }

 private:
  // Delivers finished batches from the front; waits while more than `keep` are in flight.
  void deliver_ready(std::unique_lock<std::mutex>& lock, size_t keep) {
    for (;;) {
      if (in_flight_.empty()) return;
      if (!in_flight_.front()->done) {
        if (in_flight_.size() <= keep) return;
        done_cv_.wait(lock, [&] { return in_flight_.front()->done; });
      }
      std::unique_ptr<Batch> b = std::move(in_flight_.front());
      in_flight_.pop_front();
      lock.unlock();
      if (b->error) std::rethrow_exception(b->error);
      deliver_(*b);
      lock.lock();
    }
  }

  void loop() {
    for (;;) {
      Batch* b;
      {
        std::unique_lock lock(m_);
        work_cv_.wait(lock, [&] { return stop_ || !todo_.empty(); });
        if (todo_.empty()) return;
        b = todo_.front();
        todo_.pop_front();
      }
      try {
        work_(*b);
      } catch (...) {
        b->error = std::current_exception();
      }
      {
        std::lock_guard lock(m_);
        b->done = true;
      }
      done_cv_.notify_all();
    }
  }

  Work work_;
  Deliver deliver_;
  size_t limit_;
  std::mutex m_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Batch*> todo_;
  std::deque<std::unique_ptr<Batch>> in_flight_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

RunStats run(const RunOptions& options, const Pipeline& pipeline, const DocWriter& writer,
             OutputFile& output, DiagnosticSink& diagnostics) {
  auto started = std::chrono::steady_clock::now();
  RunStats stats;
  CountingSink sink(diagnostics);

  auto work = [&](Batch& b) {
    for (Doc& doc : b.docs) {
      pipeline(doc);
      writer.write(doc, b.out);
      b.segments += doc.sentences.size();
      b.tokens += doc.tokens.size();
      for (const Sentence& s : doc.sentences) b.body += s.kind == SegmentKind::kBody;
      if (const Events* e = doc.find_ext<Events>()) b.events += e->events.size();
    }
  };
  auto deliver = [&](Batch& b) {
    if (options.sink) options.sink(b.docs);
    output.write(b.out);
    stats.articles += b.docs.size();
    stats.segments += b.segments;
    stats.body_sentences += b.body;
    stats.tokens += b.tokens;
    stats.events += b.events;
    stats.text_bytes += b.text_bytes;
  };
  std::unique_ptr<OrderedWorkers> workers;
  // With a sink (the event store), even one worker runs on its own thread, so that the calling
  // thread's writing overlaps the coding of the next batches.
  if (options.threads > 1 || options.sink)
    workers = std::make_unique<OrderedWorkers>(options.threads, work, deliver);
  auto submit = [&](std::unique_ptr<Batch> b) {
    if (b->docs.empty()) return;
    if (workers) {
      workers->submit(std::move(b));
    } else {
      work(*b);
      deliver(*b);
    }
  };

  std::optional<uint64_t> total = 0;
  for (const auto& path : options.inputs) {
    if (path == "-") {
      total.reset();
      break;
    }
    try {
      auto size = open_byte_source(path)->size();
      if (!size) {
        total.reset();
        break;
      }
      *total += *size;
    } catch (const InputError&) {
    }
  }
  Progress progress(options.progress, total);

  std::string header;
  writer.header(header);
  output.write(header);

  uint64_t bytes_before = 0, read_articles = 0;
  auto batch = std::make_unique<Batch>();
  for (const auto& path : options.inputs) {
    if (stats.stopped) break;
    std::unique_ptr<ArticleReader> reader;
    try {
      reader = open_reader(open_byte_source(path), options.reader, sink);
      Article article;
      for (;;) {
        bool got = reader->next(article);
        if (options.strict && sink.errors > 0) {
          stats.stopped = true;
          break;
        }
        if (!got) break;
        if (options.skip && options.skip(article)) {
          ++stats.articles_skipped;
          progress.update(read_articles, bytes_before + reader->bytes_consumed());
          continue;
        }
        batch->text_bytes += article.text.size();
        batch->docs.emplace_back(std::move(article));
        ++read_articles;
        if (batch->docs.size() >= kBatchArticles || batch->text_bytes >= kBatchTextBytes) {
          submit(std::move(batch));
          batch = std::make_unique<Batch>();
        }
        progress.update(read_articles, bytes_before + reader->bytes_consumed());
      }
    } catch (const InputError& e) {
      sink.report({Severity::kError, path == "-" ? "<stdin>" : path, 0, e.what()});
      ++stats.inputs_failed;
    }
    if (reader) {
      bytes_before += reader->bytes_consumed();
      stats.records_passed_over += reader->records_passed_over();
      if (const WarcCounts* warc = reader->warc_counts()) stats.pages_without_article += warc->no_article_text;
    }
  }
  submit(std::move(batch));
  if (workers) workers->drain();
  workers.reset();
  progress.finish();

  stats.input_bytes = bytes_before;
  stats.output_bytes = output.bytes_written();
  stats.records_skipped = sink.errors - stats.inputs_failed;
  stats.warnings = sink.warnings;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace dyad
