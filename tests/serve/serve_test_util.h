#pragma once
// The serve tests' helpers: a dyad serve running in this process on a free loopback port, a
// real HTTP client (httplib), raw requests for paths a client would clean up, JSON and CSV.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <simdjson.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "serve/server.h"
#include "text/doc.h"
#include "test_util.h"

namespace dyad::testing {

// A dyad serve in a thread of this process, stopped and joined on destruction.
class RunningServer {
 public:
  explicit RunningServer(serve::ServerOptions options) : server_(with_any_port(std::move(options))) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.run(); });
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  int port() const { return port_; }
  // A new client: each test thread its own.
  std::unique_ptr<httplib::Client> client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_read_timeout(60, 0);  // ASan builds are slow; not a timing check
    return c;
  }

 private:
  static serve::ServerOptions with_any_port(serve::ServerOptions o) {
    o.host = "127.0.0.1";
    o.port = 0;
    return o;
  }
  serve::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// The status line's code and the whole answer to `request` sent as it is on a new connection:
// for paths that a client would encode or clean up.
inline std::pair<int, std::string> raw_request(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return {-1, ""};
  }
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof(buffer), 0)) > 0;) answer.append(buffer, static_cast<size_t>(n));
  close(fd);
  int status = -1;
  if (answer.rfind("HTTP/1.1 ", 0) == 0) status = std::atoi(answer.c_str() + 9);
  return {status, answer};
}

inline std::pair<int, std::string> raw_get(int port, const std::string& target) {
  std::string request = "GET ";
  request += target;
  request += " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  return raw_request(port, request);
}

inline std::string shell_quoted(const std::string& s) {
  std::string q = "'";  // piece by piece: GCC 12 misreads "'" + std::string as overlapping
  q += s;
  q += "'";
  return q;
}

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `dyad ARGS` through the shell.
inline CommandResult run_dyad(const std::string& args) {
  TempDir dir;
  std::string out = dir.path() + "/out", err = dir.path() + "/err";
  std::string cmd = shell_quoted(DYAD_BINARY);
  cmd += " ";
  cmd += args;
  cmd += " > ";
  cmd += shell_quoted(out);
  cmd += " 2> ";
  cmd += shell_quoted(err);
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

// Docs in a vector (they cannot be copied out of an initializer list).
template <typename... D>
std::vector<Doc> docs_of(D&&... docs) {
  std::vector<Doc> v;
  (v.push_back(std::forward<D>(docs)), ...);
  return v;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// The fields of one CSV record (quotes as the CSV writer puts them; no line breaks inside).
inline std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted_field = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted_field) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted_field = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted_field = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

inline std::string str(simdjson::dom::element e) {
  std::string_view s;
  return e.get_string().get(s) ? std::string() : std::string(s);
}
inline int64_t num(simdjson::dom::element e) {
  int64_t v = 0;
  if (e.get_int64().get(v)) {
    uint64_t u = 0;
    if (!e.get_uint64().get(u)) v = static_cast<int64_t>(u);
  }
  return v;
}
inline double real(simdjson::dom::element e) {
  double v = 0;
  if (e.get_double().get(v)) v = static_cast<double>(num(e));
  return v;
}

}  // namespace dyad::testing
