// aepflow auth logout: delete the cached token.
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

Result<void> run(Context& ctx) {
  if (auto ok = refuse_dry_run(ctx, "auth logout", "removes the cached token"); !ok) return ok;
  auto source = ctx.client_credentials();
  if (!source) return std::unexpected(source.error());
  const auto& cache = (*source)->cache();
  const bool existed = cache.load().has_value();
  if (auto ok = cache.remove(); !ok) return ok;
  ctx.err() << (existed ? "Removed the cached token " : "No cached token at ")
            << cache.path().string() << '\n';
  return {};
}

}  // namespace

void add_auth_logout(Group& parent, Context& ctx) {
  auto cmd = parent.command("logout", "delete the cached access token of this client");
  cmd.examples("Example:\n  aepflow auth logout --profile staging");
  cmd.run(ctx, [&ctx] { return run(ctx); });
}

}  // namespace aepflow::cli
