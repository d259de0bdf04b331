#pragma once
// Checks params against a connection spec's JSON schema (an auth spec's or the target spec's)
// before anything is sent: required params, the ones required only for a given value of another
// (allOf of if/then), enumerated values, types and patterns. Params the schema does not know are
// reported separately: they are warnings, not errors.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aepflow {

struct ParamCheck {
  std::vector<std::string> missing;  // "bucketName (required when mode=S3)"
  std::vector<std::string> invalid;  // "mode 'GCS' is not one of S3, FTP"
  std::vector<std::string> unknown;  // names the schema does not list

  bool ok() const { return missing.empty() && invalid.empty(); }
  std::string describe() const;  // missing and invalid, for an error message
};

// `params` may be changed: a string given for an integer, number or boolean param is converted
// when it reads as one ("22" for port), as the user meant.
ParamCheck check_params(const nlohmann::json& schema, nlohmann::json& params);

}  // namespace aepflow
