// aepflow config set KEY VALUE [--profile P]
#include "aepflow/base/text.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/config/config_target.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string key;
  std::string value;
};

Result<void> run(const Options& o, Context& ctx) {
  if (auto ok = refuse_dry_run(ctx, "config set", "writes the config file"); !ok) return ok;
  const SettingSpec* spec = find_setting(o.key);
  if (!spec || !spec->in_profile) {
    return usage("unknown setting '" + o.key + "'; a profile holds: " + profile_keys());
  }
  auto target = open_config(ctx);
  if (!target) return std::unexpected(target.error());
  target->file.set(target->profile, o.key, o.value);
  if (auto ok = target->file.save(); !ok) return ok;
  if (spec->secret && shown_value(*spec, o.value) == "***") {
    ctx.warn(std::string(spec->key) + " is stored as plain text in " +
             target->file.path().string() +
             " (mode 0600); a reference keeps it out of the file: env:VAR, file:PATH or "
             "cmd:COMMAND");
  }
  ctx.err() << "Set " << o.key << " in profile " << printable(target->profile) << " ("
            << printable(target->file.path().string()) << ")\n";
  return {};
}

}  // namespace

void add_config_set(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("set", "store a setting in a profile of config.toml");
  cmd.option("key", opts->key, "setting: " + profile_keys()).required();
  cmd.option("value", opts->value, "its value").required();
  cmd.examples(
      "Examples:\n"
      "  aepflow config set org_id 0A1B2C3D4E5F60718293A4B5@AdobeOrg\n"
      "  aepflow config set client_secret cmd:'pass show adobe/aep-client-secret'\n"
      "  aepflow config set sandbox dev --profile staging");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
