#include "flows.hpp"

#include <algorithm>
#include <set>

#include "activation_rules.hpp"
#include "entities.hpp"
#include "paging.hpp"
#include "profile_mapping_rules.hpp"
#include "target_connections.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

// A dataset export reads the Data Lake; an audience export the Profile Store. (Some flow specs
// serve both: the cloud-storage tutorials use 17be2013-... for ADLS audiences and datasets.)
bool exports_datasets(const Call& call, const json& flow) {
  const json ids = flow.value("sourceConnectionIds", json::array());
  if (!ids.is_array() || ids.empty() || !ids[0].is_string()) return false;
  const json* source = find_entity(call, "sourceConnections", ids[0].get<std::string>());
  return source && str((*source)["connectionSpec"], "id") == kDataLakeSpec;
}

namespace {

// The flow specs of the tutorial era, whose transformation keeps profileSelectors.
const std::set<std::string> kLegacyFlowSpecs = {"71471eba-b620-49e4-90fd-23f1fa0174d8",
                                                "51d675ce-e270-408d-91fc-22717bdf2148",
                                                "493b2bd6-26e4-4167-ab3b-5e910bba44f0"};

bool listed(const json& spec, const char* field, const std::string& id) {
  const json ids = spec.value(field, json::array());
  return std::find(ids.begin(), ids.end(), json(id)) != ids.end();
}

// A flow spec's name and the _workflow it is read with, for messages: "Amazon S3 - Segment
// (_workflow ["PROFILES"])".
std::string workflow_label(const Call& call, const json& flow) {
  const std::string id = str(flow.value("flowSpec", json()), "id");
  const json* spec = call.state.find_spec(call.state.flow_specs, id);
  return (spec ? str(*spec, "name") : id) + " (_workflow " +
         workflow_context(call, flow)["flowSpec"]["attributes"]["_workflow"].dump() + ")";
}

// What a flow inherits from its connections, as GET shows it.
json inherited_attributes(const Call& call, const json& flow) {
  json sources = json::array(), targets = json::array();
  for (const auto& id : flow.value("sourceConnectionIds", json::array())) {
    const json* s = id.is_string() ? find_entity(call, "sourceConnections", id) : nullptr;
    if (!s) continue;
    sources.push_back(
        {{"id", id},
         {"connectionSpec", (*s)["connectionSpec"]},
         {"baseConnection",
          s->value("inheritedAttributes", json::object()).value("baseConnection", json::object())},
         {"typeInfo", s->value("typeInfo", json::object())}});
  }
  const bool datasets = exports_datasets(call, flow);
  for (const auto& id : flow.value("targetConnectionIds", json::array())) {
    const json* t = id.is_string() ? find_entity(call, "targetConnections", id) : nullptr;
    if (!t) continue;
    json data = t->value("data", json::object());
    if (datasets) data["outputType"] = "DATASET_EXPORT";
    targets.push_back({{"id", id},
                       {"connectionSpec", (*t)["connectionSpec"]},
                       {"baseConnection", (*t)["inheritedAttributes"]["baseConnection"]},
                       {"data", data}});
  }
  return {{"properties", {{"isDestinationFlow", true}}},
          {"sourceConnections", sources},
          {"targetConnections", targets}};
}

std::optional<Failure> one_connection(const Call& call, const json& body, const char* field) {
  const json ids = body.value(field, json());
  if (!ids.is_array() || ids.size() != 1 || !ids[0].is_string()) {
    return invalid_request(std::string(field) + " must be an array of one ID", call.rid);
  }
  return std::nullopt;
}

std::vector<std::string> transformation_problems(const json& transformations, bool legacy) {
  std::vector<std::string> problems;
  if (!transformations.is_array()) return {"transformations must be an array"};
  for (std::size_t t = 0; t < transformations.size(); ++t) {
    const json& tr = transformations[t];
    const std::string at = "transformations[" + std::to_string(t) + "]";
    if (!tr.is_object() || !tr.contains("params") || !tr["params"].is_object()) {
      problems.push_back(at + " must be an object with params");
      continue;
    }
    const json& params = tr["params"];
    if (params.contains("segmentSelectors") && !params["segmentSelectors"].is_object()) {
      problems.push_back(at + ".params.segmentSelectors must be an object");
      continue;
    }
    if (params.contains("profileSelectors") && !params["profileSelectors"].is_object()) {
      problems.push_back(at + ".params.profileSelectors must be an object");
      continue;
    }
    const json selectors =
        params.value("segmentSelectors", json::object()).value("selectors", json::array());
    if (!selectors.is_array()) {
      problems.push_back(at + ".params.segmentSelectors.selectors must be an array");
      continue;
    }
    for (std::size_t i = 0; i < selectors.size(); ++i) {
      auto p = segment_selector_problems(
          selectors[i], at + ".params.segmentSelectors.selectors[" + std::to_string(i) + "]",
          legacy);
      problems.insert(problems.end(), p.begin(), p.end());
    }
  }
  return problems;
}

// scheduleParams of a dataset flow, as the destinations spec's DatasetScheduleParams_V2 takes
// them. Where Adobe's documents disagree, the schema the service validates against decides:
// export-datasets.md spells the folder template "foldernameTemplate", the schema
// "folderNameTemplate"; the UI guide lists 8-hour exports, the schema's enum 1, 3, 6, 9, 12; the
// schema's own exportMode text speaks of "interval: 0" for a one-off full export, but its enum
// has no 0, so a one-off is DAILY_FULL_EXPORT with timeUnit day and interval 1.
std::vector<std::string> schedule_problems(const json& s) {
  std::vector<std::string> out;
  if (!s.is_object()) return {"scheduleParams is required for a dataset export flow"};
  static const std::set<std::string> known = {"exportMode", "startTime", "endTime",
                                              "interval",   "timeUnit",  "folderNameTemplate"};
  for (const auto& [k, v] : s.items()) {
    if (!known.count(k)) {
      out.push_back("scheduleParams." + k + " is not a schedule parameter" +
                    (lower(k) == "foldernametemplate" ? " (the field is folderNameTemplate)" : ""));
    }
  }
  const std::string unit = str(s, "timeUnit");
  const std::string mode =
      s.contains("exportMode") ? str(s, "exportMode") : "FIRST_FULL_THEN_INCREMENTAL";
  if (unit != "hour" && unit != "day") out.push_back("scheduleParams.timeUnit must be hour or day");
  if (mode != "DAILY_FULL_EXPORT" && mode != "FIRST_FULL_THEN_INCREMENTAL") {
    out.push_back(
        "scheduleParams.exportMode must be DAILY_FULL_EXPORT or FIRST_FULL_THEN_INCREMENTAL");
  }
  if (!s.contains("interval") || !s["interval"].is_number_integer()) {
    out.push_back("scheduleParams.interval is required (an integer)");
  } else {
    const auto interval = s["interval"].get<long>();
    if (mode == "DAILY_FULL_EXPORT" && unit != "day") {
      out.push_back("scheduleParams: DAILY_FULL_EXPORT is a one-time export with timeUnit day");
    } else if (unit == "hour" && interval != 3 && interval != 6 && interval != 9 &&
               interval != 12) {
      out.push_back("scheduleParams.interval must be 3, 6, 9 or 12 with timeUnit hour");
    } else if (unit == "day" && interval != 1) {
      out.push_back(
          "scheduleParams.interval must be 1 with timeUnit day (the schema's enum has "
          "no 0)");
    }
  }
  if (!s.contains("startTime") || !s["startTime"].is_number_integer()) {
    out.push_back("scheduleParams.startTime is required (epoch seconds)");
  } else if (s["startTime"].get<long long>() > 100'000'000'000LL) {
    out.push_back("scheduleParams.startTime is in epoch seconds, not milliseconds");
  }
  if (s.contains("endTime")) {
    if (!s["endTime"].is_number_integer()) {
      out.push_back("scheduleParams.endTime must be epoch seconds");
    } else if (s.contains("startTime") && s["startTime"].is_number_integer() &&
               s["endTime"].get<long long>() <= s["startTime"].get<long long>()) {
      out.push_back("scheduleParams.endTime must be after startTime");
    }
  }
  if (s.contains("folderNameTemplate")) {
    static const std::set<std::string> macros = {"DESTINATION",
                                                 "DATASET_NAME",
                                                 "DATASET_ID",
                                                 "DESTINATION_INSTANCE_ID",
                                                 "DESTINATION_INSTANCE_NAME",
                                                 "SANDBOX_NAME",
                                                 "EXPORT_TIME"};
    const std::string t = str(s, "folderNameTemplate");
    for (const auto& m : macros_in(t)) {
      const bool ok = m.format.empty() ? macros.count(m.name) > 0
                                       : m.name == "DATETIME" && m.format == "YYYYMMdd_HHmmss";
      if (!ok) out.push_back("scheduleParams.folderNameTemplate has an unknown macro " + m.text);
    }
  }
  return out;
}

// Segment selectors gain createTime/updateTime (epoch seconds, as strings); profile selectors
// the expanded mapping form that GET shows.
void stamp_selectors(const Call& call, json& transformations, const json& before) {
  const std::string now = std::to_string(call.state.now_ms() / 1000);
  std::map<std::string, json> old;
  for (const auto& t : before.is_array() ? before : json::array()) {
    for (const auto& s : t.value("params", json::object())
                             .value("segmentSelectors", json::object())
                             .value("selectors", json::array())) {
      if (s.is_object() && s.contains("value")) old[str(s["value"], "id")] = s["value"];
    }
  }
  for (auto& t : transformations) {
    auto& params = t["params"];
    if (params.contains("segmentSelectors") && params["segmentSelectors"].contains("selectors")) {
      for (auto& s : params["segmentSelectors"]["selectors"]) {
        auto& v = s["value"];
        auto it = old.find(str(v, "id"));
        json without = v;
        without.erase("createTime");
        without.erase("updateTime");
        if (it == old.end()) {
          v["createTime"] = now;
          v["updateTime"] = now;
        } else {
          json previous = it->second;
          v["createTime"] = previous.value("createTime", now);
          previous.erase("createTime");
          previous.erase("updateTime");
          v["updateTime"] = previous == without ? it->second.value("updateTime", now) : now;
        }
      }
    }
    if (params.contains("profileSelectors") && params["profileSelectors"].contains("selectors")) {
      for (auto& s : params["profileSelectors"]["selectors"]) {
        if (!s.is_object() || !s.contains("value") || !s["value"].is_object()) continue;
        auto& v = s["value"];
        const std::string path = str(v, "path");
        if (path.empty() || v.contains("mapping")) continue;
        v["operator"] = "EXISTS";
        v["mapping"] = {{"sourceType", "text/x.schema-path"},
                        {"source", path},
                        {"destination", path},
                        {"identity", false},
                        {"primaryIdentity", false},
                        {"functionVersion", 0},
                        {"copyModeMapping", false},
                        {"sourceAttribute", path},
                        {"destinationXdmPath", path}};
      }
    }
  }
}

std::optional<Failure> flow_problem(const Call& call, const json& flow) {
  for (const char* field : {"sourceConnectionIds", "targetConnectionIds"}) {
    if (auto f = one_connection(call, flow, field)) return f;
  }
  const json transformations = flow.value("transformations", json());
  const bool legacy = kLegacyFlowSpecs.count(str(flow.value("flowSpec", json()), "id")) > 0;
  auto problems = transformation_problems(transformations, legacy);
  if (!exports_datasets(call, flow) && transformations.is_array()) {
    for (std::size_t i = 0; i < transformations.size(); ++i) {
      const json& t = transformations[i];
      if (!t.is_object() || !t.contains("params") || !t["params"].is_object()) continue;
      auto p = transformation_params_problems(
          call, t["params"], "transformations[" + std::to_string(i) + "].params", legacy);
      problems.insert(problems.end(), p.begin(), p.end());
    }
  }
  if (exports_datasets(call, flow)) {
    auto s = schedule_problems(flow.value("scheduleParams", json()));
    problems.insert(problems.end(), s.begin(), s.end());
  } else if (flow.contains("scheduleParams")) {
    problems.push_back(
        "scheduleParams is for dataset export flows; an audience's schedule is in "
        "its segment selector");
  }
  for (const char* field : {"sourceConnectionIds", "targetConnectionIds"}) {
    const char* collection =
        std::string(field) == "sourceConnectionIds" ? "sourceConnections" : "targetConnections";
    for (const auto& id : flow.value(field, json::array())) {
      if (!id.is_string() || !find_entity(call, collection, id.get<std::string>())) {
        problems.push_back(std::string(field) + ": " + id.dump() + " does not exist");
      }
    }
  }
  // The target spec's conditionals on flowSpec.attributes._workflow, now that it is known.
  for (const auto& id : flow.value("targetConnectionIds", json::array())) {
    const json* target = id.is_string() ? find_entity(call, "targetConnections", id) : nullptr;
    if (!target) continue;
    auto p = target_workflow_problems(call, *target, workflow_context(call, flow));
    if (!p.empty()) {
      problems.push_back("target connection " + id.get<std::string>() +
                         " does not fit the flow spec " + workflow_label(call, flow) + ": " +
                         join(p, "; "));
    }
  }
  if (problems.empty()) return std::nullopt;
  return invalid_request(join(problems, "; "), call.rid);
}

}  // namespace

