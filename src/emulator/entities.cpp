#include "entities.hpp"

#include <algorithm>

#include "connections.hpp"
#include "flows.hpp"
#include "json_patch.hpp"
#include "paging.hpp"
#include "source_connections.hpp"
#include "target_connections.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

const char* noun(const std::string& collection) {
  if (collection == "connections") return "base connection";
  if (collection == "sourceConnections") return "source connection";
  if (collection == "targetConnections") return "target connection";
  return "flow";
}

// The fields a PATCH may change, per collection (FLOW-SERVICE-API.md section 7.1,
// edit-destination.md, update-destination-dataflows.md).
bool patchable(const std::string& collection, const std::string& path) {
  static const std::map<std::string, std::vector<std::string>> allowed = {
      {"flows",
       {"/name", "/description", "/transformations", "/sourceConnectionIds", "/targetConnectionIds",
        "/scheduleParams", "/labels", "/policy"}},
      {"connections", {"/name", "/description", "/auth"}},
      {"sourceConnections", {"/name", "/description", "/params"}},
      {"targetConnections", {"/name", "/description", "/params"}},
  };
  for (const auto& prefix : allowed.at(collection)) {
    if (path == prefix || path.starts_with(prefix + "/")) return true;
  }
  return false;
}

// The flows that still use `id`: directly (a source or target connection), or through their
// connections (a base connection). A base connection that only connections use can go: the
// catalogue's 1418 names flows alone.
std::vector<std::string> users_of(const Call& call, const std::string& collection,
                                  const std::string& id) {
  std::vector<std::string> users;
  auto& collections = call.sandbox->collections;
  if (collection == "connections") {
    for (const auto& [fid, f] : collections["flows"].by_id) {
      for (const char* c : {"sourceConnections", "targetConnections"}) {
        for (const auto& ref : f["inheritedAttributes"].value(c, json::array())) {
          if (ref.value("baseConnection", json::object()).value("id", "") == id) {
            users.push_back(fid);
          }
        }
      }
    }
  } else if (collection != "flows") {
    const char* field =
        collection == "sourceConnections" ? "sourceConnectionIds" : "targetConnectionIds";
    for (const auto& [fid, f] : collections["flows"].by_id) {
      const json ids = f.value(field, json::array());
      if (std::find(ids.begin(), ids.end(), json(id)) != ids.end()) users.push_back(fid);
    }
  }
  return users;
}

