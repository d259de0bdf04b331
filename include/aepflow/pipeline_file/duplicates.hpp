#pragma once
// One resource of each name. Two applies that race (on two machines, or with no lock) can each
// create a resource of the same name: the oldest is kept, so every racer settles on the same one.
// After each create, apply looks the name up again and, when an older one exists, deletes its own
// (nothing points at it yet). A file whose names already have duplicates is repaired: the ones a
// kept flow uses are kept, and the others deleted unless something else uses them.

#include <nlohmann/json.hpp>
#include <vector>

#include "aepflow/pipeline_file/plan.hpp"

namespace aepflow {

// Every resource named `name` in `c`.
Result<std::vector<nlohmann::json>> find_named(FlowService& service, Collection c,
                                               const std::string& name);

// Whether `a` was made before `b` (createdAt, then ID): the order in which the oldest is kept.
bool older(const nlohmann::json& a, const nlohmann::json& b);
// The oldest (createdAt, then ID) of resources of one name; `all` is not empty.
nlohmann::json oldest(const std::vector<nlohmann::json>& all);

// Of each name with more than one resource (`found`), the one the pipeline keeps: the one its
// kept flow uses, or the one the kept source or target stands on; otherwise the oldest. The
// others go to `duplicates`, to destroy.
void choose_kept(PipelinePlan& p);

// After `r` was created as `r.id`: when an older resource has its name, `r` becomes that one and
// the one just made is deleted. True when it was.
Result<bool> settle_created(FlowService& service, ResourcePlan& r);

}  // namespace aepflow
