#pragma once
// The target params `target create` and `target update` take as flags: --param KEY=VALUE, the
// shorthands for one param each, and a current cloud-storage card's file options.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aepflow/specs/file_options.hpp"
#include "app/command_builder.hpp"
#include "terminal/io.hpp"

namespace aepflow::cli {

struct TargetParamFlags {
  std::vector<std::string> params;
  // Shorthands, each for one target param.
  std::string mode, bucket, container, path, remote_path, format;
  // A current cloud-storage card's file options.
  std::string file_type, dataset_file_type, compression;
  std::vector<std::string> csv_options;
  bool manifest = false;
};

// Registers the flags on `cmd`.
void add_target_param_flags(Command& cmd, TargetParamFlags& flags);

// The params the flags give (--param and the shorthands; a param given both ways is an error),
// and their file options, which add_file_options adds once the card's spec is known.
Result<nlohmann::json> flag_params(const TargetParamFlags& f, const Io& io);
Result<FileOptions> flag_file_options(const TargetParamFlags& f);

}  // namespace aepflow::cli
