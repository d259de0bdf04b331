// aepflow flow deactivate FLOW_ID --audience ID ... --attribute PATH ...
// Removes by ID and path; the indexes come from the flow read under the etag the PATCH carries.
#include "aepflow/activation/activate_flow.hpp"
#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::vector<std::string> audiences;
  std::vector<std::string> attributes;
  std::vector<std::string> identities;
};

Result<void> run(const Options& o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  if (o.audiences.empty() && o.attributes.empty() && o.identities.empty()) {
    return usage("nothing to remove: pass --audience ID, --attribute PATH or --identity CODE");
  }
  auto audiences = normalize_audience_ids(o.audiences, "--audience");
  if (!audiences) return std::unexpected(audiences.error());
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (auto ok = ctx.confirm_change("remove exports from dataflow " + o.flow_id); !ok) return ok;
  ApplyOptions apply;
  apply.sleep = ctx.io.sleep;
  auto deactivated = deactivate_flow(
      **service, [&ctx] { return ctx.mapping_services(); }, o.flow_id, *audiences, o.attributes,
      o.identities, std::move(apply));
  if (!deactivated) return std::unexpected(deactivated.error());
  const DeactivationPlan& last = deactivated->plan;
  const Applied* applied = &deactivated->applied;
  for (const auto& id : last.not_found)
    ctx.warn("audience " + id + " is not on the dataflow");
  for (const auto& a : last.attributes_not_found)
    ctx.warn("attribute " + a + " is not on the dataflow");
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(o.flow_id);
      break;
    case Format::json: {
      nlohmann::json j = {
          {"id", o.flow_id},
          {"changed", applied->sent},
          {"audiences", {{"removed", last.removed}, {"notFound", last.not_found}}},
          {"attributes",
           {{"removed", last.attributes_removed}, {"notFound", last.attributes_not_found}}},
          {"attempts", applied->attempts}};
      if (applied->sent && !applied->patched.etag.empty()) j["etag"] = applied->patched.etag;
      out.json(j);
      break;
    }
    case Format::table: {
      std::vector<std::pair<std::string, std::string>> kv = {{"dataflow", o.flow_id}};
      if (!last.removed.empty()) kv.emplace_back("audiences removed", join(last.removed));
      if (!last.attributes_removed.empty())
        kv.emplace_back("attributes removed", join(last.attributes_removed));
      if (applied->sent) {
        kv.emplace_back("etag", applied->patched.etag.empty()
                                    ? "(accepted; the service returned no etag)"
                                    : applied->patched.etag);
      }
      out.fields((applied->sent ? done_or_would(ctx, "Deactivated in sandbox ",
                                                "Would deactivate in sandbox ")
                                : "No change in sandbox ") +
                     ctx.sandbox(),
                 kv);
      break;
    }
  }
  return {};
}

}  // namespace

void add_flow_deactivate(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd =
      parent.command("deactivate", "stop exporting audiences or attributes (by ID and path)");
  cmd.option("flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--audience", opts->audiences, "audience ID to remove; repeatable");
  cmd.option("--attribute", opts->attributes, "profile attribute path to remove; repeatable");
  cmd.option("--identity", opts->identities,
             "identity namespace to stop exporting (current cloud-storage cards)");
  cmd.examples(
      "Example:\n  aepflow flow deactivate \"$FLOW\" --audience "
      "25768be6-ebd5-45cc-8913-12fb3f348613");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
