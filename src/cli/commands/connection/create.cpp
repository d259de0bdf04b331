// aepflow connection create --name N [--spec ID|NAME] [--auth-spec NAME --param KEY=VALUE ...]
#include "commands/connection/create.hpp"

#include "aepflow/http/redact.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(const ConnectionCreateOptions& o, Context& ctx) {
  if (o.name.empty()) return usage("--name must not be empty");
  if (!o.params.empty() && o.auth_spec.empty()) {
    return usage(
        "--param needs --auth-spec: name the auth spec the params belong to "
        "(see `aepflow specs get SPEC`)");
  }
  if (!o.auth_spec.empty() && o.spec.empty()) {
    return usage("--auth-spec needs --spec: the destination the credentials are for");
  }
  auto params = parse_params(o.params, ctx.io);
  if (!params) return std::unexpected(params.error());
  for (const auto& key : params->literal_keys) {
    if (!is_shown_credential_field(key)) {
      ctx.warn("--param " + key +
               " was typed on the command line, where shell history and "
               "other users' `ps` can see it; use " +
               key + "=env:VAR, " + key + "=@PATH or " + key + "=prompt:");
    }
  }

  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  NewConnection c;
  c.name = o.name;
  c.description = o.description;
  if (o.spec.empty()) {
    c.spec.id = std::string(profile_store_spec_id);
  } else {
    auto id = resolve_destination_spec(ctx.terminal, **service, o.spec);
    if (!id) return std::unexpected(id.error());
    c.spec.id = *id;
  }
  if (!o.auth_spec.empty()) {
    c.auth_spec = o.auth_spec;
    c.auth_params = std::move(params->values);
    auto specs = ctx.specs();
    if (!specs) return std::unexpected(specs.error());
    auto spec = (*specs)->get(Collection::connection_specs, c.spec.id);
    if (!spec) return std::unexpected(spec.error());
    if (auto ok = checked_with_warnings(ctx.terminal,
                                        [&](std::vector<std::string>& warnings) {
                                          return check_auth_params(**spec, o.auth_spec,
                                                                   c.auth_params, warnings);
                                        });
        !ok) {
      return ok;
    }
  }
  if (auto ok = ctx.confirm_change("create base connection '" + o.name + "'"); !ok) return ok;
  return report_created(ctx, "base connection", (*service)->create_connection(c));
}

}  // namespace

void add_connection_create(Group& parent, Context& ctx,
                           RunFunction<ConnectionCreateOptions> run_f) {
  auto opts = std::make_shared<ConnectionCreateOptions>();
  if (!run_f) run_f = [&ctx](const ConnectionCreateOptions& o) { return run(o, ctx); };
  auto cmd = parent.command(
      "create", "create a base connection: the Profile Store's, or a destination's credentials");
  cmd.option("--name", opts->name, "name of the connection").required();
  cmd.option("--description", opts->description, "description");
  cmd.option("--spec", opts->spec,
             "connection spec ID or destination name (default: the Profile Store)");
  cmd.option("--auth-spec", opts->auth_spec,
             "auth spec name, e.g. \"S3\", \"SFTP with Password\", \"SFTP with SSH Key\"");
  cmd.option("--param", opts->params,
             "auth param KEY=VALUE (repeatable); VALUE may be @FILE or env:VAR; "
             "KEY:=JSON for numbers and booleans");
  cmd.examples(
      "Examples:\n"
      "  aepflow connection create --name \"Base connection to Experience Platform\"\n"
      "  aepflow connection create --name \"S3 for Campaign\" --spec \"Adobe Campaign\" \\\n"
      "      --auth-spec S3 --param accessId=env:S3_ACCESS_ID --param secretKey=env:S3_SECRET\n"
      "  aepflow connection create --name \"SFTP\" --spec \"Oracle Eloqua\" \\\n"
      "      --auth-spec \"SFTP with SSH Key\" --param domain=example.com --param "
      "host=sftp.example.com \\\n"
      "      --param username=exporter --param sshKey=@key.b64 -o id");
  cmd.run<ConnectionCreateOptions>(ctx, opts, std::move(run_f));
}

}  // namespace aepflow::cli
