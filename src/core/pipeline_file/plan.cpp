#include "aepflow/pipeline_file/plan.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include "aepflow/activation/guardrails.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/parallel.hpp"
#include "aepflow/flow/etag.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/flow/users.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/pipeline_file/duplicates.hpp"
#include "aepflow/pipeline_file/in_use.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/file_options.hpp"
#include "aepflow/specs/key_params.hpp"
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
    case Change::keep:
      return "keep";
  }
  return "unchanged";
}

std::vector<ResourcePlan*> PipelinePlan::resources() {
  std::vector<ResourcePlan*> all = {&profile_base, &source, &connection, &target, &flow, &exports};
  for (auto& d : duplicates)
    all.push_back(&d);
  return all;
}

std::vector<const ResourcePlan*> PipelinePlan::resources() const {
  std::vector<const ResourcePlan*> all = {&profile_base, &source, &connection,
                                          &target,       &flow,   &exports};
  for (const auto& d : duplicates)
    all.push_back(&d);
  return all;
}

bool PipelinePlan::changes_anything() const {
  for (const auto* r : resources()) {
    if (r->change != Change::none && r->change != Change::keep) return true;
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
  return text_of(member(resource, key), "id");
}

// A value as text, for comparing what the file says with what the service stores.
std::string shown(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The resource of this name, if any; of several, the oldest for now (choose_kept decides).
Result<void> locate(FlowService& service, ResourcePlan& r) {
  auto found = find_named(service, r.collection, r.name);
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return {};
  r.current = oldest(*found);
  r.id = text_of(r.current, "id");
  if (found->size() > 1) r.found = std::move(*found);
  return {};
}

// The look-ups run at once, so one may miss what another apply made meanwhile. What a found
// resource stands on was made before it: looked up again, it is found.
Result<void> locate_missed(FlowService& service, PipelinePlan& p) {
  const std::pair<ResourcePlan*, ResourcePlan*> uses[] = {{&p.flow, &p.source},
                                                          {&p.flow, &p.target},
                                                          {&p.source, &p.profile_base},
                                                          {&p.target, &p.connection}};
  for (auto [user, used] : uses) {
    if (user->id.empty() || !used->id.empty()) continue;
    if (auto ok = locate(service, *used); !ok) return ok;
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
Difference value_change(std::string field, std::optional<std::string> from,
                        std::optional<std::string> to) {
  Difference d;
  d.field = std::move(field);
  d.from = std::move(from);
  d.to = std::move(to);
  return d;
}

Difference remade(std::string field, Change how) {
  Difference d;
  d.kind = Difference::Kind::remade;
  d.field = std::move(field);
  d.to = std::string(to_string(how));
  return d;
}

void decide(ResourcePlan& r, const std::vector<Difference>& fixed) {
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
std::vector<Difference> param_changes(const json& want, const json& have, bool secrets_hidden) {
  std::vector<Difference> out;
  const json stored = have.is_object() ? have : json::object();
  for (const auto& [key, value] : want.items()) {
    if (secrets_hidden && !is_shown_credential_field(key)) continue;
    if (value.is_string() && (value.get<std::string>().starts_with("env:") ||
                              value.get<std::string>().starts_with("file:"))) {
      continue;
    }
    auto it = stored.find(key);
    if (it == stored.end()) {
      out.push_back(value_change("params." + key, std::nullopt, shown(value)));
    } else if (shown(*it) != shown(value)) {
      out.push_back(value_change("params." + key, shown(*it), shown(value)));
    }
  }
  for (const auto& [key, value] : stored.items()) {
    if (secrets_hidden && !is_shown_credential_field(key)) continue;
    // The service stamps auth.params.authorizedDate itself: no file gives it.
    if (secrets_hidden && key == "authorizedDate") continue;
    if (!want.contains(key))
      out.push_back(value_change("params." + key, shown(value), std::nullopt));
  }
  return out;
}

std::vector<Difference> drift_differences(const Drift& d) {
  std::vector<Difference> out;
  auto list = [&out](Difference::Kind kind, const char* field,
                     const std::vector<std::string>& items, bool kept = false) {
    for (const auto& item : items) {
      Difference x;
      x.kind = kind;
      x.field = field;
      x.item = item;
      x.kept = kept;
      out.push_back(std::move(x));
    }
  };
  list(Difference::Kind::added, "audience", d.missing_audiences);
  for (const auto& c : d.changed) {
    Difference x;
    x.kind = Difference::Kind::item_value;
    x.field = "audience";
    x.item = c.audience;
    x.detail = c.field;
    x.from = c.actual;
    x.to = c.expected;
    out.push_back(std::move(x));
  }
  list(Difference::Kind::removed, "audience", d.extra_audiences);
  list(Difference::Kind::added, "attribute", d.missing_attributes);
  list(Difference::Kind::removed, "attribute", d.extra_attributes);
  list(Difference::Kind::added, "identity", d.missing_identities);
  list(Difference::Kind::removed, "identity", d.extra_identities);
  list(Difference::Kind::added, "mandatory field", d.missing_mandatory);
  list(Difference::Kind::removed, "mandatory field", d.extra_mandatory, /*kept=*/true);
  list(Difference::Kind::added, "dedup key", d.missing_dedup_keys);
  list(Difference::Kind::removed, "dedup key", d.extra_dedup_keys, /*kept=*/true);
  return out;
}

// Whether anything in the drift is something apply changes.
bool actionable(const Drift& d) {
  return !d.missing_audiences.empty() || !d.changed.empty() || !d.extra_audiences.empty() ||
         !d.missing_attributes.empty() || !d.extra_attributes.empty() ||
         !d.missing_identities.empty() || !d.extra_identities.empty() ||
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
  json auth = spec.auth_params;
  if (auto ok = check_auth_chosen(*cs, spec.auth_spec, "connection.authSpec"); !ok) return ok;
  if (!spec.auth_spec.empty()) {
    if (auto ok =
            check_auth_params(*cs, spec.auth_spec, auth, p.warnings, ParamReferences::allowed);
        !ok) {
      return ok;
    }
  }
  if (!spec.encryption_key.empty()) {
    // A reference is read when applying; a key written in the file is checked now.
    const bool later = is_param_reference(spec.encryption_key);
    std::string key;
    if (!later) {
      auto encoded = pgp_public_key_param(spec.encryption_key, "connection.encryptionKey");
      if (!encoded) return std::unexpected(encoded.error());
      key = std::move(*encoded);
    }
    if (auto ok = check_encryption(*cs, key); !ok) return ok;
  }
  p.target_params = spec.target_params;
  default_mode(*cs, p.target_params);
  p.connection_spec = *cs;
  json target = p.target_params;
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
void check_base(const ResourcePlan& r, const ResourcePlan& base, std::vector<Difference>& fixed) {
  if (gone(base)) {
    fixed.push_back(remade("base connection", base.change));
  } else if (text_of(r.current, "baseConnectionId") != base.id) {
    fixed.push_back(
        value_change("base connection", text_of(r.current, "baseConnectionId"), base.id));
  }
}

// A description the file gives and the service has otherwise: changed in place.
void compare_description(ResourcePlan& r, const std::optional<std::string>& wanted) {
  if (!wanted || r.id.empty() || gone(r)) return;
  const std::string now = text_of(r.current, "description");
  if (now == *wanted) return;
  r.details.push_back(value_change("description", now, wanted));
  if (r.change == Change::none) r.change = Change::update;
}

// The one ID of `list` in `item` ("targetConnectionIds"), or empty.
std::string only_id(const json& item, const char* list) {
  const json& ids = member(item, list);
  if (!ids.is_array() || ids.size() != 1 || !ids[0].is_string()) return {};
  return ids[0].get<std::string>();
}

// A resource not found by its name may be one the file renamed: the one its neighbour, found by
// name, is linked to (a flow's target, a target's base connection, the flow that uses a target).
// Found so, it is kept and renamed in place (a name difference), not made anew. The Profile Store
// connections are left out: other pipelines share them by name.
Result<void> adopt(FlowService& service, ResourcePlan& r, const std::string& id,
                   const std::string& spec, const char* spec_key = "connectionSpec") {
  if (!r.id.empty() || id.empty()) return {};
  auto found = service.get(r.collection, id);
  if (!found) {
    if (found.error().kind == ErrorKind::not_found) return {};
    return std::unexpected(found.error());
  }
  if (spec_id(*found, spec_key) != spec) return {};
  r.current = std::move(*found);
  r.id = id;
  r.details.push_back(value_change("name", text_of(r.current, "name"), r.name));
  return {};
}

Result<void> locate_renamed(FlowService& service, PipelinePlan& p) {
  for (int round = 0; round < 2; ++round) {
    if (p.flow.id.empty() && !p.target.id.empty()) {
      auto users = users_of(service, Collection::target_connections, p.target.id);
      if (!users) return std::unexpected(users.error());
      if (users->size() == 1 && users->front().collection == Collection::flows) {
        if (auto ok = adopt(service, p.flow, users->front().id, p.flow_spec_id, "flowSpec"); !ok) {
          return ok;
        }
      }
    }
    if (!p.flow.id.empty()) {
      if (auto ok = adopt(service, p.target, only_id(p.flow.current, "targetConnectionIds"),
                          p.connection_spec_id);
          !ok) {
        return ok;
      }
    }
    if (!p.target.id.empty()) {
      if (auto ok = adopt(service, p.connection, text_of(p.target.current, "baseConnectionId"),
                          p.connection_spec_id);
          !ok) {
        return ok;
      }
    }
  }
  return {};
}

// The secrets a PATCH of the connection's /auth/params carries, as the file's references read
// when applying: `params.KEY: (secret) -> sent from env:VAR`. Said once.
void add_secret_details(PipelinePlan& p, const PipelineSpec& spec) {
  for (const auto& d : p.connection.details) {
    if (d.from == std::optional<std::string>("(secret)")) return;
  }
  const auto secret = secret_auth_params(p.connection_spec, spec.auth_spec);
  for (const auto& [key, value] : spec.auth_params.items()) {
    const bool hidden = std::find(secret.begin(), secret.end(), key) != secret.end() ||
                        !is_shown_credential_field(key);
    if (!hidden) continue;
    const std::string given = value.is_string() && is_param_reference(value.get<std::string>())
                                  ? "sent from " + value.get<std::string>()
                                  : "sent from the file";
    p.connection.details.push_back(value_change("params." + key, "(secret)", given));
  }
}
}  // namespace

Result<FlowContents> read_flow_exports(const json& flow,
                                       const std::function<Result<MappingServices>()>& mapping) {
  FlowContents contents = read_flow_contents(flow);
  if (!contents.mapped || !mapping) return contents;
  // A current card's flow: what it exports is in its mapping set, identities included.
  auto services = mapping();
  if (!services) return std::unexpected(services.error());
  return read_exports(services->prep, flow);
}

Expectation expectation_of(const PipelineSpec& spec) {
  Expectation e;
  e.audiences = spec.audiences;
  e.attributes = spec.attributes;
  e.mandatory = spec.mandatory;
  e.dedup_keys = spec.dedup_keys;
  return e;
}

Result<PipelinePlan> plan_pipeline(FlowService& service, const PipelineSpec& spec,
                                   const std::string& today,
                                   const std::function<Result<MappingServices>()>& mapping) {
  PipelinePlan p = skeleton(spec);
  // The file's own dedup keys, before anything is read: one namespace or two attributes at most.
  if (auto ok = check_dedup_keys({}, spec.dedup_keys); !ok) return std::unexpected(ok.error());
  auto conn_spec = resolve_connection_spec(service, spec.destination);
  if (!conn_spec) return std::unexpected(conn_spec.error());
  p.connection_spec_id = *conn_spec;
  // By the rules of the destination's kind: a current card's templates take the V2 macros.
  const Card card = uses_data_prep(p.connection_spec_id) ? Card::current : Card::legacy;
  if (auto ok = check_new_audiences(spec.audiences, activation_defaults(today), card); !ok) {
    return std::unexpected(ok.error());
  }
  if (auto w = retired_warning(p.connection_spec_id)) p.warnings.push_back(*w);
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
  if (auto ok = locate_missed(service, p); !ok) return std::unexpected(ok.error());
  choose_kept(p);
  if (auto ok = locate_renamed(service, p); !ok) return std::unexpected(ok.error());
  if (auto ok = keep_used(service, p.duplicates); !ok) return std::unexpected(ok.error());
  const std::string ups(profile_store_spec_id);

  std::vector<Difference> fixed;
  if (!p.profile_base.id.empty() && spec_id(p.profile_base.current) != ups) {
    fixed.push_back(value_change("connection spec", spec_id(p.profile_base.current), ups));
  }
  decide(p.profile_base, fixed);

  fixed.clear();
  if (!p.source.id.empty()) check_base(p.source, p.profile_base, fixed);
  decide(p.source, fixed);

  fixed.clear();
  if (!p.connection.id.empty()) {
    if (spec_id(p.connection.current) != p.connection_spec_id) {
      fixed.push_back(
          value_change("connection spec", spec_id(p.connection.current), p.connection_spec_id));
    }
    const json& auth = member(p.connection.current, "auth");
    if (text_of(auth, "specName") != spec.auth_spec) {
      fixed.push_back(value_change("auth spec", text_of(auth, "specName"), spec.auth_spec));
    }
  }
  decide(p.connection, fixed);
  if (p.connection.change == Change::none) {
    for (auto& d :
         param_changes(spec.auth_params, member(member(p.connection.current, "auth"), "params"),
                       /*secrets_hidden=*/true)) {
      p.connection.details.push_back(std::move(d));
    }
    if (!p.connection.details.empty()) p.connection.change = Change::update;
    // Every auth param is sent with a changed one: the secrets too, from the file's references.
    const bool params_change =
        std::any_of(p.connection.details.begin(), p.connection.details.end(),
                    [](const Difference& d) { return d.field.starts_with("params."); });
    if (params_change) add_secret_details(p, spec);
  }
  compare_description(p.connection, spec.connection_description);

  fixed.clear();
  if (!p.target.id.empty()) {
    if (spec_id(p.target.current) != p.connection_spec_id) {
      fixed.push_back(
          value_change("connection spec", spec_id(p.target.current), p.connection_spec_id));
    }
    check_base(p.target, p.connection, fixed);
  }
  decide(p.target, fixed);
  if (p.target.change == Change::none) {
    for (auto& d : param_changes(p.target_params, member(p.target.current, "params"),
                                 /*secrets_hidden=*/false)) {
      p.target.details.push_back(std::move(d));
    }
    if (!p.target.details.empty()) p.target.change = Change::update;
  }
  compare_description(p.target, spec.target_description);

  fixed.clear();
  if (!p.flow.id.empty()) {
    if (spec_id(p.flow.current, "flowSpec") != p.flow_spec_id) {
      fixed.push_back(
          value_change("flow spec", spec_id(p.flow.current, "flowSpec"), p.flow_spec_id));
    }
    for (auto [dep, key] : {std::pair{&p.source, "sourceConnectionIds"},
                            std::pair{&p.target, "targetConnectionIds"}}) {
      const json& given = member(p.flow.current, key);
      const json ids = given.is_null() ? json::array() : given;
      if (gone(*dep)) {
        fixed.push_back(remade(dep->kind, dep->change));
      } else if (ids != json::array({dep->id})) {
        fixed.push_back(value_change(key, ids.dump(), json::array({dep->id}).dump()));
      }
    }
  }
  decide(p.flow, fixed);
  if (p.flow.change == Change::none && !p.flow.details.empty()) p.flow.change = Change::update;
  compare_description(p.flow, spec.flow_description);

  p.exports.id = p.flow.id;
  const json flow = gone(p.flow) ? json::object() : p.flow.current;
  auto read = read_flow_exports(flow, mapping);
  if (!read) return std::unexpected(read.error());
  const FlowContents& contents = *read;
  Expectation expected = expectation_of(spec);
  if ((contents.mapped && mapping) || !spec.identities.empty()) {
    expected.identities = spec.identities;
  }
  // With the keys the flow has already (apply adds and never removes them).
  std::vector<DedupKey> added;
  for (const auto& k : spec.dedup_keys) {
    if (std::find(contents.dedup_keys.begin(), contents.dedup_keys.end(), k) ==
        contents.dedup_keys.end()) {
      added.push_back(k);
    }
  }
  if (auto ok = check_dedup_keys(contents.dedup_keys, added); !ok) {
    return std::unexpected(ok.error());
  }
  p.drift = compare(contents, expected);
  p.exports.details = drift_differences(p.drift);
  if (actionable(p.drift)) p.exports.change = gone(p.flow) ? Change::create : Change::update;
  return p;
}

void compare_resolved(PipelinePlan& p, const PipelineSpec& spec, const json& resolved) {
  if (p.connection.id.empty()) return;
  if (p.connection.change != Change::none && p.connection.change != Change::update) return;
  const auto secret = secret_auth_params(p.connection_spec, spec.auth_spec);
  const json& stored = member(member(p.connection.current, "auth"), "params");
  bool changed = false;
  for (const auto& [key, value] : spec.auth_params.items()) {
    if (!value.is_string() || !is_param_reference(value.get<std::string>())) continue;
    if (std::find(secret.begin(), secret.end(), key) != secret.end()) continue;
    auto now = stored.is_object() ? stored.find(key) : stored.end();
    if (!stored.is_object() || now == stored.end() || is_masked(*now)) continue;
    auto given = resolved.find(key);
    if (given == resolved.end() || *given == *now) continue;
    // Neither value is shown: what a reference reads may be sensitive even where readable.
    p.connection.details.push_back(value_change("params." + key, "(as stored)",
                                                "what " + value.get<std::string>() + " reads"));
    changed = true;
  }
  if (!changed) return;
  p.connection.change = Change::update;
  add_secret_details(p, spec);
}

void rotate_secrets(PipelinePlan& p, const PipelineSpec& spec) {
  if (p.connection.id.empty()) return;
  if (p.connection.change != Change::none && p.connection.change != Change::update) return;
  add_secret_details(p, spec);
  if (!p.connection.details.empty()) p.connection.change = Change::update;
}

Result<PipelinePlan> plan_destroy(FlowService& service, const PipelineSpec& spec) {
  PipelinePlan p = skeleton(spec);
  std::vector<Step> reads;
  for (auto* r : {&p.profile_base, &p.source, &p.connection, &p.target, &p.flow}) {
    reads.push_back([&service, r] { return locate(service, *r); });
  }
  if (auto ok = run_steps(reads, service.concurrent()); !ok) return std::unexpected(ok.error());
  choose_kept(p);
  for (auto* r : p.resources()) {
    if (!r->id.empty() && r != &p.exports) r->change = Change::destroy;
  }
  return p;
}

}  // namespace aepflow