// What the collection's own rules say of an entity after a PATCH.
std::optional<Failure> patched_problem(Call& call, const std::string& collection, json& updated,
                                       const json& before) {
  // What a create requires of a name and a description, an edit cannot take away.
  if (auto f = name_problem(call, updated)) return f;
  if (collection == "flows") return patched_flow_problem(call, updated, before);
  if (collection == "sourceConnections") return source_params_problem(call, updated, before);
  if (collection == "targetConnections") return target_params_problem(call, updated);
  if (collection == "connections" && updated.contains("auth")) {
    const json* spec =
        call.state.find_spec(call.state.connection_specs, str(updated["connectionSpec"], "id"));
    if (spec) {
      if (auto f = auth_problem(call, *spec, updated["auth"])) return f;
    }
    stamp_authorized(call.state, updated, before);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Failure> name_problem(const Call& call, const json& body) {
  if (!body.contains("name") || !body["name"].is_string() ||
      body["name"].get<std::string>().empty()) {
    return invalid_request("name is required and must be a non-empty string", call.rid);
  }
  if (body.contains("description") && !body["description"].is_string()) {
    return invalid_request("description must be a string", call.rid);
  }
  return std::nullopt;
}

std::optional<Failure> spec_ref_problem(const Call& call, const json& body, const char* field,
                                        const json& catalogue, const json*& spec) {
  const json ref = body.value(field, json());
  if (!ref.is_object() || str(ref, "id").empty()) {
    return bad_request("1413",
                       std::string(field) +
                           ".id is required. The spec ID provided is invalid. Please provide a "
                           "valid spec ID and try again.",
                       call.rid);
  }
  spec = call.state.find_spec(catalogue, str(ref, "id"));
  if (!spec) {
    Failure f =
        bad_request("1413",
                    "The spec ID provided is invalid: " + str(ref, "id") + " is not a known " +
                        field + ". Please provide a valid spec ID and try again.",
                    call.rid);
    // The destinations spec's 400 for this: {"message": "Please provide a valid spec id"}.
    f.body["message"] = "Please provide a valid spec id";
    return f;
  }
  if (str(ref, "version").empty()) {
    return flow_error(422, "1413", "Unprocessable Entity",
                      std::string(field) + ".version is required", call.rid);
  }
  return std::nullopt;
}

json new_entity(Call& call, const json& body) {
  json e = {{"id", call.state.uuid()}};
  e.update(call.audit());
  e["name"] = body["name"];
  e["description"] = body.value("description", "");
  std::string etag = call.state.new_etag();
  e["version"] = etag;
  e["etag"] = etag;
  return e;
}

Response store_created(Call& call, const std::string& collection, json entity) {
  std::string id = entity["id"];
  std::string etag = entity["etag"];
  auto& c = call.sandbox->collections[collection];
  c.by_id[id] = std::move(entity);
  c.order.push_back(id);
  Response r = reply(201, {{"id", id}, {"etag", etag}});
  r.headers["Location"] = std::string(kFlowServicePath) + "/" + collection + "/" + id;
  return r;
}

std::optional<Failure> stale_etag(const Call& call, const std::string& collection,
                                  const std::string& id, const std::string& if_match,
                                  const std::string& current) {
  if (if_match == current) return std::nullopt;
  return flow_error(412, "1404", "Version not matching",
                    "Supplied version=[" + if_match +
                        "] does not match the current version on entity=[" + current + "]",
                    call.rid, collection, id);
}

const json* find_entity(const Call& call, const std::string& collection, const std::string& id) {
  auto& c = call.sandbox->collections[collection];
  auto it = c.by_id.find(id);
  return it == c.by_id.end() ? nullptr : &it->second;
}

json render(const Call& call, const std::string& collection, const json& entity) {
  if (collection == "connections") return render_connection(call.state, entity);
  if (collection == "flows") {
    for (auto it = call.sandbox->runs.rbegin(); it != call.sandbox->runs.rend(); ++it) {
      if (it->flow_id == str(entity, "id")) return render_flow(call, entity, *it);
    }
  }
  return entity;
}

Response get_entity(Call& call, const std::string& collection, const std::string& id) {
  if (auto f = check_query_params(call, {})) return reply(*f);
  const json* e = find_entity(call, collection, id);
  if (!e) return reply(not_found(collection, id, call.rid));
  return reply(200, {{"items", {render(call, collection, *e)}}});
}

Response list_entities(Call& call, const std::string& collection) {
  // Rendering copies an entity: only the ones it changes are copied (connections with auth, to
  // mask their secrets; flows that have run), the rest are filtered and paged where they are.
  const auto& c = call.sandbox->collections[collection];
  const auto runs =
      collection == "flows" ? last_runs(*call.sandbox) : std::map<std::string, const Run*>{};
  std::vector<json> rendered;
  rendered.reserve(c.order.size());  // no reallocation: `all` points into it
  std::vector<const json*> all;
  all.reserve(c.order.size());
  for (auto it = c.order.rbegin(); it != c.order.rend(); ++it) {
    const json& e = c.by_id.at(*it);
    if (collection == "connections" && e.contains("auth")) {
      rendered.push_back(render_connection(call.state, e));
    } else if (auto run = runs.find(*it); run != runs.end()) {
      rendered.push_back(render_flow(call, e, *run->second));
    } else {
      all.push_back(&e);
      continue;
    }
    all.push_back(&rendered.back());
  }
  return list(call, all, collection, "/" + collection);
}

Response patch_entity(Call& call, const std::string& collection, const std::string& id) {
  if (auto f = check_query_params(call, {})) return reply(*f);
  auto& coll = call.sandbox->collections[collection];
  auto it = coll.by_id.find(id);
  if (it == coll.by_id.end()) return reply(not_found(collection, id, call.rid));
  auto if_match = call.req.headers.find("if-match");
  if (if_match == call.req.headers.end() || if_match->second.empty()) {
    return reply(bad_request("1403",
                             "The header 'If-Match' is missing in the request. Please provide "
                             "the header and try again.",
                             call.rid));
  }
  json& current = it->second;
  if (auto f = stale_etag(call, collection, id, if_match->second, current["etag"])) {
    return reply(*f);
  }
  auto ops = parse_patch(call.req.body);
  if (!ops) return reply(bad_request(ops.error().code, ops.error().message, call.rid));
  for (std::size_t i = 0; i < ops->size(); ++i) {
    const std::string path = (*ops)[i]["path"];
    if (!patchable(collection, path)) {
      return reply(bad_request("1455",
                               "An error has occurred while validating patch instructions: "
                               "operation " +
                                   std::to_string(i) + ": path " + path + " cannot be changed",
                               call.rid));
    }
  }
  auto updated = apply_patch(current, *ops);
  if (!updated) {
    return reply(bad_request(
        updated.error().code,
        "An error has occurred while validating patch instructions: " + updated.error().message,
        call.rid));
  }
  if (auto f = patched_problem(call, collection, *updated, current)) return reply(*f);
  std::string new_tag = call.state.new_etag();
  (*updated)["etag"] = new_tag;
  (*updated)["version"] = new_tag;
  (*updated)["updatedAt"] = call.state.now_ms();
  if (collection == "flows") (*updated)["lastOperation"] = flow_operation(call, "update", *ops);
  current = std::move(*updated);
  if (collection == "flows" && call.state.options.patch_status == 202) return empty_reply(202);
  return reply(200, {{"id", id}, {"etag", new_tag}});
}

Response delete_entity(Call& call, const std::string& collection, const std::string& id) {
  if (auto f = check_query_params(call, {})) return reply(*f);
  auto& coll = call.sandbox->collections[collection];
  if (!coll.by_id.count(id)) return reply(not_found(collection, id, call.rid));
  if (!users_of(call, collection, id).empty()) {
    // The service names no users: finding them is the client's job.
    if (collection == "connections") {
      return reply(bad_request("1418",
                               "The base connection with the ID " + id +
                                   " cannot be deleted because the base connection is being "
                                   "used in one or more flows. Please ensure that corresponding "
                                   "flows are deleted before deleting a base connection.",
                               call.rid));
    }
    return reply(bad_request("1447",
                             "Found active flows containing id " + id + ": the " +
                                 noun(collection) + " cannot be deleted while a flow uses it.",
                             call.rid));
  }
  coll.by_id.erase(id);
  std::erase(coll.order, id);
  // The destinations API reference answers 202 with no body; the sources spec says 204.
  return empty_reply(202);
}

}  // namespace emulator
