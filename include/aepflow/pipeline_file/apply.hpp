#pragma once
// Applying a pipeline file's plan: the creates, updates and replacements in dependency order,
// independent branches at the same time, each step finished by a rerun if one was interrupted.

#include <functional>
#include <nlohmann/json.hpp>

#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/pipeline_file/plan.hpp"

namespace aepflow {

struct ApplyHooks {
  // Turns a param value written as env:VAR or file:PATH into the secret; others pass unchanged.
  std::function<Result<nlohmann::json>(const nlohmann::json& params)> resolve_params;
  // Called after each resource is handled, with what was done, for progress output.
  std::function<void(const ResourcePlan&, const std::string& id)> done;
  // What the user should know and is not an error: a duplicate kept because it is in use, a
  // resource another apply made at the same time and that this one uses instead of its own.
  std::function<void(const std::string& message)> note;
  // The services a current card's mapping set is made with (attributes and identities).
  std::function<Result<MappingServices>()> mapping;
  std::string today;  // YYYY-MM-DD, the default start date of a new audience
  std::function<bool(std::chrono::milliseconds)> sleep;
};

// Makes the changes of `plan` (from plan_pipeline), in dependency order. Duplicates go first, then
// replacements delete the old resources (dependents first) before creating the new ones. Each
// create is followed by a look-up of its name: of two made at once by racing applies, the oldest
// is kept (duplicates.hpp).
Result<void> apply_pipeline(FlowService& service, const PipelineSpec& spec, PipelinePlan& plan,
                            const ApplyHooks& hooks);

}  // namespace aepflow
