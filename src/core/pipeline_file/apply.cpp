#include "aepflow/pipeline_file/apply.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "aepflow/activation/activate_flow.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/parallel.hpp"
#include "aepflow/flow/change.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/pipeline_file/duplicates.hpp"
#include "aepflow/pipeline_file/in_use.hpp"
#include "aepflow/pipeline_file/plan.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/key_params.hpp"
#include "aepflow/specs/resolve.hpp"
#include "aepflow/specs/spec_check.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

// What apply works from: the plan, the file, and the secrets of the connection, read once before
// any branch starts.
struct Work {
  FlowService& service;
  const PipelineSpec& spec;
  PipelinePlan& p;
  const ApplyHooks& hooks;
  json auth_params;
  std::optional<std::string> encryption_key;  // base64, read from the file's reference
  std::optional<json> made_flow;              // the flow as just created, with its etag
  std::mutex done_mutex;                      // the hooks are called from either branch

  void done(const ResourcePlan& r) {
    if (!hooks.done) return;
    std::lock_guard lock(done_mutex);
    hooks.done(r, r.id);
  }
  void note(const std::string& message) {
    if (!hooks.note) return;
    std::lock_guard lock(done_mutex);
    hooks.note(message);
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
    if (!w.spec.auth_spec.empty()) {
      c.auth_spec = w.spec.auth_spec;
      c.auth_params = w.auth_params;
    }
    c.encryption_public_key = w.encryption_key;
    return w.service.create_connection(c);
  }
  if (&r == &p.target) {
    NewTargetConnection t;
    t.name = r.name;
    t.base_connection_id = p.connection.id;
    t.spec.id = p.connection_spec_id;
    t.params = p.target_params;
    return w.service.create_target_connection(t);
  }
  NewFlow f;
  f.name = r.name;
  f.flow_spec.id = p.flow_spec_id;
  f.source_connection_id = p.source.id;
  f.target_connection_id = p.target.id;
  f.mapped = uses_data_prep(p.connection_spec_id);
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

// What the plan found different, changed in place under the etag read just before: the name
// (a rename), the description, and the connection's auth params or the target's params as the
// file gives them (every one: a replace of /auth/params overwrites them all). A change made
// meanwhile by someone else is read again and the ops sent again.
Result<void> update(Work& w, ResourcePlan& r) {
  bool params = false;
  std::optional<std::string> name, description;
  for (const auto& d : r.details) {
    if (d.kind != Difference::Kind::value) continue;
    if (d.field.starts_with("params.")) params = true;
    if (d.field == "name") name = r.name;
    if (d.field == "description") description = d.to.value_or("");
  }
  const bool connection = r.collection == Collection::connections;
  ApplyOptions options;
  options.sleep = w.hooks.sleep;
  options.known = r.current;  // as plan read it: a 412 reads it again
  auto applied = apply_change(
      w.service, r.collection, r.id,
      [&](const json& now) -> Result<json> {
        json ops = json::array();
        // What is already so (a PATCH whose answer was lost, then a 412) is not sent again.
        auto set = [&](const char* key, const std::optional<std::string>& value) {
          if (!value || text_of(now, key) == *value) return;
          ops.push_back({{"op", now.contains(key) ? "replace" : "add"},
                         {"path", std::string("/") + key},
                         {"value", *value}});
        };
        set("name", name);
        set("description", description);
        if (params && connection) {
          ops.push_back({{"op", "replace"}, {"path", "/auth/params"}, {"value", w.auth_params}});
        } else if (params && r.collection == Collection::target_connections &&
                   member(now, "params") != w.p.target_params) {
          ops.push_back({{"op", "replace"}, {"path", "/params"}, {"value", w.p.target_params}});
        }
        return ops;
      },
      options);
  if (!applied) return std::unexpected(applied.error());
  return {};
}

// Makes one resource what the plan says: created, updated, or left alone.
Result<void> make(Work& w, ResourcePlan& r) {
  if (r.change == Change::create || r.change == Change::replace) {
    auto made = create(w, r);
    if (!made) return std::unexpected(made.error());
    r.id = made->id;
    const std::string mine = r.id;
    auto settled = settle_created(w.service, r);
    if (!settled) return std::unexpected(settled.error());
    if (*settled) {
      if (&r == &w.p.flow) w.made_flow.reset();  // its exports are read from the one kept
      w.note("another apply made " + r.kind + " \"" + r.name + "\" at the same time: using " +
             "its " + r.id + ", and deleted the one made here (" + mine + ")");
    }
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

// Deletes the duplicates of the file's names, dependents first; one in use is kept and said so.
Result<void> remove_duplicates(Work& w) {
  std::vector<ResourcePlan*> going;
  for (auto& d : w.p.duplicates) {
    if (d.change == Change::destroy) going.push_back(&d);
  }
  std::stable_sort(going.begin(), going.end(), [](const ResourcePlan* a, const ResourcePlan* b) {
    return removal_rank(a->collection) < removal_rank(b->collection);
  });
  for (auto* d : going) {
    if (auto ok = remove_or_keep(w.service, *d); !ok) return ok;
    if (d->change == Change::keep) {
      w.note("kept " + d->kind + " \"" + d->name + "\" (" + d->id + "): it is in use");
    } else {
      w.done(*d);
    }
  }
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
  // Removals first, by ID, against a fresh read (indexes are the flow's own): what the plan
  // found on the flow and not in the file.
  const Drift& d = p.drift;
  if (!d.extra_audiences.empty() || !d.extra_attributes.empty() || !d.extra_identities.empty()) {
    auto removed = deactivate_flow(service, w.hooks.mapping, p.flow.id, d.extra_audiences,
                                   d.extra_attributes, d.extra_identities, options);
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
  request.identities = spec.identities;
  auto added =
      activate_flow(service, w.hooks.mapping, p.flow.id, std::move(request), std::move(options));
  if (!added) return std::unexpected(added.error());
  return {};
}

// The connection's secrets and encryption key, read from the file's references and checked as
// `connection create` checks them: the real values against the spec's patterns, a key file
// encoded as the spec asks (sshKey), a PGP private key refused.
Result<void> read_credentials(Work& w) {
  const PipelineSpec& spec = w.spec;
  auto params = w.hooks.resolve_params(spec.auth_params);
  if (!params) return std::unexpected(params.error());
  w.auth_params = std::move(*params);
  if (spec.auth_spec.empty() && spec.encryption_key.empty()) return {};
  const json* cs = &w.p.connection_spec;
  if (!spec.auth_spec.empty()) {
    std::vector<std::string> unknown;  // plan has warned of these already
    if (auto ok = check_auth_params(*cs, spec.auth_spec, w.auth_params, unknown); !ok) return ok;
  }
  if (spec.encryption_key.empty()) return {};
  auto key = w.hooks.resolve_params(json{{"publicKey", spec.encryption_key}});
  if (!key) return std::unexpected(key.error());
  auto encoded =
      pgp_public_key_param(key->value("publicKey", std::string()), "connection.encryptionKey");
  if (!encoded) return std::unexpected(encoded.error());
  if (auto ok = check_encryption(*cs, *encoded); !ok) return ok;
  w.encryption_key = std::move(*encoded);
  return {};
}

}  // namespace

Result<void> apply_pipeline(FlowService& service, const PipelineSpec& spec, PipelinePlan& p,
                            const ApplyHooks& hooks) {
  Work w{service, spec, p, hooks, json::object(), std::nullopt, std::nullopt, {}};
  if (p.connection.change != Change::none) {
    if (auto ok = read_credentials(w); !ok) return ok;
  }
  // The Profile Store branch (base, source) and the destination branch (base, target) do not
  // depend on each other: they run at the same time when the transport allows it.
  const bool concurrent = service.concurrent();
  if (auto ok = remove_duplicates(w); !ok) return ok;
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
