#include "aepflow/auth.hpp"

namespace aepflow {

namespace {

class AuthPolicy final : public Policy {
 public:
  explicit AuthPolicy(TokenSource& source) : source_(source) {}

  Result<Response> send(Request& req,
                        const std::function<Result<Response>(Request&)>& next) override {
    auto token = source_.token();
    if (!token) return std::unexpected(token.error());
    set_header(req.headers, "Authorization", "Bearer " + *token);
    auto res = next(req);
    if (!res || res->status != 401) return res;
    // The token was refused: one new token, one more try; a second 401 stands.
    auto refreshed = source_.refresh();
    if (!refreshed) return std::unexpected(refreshed.error());
    if (!*refreshed) return res;
    token = source_.token();
    if (!token) return std::unexpected(token.error());
    set_header(req.headers, "Authorization", "Bearer " + *token);
    return next(req);
  }

 private:
  TokenSource& source_;
};

}  // namespace

std::unique_ptr<Policy> make_auth_policy(TokenSource& source) {
  return std::make_unique<AuthPolicy>(source);
}

}  // namespace aepflow
