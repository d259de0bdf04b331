#include "target_connections.hpp"

#include <algorithm>

#include "entities.hpp"
#include "flows.hpp"
#include "json_schema.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

std::vector<std::string> target_workflow_problems(const Call& call, const json& target,
                                                  const json& context) {
  const json* spec =
      call.state.find_spec(call.state.connection_specs, str(target["connectionSpec"], "id"));
  if (!spec || !spec->contains("targetSpec")) return {};
  return schema_problems((*spec)["targetSpec"]["spec"], target.value("params", json::object()),
                         "params", context);
}

std::optional<Failure> target_params_problem(const Call& call, const json& target) {
  const json* spec =
      call.state.find_spec(call.state.connection_specs, str(target["connectionSpec"], "id"));
  if (!spec) return std::nullopt;
  const json params = target.value("params", json());
  if (!params.is_object()) return invalid_request("params is required", call.rid);
  auto problems = schema_problems((*spec)["targetSpec"]["spec"], params, "params");
  if (!problems.empty()) return invalid_request(join(problems, "; "), call.rid);
  // Edited params still serve the dataflows that use the target connection.
  for (const auto& [flow_id, flow] : call.sandbox->collections["flows"].by_id) {
    const json ids = flow.value("targetConnectionIds", json::array());
    if (std::find(ids.begin(), ids.end(), target["id"]) == ids.end()) continue;
    auto p = target_workflow_problems(call, target, workflow_context(call, flow));
    if (!p.empty()) {
      return invalid_request("params do not fit dataflow " + flow_id + ": " + join(p, "; "),
                             call.rid);
    }
  }
  return std::nullopt;
}

Response create_target_connection(Call& call, const json& body) {
  if (auto f = name_problem(call, body)) return reply(*f);
  const json* spec = nullptr;
  if (auto f = spec_ref_problem(call, body, "connectionSpec", call.state.connection_specs, spec)) {
    return reply(*f);
  }
  if (!spec->contains("targetSpec")) {
    return reply(invalid_request(
        str(*spec, "name") + " has no target spec: it is not a destination", call.rid));
  }
  const std::string base_id = str(body, "baseConnectionId");
  if (base_id.empty()) return reply(invalid_request("baseConnectionId is required", call.rid));
  const json* base = find_entity(call, "connections", base_id);
  if (!base) {
    return reply(invalid_request("baseConnectionId " + base_id + " does not exist", call.rid));
  }
  if (str((*base)["connectionSpec"], "id") != str(*spec, "id")) {
    return reply(bad_request("1414",
                             "base connection " + base_id + " is for connection spec " +
                                 str((*base)["connectionSpec"], "id") + ", not for " +
                                 str(*spec, "id"),
                             call.rid));
  }
  json e = new_entity(call, body);
  e["baseConnectionId"] = base_id;
  e["connectionSpec"] = body["connectionSpec"];
  e["params"] = body.value("params", json());
  if (auto f = target_params_problem(call, e)) return reply(*f);
  e["state"] = "enabled";
  e["data"] = body.value("data", json::object());
  e["inheritedAttributes"] = {
      {"baseConnection", {{"id", base_id}, {"connectionSpec", (*base)["connectionSpec"]}}}};
  return store_created(call, "targetConnections", std::move(e));
}

}  // namespace emulator
