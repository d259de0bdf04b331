#pragma once
// Dataflows, /flows: created from a flow spec that reads the source connection's spec and writes
// the target's; audiences (segment selectors) checked against the activation rules; dataset
// flows' scheduleParams against the destinations spec's DatasetScheduleParams; the target
// connection's params against the target spec's conditionals on the flow spec; enable and
// disable through POST /flows/{id}/action?op=...; the last run shown on the flow.

#include <map>
#include <optional>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

Response create_flow(Call& call, const nlohmann::json& body);
Response flow_action(Call& call, const std::string& id);

// What the service says of a flow after a PATCH; stamps its selectors' times when it accepts.
std::optional<Failure> patched_flow_problem(Call& call, nlohmann::json& updated,
                                            const nlohmann::json& before);

// Whether the flow exports datasets (its source connection reads the Data Lake), not audiences.
bool exports_datasets(const Call& call, const nlohmann::json& flow);

// What the target spec's conditionals on the flow spec read of a flow:
// {"flowSpec": {"attributes": {"_workflow": [...]}}}.
nlohmann::json workflow_context(const Call& call, const nlohmann::json& flow);

// lastOperation: what was done and the ops applied.
nlohmann::json flow_operation(const Call& call, const char* kind, const nlohmann::json& ops);

// The newest run of each flow of the sandbox that has run, by flow ID.
std::map<std::string, const Run*> last_runs(const Sandbox& sandbox);

// The flow as GET shows it: with lastRunDetails of `last`, its newest run.
nlohmann::json render_flow(const Call& call, const nlohmann::json& flow, const Run& last);

}  // namespace emulator
