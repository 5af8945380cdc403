#include "serve/server.h"

#include <httplib.h>
#include <fmt/format.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "serve/api.h"
#include "serve/api_json.h"
#include "serve/static_files.h"
#include "serve/store_pool.h"

namespace dyad::serve {
namespace {

// httplib's server with two things its interface lacks, both on the listening socket.
class HttpServer : public httplib::Server {
 public:
  // httplib listens with a backlog of 5: a burst of clients connecting at once (a load test's
  // 32 connections) would see connections dropped and retried a second later.
  void widen_backlog() {
    socket_t s = svr_sock_;
    if (s != INVALID_SOCKET) ::listen(s, SOMAXCONN);
  }
  // httplib's stop() does nothing before the accept loop runs; this closes the socket
  // whenever it is called, and the loop, started or not, ends.
  void stop_listening() {
    socket_t s = svr_sock_.exchange(INVALID_SOCKET);
    if (s != INVALID_SOCKET) {
      ::shutdown(s, SHUT_RDWR);
      ::close(s);
    }
  }
};

// The path of a request target, percent-encoding kept.
std::string_view raw_path(const std::string& target) {
  return std::string_view(target).substr(0, target.find('?'));
}

size_t store_connections(size_t threads) {
  size_t cores = std::max(2u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(threads, 1, cores);
}

}  // namespace

std::string default_web_dir() { return DYAD_WEB_DIR; }
std::string default_node_modules_dir() { return DYAD_NODE_MODULES_DIR; }

struct Server::Impl {
  explicit Impl(const ServerOptions& o)
      : options(o), pool(o.store, o.cluster, store_connections(o.threads)), api(pool, limits(o)), files(o.web_dir, o.node_modules_dir) {}

  static ApiLimits limits(const ServerOptions& o) {
    ApiLimits l;
    l.query_budget = o.query_timeout;
    return l;
  }

  void answer(const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content(error_json("only GET and HEAD"), "application/json");
      return;
    }
    constexpr std::string_view kApi = "/api/";
    if (std::string_view(req.path).substr(0, kApi.size()) == kApi) {
      ApiResponse r = api.get(req.path, req.params);
      res.status = r.status;
      for (const auto& [name, value] : r.headers) res.set_header(name, value);
      // Answers change with the store: a browser asks again.
      res.set_header("Cache-Control", "no-store");
      res.body = std::move(r.body);  // set_content() would copy it
      res.set_header("Content-Type", r.content_type);
      return;
    }
    StaticFile f = files.get(raw_path(req.target));
    res.status = f.status;
    res.body = std::move(f.body);
    res.set_header("Content-Type", f.content_type);
  }

  ServerOptions options;
  StorePool pool;
  Api api;
  StaticFiles files;
  HttpServer http;
};

Server::Server(const ServerOptions& options) : impl_(std::make_unique<Impl>(options)) {
  HttpServer& http = impl_->http;
  size_t threads = std::max<size_t>(options.threads, 1);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Not SO_REUSEPORT (httplib's default on Linux): a second server on a taken port must fail.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  // httplib writes the headers and the body apart: with Nagle's algorithm the body would wait
  // for the client's delayed acknowledgement of the headers (40 ms on Linux).
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  // An idle client connection holds a thread this long, and stop() waits for it.
  http.set_keep_alive_timeout(3);
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    impl_->answer(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content(error_json(what), "application/json");
  });
  http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 500) fmt::print(stderr, "dyad serve: {} {}: {} {}\n", req.method, req.target, res.status, res.body);
  });
}

Server::~Server() = default;

int Server::bind() {
  const ServerOptions& o = impl_->options;
  errno = 0;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) {
    int error = errno;
    std::string why = error == EADDRINUSE ? "the port is in use" : error ? std::strerror(error) : "cannot bind";
    throw ServeError(fmt::format("cannot listen on {}:{}: {}", o.host, o.port, why));
  }
  impl_->http.widen_backlog();
  return port;
}

bool Server::run() { return impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop_listening(); }

}  // namespace dyad::serve
