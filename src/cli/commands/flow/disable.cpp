// aepflow flow disable FLOW_ID (POST /flows/{id}/action?op=disable).
#include "app/command_table.hpp"

namespace aepflow::cli {

void add_flow_disable(Group& parent, Context& ctx) {
  add_flow_state_command(parent, ctx, FlowAction::disable);
}

}  // namespace aepflow::cli
