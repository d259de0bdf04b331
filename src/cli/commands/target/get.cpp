// aepflow target get ID: the get base, source and target connections share
// (app/get_resource.cpp).
#include "app/command_table.hpp"

namespace aepflow::cli {

void add_target_get(Group& parent, Context& ctx) {
  add_get_command(parent, ctx, Collection::target_connections);
}

}  // namespace aepflow::cli
