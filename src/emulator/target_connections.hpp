#pragma once
// Target connections, /targetConnections: where a dataflow writes, with params checked against
// the connection spec's target spec (mode-dependent requirements included), at create and after
// every PATCH.

#include <optional>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

Response create_target_connection(Call& call, const nlohmann::json& body);

std::optional<Failure> target_params_problem(const Call& call, const nlohmann::json& target);

}  // namespace emulator
