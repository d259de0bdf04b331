// aepflow target list [--destination NAME|SPEC] [--name N] [--all]
#include "app/command_table.hpp"
#include "app/util.hpp"
#include "terminal/listing.hpp"

namespace aepflow::cli {

void add_target_list(Group& parent, Context& ctx) {
  ListSpec spec;
  spec.collection = Collection::target_connections;
  spec.summary = "list target connections (GET /targetConnections)";
  spec.examples = "Example:\n  aepflow target list --destination \"Amazon S3\"";
  spec.header = {"id", "name", "spec", "base connection", "created"};
  spec.row = [](const nlohmann::json& t) {
    return Row{text_of(t, "id"), text_of(t, "name"),
               cell_spec(t.value("connectionSpec", nlohmann::json::object())),
               text_of(t, "baseConnectionId"), cell_time_ms(t, "createdAt")};
  };
  spec.destination_property = "connectionSpec.id";
  add_list_command(parent, ctx, std::move(spec));
}

}  // namespace aepflow::cli
