#include "aepflow/auth/auth.hpp"

#include <mutex>
#include <optional>

namespace aepflow {

namespace {

// Requests may be sent from several threads at once: the source is asked under a lock, and after
// a 401 only the first thread to see the refused token gets a new one; the others use it.
class AuthPolicy final : public Policy {
 public:
  explicit AuthPolicy(TokenSource& source) : source_(source) {}

  Result<Response> send(Request& req,
                        const std::function<Result<Response>(Request&)>& next) override {
    Result<std::string> token = [&] {
      std::lock_guard lock(mutex_);
      return source_.token();
    }();
    if (!token) return std::unexpected(token.error());
    set_header(req.headers, "Authorization", "Bearer " + *token);
    auto res = next(req);
    if (!res || res->status != 401) return res;
    // The token was refused: one new token, one more try; a second 401 stands.
    auto renewed = renew(*token);
    if (!renewed) return std::unexpected(renewed.error());
    if (!*renewed) return res;
    set_header(req.headers, "Authorization", "Bearer " + **renewed);
    return next(req);
  }

 private:
  // A token other than `refused`: the one another thread already fetched, or a new one; none when
  // the source has no other to offer.
  Result<std::optional<std::string>> renew(const std::string& refused) {
    std::lock_guard lock(mutex_);
    auto now = source_.token();
    if (now && *now != refused) return std::optional<std::string>(*now);
    auto refreshed = source_.refresh();
    if (!refreshed) return std::unexpected(refreshed.error());
    if (!*refreshed) return std::optional<std::string>();
    auto fresh = source_.token();
    if (!fresh) return std::unexpected(fresh.error());
    return std::optional<std::string>(std::move(*fresh));
  }

  TokenSource& source_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<Policy> make_auth_policy(TokenSource& source) {
  return std::make_unique<AuthPolicy>(source);
}

}  // namespace aepflow
