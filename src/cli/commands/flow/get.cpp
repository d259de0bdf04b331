// aepflow flow get FLOW_ID
#include "aepflow/activation/activation.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/flow/summary.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
};

Result<void> run(const Options& o, Context& ctx) {
  auto flow = fetch(ctx, Collection::flows, "flow ID", o.flow_id);
  if (!flow) return std::unexpected(flow.error());
  // -o json and -o id print the flow as the service stores it; the summary shows what it
  // exports, a current card's read from its mapping set.
  FlowContents contents;
  if (ctx.out().format() == Format::table) {
    auto read = flow_contents(ctx, *flow);
    if (!read) return std::unexpected(read.error());
    contents = std::move(*read);
  }
  print_item(ctx.out(), *flow, [&](Output& out) { print_flow_summary(out, *flow, contents); });
  return {};
}

}  // namespace

void add_flow_get(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("get", "show a dataflow (GET /flows/{id})");
  cmd.option("flow", opts->flow_id, "dataflow ID").required();
  cmd.examples(
      "Examples:\n  aepflow flow get \"$FLOW\"\n  aepflow flow get \"$FLOW\" -o json | jq -r "
      ".etag");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
