// aepflow destroy -f FILE [--yes]
#include <set>

#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/pipeline_file_command.hpp"
#include "terminal/progress.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string file;
};

Result<void> run(const Options& o, Context& ctx) {
  auto planned = plan_file(ctx, o.file, Goal::destroy);
  if (!planned) return std::unexpected(planned.error());
  auto& plans = planned->plans;
  if (!count(plans).any_change()) {
    if (ctx.out().format() == Format::table) {
      ctx.out().line("Nothing to destroy: none of what " + o.file + " describes exists.");
    } else {
      print_plans(ctx, plans, "Destroy");
    }
    return {};
  }
  if (ctx.out().format() == Format::table) print_plans(ctx, plans, "Destroy");
  if (auto ok = ctx.terminal.confirm(
          "Destroy these in sandbox " + ctx.sandbox() + "? This cannot be undone.",
          "destroy in sandbox " + ctx.sandbox());
      !ok) {
    return ok;
  }
  // Flows first, then what they used: every pipeline's flows before any connection.
  std::set<std::string> deleted;
  Progress progress(ctx.io, "destroying " + o.file);
  for (auto member : {&PipelinePlan::flow, &PipelinePlan::target, &PipelinePlan::source,
                      &PipelinePlan::connection, &PipelinePlan::profile_base}) {
    for (auto& p : plans) {
      ResourcePlan& r = p.*member;
      if (r.change != Change::destroy || !deleted.insert(r.id).second) continue;
      if (auto ok = planned->service->remove(r.collection, r.id); !ok) return ok;
      if (ctx.out().format() == Format::table) {
        auto hold = progress.pause();
        ctx.out().line(done_or_would(ctx, "Deleted ", "Would delete ") + r.kind + " \"" + r.name +
                       "\" (" + r.id + ")");
      }
      progress.set("deleted " + r.kind + " \"" + r.name + "\"");
    }
  }
  progress.done();
  if (ctx.out().format() != Format::table) print_plans(ctx, plans, "Destroyed");
  return {};
}

}  // namespace

void add_destroy(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("destroy", "delete what a pipeline file describes, flows first");
  cmd.option("-f,--file", opts->file, "the pipeline file (YAML or JSON)").required();
  cmd.examples("Example:\n  aepflow destroy -f destinations.yaml --yes");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
