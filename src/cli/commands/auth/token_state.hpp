#pragma once
// Where the access token comes from and whether it is usable, without sending anything: for
// `auth status` and `doctor`.

#include <cstdint>
#include <string>

#include "aepflow/auth/ims.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

struct TokenState {
  std::string source;  // where the token comes from
  std::string state;   // "valid until ...", "expired at ...", "none cached"
  bool usable = false;
  std::int64_t expires_at = 0;
  TokenClaims claims;
  std::string cache;
};

TokenState token_state(Context& ctx, const Settings& s);

}  // namespace aepflow::cli
