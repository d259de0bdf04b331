// aepflow auth token: print the current access token, for piping into other tools.
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(Context& ctx) {
  auto settings = ctx.settings();
  if (!settings) return std::unexpected(settings.error());
  const Settings& s = **settings;
  if (s["access_token"].set()) {
    auto token = resolve_value(s["access_token"].value, "access token", ctx.io, secret_forms);
    if (!token) return std::unexpected(token.error());
    ctx.out().id(token->text);
    return {};
  }
  auto source = ctx.client_credentials();
  if (!source) return std::unexpected(source.error());
  auto token = (*source)->token();
  if (!token) return std::unexpected(token.error());
  ctx.out().id(*token);
  return {};
}

}  // namespace

void add_auth_token(Group& parent, Context& ctx) {
  auto cmd = parent.command(
      "token", "print the access token (cached, or fetched with the client credentials)");
  cmd.examples("Example:\n  curl -H \"Authorization: Bearer $(aepflow auth token)\" ...");
  cmd.run(ctx, [&ctx] { return run(ctx); });
}

}  // namespace aepflow::cli
