#include "aepflow/pipeline_file/reconcile.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/parallel.hpp"
#include "aepflow/flow/etag.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/resolve.hpp"
#include "aepflow/specs/spec_check.hpp"

namespace aepflow {

using nlohmann::json;

std::string_view to_string(Change c) {
  switch (c) {
    case Change::none:
      return "unchanged";
    case Change::create:
      return "create";
    case Change::update:
      return "update";
    case Change::replace:
      return "replace";
    case Change::destroy:
      return "destroy";
  }
  return "unchanged";
}

std::vector<ResourcePlan*> PipelinePlan::resources() {
  return {&profile_base, &source, &connection, &target, &flow, &exports};
}

std::vector<const ResourcePlan*> PipelinePlan::resources() const {
  return {&profile_base, &source, &connection, &target, &flow, &exports};
}

bool PipelinePlan::changes_anything() const {
  for (const auto* r : resources()) {
    if (r->change != Change::none) return true;
  }
  return false;
}

bool PipelinePlan::needs_replace() const {
  for (const auto* r : resources()) {
    if (r->change == Change::replace) return true;
  }
  return false;
}

namespace {

std::string spec_id(const json& resource, const char* key = "connectionSpec") {
  return text_of(resource.value(key, json::object()), "id");
}

// A value as text, for comparing what the file says with what the service stores.
std::string shown(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The one resource of this name, if any. Two of the same name: an error listing them.
Result<std::optional<json>> find_named(FlowService& service, Collection c,
                                       const std::string& name) {
  ListQuery q;
  if (name.find(',') == std::string::npos) q.properties.push_back("name==" + name);
  auto all = service.list_all(c, q);
  if (!all) return std::unexpected(all.error());
  std::vector<json> found;
  for (auto& item : *all) {
    if (text_of(item, "name") == name) found.push_back(std::move(item));
  }
  if (found.size() > 1) {
    std::string ids;
    for (const auto& f : found)
      ids += (ids.empty() ? "" : ", ") + text_of(f, "id");
    return usage(std::to_string(found.size()) + " " + std::string(collection_noun(c)) +
                 "s are named '" + name + "' (" + ids +
                 "): aepflow finds resources by name and cannot tell which one the file means; "
                 "rename or delete all but one");
  }
  if (found.empty()) return std::optional<json>{};
  return std::optional<json>{std::move(found.front())};
}

Result<void> locate(FlowService& service, ResourcePlan& r) {
  auto found = find_named(service, r.collection, r.name);
  if (!found) return std::unexpected(found.error());
  if (*found) {
    r.current = std::move(**found);
    r.id = text_of(r.current, "id");
  }
  return {};
}

ResourcePlan resource(Collection c, std::string kind, std::string name) {
  ResourcePlan r;
  r.collection = c;
  r.kind = std::move(kind);
  r.name = std::move(name);
  return r;
}

// create when absent; replace when present but a fixed part differs (`fixed` lists them).
void decide(ResourcePlan& r, const std::vector<std::string>& fixed) {
  if (r.id.empty()) {
    r.change = Change::create;
    return;
  }
  if (!fixed.empty()) {
    r.change = Change::replace;
    r.details.insert(r.details.end(), fixed.begin(), fixed.end());
  }
}

// Differences between the params the file gives and those stored; secrets (references, or
// fields not known to be harmless when `secrets_hidden`) cannot be compared and are skipped.
std::vector<std::string> param_changes(const json& want, const json& have, bool secrets_hidden) {
  std::vector<std::string> out;
  const json stored = have.is_object() ? have : json::object();
  for (const auto& [key, value] : want.items()) {
    if (secrets_hidden && !is_shown_credential_field(key)) continue;
    if (value.is_string() && (value.get<std::string>().starts_with("env:") ||
                              value.get<std::string>().starts_with("file:"))) {
      continue;
    }
    auto it = stored.find(key);
    if (it == stored.end()) {
      out.push_back("params." + key + ": (absent) -> " + shown(value));
    } else if (shown(*it) != shown(value)) {
      out.push_back("params." + key + ": " + shown(*it) + " -> " + shown(value));
    }
  }
  for (const auto& [key, value] : stored.items()) {
    if (secrets_hidden && !is_shown_credential_field(key)) continue;
    // The service stamps auth.params.authorizedDate itself: no file gives it.
    if (secrets_hidden && key == "authorizedDate") continue;
    if (!want.contains(key)) out.push_back("params." + key + ": " + shown(value) + " -> (absent)");
  }
  return out;
}

Expectation expectation_of(const PipelineSpec& spec) {
  Expectation e;
  e.audiences = spec.audiences;
  e.attributes = spec.attributes;
  e.mandatory = spec.mandatory;
  e.dedup_keys = spec.dedup_keys;
  return e;
}

std::vector<std::string> drift_lines(const Drift& d) {
  std::vector<std::string> out;
  for (const auto& a : d.missing_audiences)
    out.push_back("+ audience " + a);
  for (const auto& c : d.changed) {
    out.push_back("~ audience " + c.audience + ": " + c.field + ": " + c.actual + " -> " +
                  c.expected);
  }
  for (const auto& a : d.extra_audiences)
    out.push_back("- audience " + a);
  for (const auto& a : d.missing_attributes)
    out.push_back("+ attribute " + a);
  for (const auto& a : d.extra_attributes)
    out.push_back("- attribute " + a);
  for (const auto& a : d.missing_mandatory)
    out.push_back("+ mandatory field " + a);
  for (const auto& a : d.extra_mandatory)
    out.push_back("- mandatory field " + a + " (left in place: not removed by apply)");
  for (const auto& a : d.missing_dedup_keys)
    out.push_back("+ dedup key " + a);
  for (const auto& a : d.extra_dedup_keys)
    out.push_back("- dedup key " + a + " (left in place: not removed by apply)");
  return out;
}

// Whether anything in the drift is something apply changes.
bool actionable(const Drift& d) {
  return !d.missing_audiences.empty() || !d.changed.empty() || !d.extra_audiences.empty() ||
         !d.missing_attributes.empty() || !d.extra_attributes.empty() ||
         !d.missing_mandatory.empty() || !d.missing_dedup_keys.empty();
}

PipelinePlan skeleton(const PipelineSpec& spec) {
  PipelinePlan p;
  p.pipeline = spec.name;
  p.profile_base =
      resource(Collection::connections, "Profile Store base connection", spec.profile_base_name);
  p.source = resource(Collection::source_connections, "source connection", spec.source_name);
  p.connection = resource(Collection::connections, "base connection", spec.connection_name);
  p.target = resource(Collection::target_connections, "target connection", spec.target_name);
  p.flow = resource(Collection::flows, "dataflow", spec.flow_name);
  p.exports = resource(Collection::flows, "exports of dataflow", spec.flow_name);
  return p;
}

// The destination against its specs, as `connection create` and `target create` check it.
Result<void> check_spec(FlowService& service, const PipelineSpec& spec, PipelinePlan& p) {
  auto cs = service.get(Collection::connection_specs, p.connection_spec_id);
  if (!cs) return std::unexpected(cs.error());
  json auth = spec.auth_params, target = spec.target_params;
  if (auto ok = check_auth_params(*cs, spec.auth_spec, auth, p.warnings, ParamReferences::allowed);
      !ok) {
    return ok;
  }
  return check_target_params(*cs, target, p.warnings, ParamReferences::allowed);
}

// The flow spec against the connections it will link, as `flow create` checks it.
Result<void> check_flow_spec(FlowService& service, const PipelineSpec& spec,
                             const PipelinePlan& p) {
  auto fs = service.get(Collection::flow_specs, p.flow_spec_id);
  if (!fs) return std::unexpected(fs.error());
  return check_flow_spec_fits(
      *fs, p.flow_spec_id,
      {std::string(profile_store_spec_id), "source connection \"" + spec.source_name + "\""},
      {p.connection_spec_id, "target connection \"" + spec.target_name + "\""});
}

bool gone(const ResourcePlan& r) {
  return r.change == Change::create || r.change == Change::replace;
}

// A connection hangs on its base connection: when that is made anew, or is another one than the
// file's, the connection must be made anew too.
void check_base(const ResourcePlan& r, const ResourcePlan& base, std::vector<std::string>& fixed) {
  if (gone(base)) {
    fixed.push_back("its base connection is " + std::string(to_string(base.change)) + "d");
  } else if (text_of(r.current, "baseConnectionId") != base.id) {
    fixed.push_back("base connection " + text_of(r.current, "baseConnectionId") + " -> " + base.id);
  }
}

}  // namespace

Result<PipelinePlan> plan_pipeline(FlowService& service, const PipelineSpec& spec,
                                   const std::string& today) {
  PipelinePlan p = skeleton(spec);
  if (auto ok = check_new_audiences(spec.audiences, activation_defaults(today)); !ok) {
    return std::unexpected(ok.error());
  }
  auto conn_spec = resolve_connection_spec(service, spec.destination);
  if (!conn_spec) return std::unexpected(conn_spec.error());
  p.connection_spec_id = *conn_spec;
  auto flow_spec =
      resolve_flow_spec(service, spec.flow_spec.empty() ? spec.destination : spec.flow_spec);
  if (!flow_spec) return std::unexpected(flow_spec.error());
  p.flow_spec_id = *flow_spec;
  // The spec checks and the five look-ups do not depend on each other: one round trip.
  std::vector<Step> reads{[&] { return check_spec(service, spec, p); },
                          [&] { return check_flow_spec(service, spec, p); }};
  for (auto* r : {&p.profile_base, &p.source, &p.connection, &p.target, &p.flow}) {
    reads.push_back([&service, r] { return locate(service, *r); });
  }
  if (auto ok = run_steps(reads, service.concurrent()); !ok) return std::unexpected(ok.error());
  const std::string ups(profile_store_spec_id);

  std::vector<std::string> fixed;
  if (!p.profile_base.id.empty() && spec_id(p.profile_base.current) != ups) {
    fixed.push_back("connection spec " + spec_id(p.profile_base.current) + " -> " + ups);
  }
  decide(p.profile_base, fixed);

  fixed.clear();
  if (!p.source.id.empty()) check_base(p.source, p.profile_base, fixed);
  decide(p.source, fixed);

  fixed.clear();
  if (!p.connection.id.empty()) {
    if (spec_id(p.connection.current) != p.connection_spec_id) {
      fixed.push_back("connection spec " + spec_id(p.connection.current) + " -> " +
                      p.connection_spec_id);
    }
    const json auth = p.connection.current.value("auth", json::object());
    if (text_of(auth, "specName") != spec.auth_spec) {
      fixed.push_back("auth spec " + text_of(auth, "specName") + " -> " + spec.auth_spec);
    }
  }
  decide(p.connection, fixed);
  if (p.connection.change == Change::none) {
    p.connection.details =
        param_changes(spec.auth_params,
                      p.connection.current.value("auth", json::object()).value("params", json()),
                      /*secrets_hidden=*/true);
    if (!p.connection.details.empty()) p.connection.change = Change::update;
  }

  fixed.clear();
  if (!p.target.id.empty()) {
    if (spec_id(p.target.current) != p.connection_spec_id) {
      fixed.push_back("connection spec " + spec_id(p.target.current) + " -> " +
                      p.connection_spec_id);
    }
    check_base(p.target, p.connection, fixed);
  }
  decide(p.target, fixed);
  if (p.target.change == Change::none) {
    p.target.details = param_changes(spec.target_params, p.target.current.value("params", json()),
                                     /*secrets_hidden=*/false);
    if (!p.target.details.empty()) p.target.change = Change::update;
  }

  fixed.clear();
  if (!p.flow.id.empty()) {
    if (spec_id(p.flow.current, "flowSpec") != p.flow_spec_id) {
      fixed.push_back("flow spec " + spec_id(p.flow.current, "flowSpec") + " -> " + p.flow_spec_id);
    }
    for (auto [dep, key] : {std::pair{&p.source, "sourceConnectionIds"},
                            std::pair{&p.target, "targetConnectionIds"}}) {
      const json ids = p.flow.current.value(key, json::array());
      if (gone(*dep)) {
        fixed.push_back("its " + dep->kind + " is " + std::string(to_string(dep->change)) + "d");
      } else if (ids != json::array({dep->id})) {
        fixed.push_back(std::string(key) + " " + ids.dump() + " -> [\"" + dep->id + "\"]");
      }
    }
  }
  decide(p.flow, fixed);

  p.exports.id = p.flow.id;
  p.drift = compare(gone(p.flow) ? json::object() : p.flow.current, expectation_of(spec));
  p.exports.details = drift_lines(p.drift);
  if (actionable(p.drift)) p.exports.change = gone(p.flow) ? Change::create : Change::update;
  return p;
}

Result<PipelinePlan> plan_destroy(FlowService& service, const PipelineSpec& spec) {
  PipelinePlan p = skeleton(spec);
  std::vector<Step> reads;
  for (auto* r : {&p.profile_base, &p.source, &p.connection, &p.target, &p.flow}) {
    reads.push_back([&service, r] { return locate(service, *r); });
  }
  if (auto ok = run_steps(reads, service.concurrent()); !ok) return std::unexpected(ok.error());
  for (auto* r : {&p.profile_base, &p.source, &p.connection, &p.target, &p.flow}) {
    if (!r->id.empty()) r->change = Change::destroy;
  }
  return p;
}

namespace {

// What apply works from: the plan, the file, and the secrets of the connection, read once before
// any branch starts.
struct Work {
  FlowService& service;
  const PipelineSpec& spec;
  PipelinePlan& p;
  const ApplyHooks& hooks;
  json auth_params;
  std::optional<json> made_flow;  // the flow as just created, with its etag
  std::mutex done_mutex;          // hooks.done is called from either branch

