// aepflow flow create --name N --flow-spec ID|NAME --source ID --target ID
//   [--kind datasets --every 3h|... --once --end DATE ...]
#include "commands/flow/create.hpp"

#include "aepflow/base/parallel.hpp"
#include "aepflow/flow/datasets.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/flow/schedule_flags.hpp"

namespace aepflow::cli {

namespace {

// A flow spec that does not read from the source's spec, or does not export to the target's, is
// refused here with the reason and, where the catalogue knows it, the flow spec to use instead.
// Answers the source's and the target's connection specs.
struct Ends {
  std::string source_spec, target_spec;
};

Result<Ends> check_compatible(SpecStore& specs, FlowService& service,
                              const std::string& flow_spec_id, const FlowCreateOptions& o) {
  // Three reads that do not depend on each other: at the same time when the transport allows.
  Result<const nlohmann::json*> flow_spec = nullptr;
  Result<nlohmann::json> source, target;
  auto ok = run_steps({[&]() -> Result<void> {
                         flow_spec = specs.get(Collection::flow_specs, flow_spec_id);
                         return flow_spec ? Result<void>{} : std::unexpected(flow_spec.error());
                       },
                       [&]() -> Result<void> {
                         source = service.get(Collection::source_connections, o.source);
                         return source ? Result<void>{} : std::unexpected(source.error());
                       },
                       [&]() -> Result<void> {
                         target = service.get(Collection::target_connections, o.target);
                         return target ? Result<void>{} : std::unexpected(target.error());
                       }},
                      service.concurrent());
  if (!ok) return std::unexpected(ok.error());
  auto spec_of = [](const nlohmann::json& connection) {
    return text_of(connection.value("connectionSpec", nlohmann::json::object()), "id");
  };
  if (auto fits = check_flow_spec_fits(**flow_spec, flow_spec_id,
                                       {spec_of(*source), "source connection " + o.source},
                                       {spec_of(*target), "target connection " + o.target,
                                        target->value("params", nlohmann::json())});
      !fits) {
    return std::unexpected(fits.error());
  }
  return Ends{spec_of(*source), spec_of(*target)};
}

// The kind --kind names, or the one the flow spec's name or the schedule flags imply.
Result<std::optional<FlowKind>> kind_of(const FlowCreateOptions& o) {
  if (o.kind == "datasets") return FlowKind::datasets;
  if (o.kind == "audiences") {
    if (o.schedule.any()) {
      return usage(
          "--every, --once, --export-mode, --start, --end and --folder-template are a "
          "dataset export's schedule; an audience's schedule is set by `flow activate`");
    }
    return FlowKind::audiences;
  }
  if (!o.kind.empty()) {
    return usage("--kind '" + printable(o.kind) + "': audiences or datasets");
  }
  if (o.schedule.any()) return FlowKind::datasets;
  return std::optional<FlowKind>{};
}

Result<void> run(const FlowCreateOptions& o, Context& ctx) {
  if (o.name.empty()) return usage("--name must not be empty");
  if (auto ok = check_uuid("source connection ID", o.source); !ok) return ok;
  if (auto ok = check_uuid("target connection ID", o.target); !ok) return ok;
  auto kind = kind_of(o);
  if (!kind) return std::unexpected(kind.error());
  // The schedule is checked before anything is sent.
  nlohmann::json schedule;
  if (*kind == FlowKind::datasets) {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(ctx.io.now().time_since_epoch()).count();
    auto s = new_dataset_schedule(o.schedule, now);
    if (!s) return std::unexpected(s.error());
    schedule = std::move(*s);
  }
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  auto spec = resolve_flow_spec(**service, o.flow_spec, *kind);
  if (!spec) return std::unexpected(spec.error());

  auto specs = ctx.specs();
  if (!specs) return std::unexpected(specs.error());
  auto ends = check_compatible(**specs, **service, *spec, o);
  if (!ends) return std::unexpected(ends.error());
  const bool from_data_lake = ends->source_spec == data_lake_spec_id;
  if (from_data_lake && schedule.is_null()) {
    return usage("source connection " + o.source +
                 " reads datasets from the Data Lake: a dataset export needs its schedule "
                 "(--every 3h|6h|9h|12h|1d or --once, and --end)");
  }
  if (!from_data_lake && schedule.is_object()) {
    return usage("source connection " + o.source +
                 " does not read from the Data Lake: a dataset export reads a source made by "
                 "`source create --datasets`");
  }
  const std::string target_spec = ends->target_spec;

  NewFlow f;
  f.name = o.name;
  f.description = o.description;
  f.flow_spec.id = *spec;
  f.source_connection_id = o.source;
  f.target_connection_id = o.target;
  f.mapped = uses_data_prep(target_spec);
  f.schedule = std::move(schedule);
  if (auto w = retired_warning(target_spec)) ctx.warn(*w);
  if (auto ok = ctx.confirm_change("create dataflow '" + o.name + "'"); !ok) return ok;
  return report_created(ctx, "dataflow", (*service)->create_flow(f));
}

}  // namespace

void add_flow_create(Group& parent, Context& ctx, RunFunction<FlowCreateOptions> run_f) {
  auto opts = std::make_shared<FlowCreateOptions>();
  if (!run_f) run_f = [&ctx](const FlowCreateOptions& o) { return run(o, ctx); };
  auto cmd = parent.command("create",
                            "create the dataflow that links the source (audiences from the "
                            "Profile Store, or datasets) to the destination");
  cmd.option("--name", opts->name, "name of the dataflow").required();
  cmd.option("--flow-spec", opts->flow_spec,
             "flow spec ID, or the destination's name (\"Adobe Campaign\"); \"NAME datasets\" "
             "(\"Amazon S3 datasets\") for its dataset export")
      .required();
  cmd.option("--kind", opts->kind,
             "audiences or datasets, where the name serves both (default: datasets when a "
             "schedule is given)");
  cmd.option("--source", opts->source, "source connection ID (from `source create`)").required();
  cmd.option("--target", opts->target, "target connection ID (from `target create`)").required();
  cmd.option("--description", opts->description, "description");
  add_dataset_schedule_flags(cmd, opts->schedule, true);
  cmd.examples(
      "Examples:\n"
      "  FLOW=$(aepflow flow create --name \"activate audiences to Adobe Campaign\" \\\n"
      "      --flow-spec \"Adobe Campaign\" --source \"$SOURCE\" --target \"$TARGET\" -o id)\n"
      "  FLOW=$(aepflow flow create --name \"loyalty datasets to S3\" \\\n"
      "      --flow-spec \"Amazon S3 datasets\" --source \"$SOURCE\" --target \"$TARGET\" \\\n"
      "      --every 6h --end 2027-06-30 --folder-template '%DATASET_NAME%/%EXPORT_TIME%' -o id)");
  cmd.run<FlowCreateOptions>(ctx, opts, std::move(run_f));
}

}  // namespace aepflow::cli
