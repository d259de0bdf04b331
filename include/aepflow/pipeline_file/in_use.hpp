#pragma once
// What must stay because something else uses it: a source connection another pipeline's flow
// reads from, the base connection under it. Destroy and the removal of duplicates delete only
// what nothing that stays uses; the rest is kept, with who uses it, and that is not an error.

#include <vector>

#include "aepflow/pipeline_file/plan.hpp"

namespace aepflow {

// Of `rs`, those to destroy that a user outside them needs become kept (Change::keep, with a
// used_by difference for each user): flows first, then what they use, so what a kept resource
// stands on is kept too.
Result<void> keep_used(FlowService& service, const std::vector<ResourcePlan*>& rs);
Result<void> keep_used(FlowService& service, std::vector<ResourcePlan>& rs);

// Deletes `r`; when the service refuses because something uses it (a flow made since the plan
// was read), `r` becomes kept with its users instead, which is not an error.
Result<void> remove_or_keep(FlowService& service, ResourcePlan& r);

// dataflows 0, source and target connections 1, base connections 2: the order of deletion.
int removal_rank(Collection c);

}  // namespace aepflow
