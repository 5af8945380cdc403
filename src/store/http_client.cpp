#include "store/http_client.h"

#include <httplib.h>

#include <cmath>

namespace dyad {

struct HttpClient::Impl {
  std::string host;
  int port;
  httplib::Client client;
  Impl(std::string h, int p) : host(std::move(h)), port(p), client(host, port) {}
};

namespace {

void set_timeout(httplib::Client& c, double seconds, void (httplib::Client::*set)(time_t, time_t)) {
  double whole = std::floor(seconds);
  (c.*set)(static_cast<time_t>(whole), static_cast<time_t>((seconds - whole) * 1e6));
}

}  // namespace

HttpClient::HttpClient(std::string host, int port, double connect_timeout, double io_timeout)
    : impl_(std::make_unique<Impl>(std::move(host), port)) {
  httplib::Client& c = impl_->client;
  set_timeout(c, connect_timeout, &httplib::Client::set_connection_timeout);
  set_timeout(c, io_timeout, &httplib::Client::set_read_timeout);
  set_timeout(c, io_timeout, &httplib::Client::set_write_timeout);
  c.set_keep_alive(true);
}

HttpClient::~HttpClient() = default;

std::string HttpClient::address() const { return impl_->host + ":" + std::to_string(impl_->port); }

HttpResponse HttpClient::post(const std::string& target, std::string_view body) {
  return post(target, body, nullptr);
}

HttpResponse HttpClient::post(const std::string& target, std::string_view body,
                              const std::function<bool(std::string_view)>& chunk) {
  httplib::Request req;
  req.method = "POST";
  req.path = target;
  req.body.assign(body.data(), body.size());
  req.set_header("Content-Type", "text/plain; charset=utf-8");
  HttpResponse out;
  bool streaming = false;
  req.response_handler = [&](const httplib::Response& r) {
    out.status = r.status;
    streaming = chunk && r.status == 200;
    return true;
  };
  req.content_receiver = [&](const char* data, size_t n, uint64_t, uint64_t) {
    if (streaming) return chunk(std::string_view(data, n));
    out.body.append(data, n);
    return true;
  };
  httplib::Result res = impl_->client.send(req);
  if (!res) {
    httplib::Error e = res.error();
    std::string what = e == httplib::Error::Connection ? "cannot connect"
                       : e == httplib::Error::Read     ? "the connection broke while reading the response"
                       : e == httplib::Error::Write    ? "the connection broke while sending the request"
                       : e == httplib::Error::Canceled ? "the transfer was stopped"
                                                       : httplib::to_string(e);
    throw HttpError(address() + ": " + what);
  }
  out.status = res->status;
  return out;
}

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace dyad
