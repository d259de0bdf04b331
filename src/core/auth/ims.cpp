#include "aepflow/auth/ims.hpp"

#include <nlohmann/json.hpp>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/http/http_pipeline.hpp"

namespace aepflow {

using nlohmann::json;

namespace requests {

Request ims_token(const ClientCredentials& c) {
  Request r;
  r.method = Method::post;
  r.path = "/ims/token/v3";
  r.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  r.body = "grant_type=client_credentials&client_id=" + url_encode(c.client_id) +
           "&client_secret=" + url_encode(c.client_secret) + "&scope=" + url_encode(c.scopes);
  return r;
}

}  // namespace requests

namespace {

std::string base64url_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-' || c == '+') return 62;
    if (c == '_' || c == '/') return 63;
    return -1;
  };
  std::string out;
  int bits = 0, acc = 0;
  for (char c : in) {
    int v = value(c);
    if (v < 0) break;  // '=' padding or the end
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::int64_t number(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return 0;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (it->is_string()) {
    try {
      return std::stoll(it->get<std::string>());
    } catch (const std::exception&) {
      return 0;
    }
  }
  return 0;
}

}  // namespace

Result<IssuedToken> parse_ims_token(const Response& r) {
  json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (r.status < 200 || r.status >= 300) {
    Error e;
    e.kind = r.status >= 500 ? ErrorKind::api : ErrorKind::auth;
    e.status = r.status;
    e.context = "get an access token from Adobe IMS";
    e.body = r.body;
    if (j.is_object()) {
      e.code = any_text_of(j, "error");
      e.message = any_text_of(j, "error_description");
    }
    if (e.message.empty()) e.message = "the token request was refused";
    if (e.code == "invalid_client" || r.status == 401) {
      e.message +=
          "; check the client ID and client secret (aepflow config get client_id, or "
          "--client-id/--client-secret, AEP_CLIENT_ID/AEP_CLIENT_SECRET)";
    } else if (e.code == "invalid_scope") {
      e.message += "; check the scopes the credential allows in the Developer Console (--scopes)";
    }
    if (const auto* id = find_header(r.headers, "x-request-id")) e.request_id = *id;
    return std::unexpected(std::move(e));
  }
  std::string token = j.is_object() ? any_text_of(j, "access_token") : "";
  if (token.empty()) {
    return fail(ErrorKind::auth,
                "get an access token from Adobe IMS: the answer has no access_token");
  }
  // expires_in is in seconds for OAuth server-to-server (the retired JWT exchange used ms).
  std::int64_t expires = number(j, "expires_in");
  if (expires > 30LL * 24 * 3600) expires /= 1000;  // IMS tokens live a day, not a month
  return IssuedToken{std::move(token), std::chrono::seconds(expires > 0 ? expires : 3600)};
}

Result<IssuedToken> ImsClient::request_token(const ClientCredentials& c) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(make_request_id_policy(nullptr));
  if (log_) policies.push_back(make_log_policy(*log_, c.ims_url));
  HttpPipeline pipeline(c.ims_url, std::move(policies), transport_);
  auto res = pipeline.send(requests::ims_token(c));
  if (!res) {
    return std::unexpected(
        with_context(std::move(res.error()), "get an access token from Adobe IMS"));
  }
  return parse_ims_token(*res);
}

TokenClaims read_token_claims(std::string_view token) {
  TokenClaims claims;
  auto first = token.find('.');
  if (first == std::string_view::npos) return claims;
  auto second = token.find('.', first + 1);
  if (second == std::string_view::npos) return claims;
  json payload = json::parse(base64url_decode(token.substr(first + 1, second - first - 1)), nullptr,
                             /*allow_exceptions=*/false);
  if (!payload.is_object()) return claims;
  claims.client_id = any_text_of(payload, "client_id");
  claims.user_id = any_text_of(payload, "user_id");
  claims.org = any_text_of(payload, "org");
  std::int64_t created = number(payload, "created_at"), expires = number(payload, "expires_in");
  if (created > 0 && expires > 0) claims.expires_at = (created + expires) / 1000;
  return claims;
}

}  // namespace aepflow
