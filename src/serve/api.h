#pragma once
// The JSON (and CSV) API of dyad serve over the store (docs/serve.md, Endpoints), apart from
// HTTP: a path and its decoded query parameters in, a status, content type and body out.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "serve/params.h"
#include "serve/store_pool.h"

namespace dyad::serve {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ApiLimits {
  std::chrono::steady_clock::duration query_budget = std::chrono::seconds(2);
  uint64_t max_page_size = 500;
  uint64_t max_csv_rows = 100000;
  uint64_t max_reports = 200;
  size_t max_periods = 2000;
  uint64_t max_top = 200;
  uint64_t max_places = 10000;
};

class Api {
 public:
  Api(StorePool& pool, ApiLimits limits) : pool_(pool), limits_(limits) {}
  // `path` starts with /api/. Answers 400 (a bad parameter), 404 (no such endpoint or event),
  // 503 (past the time budget), 500 (the store failed).
  ApiResponse get(std::string_view path, const QueryParams& params);

 private:
  ApiResponse route(std::string_view path, const QueryParams& params, EventQueries& store);
  ApiResponse status(const QueryParams& params, EventQueries& store);
  ApiResponse events(const QueryParams& params, EventQueries& store);
  ApiResponse evidence(std::string_view id, const QueryParams& params, EventQueries& store);
  ApiResponse events_csv(const QueryParams& params, EventQueries& store);
  ApiResponse series(const QueryParams& params, EventQueries& store);
  ApiResponse timeline(const QueryParams& params, EventQueries& store);
  ApiResponse top_actors(const QueryParams& params, EventQueries& store);
  ApiResponse top_dyads(const QueryParams& params, EventQueries& store);
  ApiResponse places(const QueryParams& params, EventQueries& store);

  StorePool& pool_;
  ApiLimits limits_;
};

}  // namespace dyad::serve
