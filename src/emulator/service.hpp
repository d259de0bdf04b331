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
  std::set<std::string> access_tokens{"emulator-token"};  // accepted forever
  std::set<std::string> api_keys{"emulator-api-key"};     // client IDs are accepted too
  std::set<std::string> sandboxes{"prod", "dev"};
  int patch_status = 200;  // 202: answer PATCH /flows/{id} as the tutorial describes
  // OAuth server-to-server clients (client ID -> secret) the IMS endpoint issues tokens to.
  std::map<std::string, std::string> clients{{"emulator-client", "emulator-client-secret"}};
  std::chrono::seconds token_ttl{86400};
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

// A fault the emulator injects into matching requests, for tests of recovery paths.
struct Fault {
  std::string method;       // "PATCH"; empty: any
  std::string path_prefix;  // "/flows/"; empty: any
  // "status": answer `status` with the service's body for it, doing nothing else.
  // "touch": change the addressed entity's etag first, as a concurrent writer would, then handle
  //          the request normally (a PATCH carrying the old etag then gets a genuine 412).
  std::string action = "status";
  int status = 500;
  int times = 1;  // how many matching requests it affects
};

struct Stats {
  long requests = 0;
  long reads = 0;
  long writes = 0;          // POST, PATCH, PUT, DELETE that passed the header checks
  long token_requests = 0;  // POST /ims/token/v3, answered or refused
  long tokens = 0;          // access tokens issued
};

class Service {
 public:
  Service(Options options, std::function<std::chrono::system_clock::time_point()> clock);
  ~Service();

  Response handle(const Request& req);
  Stats stats() const;
  void reset();
  // Makes every issued access token invalid, as if IMS had revoked them (tests of the 401 path).
  void revoke_tokens();
  void add_fault(Fault f);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace emulator
