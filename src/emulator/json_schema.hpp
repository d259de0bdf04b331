#pragma once
// The subset of JSON Schema that connection specs use: type, required, enum, pattern, length and
// range bounds, contentEncoding base64, allOf of if/then on a constant (mode-dependent
// requirements), and the cards' own "conditional" keyword (schema_conditionals.hpp).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace emulator {

// Every problem of `value` against `schema`, each naming the param ("auth.params.host").
// `context` is what conditionals on something outside the value read
// ({"flowSpec": {"attributes": {"_workflow": [...]}}}), null while that is not known.
std::vector<std::string> schema_problems(const nlohmann::json& schema, const nlohmann::json& value,
                                         const std::string& where,
                                         const nlohmann::json& context = nullptr);

// Params marked format: password.
std::vector<std::string> secret_params(const nlohmann::json& schema);

}  // namespace emulator
