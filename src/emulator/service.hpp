#pragma once
// The emulated Flow Service, independent of any HTTP library: a request value in, a response
// value out. Behaves as FLOW-SERVICE-API.md describes the real service: header checks, sandbox
// isolation, list envelopes, {items:[...]} on GET by ID, etags with embedded quotes, JSON Patch
// with If-Match, and the request validation the service performs. Beside it, the Platform APIs
// a destination's mapping set is built with: Data Prep's conversion service
// (conversion_service.hpp), the profile union schema and the identity namespaces
// (platform_reads.hpp).

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "faults.hpp"
#include "runs.hpp"

namespace emulator {

struct Options {
  std::set<std::string> access_tokens{"emulator-token"};  // accepted forever
  std::set<std::string> api_keys{"emulator-api-key"};     // client IDs are accepted too
  std::set<std::string> sandboxes{"prod", "dev"};
  int patch_status = 200;  // 202: answer PATCH /flows/{id} as the tutorial describes
  // OAuth server-to-server clients (client ID -> secret) the IMS endpoint issues tokens to.
  std::map<std::string, std::string> clients{{"emulator-client", "emulator-client-secret"}};
  std::chrono::seconds token_ttl{86400};
  std::optional<std::uint64_t> seed;  // for faults and runs; none: a random one
  std::vector<Fault> faults;
  double chaos_rate = 0;      // every kind of fault on this share of requests
  int chaos_retry_after = 1;  // seconds, on the 429s and 503s of the chaos mix
  double rate_limit = 0;      // requests per second per API key; 0: unlimited
  RunOptions runs;
  int seed_flows = 0;      // destination flows created at start, for listing at scale
  int seed_datasets = 24;  // exportable datasets the Data Lake configs list
  std::string seed_sandbox = "prod";
};

struct Request {
  std::string method;
  std::string path;  // as sent: /data/foundation/flowservice/flows, /ims/token/v3
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct Response {
  int status = 200;
  std::string body;  // empty: no body
  std::map<std::string, std::string> headers;
  // How the HTTP layer delivers it: as is, cut off mid-answer (connection closed), or with only
  // the first half of the body; after waiting `delay`.
  enum class Delivery { normal, drop, truncate } delivery = Delivery::normal;
  std::chrono::milliseconds delay{0};
};

struct Stats {
  long requests = 0;
  long reads = 0;
  long writes = 0;          // POST, PATCH, PUT, DELETE that passed the header checks
  long token_requests = 0;  // POST /ims/token/v3, answered or refused
  long tokens = 0;          // access tokens issued
  long faults = 0;          // requests a fault was injected into
  long throttled = 0;       // requests refused by the rate limit
  long runs = 0;            // dataflow runs started
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
  void clear_faults();
  // An object as stored, secrets unmasked: what a test checks a write did (the admin API only).
  std::optional<nlohmann::json> stored(const std::string& sandbox, const std::string& collection,
                                       const std::string& id) const;

 private:
  Response route(const Request& req);
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace emulator
