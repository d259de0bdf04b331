// aepflow runs get RUN_ID
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/runs/run_summary.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string run_id;
};

Result<void> run(const Options& o, Context& ctx) {
  auto r = fetch(ctx, Collection::runs, "run ID", o.run_id);
  if (!r) return std::unexpected(r.error());
  print_item(ctx.out(), *r, [&](Output& out) { print_run(out, *r); });
  return {};
}

}  // namespace

void add_runs_get(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("get", "show a run: metrics, errors, activities (GET /runs/{id})");
  cmd.option("run", opts->run_id, "run ID").required();
  cmd.examples("Example:\n  aepflow runs get \"$RUN\" -o json | jq .metrics.statusSummary");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
