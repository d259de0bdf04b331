#pragma once
// One apply (or destroy) of a pipeline at a time on this machine: a lock file per pipeline under
// the cache folder, held with flock for as long as the command runs, keyed by what names the
// pipeline's resources (service URL, organisation, sandbox and the pipeline's name). A second
// command says that it waits, and waits; the kernel lets go of the lock when a process ends, so
// a killed one never leaves it held. Applies on other machines are not stopped by it: after each
// create, apply looks the name up again (duplicates.hpp).

#include <string>
#include <vector>

#include "aepflow/pipeline_file/parse.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

class PipelineLocks {
 public:
  PipelineLocks() = default;
  PipelineLocks(PipelineLocks&& other) noexcept : fds_(std::move(other.fds_)) {
    other.fds_.clear();
  }
  PipelineLocks& operator=(PipelineLocks&&) = delete;
  PipelineLocks(const PipelineLocks&) = delete;
  PipelineLocks& operator=(const PipelineLocks&) = delete;
  ~PipelineLocks();

 private:
  friend Result<PipelineLocks> lock_pipelines(Context& ctx, const PipelineFile& file);
  std::vector<int> fds_;
};

// The locks of every pipeline in `file`, taken in one order (no two commands wait on each
// other). Without a cache folder nothing is locked; a lock that cannot be made is a warning.
Result<PipelineLocks> lock_pipelines(Context& ctx, const PipelineFile& file);

}  // namespace aepflow::cli
