#pragma once
// The parity set of the ClickHouse tests: what `dyad query` and `dyad series` must answer
// alike from the SQLite store and from ClickHouse, and the helpers that run and compare them.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "serve/api.h"
#include "store/sqlite.h"
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
    "query --text Bogota --limit 0 --format csv",           // "Bogotá": diacritics folded
    "query --text 'DURRËS' --limit 0 --format csv",          // either way, any case
    "query --text 'SAO paulo' --limit 0 --format csv",
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

// The API requests of the parity set: what `dyad serve` must answer alike over either store
// (event ids aside), besides each event's evidence.
inline const std::vector<std::string> kApiParityPaths = {
    "/api/status",
    "/api/events",
    "/api/events?page=2&page_size=20&sort=-date",
    "/api/events?country=LBY&sort=-mentions",
    "/api/events?actor=USA&sort=goldstein&page_size=100",
    "/api/events?text=talks",
    "/api/events?location_country=FRA&sort=-goldstein",
    "/api/events?location=Tripoli",
    "/api/events?from=2019-01-01&to=2019-12-31&quad=4",
    "/api/events.csv?country=USA",
    "/api/events.csv?plover=CONSULT&sort=mentions",
    "/api/series?by=month",
    "/api/series?country=USA&by=week&from=2024-01-01&to=2024-12-31",
    "/api/series?dyad=USA,CHN&by=day&from=2019-01-01&to=2019-06-30",
    "/api/timeline?by=month",
    "/api/timeline?country=RUS&by=week",
    "/api/timeline?cameo=19&by=day&from=2024-01-01&to=2024-03-31",
    "/api/top/actors",
    "/api/top/actors?side=source&limit=50",
    "/api/top/actors?side=target&plover=ASSAULT",
    "/api/top/dyads?limit=100",
    "/api/top/dyads?country=CHN",
    "/api/places",
    "/api/places?quad=4",
    "/api/places?text=police&limit=10",
};

// `dyad serve`'s API answers each request of the parity set alike over the SQLite file and
// ClickHouse, and gives the same evidence for the first `events` events (each asked by its own
// store's id).
inline void expect_api_parity(const std::string& db, const std::string& sink, const std::string& what,
                              size_t events = 200) {
  serve::StorePool sqlite_pool(db, "", 1), clickhouse_pool(sink, "", 1);
  serve::ApiLimits limits;
  limits.query_budget = std::chrono::seconds(60);
  serve::Api sqlite(sqlite_pool, limits), clickhouse(clickhouse_pool, limits);
  auto get = [](serve::Api& api, const std::string& request) {
    size_t q = request.find('?');
    serve::QueryParams params;
    if (q != std::string::npos) {
      std::istringstream in(request.substr(q + 1));
      for (std::string pair; std::getline(in, pair, '&');) {
        size_t eq = pair.find('=');
        params.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
      }
    }
    return api.get(request.substr(0, q), params);
  };
  int non_empty = 0;
  for (const std::string& path : kApiParityPaths) {
    serve::ApiResponse a = get(sqlite, path), b = get(clickhouse, path);
    ASSERT_EQ(a.status, 200) << path << "\n" << a.body;
    ASSERT_EQ(b.status, 200) << path << "\n" << b.body;
    EXPECT_EQ(without_store_ids(a.body), without_store_ids(b.body)) << what << ": GET " << path;
    EXPECT_EQ(a.headers, b.headers) << what << ": GET " << path;
    non_empty += a.body.size() > 200;
  }
  EXPECT_GE(non_empty, 15) << what << ": too few requests find anything to compare";

  // Evidence, by each store's own ids of the same events (the lists are in the same order).
  auto ids = [&](serve::Api& api) {
    std::vector<std::string> out;
    std::string body = get(api, "/api/events?page_size=500").body;
    const std::string key = "\"store_id\":";
    for (size_t at = body.find(key); at != std::string::npos && out.size() < events; at = body.find(key, at + 1)) {
      size_t begin = at + key.size(), end = begin;
      while (end < body.size() && std::isdigit(static_cast<unsigned char>(body[end]))) ++end;
      out.push_back(body.substr(begin, end - begin));
    }
    return out;
  };
  std::vector<std::string> a_ids = ids(sqlite), b_ids = ids(clickhouse);
  ASSERT_EQ(a_ids.size(), b_ids.size()) << what;
  EXPECT_GT(a_ids.size(), 0u) << what;
  for (size_t i = 0; i < a_ids.size(); ++i) {
    serve::ApiResponse a = get(sqlite, "/api/events/" + a_ids[i]), b = get(clickhouse, "/api/events/" + b_ids[i]);
    ASSERT_EQ(a.status, 200) << a.body;
    ASSERT_EQ(b.status, 200) << b.body;
    EXPECT_EQ(without_store_ids(a.body), without_store_ids(b.body))
        << what << ": the evidence of event " << i + 1 << " (" << a_ids[i] << " in SQLite, " << b_ids[i]
        << " in ClickHouse)";
  }
  // Ids that are no event's are not found in either (ClickHouse's ids below 2^20 are of no
  // article: article sequence numbers start at 1).
  EXPECT_EQ(get(sqlite, "/api/events/0").status, 404) << what;
  for (const char* id : {"0", "12345"})
    EXPECT_EQ(get(clickhouse, std::string("/api/events/") + id).status, 404) << what << ": " << id;
}

