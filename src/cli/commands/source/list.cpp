// aepflow source list [--name N] [--all]
#include "app/command_table.hpp"
#include "app/util.hpp"
#include "terminal/listing.hpp"

namespace aepflow::cli {

void add_source_list(Group& parent, Context& ctx) {
  ListSpec spec;
  spec.collection = Collection::source_connections;
  spec.summary = "list source connections (GET /sourceConnections)";
  spec.examples = "Example:\n  aepflow source list --name \"Connect to Profile Store\" -o id";
  spec.header = {"id", "name", "spec", "base connection", "created"};
  spec.row = [](const nlohmann::json& s) {
    return Row{text_of(s, "id"), text_of(s, "name"),
               cell_spec(s.value("connectionSpec", nlohmann::json::object())),
               text_of(s, "baseConnectionId"), cell_time_ms(s, "createdAt")};
  };
  spec.destination_property = "connectionSpec.id";
  add_list_command(parent, ctx, std::move(spec));
}

}  // namespace aepflow::cli
