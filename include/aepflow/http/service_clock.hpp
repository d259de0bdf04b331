#pragma once
// The service's clock as its Date headers tell it. Each answer's Date (whole seconds, rounded
// down) was stamped before the answer arrived, so at any later local time t the service's clock
// reads at least Date + (t - arrival): a lower bound that holds however far the two clocks are
// apart, and grows sharper with every answer.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "aepflow/http/http.hpp"

namespace aepflow {

// An HTTP date ("Sun, 29 Nov 2026 07:30:00 GMT", IMF-fixdate) as a time; nullopt otherwise.
std::optional<std::chrono::system_clock::time_point> parse_http_date(const std::string& text);

class ServiceClock {
 public:
  using time_point = std::chrono::system_clock::time_point;
  // An answer's Date header, arrived at local time `arrived`.
  void observe(const Headers& headers, time_point arrived);
  // The earliest the service's clock can read at local time `local`; nullopt before any Date.
  std::optional<time_point> at_least(time_point local) const;

 private:
  mutable std::mutex mutex_;
  std::optional<std::chrono::milliseconds> offset_;  // service minus local, at least
};

}  // namespace aepflow
