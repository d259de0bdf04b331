// aepflow flow validate FLOW_ID [--expect-audience ID ...] [--expect-attribute PATH ...]
//                               [--expect-identity NAMESPACE ...] [--expect-file FILE]
// Exit 7 when an expected item is missing, or (with a file) when the flow differs from it. A
// current card's attributes and identity are read from its mapping set.
#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/activation/audience_file.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/pipeline_file/plan.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/flow/summary.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::vector<std::string> audiences;
  std::vector<std::string> attributes;
  std::vector<std::string> identities;
  std::string expect_file;
};

std::vector<std::string> absent(const std::vector<std::string>& wanted,
                                const std::vector<std::string>& present) {
  std::vector<std::string> out;
  for (const auto& w : wanted) {
    if (std::find(present.begin(), present.end(), w) == present.end()) out.push_back(w);
  }
  return out;
}

// "+ audience X: on file, not on the flow" lines, in a stable order.
std::vector<std::string> drift_lines(const Drift& d) {
  std::vector<std::string> lines;
  auto each = [&](const std::vector<std::string>& items, const char* sign, const char* what,
                  const char* where) {
    for (const auto& i : items)
      lines.push_back(std::string(sign) + " " + what + " " + i + ": " + where);
  };
  each(d.missing_audiences, "+", "audience", "in the file, not on the dataflow");
  each(d.extra_audiences, "-", "audience", "on the dataflow, not in the file");
  for (const auto& c : d.changed) {
    lines.push_back("~ audience " + c.audience + ": " + c.field + " is '" + c.actual +
                    "', the file says '" + c.expected + "'");
  }
  each(d.missing_attributes, "+", "attribute", "in the file, not on the dataflow");
  each(d.extra_attributes, "-", "attribute", "on the dataflow, not in the file");
  each(d.missing_identities, "+", "identity", "in the file, not on the dataflow");
  each(d.extra_identities, "-", "identity", "on the dataflow, not in the file");
  each(d.missing_mandatory, "+", "mandatory field", "in the file, not on the dataflow");
  each(d.extra_mandatory, "-", "mandatory field", "on the dataflow, not in the file");
  each(d.missing_dedup_keys, "+", "dedup key", "in the file, not on the dataflow");
  each(d.extra_dedup_keys, "-", "dedup key", "on the dataflow, not in the file");
  return lines;
}

// A pipeline file's expectation of the flow: the pipeline whose dataflow has its name, compared as
// plan compares it (a current card's identities always, a legacy flow's when the file names
// some).
Result<Expectation> pipeline_expectation(const PipelineFile& file, const std::string& flow_name,
                                         bool mapped) {
  for (const auto& spec : file.pipelines) {
    if (spec.flow_name != flow_name) continue;
    Expectation e = expectation_of(spec);
    if (mapped || !spec.identities.empty()) e.identities = spec.identities;
    return e;
  }
  return usage(file.file + " has no pipeline for the dataflow \"" + flow_name +
               "\" (a pipeline's flow.name is the dataflow's name)");
}

