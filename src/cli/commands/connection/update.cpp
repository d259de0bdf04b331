// aepflow connection update ID [--name N] [--description D] [--param KEY=VALUE ...] [--etag E]
// One PATCH /connections/{id} under its etag. Adobe's replace /auth/params overwrites every auth
// param, so the whole set is sent: the params given, and the current ones that can be read back.
// A secret cannot be read back (the service masks it): each must be given again, or nothing is
// sent.
#include "aepflow/base/json_fields.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/specs/spec_check.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/update_support.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

struct Options : UpdateFlags {
  std::vector<std::string> params;
};

// The auth params as they are to be: the current ones that can be read back, with the given ones
// over them. The secrets the connection has and the command leaves out make it an error: the
// replace would wipe them.
Result<json> merged_params(const json& current, const json& given,
                           const std::vector<std::string>& secret, const std::string& id) {
  json merged = json::object();
  std::vector<std::string> missing;
  const json& params = object_member(object_member(current, "auth"), "params");
  for (const auto& [key, value] : params.items()) {
    if (key == "authorizedDate") continue;  // the service stamps it
    if (given.contains(key)) continue;
    const bool hidden =
        is_masked(value) || std::find(secret.begin(), secret.end(), key) != secret.end();
    if (hidden) {
      missing.push_back(key);
    } else {
      merged[key] = value;
    }
  }
  if (!missing.empty()) {
    return usage("--param replaces every auth param of base connection " + id +
                 ", and the service does not show its " +
                 (missing.size() == 1 ? "secret " : "secrets ") + join(missing) +
                 ": they would be wiped. Give " + (missing.size() == 1 ? "it" : "each") +
                 " again too (--param " + missing.front() + "=env:VAR); nothing was sent");
  }
  for (const auto& [key, value] : given.items())
    merged[key] = value;
  return merged;
}

// Whether the given params would change anything: a secret always might (it cannot be compared).
bool params_change(const json& current, const json& merged, const json& given,
                   const std::vector<std::string>& secret) {
  for (const auto& [key, value] : given.items()) {
    if (std::find(secret.begin(), secret.end(), key) != secret.end()) return true;
  }
  json now = object_member(object_member(current, "auth"), "params");
  if (now.is_object()) now.erase("authorizedDate");
  return now != merged;
}

Result<void> run(const Options& o, Context& ctx) {
  auto etag = check_update_flags(o, "base connection");
  if (!etag) return std::unexpected(etag.error());
  if (!o.name && !o.description && o.params.empty()) {
    return usage("nothing to update: pass --name, --description or --param KEY=VALUE");
  }
  auto parsed = parse_params(o.params, ctx.io);
  if (!parsed) return std::unexpected(parsed.error());
  warn_typed_secrets(ctx, *parsed);
  auto current = fetch(ctx, Collection::connections, "base connection ID", o.id);
  if (!current) return std::unexpected(current.error());

  json spec;
  std::string auth_spec;
  std::vector<std::string> secret;
  if (!parsed->values.empty()) {
    auth_spec = text_of(object_member(*current, "auth"), "specName");
    if (auth_spec.empty()) {
      return usage("base connection " + o.id +
                   " has no credentials to change (its connection spec takes no auth)");
    }
    auto specs = ctx.specs();
    if (!specs) return std::unexpected(specs.error());
    auto found = (*specs)->get(Collection::connection_specs,
                               text_of(object_member(*current, "connectionSpec"), "id"));
    if (!found) return std::unexpected(found.error());
    spec = **found;
    secret = secret_auth_params(spec, auth_spec);
    for (const auto& [key, value] : parsed->values.items()) {
      const bool hidden = std::find(secret.begin(), secret.end(), key) != secret.end() ||
                          !is_shown_credential_field(key);
      if (hidden && value.is_string()) ctx.add_secret(value.get<std::string>());
    }
  }
  bool warned = false;
  return run_update(ctx, Collection::connections, o.id, *etag, std::move(*current),
                    [&](const json& now) -> Result<UpdatePlan> {
                      UpdatePlan plan;
                      set_member(plan, now, "name", o.name);
                      set_member(plan, now, "description", o.description);
                      if (parsed->values.empty()) return plan;
                      auto merged = merged_params(now, parsed->values, secret, o.id);
                      if (!merged) return std::unexpected(merged.error());
                      std::vector<std::string> warnings;
                      if (auto ok = check_auth_params(spec, auth_spec, *merged, warnings); !ok) {
                        return std::unexpected(ok.error());
                      }
                      for (const auto& w : warnings) {
                        if (!warned) ctx.warn(w);
                      }
                      warned = true;
                      replace_whole(plan, "/auth/params", "auth.params", *merged,
                                    params_change(now, *merged, parsed->values, secret));
                      return plan;
                    });
}

}  // namespace

void add_connection_update(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "update",
      "change a base connection's name, description or credentials (PATCH, under its "
      "etag)");
  add_update_flags(cmd, *opts, "id", "base connection");
  cmd.option("--param", opts->params,
             "auth param KEY=VALUE (repeatable): every auth param is sent, so each secret "
             "param is given again; VALUE may be env:VAR, @FILE (file:FILE), cmd:COMMAND or "
             "prompt:");
  cmd.examples(
      "Examples:\n"
      "  # rotate an S3 secret: the access key is kept, the secret is read from the environment\n"
      "  aepflow connection update \"$CONN\" --param s3SecretKey=env:S3_SECRET\n"
      "  # an SFTP password, asked on the terminal\n"
      "  aepflow connection update \"$CONN\" --param password=prompt:\n"
      "  aepflow connection update \"$CONN\" --name \"S3 exports (prod)\" --etag \"$ETAG\"");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