json workflow_context(const Call& call, const json& flow) {
  const json* spec =
      call.state.find_spec(call.state.flow_specs, str(flow.value("flowSpec", json()), "id"));
  json workflow = spec ? spec->value("attributes", json::object()).value("_workflow", json::array())
                       : json::array();
  // A flow spec that serves both (the cloud-storage tutorial makes ADLS, DLZ and GCS audience
  // flows with 17be2013-..., cd2fc47e-... and 585c15c4-..., which the destinations spec labels
  // their dataset flow specs) is read as what the flow does: a dataset export reads the Data Lake.
  const auto has = [&](const char* w) {
    return workflow.is_array() && std::find(workflow.begin(), workflow.end(), w) != workflow.end();
  };
  if (has("PROFILES") && has("DATASETS")) {
    workflow = json::array({exports_datasets(call, flow) ? "DATASETS" : "PROFILES"});
  }
  return {{"flowSpec", {{"attributes", {{"_workflow", workflow}}}}}};
}

json flow_operation(const Call& call, const char* kind, const json& ops) {
  auto ms = call.state.now_ms();
  return {{"started", ms},
          {"updated", ms},
          {"percentCompleted", 100},
          {"status", {{"value", "completed"}, {"properties", nullptr}, {"errors", json::array()}}},
          {"ops", ops},
          {"operation", kind}};
}

