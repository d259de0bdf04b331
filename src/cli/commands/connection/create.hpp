#pragma once
// aepflow connection create: its options as parsed, and its registration.

#include <string>
#include <vector>

#include "app/command_builder.hpp"

namespace aepflow::cli {

struct ConnectionCreateOptions {
  std::string name;
  std::string description;
  std::string spec;
  std::string auth_spec;
  std::vector<std::string> params;
  std::string encryption_key;  // a PGP public key: @FILE, env:VAR, or its base64
};

// `run_f`: what runs with the parsed options (default: the command itself).
void add_connection_create(Group& parent, Context& ctx,
                           RunFunction<ConnectionCreateOptions> run_f = nullptr);

}  // namespace aepflow::cli
