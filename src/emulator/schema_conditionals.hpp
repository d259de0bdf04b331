#pragma once
// The "conditional" keyword of the current cloud-storage cards' target specs
// (activate-segments-file-based-destinations.md prints them in each card's targetSpec): a
// property applies only while {"field", "operator", "value"} holds. The field is a sibling param
// (csvOptions on "fileType") or what the params are used with ("flowSpec.attributes._workflow":
// the flow spec of the dataflow the target connection serves), read from a context object of
// that shape. Operators: EQUALS, NOT_EQUALS, CONTAINS, NOT_CONTAINS.

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace emulator {

// The problems of the object `value` with the conditional properties of `schema`, each naming
// the param (`where` + "." + name):
// - a property whose condition does not hold must be absent, and is not required;
// - where `context` is null (a target connection before a dataflow uses it), the properties
//   conditional on one outside field must fit some value of that field: a required one is
//   satisfied by any of them that can apply instead (fileType or datasetFileType), and two that
//   cannot apply together are refused.
// `exempt` gets the names of the properties these rules decide, which `required` then skips.
std::vector<std::string> conditional_problems(const nlohmann::json& schema,
                                              const nlohmann::json& value, const std::string& where,
                                              const nlohmann::json& context,
                                              std::set<std::string>& exempt);

}  // namespace emulator
