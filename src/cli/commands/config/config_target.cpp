#include "commands/config/config_target.hpp"

#include <algorithm>
#include <cctype>

namespace aepflow::cli {

Result<ConfigTarget> open_config(Context& ctx) {
  ConfigTarget t;
  if (ctx.globals.profile) {
    t.profile = *ctx.globals.profile;
  } else if (auto env = ctx.io.getenv("AEP_PROFILE"); env && !env->empty()) {
    t.profile = *env;
  } else {
    t.profile = "default";
  }
  if (t.profile.empty() || !std::all_of(t.profile.begin(), t.profile.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      })) {
    return usage("profile name '" + t.profile + "': use letters, digits, '-' and '_'");
  }
  auto path = config_path(ctx.io);
  if (path.empty())
    return usage("no HOME or XDG_CONFIG_HOME: there is nowhere to keep config.toml");
  std::vector<std::string> warnings;
  auto file = ConfigFile::load(path, warnings);
  if (!file) return std::unexpected(file.error());
  for (const auto& w : warnings)
    ctx.warn(w);
  t.file = std::move(*file);
  return t;
}

std::string profile_keys() {
  std::string out;
  for (const auto& spec : setting_specs()) {
    if (!spec.in_profile) continue;
    out += (out.empty() ? "" : ", ") + std::string(spec.key);
  }
  return out;
}

}  // namespace aepflow::cli
