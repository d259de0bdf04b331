// aepflow flow list [--destination NAME|SPEC] [--name N] [--state S] [--filter EXPR] [--all]
#include "aepflow/activation/activation.hpp"
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
      "  aepflow flow list --all -o id | while read -r flow; do ...; done";
  spec.header = {"id", "name", "state", "destination", "audiences", "created"};
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
               std::to_string(read_flow_contents(f).audiences.size()),
               cell_time_ms(f, "createdAt")};
  };
  spec.destination_property = "inheritedAttributes.targetConnections[].connectionSpec.id";
  spec.has_state = true;
  spec.default_properties = {"inheritedAttributes.properties.isDestinationFlow==true"};
  add_list_command(parent, ctx, std::move(spec));
}

}  // namespace aepflow::cli
