#include "app/util.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

namespace aepflow::cli {

bool icontains(std::string_view haystack, std::string_view needle) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != haystack.end();
}

}  // namespace aepflow::cli

namespace aepflow::cli {

std::string format_utc(std::int64_t epoch_seconds) {
  std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string today_utc(std::chrono::system_clock::time_point now) {
  return format_utc(std::chrono::system_clock::to_time_t(now)).substr(0, 10);
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
    ++digits;
  if (digits == 0 || digits > 9) return std::nullopt;
  const long long n = std::stoll(std::string(text.substr(0, digits)));
  const std::string_view unit = text.substr(digits);
  long long seconds_per = 0;
  if (unit.empty() || unit == "s") {
    seconds_per = 1;
  } else if (unit == "ms") {
    return std::chrono::milliseconds(n);
  } else if (unit == "m") {
    seconds_per = 60;
  } else if (unit == "h") {
    seconds_per = 3600;
  } else if (unit == "d") {
    seconds_per = 86400;
  } else {
    return std::nullopt;
  }
  return std::chrono::milliseconds(n * seconds_per * 1000);
}

std::string format_duration(std::chrono::milliseconds d) {
  const long long ms = d.count();
  if (ms < 1000) return std::to_string(ms) + "ms";
  const long long s = ms / 1000;
  char buf[48];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%llds", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%lldm%02llds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", s / 3600, (s % 3600) / 60);
  }
  return buf;
}

std::optional<std::int64_t> parse_utc_ms(std::string_view text) {
  std::tm tm{};
  std::string s(text);
  const char* end = nullptr;
  if (s.size() == 10) {
    end = strptime(s.c_str(), "%Y-%m-%d", &tm);
  } else {
    end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  }
  if (!end || *end != '\0') return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm)) * 1000;
}

}  // namespace aepflow::cli
