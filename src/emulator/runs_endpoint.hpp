#pragma once
// GET /runs and GET /runs/{id} (monitoring), and the clock that starts runs: every interval, for
// each enabled flow with audiences.

#include <vector>

#include "state.hpp"

namespace emulator {

// Starts the runs that are due in every sandbox.
void advance_runs(State& state);

Response runs(Call& call, const std::vector<std::string>& parts);

}  // namespace emulator
