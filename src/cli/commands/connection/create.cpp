// aepflow connection create --name N [--spec ID|NAME] [--auth-spec NAME --param KEY=VALUE ...]
#include "commands/connection/create.hpp"

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/key_params.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

namespace {

// The auth block and file encryption of a destination's base connection, checked against its spec:
// a card that takes auth needs --auth-spec, one that takes none (Data Landing Zone) refuses it.
Result<void> credentials(const ConnectionCreateOptions& o, const nlohmann::json& spec,
                         Params& params, NewConnection& c, Context& ctx) {
  if (auto ok = check_auth_chosen(spec, o.auth_spec, "--auth-spec"); !ok) return ok;
  if (!o.auth_spec.empty()) {
    c.auth_spec = o.auth_spec;
    c.auth_params = std::move(params.values);
    if (auto ok = checked_with_warnings(ctx.terminal,
                                        [&](std::vector<std::string>& warnings) {
                                          return check_auth_params(spec, o.auth_spec, c.auth_params,
                                                                   warnings);
                                        });
        !ok) {
      return ok;
    }
  }
  if (!o.encryption_key.empty()) {
    auto key = resolve_value(o.encryption_key, "--encryption-key", ctx.io, param_forms);
    if (!key) return std::unexpected(key.error());
    auto encoded = pgp_public_key_param(key->text, "--encryption-key");
    if (!encoded) return std::unexpected(encoded.error());
    if (auto ok = check_encryption(spec, *encoded); !ok) return ok;
    c.encryption_public_key = std::move(*encoded);
  }
  return {};
}

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
  warn_typed_secrets(ctx, *params);

  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  NewConnection c;
  c.name = o.name;
  c.description = o.description;
  if (o.spec.empty()) {
    if (!o.encryption_key.empty()) {
      return usage("--encryption-key needs --spec: the destination whose files are encrypted");
    }
    c.spec.id = std::string(profile_store_spec_id);
  } else {
    auto id = resolve_destination_spec(ctx.terminal, **service, o.spec);
    if (!id) return std::unexpected(id.error());
    c.spec.id = *id;
    auto specs = ctx.specs();
    if (!specs) return std::unexpected(specs.error());
    auto spec = (*specs)->get(Collection::connection_specs, c.spec.id);
    if (!spec) return std::unexpected(spec.error());
    if (auto ok = credentials(o, **spec, *params, c, ctx); !ok) return ok;
  }
  if (auto ok = ctx.confirm_change("create base connection '" + o.name + "'"); !ok) return ok;
  const bool assumed_role = c.auth_spec == "Assumed Role";
  if (auto ok = report_created(ctx, "base connection", (*service)->create_connection(c)); !ok) {
    return ok;
  }
  if (assumed_role && ctx.out().format() == Format::table) {
    ctx.out().line("Adobe assumes this role from AWS account " + std::string(adobe_aws_account) +
                   ": the role's trust policy must allow that account sts:AssumeRole.");
  }
  return {};
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
             "auth spec name, e.g. \"Access Key\", \"Assumed Role\", \"SFTP with SSH Key\" "
             "(see `aepflow specs get SPEC`)");
  cmd.option("--param", opts->params,
             "auth param KEY=VALUE (repeatable); VALUE may be @FILE or env:VAR; "
             "KEY:=JSON for numbers and booleans; sshKey=@~/.ssh/id_rsa is base64-encoded");
  cmd.option("--encryption-key", opts->encryption_key,
             "encrypt exported files (PGP/GPG) with this public key: @public.asc (armored), "
             "env:VAR, or its base64");
  cmd.examples(
      "Examples:\n"
      "  aepflow connection create --name \"Base connection to Experience Platform\"\n"
      "  aepflow connection create --name \"S3 exports\" --spec s3 --auth-spec \"Access Key\" \\\n"
      "      --param s3AccessKey=env:S3_KEY --param s3SecretKey=env:S3_SECRET \\\n"
      "      --encryption-key @public.asc -o id\n"
      "  aepflow connection create --name \"S3 by role\" --spec s3 --auth-spec \"Assumed Role\" "
      "\\\n"
      "      --param s3Role=env:S3_ROLE_ARN\n"
      "  aepflow connection create --name \"SFTP\" --spec sftp --auth-spec \"SFTP with SSH Key\" "
      "\\\n"
      "      --param domain=sftp.example.com --param username=exporter \\\n"
      "      --param sshKey=@~/.ssh/id_rsa -o id\n"
      "  aepflow connection create --name \"Landing zone\" --spec dlz -o id\n"
      "  aepflow connection create --name \"S3 for Campaign\" --spec \"Adobe Campaign\" \\\n"
      "      --auth-spec S3 --param accessId=env:S3_ACCESS_ID --param secretKey=env:S3_SECRET");
  cmd.run<ConnectionCreateOptions>(ctx, opts, std::move(run_f));
}

}  // namespace aepflow::cli
