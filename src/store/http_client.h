#pragma once
// A small HTTP/1.1 client for the ClickHouse HTTP interface (cpp-httplib underneath): POST a
// body, get the status and the response, or stream the response to a callback. A connection
// that cannot be made or breaks is an HttpError naming the server; an HTTP status other than
// 200 is returned with the server's message as the body.
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dyad {

struct HttpError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct HttpResponse {
  int status = 0;
  std::string body;
};

class HttpClient {
 public:
  // Timeouts in seconds: to connect, and to wait for bytes to read or write.
  HttpClient(std::string host, int port, double connect_timeout = 5, double io_timeout = 600);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // POST `body` to `target` (path and query string). Throws HttpError when no response came.
  HttpResponse post(const std::string& target, std::string_view body);
  // The same, a 200 response's body given to `chunk` as it arrives (other statuses: collected
  // into the returned body). `chunk` returning false stops the transfer (an HttpError).
  HttpResponse post(const std::string& target, std::string_view body,
                    const std::function<bool(std::string_view)>& chunk);

  // "HOST:PORT", for messages.
  std::string address() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The query string's escaping of a value (RFC 3986 unreserved characters kept).
std::string url_encode(std::string_view s);

}  // namespace dyad
