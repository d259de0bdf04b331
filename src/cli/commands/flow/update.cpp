// aepflow flow update ID [--name N] [--description D] [--etag E]
//   [--every ...] [--once] [--export-mode M] [--start T] [--end T] [--folder-template F]
//   [--datasets ID,...]
// replace /name and /description of a dataflow, and a dataset export's /scheduleParams and
// /sourceConnectionIds, under its etag (update-destination-dataflows.md, export-datasets.md).
#include "aepflow/flow/dataset_schedule.hpp"
#include "aepflow/flow/datasets.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/update_support.hpp"
#include "app/util.hpp"
#include "commands/flow/schedule_flags.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

struct Options : UpdateFlags {
  DatasetScheduleFlags schedule;
  std::vector<std::string> datasets;
};

std::vector<std::string> dataset_ids(const json& refs) {
  std::vector<std::string> ids;
  for (const auto& d : refs.is_array() ? refs : json::array())
    ids.push_back(text_of(d, "dataSetId"));
  std::ranges::sort(ids);
  return ids;
}

// A Data Lake source connection's datasets cannot change (Adobe's dataset export guide): a new
// one reads the datasets asked for, and the flow is moved to it. Answers its ID, or empty when the
// flow's source already reads exactly these datasets.
Result<std::string> new_source_for(Context& ctx, FlowService& service, const json& flow,
                                   const std::vector<std::string>& ids) {
  auto refs = dataset_refs(service, ids);
  if (!refs) return std::unexpected(refs.error());
  const json& sources = array_member(flow, "sourceConnectionIds");
  std::string old_name = "datasets";
  if (sources.size() == 1 && sources[0].is_string()) {
    auto old = service.get(Collection::source_connections, sources[0].get<std::string>());
    if (!old) return std::unexpected(old.error());
    if (dataset_ids(array_member(object_member(*old, "params"), "datasets")) ==
        dataset_ids(*refs)) {
      return std::string();
    }
    old_name = text_of(*old, "name");
  }
  NewSourceConnection s;
  s.name = old_name + " (" + format_utc(std::chrono::system_clock::to_time_t(ctx.io.now())) + ")";
  s.description = "the datasets of dataflow " + text_of(flow, "id");
  s.spec.id = std::string(data_lake_spec_id);
  s.datasets = std::move(*refs);
  auto made = service.create_source_connection(s);
  if (!made) return std::unexpected(made.error());
  ctx.warn("created source connection " + made->id + " for the new datasets");
  return made->id;
}

Result<void> run(const Options& o, Context& ctx) {
  auto etag = check_update_flags(o, "dataflow");
  if (!etag) return std::unexpected(etag.error());
  if (!o.name && !o.description && !o.schedule.any() && o.datasets.empty()) {
    return usage(
        "nothing to update: pass --name, --description, a dataset export's schedule (--every, "
        "--once, --start, --end, --folder-template) or --datasets");
  }
  const auto now_s =
      std::chrono::duration_cast<std::chrono::seconds>(ctx.io.now().time_since_epoch()).count();
  if (o.schedule.folder_template) {
    if (auto ok = check_folder_template(*o.schedule.folder_template); !ok) return ok;
  }
  auto current = fetch(ctx, Collection::flows, "flow ID", o.id);
  if (!current) return std::unexpected(current.error());
  const bool dataset_flow = current->contains("scheduleParams");
  if ((o.schedule.any() || !o.datasets.empty()) && !dataset_flow) {
    return usage("dataflow " + o.id +
                 " exports audiences: --datasets and the schedule flags are a dataset export's "
                 "(an audience's schedule is changed by `flow activate`)");
  }
  // The schedule is checked against the flow as read before anything is written.
  if (o.schedule.any()) {
    auto checked = changed_dataset_schedule((*current)["scheduleParams"], o.schedule, now_s);
    if (!checked) return std::unexpected(checked.error());
  }
  std::string new_source;
  if (!o.datasets.empty()) {
    auto service = ctx.service();
    if (!service) return std::unexpected(service.error());
    if (ctx.globals.dry_run) {
      return usage(
          "--datasets makes a new source connection first: it cannot be shown as a dry "
          "run; run `source create --datasets ... --dry-run` to see that request");
    }
    auto made = new_source_for(ctx, **service, *current, o.datasets);
    if (!made) return std::unexpected(made.error());
    new_source = std::move(*made);
  }
  auto done = run_update(ctx, Collection::flows, o.id, *etag, std::move(*current),
                         [&](const json& now) -> Result<UpdatePlan> {
                           UpdatePlan plan;
                           set_member(plan, now, "name", o.name);
                           set_member(plan, now, "description", o.description);
                           if (o.schedule.any()) {
                             const json& before = member(now, "scheduleParams");
                             auto after = changed_dataset_schedule(before, o.schedule, now_s);
                             if (!after) return std::unexpected(after.error());
                             replace_whole(plan, "/scheduleParams", "scheduleParams", *after,
                                           *after != before);
                           }
                           if (!new_source.empty()) {
                             replace_whole(plan, "/sourceConnectionIds", "sourceConnectionIds",
                                           json::array({new_source}));
                           }
                           return plan;
                         });
  if (!done && !new_source.empty()) {
    // The flow still reads its old source: the new one would be left linked to nothing.
    if (auto service = ctx.service(); service) {
      if ((*service)->remove(Collection::source_connections, new_source)) {
        ctx.warn("deleted source connection " + new_source + ": the dataflow was not changed");
      }
    }
  }
  return done;
}

}  // namespace

void add_flow_update(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("update",
                            "rename a dataflow, change its description, or a dataset export's "
                            "schedule and datasets (PATCH, under its etag)");
  add_update_flags(cmd, *opts, "flow", "dataflow");
  add_dataset_schedule_flags(cmd, opts->schedule, false);
  cmd.option("--datasets", opts->datasets,
             "dataset export: the datasets to export from now on (comma-separated or repeated); "
             "a new source connection reads them and the dataflow is moved to it, as the Data "
             "Lake's source connections cannot change")
      .split_on(',');
  cmd.examples(
      "Examples:\n"
      "  aepflow flow update \"$FLOW\" --name \"Daily loyalty export\"\n"
      "  aepflow flow update \"$FLOW\" --end 2027-12-31 --every 12h\n"
      "  aepflow flow update \"$FLOW\" --datasets "
      "5ef3e3259ad2a1191ab7dd7d,5ef3e3259ad2a1191ab7dd7e\n"
      "  aepflow flow update \"$FLOW\" --description \"\" --etag \"$(aepflow flow get \"$FLOW\" -o "
      "json | jq -r .etag)\"");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
