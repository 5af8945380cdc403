// `dyad serve` as a user runs it: it says where it listens, answers, stops on SIGTERM and
// SIGINT, and refuses clearly what it cannot serve.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>

#include "serve_test_util.h"
#include "store/event_store.h"
#include "store/store_test_util.h"

namespace dyad {
namespace {

using testing::shell_quoted;

// A `dyad serve` process whose standard error is read here.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    int err[2];
    EXPECT_EQ(pipe(err), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(err[1], STDERR_FILENO);
      close(err[0]);
      close(err[1]);
      int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      std::vector<char*> argv;
      std::string name = "dyad", serve = "serve";
      argv.push_back(name.data());
      argv.push_back(serve.data());
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(DYAD_BINARY, argv.data());
      _exit(127);
    }
    close(err[1]);
    err_ = err[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_ >= 0) close(err_);
  }

  // Standard error up to a line that holds `text` (or its end); what was read.
  std::string read_until(const std::string& text) {
    while (stderr_.find(text) == std::string::npos) {
      char buffer[512];
      ssize_t n = read(err_, buffer, sizeof(buffer));
      if (n <= 0) break;
      stderr_.append(buffer, static_cast<size_t>(n));
    }
    return stderr_;
  }
  // The port of the URL it printed, 0 when it printed none.
  int port() {
    std::string err = read_until("/ serving");
    size_t at = err.find("http://127.0.0.1:");
    return at == std::string::npos ? 0 : std::atoi(err.c_str() + at + 17);
  }
  void signal(int sig) { kill(pid_, sig); }
  // Its exit code (-1 when killed by a signal), once it ended.
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    read_until("\n\n");  // the rest of standard error
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  const std::string& err() const { return stderr_; }

 private:
  pid_t pid_ = -1;
  int err_ = -1;
  bool waited_ = false;
  std::string stderr_;
};

std::string small_store(const testing::TempDir& dir) {
  std::string db = dir.path() + "/events.db";
  EventStore writer(db);
  writer.add(testing::docs_of(testing::make_doc("a1", "wire-a", "2020-01-05", {"Libyan forces shelled rebel positions."},
                                {{0, "2020-01-05", "LBYMIL", "LBYREB", "190"}})));
  return db;
}

TEST(ServeCli, PrintsItsUrlAnswersAndStopsOnSigterm) {
  testing::TempDir dir;
  std::string db = small_store(dir);
  for (int sig : {SIGTERM, SIGINT}) {
    SCOPED_TRACE(sig);
    ServeProcess serve({"--db", db, "--port", "0", "--web", dir.path()});
    int port = serve.port();
    ASSERT_GT(port, 0) << serve.err();
    httplib::Client client("127.0.0.1", port);
    auto status = client.Get("/api/status");
    ASSERT_TRUE(status);
    EXPECT_EQ(status->status, 200);
    EXPECT_NE(status->body.find("\"events\":1"), std::string::npos) << status->body;
    // The web directory has no index.html: it says so, and / is not found.
    EXPECT_NE(serve.err().find("has no index.html"), std::string::npos) << serve.err();
    EXPECT_EQ(client.Get("/")->status, 404);
    serve.signal(sig);
    EXPECT_EQ(serve.wait(), 0) << serve.err();
    EXPECT_NE(serve.err().find("dyad serve: stopped"), std::string::npos) << serve.err();
  }
}

TEST(ServeCli, RefusesAMissingStore) {
  testing::TempDir dir;
  testing::CommandResult r = testing::run_dyad(fmt::format("serve --port 0 --db {}", shell_quoted(dir.path() + "/missing.db")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
}

TEST(ServeCli, RefusesAFileThatIsNotADyadStore) {
  testing::TempDir dir;
  std::string junk = dir.file("junk.db", "not a database at all, but long enough to be read as one");
  testing::CommandResult r = testing::run_dyad(fmt::format("serve --port 0 --db {}", shell_quoted(junk)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("junk.db: not a dyad event store"), std::string::npos) << r.err;
  // An SQLite database of something else.
  std::string other = dir.path() + "/other.db";
  { sql::Database db(other, true, false); db.exec("CREATE TABLE t(x)"); }
  testing::CommandResult s = testing::run_dyad(fmt::format("serve --port 0 --db {}", shell_quoted(other)));
  EXPECT_EQ(s.exit_code, 1);
  EXPECT_NE(s.err.find("other.db: not a dyad event store"), std::string::npos) << s.err;
}

TEST(ServeCli, RefusesATakenPort) {
  testing::TempDir dir;
  std::string db = small_store(dir);
  ServeProcess first({"--db", db, "--port", "0", "--web", dir.path()});
  int port = first.port();
  ASSERT_GT(port, 0) << first.err();
  testing::CommandResult second = testing::run_dyad(fmt::format("serve --db {} --port {}", shell_quoted(db), port));
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find(fmt::format("cannot listen on 127.0.0.1:{}: the port is in use", port)),
            std::string::npos)
      << second.err;
  first.signal(SIGTERM);
  EXPECT_EQ(first.wait(), 0);
}

TEST(ServeCli, BadOptionsAreUsageErrors) {
  testing::TempDir dir;
  std::string db = small_store(dir);
  for (const char* options : {"--port 70000", "--query-timeout 0", "--threads 0", "--web /nonexistent/dir"}) {
    SCOPED_TRACE(options);
    testing::CommandResult r = testing::run_dyad(fmt::format("serve --db {} {}", shell_quoted(db), options));
    EXPECT_EQ(r.exit_code, 2) << r.err;
  }
}

}  // namespace
}  // namespace dyad
