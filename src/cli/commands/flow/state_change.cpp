// aepflow flow enable|disable FLOW_ID: the two share everything but the op (enable.cpp,
// disable.cpp).
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
};

Result<void> run(FlowAction action, const Options& o, Context& ctx) {
  const std::string verb = action == FlowAction::enable ? "enable" : "disable";
  const std::string state = action == FlowAction::enable ? "enabled" : "disabled";
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (auto ok = ctx.confirm_change(verb + " dataflow " + o.flow_id); !ok) return ok;
  auto done = (*service)->flow_action(o.flow_id, action);
  std::string etag;
  bool already = false;
  if (!done) {
    // 1422: the flow is already in that state. What the user asked for is true: success.
    const Error& e = done.error();
    if (e.status != 400 || e.code.find("1422") == std::string::npos) {
      return std::unexpected(done.error());
    }
    auto flow = (*service)->get(Collection::flows, o.flow_id);
    if (!flow) return std::unexpected(flow.error());
    if (text_of(*flow, "state") != state) return std::unexpected(done.error());
    etag = text_of(*flow, "etag");
    already = true;
  } else {
    etag = done->etag;
  }
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(o.flow_id);
      break;
    case Format::json:
      out.json({{"id", o.flow_id},
                {"state", state},
                {"etag", etag},
                {"changed", !already && !ctx.globals.dry_run}});
      break;
    case Format::table:
      out.line((already ? "Dataflow " + o.flow_id + " was already " + state
                        : (action == FlowAction::enable
                               ? done_or_would(ctx, "Enabled", "Would enable")
                               : done_or_would(ctx, "Disabled", "Would disable")) +
                              " dataflow " + o.flow_id) +
               " in sandbox " + ctx.sandbox());
      break;
  }
  return {};
}

}  // namespace

void add_flow_state_command(Group& parent, Context& ctx, FlowAction action) {
  auto opts = std::make_shared<Options>();
  const bool enable = action == FlowAction::enable;
  auto cmd = parent.command(
      enable ? "enable" : "disable",
      std::string(enable ? "enable" : "disable") +
          " a dataflow (POST /flows/{id}/action?op=" + (enable ? "enable" : "disable") + ")");
  cmd.option("flow", opts->flow_id, "dataflow ID").required();
  cmd.examples(std::string("A flow already ") + (enable ? "enabled" : "disabled") +
               " is left as it is (exit 0).\nExample:\n  aepflow flow " +
               (enable ? "enable" : "disable") + " \"$FLOW\"");
  cmd.run(ctx, [action, opts, &ctx] { return run(action, *opts, ctx); });
}

}  // namespace aepflow::cli
