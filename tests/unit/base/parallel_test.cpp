// run_steps: independent steps at the same time, or one after another.
#include "aepflow/base/parallel.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

using aepflow::ErrorKind;
using aepflow::fail;
using aepflow::Result;
using aepflow::run_steps;
using aepflow::Step;

namespace {

// Each step that calls arrive() waits until `n` steps have arrived, for at most two seconds: it
// succeeds only when the steps run at the same time.
class Rendezvous {
 public:
  explicit Rendezvous(int n) : n_(n) {}
  Result<void> arrive() {
    std::unique_lock lock(mutex_);
    if (++arrived_ == n_) cv_.notify_all();
    if (!cv_.wait_for(lock, std::chrono::seconds(2), [this] { return arrived_ >= n_; })) {
      return fail(ErrorKind::internal, "ran alone");
    }
    return {};
  }

 private:
  int n_;
  int arrived_ = 0;
  std::mutex mutex_;
  std::condition_variable cv_;
};

}  // namespace

TEST_CASE("concurrent steps run at the same time", "[parallel]") {
  Rendezvous r(3);
  std::vector<Step> steps(3, [&r] { return r.arrive(); });
  CHECK(run_steps(steps, true).has_value());
}

TEST_CASE("steps run one after another stop at the first failure", "[parallel]") {
  std::vector<int> ran;
  std::vector<Step> steps{[&] {
                            ran.push_back(0);
                            return Result<void>{};
                          },
                          [&]() -> Result<void> {
                            ran.push_back(1);
                            return fail(ErrorKind::api, "second");
                          },
                          [&] {
                            ran.push_back(2);
                            return Result<void>{};
                          }};
  auto r = run_steps(steps, false);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "second");
  CHECK(ran == std::vector<int>{0, 1});
}

TEST_CASE("concurrent steps all run to the end, and the first failure in order is returned",
          "[parallel]") {
  std::atomic<int> ran{0};
  auto failing = [&ran](const char* what) {
    return [&ran, what]() -> Result<void> {
      ++ran;
      return fail(ErrorKind::api, what);
    };
  };
  auto ok = [&ran] {
    ++ran;
    return Result<void>{};
  };
  auto r = run_steps({ok, failing("second"), ok, failing("fourth")}, true);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "second");
  CHECK(ran == 4);
  CHECK(run_steps({ok, ok}, true).has_value());
  CHECK(run_steps({}, true).has_value());
}

TEST_CASE("an exception in a concurrent step reaches the caller", "[parallel]") {
  auto ok = [] { return Result<void>{}; };
  auto throws = []() -> Result<void> { throw std::runtime_error("boom"); };
  CHECK_THROWS_WITH(run_steps({ok, throws}, true), "boom");
}
