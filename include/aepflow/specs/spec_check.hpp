#pragma once
// The checks of a destination against its specs, made before anything is sent, once for every
// caller: `connection create`, `target create`, `flow create` and a pipeline file's plan get the
// same check and the same message. Params are checked against a connection spec's JSON schema (an
// auth spec's or the target spec's): required params, the ones required only for a given value of
// another (allOf of if/then), enumerated values, types and patterns; params the schema does not
// know are warnings, not errors. A flow spec is checked against the specs of the connections it
// would link.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"

namespace aepflow {

struct ParamCheck {
  std::vector<std::string> missing;  // "bucketName (required when mode=S3)"
  std::vector<std::string> invalid;  // "mode 'GCS' is not one of S3, FTP"
  std::vector<std::string> unknown;  // names the schema does not list

  bool ok() const { return missing.empty() && invalid.empty(); }
  std::string describe() const;  // missing and invalid, for an error message
};

// `params` may be changed: a string given for an integer, number or boolean param is converted
// when it reads as one ("22" for port), as the user meant. Object params with properties of their
// own (csvOptions) are checked inside. A property's `conditional` on another param ("csvOptions
// only with fileType CSV") is enforced; required properties conditional on the flow's kind
// (fileType for audience exports, datasetFileType for dataset exports) are alternatives: exactly
// one. `show_values`: messages may quote a value that breaks a pattern (target params, never
// credentials).
ParamCheck check_params(const nlohmann::json& schema, nlohmann::json& params,
                        bool show_values = false);

// How params may stand for a value: in a pipeline file, "env:VAR" and "file:PATH" are read only
// when applying; such a param counts as present and its form is not checked.
enum class ParamReferences { none, allowed };

// Whether `value` is such a reference ("env:VAR", "file:PATH").
bool is_param_reference(std::string_view value);

// `params` against the auth spec named `auth_spec` of `connection_spec`: an unknown auth spec
// names the ones there are. Unknown params are added to `warnings`. Key material the spec takes
// base64-encoded (sshKey) is encoded first when given as the key file (key_params.hpp).
Result<void> check_auth_params(const nlohmann::json& connection_spec, const std::string& auth_spec,
                               nlohmann::json& params, std::vector<std::string>& warnings,
                               ParamReferences refs = ParamReferences::none);

// The params of the auth spec `auth_spec` whose values the service keeps secret (format password):
// it masks them when they are read back, so they cannot be read, compared or kept by a client.
std::vector<std::string> secret_auth_params(const nlohmann::json& connection_spec,
                                            const std::string& auth_spec);
// Whether a value read back is the service's mask of a secret ("********").
bool is_masked(const nlohmann::json& value);

// Whether an auth spec is chosen where the spec has some: a destination that takes credentials
// cannot do without (the message names its auth specs and `flag`, where the choice is made).
Result<void> check_auth_chosen(const nlohmann::json& connection_spec, const std::string& auth_spec,
                               const std::string& flag);

// A PGP public key (base64) for file encryption, against the card's encryptionSpecs; a spec
// without them (the email-marketing and retired specs) cannot take one. An empty key (one read
// later, from a reference) checks only that the spec takes encryption.
Result<void> check_encryption(const nlohmann::json& connection_spec, const std::string& public_key);

// `params` against the target spec of `connection_spec` (mode-dependent requirements included).
Result<void> check_target_params(const nlohmann::json& connection_spec, nlohmann::json& params,
                                 std::vector<std::string>& warnings,
                                 ParamReferences refs = ParamReferences::none);

// One end of a dataflow: its connection's spec ID, and how to name the connection in a message
// ("source connection 4f2c...", "source connection \"Connecting to Profile Store\"").
struct FlowEnd {
  std::string spec_id;
  std::string label;
  // The target connection's params where known: a current card's target is set up for audience
  // exports (fileType) or dataset exports (datasetFileType), and the flow spec must be that kind.
  nlohmann::json params = nlohmann::json();
};

// Whether the flow spec reads from the source's connection spec and exports to the target's; if
// not, says why and, where the catalogue knows it, which flow spec to use.
Result<void> check_flow_spec_fits(const nlohmann::json& flow_spec, const std::string& flow_spec_id,
                                  const FlowEnd& source, const FlowEnd& target);

}  // namespace aepflow
