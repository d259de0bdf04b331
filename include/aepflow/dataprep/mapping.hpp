#pragma once
// What a current card's mapping set holds, worked out offline: the exported column of each
// profile attribute and identity, the identity's source path, and the union of what a flow
// already maps with what is asked for (nothing mapped before is lost).

#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/dataprep/client.hpp"

namespace aepflow {

// "person.name.firstName" -> "person_name_firstName": a column name may not hold a dot.
std::string column_for(std::string_view attribute_path);
// The source of identity namespace `code`: "identityMap.Email"; a dot inside the code is
// written "//" ("Phone_E.164" -> "identityMap.Phone_E//.164").
std::string identity_source(std::string_view code);
// Whether `path` is a dotted XDM path: fields of letters, digits and _ ("_tenant.loyalty.tier"),
// none empty ("person..name", ".name" and "name." are not).
bool is_xdm_path(std::string_view path);
// The problem with `path` in words ("'x..y' is not an XDM path (...)"), or empty when it is one;
// every caller (flags, files, the mapping planner) says it alike.
std::string xdm_path_problem(std::string_view path);

// Whether `source` is an identity (identityMap.<code>).
bool is_identity_source(std::string_view source);
// The namespace code an identity source reads: "identityMap.Phone_E//.164" -> "Phone_E.164".
std::string identity_code(std::string_view identity_source);

struct MappingRequest {
  std::vector<std::string> attributes;  // XDM paths
  std::vector<std::string> identities;  // namespace codes
};

struct MappingPlan {
  std::vector<Mapping> mappings;  // what the flow's mapping set is to hold, old entries first
  std::vector<std::string> attributes_added, attributes_kept, identities_added, identities_kept;
  bool changed() const { return !attributes_added.empty() || !identities_added.empty(); }
};

// `current` (what the flow maps now; empty when it has no mapping set) with `asked` added.
// Refused offline, naming each problem: an attribute path that is not a dotted XDM path (spaces,
// empty segments), two attributes that would export as the same column, and more than one
// identity on the dataflow (Adobe allows one per dataflow).
Result<MappingPlan> plan_mapping(const std::vector<Mapping>& current, const MappingRequest& asked);

// The mapping without `attributes` (paths) and `identities` (codes); each not mapped is named in
// `not_found`.
std::vector<Mapping> without(const std::vector<Mapping>& current,
                             const std::vector<std::string>& attributes,
                             const std::vector<std::string>& identities,
                             std::vector<std::string>& removed,
                             std::vector<std::string>& not_found);

}  // namespace aepflow
