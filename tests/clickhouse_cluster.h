#pragma once
// Two (or more) clickhouse-server processes on free loopback ports, with a generated config
// each (HTTP, native and interserver ports; data, tmp, user files and logs in a temporary
// directory) and a `remote_servers` cluster `dyad` with one shard per server. Stopped by the
// destructor; a server also dies with the process that started it (PR_SET_PDEATHSIG), so a
// test that crashes or is killed leaves no server behind.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/http_client.h"

namespace dyad::testing {

inline constexpr const char* kClickHouseServer = "/usr/sbin/clickhouse-server";

// A port nobody listens on now (the kernel's choice for port 0).
inline int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("no free port");
  }
  close(fd);
  return ntohs(a.sin_port);
}

class ClickHouseCluster {
 public:
  struct Server {
    int http = 0, tcp = 0, interserver = 0;
    pid_t pid = -1;
    std::string dir;
  };

  // Starts `shards` servers under `dir` (a new temporary directory when empty). Throws
  // std::runtime_error when clickhouse-server is missing or does not answer in time.
  explicit ClickHouseCluster(int shards = 2, std::string dir = "") : own_dir_(dir.empty()) {
    if (access(kClickHouseServer, X_OK) != 0)
      throw std::runtime_error(std::string(kClickHouseServer) +
                               " is missing: scripts/setup installs clickhouse-server (Debian 12)");
    if (dir.empty()) {
      std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-clickhouse-XXXXXX").string();
      if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
      dir = tmpl;
    }
    dir_ = dir;
    for (int i = 0; i < shards; ++i) {
      Server s;
      s.http = free_port();
      s.tcp = free_port();
      s.interserver = free_port();
      s.dir = dir_ + "/server" + std::to_string(i + 1);
      servers_.push_back(s);
    }
    try {
      for (size_t i = 0; i < servers_.size(); ++i) {
        write_config(servers_[i]);
        start(i);
      }
      for (size_t i = 0; i < servers_.size(); ++i) wait_ready(i);
    } catch (...) {
      stop_all();
      throw;
    }
  }
  ~ClickHouseCluster() { stop_all(); }
  ClickHouseCluster(const ClickHouseCluster&) = delete;
  ClickHouseCluster& operator=(const ClickHouseCluster&) = delete;

  // clickhouse://127.0.0.1:HTTP1,127.0.0.1:HTTP2/DB (every shard, as dyad code --cluster wants).
  std::string url(const std::string& db) const {
    std::string u = "clickhouse://";
    for (size_t i = 0; i < servers_.size(); ++i) {
      if (i) u += ",";
      u += "127.0.0.1:" + std::to_string(servers_[i].http);
    }
    return u + "/" + db;
  }
  // The first server only (enough for queries).
  std::string url_first(const std::string& db) const {
    return "clickhouse://127.0.0.1:" + std::to_string(servers_[0].http) + "/" + db;
  }
  const Server& server(size_t i) const { return servers_.at(i); }
  size_t size() const { return servers_.size(); }

  // SIGKILL, as a crash would.
  void kill_server(size_t i) {
    Server& s = servers_.at(i);
    if (s.pid <= 0) return;
    ::kill(s.pid, SIGKILL);
    waitpid(s.pid, nullptr, 0);
    s.pid = -1;
  }
  void restart(size_t i) {
    kill_server(i);
    start(i);
    wait_ready(i);
  }

  // Runs a statement on server i; the response body.
  std::string sql(const std::string& statement, size_t i = 0) {
    HttpClient client("127.0.0.1", servers_.at(i).http);
    HttpResponse r = client.post("/", statement);
    if (r.status != 200) throw std::runtime_error(r.body);
    return r.body;
  }

 private:
  void write_config(const Server& s) {
    for (const char* sub : {"data", "tmp", "user_files", "log"}) std::filesystem::create_directories(s.dir + "/" + sub);
    std::ofstream users(s.dir + "/users.xml");
    users << R"(<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>8000000000</max_memory_usage><load_balancing>in_order</load_balancing></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
)";
    std::ofstream config(s.dir + "/config.xml");
    config << "<?xml version=\"1.0\"?>\n<yandex>\n"
           << "  <logger><level>warning</level><log>" << s.dir << "/log/server.log</log><errorlog>" << s.dir
           << "/log/server.err.log</errorlog><size>10M</size><count>1</count></logger>\n"
           << "  <http_port>" << s.http << "</http_port>\n  <tcp_port>" << s.tcp << "</tcp_port>\n"
           << "  <interserver_http_port>" << s.interserver << "</interserver_http_port>\n"
           << "  <listen_host>127.0.0.1</listen_host>\n"
           << "  <path>" << s.dir << "/data/</path>\n  <tmp_path>" << s.dir << "/tmp/</tmp_path>\n"
           << "  <user_files_path>" << s.dir << "/user_files/</user_files_path>\n"
           << "  <users_config>" << s.dir << "/users.xml</users_config>\n"
           << "  <default_profile>default</default_profile><default_database>default</default_database>\n"
           << "  <mark_cache_size>268435456</mark_cache_size><uncompressed_cache_size>268435456</uncompressed_cache_size>\n"
           << "  <remote_servers><dyad>\n";
    for (const Server& shard : servers_)
      config << "    <shard><replica><host>127.0.0.1</host><port>" << shard.tcp << "</port></replica></shard>\n";
    config << "  </dyad></remote_servers>\n</yandex>\n";
  }

  void start(size_t i) {
    Server& s = servers_.at(i);
    std::string config = "--config-file=" + s.dir + "/config.xml";
    std::string log = s.dir + "/log/stdout.log";
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(1);  // the parent died before prctl
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
      }
      int null = open("/dev/null", O_RDONLY);
      if (null >= 0) dup2(null, 0);
      execl(kClickHouseServer, kClickHouseServer, config.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    s.pid = pid;
  }

  void wait_ready(size_t i) {
    Server& s = servers_.at(i);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(s.pid, &status, WNOHANG) == s.pid) {
        s.pid = -1;
        throw std::runtime_error("clickhouse-server exited at start; see " + s.dir + "/log");
      }
      try {
        HttpClient client("127.0.0.1", s.http, 1, 5);
        if (client.post("/", "SELECT 1").status == 200) return;
      } catch (const HttpError&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("clickhouse-server on port " + std::to_string(s.http) + " did not answer in 60 s");
  }

  void stop_all() {
    for (Server& s : servers_)
      if (s.pid > 0) ::kill(s.pid, SIGTERM);
    for (Server& s : servers_) {
      if (s.pid <= 0) continue;
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      int status = 0;
      while (waitpid(s.pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
          ::kill(s.pid, SIGKILL);
          waitpid(s.pid, &status, 0);
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      s.pid = -1;
    }
    if (own_dir_ && !dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  bool own_dir_;
  std::string dir_;
  std::vector<Server> servers_;
};

}  // namespace dyad::testing
