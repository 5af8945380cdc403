// dyad_test_cluster [DIR]: starts the two-shard ClickHouse cluster of the tests
// (tests/clickhouse_cluster.h), data under DIR (a temporary directory when omitted), prints
//   url clickhouse://127.0.0.1:HTTP1,127.0.0.1:HTTP2
//   servers PID1 PID2
// and stops the servers when its standard input closes or on SIGTERM/SIGINT; they also die
// with it. For scripts (scripts/bench-clickhouse): run it as a coprocess.
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "clickhouse_cluster.h"

namespace {
volatile sig_atomic_t stop = 0;
void on_signal(int) { stop = 1; }
}  // namespace

int main(int argc, char** argv) {
  signal(SIGTERM, on_signal);
  signal(SIGINT, on_signal);
  signal(SIGPIPE, SIG_IGN);
  try {
    dyad::testing::ClickHouseCluster cluster(2, argc > 1 ? argv[1] : "");
    std::string url = cluster.url("");
    url.pop_back();  // no database: the script adds it
    std::cout << "url " << url << "\nservers";
    for (size_t i = 0; i < cluster.size(); ++i) std::cout << ' ' << cluster.server(i).pid;
    std::cout << std::endl;
    char buf[256];
    while (!stop) {
      pollfd p{0, POLLIN, 0};
      int n = poll(&p, 1, 200);
      if (n > 0 && read(0, buf, sizeof buf) <= 0) break;
    }
  } catch (const std::exception& e) {
    std::cerr << "dyad_test_cluster: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