Result<void> run(const Options& o, Context& ctx) {
  auto wanted = normalize_audience_ids(o.audiences, "--expect-audience");
  if (!wanted) return std::unexpected(wanted.error());
  std::optional<Expectation> expected;
  std::optional<PipelineFile> pipelines;
  if (!o.expect_file.empty()) {
    auto text = ctx.io.read_file(o.expect_file);
    if (!text) return std::unexpected(text.error());
    if (is_pipeline_file(*text)) {
      auto parsed = parse_pipeline_file(*text, o.expect_file);
      if (!parsed) return std::unexpected(parsed.error());
      pipelines = std::move(*parsed);
    } else {
      auto parsed = parse_audience_file(*text, o.expect_file);
      if (!parsed) return std::unexpected(parsed.error());
      expected = std::move(*parsed);
    }
  }
  auto flow = fetch(ctx, Collection::flows, "flow ID", o.flow_id);
  if (!flow) return std::unexpected(flow.error());
  auto read = flow_contents(ctx, *flow);
  if (!read) return std::unexpected(read.error());
  const FlowContents& contents = *read;
  if (pipelines) {
    auto e = pipeline_expectation(*pipelines, text_of(*flow, "name"), contents.mapped);
    if (!e) return std::unexpected(e.error());
    expected = std::move(*e);
  }

  std::vector<std::string> missing_audiences;
  for (const auto& id : *wanted) {
    const auto on_flow = [&](const Audience& a) { return same_audience(a.id, id); };
    if (std::none_of(contents.audiences.begin(), contents.audiences.end(), on_flow)) {
      missing_audiences.push_back(id);
    }
  }
  const auto missing_attributes = absent(o.attributes, contents.attributes);
  const auto missing_identities = absent(o.identities, contents.identities);
  const Drift drift = expected ? compare(contents, *expected) : Drift{};
  const bool missing_none =
      missing_audiences.empty() && missing_attributes.empty() && missing_identities.empty();
  const bool ok = missing_none && drift.empty();

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
      if (contents.mapped || !o.identities.empty()) {
        report["missing"]["identities"] = missing_identities;
      }
      if (expected) report["drift"] = drift.to_json();
      out.json(report);
      break;
    }
    case Format::table:
      print_flow_summary(out, *flow, contents);
      if (expected) {
        out.line("");
        auto lines = drift_lines(drift);
        if (lines.empty()) {
          out.line("In sync with " + o.expect_file + ".");
        } else {
          out.line("Differences from " + o.expect_file + ":");
          for (const auto& l : lines)
            out.line("  " + l);
        }
      }
      if (!o.audiences.empty() || !o.attributes.empty() || !o.identities.empty()) {
        out.line("");
        out.line(
            !missing_none ? "NOT valid: expected items are missing."
            : o.identities.empty()
                ? "Valid: every expected audience and attribute is on the dataflow."
                : "Valid: every expected audience, attribute and identity is on the dataflow.");
      }
      break;
  }
  if (ok) return {};
  std::vector<std::string> missing, what;
  if (!missing_audiences.empty()) missing.push_back("audiences " + join(missing_audiences));
  if (!missing_attributes.empty()) missing.push_back("attributes " + join(missing_attributes));
  if (!missing_identities.empty()) missing.push_back("identities " + join(missing_identities));
  if (!missing.empty()) what.push_back("is missing " + join(missing, "; "));
  if (!drift.empty()) {
    what.push_back("differs from " + o.expect_file + " in " +
                   std::to_string(drift_lines(drift).size()) + " place(s)");
  }
  return fail(ErrorKind::mismatch, "dataflow " + o.flow_id + " " + join(what, "; "));
}

}  // namespace

void add_flow_validate(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "validate", "check what a dataflow exports; exit 7 when an expected item is missing");
  cmd.option("flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--expect-audience", opts->audiences, "audience ID that must be on the flow");
  cmd.option("--expect-attribute", opts->attributes,
             "attribute path that must be on the flow (a current card's: in its mapping set)");
  cmd.option("--expect-identity", opts->identities,
             "identity namespace the flow must export (Email, ECID, ...): a current card's "
             "mapped identity, or a legacy flow's identityMap.NAMESPACE attribute");
  cmd.option("--expect-file", opts->expect_file,
             "audiences file (as for activate --audiences-file) the flow must match exactly: "
             "audiences and the settings the file gives, and its attributes, identities, "
             "mandatory fields and dedup keys when it lists them; or a pipeline file, whose "
             "pipeline of the flow's name it must match as plan compares it");
  cmd.examples(
      "Examples:\n  aepflow flow validate \"$FLOW\" --expect-audience \"$SEGMENT\" "
      "--expect-attribute person.name.lastName\n"
      "  aepflow flow validate \"$FLOW\" --expect-attribute person.name.firstName "
      "--expect-identity Email\n"
      "  aepflow flow validate \"$FLOW\" --expect-file audiences.json -o json   # CI drift check");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
