#pragma once
// The TokenSource for OAuth server-to-server credentials: the cached token while it is usable,
// otherwise one fetched from IMS (under the cache's lock, so concurrent processes fetch once).

#include <chrono>
#include <functional>
#include <optional>

#include "aepflow/auth/auth.hpp"
#include "aepflow/auth/ims.hpp"
#include "aepflow/auth/token_cache.hpp"
#include "aepflow/http/log.hpp"

namespace aepflow {

class ClientCredentialsToken final : public TokenSource {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  // The secret is asked for only when a token must be fetched: it may come from a command or a
  // prompt, and a cached token makes it unnecessary.
  using SecretProvider = std::function<Result<std::string>()>;
  ClientCredentialsToken(ClientCredentials credentials, SecretProvider secret, ImsClient& ims,
                         TokenCache cache, Clock clock, LogSink* log = nullptr);

  Result<std::string> token() override;
  Result<bool> refresh() override;
  // Fetches a new token whatever the cache holds (auth login).
  Result<CachedToken> fetch();
  const TokenCache& cache() const { return cache_; }

 private:
  Result<CachedToken> fetch_locked();
  std::int64_t now() const;
  void note(const std::string& message);

  ClientCredentials credentials_;
  SecretProvider secret_;
  ImsClient& ims_;
  TokenCache cache_;
  Clock clock_;
  LogSink* log_;
  std::optional<CachedToken> current_;
};

}  // namespace aepflow
