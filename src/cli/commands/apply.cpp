// aepflow apply -f FILE|- [--replace] [--rotate-secrets] [--yes]
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/pipeline_file_command.hpp"
#include "app/pipeline_lock.hpp"
#include "app/util.hpp"
#include "terminal/dry_run.hpp"
#include "terminal/progress.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string file;
  bool replace = false;
  bool rotate = false;
};

Result<void> run(const Options& o, Context& ctx) {
  // One apply of a pipeline at a time on this machine, from before the plan is read.
  auto to_lock = load_pipeline_file(ctx, o.file);
  if (!to_lock) return std::unexpected(to_lock.error());
  auto locks = lock_pipelines(ctx, *to_lock);
  if (!locks) return std::unexpected(locks.error());
  // The whole plan first: nothing is written when any part of it is refused.
  auto planned = plan_file(ctx, o.file, Goal::match, o.rotate);
  if (!planned) return std::unexpected(planned.error());
  auto& plans = planned->plans;
  const PipelineFile& pipeline_file = planned->pipeline_file;
  FlowService& service = *planned->service;
  const PlanCounts before = count(plans);
  if (!before.any_change()) {
    if (ctx.out().format() == Format::json) {
      print_plans(ctx, plans, "Apply");
    } else if (ctx.out().format() == Format::table) {
      ctx.out().line("No changes: the service matches " + pipeline_file.file + " (sandbox " +
                     ctx.sandbox() + ").");
    }
    return {};
  }
  if (before.replace > 0 && !o.replace) {
    std::string what;
    for (const auto& p : plans) {
      for (const auto* r : p.resources()) {
        if (r->change != Change::replace) continue;
        what += (what.empty() ? "" : "; ") + r->kind + " \"" + r->name + "\" (" +
                (r->details.empty() ? std::string("changed") : describe(r->details.front())) + ")";
      }
    }
    return usage(
        "these must be replaced (deleted and created again), which apply does only "
        "with --replace: " +
        what);
  }
  if (ctx.out().format() == Format::table) print_plans(ctx, plans, "Plan");
  if (auto ok = ctx.terminal.confirm("Apply these changes in sandbox " + ctx.sandbox() + "?",
                                     "apply changes in sandbox " + ctx.sandbox());
      !ok) {
    return ok;
  }

  ApplyHooks hooks = apply_hooks(ctx);
  Progress progress(ctx.io, "applying " + pipeline_file.file);
  hooks.done = [&ctx, &progress](const ResourcePlan& r, const std::string& id) {
    const std::string verb =
        r.change == Change::update    ? done_or_would(ctx, "Updated ", "Would update ")
        : r.change == Change::destroy ? done_or_would(ctx, "Deleted ", "Would delete ")
                                      : done_or_would(ctx, "Created ", "Would create ");
    const std::string what = verb + r.kind + " \"" + r.name + "\"";
    if (ctx.out().format() == Format::table) {
      auto hold = progress.pause();
      ctx.out().line(what + (id.empty() || is_invented(id) ? "" : " (" + id + ")"));
    }
    progress.set(what);
  };
  hooks.note = [&ctx, &progress](const std::string& message) {
    auto hold = progress.pause();
    ctx.err() << "note: " << ctx.scrubbed(message) << "\n";
  };
  std::vector<PipelinePlan> done;
  for (std::size_t i = 0; i < pipeline_file.pipelines.size(); ++i) {
    const auto& spec = pipeline_file.pipelines[i];
    // Planned again just before: an earlier pipeline may have made what this one shares.
    auto plan = i == 0 ? std::move(plans[0])
                       : plan_pipeline(service, spec, today_utc(ctx.io.now()), hooks.mapping);
    if (!plan) return std::unexpected(in_file(pipeline_file, spec, plan.error()));
    if (i > 0) {
      if (auto ok = finish_plan(ctx, *plan, spec, o.rotate); !ok) {
        return std::unexpected(in_file(pipeline_file, spec, ok.error()));
      }
    }
    if (auto ok = apply_pipeline(service, spec, *plan, hooks); !ok) {
      Error e = ok.error();
      e.context = "apply pipeline " + spec.name + (e.context.empty() ? "" : ": " + e.context);
      return std::unexpected(std::move(e));
    }
    done.push_back(std::move(*plan));
  }
  progress.done();
  switch (ctx.out().format()) {
    case Format::table:
      ctx.out().line("Applied " + pipeline_file.file + " in sandbox " + ctx.sandbox() + ".");
      break;
    case Format::json:
    case Format::id:
      print_plans(ctx, done, "Applied");
      break;
  }
  return {};
}

}  // namespace

void add_apply(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("apply", "make the service match a pipeline file");
  cmd.option("-f,--file", opts->file, "the pipeline file (YAML or JSON); - reads it from stdin")
      .required();
  cmd.flag("--replace", opts->replace,
           "delete and create again what cannot be changed in place (a new spec, for example)");
  cmd.flag("--rotate-secrets", opts->rotate,
           "send the connection's secrets as the file's references read now (env:, file:): the "
           "service masks secrets, so a changed one cannot be seen otherwise");
  cmd.examples(
      "Runs again safely: an applied file makes no write request, an interrupted apply is "
      "finished. Applies of one pipeline wait for each other on one machine; of two resources "
      "of one name (made by applies racing on two machines) the oldest is kept and the other "
      "deleted.\nExamples:\n  aepflow apply -f destinations.yaml --yes\n"
      "  aepflow apply -f destinations.yaml --dry-run   # the requests, as curl commands\n"
      "  S3_SECRET_KEY=... aepflow apply -f destinations.yaml --rotate-secrets --yes\n"
      "  aepflow import --all | aepflow apply -f - --sandbox staging --yes");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
