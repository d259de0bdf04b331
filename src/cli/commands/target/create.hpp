#pragma once
// aepflow target create: its options as parsed, and its registration.

#include <string>
#include <vector>

#include "app/command_builder.hpp"
#include "commands/target/param_flags.hpp"

namespace aepflow::cli {

struct TargetCreateOptions : TargetParamFlags {
  std::string name;
  std::string description;
  std::string base_connection;
  std::string spec;
};

// `run_f`: what runs with the parsed options (default: the command itself).
void add_target_create(Group& parent, Context& ctx,
                       RunFunction<TargetCreateOptions> run_f = nullptr);

}  // namespace aepflow::cli
