// aepflow source create --name N [--base-connection ID] [--datasets ID[,ID...]]
#include "aepflow/flow/datasets.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string name;
  std::string description;
  std::string base_connection;
  std::string spec;
  std::vector<std::string> datasets;
};

Result<void> run(const Options& o, Context& ctx) {
  if (o.name.empty()) return usage("--name must not be empty");
  if (!o.base_connection.empty()) {
    if (auto ok = check_uuid("base connection ID", o.base_connection); !ok) {
      return std::unexpected(ok.error());
    }
  }
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  NewSourceConnection s;
  s.name = o.name;
  s.description = o.description;
  s.base_connection_id = o.base_connection;
  if (!o.datasets.empty()) {
    // A dataset export reads from the Data Lake, which needs no base connection.
    if (!o.base_connection.empty()) {
      return usage("--datasets reads from the Data Lake, which takes no --base-connection");
    }
    if (!o.spec.empty()) {
      auto id = resolve_connection_spec(**service, o.spec);
      if (!id) return std::unexpected(id.error());
      if (*id != data_lake_spec_id) {
        return usage("--datasets reads from the Data Lake spec (" + std::string(data_lake_spec_id) +
                     "); --spec names another");
      }
    }
    auto refs = dataset_refs(**service, o.datasets);
    if (!refs) return std::unexpected(refs.error());
    s.spec.id = std::string(data_lake_spec_id);
    s.datasets = std::move(*refs);
  } else if (!o.spec.empty()) {
    auto id = resolve_connection_spec(**service, o.spec);
    if (!id) return std::unexpected(id.error());
    s.spec.id = *id;
  }
  if (auto ok = ctx.confirm_change("create source connection '" + o.name + "'"); !ok) return ok;
  return report_created(ctx, "source connection", (*service)->create_source_connection(s));
}

}  // namespace

void add_source_create(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "create",
      "create the source connection that reads audiences from the Profile Store, or datasets "
      "from the Data Lake");
  cmd.option("--name", opts->name, "name of the source connection").required();
  cmd.option("--base-connection", opts->base_connection,
             "ID of the Profile Store base connection (from `connection create`)");
  cmd.option("--description", opts->description, "description");
  cmd.option("--spec", opts->spec,
             "connection spec (default: the Profile Store; the Data Lake with --datasets)");
  cmd.option("--datasets", opts->datasets,
             "export these datasets (IDs from `datasets list`, comma-separated or repeated): a "
             "Data Lake source connection. Its datasets cannot be changed later; `flow update "
             "--datasets` makes a new one")
      .split_on(',');
  cmd.examples(
      "Example:\n"
      "  BASE=$(aepflow connection create --name \"Profile Store\" -o id)\n"
      "  aepflow source create --name \"Connecting to Profile Store\" "
      "--base-connection \"$BASE\" -o id\n"
      "  aepflow source create --name \"Loyalty datasets\" \\\n"
      "      --datasets 5ef3e3259ad2a1191ab7dd7d,5ef3e3259ad2a1191ab7dd7e -o id");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
