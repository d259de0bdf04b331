#pragma once
// The profile the config commands work on (--profile, AEP_PROFILE, or "default") and its file.

#include "app/context.hpp"
#include "settings/config_file.hpp"

namespace aepflow::cli {

struct ConfigTarget {
  std::string profile;
  ConfigFile file;
};

Result<ConfigTarget> open_config(Context& ctx);

// The keys a profile may hold, for error messages.
std::string profile_keys();

}  // namespace aepflow::cli
