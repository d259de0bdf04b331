#include "http_front.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <iostream>
#include <memory>
#include <thread>

#include "faults.hpp"
#include "service.hpp"
#include "util.hpp"

namespace emulator {

namespace {

// The query of a raw request target, each pair split at its first '='.
std::multimap<std::string, std::string> parse_query(const std::string& target) {
  std::multimap<std::string, std::string> out;
  auto q = target.find('?');
  if (q == std::string::npos) return out;
  const std::string query = target.substr(q + 1);
  std::size_t start = 0;
  while (start <= query.size()) {
    auto amp = query.find('&', start);
    std::string pair =
        query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      // As the servlet containers behind Adobe's APIs read a query: '+' is a space ("+name"
      // sorts ascending all the same), %2B a plus.
      std::replace(pair.begin(), pair.end(), '+', ' ');
      out.emplace(percent_decode(pair.substr(0, eq)),
                  eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1)));
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

Request to_request(const httplib::Request& h, std::string body) {
  Request r;
  r.method = h.method;
  r.path = h.path;
  r.query = parse_query(h.target);
  for (const auto& [k, v] : h.headers) {
    std::string name = k;
    for (auto& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = v;
  }
  r.body = std::move(body);
  return r;
}

// An HTTP date (RFC 9110, IMF-fixdate): "Sun, 29 Nov 2026 07:30:00 GMT".
std::string http_date(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return text;
}

// The admin API: stats, faults, token revocation, reset. True when it answered.
bool admin(const httplib::Request& h, const std::string& body, httplib::Response& res,
           Service& service, std::atomic<int>& max_in_flight) {
  if (!h.path.starts_with("/__emulator/")) return false;
  if (h.path == "/__emulator/stats") {
    auto s = service.stats();
    nlohmann::json stats = {{"requests", s.requests},
                            {"reads", s.reads},
                            {"writes", s.writes},
                            {"tokenRequests", s.token_requests},
                            {"tokens", s.tokens},
                            {"faults", s.faults},
                            {"throttled", s.throttled},
                            {"runs", s.runs},
                            {"maxInFlight", max_in_flight.load()}};
    res.set_content(stats.dump(), "application/json");
  } else if (h.path == "/__emulator/faults" && h.method == "DELETE") {
    service.clear_faults();
    res.status = 204;
  } else if (h.path == "/__emulator/faults" && h.method == "POST") {
    std::string error;
    auto f = parse_fault_json(nlohmann::json::parse(body, nullptr, false), error);
    if (!f) {
      res.status = 400;
      res.set_content(nlohmann::json{{"message", error}}.dump(), "application/json");
      return true;
    }
    service.add_fault(std::move(*f));
    res.status = 204;
  } else if (h.path.starts_with("/__emulator/stored/") && h.method == "GET") {
    // /__emulator/stored/SANDBOX/COLLECTION/ID
    std::vector<std::string> parts;
    std::string rest = h.path.substr(std::string_view("/__emulator/stored/").size());
    for (std::size_t at; (at = rest.find('/')) != std::string::npos; rest.erase(0, at + 1))
      parts.push_back(rest.substr(0, at));
    parts.push_back(rest);
    auto found = parts.size() == 3 ? service.stored(parts[0], parts[1], parts[2]) : std::nullopt;
    res.status = found ? 200 : 404;
    if (found) res.set_content(found->dump(), "application/json");
  } else if (h.path == "/__emulator/revoke-tokens" && h.method == "POST") {
    service.revoke_tokens();
    res.status = 204;
  } else if (h.path == "/__emulator/reset" && h.method == "POST") {
    service.reset();
    max_in_flight = 0;
    res.status = 204;
  } else {
    res.status = 404;
  }
  return true;
}

}  // namespace

void install_routes(httplib::Server& server, Service& service, const FrontOptions& options) {
  // Requests being handled at this moment, and the most there have been at once: how much a
  // client overlaps its requests.
  auto in_flight = std::make_shared<std::atomic<int>>(0);
  auto max_in_flight = std::make_shared<std::atomic<int>>(0);
  auto handle = [&service, options, in_flight, max_in_flight](
                    const httplib::Request& h, httplib::Response& res, std::string body) {
    if (admin(h, body, res, service, *max_in_flight)) return;
    const int now = ++*in_flight;
    for (int seen = max_in_flight->load();
         now > seen && !max_in_flight->compare_exchange_weak(seen, now);) {
    }
    struct Leave {
      std::atomic<int>& n;
      ~Leave() { --n; }
    } leave{*in_flight};
    auto r = service.handle(to_request(h, std::move(body)));
    if (r.delay.count() > 0) std::this_thread::sleep_for(r.delay);
    res.status = r.status;
    res.set_header(
        "Date",
        http_date(std::chrono::system_clock::now() +
                  std::chrono::milliseconds(static_cast<long long>(options.clock_offset * 1000))));
    for (const auto& [k, v] : r.headers) {
      if (k != "Content-Type") res.set_header(k, v);
    }
    auto ct = r.headers.find("Content-Type");
    const std::string type = ct == r.headers.end() ? "application/json" : ct->second;
    if (r.delivery == Response::Delivery::drop) {
      // Promise a body and close the connection before sending it: the client sees a transfer
      // cut off, and cannot tell whether the work was done.
      res.set_content_provider(std::max<std::size_t>(r.body.size(), 64), type,
                               [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
    } else if (!r.body.empty()) {
      if (r.delivery == Response::Delivery::truncate) r.body.resize(r.body.size() / 2);
      res.set_content(r.body, type);
    }
    if (options.log) std::cerr << h.method << ' ' << h.target << ' ' << r.status << '\n';
  };
  // With a content reader, the handler runs before the body is read: a request that announces
  // no body (no Content-Length, not chunked) is answered without waiting for one.
  auto with_body = [handle](const httplib::Request& h, httplib::Response& res,
                            const httplib::ContentReader& reader) {
    std::string body;
    if (h.has_header("Content-Length") || h.get_header_value("Transfer-Encoding") == "chunked") {
      reader([&](const char* data, std::size_t n) {
        body.append(data, n);
        return true;
      });
    }
    handle(h, res, std::move(body));
  };
  const char* any = R"(.*)";
  server.Get(
      any, [handle](const httplib::Request& h, httplib::Response& res) { handle(h, res, h.body); });
  server.Post(any, with_body);
  server.Patch(any, with_body);
  server.Put(any, with_body);
  server.Delete(any, with_body);
}

}  // namespace emulator
