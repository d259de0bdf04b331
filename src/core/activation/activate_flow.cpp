#include "aepflow/activation/activate_flow.hpp"

#include <optional>
#include <utility>

#include "aepflow/activation/guardrails.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/flow/etag.hpp"

namespace aepflow {

namespace {

// The flow the caller holds (one just created), or a fresh read.
Result<nlohmann::json> held_or_read(FlowService& flows, const std::string& flow_id,
                                    const ApplyOptions& options) {
  if (options.known) return *options.known;
  return flows.get(Collection::flows, flow_id);
}

}  // namespace

Result<Activated> activate_flow(FlowService& flows,
                                const std::function<Result<MappingServices>()>& mapping,
                                const std::string& flow_id, ActivationRequest request,
                                ApplyOptions options) {
  const std::vector<std::string>& identities = request.identities;
  std::optional<PreparedMapping> prepared;
  if (!request.attributes.empty() || !identities.empty()) {
    auto known = held_or_read(flows, flow_id, options);
    if (!known) return std::unexpected(known.error());
    nlohmann::json flow = std::move(*known);
    const FlowContents contents = read_flow_contents(flow);
    // A stale etag the caller vouched for is reported by the apply below, before anything is
    // made.
    auto etag = normalize_etag(text_of(flow, "etag"));
    const bool stale = options.if_match && (!etag || *etag != *options.if_match);
    if (stale) {
      // Nothing to prepare: the apply reports it.
    } else if (contents.mapped) {
      const MappingRequest asked{std::exchange(request.attributes, {}), identities};
      // Every rule on the rest (audiences by this card's rules, the dedup key with the flow's
      // own) holds before a schema or mapping set is made.
      if (auto dry = plan_activation(flow, request); !dry) return std::unexpected(dry.error());
      auto services = mapping();
      if (!services) return std::unexpected(services.error());
      auto made = prepare_mapping(*services, flow, asked);
      if (!made) return std::unexpected(made.error());
      prepared = std::move(*made);
    } else if (!identities.empty()) {
      return usage("dataflow " + flow_id +
                   " exports profile selectors (an email-marketing destination's flow): "
                   "identities are for the current cloud-storage cards; export an identity "
                   "there as the attribute identityMap.CODE");
    }
    options.known = std::move(flow);  // planned against this read; a 412 reads it again
  }

  Activated out;
  auto applied = apply_flow_change(
      flows, flow_id,
      [&](const nlohmann::json& flow) -> Result<nlohmann::json> {
        auto plan = plan_activation(flow, request);
        if (!plan) return std::unexpected(plan.error());
        out.plan = std::move(*plan);
        if (prepared && prepared->next) {
          auto attach = attach_mapping_op(flow, *prepared);
          if (!attach) return std::unexpected(attach.error());
          out.plan.ops.push_back(std::move(*attach));
          out.plan.mapping_set = prepared->next;
        }
        if (prepared) {
          out.plan.attributes_added = prepared->plan.attributes_added;
          out.plan.attributes_skipped = prepared->plan.attributes_kept;
          out.plan.identities_added = prepared->plan.identities_added;
          out.plan.identities_skipped = prepared->plan.identities_kept;
          if (prepared->plan.changed()) {
            if (auto w = attributes_warning(flow_id, prepared->plan.mappings.size()))
              out.plan.warnings.push_back(*w);
          }
        }
        return out.plan.ops;
      },
      options);
  if (!applied) return std::unexpected(applied.error());
  out.applied = std::move(*applied);
  return out;
}

Result<Deactivated> deactivate_flow(FlowService& flows,
                                    const std::function<Result<MappingServices>()>& mapping,
                                    const std::string& flow_id,
                                    const std::vector<std::string>& audiences,
                                    const std::vector<std::string>& attributes,
                                    const std::vector<std::string>& identities,
                                    ApplyOptions options) {
  std::optional<PreparedMapping> prepared;
  std::vector<std::string> unmapped, not_mapped;
  std::vector<std::string> selector_attributes = attributes;
  if (!attributes.empty() || !identities.empty()) {
    auto known = held_or_read(flows, flow_id, options);
    if (!known) return std::unexpected(known.error());
    nlohmann::json flow = std::move(*known);
    if (read_flow_contents(flow).mapped) {
      auto services = mapping();
      if (!services) return std::unexpected(services.error());
      auto made = prepare_unmapping(*services, flow, attributes, identities, unmapped, not_mapped);
      if (!made) return std::unexpected(made.error());
      prepared = std::move(*made);
      selector_attributes.clear();
    } else if (!identities.empty()) {
      return usage("dataflow " + flow_id +
                   " exports profile selectors: identities are for the current cloud-storage "
                   "cards' flows");
    }
    options.known = std::move(flow);
  }
  Deactivated out;
  auto applied = apply_flow_change(
      flows, flow_id,
      [&](const nlohmann::json& flow) -> Result<nlohmann::json> {
        out.plan = plan_deactivation(flow, audiences, selector_attributes);
        if (prepared && prepared->next) {
          auto attach = attach_mapping_op(flow, *prepared);
          if (!attach) return std::unexpected(attach.error());
          out.plan.ops.push_back(std::move(*attach));
        }
        if (prepared) {
          out.plan.attributes_removed = unmapped;
          out.plan.attributes_not_found = not_mapped;
        }
        return out.plan.ops;
      },
      options);
  if (!applied) return std::unexpected(applied.error());
  out.applied = std::move(*applied);
  return out;
}

}  // namespace aepflow
