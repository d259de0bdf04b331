#pragma once
// Small helpers every part of the emulator uses: text, JSON fields, answers.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "service.hpp"

namespace emulator {

std::string lower(std::string s);
// A string field of an object, or "" (not an object, missing, or not a string).
std::string str(const nlohmann::json& obj, const char* key);
std::vector<std::string> split_path(const std::string& path);
std::string join(const std::vector<std::string>& v, const std::string& sep);
// A query value that is a whole number from `lo` to `hi`, digits only ("+1", "1.0" are not).
std::optional<int> bounded_int(const std::string& text, int lo, int hi);
std::string percent_decode(const std::string& s);
std::string percent_encode(const std::string& s);
std::string base64url(const std::string& in);
std::string base64url_decode(const std::string& in, bool& ok);

// How deeply a value nests (a scalar is 0), counted without recursion.
std::size_t json_depth(const nlohmann::json& value);
// A request body nesting deeper than this is refused before anything copies it.
inline constexpr std::size_t kMaxBodyDepth = 64;

// Macros written %NAME% or %NAME(FORMAT)% (NAME in capitals and '_'), in order, found without a
// regular expression: std::regex recurses per character, and a long template would exhaust the
// stack.
struct Macro {
  std::string name;
  std::string format;  // what is in parentheses, or ""
  std::string text;    // as written, with the percent signs
};
std::vector<Macro> macros_in(const std::string& text);

// A body the service reads: Content-Type application/json (parameters allowed) or a +json type.
bool json_content(const Request& req);

Response reply(int status, const nlohmann::json& body);
Response reply(const Failure& f);
Response empty_reply(int status);

}  // namespace emulator
