// aepflow config list: every profile and setting, secrets masked.
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/config/config_target.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(Context& ctx) {
  auto target = open_config(ctx);
  if (!target) return std::unexpected(target.error());
  const ConfigFile& file = target->file;
  auto shown = [](const std::string& key, const std::string& value) {
    const SettingSpec* spec = find_setting(key);
    return spec ? shown_value(*spec, value) : value;
  };
  auto& out = ctx.out();
  if (out.format() == Format::json) {
    nlohmann::json all = nlohmann::json::object();
    for (const auto& profile : file.profiles()) {
      for (const auto& [k, v] : file.entries(profile))
        all[profile][k] = shown(k, v);
    }
    out.json(all);
  } else if (out.format() == Format::id) {
    for (const auto& profile : file.profiles())
      out.id(profile);
  } else {
    std::vector<Row> rows;
    for (const auto& profile : file.profiles()) {
      for (const auto& [k, v] : file.entries(profile))
        rows.push_back({profile, k, shown(k, v)});
    }
    if (rows.empty()) {
      out.line("No profiles in " + file.path().string() + " yet: aepflow config set KEY VALUE");
    } else {
      out.table({"profile", "setting", "value"}, rows);
    }
  }
  return {};
}

}  // namespace

void add_config_list(Group& parent, Context& ctx) {
  auto cmd = parent.command("list", "list the profiles and their settings, secrets masked");
  cmd.examples("Example:\n  aepflow config list -o json");
  cmd.run(ctx, [&ctx] { return run(ctx); });
}

}  // namespace aepflow::cli
