#pragma once
// Sending again what is safe to send again, and stopping when asked to.
//
// The retry policy sits in the pipeline in front of auth, so every attempt carries a valid token.
// What it retries:
//   - 429, for any method: the service refused the request without doing anything;
//   - 500/502/503/504, timeouts and dropped connections, for requests that can be repeated with
//     the same effect: GET, PUT, DELETE, PATCH carrying If-Match (the etag makes a second
//     application fail with 412 instead of applying twice), and requests marked `repeatable`;
//   - for a POST that creates something, only what provably never reached the service
//     (connection refused, host not found, 429, 503 with Retry-After). After an ambiguous failure
//     the client looks the resource up before creating it again (FlowService::create).
// Waits are exponential with full jitter, or exactly what Retry-After asks (seconds or an HTTP
// date), bounded by a number of attempts and a total time.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "aepflow/http/http.hpp"
#include "aepflow/http/log.hpp"

namespace aepflow {

class Policy;  // pipeline.hpp

// Set by the CLI's SIGINT handler (async-signal-safe); waits and transfers in progress notice it
// and end with ErrorKind::interrupted.
void request_interrupt() noexcept;
bool interrupt_requested() noexcept;
void clear_interrupt() noexcept;

// Sleeps for `d`, waking early when an interrupt is requested. False when interrupted.
bool interruptible_sleep(std::chrono::milliseconds d);

struct RetryOptions {
  int max_attempts = 5;                            // including the first; 1 never retries
  std::chrono::milliseconds max_elapsed{120'000};  // no retry starts a wait that ends after this
  std::chrono::milliseconds base_delay{500};       // the first backoff's upper bound
  std::chrono::milliseconds max_delay{30'000};     // no backoff is longer (Retry-After may be)
  // Seams for tests. Defaults: interruptible_sleep, the system clock, a uniform [0, 1) draw.
  std::function<bool(std::chrono::milliseconds)> sleep;
  std::function<std::chrono::system_clock::time_point()> now;
  std::function<double()> random;
  LogSink* log = nullptr;
};

// Retry-After as delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT");
// nullopt when unreadable. A date in the past means "now" (zero).
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

// True when sending `req` twice has the same effect as sending it once.
bool is_repeatable(const Request& req);

// Whether `req` may be sent again after `outcome` (an answer or a transport failure).
bool may_retry(const Request& req, const Result<Response>& outcome);

// Full jitter: a uniform draw from [0, min(max_delay, base_delay * 2^(attempt-1))).
std::chrono::milliseconds backoff_delay(int attempt, const RetryOptions& options, double draw);

std::unique_ptr<Policy> make_retry_policy(RetryOptions options);

}  // namespace aepflow
