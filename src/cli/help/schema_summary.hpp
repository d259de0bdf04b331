#pragma once
// What a connection spec's JSON schema (authSpec[].spec, targetSpec.spec) asks of the user: the
// required and optional params, the enumerated values, and requirements that depend on another
// param's value (allOf of if/then, e.g. "when mode=S3: bucketName, path") or on the kind of flow
// (a `conditional`: fileType for audience exports). An object param's own properties (csvOptions)
// are summarised as "csvOptions.delimiter". Enumerated values are printable (a tab reads \t).

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app/util.hpp"

namespace aepflow::cli {

struct SchemaSummary {
  std::vector<std::string> required;
  std::vector<std::string> optional;
  std::vector<std::pair<std::string, std::vector<std::string>>> required_when;  // "mode=S3"
  std::vector<std::pair<std::string, std::vector<std::string>>> allowed;        // enums
  std::vector<std::string> secret;  // params marked format: password
  // Params that apply only under a condition (a `conditional`): "csvOptions" -> "fileType=CSV",
  // "fileType" -> "audience exports".
  std::vector<std::pair<std::string, std::string>> only_when;
};

SchemaSummary summarize_schema(const nlohmann::json& schema);

}  // namespace aepflow::cli
