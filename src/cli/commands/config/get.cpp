// aepflow config get KEY [--profile P]
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/config/config_target.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(const std::string& key, Context& ctx) {
  const SettingSpec* spec = find_setting(key);
  if (!spec || !spec->in_profile) {
    return usage("unknown setting '" + key + "'; a profile holds: " + profile_keys());
  }
  auto target = open_config(ctx);
  if (!target) return std::unexpected(target.error());
  auto value = target->file.get(target->profile, key);
  if (!value) {
    return fail(ErrorKind::not_found, key + " is not set in profile " + target->profile);
  }
  ctx.out().id(shown_value(*spec, *value));
  return {};
}

}  // namespace

void add_config_get(Group& parent, Context& ctx) {
  auto key = std::make_shared<std::string>();
  auto cmd = parent.command(
      "get", "print a setting of a profile (secrets masked; exit 4 when it is not set)");
  cmd.option("key", *key, "setting: " + profile_keys()).required();
  cmd.examples("Example:\n  aepflow config get sandbox --profile staging");
  cmd.run(ctx, [key, &ctx] { return run(*key, ctx); });
}

}  // namespace aepflow::cli
