// aepflow target create --name N --base-connection ID --spec ID|NAME [--param K=V ...]
//   shorthands: --mode --bucket --container --path --remote-path --format
//   file options (current cloud-storage cards): --file-type --compression --csv-option --manifest
#include "commands/target/create.hpp"

#include "aepflow/flow/ids.hpp"
#include "aepflow/specs/file_options.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(const TargetCreateOptions& o, Context& ctx) {
  if (o.name.empty()) return usage("--name must not be empty");
  if (auto ok = check_uuid("base connection ID", o.base_connection); !ok) {
    return std::unexpected(ok.error());
  }
  auto params = flag_params(o, ctx.io);
  if (!params) return std::unexpected(params.error());
  auto files = flag_file_options(o);
  if (!files) return std::unexpected(files.error());
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
  if (auto ok = add_file_options(**connection_spec, *files, t.params); !ok) return ok;
  default_mode(**connection_spec, t.params);
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
  add_target_param_flags(cmd, *opts);
  cmd.examples(
      "Examples:\n"
      "  aepflow target create --name \"TargetConnection for Adobe Campaign\" \\\n"
      "      --base-connection \"$CONN\" --spec \"Adobe Campaign\" \\\n"
      "      --mode S3 --bucket acme-exports --path campaign/daily --format CSV -o id\n"
      "  aepflow target create --name \"S3 exports\" --base-connection \"$CONN\" \\\n"
      "      --spec s3 --bucket acme-exports --path 'audiences/%SEGMENT_NAME%' \\\n"
      "      --file-type CSV --compression GZIP --csv-option 'delimiter=;' --manifest -o id\n"
      "  aepflow target create --name \"SFTP target\" --base-connection \"$CONN\" \\\n"
      "      --spec sftp --remote-path /exports --file-type JSON --compression NONE");
  cmd.run<TargetCreateOptions>(ctx, opts, std::move(run_f));
}

}  // namespace aepflow::cli
