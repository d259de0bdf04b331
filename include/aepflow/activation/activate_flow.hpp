#pragma once
// Activating (and deactivating) through a dataflow, whichever kind it is: `flow activate` and a
// pipeline file's apply alike. On a current cloud-storage card's flow, attributes and identities go
// into a Data Prep mapping set made first (nothing mapped before is lost), and the one PATCH that
// adds the audiences points the flow at it, under the flow's etag; an email-marketing flow keeps
// them in its profile selectors.

#include <functional>
#include <string>
#include <vector>

#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/activation/mapped_activation.hpp"

namespace aepflow {

struct Activated {
  ActivationPlan plan;  // as last planned (after any re-plan on a 412)
  Applied applied;
};

// `mapping` gives the services a mapping set is made with; it is called only when a current
// card's flow has attributes or identities to map. Identities on an email-marketing flow are a
// usage error. `options.known` may hold the flow as the caller has it (one just created).
Result<Activated> activate_flow(FlowService& flows,
                                const std::function<Result<MappingServices>()>& mapping,
                                const std::string& flow_id, ActivationRequest request,
                                ApplyOptions options);

struct Deactivated {
  DeactivationPlan plan;  // attributes_removed / _not_found include identities on a mapped flow
  Applied applied;
};

// Taking audiences, attributes and identities out of a dataflow: on a current card's flow the
// attributes and identities come out of its mapping set, by a new one attached in the PATCH that
// removes the audiences. Identities on an email-marketing flow are a usage error.
Result<Deactivated> deactivate_flow(FlowService& flows,
                                    const std::function<Result<MappingServices>()>& mapping,
                                    const std::string& flow_id,
                                    const std::vector<std::string>& audiences,
                                    const std::vector<std::string>& attributes,
                                    const std::vector<std::string>& identities,
                                    ApplyOptions options);

}  // namespace aepflow
