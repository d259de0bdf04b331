#pragma once
// Where a Data Prep mapping reads from: a source path looked up in the input schema's JSON
// schema, as mapping-set.md writes paths (fields separated by '.', a '.' inside a field name
// escaped as "\.", array steps "[0]" or "[*]"), and the identity sources of the activation
// tutorial, "identityMap.<namespace code>", where a '.' inside the code is written "//."
// ("identityMap.Phone_E//.164" reads the Phone_E.164 namespace).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace emulator {

struct IdentitySource {
  std::string code;       // the namespace code, unescaped: "Phone_E.164"
  std::string remainder;  // what follows the code, as written: "", "[0].id"
};

// The namespace an "identityMap.<code>" source reads; nullopt for any other source.
std::optional<IdentitySource> identity_source(const std::string& source);

// Whether `path` names a field of `schema`: through "properties", through the values of a map
// ("additionalProperties": identityMap.Email, segmentMembership.ups.<id>.status), through the
// items of an array for "[n]" and "[*]", and through the shorthand schemas.md sends,
// {"firstName": "string"}, whose keys are the fields. `why` says what does not resolve.
bool path_resolves(const nlohmann::json& schema, const std::string& path, std::string& why);

}  // namespace emulator
