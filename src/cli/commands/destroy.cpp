// aepflow destroy -f FILE [--yes]
#include <algorithm>
#include <set>

#include "aepflow/base/text.hpp"
#include "aepflow/pipeline_file/in_use.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/pipeline_file_command.hpp"
#include "app/pipeline_lock.hpp"
#include "terminal/progress.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string file;
};

// "Kept source connection "NAME" (ID): used by dataflow ID (NAME)".
std::string kept_line(const ResourcePlan& r) {
  std::vector<std::string> users;
  for (const auto& d : r.details) {
    if (d.kind == Difference::Kind::used_by) users.push_back(d.item);
  }
  return "Kept " + r.kind + " \"" + r.name + "\" (" + r.id + "): used by " + join(users);
}

Result<void> run(const Options& o, Context& ctx) {
  auto to_lock = load_pipeline_file(ctx, o.file);
  if (!to_lock) return std::unexpected(to_lock.error());
  auto locks = lock_pipelines(ctx, *to_lock);
  if (!locks) return std::unexpected(locks.error());
  auto planned = plan_file(ctx, o.file, Goal::destroy);
  if (!planned) return std::unexpected(planned.error());
  auto& plans = planned->plans;
  if (!count(plans).any_change()) {
    if (ctx.out().format() == Format::table) {
      const bool kept = count(plans).kept > 0;
      if (kept) print_plans(ctx, plans, "Destroy");
      ctx.out().line(kept ? "Nothing to destroy: what is left of " + planned->pipeline_file.file +
                                " is used by flows outside it."
                          : "Nothing to destroy: none of what " + planned->pipeline_file.file +
                                " describes exists.");
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
  // Flows first, then what they used: every pipeline's flows before any connection. Each
  // resource once, however many pipelines name it.
  std::vector<ResourcePlan*> order;
  std::set<std::string> seen;
  for (auto& p : plans) {
    for (auto* r : p.resources()) {
      if (r->change == Change::destroy && seen.insert(r->id).second) order.push_back(r);
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const ResourcePlan* a, const ResourcePlan* b) {
    return removal_rank(a->collection) < removal_rank(b->collection);
  });
  Progress progress(ctx.io, "destroying " + planned->pipeline_file.file);
  for (ResourcePlan* r : order) {
    // A flow made since the plan was read may use it now: then it is kept, not an error.
    if (auto ok = remove_or_keep(*planned->service, *r); !ok) return ok;
    const bool kept = r->change == Change::keep;
    if (ctx.out().format() == Format::table) {
      auto hold = progress.pause();
      ctx.out().line(kept ? kept_line(*r)
                          : done_or_would(ctx, "Deleted ", "Would delete ") + r->kind + " \"" +
                                r->name + "\" (" + r->id + ")");
    }
    progress.set((kept ? "kept " : "deleted ") + r->kind + " \"" + r->name + "\"");
  }
  // The same resource in another pipeline of the file is reported as this one went.
  for (auto& p : plans) {
    for (auto* r : p.resources()) {
      for (const auto* done : order) {
        if (r != done && r->id == done->id && r->change == Change::destroy) {
          r->change = done->change;
          r->details = done->details;
        }
      }
    }
  }
  if (ctx.out().format() == Format::table) {
    for (const auto& p : plans) {
      for (const auto* r : p.resources()) {
        if (r->change == Change::keep && seen.insert(r->id).second) ctx.out().line(kept_line(*r));
      }
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
  cmd.option("-f,--file", opts->file, "the pipeline file (YAML or JSON); - reads it from stdin")
      .required();
  cmd.examples(
      "What a flow outside the file still uses (a shared Profile Store source connection, the "
      "base connection under it) is kept and listed with who uses it; that is not an error.\n"
      "Example:\n  aepflow destroy -f destinations.yaml --yes");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
