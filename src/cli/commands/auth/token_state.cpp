#include "commands/auth/token_state.hpp"

#include "aepflow/auth/token_cache.hpp"
#include "app/util.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

namespace {

std::int64_t now_seconds(const Io& io) {
  return std::chrono::duration_cast<std::chrono::seconds>(io.now().time_since_epoch()).count();
}

}  // namespace

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

}  // namespace aepflow::cli
