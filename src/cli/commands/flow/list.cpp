// aepflow flow list [--destination NAME|SPEC] [--name N] [--state S] [--filter EXPR] [--all]
#include "aepflow/activation/activation.hpp"
#include "aepflow/flow/ids.hpp"
#include "app/command_table.hpp"
#include "app/util.hpp"
#include "terminal/listing.hpp"

namespace aepflow::cli {

void add_flow_list(Group& parent, Context& ctx) {
  ListSpec spec;
  spec.collection = Collection::flows;
  spec.summary = "list dataflows, destination flows only unless --include-sources (GET /flows)";
  spec.examples =
      "Examples:\n  aepflow flow list --destination \"Amazon S3\" --state enabled\n"
      "  aepflow flow list --kind datasets --all\n"
      "  aepflow flow list --all -o id | while read -r flow; do ...; done";
  spec.header = {"id", "name", "state", "destination", "kind", "audiences", "created"};
  spec.row = [](const nlohmann::json& f) {
    nlohmann::json target = nlohmann::json::object();
    const auto& inherited = f.value("inheritedAttributes", nlohmann::json::object());
    if (auto t = inherited.find("targetConnections");
        t != inherited.end() && t->is_array() && !t->empty() && (*t)[0].is_object()) {
      target = (*t)[0].value("connectionSpec", nlohmann::json::object());
    }
    return Row{text_of(f, "id"),
               text_of(f, "name"),
               text_of(f, "state"),
               cell_spec(target),
               f.contains("scheduleParams") ? "datasets" : "audiences",
               f.contains("scheduleParams")
                   ? std::string("-")
                   : std::to_string(read_flow_contents(f).audiences.size()),
               cell_time_ms(f, "createdAt")};
  };
  spec.destination_property = "inheritedAttributes.targetConnections[].connectionSpec.id";
  spec.has_state = true;
  spec.default_properties = {"inheritedAttributes.properties.isDestinationFlow==true"};
  // Dataset flows as Adobe's dataset export guide lists them; audience flows by the Profile Store
  // source their sources inherit (the same filter language, on the inherited source connections).
  spec.kinds = {
      {"audiences", "inheritedAttributes.sourceConnections[].connectionSpec.id==" +
                        std::string(profile_store_spec_id)},
      {"datasets", "inheritedAttributes.targetConnections[].data.outputType==DATASET_EXPORT"}};
  add_list_command(parent, ctx, std::move(spec));
}

}  // namespace aepflow::cli
