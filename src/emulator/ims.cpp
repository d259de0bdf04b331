#include "ims.hpp"

#include <algorithm>

#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

std::map<std::string, std::string> form_fields(const std::string& body) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  auto decode = [](std::string s) {
    std::replace(s.begin(), s.end(), '+', ' ');  // form encoding
    return percent_decode(s);
  };
  while (start < body.size()) {
    auto amp = body.find('&', start);
    std::string pair =
        body.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    auto eq = pair.find('=');
    if (eq != std::string::npos) out[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

Response ims_error(int status, const std::string& error, const std::string& description) {
  return reply(status, {{"error", error}, {"error_description", description}});
}

}  // namespace

Response issue_token(State& state, const Request& req) {
  ++state.stats.token_requests;
  if (req.method != "POST") {
    return ims_error(405, "method_not_allowed", "the token endpoint takes POST only");
  }
  auto fields = form_fields(req.body);
  for (const auto& [k, v] : req.query)
    fields.emplace(k, v);  // IMS also takes query parameters
  if (fields["grant_type"] != "client_credentials") {
    return ims_error(400, "unsupported_grant_type", "grant_type must be client_credentials");
  }
  const std::string id = fields["client_id"];
  if (id.empty()) return ims_error(400, "invalid_request", "client_id parameter is missing");
  auto client = state.options.clients.find(id);
  if (client == state.options.clients.end()) {
    return ims_error(400, "invalid_client", "invalid client_id parameter");
  }
  if (fields["client_secret"] != client->second) {
    return ims_error(401, "invalid_client", "invalid client_secret parameter");
  }
  if (fields["scope"].empty()) return ims_error(400, "invalid_scope", "scope parameter is missing");
  const auto now = state.clock();
  const auto ms = state.now_ms();
  const auto ttl = state.options.token_ttl;
  json header = {{"alg", "RS256"}, {"x5u", "ims_na1-key-at-1.cer"}, {"typ", "JWT"}};
  json payload = {{"id", state.uuid()},
                  {"type", "access_token"},
                  {"client_id", id},
                  {"user_id", id + "@techacct.adobe.com"},
                  {"as", "ims-na1"},
                  {"created_at", std::to_string(ms)},
                  {"expires_in", std::to_string(ttl.count() * 1000)},
                  {"scope", fields["scope"]}};
  const auto replace = json::error_handler_t::replace;  // a scope's bytes may be anything
  std::string token = base64url(header.dump()) + "." +
                      base64url(payload.dump(-1, ' ', false, replace)) + "." +
                      base64url(state.uuid() + state.uuid());
  state.issued_tokens[token] = now + ttl;
  ++state.stats.tokens;
  return reply(200,
               {{"access_token", token}, {"token_type", "bearer"}, {"expires_in", ttl.count()}});
}

}  // namespace emulator
