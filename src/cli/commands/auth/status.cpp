// aepflow auth status: who, which org and sandbox, the token's expiry, and where each setting
// came from. Sends nothing.
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/auth/token_state.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(Context& ctx) {
  auto settings = ctx.settings();
  if (!settings) return std::unexpected(settings.error());
  const Settings& s = **settings;
  TokenState t = token_state(ctx, s);

  auto& out = ctx.out();
  if (out.format() == Format::json) {
    nlohmann::json values = nlohmann::json::object();
    for (const auto& spec : setting_specs()) {
      const Setting& v = s[spec.key];
      values[std::string(spec.key)] = {
          {"value", v.set() ? nlohmann::json(shown_value(spec, v.value)) : nlohmann::json(nullptr)},
          {"from", v.set() ? v.origin : "unset"}};
    }
    nlohmann::json token = {{"source", t.source}, {"state", t.state}};
    if (t.expires_at) token["expires_at"] = format_utc(t.expires_at);
    if (!t.cache.empty()) token["cache"] = t.cache;
    if (!t.claims.user_id.empty()) token["user_id"] = t.claims.user_id;
    out.json({{"profile", s.profile},
              {"profile_from", s.profile_origin},
              {"config", s.config_path.string()},
              {"settings", values},
              {"token", token}});
  } else if (out.format() == Format::id) {
    out.id(s["org_id"].value);
  } else {
    std::vector<std::pair<std::string, std::string>> who = {
        {"org", s["org_id"].set() ? s["org_id"].value : "(not set)"},
        {"sandbox", s["sandbox"].value},
        {"token", t.source + ": " + t.state},
    };
    if (!t.claims.user_id.empty()) who.emplace_back("user", t.claims.user_id);
    if (!t.cache.empty()) who.emplace_back("cache", t.cache);
    out.fields(
        "Profile " + s.profile + " (" + s.profile_origin + "), config " + s.config_path.string(),
        who);
    std::vector<Row> rows;
    for (const auto& spec : setting_specs()) {
      const Setting& v = s[spec.key];
      rows.push_back({std::string(spec.key), v.set() ? shown_value(spec, v.value) : "-",
                      v.set() ? v.origin : "unset"});
    }
    out.line("");
    out.table({"setting", "value", "from"}, rows);
  }
  if (t.source == "none") {
    return fail(ErrorKind::auth,
                "not logged in: set --access-token (AEP_ACCESS_TOKEN), or a client ID and secret "
                "(aepflow config set client_id ...; aepflow config set client_secret env:VAR)");
  }
  if (!t.usable) return fail(ErrorKind::auth, "the access token has expired");
  return {};
}

}  // namespace

void add_auth_status(Group& parent, Context& ctx) {
  auto cmd = parent.command(
      "status", "show the org, sandbox, token expiry and where each setting comes from");
  cmd.examples("Examples:\n  aepflow auth status\n  aepflow auth status --profile staging -o json");
  cmd.run(ctx, [&ctx] { return run(ctx); });
}

}  // namespace aepflow::cli
