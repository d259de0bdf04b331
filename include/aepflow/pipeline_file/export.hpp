#pragma once
// What exists in a sandbox, as a pipeline file's pipelines: for each destination dataflow, the
// Profile Store connections it reads, the destination's base and target connections, the flow and
// what it exports. `aepflow import` writes them (emit.hpp) so that `plan` of the file finds
// nothing to change, and `apply` in another sandbox makes the same destination there.
//
// Secrets are never read back (the service masks them): each credential that is not known to be
// harmless becomes an env: reference named after the pipeline and the param, listed in
// `secrets` for the user to set.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/pipeline_file/parse.hpp"

namespace aepflow {

// Which dataflows: the ones named by ID, every one to a destination, or every one.
struct ImportSelection {
  std::vector<std::string> flow_ids;
  std::optional<std::string> connection_spec_id;  // every flow to this destination
  bool all = false;
};

// An environment variable the imported file reads a secret from.
struct SecretVariable {
  std::string variable;    // AMAZON_S3_S3_SECRET_KEY
  std::string pipeline;    // the first pipeline that reads it
  std::string connection;  // the base connection's name
  std::string param;       // s3SecretKey
};

struct Imported {
  std::vector<PipelineSpec> pipelines;
  std::vector<SecretVariable> secrets;
  // Dataflows left out (a flow that does not read the Profile Store, a name used twice), each
  // with why: only when chosen by destination or --all; a flow named by ID is an error instead.
  std::vector<std::string> warnings;
};

// Reads the chosen dataflows and what they stand on. `mapping`: the services a current card's
// mapping set is read with (its attributes and identity are there, not in the flow).
// A flow ID that does not exist is not_found; a flow that a pipeline cannot describe, chosen by
// ID, is a usage error naming it; nothing chosen is not_found.
Result<Imported> import_flows(FlowService& service, const ImportSelection& selection,
                              const std::function<Result<MappingServices>()>& mapping);

// A pipeline name made from a flow's name: lower case letters, digits and single dashes
// ("activate audiences (amazon-s3)" -> "activate-audiences-amazon-s3"); "pipeline" when nothing
// is left.
std::string pipeline_name_of(std::string_view flow_name);

// An environment variable's name for a pipeline's param: upper case, words split at case changes
// and at anything not a letter or digit ("campaign-s3", "secretKey" -> CAMPAIGN_S3_SECRET_KEY).
std::string secret_variable_of(std::string_view pipeline, std::string_view param);

}  // namespace aepflow
