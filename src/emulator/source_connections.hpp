#pragma once
// Source connections, /sourceConnections: what a destination dataflow reads. For destinations,
// the Profile Store (audiences) or the Data Lake (datasets, named in params.datasets and checked
// against the datasets the organization can export).

#include <optional>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

Response create_source_connection(Call& call, const nlohmann::json& body);

// What the service says of a source connection's params after a PATCH: checked against the
// source spec; a Data Lake source's datasets cannot change (export-datasets.md: make a new source
// connection and swap it into the flow).
std::optional<Failure> source_params_problem(const Call& call, const nlohmann::json& updated,
                                             const nlohmann::json& before);

}  // namespace emulator
