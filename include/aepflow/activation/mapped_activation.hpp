#pragma once
// Activation on a current cloud-storage card's flow: its profile attributes and identity live in
// a Data Prep mapping set, and the flow holds only {mappingId, mappingVersion}. Adding attributes
// makes a new mapping set that holds the old ones and the new (nothing mapped before is lost),
// and the flow is pointed at it in the same PATCH that adds the audiences, under its etag.

#include <nlohmann/json.hpp>
#include <optional>

#include "aepflow/activation/activation.hpp"
#include "aepflow/base/error.hpp"
#include "aepflow/dataprep/client.hpp"
#include "aepflow/dataprep/mapping.hpp"
#include "aepflow/flow/client.hpp"

namespace aepflow {

// transformations[0].params.profileMapping, when it names a mapping set.
std::optional<MappingSetRef> mapping_of(const nlohmann::json& flow);

struct PreparedMapping {
  std::optional<MappingSetRef> base;  // what the flow maps now
  std::optional<MappingSetRef> next;  // to attach; unset: what was asked is mapped already
  MappingPlan plan;
};

struct MappingServices {
  FlowService& flows;
  DataPrep& prep;
  ProfileReads& profile;
};

// Works out what `flow` is to map, and when that differs from what it maps, makes the mapping set:
// the input schema from the profile's union schema, the output schema from the card's partner
// schema, and the mappings. Checked before anything is made: every attribute path and identity
// (plan_mapping), and each identity against the organisation's namespaces.
Result<PreparedMapping> prepare_mapping(MappingServices s, const nlohmann::json& flow,
                                        const MappingRequest& asked);

// Taking `attributes` (paths) and `identities` (codes) out of what `flow` maps: a mapping set
// without them. Each one mapped goes into `removed`, each one not into `not_found`; when nothing
// is removed, nothing is made.
Result<PreparedMapping> prepare_unmapping(MappingServices s, const nlohmann::json& flow,
                                          const std::vector<std::string>& attributes,
                                          const std::vector<std::string>& identities,
                                          std::vector<std::string>& removed,
                                          std::vector<std::string>& not_found);

// The op that points `flow` at `m.next`, once the flow is seen to map `m.base` still: had another
// writer changed it meanwhile, its attributes would be lost, so that is a conflict to re-run.
Result<nlohmann::json> attach_mapping_op(const nlohmann::json& flow, const PreparedMapping& m);

// What a mapped flow exports: the mappings of its mapping set, at the version the flow names
// (none when it names none). A mapping set that cannot be read is an error of its own kind (a
// 404 is not_found) naming the set and the flow, never an empty list.
Result<std::vector<Mapping>> mapped_attributes(DataPrep& prep, const nlohmann::json& flow);

// What `flow` exports (read_flow_contents), a current card's attributes and identities read from
// its mapping set: what `flow get` and `flow validate` show and compare, on either kind of flow.
Result<FlowContents> read_exports(DataPrep& prep, const nlohmann::json& flow);

}  // namespace aepflow
