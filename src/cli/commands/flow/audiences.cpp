// aepflow flow audiences FLOW_ID: the audiences a dataflow exports, with their settings.
#include "aepflow/activation/activation.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/flow/summary.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(const std::string& flow_id, Context& ctx) {
  auto flow = fetch(ctx, Collection::flows, "flow ID", flow_id);
  if (!flow) return std::unexpected(flow.error());
  FlowContents contents = read_flow_contents(*flow);
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      for (const auto& a : contents.audiences)
        out.id(a.id);
      break;
    case Format::json:
      out.json(contents_json(contents)["audiences"]);
      break;
    case Format::table: {
      std::vector<Row> rows;
      for (const auto& a : contents.audiences) {
        rows.push_back(
            {a.id, a.name, a.export_mode, describe_schedule(a.schedule), a.filename_template});
      }
      if (rows.empty()) {
        out.line("No audiences on dataflow " + flow_id);
      } else {
        out.table({"id", "name", "export mode", "schedule", "filename template"}, rows);
      }
      break;
    }
  }
  return {};
}

}  // namespace

void add_flow_audiences(Group& parent, Context& ctx) {
  auto flow_id = std::make_shared<std::string>();
  auto cmd =
      parent.command("audiences", "list the audiences a dataflow exports, with their settings");
  cmd.option("flow", *flow_id, "dataflow ID").required();
  cmd.examples(
      "Examples:\n  aepflow flow audiences \"$FLOW\"\n  aepflow flow audiences \"$FLOW\" -o id");
  cmd.run(ctx, [flow_id, &ctx] { return run(*flow_id, ctx); });
}

}  // namespace aepflow::cli
