#pragma once
// One registration function per command; each lives in commands/<noun>/<verb>.cpp (commands/
// <verb>.cpp for those without a noun).

#include "aepflow/flow/client.hpp"
#include "app/command_builder.hpp"
#include "commands/connection/create.hpp"
#include "commands/flow/activate.hpp"
#include "commands/flow/create.hpp"
#include "commands/target/create.hpp"

namespace aepflow::cli {

class Context;

void add_specs_list(Group& parent, Context& ctx);
void add_specs_get(Group& parent, Context& ctx);
void add_flowspecs_list(Group& parent, Context& ctx);
void add_flowspecs_get(Group& parent, Context& ctx);
void add_datasets_list(Group& parent, Context& ctx);
void add_source_create(Group& parent, Context& ctx);
void add_flow_get(Group& parent, Context& ctx);
void add_flow_validate(Group& parent, Context& ctx);
void add_flow_audiences(Group& parent, Context& ctx);
void add_flow_deactivate(Group& parent, Context& ctx);
void add_flow_export_now(Group& parent, Context& ctx);
void add_flow_list(Group& parent, Context& ctx);
void add_flow_enable(Group& parent, Context& ctx);
void add_flow_disable(Group& parent, Context& ctx);
void add_connection_list(Group& parent, Context& ctx);
void add_source_list(Group& parent, Context& ctx);
void add_target_list(Group& parent, Context& ctx);
void add_connection_get(Group& parent, Context& ctx);
void add_source_get(Group& parent, Context& ctx);
void add_target_get(Group& parent, Context& ctx);
void add_connection_delete(Group& parent, Context& ctx);
void add_source_delete(Group& parent, Context& ctx);
void add_target_delete(Group& parent, Context& ctx);
void add_flow_delete(Group& parent, Context& ctx);
void add_connection_update(Group& parent, Context& ctx);
void add_target_update(Group& parent, Context& ctx);
void add_flow_update(Group& parent, Context& ctx);
// `get` for base, source and target connections (app/get_resource.cpp), as the three above use it.
void add_get_command(Group& parent, Context& ctx, Collection c);
// `delete` for any of the four collections (app/delete_resource.cpp), as the four above use it.
void add_delete_command(Group& parent, Context& ctx, Collection c);
// enable and disable (commands/flow/state_change.cpp), as the two above use it.
void add_flow_state_command(Group& parent, Context& ctx, FlowAction action);
void add_runs_list(Group& parent, Context& ctx);
void add_runs_get(Group& parent, Context& ctx);
void add_runs_watch(Group& parent, Context& ctx);
void add_api(Group& parent, Context& ctx);
void add_plan(Group& parent, Context& ctx);
void add_apply(Group& parent, Context& ctx);
void add_destroy(Group& parent, Context& ctx);
void add_import(Group& parent, Context& ctx);
void add_doctor(Group& parent, Context& ctx);
void add_help(CLI::App& app, Context& ctx);
void add_completion(CLI::App& app, Context& ctx);
void add_auth_login(Group& parent, Context& ctx);
void add_auth_status(Group& parent, Context& ctx);
void add_auth_token(Group& parent, Context& ctx);
void add_auth_logout(Group& parent, Context& ctx);
void add_config_set(Group& parent, Context& ctx);
void add_config_get(Group& parent, Context& ctx);
void add_config_list(Group& parent, Context& ctx);
void add_config_import_aepp(Group& parent, Context& ctx);

}  // namespace aepflow::cli
