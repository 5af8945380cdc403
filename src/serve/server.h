#pragma once
// dyad serve: the HTTP server (cpp-httplib) in front of the API and the static files
// (docs/serve.md). GET and HEAD only; /api/... goes to the API, every other path to the files.
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

namespace dyad::serve {

// The server could not start: the address cannot be bound (the port is taken, say).
struct ServeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ServerOptions {
  std::string store;    // an SQLite file or a clickhouse:// URL (store/backend.h)
  std::string cluster;  // with a clickhouse:// URL: the cluster of its Distributed tables
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string web_dir;           // the dashboard
  std::string node_modules_dir;  // /vendor/ files come from here
  std::chrono::milliseconds query_timeout{2000};
  // Threads that hold client connections and answer them; queries run on at most as many
  // store connections as there are cores (each connection has its own page cache).
  size_t threads = 32;
};

// The defaults built in: the source tree's web/ and node_modules/.
std::string default_web_dir();
std::string default_node_modules_dir();

class Server {
 public:
  // Opens the store read-only; throws StoreError when it is missing or not a dyad store.
  explicit Server(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port (the one chosen when asked for port 0). Throws
  // ServeError.
  int bind();
  // Answers requests until stop(); returns false when the server failed.
  bool run();
  // From any thread: run() returns once the requests being answered are answered.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::serve
