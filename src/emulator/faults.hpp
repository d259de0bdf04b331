#pragma once
// Faults the emulator injects, for tests of every recovery path: chosen per request by method,
// path pattern and rate, from a seeded generator so a run can be repeated.

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace emulator {

enum class FaultAction {
  status,       // answer `status` (with Retry-After for 429 and 503) without doing anything
  touch,        // change the addressed entity's etag first, as a concurrent writer would
  latency,      // wait `latency` before answering, then answer normally
  drop_before,  // close the connection mid-answer without doing anything
  drop_after,   // do the work, then close the connection mid-answer
  truncate,     // do the work, then send only the first half of the body (framing intact)
};

struct Fault {
  std::string method;      // "PATCH"; empty: any
  std::string path = "*";  // glob on the path without the base path: "/flows*", "*/action"
  FaultAction action = FaultAction::status;
  int status = 500;
  int retry_after = 1;  // seconds, sent with 429 and 503; negative: no header
  std::chrono::milliseconds latency{200};
  double rate = 1.0;  // chance that a matching request is affected
  long times = -1;    // how many requests it affects; negative: no limit
  long skip = 0;      // matching requests let through before it starts
};

// What a fault does to one request.
struct Injection {
  FaultAction action = FaultAction::status;
  int status = 500;
  int retry_after = -1;
  std::chrono::milliseconds latency{0};
};

// Parses "action=status,status=503,rate=0.2,method=POST,path=/flows*" (flags) or the same keys as
// a JSON object (the admin endpoint). `action` also accepts a status alone: "429".
std::optional<Fault> parse_fault(const std::string& spec, std::string& error);
std::optional<Fault> parse_fault_json(const nlohmann::json& spec, std::string& error);

bool glob_match(std::string_view pattern, std::string_view text);

struct Response;

// The answer of a fault that does no work (a status, or a connection dropped before the work).
Response injected_response(const Injection& in, const std::string& request_id);
// How an answer is delivered under a fault: delayed, dropped or cut short.
void apply_delivery(const Injection& in, Response& r);

class FaultPlan {
 public:
  explicit FaultPlan(std::uint64_t seed) : rng_(seed) {}
  void add(Fault f) { faults_.push_back(std::move(f)); }
  void clear() { faults_.clear(); }
  // Every kind of fault, each equally likely, on `rate` of all requests (the soak test's mix).
  void add_chaos(double rate, int retry_after);
  // The first matching fault that fires for this request, if any.
  std::optional<Injection> pick(const std::string& method, const std::string& path);
  long injected() const { return injected_; }

 private:
  std::vector<Fault> faults_;
  std::mt19937_64 rng_;
  long injected_ = 0;
};

}  // namespace emulator
