#include "aepflow/http/service_clock.hpp"

#include <ctime>

namespace aepflow {

std::optional<std::chrono::system_clock::time_point> parse_http_date(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

void ServiceClock::observe(const Headers& headers, time_point arrived) {
  const std::string* date = find_header(headers, "Date");
  if (!date) return;
  auto stamped = parse_http_date(*date);
  if (!stamped) return;
  const auto offset = std::chrono::duration_cast<std::chrono::milliseconds>(*stamped - arrived);
  std::lock_guard lock(mutex_);
  if (!offset_ || offset > *offset_) offset_ = offset;
}

std::optional<ServiceClock::time_point> ServiceClock::at_least(time_point local) const {
  std::lock_guard lock(mutex_);
  if (!offset_) return std::nullopt;
  return local + *offset_;
}

}  // namespace aepflow
