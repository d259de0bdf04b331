#include "service.hpp"

#include "adhoc_runs.hpp"
#include "catalogue.hpp"
#include "connections.hpp"
#include "conversion_service.hpp"
#include "entities.hpp"
#include "errors.hpp"
#include "flows.hpp"
#include "gateway.hpp"
#include "ims.hpp"
#include "platform_reads.hpp"
#include "runs_endpoint.hpp"
#include "seed.hpp"
#include "source_connections.hpp"
#include "state.hpp"
#include "target_connections.hpp"
#include "util.hpp"

extern const char* const emulator_connection_specs_json;
extern const char* const emulator_flow_specs_json;
extern const char* const emulator_profile_union_schema_json;
extern const char* const emulator_identity_namespaces_json;

namespace emulator {

using nlohmann::json;

namespace {

bool is_collection(const std::string& name) {
  return std::find(std::begin(kCollections), std::end(kCollections), name) !=
         std::end(kCollections);
}

Response create(Call& call, const std::string& collection) {
  const Request& req = call.req;
  if (req.body.empty()) {
    return reply(bad_request("1405",
                             "The request body cannot be null or empty. Please provide a request "
                             "body and try again.",
                             call.rid));
  }
  if (!json_content(req)) return reply(content_type_error());
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded())
    return reply(invalid_request("The request body is not valid JSON", call.rid));
  if (!body.is_object())
    return reply(invalid_request("The request body must be a JSON object", call.rid));
  if (json_depth(body) > kMaxBodyDepth) {
    return reply(invalid_request(
        "The request body nests deeper than " + std::to_string(kMaxBodyDepth) + " levels",
        call.rid));
  }
  if (collection == "connections") return create_connection(call, body);
  if (collection == "sourceConnections") return create_source_connection(call, body);
  if (collection == "targetConnections") return create_target_connection(call, body);
  return create_flow(call, body);
}

// The routes of Flow Service below its base path, after the gateway's checks:
//   /connectionSpecs..., /flowSpecs...         catalogue.cpp
//   /runs, /runs/{id}                          runs_endpoint.cpp
//   GET|POST /{collection}                     entities.cpp (list), the collection's file (create)
//   GET|PATCH|DELETE /{collection}/{id}        entities.cpp
//   POST /flows/{id}/action?op=enable|disable  flows.cpp
Response route_flow_service(Call& call) {
  const Request& req = call.req;
  if (auto f = check_gateway_headers(call)) return reply(*f);
  ++(req.method == "GET" ? call.state.stats.reads : call.state.stats.writes);
  const auto parts = split_path(call.path);
  if (parts.empty()) return reply(not_found("endpoint", call.path, call.rid));
  const std::string& collection = parts[0];
  if (collection == "connectionSpecs" || collection == "flowSpecs") return catalogue(call, parts);
  if (collection == "runs") return runs(call, parts);
  if (!is_collection(collection)) return reply(not_found("endpoint", call.path, call.rid));
  if (parts.size() == 1) {
    if (req.method == "GET") return list_entities(call, collection);
    if (req.method == "POST") return create(call, collection);
    return reply(method_not_allowed(call.rid));
  }
  const std::string& id = parts[1];
  if (parts.size() == 3 && collection == "flows" && parts[2] == "action") {
    if (req.method != "POST") return reply(method_not_allowed(call.rid));
    return flow_action(call, id);
  }
  if (parts.size() != 2) return reply(not_found("endpoint", call.path, call.rid));
  if (req.method == "GET") return get_entity(call, collection, id);
  if (req.method == "PATCH") {
    if (!json_content(req)) return reply(content_type_error());
    return patch_entity(call, collection, id);
  }
  if (req.method == "DELETE") return delete_entity(call, collection, id);
  return reply(method_not_allowed(call.rid));
}

// Bumps the etag of the entity a request addresses, in every sandbox that holds it.
void touch(State& state, const std::string& path) {
  auto parts = split_path(path);
  if (parts.size() < 2 || !is_collection(parts[0])) return;
  for (auto& [name, sb] : state.sandboxes) {
    auto& coll = sb.collections[parts[0]];
    auto it = coll.by_id.find(parts[1]);
    if (it == coll.by_id.end()) continue;
    std::string etag = state.new_etag();
    it->second["etag"] = etag;
    it->second["version"] = etag;
  }
}

}  // namespace

struct Service::State : emulator::State {};

