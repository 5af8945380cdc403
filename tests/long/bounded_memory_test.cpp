// Long test (ctest -L long): 1 GiB of synthetic articles streamed through `dyad code` on
// standard input must run in bounded memory. Also pushes a 100 MB line through it, which
// must be reported and skipped without being held in memory.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

namespace {

struct ChildResult {
  int exit_code = -1;
  long max_rss_kib = 0;
};

// Runs dyad with `args`, feeding it what `produce` writes to the pipe.
template <typename Produce>
ChildResult run_dyad(std::vector<std::string> args, Produce produce) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> argv;
    std::string bin = DYAD_BINARY;
    argv.push_back(bin.data());
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(fds[0]);
  std::signal(SIGPIPE, SIG_IGN);
  produce(fds[1]);
  close(fds[1]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, usage.ru_maxrss};
}

bool write_all(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string synthetic_chunk(size_t articles, size_t first_id) {
  static const std::string kText =
      "TRIPOLI, Libya (Example Wire) - Forces loyal to the U.N.-backed government clashed with "
      "fighters of the Libyan National Army south of the capital on Sunday, officials said. "
      "\\\"We will not back down,\\\" Gen. Khalid al-Mahdi told reporters in Tripoli. The U.S. "
      "embassy urged both sides to return to talks; a spokesman said aid worth $3.5 million "
      "would arrive by Jan. 5.\\n\\nResidents fled toward Misrata.";
  std::string out;
  for (size_t i = 0; i < articles; ++i) {
    out += "{\"id\":\"synthetic-" + std::to_string(first_id + i) +
           "\",\"date\":\"2019-11-25\",\"source\":\"example.org\",\"text\":\"" + kText + "\"}\n";
  }
  return out;
}

TEST(BoundedMemory, OneGibibyteOfArticlesOnStdin) {
  const size_t kTarget = size_t{1} << 30;
  ChildResult r = run_dyad({"code", "--format", "sentences", "--quiet", "-o", "/dev/null", "-"},
                           [&](int fd) {
                             size_t written = 0, id = 0;
                             while (written < kTarget) {
                               std::string chunk = synthetic_chunk(1000, id);
                               id += 1000;
                               ASSERT_TRUE(write_all(fd, chunk));
                               written += chunk.size();
                             }
                           });
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_LT(r.max_rss_kib, 256 * 1024) << "max RSS " << r.max_rss_kib << " KiB";
  std::printf("1 GiB streamed; dyad max RSS %ld KiB\n", r.max_rss_kib);
}

TEST(BoundedMemory, HundredMegabyteLineIsSkippedNotHeld) {
  ChildResult r = run_dyad({"code", "--format", "sentences", "--quiet", "-o", "/dev/null", "-"},
                           [&](int fd) {
                             ASSERT_TRUE(write_all(fd, synthetic_chunk(1, 0)));
                             std::string big = "{\"id\":\"big\",\"text\":\"";
                             big += std::string(100 << 20, 'x');
                             big += "\"}\n";
                             ASSERT_TRUE(write_all(fd, big));
                             ASSERT_TRUE(write_all(fd, synthetic_chunk(1, 1)));
                           });
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_LT(r.max_rss_kib, 64 * 1024) << "max RSS " << r.max_rss_kib << " KiB";
}

}  // namespace
