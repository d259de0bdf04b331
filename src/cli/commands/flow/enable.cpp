// aepflow flow enable FLOW_ID (POST /flows/{id}/action?op=enable).
#include "app/command_table.hpp"

namespace aepflow::cli {

void add_flow_enable(Group& parent, Context& ctx) {
  add_flow_state_command(parent, ctx, FlowAction::enable);
}

}  // namespace aepflow::cli
