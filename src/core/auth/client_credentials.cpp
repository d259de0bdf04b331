#include "aepflow/auth/client_credentials.hpp"

namespace aepflow {

ClientCredentialsToken::ClientCredentialsToken(ClientCredentials credentials, SecretProvider secret,
                                               ImsClient& ims, TokenCache cache, Clock clock,
                                               LogSink* log)
    : credentials_(std::move(credentials)),
      secret_(std::move(secret)),
      ims_(ims),
      cache_(std::move(cache)),
      clock_(std::move(clock)),
      log_(log) {}

std::int64_t ClientCredentialsToken::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count();
}

void ClientCredentialsToken::note(const std::string& message) {
  if (log_ && log_->enabled(LogLevel::info)) log_->write(LogLevel::info, message);
}

Result<std::string> ClientCredentialsToken::token() {
  if (current_ && usable(*current_, now())) return current_->access_token;
  if (auto cached = cache_.load(); cached && usable(*cached, now())) {
    note("using the cached access token from " + cache_.path().string());
    current_ = cached;
    return current_->access_token;
  }
  auto lock = cache_.lock();
  if (!lock) note("no token cache: " + lock.error().message);
  // Another process may have refreshed the token while this one waited for the lock.
  if (auto cached = cache_.load(); cached && usable(*cached, now())) {
    current_ = cached;
    return current_->access_token;
  }
  auto fresh = fetch_locked();
  if (!fresh) return std::unexpected(fresh.error());
  return fresh->access_token;
}

Result<bool> ClientCredentialsToken::refresh() {
  auto lock = cache_.lock();
  if (!lock) note("no token cache: " + lock.error().message);
  // If another process already replaced the refused token, use its token.
  auto cached = cache_.load();
  if (cached && usable(*cached, now()) &&
      (!current_ || cached->access_token != current_->access_token)) {
    current_ = cached;
    return true;
  }
  note("the access token was refused; requesting a new one");
  auto fresh = fetch_locked();
  if (!fresh) return std::unexpected(fresh.error());
  return true;
}

Result<CachedToken> ClientCredentialsToken::fetch() {
  auto lock = cache_.lock();
  if (!lock) note("no token cache: " + lock.error().message);
  return fetch_locked();
}

Result<CachedToken> ClientCredentialsToken::fetch_locked() {
  if (credentials_.client_secret.empty() && secret_) {
    auto secret = secret_();
    if (!secret) return std::unexpected(secret.error());
    credentials_.client_secret = std::move(*secret);
  }
  note("requesting an access token from " + credentials_.ims_url);
  auto issued = ims_.request_token(credentials_);
  if (!issued) return std::unexpected(issued.error());
  std::int64_t t = now();
  CachedToken fresh{issued->access_token, t, t + issued->expires_in.count()};
  // A cache that cannot be written costs a token request next time, nothing more.
  if (auto stored = cache_.store(fresh); !stored) note(stored.error().message);
  current_ = fresh;
  return fresh;
}

}  // namespace aepflow
