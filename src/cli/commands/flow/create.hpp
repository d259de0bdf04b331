#pragma once
// aepflow flow create: its options as parsed, and its registration.

#include <string>
#include <vector>

#include "app/command_builder.hpp"

namespace aepflow::cli {

struct FlowCreateOptions {
  std::string name;
  std::string description;
  std::string flow_spec;
  std::string source;
  std::string target;
};

// `run_f`: what runs with the parsed options (default: the command itself).
void add_flow_create(Group& parent, Context& ctx, RunFunction<FlowCreateOptions> run_f = nullptr);

}  // namespace aepflow::cli
