// aepflow flow delete ID [--yes]: the delete every collection shares (app/delete_resource.cpp).
#include "app/command_table.hpp"

namespace aepflow::cli {

void add_flow_delete(Group& parent, Context& ctx) {
  add_delete_command(parent, ctx, Collection::flows);
}

}  // namespace aepflow::cli