Service::Service(Options options, std::function<std::chrono::system_clock::time_point()> clock)
    : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->clock = std::move(clock);
  state_->connection_specs = json::parse(emulator_connection_specs_json);
  state_->flow_specs = json::parse(emulator_flow_specs_json);
  state_->datasets = seed_datasets(state_->options.seed_datasets);
  state_->profile_union = json::parse(emulator_profile_union_schema_json);
  state_->namespaces = json::parse(emulator_identity_namespaces_json);
  const std::uint64_t seed = state_->options.seed.value_or(std::random_device{}());
  state_->faults = FaultPlan(seed);
  state_->run_rng.seed(seed ^ 0x9e3779b97f4a7c15ULL);
  for (const auto& f : state_->options.faults)
    state_->faults.add(f);
  if (state_->options.chaos_rate > 0) {
    state_->faults.add_chaos(state_->options.chaos_rate, state_->options.chaos_retry_after);
  }
  seed_flows(*state_, [this](const Request& r) { return route(r); });
  state_->stats = {};
}

Service::~Service() = default;

// Everything but the lock: the rate limit, faults, then IMS, Flow Service, one of the Platform
// APIs a mapping set is built with, or the ad hoc activation API, by path. Paths outside them are
// not served: a client that drops the base path gets 404.
Response Service::route(const Request& req) {
  emulator::State& state = *state_;
  std::string rid;
  if (auto it = req.headers.find("x-request-id"); it != req.headers.end()) rid = it->second;
  if (rid.empty()) rid = state.uuid();
  using Router = Response (*)(Call&);
  static const std::pair<const char*, Router> bases[] = {
      {kFlowServicePath, route_flow_service},
      {kConversionPath, route_conversion},
      {kEntityTypesPath, route_entity_types},
      {kNamespacesPath, route_namespaces},
      {kAdhocActivationPath, route_adhoc_activation}};
  Router router = nullptr;
  std::string path = req.path;
  for (const auto& [base, r] : bases) {
    const std::string prefix = base;
    if (req.path.starts_with(prefix + "/") || req.path == prefix) {
      router = r;
      path = req.path.substr(prefix.size());
      break;
    }
  }
  // Faults name Flow Service paths below its base path, as the client's requests do; the other
  // services' paths are matched whole.
  const std::string fault_path = router == route_flow_service ? path : req.path;
  Call call{state, req, path, rid, "", nullptr};
  auto answer = [&]() -> Response {
    if (req.path == kImsTokenPath) return issue_token(state, req);
    if (!router) return reply(not_found("endpoint", req.path, rid));
    return router(call);
  };
  Response r;
  int retry_after = 1;
  if (!admit(state, req, retry_after)) {
    ++state.stats.throttled;
    r = reply(gateway_error(429, "429050", "Too many requests"));
    r.headers["Retry-After"] = std::to_string(retry_after);
  } else if (auto in = state.faults.pick(req.method, fault_path)) {
    ++state.stats.faults;
    if (in->action == FaultAction::touch) touch(state, fault_path);
    r = in->action == FaultAction::status || in->action == FaultAction::drop_before
            ? injected_response(*in, rid)
            : answer();
    apply_delivery(*in, r);
  } else {
    r = answer();
  }
  r.headers["x-request-id"] = rid;
  return r;
}

Response Service::handle(const Request& req) {
  std::lock_guard lock(state_->mutex);
  ++state_->stats.requests;
  try {
    advance_runs(*state_);
    return route(req);
  } catch (const std::exception&) {
    // What went wrong stays here: an answer carries no library text.
    Response r = reply(flow_error(500, "1102", "Internal Error",
                                  "An internal error has occurred. Please try again. If the "
                                  "problem persists, please contact customer support.",
                                  ""));
    return r;
  }
}

Stats Service::stats() const {
  std::lock_guard lock(state_->mutex);
  return state_->stats;
}

void Service::reset() {
  std::lock_guard lock(state_->mutex);
  state_->sandboxes.clear();
  state_->issued_tokens.clear();
  state_->stats = {};
}

void Service::add_fault(Fault f) {
  std::lock_guard lock(state_->mutex);
  state_->faults.add(std::move(f));
}

void Service::clear_faults() {
  std::lock_guard lock(state_->mutex);
  state_->faults.clear();
}

std::optional<nlohmann::json> Service::stored(const std::string& sandbox,
                                              const std::string& collection,
                                              const std::string& id) const {
  std::lock_guard lock(state_->mutex);
  auto s = state_->sandboxes.find(sandbox);
  if (s == state_->sandboxes.end()) return std::nullopt;
  auto c = s->second.collections.find(collection);
  if (c == s->second.collections.end()) return std::nullopt;
  auto e = c->second.by_id.find(id);
  if (e == c->second.by_id.end()) return std::nullopt;
  return e->second;
}

void Service::revoke_tokens() {
  std::lock_guard lock(state_->mutex);
  state_->issued_tokens.clear();
}

}  // namespace emulator
