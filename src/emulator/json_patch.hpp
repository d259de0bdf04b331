#pragma once
// JSON Patch (RFC 6902) as Flow Service takes it: add, replace and remove, the op name in any
// case (the docs write "add", the sources spec's enum "ADD"); other ops are refused with 1434.
// Every failure is a sentence of its own: no library text reaches an answer.

#include <expected>
#include <nlohmann/json.hpp>
#include <string>

namespace emulator {

struct PatchError {
  std::string code;  // "1455", "1434", "1405"
  std::string message;
};

// Checks the shape of `ops` and normalises op names to lower case.
std::expected<nlohmann::json, PatchError> parse_patch(const std::string& body);

// `doc` with `ops` applied, in order; the first op that cannot apply fails the whole patch.
std::expected<nlohmann::json, PatchError> apply_patch(nlohmann::json doc,
                                                      const nlohmann::json& ops);

}  // namespace emulator
