// aepflow auth status: who, which org and sandbox, the token's expiry, and where each setting
// came from. Sends nothing.
#include "aepflow/ims.hpp"
#include "aepflow/token_cache.hpp"
#include "command.hpp"
#include "commands.hpp"
#include "params.hpp"

namespace aepflow::cli {

namespace {

struct TokenState {
  std::string source;  // where the token comes from
  std::string state;   // "valid until ...", "expired at ...", "none cached"
  bool usable = false;
  std::int64_t expires_at = 0;
  TokenClaims claims;
  std::string cache;
};

std::int64_t now_seconds(const Io& io) {
  return std::chrono::duration_cast<std::chrono::seconds>(io.now().time_since_epoch()).count();
}

TokenState token_state(Context& ctx, const Settings& s) {
  TokenState t;
  const std::int64_t now = now_seconds(ctx.io);
  if (s["access_token"].set()) {
    t.source = s["access_token"].origin;
    auto token =
        resolve_value(s["access_token"].value, "access token", ctx.io, form_env | form_file);
    if (token) t.claims = read_token_claims(token->text);
    t.expires_at = t.claims.expires_at;
    t.usable = t.expires_at == 0 || t.expires_at > now;
    t.state = t.expires_at == 0 ? "given (expiry unknown)"
              : t.usable        ? "valid until " + format_utc(t.expires_at)
                                : "expired at " + format_utc(t.expires_at);
    return t;
  }
  if (!s["client_id"].set() || !s["client_secret"].set()) {
    t.source = "none";
    t.state = "no access token and no OAuth client configured";
    return t;
  }
  auto source = ctx.client_credentials();  // builds the source; sends nothing
  if (!source) {
    t.source = "none";
    t.state = source.error().message;
    return t;
  }
  const TokenCache& cache = (*source)->cache();
  t.source = "OAuth client " + shown_value(*find_setting("client_id"), s["client_id"].value);
  t.cache = cache.path().string();
  std::vector<std::string> warnings;
  auto cached = cache.load(&warnings);
  for (const auto& w : warnings)
    ctx.warn(w);
  if (!cached) {
    t.state = "none cached; the next command requests one";
    t.usable = true;
    return t;
  }
  t.claims = read_token_claims(cached->access_token);
  t.expires_at = cached->expires_at;
  t.state = usable(*cached, now) ? "cached, valid until " + format_utc(t.expires_at)
                                 : "cached token expired at " + format_utc(t.expires_at) +
                                       "; the next command requests a new one";
  t.usable = true;  // with a client, a new token is always one request away
  return t;
}

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
