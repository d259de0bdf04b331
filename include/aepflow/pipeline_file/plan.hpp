#pragma once
// Making the service match a pipeline file. Existing resources are found by name (of a name used
// more than once, the oldest is kept and the others are duplicates to delete: duplicates.hpp);
// each resource is then left alone, created, updated in place, or replaced when what differs
// cannot be changed.
// Applying the same file twice sends no write the second time; an interrupted apply is finished by
// running it again, because every step first looks for what an earlier run made.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/pipeline_file/parse.hpp"

namespace aepflow {

// keep: to be destroyed, but something that stays uses it.
enum class Change { none, create, update, replace, destroy, keep };
std::string_view to_string(Change c);

// One thing that differs between the file and the service, as data; the CLI words it.
struct Difference {
  enum class Kind {
    value,       // `field` ("params.path", "connection spec") is `from`, is to be `to`
    added,       // `item` is to be added to the list `field` ("audience", "attribute", ...)
    removed,     // `item` of the list `field` is in the service, not in the file
    item_value,  // `field` `item`'s `detail` ("startTime") is `from`, is to be `to`
    remade,      // what this resource hangs on (`field`: "base connection") is made anew;
                 // `to` says how ("create", "replace")
    used_by,     // kept: `item` ("dataflow ID (name)") uses it
  };
  Kind kind = Kind::value;
  std::string field;
  std::string item;
  std::string detail;
  std::optional<std::string> from, to;  // unset: absent
  bool kept = false;                    // removed: left in place by apply (it only adds)
};

struct ResourcePlan {
  Collection collection = Collection::connections;
  std::string kind;  // "Profile Store base connection", "dataflow", ...
  std::string name;
  Change change = Change::none;
  std::string id;                   // of the existing resource
  std::vector<Difference> details;  // what differs
  nlohmann::json current;           // as read
  // Every resource of the name, when there is more than one (`current` is one of them).
  std::vector<nlohmann::json> found;
};

struct PipelinePlan {
  std::string pipeline;
  std::string connection_spec_id;
  std::string flow_spec_id;
  // The target's params as they are to be: the file's, with the mode the card needs when the
  // file leaves it out.
  nlohmann::json target_params = nlohmann::json::object();
  // The destination's connection spec as plan read it: apply checks the secrets it reads
  // against it without reading it again.
  nlohmann::json connection_spec = nlohmann::json::object();
  ResourcePlan profile_base, source, connection, target, flow;
  // The flow's exports: what is to be added, changed and removed.
  ResourcePlan exports;
  // More of a name than the one kept: deleted, dependents first (or kept when in use).
  std::vector<ResourcePlan> duplicates;
  Drift drift;
  std::vector<std::string> warnings;  // params the connection spec does not know

  std::vector<ResourcePlan*> resources();
  std::vector<const ResourcePlan*> resources() const;
  bool changes_anything() const;
  bool needs_replace() const;
};

// Checks the file's pipeline (params against the connection spec, every activation rule, with
// new audiences starting `today` unless the file says otherwise), reads what exists and compares;
// sends no write.
// `mapping`: the services a current card's flow's mapping set is read with (its attributes and
// identities are there, not in the flow); unset, such a flow is compared by what it holds.
Result<PipelinePlan> plan_pipeline(FlowService& service, const PipelineSpec& spec,
                                   const std::string& today,
                                   const std::function<Result<MappingServices>()>& mapping = {});

// The connection's params the file gives by reference that the service shows (not secrets: an S3
// access key ID), compared as `resolved` reads them: a difference is an update, its values unsaid.
void compare_resolved(PipelinePlan& p, const PipelineSpec& spec, const nlohmann::json& resolved);

// apply --rotate-secrets: the connection's secrets cannot be compared (the service masks them), so
// an existing connection whose file gives secret params is updated with the file's current values.
void rotate_secrets(PipelinePlan& p, const PipelineSpec& spec);

// What `flow` exports (read_flow_contents); a current card's attributes and identities read from
// its mapping set through `mapping` (unset: left as the flow holds them, none).
Result<FlowContents> read_flow_exports(const nlohmann::json& flow,
                                       const std::function<Result<MappingServices>()>& mapping);

// What the pipeline asks of its flow's exports, to compare with the flow as it is.
Expectation expectation_of(const PipelineSpec& spec);

// What `destroy` removes for a pipeline: each resource it names that exists (every one of a
// name), flow first. What another flow still uses is kept: keep_used (duplicates.hpp), over all
// the plans of a file.
Result<PipelinePlan> plan_destroy(FlowService& service, const PipelineSpec& spec);

}  // namespace aepflow