  void done(const ResourcePlan& r) {
    if (!hooks.done) return;
    std::lock_guard lock(done_mutex);
    hooks.done(r, r.id);
  }
};

Result<Created> create(Work& w, const ResourcePlan& r) {
  PipelinePlan& p = w.p;
  if (&r == &p.profile_base) {
    NewConnection c;
    c.name = r.name;
    c.spec.id = std::string(profile_store_spec_id);
    return w.service.create_connection(c);
  }
  if (&r == &p.source) {
    NewSourceConnection s;
    s.name = r.name;
    s.base_connection_id = p.profile_base.id;
    return w.service.create_source_connection(s);
  }
  if (&r == &p.connection) {
    NewConnection c;
    c.name = r.name;
    c.spec.id = p.connection_spec_id;
    c.auth_spec = w.spec.auth_spec;
    c.auth_params = w.auth_params;
    return w.service.create_connection(c);
  }
  if (&r == &p.target) {
    NewTargetConnection t;
    t.name = r.name;
    t.base_connection_id = p.connection.id;
    t.spec.id = p.connection_spec_id;
    t.params = w.spec.target_params;
    return w.service.create_target_connection(t);
  }
  NewFlow f;
  f.name = r.name;
  f.flow_spec.id = p.flow_spec_id;
  f.source_connection_id = p.source.id;
  f.target_connection_id = p.target.id;
  auto made = w.service.create_flow(f);
  if (made && !made->etag.empty()) {
    // Its exports are planned against what was sent, under the etag the create returned: no read.
    json flow = requests::new_flow_body(f);
    flow["id"] = made->id;
    flow["etag"] = made->etag;
    w.made_flow = std::move(flow);
  }
  return made;
}

Result<void> update(Work& w, ResourcePlan& r) {
  auto current = w.service.get(r.collection, r.id);
  if (!current) return std::unexpected(current.error());
  auto etag = normalize_etag(text_of(*current, "etag"));
  if (!etag) return std::unexpected(etag.error());
  json ops;
  if (r.collection == Collection::connections) {
    ops = json::array({{{"op", "replace"}, {"path", "/auth/params"}, {"value", w.auth_params}}});
  } else {
    ops = json::array({{{"op", "replace"}, {"path", "/params"}, {"value", w.spec.target_params}}});
  }
  auto patched = w.service.patch(r.collection, r.id, *etag, ops);
  if (!patched) return std::unexpected(patched.error());
  return {};
}

// Makes one resource what the plan says: created, updated, or left alone.
Result<void> make(Work& w, ResourcePlan& r) {
  if (r.change == Change::create || r.change == Change::replace) {
    auto made = create(w, r);
    if (!made) return std::unexpected(made.error());
    r.id = made->id;
  } else if (r.change == Change::update) {
    if (auto ok = update(w, r); !ok) return ok;
  } else {
    return {};
  }
  w.done(r);
  return {};
}

// Deletes the resource a replacement supersedes.
Result<void> remove_old(Work& w, ResourcePlan& r) {
  if (r.change != Change::replace) return {};
  if (auto ok = w.service.remove(r.collection, r.id); !ok) return ok;
  r.id.clear();
  return {};
}

// Runs `step` on `first`, then on `second` when the first succeeded: one branch of the pipeline.
Step branch(Work& w, Result<void> (*step)(Work&, ResourcePlan&), ResourcePlan& first,
            ResourcePlan& second) {
  return [&w, step, &first, &second]() -> Result<void> {
    if (auto ok = step(w, first); !ok) return ok;
    return step(w, second);
  };
}

Result<void> apply_exports(Work& w) {
  FlowService& service = w.service;
  const PipelineSpec& spec = w.spec;
  const PipelinePlan& p = w.p;
  ApplyOptions options;
  options.sleep = w.hooks.sleep;
  // Removals first, by ID, planned against a fresh read (indexes are the flow's own).
  if (!p.drift.extra_audiences.empty() || !p.drift.extra_attributes.empty()) {
    auto removed = apply_flow_change(
        service, p.flow.id,
        [&](const json& flow) -> Result<json> {
          // Only what the file does not list, re-derived from this read.
          Drift now = compare(flow, expectation_of(spec));
          return plan_deactivation(flow, now.extra_audiences, now.extra_attributes).ops;
        },
        options);
    if (!removed) return std::unexpected(removed.error());
  } else {
    options.known = std::move(w.made_flow);
  }
  ActivationRequest request;
  request.audiences = spec.audiences;
  request.new_defaults = activation_defaults(w.hooks.today);
  request.attributes = spec.attributes;
  request.mandatory = spec.mandatory;
  request.dedup_keys = spec.dedup_keys;
  request.update = true;
  auto added = apply_flow_change(
      service, p.flow.id,
      [&](const json& flow) -> Result<json> {
        auto plan = plan_activation(flow, request);
        if (!plan) return std::unexpected(plan.error());
        return plan->ops;
      },
      options);
  if (!added) return std::unexpected(added.error());
  return {};
}

}  // namespace

Result<void> apply_pipeline(FlowService& service, const PipelineSpec& spec, PipelinePlan& p,
                            const ApplyHooks& hooks) {
  Work w{service, spec, p, hooks, json::object(), std::nullopt, {}};
  if (p.connection.change != Change::none) {
    auto params = hooks.resolve_params(spec.auth_params);
    if (!params) return std::unexpected(params.error());
    w.auth_params = std::move(*params);
  }
  // The Profile Store branch (base, source) and the destination branch (base, target) do not
  // depend on each other: they run at the same time when the transport allows it.
  const bool concurrent = service.concurrent();
  // Replacements: the old resources go first, dependents before what they depend on.
  if (auto ok = remove_old(w, p.flow); !ok) return ok;
  if (auto ok = run_steps({branch(w, remove_old, p.source, p.profile_base),
                           branch(w, remove_old, p.target, p.connection)},
                          concurrent);
      !ok) {
    return ok;
  }
  if (auto ok = run_steps(
          {branch(w, make, p.profile_base, p.source), branch(w, make, p.connection, p.target)},
          concurrent);
      !ok) {
    return ok;
  }
  if (auto ok = make(w, p.flow); !ok) return ok;
  p.exports.id = p.flow.id;
  if (p.exports.change != Change::none) {
    if (auto ok = apply_exports(w); !ok) return ok;
    w.done(p.exports);
  }
  return {};
}

}  // namespace aepflow
