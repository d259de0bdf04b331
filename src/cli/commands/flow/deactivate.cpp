// aepflow flow deactivate FLOW_ID --audience ID ... [--audiences-file FILE] --attribute PATH ...
//   [--etag E]
// Removes by ID and path; the indexes come from the flow read under the etag the PATCH carries.
#include "aepflow/activation/activate_flow.hpp"
#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/activation/audience_file.hpp"
#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/update_support.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::vector<std::string> audiences;
  std::vector<std::string> attributes;
  std::vector<std::string> identities;
  std::string audiences_file;
  std::optional<std::string> etag;
};

template <class T>
void append_unique(std::vector<T>& to, const std::vector<T>& from) {
  for (const auto& v : from) {
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
  }
}

// What the flags and the file name: an activation file takes back out what it put in (its
// audiences, attributes and identities; its settings do not matter here).
Result<void> read_file(const Options& o, const Io& io, std::vector<std::string>& audiences,
                       std::vector<std::string>& attributes, std::vector<std::string>& identities) {
  if (o.audiences_file.empty()) return {};
  auto text = io.read_file(o.audiences_file);
  if (!text) return std::unexpected(text.error());
  auto file = parse_audience_file(*text, o.audiences_file);
  if (!file) return std::unexpected(file.error());
  std::vector<std::string> ids;
  for (const auto& a : file->audiences)
    ids.push_back(a.id);
  append_unique(audiences, ids);
  if (file->attributes) append_unique(attributes, *file->attributes);
  if (file->identities) append_unique(identities, *file->identities);
  return {};
}

Result<void> run(const Options& o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  auto audiences = normalize_audience_ids(o.audiences, "--audience");
  if (!audiences) return std::unexpected(audiences.error());
  std::vector<std::string> attributes = o.attributes, identities = o.identities;
  if (auto ok = read_file(o, ctx.io, *audiences, attributes, identities); !ok) return ok;
  if (audiences->empty() && attributes.empty() && identities.empty()) {
    return usage(
        "nothing to remove: pass --audience ID, --audiences-file FILE, --attribute PATH or "
        "--identity CODE");
  }
  ApplyOptions apply;
  apply.sleep = ctx.io.sleep;
  auto etag = etag_guard(o.etag);
  if (!etag) return std::unexpected(etag.error());
  apply.if_match = *etag;
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (auto ok = ctx.confirm_change("remove exports from dataflow " + o.flow_id); !ok) return ok;
  auto deactivated = deactivate_flow(
      **service, [&ctx] { return ctx.mapping_services(); }, o.flow_id, *audiences, attributes,
      identities, std::move(apply));
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
  cmd.option("--audiences-file", opts->audiences_file,
             "CSV or JSON activation file (as `flow activate` takes): its audiences, attributes "
             "and identities are removed");
  cmd.option("--attribute", opts->attributes, "profile attribute path to remove; repeatable");
  cmd.option("--identity", opts->identities,
             "identity namespace to stop exporting (current cloud-storage cards)");
  cmd.option("--etag", opts->etag,
             "change only if the flow is still at this etag (exit 5 if not, nothing sent)");
  cmd.examples(
      "Examples:\n  aepflow flow deactivate \"$FLOW\" --audience "
      "25768be6-ebd5-45cc-8913-12fb3f348613\n"
      "  aepflow flow deactivate \"$FLOW\" --audiences-file audiences.csv --etag \"$ETAG\"");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
