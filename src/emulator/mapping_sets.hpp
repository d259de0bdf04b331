#pragma once
// Data Prep mapping sets, /mappingSets (mapping-set.md, data-prep.yaml): created from an input
// schema, an output schema and mappings checked against both; every PUT makes a new version and
// the old ones stay readable with ?version=.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "state.hpp"

namespace emulator {

Response create_mapping_set(Call& call);
Response get_mapping_set(Call& call, const std::string& id);
Response put_mapping_set(Call& call, const std::string& id);
Response list_mapping_sets(Call& call);
Response list_mappings(Call& call, const std::string& id);
Response get_mapping(Call& call, const std::string& id, const std::string& mapping_id);

// A version of a mapping set of the sandbox, as stored; nullptr when there is none.
const nlohmann::json* find_mapping_set(const Sandbox& sandbox, const std::string& id,
                                       long long version);

// The identity namespaces a mapping set version exports: the codes its identityMap.<code>
// sources read, each once, in mapping order.
std::vector<std::string> identity_namespaces(const nlohmann::json& mapping_set);

}  // namespace emulator