Response create_flow(Call& call, const json& body) {
  if (auto f = name_problem(call, body)) return reply(*f);
  if (body.contains("state")) {
    return reply(bad_request("1410", "State is not allowed in the create flow request.", call.rid));
  }
  const json* spec = nullptr;
  if (auto f = spec_ref_problem(call, body, "flowSpec", call.state.flow_specs, spec)) {
    return reply(*f);
  }
  if (auto f = one_connection(call, body, "sourceConnectionIds")) return reply(*f);
  if (auto f = one_connection(call, body, "targetConnectionIds")) return reply(*f);
  const std::string source_id = body["sourceConnectionIds"][0];
  const std::string target_id = body["targetConnectionIds"][0];
  const json* source = find_entity(call, "sourceConnections", source_id);
  if (!source) {
    return reply(invalid_request("source connection " + source_id + " does not exist", call.rid));
  }
  const json* target = find_entity(call, "targetConnections", target_id);
  if (!target) {
    return reply(invalid_request("target connection " + target_id + " does not exist", call.rid));
  }
  const std::string source_spec = str((*source)["connectionSpec"], "id");
  const std::string target_spec = str((*target)["connectionSpec"], "id");
  if (!listed(*spec, "sourceConnectionSpecIds", source_spec)) {
    return reply(invalid_request(
        "flow spec " + str(*spec, "name") + " does not read from connection spec " + source_spec,
        call.rid));
  }
  if (!listed(*spec, "targetConnectionSpecIds", target_spec)) {
    return reply(invalid_request("flow spec " + str(*spec, "name") + " (" + str(*spec, "id") +
                                     ") does not export to connection spec " + target_spec,
                                 call.rid));
  }
  if (!body.contains("transformations")) {
    return reply(invalid_request(
        "transformations is required (an empty array, or a GeneralTransform with empty values)",
        call.rid));
  }
  json e = new_entity(call, body);
  e["flowSpec"] = body["flowSpec"];
  e["sourceConnectionIds"] = body["sourceConnectionIds"];
  e["targetConnectionIds"] = body["targetConnectionIds"];
  e["transformations"] = body["transformations"];
  if (body.contains("scheduleParams")) e["scheduleParams"] = body["scheduleParams"];
  if (auto f = flow_problem(call, e)) return reply(*f);
  // The cloud-storage tutorial creates audience flows with "transformations": [] and then
  // PATCHes /transformations/0/params/...: the service keeps the empty GeneralTransform the
  // destinations spec asks for, so those PATCHes land.
  if (e["transformations"].empty() && !exports_datasets(call, e)) {
    json params = kLegacyFlowSpecs.count(str(*spec, "id"))
                      ? json{{"segmentSelectors", {{"selectors", json::array()}}},
                             {"profileSelectors", {{"selectors", json::array()}}}}
                      : json{{"mandatoryFields", json::array()},
                             {"primaryFields", json::array()},
                             {"profileMapping", json::object()},
                             {"segmentSelectors", {{"selectors", json::array()}}}};
    e["transformations"] = {{{"name", "GeneralTransform"}, {"params", params}}};
  }
  stamp_selectors(call, e["transformations"], json::array());
  e["state"] = "enabled";
  e["inheritedAttributes"] = inherited_attributes(call, e);
  e["runs"] = "/runs?property=flowId==" + e["id"].get<std::string>();
  e["lastOperation"] = flow_operation(call, "create", json::array());
  return store_created(call, "flows", std::move(e));
}

