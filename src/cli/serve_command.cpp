// `dyad serve`: the HTTP API and the dashboard over an event store (docs/serve.md).
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/store_options.h"
#include "serve/server.h"
#include "store/sqlite.h"

namespace dyad::cli {
namespace {

struct ServeOptions {
  serve::ServerOptions server;
  std::string db, sink;
  double query_timeout = 2;
};

// SIGINT and SIGTERM are blocked in every thread and taken by one that stops the server, so
// that requests being answered are finished and nothing runs in a signal handler.
class StopOnSignal {
 public:
  explicit StopOnSignal(serve::Server& server) {
    thread_ = std::thread([this, &server] {
      int signal = 0;
      sigwait(&signals(), &signal);
      if (!quitting_) fmt::print(stderr, "dyad serve: stopping\n");
      server.stop();
    });
  }
  // Ends the waiting thread when the server stopped by itself.
  ~StopOnSignal() {
    quitting_ = true;
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  static const sigset_t& signals() {
    static const sigset_t set = [] {
      sigset_t s;
      sigemptyset(&s);
      sigaddset(&s, SIGINT);
      sigaddset(&s, SIGTERM);
      return s;
    }();
    return set;
  }
  // Before any thread starts: threads inherit the mask.
  static void block() { pthread_sigmask(SIG_BLOCK, &signals(), nullptr); }

 private:
  std::atomic<bool> quitting_ = false;
  std::thread thread_;
};

std::string url_of(const std::string& host, int port) {
  bool ipv6 = host.find(':') != std::string::npos;
  return ipv6 ? fmt::format("http://[{}]:{}/", host, port) : fmt::format("http://{}:{}/", host, port);
}

}  // namespace

Command add_serve_command(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  o->server.web_dir = serve::default_web_dir();
  o->server.node_modules_dir = serve::default_node_modules_dir();
  CLI::App* cmd = app.add_subcommand("serve", "Serve an event store over HTTP: a JSON API and the dashboard");
  add_store_options(cmd, o->db, o->sink, o->server.cluster);
  cmd->add_option("--host", o->server.host, "Address to listen on (0.0.0.0: every interface)")->capture_default_str();
  cmd->add_option("--port", o->server.port, "Port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--web", o->server.web_dir, "The dashboard's directory")
      ->check(CLI::ExistingDirectory)
      ->type_name("DIR")
      ->capture_default_str();
  cmd->add_option("--query-timeout", o->query_timeout, "Time budget of a request's queries; past it the answer is 503")
      ->check(CLI::Range(0.001, 3600.0))
      ->type_name("SECONDS")
      ->capture_default_str();
  cmd->add_option("--threads", o->server.threads,
                  "Threads holding client connections (queries run on at most one store connection per core)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->footer(
      "The API is described in docs/serve.md. dyad code --db (or --sink) may add to the store while it is "
      "served.\n"
      "Example: dyad serve --db events.db   (then open http://127.0.0.1:8080/)\n"
      "         dyad serve --sink clickhouse://127.0.0.1:8123/dyad   (a ClickHouse store, docs/clickhouse.md)");
  return {cmd, [=] {
            o->server.store = o->db.empty() ? o->sink : o->db;
            o->server.query_timeout = std::chrono::milliseconds(static_cast<int64_t>(o->query_timeout * 1000));
            StopOnSignal::block();
            try {
              serve::Server server(o->server);
              int port = server.bind();
              if (!std::filesystem::exists(std::filesystem::path(o->server.web_dir) / "index.html"))
                fmt::print(stderr, "dyad serve: {} has no index.html: the API is served, not the dashboard\n",
                           o->server.web_dir);
              fmt::print(stderr, "dyad serve: {} serving {} (Ctrl-C stops)\n", url_of(o->server.host, port),
                         o->server.store);
              bool ok = false;
              {
                StopOnSignal stop(server);
                ok = server.run();
              }
              if (!ok) {
                fmt::print(stderr, "dyad serve: the server failed\n");
                return exit_code::kFailure;
              }
              fmt::print(stderr, "dyad serve: stopped\n");
              return exit_code::kOk;
            } catch (const StoreError& e) {
              fmt::print(stderr, "dyad: {}\n", e.what());
            } catch (const serve::ServeError& e) {
              fmt::print(stderr, "dyad: {}\n", e.what());
            }
            return exit_code::kFailure;
          }};
}

}  // namespace dyad::cli
