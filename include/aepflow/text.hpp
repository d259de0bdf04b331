#pragma once
// Small text helpers the library shares.

#include <string_view>

namespace aepflow {

// ASCII case-insensitive equality (header names, destination names).
bool iequals(std::string_view a, std::string_view b);

}  // namespace aepflow
