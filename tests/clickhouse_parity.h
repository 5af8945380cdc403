#pragma once
// The parity set of the ClickHouse tests: what `dyad query` and `dyad series` must answer
// alike from the SQLite store and from ClickHouse, and the helpers that run and compare them.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace dyad::clickhouse_parity {

struct Result {
  int exit_code = -1;
  std::string out, err;
};

// Runs `dyad ARGS` through the shell.
inline Result dyad(const std::string& args) {
  testing::TempDir dir;
  std::string out = dir.path() + "/out", err = dir.path() + "/err";
  std::string cmd = std::string("'") + DYAD_BINARY + "' " + args + " > '" + out + "' 2> '" + err + "'";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::read_file(out), testing::read_file(err)};
}

inline std::string sq(const std::string& s) {
  std::string q = "'";
  q += s;
  q += "'";
  return q;
}

inline std::string samples_path() { return testing::source_path("data/samples/articles.jsonl"); }

// The parity set: what `dyad query` and `dyad series` must answer alike from either store.
// Event lists are compared without `store_id` (each store numbers its events its own way).
inline const std::vector<std::string> kParityQueries = {
    "query --limit 0 --format csv",
    "query --limit 0 --format jsonl",
    "query --limit 25",
    "query --from 2019-01-01 --to 2019-03-31 --country USA --limit 0 --format csv",
    "query --from 2024-01-01 --country LBY --format csv",
    "query --actor IGOUNO --limit 0 --format csv",
    "query --source USA --target-country CHN --limit 0 --format csv",
    "query --cameo 19 --quad 4 --limit 50 --format csv",
    "query --plover ASSAULT --location-country LBY --limit 0 --format csv",
    "query --location-country FRA --limit 40 --format csv",
    "query --location Tripoli --limit 0 --format csv",
    "query --location France --limit 30 --format csv",
    "query --text talks --limit 0 --format csv",
    "query --text consult --limit 60 --format csv",
    "query --source-country RUS --target GBR --limit 0 --format jsonl",
    "series --by month",
    "series --country USA --by month --from 2014-01-01 --to 2024-12-31",
    "series --dyad USA,CHN --by week",
    "series --plover PROTEST --by day --from 2020-01-01 --to 2020-03-31 --format json",
    "series --country IGOUNO --by month --format json",
    "series --country LBY --by day",
};

inline std::string without_store_ids(const std::string& out) {
  std::string s;
  s.reserve(out.size());
  // JSON Lines: "store_id":N, dropped.
  const std::string key = "\"store_id\":";
  for (size_t i = 0; i < out.size();) {
    size_t at = out.find(key, i);
    if (at == std::string::npos) {
      s.append(out, i, std::string::npos);
      break;
    }
    s.append(out, i, at - i);
    size_t j = at + key.size();
    while (j < out.size() && std::isdigit(static_cast<unsigned char>(out[j]))) ++j;
    if (j < out.size() && out[j] == ',') ++j;
    i = j;
  }
  if (s.rfind("store_id,", 0) != 0) return s;
  // CSV: the first column dropped.
  std::istringstream in(s);
  std::string line, result;
  while (std::getline(in, line)) {
    result += line.substr(line.find(',') + 1);
    result += '\n';
  }
  return result;
}

// Every query of the parity set gives the same output from the SQLite file and ClickHouse.
inline void expect_parity(const std::string& db, const std::string& sink, const std::string& what,
                          const std::vector<std::string>& queries = kParityQueries) {
  int non_empty = 0;
  for (const std::string& q : queries) {
    Result a = dyad(q + " --db " + sq(db));
    Result b = dyad(q + " --sink " + sq(sink));
    ASSERT_EQ(a.exit_code, 0) << q << "\n" << a.err;
    ASSERT_EQ(b.exit_code, 0) << q << "\n" << b.err;
    EXPECT_EQ(without_store_ids(a.out), without_store_ids(b.out)) << what << ": dyad " << q;
    non_empty += std::count(a.out.begin(), a.out.end(), '\n') > 2;
  }
  EXPECT_GE(non_empty, 8) << what << ": too few queries find anything to compare";
}

}  // namespace dyad::clickhouse_parity
