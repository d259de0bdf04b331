#pragma once
// What plan, apply and destroy share: reading the file, printing a plan, resolving secrets.

#include <string>
#include <vector>

#include "aepflow/pipeline_file/apply.hpp"
#include "aepflow/pipeline_file/parse.hpp"
#include "aepflow/pipeline_file/plan.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

Result<PipelineFile> load_pipeline_file(Context& ctx, const std::string& file);

// An error planning a pipeline, placed in the file: "FILE:LINE: pipeline NAME: ...".
Error in_file(const PipelineFile& m, const PipelineSpec& spec, Error e);

enum class Goal { match, destroy };

// Reads the file and plans every pipeline in it (warnings printed), before anything is written:
// to make the service match it, or to remove what it describes. The first error is placed in
// the file.
struct Planned {
  PipelineFile pipeline_file;
  FlowService* service = nullptr;
  std::vector<PipelinePlan> plans;
};
// What a plan of a pipeline to match needs of this machine: the references read and compared
// with what the service shows, the credentials checked as apply checks them, and with `rotate`
// (apply --rotate-secrets) the secrets sent again.
Result<void> finish_plan(Context& ctx, PipelinePlan& plan, const PipelineSpec& spec, bool rotate);

// `rotate`: apply --rotate-secrets (rotate_secrets in plan.hpp).
Result<Planned> plan_file(Context& ctx, const std::string& file, Goal goal, bool rotate = false);

// The plans as a readable diff (table) or as data (-o json); `-o id` prints the IDs touched.
void print_plans(Context& ctx, const std::vector<PipelinePlan>& plans, std::string_view verb);

// One difference in words: "params.path: a -> b", "+ audience ID", "its base connection is
// created".
std::string describe(const Difference& d);
// All of a resource's, in order (plan -o json's "changes").
std::vector<std::string> describe(const std::vector<Difference>& ds);

struct PlanCounts {
  int create = 0, update = 0, replace = 0, destroy = 0, unchanged = 0;
  int kept = 0;  // to destroy, but in use by what stays
  bool any_change() const { return create + update + replace + destroy > 0; }
};
PlanCounts count(const std::vector<PipelinePlan>& plans);

// The env:VAR and file:PATH values of a params object, resolved (and kept as secrets to scrub);
// other values unchanged. The one reader of a pipeline file's references: plan and apply alike.
Result<nlohmann::json> resolve_param_references(Context& ctx, const nlohmann::json& params);

// Every reference of `spec` (its credentials, its encryption key) read as apply reads them, so
// that plan fails where apply would, with the same message.
Result<void> check_references(Context& ctx, const PipelineSpec& spec);

// apply's hooks: the references resolved by resolve_param_references.
ApplyHooks apply_hooks(Context& ctx);

}  // namespace aepflow::cli
