// aepflow connection list [--destination NAME|SPEC] [--name N] [--state S] [--all]
#include "app/command_table.hpp"
#include "app/util.hpp"
#include "terminal/listing.hpp"

namespace aepflow::cli {

void add_connection_list(Group& parent, Context& ctx) {
  ListSpec spec;
  spec.collection = Collection::connections;
  spec.summary = "list base connections (GET /connections)";
  spec.examples = "Example:\n  aepflow connection list --destination \"Adobe Campaign\" -o id";
  spec.header = {"id", "name", "spec", "auth", "state", "created"};
  spec.row = [](const nlohmann::json& c) {
    return Row{text_of(c, "id"),
               text_of(c, "name"),
               cell_spec(c.value("connectionSpec", nlohmann::json::object())),
               text_of(c.value("auth", nlohmann::json::object()), "specName"),
               text_of(c, "state"),
               cell_time_ms(c, "createdAt")};
  };
  spec.destination_property = "connectionSpec.id";
  spec.has_state = true;
  add_list_command(parent, ctx, std::move(spec));
}

}  // namespace aepflow::cli
