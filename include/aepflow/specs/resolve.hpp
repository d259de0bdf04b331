#pragma once
// Turns what a user types for a spec ("Adobe Campaign", "sfmc", a UUID) into the spec ID.
// The built-in catalogue answers without a request; other names are looked up in the service's
// catalogue, case-insensitively. Unknown or ambiguous names are usage errors that list choices.

#include <optional>
#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/specs/catalogue.hpp"

namespace aepflow {

Result<std::string> resolve_connection_spec(FlowService& service, std::string_view name_or_id);
// A destination name resolves to the flow spec that activates audiences to it, "NAME datasets"
// (or `kind` datasets) to the one that exports datasets to it. The kind is chosen, when not given,
// by the name; an ID or a name from the service's catalogue resolves as it is.
Result<std::string> resolve_flow_spec(FlowService& service, std::string_view name_or_id,
                                      std::optional<FlowKind> kind = std::nullopt);

}  // namespace aepflow
