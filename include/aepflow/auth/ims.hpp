#pragma once
// Adobe IMS, OAuth server-to-server: client credentials in, an access token out.
//   POST {ims}/ims/token/v3, form body grant_type=client_credentials, client_id, client_secret,
//   scope; answer {"access_token", "token_type": "bearer", "expires_in": <seconds>}.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"
#include "aepflow/http/http.hpp"
#include "aepflow/http/log.hpp"

namespace aepflow {

inline constexpr std::string_view default_ims_url = "https://ims-na1.adobelogin.com";
inline constexpr std::string_view default_scopes =
    "openid,session,AdobeID,read_organizations,additional_info.projectedProductContext";

struct ClientCredentials {
  std::string ims_url{default_ims_url};
  std::string client_id;
  std::string client_secret;
  std::string scopes{default_scopes};
};

struct IssuedToken {
  std::string access_token;
  std::chrono::seconds expires_in{0};
};

namespace requests {
// The token request, relative to the IMS URL.
Request ims_token(const ClientCredentials& c);
}  // namespace requests

// The token from IMS's answer; any IMS refusal is an auth error with a hint.
Result<IssuedToken> parse_ims_token(const Response& r);

class ImsClient {
 public:
  ImsClient(std::shared_ptr<Transport> transport, LogSink* log)
      : transport_(std::move(transport)), log_(log) {}
  Result<IssuedToken> request_token(const ClientCredentials& c);

 private:
  std::shared_ptr<Transport> transport_;
  LogSink* log_;
};

// What an access token says about itself, when it is a JWT as IMS issues them. Empty fields when
// it is not.
struct TokenClaims {
  std::string client_id;
  std::string user_id;
  std::string org;
  std::int64_t expires_at = 0;  // epoch seconds; 0 when unknown
};
TokenClaims read_token_claims(std::string_view token);

}  // namespace aepflow
