#pragma once
// The emulated Flow Service, independent of any HTTP library: a request value in, a response
// value out. Behaves as FLOW-SERVICE-API.md describes the real service: header checks, sandbox
// isolation, list envelopes, {items:[...]} on GET by ID, etags with embedded quotes, JSON Patch
// with If-Match, and the request validation the service performs.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace emulator {

struct Options {
  std::set<std::string> access_tokens{"emulator-token"};
  std::set<std::string> api_keys{"emulator-api-key"};
  std::set<std::string> sandboxes{"prod", "dev"};
  int patch_status = 200;  // 202: answer PATCH /flows/{id} as the tutorial describes
};

struct Request {
  std::string method;
  std::string path;  // without the /data/foundation/flowservice prefix
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct Response {
  int status = 200;
  std::string body;  // empty: no body
  std::map<std::string, std::string> headers;
};

struct Stats {
  long requests = 0;
  long reads = 0;
  long writes = 0;  // POST, PATCH, PUT, DELETE that passed the header checks
};

class Service {
 public:
  Service(Options options, std::function<std::chrono::system_clock::time_point()> clock);
  ~Service();

  Response handle(const Request& req);
  Stats stats() const;
  void reset();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace emulator
