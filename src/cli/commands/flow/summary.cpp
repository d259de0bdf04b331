#include "commands/flow/summary.hpp"

#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/dataprep/mapping.hpp"
#include "app/command_support.hpp"

namespace aepflow::cli {

std::string describe_schedule(const Schedule& s) {
  std::string out = s.frequency.empty() ? "?" : s.frequency;
  if (!s.start_date.empty()) out += " from " + s.start_date;
  if (!s.end_date.empty()) out += " to " + s.end_date;
  if (!s.start_time.empty()) out += " at " + s.start_time + " UTC";
  if (!s.trigger_type.empty()) out += " (" + s.trigger_type + ")";
  return out;
}

Result<FlowContents> flow_contents(Context& ctx, const nlohmann::json& flow) {
  FlowContents contents = read_flow_contents(flow);
  if (!contents.mapped || !contents.mapping_set) return contents;
  auto services = ctx.mapping_services();
  if (!services) return std::unexpected(services.error());
  return read_exports(services->prep, flow);
}

namespace {

std::string first_id(const nlohmann::json& flow, std::string_view key) {
  auto it = flow.find(key);
  if (it == flow.end() || !it->is_array() || it->empty() || !it->front().is_string()) return "";
  return it->front().get<std::string>();
}

// A current card's flow: the mapping set, its attributes (source -> column) and its identity.
void print_mapping(Output& out, const FlowContents& c) {
  if (!c.mapping_set) {
    out.line("Attributes: none (the dataflow has no mapping set)");
    out.line("Identity: none");
    return;
  }
  out.line("Mapping set: " + c.mapping_set->id + " (version " +
           std::to_string(c.mapping_set->version) + ")");
  std::vector<Row> attributes;
  std::vector<std::string> identities;
  for (const auto& m : c.mappings) {
    if (is_identity_source(m.source)) {
      identities.push_back(identity_code(m.source) + " (column " + m.destination + ")");
    } else {
      attributes.push_back({m.source, m.destination});
    }
  }
  if (attributes.empty()) {
    out.line("Attributes: none");
  } else {
    out.line("Attributes:");
    out.table({"source", "column"}, attributes);
  }
  out.line(identities.empty() ? "Identity: none" : "Identity: " + join(identities));
}

// A current card's flow keeps its mandatory fields and dedup key in its params.
void print_keys(Output& out, const FlowContents& c) {
  std::vector<std::string> keys;
  for (const auto& k : c.dedup_keys)
    keys.push_back(k.text());
  out.line(c.mandatory.empty() ? "Mandatory fields: none"
                               : "Mandatory fields: " + join(c.mandatory));
  out.line(keys.empty() ? "Dedup key: none" : "Dedup key: " + join(keys));
}

}  // namespace

void print_flow_summary(Output& out, const nlohmann::json& flow, const FlowContents& contents) {
  std::string spec;
  if (auto it = flow.find("flowSpec"); it != flow.end()) spec = text_of(*it, "id");
  out.fields("Dataflow " + text_of(flow, "name"),
             {{"id", text_of(flow, "id")},
              {"state", text_of(flow, "state")},
              {"flow spec", spec},
              {"source", first_id(flow, "sourceConnectionIds")},
              {"target", first_id(flow, "targetConnectionIds")},
              {"sandbox", text_of(flow, "sandboxName")},
              {"etag", text_of(flow, "etag")}});
  out.line("");
  if (contents.audiences.empty()) {
    out.line("Audiences: none");
  } else {
    out.line("Audiences:");
    std::vector<Row> rows;
    for (const auto& a : contents.audiences) {
      rows.push_back({a.id, a.name, a.export_mode, describe_schedule(a.schedule)});
    }
    out.table({"id", "name", "export mode", "schedule"}, rows);
  }
  out.line("");
  if (contents.mapped) {
    print_mapping(out, contents);
    print_keys(out, contents);
    return;
  }
  out.line(contents.attributes.empty() ? "Attributes: none"
                                       : "Attributes: " + join(contents.attributes));
}

nlohmann::json contents_json(const FlowContents& contents) {
  nlohmann::json audiences = nlohmann::json::array();
  for (const auto& a : contents.audiences)
    audiences.push_back(segment_selector(a)["value"]);
  nlohmann::json out = {{"audiences", audiences}, {"attributes", contents.attributes}};
  if (!contents.mapped) return out;
  out["identities"] = contents.identities;
  out["mapping"] = nullptr;
  if (contents.mapping_set) {
    nlohmann::json mappings = nlohmann::json::array();
    for (const auto& m : contents.mappings)
      mappings.push_back({{"source", m.source}, {"destination", m.destination}});
    out["mapping"] = {{"mappingId", contents.mapping_set->id},
                      {"mappingVersion", contents.mapping_set->version},
                      {"mappings", mappings}};
  }
  return out;
}

}  // namespace aepflow::cli
