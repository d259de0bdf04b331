// aepflow target create --name N --base-connection ID --spec ID|NAME [--param K=V ...]
//   shorthands: --mode --bucket --container --path --remote-path --format
#include "commands/target/create.hpp"

#include "aepflow/flow/ids.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

namespace {

Result<nlohmann::json> target_params(const TargetCreateOptions& o, const Io& io) {
  auto parsed = parse_params(o.params, io);
  if (!parsed) return std::unexpected(parsed.error());
  auto params = std::move(parsed->values);
  const std::pair<const char*, const std::string*> shorthands[] = {
      {"mode", &o.mode}, {"bucketName", &o.bucket},      {"container", &o.container},
      {"path", &o.path}, {"remotePath", &o.remote_path}, {"format", &o.format},
  };
  for (const auto& [key, value] : shorthands) {
    if (value->empty()) continue;
    if (params.contains(key)) {
      return usage(std::string("target param ") + key +
                   " is given twice: by its shorthand flag and by --param");
    }
    params[key] = *value;
  }
  return params;
}

Result<void> run(const TargetCreateOptions& o, Context& ctx) {
  if (o.name.empty()) return usage("--name must not be empty");
  if (auto ok = check_uuid("base connection ID", o.base_connection); !ok) {
    return std::unexpected(ok.error());
  }
  auto params = target_params(o, ctx.io);
  if (!params) return std::unexpected(params.error());
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  auto spec = resolve_destination_spec(ctx.terminal, **service, o.spec);
  if (!spec) return std::unexpected(spec.error());

  NewTargetConnection t;
  t.name = o.name;
  t.description = o.description;
  t.base_connection_id = o.base_connection;
  t.spec.id = *spec;
  t.params = std::move(*params);
  auto specs = ctx.specs();
  if (!specs) return std::unexpected(specs.error());
  auto connection_spec = (*specs)->get(Collection::connection_specs, t.spec.id);
  if (!connection_spec) return std::unexpected(connection_spec.error());
  if (auto ok = checked_with_warnings(ctx.terminal,
                                      [&](std::vector<std::string>& warnings) {
                                        return check_target_params(**connection_spec, t.params,
                                                                   warnings);
                                      });
      !ok) {
    return ok;
  }
  if (auto ok = ctx.confirm_change("create target connection '" + o.name + "'"); !ok) return ok;
  return report_created(ctx, "target connection", (*service)->create_target_connection(t));
}

}  // namespace

void add_target_create(Group& parent, Context& ctx, RunFunction<TargetCreateOptions> run_f) {
  auto opts = std::make_shared<TargetCreateOptions>();
  if (!run_f) run_f = [&ctx](const TargetCreateOptions& o) { return run(o, ctx); };
  auto cmd = parent.command(
      "create", "create a target connection: where the destination's files go, and their format");
  cmd.option("--name", opts->name, "name of the target connection").required();
  cmd.option("--base-connection", opts->base_connection, "ID of the destination's base connection")
      .required();
  cmd.option("--spec", opts->spec, "connection spec ID or destination name").required();
  cmd.option("--description", opts->description, "description");
  cmd.option("--param", opts->params,
             "target param KEY=VALUE (repeatable); KEY:=JSON for numbers and booleans");
  cmd.option("--mode", opts->mode, "storage type: S3, AZURE_BLOB or FTP (param mode)");
  cmd.option("--bucket", opts->bucket, "S3 bucket (param bucketName)");
  cmd.option("--container", opts->container, "Azure Blob container (param container)");
  cmd.option("--path", opts->path, "folder in the bucket or container (param path)");
  cmd.option("--remote-path", opts->remote_path, "SFTP folder (param remotePath)");
  cmd.option("--format", opts->format, "file format (param format); the service accepts CSV");
  cmd.examples(
      "Examples:\n"
      "  aepflow target create --name \"TargetConnection for Adobe Campaign\" \\\n"
      "      --base-connection \"$CONN\" --spec \"Adobe Campaign\" \\\n"
      "      --mode S3 --bucket acme-exports --path campaign/daily --format CSV -o id\n"
      "  aepflow target create --name \"SFTP target\" --base-connection \"$CONN\" \\\n"
      "      --spec SFTP --mode FTP --remote-path /exports --format CSV");
  cmd.run<TargetCreateOptions>(ctx, opts, std::move(run_f));
}

}  // namespace aepflow::cli
