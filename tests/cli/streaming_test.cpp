// dyad code as a pure stdin -> stdout filter (docs/streaming.md): what it writes for an
// article depends on that article and the dictionaries alone, so an input cut into pieces
// coded apart (as GNU parallel --pipe, Hadoop Streaming or Spark's rdd.pipe run it) gives,
// concatenated, the bytes of the whole input coded at once.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace dyad {
namespace {

struct Result {
  int exit_code = -1;
  std::string out, err;
};

// `dyad ARGS < input`.
Result code_stdin(const std::string& input, const std::string& args) {
  testing::TempDir dir;
  std::string in = dir.file("in.jsonl", input), out = dir.path() + "/out", err = dir.path() + "/err";
  std::string cmd = std::string("'") + DYAD_BINARY + "' code -q --input-format jsonl " + args + " < '" + in + "' > '" +
                    out + "' 2> '" + err + "'";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::read_file(out), testing::read_file(err)};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  return lines;
}

// The samples, and the samples again under other ids with their order reversed (so that an
// article's neighbours differ from one piece to another).
std::vector<std::string> articles() {
  std::vector<std::string> a = lines_of(testing::read_file(testing::source_path("data/samples/articles.jsonl")));
  std::vector<std::string> again(a.rbegin(), a.rend());
  for (std::string& line : again) {
    size_t id = line.find("\"id\": \"");
    EXPECT_NE(id, std::string::npos);
    line.insert(id + 7, "again-");
  }
  a.insert(a.end(), again.begin(), again.end());
  return a;
}

class StreamingTest : public ::testing::TestWithParam<std::string> {};

TEST_P(StreamingTest, FourPiecesCodedApartConcatenateToTheWhole) {
  std::vector<std::string> all = articles();
  std::string whole;
  for (const std::string& a : all) whole += a;
  Result one = code_stdin(whole, GetParam());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_GT(lines_of(one.out).size(), 200u);
  // Four pieces of unequal sizes, cut at line boundaries.
  std::vector<size_t> cuts = {0, 5, 19, 33, all.size()};
  std::string joined;
  for (size_t p = 0; p + 1 < cuts.size(); ++p) {
    std::string piece;
    for (size_t i = cuts[p]; i < cuts[p + 1]; ++i) piece += all[i];
    Result r = code_stdin(piece, GetParam());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    joined += r.out;
  }
  EXPECT_TRUE(joined == one.out) << "the pieces' output differs from the whole's (" << joined.size() << " vs "
                                 << one.out.size() << " bytes)";
}

TEST_P(StreamingTest, AnArticlesEventsDoNotDependOnItsNeighbours) {
  // Every fourth article in a piece (round robin): each article's lines as in the whole.
  std::vector<std::string> all = articles();
  std::string whole;
  for (const std::string& a : all) whole += a;
  Result one = code_stdin(whole, GetParam());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  std::string pieces_out;
  for (size_t p = 0; p < 4; ++p) {
    std::string piece;
    for (size_t i = p; i < all.size(); i += 4) piece += all[i];
    Result r = code_stdin(piece, GetParam());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    pieces_out += r.out;
  }
  std::vector<std::string> a = lines_of(one.out), b = lines_of(pieces_out);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a.size(), b.size());
  EXPECT_TRUE(a == b) << "some lines differ when the articles are coded beside other articles";
}

INSTANTIATE_TEST_SUITE_P(Formats, StreamingTest,
                         ::testing::Values("", "--threads 2", "--format gdelt", "--format plover"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param.empty() ? "jsonl" : info.param;
                           std::string out;
                           for (char c : n) if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(c);
                           return out;
                         });

}  // namespace
}  // namespace dyad
