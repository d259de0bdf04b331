#pragma once
// Small text helpers shared by the commands.

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
