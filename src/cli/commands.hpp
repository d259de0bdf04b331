#pragma once
// One registration function per command; each lives in <noun>/<verb>.cpp.

namespace CLI {
class App;
}

namespace aepflow::cli {

class Context;

void add_specs_list(CLI::App& parent, Context& ctx);
void add_specs_get(CLI::App& parent, Context& ctx);
void add_flowspecs_list(CLI::App& parent, Context& ctx);
void add_flowspecs_get(CLI::App& parent, Context& ctx);
void add_connection_create(CLI::App& parent, Context& ctx);
void add_source_create(CLI::App& parent, Context& ctx);
void add_target_create(CLI::App& parent, Context& ctx);
void add_flow_create(CLI::App& parent, Context& ctx);
void add_flow_activate(CLI::App& parent, Context& ctx);
void add_flow_get(CLI::App& parent, Context& ctx);
void add_flow_validate(CLI::App& parent, Context& ctx);
void add_auth_login(CLI::App& parent, Context& ctx);
void add_auth_status(CLI::App& parent, Context& ctx);
void add_auth_token(CLI::App& parent, Context& ctx);
void add_auth_logout(CLI::App& parent, Context& ctx);
void add_config_set(CLI::App& parent, Context& ctx);
void add_config_get(CLI::App& parent, Context& ctx);
void add_config_list(CLI::App& parent, Context& ctx);
void add_config_import_aepp(CLI::App& parent, Context& ctx);

}  // namespace aepflow::cli
