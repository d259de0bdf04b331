// aepflow flow export-now FLOW_ID --audience ID ... [--wait] [--timeout D] [--interval D]
// Ad hoc activation (v2): the flow is read and the guardrails checked before anything is sent;
// more than 80 audiences go in jobs of 80, one after another.
#include "aepflow/activation/adhoc_activation.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/runs/polling.hpp"
#include "commands/runs/run_summary.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::vector<std::string> audiences;
  bool wait = false;
  std::string timeout = "30m";
  std::string interval = "10s";
};

// The runs started, and with --wait how each ended.
void print_runs(Context& ctx, const std::vector<AdhocRun>& runs,
                const std::vector<nlohmann::json>& finished) {
  auto& out = ctx.out();
  auto status = [&](std::size_t i) {
    return i < finished.size() ? run_status(finished[i]) : std::string("started");
  };
  switch (out.format()) {
    case Format::id:
      for (const auto& r : runs)
        out.id(r.run_id);
      break;
    case Format::json: {
      nlohmann::json items = nlohmann::json::array();
      for (std::size_t i = 0; i < runs.size(); ++i) {
        items.push_back({{"audience", runs[i].audience},
                         {"flowId", runs[i].flow_id},
                         {"runId", runs[i].run_id},
                         {"status", status(i)}});
      }
      out.json(items);
      break;
    }
    case Format::table: {
      std::vector<Row> rows;
      for (std::size_t i = 0; i < runs.size(); ++i)
        rows.push_back({runs[i].audience, runs[i].run_id, status(i)});
      out.table({"AUDIENCE", "RUN", "STATUS"}, rows);
      break;
    }
  }
}

Result<void> run(const Options& o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  auto audiences = normalize_audience_ids(o.audiences, "--audience");
  if (!audiences) return std::unexpected(audiences.error());
  if (audiences->empty()) return usage("nothing to export: pass --audience ID (repeatable)");
  auto times = wait_times(o.timeout, o.interval);
  if (!times) return std::unexpected(times.error());
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  auto flow = (*service)->get(Collection::flows, o.flow_id);
  if (!flow) return std::unexpected(flow.error());
  const auto local = ctx.io.now();
  const auto now = (*service)->clock().at_least(local).value_or(local);
  if (auto ok = check_export_now(*flow, *audiences, now); !ok) return ok;
  auto adhoc = ctx.adhoc_activation();
  if (!adhoc) return std::unexpected(adhoc.error());
  if (auto ok = ctx.confirm_change("export " + std::to_string(audiences->size()) +
                                   " audiences of dataflow " + o.flow_id + " now");
      !ok) {
    return ok;
  }

  std::vector<AdhocRun> started;
  const auto jobs = adhoc_jobs(*audiences);
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    auto runs = (*adhoc)->run(o.flow_id, jobs[j]);
    if (!runs) {
      // The runs of the jobs already accepted are running: they are shown, then the refusal.
      if (!started.empty()) {
        print_runs(ctx, started, {});
        ctx.warn("job " + std::to_string(j + 1) + " of " + std::to_string(jobs.size()) +
                 " was refused; the runs above were started by the jobs before it");
      }
      return std::unexpected(runs.error());
    }
    started.insert(started.end(), runs->begin(), runs->end());
  }
  if (ctx.globals.dry_run) {
    ctx.out().line("Would export " + std::to_string(audiences->size()) + " audiences of dataflow " +
                   o.flow_id + " now, in " + std::to_string(jobs.size()) +
                   (jobs.size() == 1 ? " job" : " jobs"));
    return {};
  }
  if (!o.wait) {
    print_runs(ctx, started, {});
    return {};
  }
  std::vector<std::string> ids;
  for (const auto& r : started)
    ids.push_back(r.run_id);
  Poll poll(ctx, times->timeout, times->interval);
  auto finished = follow_runs(**service, ids, poll, "dataflow " + o.flow_id);
  if (!finished) {
    print_runs(ctx, started, {});
    return std::unexpected(finished.error());
  }
  print_runs(ctx, started, *finished);
  std::vector<std::string> failed;
  for (std::size_t i = 0; i < finished->size(); ++i) {
    auto outcome = run_outcome((*finished)[i], "");
    if (!outcome) failed.push_back("audience " + started[i].audience + " (run " + ids[i] + ")");
  }
  if (failed.empty()) return {};
  return fail(ErrorKind::api, std::to_string(failed.size()) + " of " + std::to_string(ids.size()) +
                                  " runs of dataflow " + o.flow_id + " failed: " + join(failed) +
                                  "; see aepflow runs get RUN");
}

}  // namespace

void add_flow_export_now(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("export-now",
                            "export audiences of a dataflow now, without waiting for their "
                            "schedule (ad hoc activation)");
  cmd.option("flow", opts->flow_id, "dataflow ID (the destination instance)").required();
  cmd.option("--audience", opts->audiences,
             "audience ID already on the dataflow; repeatable, repeats dropped")
      .required();
  cmd.flag("--wait", opts->wait,
           "follow the runs to the end: exit 0 all succeeded, 1 any failed, 6 on timeout");
  cmd.option("--timeout", opts->timeout, "with --wait, give up after this long (exit 6)")
      .show_default();
  cmd.option("--interval", opts->interval, "with --wait, time between polls").show_default();
  cmd.examples(
      "Sends POST /data/core/activation/disflowprovider/adhocrun (v2) and prints one line per\n"
      "audience with its run (-o id: the run IDs, one a line).\n"
      "Checked first, nothing sent, exit 2: every audience is on the dataflow; the dataflow\n"
      "exports audiences (not datasets); each audience's first scheduled activation (its\n"
      "start date and time, UTC) was at least an hour ago and its end date has not passed.\n"
      "More than 80 audiences (the API's limit per job) are sent as jobs of 80, one after\n"
      "another: one command exports all it is given. Refusals by the service, exit 1: a run of\n"
      "the audience already going on (one at a time per audience, not beside its scheduled\n"
      "export), or audiences not on the dataflow or out of their schedule.\n"
      "Examples:\n"
      "  aepflow flow export-now \"$FLOW\" --audience \"$SEGMENT\"\n"
      "  aepflow flow export-now \"$FLOW\" --audience \"$A\" --audience \"$B\" --wait --timeout "
      "2h\n"
      "  for RUN in $(aepflow flow export-now \"$FLOW\" --audience \"$A\" -o id); do\n"
      "    aepflow runs get \"$RUN\"; done");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
