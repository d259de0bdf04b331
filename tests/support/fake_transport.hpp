#pragma once
// A Transport for tests: records every request and answers from stubs registered in order.
// A request no stub matches fails the test (but for a look-up by name, answered with nothing);
// so does a stub that was never used.

#include <catch2/catch.hpp>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "aepflow/http/http.hpp"

namespace test {

struct Sent {
  aepflow::Request request;
  std::string url;
};

class FakeTransport final : public aepflow::Transport {
 public:
  // Answers the next request with this method and path (the path before any '?').
  FakeTransport& on(aepflow::Method method, std::string path, int status, std::string body = "",
                    aepflow::Headers headers = {{"Content-Type", "application/json"}}) {
    stubs_.push_back({method, std::move(path), {status, std::move(headers), std::move(body)}, {}});
    return *this;
  }
  // Fails the next request with this method and path without an HTTP answer.
  // `not_sent`: the failure provably happened before the request left (connection refused).
  FakeTransport& fail(aepflow::Method method, std::string path, aepflow::ErrorKind kind,
                      std::string message, bool not_sent = false) {
    aepflow::Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.not_sent = not_sent;
    stubs_.push_back({method, std::move(path), {}, e});
    return *this;
  }

  // Repeats the stub registered last, so it answers `n` requests in all (retries see the same).
  FakeTransport& times(int n) {
    for (int i = 1; i < n; ++i)
      stubs_.push_back(stubs_.back());
    return *this;
  }

  aepflow::Result<aepflow::Response> send(const aepflow::Request& req,
                                          const std::string& url) override {
    std::string path = req.path.substr(0, req.path.find('?'));
    for (auto it = stubs_.begin(); it != stubs_.end(); ++it) {
      if (it->method == req.method && it->path == path) {
        sent.push_back({req, url});
        Stub s = std::move(*it);
        stubs_.erase(it);
        if (s.error) return std::unexpected(*s.error);
        return s.response;
      }
    }
    // The look-up by name every create makes first, when no stub answers it: nothing of that
    // name. Kept apart from `sent`, which the tests of what a command sends go through.
    if (req.method == aepflow::Method::get && req.query.size() == 1 &&
        req.query.front().first == "property" && req.query.front().second.starts_with("name==")) {
      lookups.push_back({req, url});
      return aepflow::Response{200, {{"Content-Type", "application/json"}}, R"({"items":[]})"};
    }
    sent.push_back({req, url});
    FAIL_CHECK("unexpected request: " << aepflow::to_string(req.method) << " " << req.path);
    return std::unexpected(aepflow::Error{aepflow::ErrorKind::internal, 0, "", "",
                                          "no stub for this request", "", "", ""});
  }

  ~FakeTransport() override {
    for (const auto& s : stubs_) {
      FAIL_CHECK("stub never used: " << aepflow::to_string(s.method) << " " << s.path);
    }
  }

  std::vector<Sent> sent;
  std::vector<Sent> lookups;  // name look-ups answered with nothing, no stub asked for

 private:
  struct Stub {
    aepflow::Method method;
    std::string path;
    aepflow::Response response;
    std::optional<aepflow::Error> error;
  };
  std::deque<Stub> stubs_;
};

}  // namespace test
