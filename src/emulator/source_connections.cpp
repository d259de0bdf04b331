#include "source_connections.hpp"

#include <algorithm>

#include "entities.hpp"
#include "json_schema.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

std::optional<Failure> datasets_problem(const Call& call, const json& params) {
  for (const auto& d : params.value("datasets", json::array())) {
    const std::string id = str(d, "dataSetId");
    const auto& known = call.state.datasets;
    if (std::none_of(known.begin(), known.end(),
                     [&](const json& k) { return str(k, "id") == id; })) {
      return invalid_request("params.datasets: dataset " + id +
                                 " does not exist or cannot be exported from this sandbox",
                             call.rid);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Failure> source_params_problem(const Call& call, const json& updated,
                                             const json& before) {
  const json* spec =
      call.state.find_spec(call.state.connection_specs, str(updated["connectionSpec"], "id"));
  if (!spec) return std::nullopt;
  const json params = updated.value("params", json());
  if (!params.is_object()) return invalid_request("params must be an object", call.rid);
  auto problems = schema_problems((*spec)["sourceSpec"].value("spec", json()), params, "params");
  if (!problems.empty()) return invalid_request(join(problems, "; "), call.rid);
  if (str(*spec, "id") == kDataLakeSpec &&
      params.value("datasets", json()) !=
          before.value("params", json::object()).value("datasets", json())) {
    return invalid_request(
        "params.datasets cannot change: create a new source connection with the datasets and "
        "replace /sourceConnectionIds of the dataflow",
        call.rid);
  }
  return std::nullopt;
}

Response create_source_connection(Call& call, const json& body) {
  if (auto f = name_problem(call, body)) return reply(*f);
  const json* spec = nullptr;
  if (auto f = spec_ref_problem(call, body, "connectionSpec", call.state.connection_specs, spec)) {
    return reply(*f);
  }
  if (!spec->contains("sourceSpec")) {
    return reply(invalid_request(str(*spec, "name") +
                                     " is a destination: a source connection needs a source "
                                     "spec such as the Profile Store (" +
                                     kProfileStoreSpec + ")",
                                 call.rid));
  }
  json base_ref;
  const std::string base_id = str(body, "baseConnectionId");
  if (!base_id.empty()) {
    const json* base = find_entity(call, "connections", base_id);
    if (!base) {
      return reply(invalid_request("baseConnectionId " + base_id + " does not exist", call.rid));
    }
    if (str((*base)["connectionSpec"], "id") != str(*spec, "id")) {
      return reply(bad_request("1414",
                               "base connection " + base_id +
                                   " has a different connection spec than the source connection",
                               call.rid));
    }
    base_ref = {{"id", base_id}, {"connectionSpec", (*base)["connectionSpec"]}};
  }
  const json data = body.value("data", json::object());
  if (!data.is_object() && !data.is_null()) {
    return reply(invalid_request("data must be an object", call.rid));
  }
  if (data.is_object() && data.contains("format") && data["format"] != "CSV") {
    return reply(
        invalid_request("data.format must be CSV, got " + data["format"].dump(), call.rid));
  }
  json params = body.value("params", json::object());
  if (params.is_null()) params = json::object();
  auto problems = schema_problems((*spec)["sourceSpec"].value("spec", json()), params, "params");
  if (!problems.empty()) return reply(invalid_request(join(problems, "; "), call.rid));
  if (str(*spec, "id") == kDataLakeSpec) {
    if (auto f = datasets_problem(call, params)) return reply(*f);
  }
  json e = new_entity(call, body);
  e["connectionSpec"] = body["connectionSpec"];
  e["state"] = "enabled";
  if (!base_id.empty()) e["baseConnectionId"] = base_id;
  if (str(*spec, "id") == kProfileStoreSpec) {
    e["typeInfo"] = {{"type", "ProfileFragments"}, {"id", "ups"}};
  }
  e["data"] = data.is_object() ? data : json::object();
  e["params"] = params;
  e["inheritedAttributes"] = json::object();
  if (!base_ref.is_null()) e["inheritedAttributes"]["baseConnection"] = base_ref;
  return store_created(call, "sourceConnections", std::move(e));
}

}  // namespace emulator
