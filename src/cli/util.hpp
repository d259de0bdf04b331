#pragma once
// Small text helpers shared by the commands.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace aepflow::cli {

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

// A string member, or "" when absent or not a string.
std::string text_of(const nlohmann::json& j, std::string_view key);

bool icontains(std::string_view haystack, std::string_view needle);

}  // namespace aepflow::cli

namespace aepflow::cli {

// "2026-11-28T21:38:00Z"
std::string format_utc(std::int64_t epoch_seconds);

}  // namespace aepflow::cli
