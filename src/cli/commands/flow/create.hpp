#pragma once
// aepflow flow create: its options as parsed, and its registration.

#include <string>
#include <vector>

#include "aepflow/flow/dataset_schedule.hpp"
#include "app/command_builder.hpp"

namespace aepflow::cli {

struct FlowCreateOptions {
  std::string name;
  std::string description;
  std::string flow_spec;
  std::string source;
  std::string target;
  std::string kind;  // audiences or datasets; empty: from the flow spec's name and the schedule
  DatasetScheduleFlags schedule;
};

// `run_f`: what runs with the parsed options (default: the command itself).
void add_flow_create(Group& parent, Context& ctx, RunFunction<FlowCreateOptions> run_f = nullptr);

}  // namespace aepflow::cli
