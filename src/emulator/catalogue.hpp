#pragma once
// The read-only catalogues: GET /connectionSpecs[/{id}], GET /flowSpecs[/{id}], and the datasets a
// dataset export can read, GET /connectionSpecs/{Data Lake}/configs?outputType=activationDatasets
// &outputField=datasets (paged by start/limit with pageInfo, as that endpoint does).

#include <vector>

#include "state.hpp"

namespace emulator {

// parts: the path's segments below the base path, parts[0] "connectionSpecs" or "flowSpecs".
Response catalogue(Call& call, const std::vector<std::string>& parts);

// The datasets of an organization that can be exported, made up once at start.
nlohmann::json seed_datasets(int count);

}  // namespace emulator
