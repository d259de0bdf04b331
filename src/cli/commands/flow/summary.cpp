#include "commands/flow/summary.hpp"

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

namespace {
std::string first_id(const nlohmann::json& flow, std::string_view key) {
  auto it = flow.find(key);
  if (it == flow.end() || !it->is_array() || it->empty() || !it->front().is_string()) return "";
  return it->front().get<std::string>();
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
  out.line(contents.attributes.empty() ? "Attributes: none"
                                       : "Attributes: " + join(contents.attributes));
}

nlohmann::json contents_json(const FlowContents& contents) {
  nlohmann::json audiences = nlohmann::json::array();
  for (const auto& a : contents.audiences)
    audiences.push_back(segment_selector(a)["value"]);
  return {{"audiences", audiences}, {"attributes", contents.attributes}};
}

}  // namespace aepflow::cli
