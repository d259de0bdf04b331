#pragma once
// Target connections, /targetConnections: where a dataflow writes, with params checked against
// the connection spec's target spec (mode-dependent requirements included), at create and after
// every PATCH.

#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

Response create_target_connection(Call& call, const nlohmann::json& body);

// The params against the target spec; after a PATCH, also against the flow spec of every
// dataflow that uses the target connection.
std::optional<Failure> target_params_problem(const Call& call, const nlohmann::json& target);

// The params' problems against the target spec with its conditionals on the flow spec read in
// `context` (workflow_context of the dataflow).
std::vector<std::string> target_workflow_problems(const Call& call, const nlohmann::json& target,
                                                  const nlohmann::json& context);

}  // namespace emulator
