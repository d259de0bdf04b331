#pragma once
// Small text helpers shared by the commands.

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow::cli {

bool icontains(std::string_view haystack, std::string_view needle);

}  // namespace aepflow::cli

namespace aepflow::cli {

// "2026-11-28T21:38:00Z"
std::string format_utc(std::int64_t epoch_seconds);

// "2026-11-28": the UTC date of `now`.
std::string today_utc(std::chrono::system_clock::time_point now);

// "90s", "15m", "2h", "7d", or a bare number of seconds; nullopt when not a duration.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);
// "1h02m", "4m05s", "12s", "850ms".
std::string format_duration(std::chrono::milliseconds d);
// "2026-11-28" (midnight UTC) or "2026-11-28T12:30:00Z" as epoch milliseconds; nullopt otherwise.
std::optional<std::int64_t> parse_utc_ms(std::string_view text);

}  // namespace aepflow::cli
