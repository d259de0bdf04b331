#pragma once
// Destination flows made at start (options.seed_flows), for listing at scale: created through
// the same routes a client uses, so they are exactly what a client would have made.

#include <functional>

#include "state.hpp"

namespace emulator {

void seed_flows(State& state, const std::function<Response(const Request&)>& route);

}  // namespace emulator
