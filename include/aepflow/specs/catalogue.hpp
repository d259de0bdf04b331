#pragma once
// The destinations aepflow knows by name, with their connection spec and the flow spec that
// activates audiences to them, as Adobe's documentation lists them. Lets "Adobe Campaign" resolve
// to IDs without a request; names not listed here are looked up in the service's catalogue.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aepflow {

// legacy: the email-marketing tutorial's model (profile selectors); enhanced: the current
// cloud-storage cards (Data Prep mapping); retired: specs Adobe replaced in 2023.
enum class Generation { legacy, enhanced, retired, source };

struct Destination {
  std::string_view name;
  std::vector<std::string_view> aliases;
  std::string_view connection_spec_id;
  std::string_view flow_spec_id;  // profile/audience export flow spec; empty for sources
  Generation generation;
  // The flow spec that exports datasets to it (a current cloud-storage card's); empty where the
  // destination exports no datasets. For ADLS Gen2, Data Landing Zone and Google Cloud Storage it
  // is the audience flow spec too: the source connection's spec (Data Lake or Profile Store)
  // decides what such a flow exports.
  std::string_view dataset_flow_spec_id = {};
};

std::span<const Destination> destinations();

// The AWS account Adobe assumes an S3 card's "Assumed Role" from: the role's trust policy must
// allow it sts:AssumeRole (the Amazon S3 card's documentation).
inline constexpr std::string_view adobe_aws_account = "670664943635";

// What a flow exports: audiences (from the Profile Store) or datasets (from the Data Lake).
enum class FlowKind { audiences, datasets };

// Case-insensitive match on name or alias, or exact match on the connection spec ID.
const Destination* find_destination(std::string_view name_or_id);

// Whether a flow to this connection spec maps its profile attributes and identities with a Data
// Prep mapping set (the current cloud-storage cards) rather than profile selectors.
bool uses_data_prep(std::string_view connection_spec_id);

// For a spec Adobe retired: one line saying so, and the current card's name and ID.
std::optional<std::string> retired_warning(std::string_view connection_spec_id);

// A comma-separated list of the names, for error messages.
std::string known_destination_names();

}  // namespace aepflow
