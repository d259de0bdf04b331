#pragma once
// aepflow target create: its options as parsed, and its registration.

#include <string>
#include <vector>

#include "app/command_builder.hpp"

namespace aepflow::cli {

struct TargetCreateOptions {
  std::string name;
  std::string description;
  std::string base_connection;
  std::string spec;
  std::vector<std::string> params;
  // Shorthands, each for one target param.
  std::string mode, bucket, container, path, remote_path, format;
  // A current cloud-storage card's file options.
  std::string file_type, compression;
  std::vector<std::string> csv_options;
  bool manifest = false;
};

// `run_f`: what runs with the parsed options (default: the command itself).
void add_target_create(Group& parent, Context& ctx,
                       RunFunction<TargetCreateOptions> run_f = nullptr);

}  // namespace aepflow::cli
