#include "aepflow/http/retry.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <random>
#include <string>
#include <thread>

#include "aepflow/http/http_pipeline.hpp"
#include "aepflow/http/service_clock.hpp"

namespace aepflow {

namespace {
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);
}  // namespace

void request_interrupt() noexcept {
  g_interrupted.store(true, std::memory_order_relaxed);
}
bool interrupt_requested() noexcept {
  return g_interrupted.load(std::memory_order_relaxed);
}
void clear_interrupt() noexcept {
  g_interrupted.store(false, std::memory_order_relaxed);
}

bool interruptible_sleep(std::chrono::milliseconds d) {
  using namespace std::chrono;
  const auto until = steady_clock::now() + d;
  while (!interrupt_requested()) {
    auto left = duration_cast<milliseconds>(until - steady_clock::now());
    if (left <= milliseconds(0)) return true;
    std::this_thread::sleep_for(std::min(left, milliseconds(25)));
  }
  return false;
}

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  while (!value.empty() && value.front() == ' ')
    value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ')
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return std::nullopt;  // over 30 years: not a real answer
    return milliseconds(std::stoll(std::string(value)) * 1000);
  }
  // IMF-fixdate, the only date form a current server sends: "Sun, 06 Nov 1994 08:49:37 GMT".
  const auto at = parse_http_date(std::string(value));
  if (!at) return std::nullopt;
  if (*at <= now) return milliseconds(0);
  return duration_cast<milliseconds>(*at - now);
}

bool is_repeatable(const Request& req) {
  switch (req.method) {
    case Method::get:
    case Method::put:
    case Method::delete_:
      return true;
    case Method::patch:
      return find_header(req.headers, "If-Match") != nullptr;
    case Method::post:
      return req.repeatable;
  }
  return false;
}

bool may_retry(const Request& req, const Result<Response>& outcome) {
  if (!outcome) {
    const Error& e = outcome.error();
    if (e.kind != ErrorKind::network) return false;
    return e.not_sent || is_repeatable(req);
  }
  const int status = outcome->status;
  if (status == 429) return true;
  if (status == 500 || status == 502 || status == 503 || status == 504) {
    if (is_repeatable(req)) return true;
    // A 503 with Retry-After is the service saying it did not take the request.
    return status == 503 && find_header(outcome->headers, "Retry-After") != nullptr;
  }
  return false;
}

std::chrono::milliseconds backoff_delay(int attempt, const RetryOptions& options, double draw) {
  double cap = static_cast<double>(options.base_delay.count()) *
               std::pow(2.0, static_cast<double>(std::max(0, attempt - 1)));
  cap = std::min(cap, static_cast<double>(options.max_delay.count()));
  draw = std::clamp(draw, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<long long>(cap * draw));
}

namespace {

using Next = std::function<Result<Response>(Request&)>;

std::string describe_outcome(const Result<Response>& outcome) {
  if (!outcome) return outcome.error().message;
  return "HTTP " + std::to_string(outcome->status);
}

class RetryPolicy final : public Policy {
 public:
  explicit RetryPolicy(RetryOptions o) : options_(std::move(o)) {
    if (!options_.sleep) options_.sleep = interruptible_sleep;
    if (!options_.now) options_.now = [] { return std::chrono::system_clock::now(); };
    if (!options_.random) {
      options_.random = [] {
        static thread_local std::mt19937_64 rng{std::random_device{}()};
        return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
      };
    }
    options_.max_attempts = std::max(1, options_.max_attempts);
  }

  Result<Response> send(Request& req, const Next& next) override {
    const auto start = options_.now();
    for (int attempt = 1;; ++attempt) {
      Request copy = req;  // each attempt starts from the request as the caller built it
      auto outcome = next(copy);
      if (outcome) outcome->attempts = attempt;
      if (attempt >= options_.max_attempts || !may_retry(req, outcome)) return outcome;
      std::chrono::milliseconds wait = backoff_delay(attempt, options_, options_.random());
      if (outcome) {
        if (const auto* ra = find_header(outcome->headers, "Retry-After")) {
          if (auto asked = parse_retry_after(*ra, options_.now())) wait = *asked;
        }
      }
      const auto elapsed =
          std::chrono::duration_cast<std::chrono::milliseconds>(options_.now() - start);
      if (elapsed + wait > options_.max_elapsed) {
        log("not retrying " + std::string(to_string(req.method)) + " " + req.path + " after " +
            describe_outcome(outcome) + ": waiting " + std::to_string(wait.count()) +
            " ms would pass the retry time limit");
        return outcome;
      }
      log("retrying " + std::string(to_string(req.method)) + " " + req.path + " in " +
          std::to_string(wait.count()) + " ms after " + describe_outcome(outcome) + " (attempt " +
          std::to_string(attempt + 1) + " of " + std::to_string(options_.max_attempts) + ")");
      if (!options_.sleep(wait)) return fail(ErrorKind::interrupted, "interrupted");
    }
  }

 private:
  void log(const std::string& line) {
    if (options_.log && options_.log->enabled(LogLevel::info)) {
      options_.log->write(LogLevel::info, line);
    }
  }

  RetryOptions options_;
};

}  // namespace

std::unique_ptr<Policy> make_retry_policy(RetryOptions options) {
  return std::make_unique<RetryPolicy>(std::move(options));
}

}  // namespace aepflow
