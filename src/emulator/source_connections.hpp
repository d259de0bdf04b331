#pragma once
// Source connections, /sourceConnections: what a destination dataflow reads. For destinations,
// the Profile Store (audiences) or the Data Lake (datasets, named in params.datasets and checked
// against the datasets the organization can export).

#include "state.hpp"

namespace emulator {

Response create_source_connection(Call& call, const nlohmann::json& body);

}  // namespace emulator
