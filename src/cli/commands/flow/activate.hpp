#pragma once
// aepflow flow activate: its options as parsed, and its registration.

#include <optional>
#include <string>
#include <vector>

#include "app/command_builder.hpp"

namespace aepflow::cli {

struct FlowActivateOptions {
  std::string flow_id;
  std::vector<std::string> audiences;
  std::string audiences_file;
  std::vector<std::string> attributes;
  std::vector<std::string> identities;  // namespace codes (current cards: one per dataflow)
  std::vector<std::string> mandatory;
  std::vector<std::string> dedup_keys;
  // Settings given by flag: for every audience listed, and for the fields a file row leaves empty.
  std::string filename_template, export_mode, frequency, trigger_type, start_date, start_time,
      end_date;
  bool update = false;
  std::optional<std::string> etag;  // given, even empty (refused), or not
};

// `run_f`: what runs with the parsed options (default: the command itself).
void add_flow_activate(Group& parent, Context& ctx,
                       RunFunction<FlowActivateOptions> run_f = nullptr);

}  // namespace aepflow::cli
