#pragma once
// Independent steps run at the same time when the transport allows it: the Profile Store branch
// and the destination branch of a pipeline, the reads of a plan. Each step is complete on its own
// (it sends its requests and keeps its results); this only decides when they run.

#include <functional>
#include <vector>

#include "aepflow/base/error.hpp"

namespace aepflow {

using Step = std::function<Result<void>()>;

// Runs every step, each on its own thread when `concurrent` (the first on the calling thread),
// else one after another, stopping at the first failure. Concurrent steps all run to their end:
// a request already sent is not abandoned. Returns the first failure in the order given.
Result<void> run_steps(const std::vector<Step>& steps, bool concurrent);

}  // namespace aepflow
