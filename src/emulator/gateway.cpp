#include "gateway.hpp"

#include <algorithm>
#include <cmath>

#include "util.hpp"

namespace emulator {

std::optional<Failure> check_gateway_headers(Call& call, std::string_view service) {
  const Request& req = call.req;
  const State& state = call.state;
  auto header = [&](const char* name) -> const std::string* {
    auto it = req.headers.find(name);
    return it == req.headers.end() ? nullptr : &it->second;
  };
  const std::string* auth = header("authorization");
  if (!auth || auth->empty()) return gateway_error(403, "403010", "Oauth token is missing.");
  // The scheme is required: "Authorization: <token>" alone is not a bearer token.
  if (lower(auth->substr(0, 7)) != "bearer ") {
    return gateway_error(401, "401013", "Oauth token is not valid");
  }
  const std::string token = auth->substr(7);
  if (!state.options.access_tokens.count(token)) {
    auto issued = state.issued_tokens.find(token);
    if (issued == state.issued_tokens.end() || issued->second <= state.clock()) {
      return gateway_error(401, "401013", "Oauth token is not valid");
    }
  }
  const std::string* key = header("x-api-key");
  if (!key || key->empty()) return gateway_error(403, "403000", "Api Key is required");
  if (!state.options.api_keys.count(*key) && !state.options.clients.count(*key)) {
    return gateway_error(403, "403003", "Api Key is invalid");
  }
  const std::string* org = header("x-gw-ims-org-id");
  if (!org || org->empty()) {
    return gateway_error(400, "400003", "Missing header: x-gw-ims-org-id");
  }
  // An organization ID is hex digits and "@AdobeOrg"; anything else names no region.
  const std::string& o = *org;
  const bool shaped =
      o.ends_with("@AdobeOrg") && o.size() > 9 &&
      std::all_of(o.begin(), o.end() - 9, [](unsigned char c) { return std::isalnum(c) != 0; });
  if (!shaped) return gateway_error(403, "403027", "User region is missing");
  // The tutorials say a request without x-sandbox-name goes to prod; the error catalogue
  // (flow-service-errors.md) lists 2105-400 for it. Followed: the catalogue, so that a client
  // that forgets the header is caught instead of writing to prod.
  // The other services take Flow Service's sandbox codes too: theirs are not documented.
  auto sandbox_error = [&](int status, const char* code, const char* title,
                           const std::string& message) {
    return service == "FLOW" ? flow_error(status, code, title, message, call.rid)
                             : platform_error(service, status, code, title, message, call.rid);
  };
  const std::string* sb = header("x-sandbox-name");
  if (!sb || sb->empty()) {
    return sandbox_error(400, "2105", "Header is missing",
                         "The header x-sandbox-name is missing in the request. Please add the "
                         "header in the request and try again.");
  }
  if (!state.options.sandboxes.count(*sb)) {
    return sandbox_error(404, "2100", "Sandbox not found",
                         "The sandbox with the name '" + *sb +
                             "' could not be found. Please ensure that the sandbox name is "
                             "correct and try again.");
  }
  call.sandbox_name = *sb;
  call.sandbox = &call.state.sandbox(*sb);
  return std::nullopt;
}

bool admit(State& state, const Request& req, int& retry_after) {
  if (state.options.rate_limit <= 0) return true;
  auto key = req.headers.find("x-api-key");
  if (key == req.headers.end()) return true;
  const double rate = state.options.rate_limit;
  const auto now = std::chrono::steady_clock::now();
  auto [it, fresh] = state.buckets.try_emplace(key->second, Bucket{rate, now});
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.at).count();
  b.tokens = std::min(rate, b.tokens + elapsed * rate);
  b.at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  retry_after = std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / rate)));
  return false;
}

}  // namespace emulator
