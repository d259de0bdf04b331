#pragma once
// The subset of JSON Schema that connection specs use: type, required, enum, pattern, length and
// range bounds, and allOf of if/then on a constant (mode-dependent requirements).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace emulator {

// Every problem of `value` against `schema`, each naming the param ("auth.params.host").
std::vector<std::string> schema_problems(const nlohmann::json& schema, const nlohmann::json& value,
                                         const std::string& where);

// Params marked format: password.
std::vector<std::string> secret_params(const nlohmann::json& schema);

}  // namespace emulator
