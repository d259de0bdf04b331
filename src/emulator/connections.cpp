#include "connections.hpp"

#include "encryption.hpp"
#include "entities.hpp"
#include "json_schema.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

const json* auth_spec_named(const json& spec, const std::string& name) {
  auto it = spec.find("authSpec");
  if (it == spec.end() || !it->is_array()) return nullptr;
  for (const auto& a : *it) {
    if (str(a, "name") == name) return &a;
  }
  return nullptr;
}

std::string today(const State& state) {
  const auto days = std::chrono::floor<std::chrono::days>(state.clock());
  const std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::optional<Failure> auth_problem(const Call& call, const json& spec, const json& auth) {
  const json& auth_specs = spec.value("authSpec", json::array());
  std::vector<std::string> names;
  for (const auto& a : auth_specs)
    names.push_back(str(a, "name"));
  if (auth_specs.empty()) {
    if (auth.is_null() || (auth.is_object() && auth.empty())) return std::nullopt;
    return invalid_request("connection spec " + str(spec, "name") + " takes no auth", call.rid);
  }
  if (!auth.is_object()) {
    return invalid_request("auth is required for connection spec " + str(spec, "name") +
                               "; auth.specName is one of: " + join(names, ", "),
                           call.rid);
  }
  const json* auth_spec = auth_spec_named(spec, str(auth, "specName"));
  if (!auth_spec) {
    return bad_request("1415",
                       "The auth spec '" + str(auth, "specName") +
                           "' could not be found for the connection spec ID " + str(spec, "id") +
                           ". Use one of: " + join(names, ", "),
                       call.rid);
  }
  json params = auth.value("params", json::object());
  params.erase("authorizedDate");  // the service's own field
  auto problems = schema_problems((*auth_spec)["spec"], params, "auth.params");
  if (!problems.empty()) return invalid_request(join(problems, "; "), call.rid);
  return std::nullopt;
}

Response create_connection(Call& call, const json& body) {
  State& state = call.state;
  if (auto f = name_problem(call, body)) return reply(*f);
  const json* spec = nullptr;
  if (auto f = spec_ref_problem(call, body, "connectionSpec", state.connection_specs, spec)) {
    return reply(*f);
  }
  const json auth = body.value("auth", json());
  if (auto f = auth_problem(call, *spec, auth)) return reply(*f);
  auto encryption = stored_encryption(call, *spec, body);
  if (!encryption) return reply(encryption.error());
  json e = new_entity(call, body);
  e["connectionSpec"] = body["connectionSpec"];
  e["state"] = "enabled";
  if (auth.is_object()) {
    e["auth"] = {{"specName", str(auth, "specName")},
                 {"params", auth.value("params", json::object())}};
    e["auth"]["params"]["authorizedDate"] = today(state);
  }
  if (!encryption->is_null()) e["encryption"] = std::move(*encryption);
  return store_created(call, "connections", std::move(e));
}

void stamp_authorized(const State& state, json& updated, const json& before) {
  if (!updated.contains("auth") || !updated["auth"].is_object()) return;
  if (before.contains("auth") && before["auth"] == updated["auth"]) return;
  json& params = updated["auth"]["params"];
  if (params.is_object()) params["authorizedDate"] = today(state);
}

json render_connection(const State& state, const json& connection) {
  json out = connection;
  if (!out.contains("auth") || !out["auth"].is_object()) return out;
  const json* spec = state.find_spec(state.connection_specs, str(out["connectionSpec"], "id"));
  if (!spec) return out;
  const json* auth_spec = auth_spec_named(*spec, str(out["auth"], "specName"));
  if (!auth_spec) return out;
  for (const auto& secret : secret_params((*auth_spec)["spec"])) {
    if (out["auth"]["params"].contains(secret)) out["auth"]["params"][secret] = "********";
  }
  return out;
}

}  // namespace emulator
