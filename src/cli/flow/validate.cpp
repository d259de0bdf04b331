// aepflow flow validate FLOW_ID [--expect-audience ID ...] [--expect-attribute PATH ...]
#include "aepflow/activation.hpp"
#include "command.hpp"
#include "commands.hpp"
#include "flow/summary.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::vector<std::string> audiences;
  std::vector<std::string> attributes;
};

Result<void> run(const Options& o, Context& ctx) {
  auto flow = fetch(ctx, Collection::flows, "flow ID", o.flow_id);
  if (!flow) return std::unexpected(flow.error());

  FlowContents contents = read_flow_contents(*flow);
  std::vector<std::string> missing_audiences, missing_attributes;
  for (const auto& id : o.audiences) {
    if (std::none_of(contents.audiences.begin(), contents.audiences.end(),
                     [&](const Audience& a) { return a.id == id; })) {
      missing_audiences.push_back(id);
    }
  }
  for (const auto& path : o.attributes) {
    if (std::find(contents.attributes.begin(), contents.attributes.end(), path) ==
        contents.attributes.end()) {
      missing_attributes.push_back(path);
    }
  }
  const bool ok = missing_audiences.empty() && missing_attributes.empty();

  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(text_of(*flow, "id"));
      break;
    case Format::json: {
      nlohmann::json report = contents_json(contents);
      report["id"] = text_of(*flow, "id");
      report["name"] = text_of(*flow, "name");
      report["state"] = text_of(*flow, "state");
      report["etag"] = text_of(*flow, "etag");
      report["valid"] = ok;
      report["missing"] = {{"audiences", missing_audiences}, {"attributes", missing_attributes}};
      out.json(report);
      break;
    }
    case Format::table:
      print_flow_summary(out, *flow, contents);
      if (!o.audiences.empty() || !o.attributes.empty()) {
        out.line("");
        out.line(ok ? "Valid: every expected audience and attribute is on the dataflow."
                    : "NOT valid: expected items are missing.");
      }
      break;
  }
  if (ok) return {};
  std::string what;
  if (!missing_audiences.empty()) what += "audiences " + join(missing_audiences);
  if (!missing_attributes.empty()) {
    what += (what.empty() ? "" : "; ") + std::string("attributes ") + join(missing_attributes);
  }
  return fail(ErrorKind::mismatch, "dataflow " + o.flow_id + " is missing " + what);
}

}  // namespace

void add_flow_validate(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "validate", "check what a dataflow exports; exit 7 when an expected item is missing");
  cmd.option("flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--expect-audience", opts->audiences, "audience ID that must be on the flow");
  cmd.option("--expect-attribute", opts->attributes, "attribute path that must be on the flow");
  cmd.examples(
      "Example:\n  aepflow flow validate \"$FLOW\" --expect-audience \"$SEGMENT\" "
      "--expect-attribute person.name.lastName");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
