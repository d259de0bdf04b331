#pragma once
// Where the bearer token comes from. A static token (a flag or the environment) never changes; a
// client-credentials source fetches one from Adobe IMS, caches it on disk, and can fetch another
// when Flow Service says the current one is no longer valid.

#include <memory>
#include <string>

#include "aepflow/base/error.hpp"
#include "aepflow/http/http_pipeline.hpp"

namespace aepflow {

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  virtual Result<std::string> token() = 0;
  // After a 401: drop the current token and get a new one. False when this source has no other
  // token to offer (a static token), so the 401 stands.
  virtual Result<bool> refresh() = 0;
};

class StaticToken final : public TokenSource {
 public:
  explicit StaticToken(std::string token) : token_(std::move(token)) {}
  Result<std::string> token() override { return token_; }
  Result<bool> refresh() override { return false; }

 private:
  std::string token_;
};

// Sets Authorization from the source; on a 401, refreshes once and retries the request once.
std::unique_ptr<Policy> make_auth_policy(TokenSource& source);

}  // namespace aepflow