// The view `events` of a ClickHouse database (DATABASE.events) has the SQLite store's events:
// the country x month aggregate of scripts/bench-clickhouse, and the events of a few keys.
template <typename Sql>
inline void expect_events_view_parity(const std::string& db, Sql clickhouse_sql, const std::string& database,
                                      const std::string& what) {
  sql::Database sqlite(db, false, true);
  auto sqlite_tsv = [&](const std::string& query, int columns) {
    sql::Statement st = sqlite.prepare(query);
    std::string out;
    while (st.step()) {
      for (int i = 0; i < columns; ++i) {
        if (i) out += '\t';
        out += st.text(i);
      }
      out += '\n';
    }
    return out;
  };
  const std::string aggregate = "SELECT source_country, substr(date, 1, 7) AS month, count(*), sum(num_mentions), "
                                "sum(num_articles), sum(num_sources) FROM {} WHERE date != '' GROUP BY source_country, "
                                "month ORDER BY source_country, month";
  // ClickHouse's TSV escapes quotes and backslashes (names hold no tabs or newlines).
  auto unescaped = [](const std::string& tsv) {
    std::string out;
    for (size_t i = 0; i < tsv.size(); ++i) {
      if (tsv[i] == '\\' && i + 1 < tsv.size()) ++i;
      out.push_back(tsv[i]);
    }
    return out;
  };
  std::string a = sqlite_tsv(fmt::format(fmt::runtime(aggregate), "events"), 6);
  std::string b = unescaped(clickhouse_sql(fmt::format(fmt::runtime(aggregate), database + ".events") + " FORMAT TSV"));
  EXPECT_GT(std::count(a.begin(), a.end(), '\n'), 3) << what;
  EXPECT_EQ(a, b) << what << ": the country x month aggregate of the events view";
  const std::string rows = "SELECT date, source_code, target_code, cameo, root_code, quad_class, plover, "
                           "source_country, target_country, target_roles, num_mentions, num_articles, is_root, "
                           "location_name FROM {} ORDER BY date, source_code, target_code, cameo LIMIT 300";
  a = sqlite_tsv(fmt::format(fmt::runtime(rows), "events"), 14);
  b = unescaped(clickhouse_sql(fmt::format(fmt::runtime(rows), database + ".events") + " FORMAT TSV"));
  EXPECT_EQ(a, b) << what << ": the rows of the events view";
}

}  // namespace dyad::clickhouse_parity
