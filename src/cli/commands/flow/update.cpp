// aepflow flow update ID [--name N] [--description D] [--etag E]
// replace /name and /description of a dataflow, under its etag (update-destination-dataflows.md).
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/update_support.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

using Options = UpdateFlags;

Result<void> run(const Options& o, Context& ctx) {
  auto etag = check_update_flags(o, "dataflow");
  if (!etag) return std::unexpected(etag.error());
  if (!o.name && !o.description) return usage("nothing to update: pass --name or --description");
  auto current = fetch(ctx, Collection::flows, "flow ID", o.id);
  if (!current) return std::unexpected(current.error());
  return run_update(ctx, Collection::flows, o.id, *etag, std::move(*current),
                    [&](const json& now) -> Result<UpdatePlan> {
                      UpdatePlan plan;
                      set_member(plan, now, "name", o.name);
                      set_member(plan, now, "description", o.description);
                      return plan;
                    });
}

}  // namespace

void add_flow_update(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("update",
                            "rename a dataflow or change its description (PATCH, under its etag)");
  add_update_flags(cmd, *opts, "flow", "dataflow");
  cmd.examples(
      "Examples:\n"
      "  aepflow flow update \"$FLOW\" --name \"Daily loyalty export\"\n"
      "  aepflow flow update \"$FLOW\" --description \"\" --etag \"$(aepflow flow get \"$FLOW\" -o "
      "json | jq -r .etag)\"");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
