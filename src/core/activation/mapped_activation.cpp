#include "aepflow/activation/mapped_activation.hpp"

#include <algorithm>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

// The connection spec of the flow's target: from the flow's inherited attributes when it carries
// them, else from its target connection.
Result<std::string> target_spec_of(FlowService& flows, const json& flow) {
  const json& inherited = member(member(flow, "inheritedAttributes"), "targetConnections");
  if (inherited.is_array() && !inherited.empty()) {
    std::string id = text_of(member(inherited[0], "connectionSpec"), "id");
    if (!id.empty()) return id;
  }
  const json& ids = member(flow, "targetConnectionIds");
  if (!ids.is_array() || ids.empty() || !ids[0].is_string()) {
    return fail(ErrorKind::api, "dataflow " + text_of(flow, "id") + " has no target connection");
  }
  auto target = flows.get(Collection::target_connections, ids[0].get<std::string>());
  if (!target) return std::unexpected(target.error());
  return text_of(member(*target, "connectionSpec"), "id");
}

Result<json> partner_schema(FlowService& flows, const json& flow) {
  auto spec_id = target_spec_of(flows, flow);
  if (!spec_id) return std::unexpected(spec_id.error());
  auto spec = flows.get(Collection::connection_specs, *spec_id);
  if (!spec) return std::unexpected(spec.error());
  const json& schema = member(
      member(member(member(*spec, "targetSpec"), "attributes"), "partnerSchema"), "jsonSchema");
  if (!schema.is_object()) {
    return fail(ErrorKind::api, "connection spec " + *spec_id +
                                    " has no partner schema (targetSpec.attributes.partnerSchema"
                                    ".jsonSchema): its flows cannot map attributes");
  }
  return schema;
}

// Whether the union schema has field `path` (maps take any key). A schema whose shape is not
// readable here answers yes: the service has the last word.
bool schema_has(const json& schema, std::string_view path) {
  if (!member(schema, "properties").is_object()) return true;
  const json* node = &schema;
  while (!path.empty()) {
    const auto dot = path.find('.');
    const std::string field(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (const json& p = member(member(*node, "properties"), field); p.is_object()) {
      node = &p;
    } else if (const json& m = member(*node, "additionalProperties"); m.is_object()) {
      node = &m;  // a map: `field` is a key
    } else {
      return false;
    }
  }
  return true;
}

// The schemas and the mapping set that export `mappings` from the flow's card.
Result<MappingSetRef> make_mapping_set(MappingServices s, const json& flow, const json& input,
                                       const std::vector<Mapping>& mappings) {
  auto output = partner_schema(s.flows, flow);
  if (!output) return std::unexpected(output.error());
  const std::string flow_id = text_of(flow, "id");
  auto input_id = s.prep.create_schema("Profile attributes for dataflow " + flow_id, input);
  if (!input_id) return std::unexpected(input_id.error());
  auto output_id = s.prep.create_schema("Exported columns of dataflow " + flow_id, *output);
  if (!output_id) return std::unexpected(output_id.error());
  return s.prep.create_mapping_set({*input_id, *output_id, mappings});
}

}  // namespace

std::optional<MappingSetRef> mapping_of(const json& flow) {
  return read_flow_contents(flow).mapping_set;
}

Result<std::vector<Mapping>> mapped_attributes(DataPrep& prep, const json& flow) {
  auto ref = mapping_of(flow);
  if (!ref) return std::vector<Mapping>{};
  auto mappings = prep.mappings(*ref);
  if (!mappings) {
    Error e = std::move(mappings.error());
    e.context = "read mapping set " + ref->id + " version " + std::to_string(ref->version) +
                ", which holds the attributes and identity dataflow " + text_of(flow, "id") +
                " exports";
    return std::unexpected(std::move(e));
  }
  return mappings;
}

Result<FlowContents> read_exports(DataPrep& prep, const json& flow) {
  FlowContents c = read_flow_contents(flow);
  if (!c.mapped) return c;
  auto mappings = mapped_attributes(prep, flow);
  if (!mappings) return std::unexpected(mappings.error());
  return with_mappings(std::move(c), std::move(*mappings));
}

Result<PreparedMapping> prepare_mapping(MappingServices s, const json& flow,
                                        const MappingRequest& asked) {
  PreparedMapping out;
  out.base = mapping_of(flow);
  auto current = mapped_attributes(s.prep, flow);
  if (!current) return std::unexpected(current.error());
  auto plan = plan_mapping(*current, asked);
  if (!plan) return std::unexpected(plan.error());
  out.plan = std::move(*plan);
  if (!out.plan.changed()) return out;

  if (!out.plan.identities_added.empty()) {
    auto codes = s.profile.identity_codes();
    if (!codes) return std::unexpected(codes.error());
    std::vector<std::string> unknown;
    for (const auto& code : out.plan.identities_added) {
      if (std::find(codes->begin(), codes->end(), code) == codes->end()) unknown.push_back(code);
    }
    if (!unknown.empty()) {
      return usage("no identity namespace " + join(unknown, ", ") +
                   " in this organisation; its namespaces: " + join(*codes, ", "));
    }
  }
  auto input = s.profile.union_schema();
  if (!input) return std::unexpected(input.error());
  std::vector<std::string> unknown;
  for (const auto& path : out.plan.attributes_added) {
    if (!schema_has(*input, path)) unknown.push_back(path);
  }
  if (!unknown.empty()) {
    return usage("not in the profile's union schema of this sandbox: " + join(unknown, ", ") +
                 " (nothing was made)");
  }
  auto made = make_mapping_set(s, flow, *input, out.plan.mappings);
  if (!made) return std::unexpected(made.error());
  out.next = *made;
  return out;
}

Result<PreparedMapping> prepare_unmapping(MappingServices s, const json& flow,
                                          const std::vector<std::string>& attributes,
                                          const std::vector<std::string>& identities,
                                          std::vector<std::string>& removed,
                                          std::vector<std::string>& not_found) {
  PreparedMapping out;
  out.base = mapping_of(flow);
  auto current = mapped_attributes(s.prep, flow);
  if (!current) return std::unexpected(current.error());
  auto kept = without(*current, attributes, identities, removed, not_found);
  if (removed.empty()) return out;
  auto input = s.profile.union_schema();
  if (!input) return std::unexpected(input.error());
  auto made = make_mapping_set(s, flow, *input, kept);
  if (!made) return std::unexpected(made.error());
  out.next = *made;
  out.plan.mappings = std::move(kept);
  return out;
}

Result<json> attach_mapping_op(const json& flow, const PreparedMapping& m) {
  if (!m.next) return json();
  if (mapping_of(flow) != m.base) {
    Error e = fail(ErrorKind::precondition,
                   "dataflow " + text_of(flow, "id") +
                       " was given another mapping set while this one was made; nothing was "
                       "changed: run the command again to add to what it maps now")
                  .error();
    return std::unexpected(std::move(e));
  }
  return json{{"op", "add"},
              {"path", "/transformations/0/params/profileMapping"},
              {"value", {{"mappingId", m.next->id}, {"mappingVersion", m.next->version}}}};
}

}  // namespace aepflow
