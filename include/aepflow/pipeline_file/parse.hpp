#pragma once
// A pipeline file: one or more destinations described whole (connections, target, flow, what it
// exports), for `plan`, `apply` and `destroy`. YAML (or JSON, which YAML reads too); the format is
// documented in docs/pipeline-file.md. Every mistake names the file, the line and the key.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/activation/activation.hpp"
#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/base/error.hpp"

namespace aepflow {

struct PipelineSpec {
  std::string name;         // the pipeline's own name, for messages
  std::string destination;  // a destination name or connection spec ID
  int line = 0;             // where it starts in the file

  std::string profile_base_name;  // the Profile Store base connection
  std::string source_name;        // the Profile Store source connection

  std::string connection_name;  // the destination's base connection
  std::string auth_spec;        // empty: the destination takes no credentials (Data Landing Zone)
  // Values as written: secrets are env:VAR or file:PATH references, resolved when applying.
  nlohmann::json auth_params = nlohmann::json::object();
  // File encryption: a PGP public key, as file:PATH or env:VAR (read when applying) or its base64.
  std::string encryption_key;

  std::string target_name;
  // With the file options written beside them (fileType, compression, csvOptions, manifest).
  nlohmann::json target_params = nlohmann::json::object();

  std::string flow_name;
  std::string flow_spec;
  // Unset: not compared (the file says nothing of them); set, even empty: made so in place.
  std::optional<std::string> connection_description, target_description,
      flow_description;  // empty: the one that activates audiences to the destination

  std::vector<AudienceSpec> audiences;  // each completed with the pipeline's audienceDefaults
  std::vector<std::string> attributes;
  std::vector<std::string> identities;  // namespace codes (current cloud-storage cards)
  std::vector<std::string> mandatory;
  std::vector<DedupKey> dedup_keys;
};

struct PipelineFile {
  std::string file;
  std::vector<PipelineSpec> pipelines;
};

Result<PipelineFile> parse_pipeline_file(std::string_view text, std::string_view file_name);

// Whether `text` reads as a pipeline file (a mapping with `pipelines`) rather than another file a
// command takes in its place (an audiences file for `flow validate --expect-file`).
bool is_pipeline_file(std::string_view text);

}  // namespace aepflow
