#pragma once
// The global options as parsed; settings are resolved from them, the environment and the profile.

#include <optional>
#include <string>

#include "settings/settings.hpp"

namespace aepflow::cli {

struct GlobalOptions {
  FlagValues flags;                    // setting key -> value, for flags the user gave
  std::optional<std::string> profile;  // --profile
  std::string output;                  // empty: table on a terminal, json otherwise
  std::string query;                   // --query: a JSON Pointer into the JSON output
  std::string env_prefix;              // -o env: the names' prefix (the command's noun)
  int verbosity = 0;
  double timeout_seconds = 60;
  double connect_timeout_seconds = 10;
  std::string max_response_size = "64MiB";  // the most one answer may hold
  int retries = 4;                          // attempts after the first, for what is safe to repeat
  double retry_max_seconds = 120;  // no retry wait ends later than this after the first try
  bool yes = false;
  bool dry_run = false;      // print writes as curl commands, send none
  std::string dry_run_file;  // --dry-run-file: where they go instead of stderr (implies dry_run)
};

}  // namespace aepflow::cli
