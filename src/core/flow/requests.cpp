// Request building: pure functions from typed inputs to Request values, one per endpoint.
#include "aepflow/flow/requests.hpp"

#include "aepflow/base/utf8.hpp"
#include "aepflow/flow/client.hpp"  // empty_general_transform

namespace aepflow {

using nlohmann::json;

bool add_name_filter(ListQuery& q, const std::string& name) {
  if (name.find(',') != std::string::npos) return false;
  q.properties.push_back("name==" + name);
  return true;
}

std::string_view collection_path(Collection c) {
  switch (c) {
    case Collection::connection_specs:
      return "/connectionSpecs";
    case Collection::flow_specs:
      return "/flowSpecs";
    case Collection::connections:
      return "/connections";
    case Collection::source_connections:
      return "/sourceConnections";
    case Collection::target_connections:
      return "/targetConnections";
    case Collection::flows:
      return "/flows";
    case Collection::runs:
      return "/runs";
  }
  return "/";
}

std::string_view collection_noun(Collection c) {
  switch (c) {
    case Collection::connection_specs:
      return "connection spec";
    case Collection::flow_specs:
      return "flow spec";
    case Collection::connections:
      return "base connection";
    case Collection::source_connections:
      return "source connection";
    case Collection::target_connections:
      return "target connection";
    case Collection::flows:
      return "dataflow";
    case Collection::runs:
      return "dataflow run";
  }
  return "resource";
}

namespace {

json spec_ref(const SpecRef& s) {
  return {{"id", s.id}, {"version", s.version}};
}

json named(const std::string& name, const std::string& description) {
  json body = {{"name", name}};
  if (!description.empty()) body["description"] = description;
  return body;
}

}  // namespace

json empty_general_transform(bool mapped) {
  if (mapped) {
    return json::array({{{"name", "GeneralTransform"},
                         {"params",
                          {{"mandatoryFields", json::array()},
                           {"primaryFields", json::array()},
                           {"profileMapping", json::object()},
                           {"segmentSelectors", {{"selectors", json::array()}}}}}}});
  }
  return json::array({{{"name", "GeneralTransform"},
                       {"params",
                        {{"segmentSelectors", {{"selectors", json::array()}}},
                         {"profileSelectors", {{"selectors", json::array()}}}}}}});
}

namespace requests {

namespace {

// The body as JSON text; a value that is not UTF-8 makes the request unsendable (refused by the
// pipeline) instead of throwing from the encoder or being changed by it.
void with_body(Request& r, const json& body) {
  auto text = dump_json(body, "the request body");
  if (text) {
    r.body = std::move(*text);
  } else {
    r.unsendable = text.error().message;
  }
}

}  // namespace

Request post(std::string path, const json& body) {
  Request r;
  r.method = Method::post;
  r.path = std::move(path);
  r.headers.push_back({"Content-Type", "application/json"});
  with_body(r, body);
  return r;
}

Request list(Collection c, const ListQuery& q) {
  Request r;
  r.path = std::string(collection_path(c));
  for (const auto& p : q.properties)
    r.query.emplace_back("property", p);
  if (!q.order_by.empty()) r.query.emplace_back("orderby", q.order_by);
  if (q.limit) r.query.emplace_back("limit", std::to_string(*q.limit));
  return r;
}

Request follow(std::string_view next_href) {
  Request r;
  r.path = std::string(next_href);
  return r;
}

Request get(Collection c, std::string_view id) {
  Request r;
  r.path = std::string(collection_path(c)) + "/" + url_encode(id);
  return r;
}

Request create_connection(const NewConnection& c) {
  json body = named(c.name, c.description);
  if (c.auth_spec) body["auth"] = {{"specName", *c.auth_spec}, {"params", c.auth_params}};
  if (c.encryption_public_key) {
    body["encryptionSpecs"] = {
        {"specName", "Encryption spec"},
        {"params", {{"encryptionAlgo", "PGPGPG"}, {"publicKey", *c.encryption_public_key}}}};
  }
  body["connectionSpec"] = spec_ref(c.spec);
  return post("/connections", body);
}

Request create_source_connection(const NewSourceConnection& s) {
  json body = named(s.name, s.description);
  body["connectionSpec"] = spec_ref(s.spec);
  if (!s.base_connection_id.empty()) body["baseConnectionId"] = s.base_connection_id;
  if (s.datasets.is_array()) {
    body["params"] = {{"datasets", s.datasets}};
    return post("/sourceConnections", body);
  }
  body["data"] = {{"format", s.data_format}, {"schema", nullptr}};
  body["params"] = json::object();
  return post("/sourceConnections", body);
}

Request create_target_connection(const NewTargetConnection& t) {
  json body = named(t.name, t.description);
  body["baseConnectionId"] = t.base_connection_id;
  body["connectionSpec"] = spec_ref(t.spec);
  body["params"] = t.params;
  return post("/targetConnections", body);
}

json new_flow_body(const NewFlow& f) {
  json body = named(f.name, f.description);
  body["flowSpec"] = spec_ref(f.flow_spec);
  body["sourceConnectionIds"] = json::array({f.source_connection_id});
  body["targetConnectionIds"] = json::array({f.target_connection_id});
  if (f.schedule.is_object()) {
    body["transformations"] = json::array();
    body["scheduleParams"] = f.schedule;
    return body;
  }
  body["transformations"] = empty_general_transform(f.mapped);
  return body;
}

Request create_flow(const NewFlow& f) {
  return post("/flows", new_flow_body(f));
}

Request remove(Collection c, std::string_view id) {
  Request r;
  r.method = Method::delete_;
  r.path = std::string(collection_path(c)) + "/" + url_encode(id);
  return r;
}

Request flow_action(std::string_view flow_id, FlowAction action) {
  Request r;
  r.method = Method::post;
  r.path = "/flows/" + url_encode(flow_id) + "/action";
  r.query.emplace_back("op", action == FlowAction::enable ? "enable" : "disable");
  r.repeatable = true;  // enabling twice leaves the flow enabled
  return r;
}

Request patch_flow(std::string_view flow_id, std::string_view if_match, const json& ops) {
  return patch(Collection::flows, flow_id, if_match, ops);
}

Request patch(Collection c, std::string_view id, std::string_view if_match, const json& ops) {
  Request r;
  r.method = Method::patch;
  r.path = std::string(collection_path(c)) + "/" + url_encode(id);
  r.headers.push_back({"Content-Type", "application/json"});
  r.headers.push_back({"If-Match", std::string(if_match)});
  with_body(r, ops);
  return r;
}

}  // namespace requests
}  // namespace aepflow
