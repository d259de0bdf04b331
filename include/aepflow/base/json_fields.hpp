#pragma once
// Reading members of the service's JSON answers, where any member may be absent or of another
// type than documented: the one place the library and the commands do it.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace aepflow {

// A member, or null when `j` is not an object or has no such member.
const nlohmann::json& member(const nlohmann::json& j, std::string_view key);

// An object (an array) member, or an empty object (array) when `j` is not an object or the member
// is absent or of another type: what a walk into an answer's nested members reads, so no step
// can throw on a shape other than documented (nlohmann's value() does).
const nlohmann::json& object_member(const nlohmann::json& j, std::string_view key);
const nlohmann::json& array_member(const nlohmann::json& j, std::string_view key);

// A string member, or "" when `j` is not an object or the member is absent or not a string.
std::string text_of(const nlohmann::json& j, std::string_view key);

// An integer member, or 0 when `j` is not an object or the member is absent or not an integer
// (createdAt, expires_at).
std::int64_t integer_of(const nlohmann::json& j, std::string_view key);

// A member as text: a string as it is, a number or any other value as JSON, "" when absent or
// null (error fields that are strings in one answer and numbers in another).
std::string any_text_of(const nlohmann::json& j, std::string_view key);

}  // namespace aepflow
