#pragma once
// UTF-8 checks for what a user gives: a request body is JSON, and JSON text is UTF-8, so a value
// that is not (a Latin-1 file, a stray byte in a flag) is refused where it is read, naming the
// flag or the file and line, instead of failing deep inside the JSON encoder.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"

namespace aepflow {

// The length of the valid UTF-8 sequence that starts at byte `i` of `s`, or 0 when none does.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// Where `text` stops being UTF-8 (overlong forms, surrogates and code points past U+10FFFF are
// not UTF-8 either).
struct Utf8Flaw {
  std::size_t offset = 0;  // of the first byte that is not part of a valid sequence
  std::size_t line = 1;    // 1-based, counting '\n'
  std::size_t column = 1;  // 1-based, in bytes
  unsigned char byte = 0;  // the byte at `offset`
};
std::optional<Utf8Flaw> find_invalid_utf8(std::string_view text);

// A usage error "WHERE: line N: not valid UTF-8 (byte 0xff at column M)" when `text` is not
// UTF-8; `where` names the file or the flag. A single-line value that is not a `file` says
// "at position M" instead.
Result<void> check_utf8(std::string_view where, std::string_view text, bool file = false);

// The JSON Pointer of the first string (key or value) in `j` that is not UTF-8, or nullopt.
std::optional<std::string> invalid_utf8_in(const nlohmann::json& j);

// `j` as JSON text; a usage error naming the place when a string in it is not UTF-8, where
// nlohmann's encoder would throw (strict) or change the data (replace, ignore).
Result<std::string> dump_json(const nlohmann::json& j, std::string_view what);

}  // namespace aepflow
