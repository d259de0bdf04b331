// aepflow runs watch --flow FLOW_ID [--timeout DURATION] [--interval DURATION] [--next]
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
  std::string timeout = "30m";
  std::string interval = "10s";
  bool next = false;
};

Result<void> run(const Options& o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  auto times = wait_times(o.timeout, o.interval);
  if (!times) return std::unexpected(times.error());
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());

  Poll poll(ctx, times->timeout, times->interval);
  const std::string label = "dataflow " + o.flow_id;
  ListQuery q;
  q.properties.push_back("flowId==" + o.flow_id);
  q.limit = 1;  // newest first: the first item is the newest run
  // Until a run is chosen: the newest (one that started after the watch, with --next). Then it
  // is read by ID, not as "the newest", until it finishes.
  for (;;) {
    auto page = (*service)->list_page(Collection::runs, q);
    if (!page) return std::unexpected(poll.stop(std::move(page.error())));
    if (!page->items.empty()) {
      const auto run_started = page->items[0]
                                   .value("metrics", nlohmann::json::object())
                                   .value("durationSummary", nlohmann::json::object())
                                   .value("startedAtUTC", std::int64_t{0});
      if (!o.next || run_started >= poll.started_ms()) {
        const std::string watched = text_of(page->items[0], "id");
        auto runs = follow_runs(**service, {watched}, poll, label, {std::move(page->items[0])});
        if (!runs) return std::unexpected(runs.error());
        const nlohmann::json& run = runs->front();
        print_item(ctx.out(), run, [&](Output& out) { print_run(out, run); });
        return run_outcome(run, "run " + watched + " of " + label);
      }
    }
    const std::string line = std::string("waiting for ") + (o.next ? "the next run" : "a run") +
                             " of " + label + ", " + format_duration(poll.waited());
    if (auto ok = poll.pause(line, "watch " + label); !ok) return ok;
  }
}

}  // namespace

void add_runs_watch(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("watch", "wait for the newest run of a dataflow to finish");
  cmd.option("--flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--timeout", opts->timeout, "give up after this long (exit 6)").show_default();
  cmd.option("--interval", opts->interval, "time between polls").show_default();
  cmd.flag("--next", opts->next, "wait for a run that starts after the watch does");
  cmd.examples(
      "Exit 0 when the run succeeds, 1 with its errors when it fails, 6 on timeout.\n"
      "Example:\n  aepflow flow activate \"$FLOW\" ... && aepflow runs watch --flow \"$FLOW\" "
      "--next --timeout 2h");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