std::optional<Failure> patched_flow_problem(Call& call, json& updated, const json& before) {
  if (auto f = flow_problem(call, updated)) return f;
  updated["inheritedAttributes"] = inherited_attributes(call, updated);
  stamp_selectors(call, updated["transformations"], before.value("transformations", json()));
  return std::nullopt;
}

Response flow_action(Call& call, const std::string& id) {
  if (auto f = check_query_params(call, {"op", "subOp"})) return reply(*f);
  auto& flows = call.sandbox->collections["flows"];
  auto it = flows.by_id.find(id);
  if (it == flows.by_id.end()) return reply(not_found("flows", id, call.rid));
  // If-Match is optional here (FLOW-SERVICE-API.md section 3); when sent, it is held to.
  if (auto m = call.req.headers.find("if-match"); m != call.req.headers.end()) {
    if (auto f = stale_etag(call, "flows", id, m->second, it->second["etag"])) return reply(*f);
  }
  auto op = call.req.query.find("op");
  const std::string given = op == call.req.query.end() ? "" : op->second;
  const std::string name = lower(given);
  if (name != "enable" && name != "disable") {
    return reply(bad_request("1402",
                             "The action '" + given +
                                 "' is not supported on a destination dataflow: use op=enable "
                                 "or op=disable.",
                             call.rid));
  }
  // The sources spec lists subOp APPLY, ROLLBACK, PROGRESS; the destination docs send none.
  if (auto sub_op = call.req.query.find("subOp"); sub_op != call.req.query.end()) {
    const std::string s = lower(sub_op->second);
    if (s == "progress") {
      return reply(bad_request(
          "1436", "Unsupported sub operation PROGRESS received for operation " + name + ".",
          call.rid));
    }
    if (s != "apply" && s != "rollback") {
      return reply(bad_request("1435",
                               "Unsupported sub action '" + sub_op->second +
                                   "' received. Please use one of the supported sub action "
                                   "types and try again.",
                               call.rid));
    }
  }
  // update-destination-dataflows.md shows 200 for enable and for disable, from a flow in the
  // other state; the catalogue's 1422 refuses an action the current state cannot take, as
  // enabling an enabled flow.
  const std::string state = name == "enable" ? "enabled" : "disabled";
  if (it->second["state"] == state) {
    return reply(bad_request("1422",
                             "The action " + name + " cannot be applied on the current state " +
                                 state + ". Please update the action and try again.",
                             call.rid));
  }
  it->second["state"] = state;
  std::string etag = call.state.new_etag();
  it->second["etag"] = etag;
  it->second["version"] = etag;
  it->second["updatedAt"] = call.state.now_ms();
  return reply(200, {{"id", id}, {"etag", etag}});
}

std::map<std::string, const Run*> last_runs(const Sandbox& sandbox) {
  std::map<std::string, const Run*> out;
  for (const auto& run : sandbox.runs)
    out[run.flow_id] = &run;  // runs are kept in start order: the last one wins
  return out;
}

json render_flow(const Call& call, const json& flow, const Run& last) {
  json out = flow;
  const bool done = call.state.now_ms() >= last.completed_ms;
  out["lastRunDetails"] = {{"id", last.id},
                           {"state", !done         ? "inProgress"
                                     : last.failed ? "failed"
                                                   : "success"},
                           {"startedAtUTC", last.started_ms}};
  if (done) out["lastRunDetails"]["completedAtUTC"] = last.completed_ms;
  return out;
}

}  // namespace emulator
