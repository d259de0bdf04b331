// aepflow auth login: exchange the client credentials for an access token and cache it.
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(Context& ctx) {
  if (auto ok = refuse_dry_run(ctx, "auth login", "caches a token on this machine"); !ok) return ok;
  auto source = ctx.client_credentials();
  if (!source) return std::unexpected(source.error());
  auto token = (*source)->fetch();
  if (!token) return std::unexpected(token.error());
  const Settings& s = **ctx.settings();
  const SettingSpec& client = *find_setting("client_id");
  const std::string shown_client = shown_value(client, s["client_id"].value);
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(shown_client);
      break;
    case Format::json:
      out.json({{"client_id", shown_client},
                {"org_id", s["org_id"].value},
                {"sandbox", s["sandbox"].value},
                {"expires_at", format_utc(token->expires_at)},
                {"cache", (*source)->cache().path().string()}});
      break;
    case Format::table:
      out.fields("Logged in to Adobe IMS (profile " + s.profile + ")",
                 {{"client", shown_client},
                  {"org", s["org_id"].set() ? s["org_id"].value : "(not set)"},
                  {"sandbox", s["sandbox"].value},
                  {"expires", format_utc(token->expires_at)},
                  {"cached in", (*source)->cache().path().string()}});
      break;
  }
  return {};
}

}  // namespace

void add_auth_login(Group& parent, Context& ctx) {
  auto cmd = parent.command(
      "login", "get an access token from Adobe IMS with the client ID and secret, and cache it");
  cmd.examples(
      "Examples:\n"
      "  aepflow config set client_id 1a2b3c...; aepflow config set client_secret "
      "cmd:'pass show adobe/aep'\n"
      "  aepflow auth login\n"
      "  AEP_CLIENT_ID=... AEP_CLIENT_SECRET=... aepflow auth login -o json");
  cmd.run(ctx, [&ctx] { return run(ctx); });
}

}  // namespace aepflow::cli
