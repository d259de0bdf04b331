#include "aepflow/http/redact.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <vector>

#include "aepflow/base/text.hpp"
#include "aepflow/specs/catalogue.hpp"

namespace aepflow {

namespace {

// Headers whose values are never secret.
constexpr std::array shown_headers = {
    "accept",
    "content-type",
    "content-length",
    "x-sandbox-name",
    "x-gw-ims-org-id",
    "x-request-id",
    "if-match",
    "etag",
    "location",
    "date",
    "retry-after",
    "server",
    "connection",
    "user-agent",
    "cache-control",
    "keep-alive",
    "transfer-encoding",
    "vary",
    "x-sandbox-id",
    "content-encoding",
};

// Fields that are secret wherever they appear in a body.
constexpr std::array secret_fields = {
    "password",
    "secretKey",
    "s3SecretKey",
    "sshKey",
    "connectionString",
    "servicePrincipalKey",
    "secretAccessKey",
    "client_secret",
    "access_token",
    "accessToken",
    "token",
    "secret",
    "privateKey",
    "apiKey",
    "refresh_token",
    "sasToken",
};

// Inside a credential block (auth.params), only these are shown.
constexpr std::array shown_auth_params = {
    "domain", "host", "port", "username", "userName", "url", "tenant", "authorizedDate", "mode",
};

template <std::size_t N>
bool contains(const std::array<const char*, N>& list, std::string_view key) {
  for (const char* item : list) {
    if (iequals(item, key)) return true;
  }
  return false;
}

enum class Where { body, auth, auth_params };

void redact_json(nlohmann::json& j, Where where) {
  if (j.is_object()) {
    for (auto& [key, value] : j.items()) {
      if (contains(secret_fields, key) || (where == Where::auth_params && !value.is_structured() &&
                                           !contains(shown_auth_params, key))) {
        value = std::string(redacted_marker);
        continue;
      }
      Where inner = Where::body;
      if (where == Where::auth_params || (where == Where::auth && key == "params")) {
        inner = Where::auth_params;
      } else if (key == "auth") {
        inner = Where::auth;
      }
      redact_json(value, inner);
    }
  } else if (j.is_array()) {
    for (auto& v : j)
      redact_json(v, where);
  }
}

// The tokens of a JSON Pointer, unescaped (~1 is '/', ~0 is '~').
std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty() || pointer.front() != '/') return tokens;
  std::string token;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(token);
      token.clear();
    } else if (pointer[i] == '~' && i + 1 < pointer.size() &&
               (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
      token.push_back(pointer[++i] == '1' ? '/' : '~');
    } else {
      token.push_back(pointer[i]);
    }
  }
  return tokens;
}

// A JSON Patch operation's value, redacted as it would be at its path in the document: a value
// under a secret field, or a credential field not known to be harmless, is the marker.
void redact_patch_value(nlohmann::json& value, std::string_view path) {
  Where where = Where::body;
  Where parent = Where::body;
  std::string last;
  for (const auto& token : pointer_tokens(path)) {
    if (contains(secret_fields, token)) {
      value = std::string(redacted_marker);
      return;
    }
    parent = where;
    if (where == Where::auth_params || (where == Where::auth && token == "params")) {
      where = Where::auth_params;
    } else {
      where = token == "auth" ? Where::auth : Where::body;
    }
    last = token;
  }
  if (parent == Where::auth_params && !value.is_structured() &&
      !contains(shown_auth_params, last)) {
    value = std::string(redacted_marker);
    return;
  }
  redact_json(value, where);
}

// Whether `j` reads as a JSON Patch document (RFC 6902): operations with an op and a path.
bool is_json_patch(const nlohmann::json& j) {
  if (!j.is_array() || j.empty()) return false;
  for (const auto& op : j) {
    if (!op.is_object() || !op.contains("op") || !op.contains("path") || !op["path"].is_string())
      return false;
  }
  return true;
}

}  // namespace

bool is_shown_credential_field(std::string_view key) {
  return contains(shown_auth_params, key);
}

std::string redact_header(std::string_view name, std::string_view value) {
  if (contains(shown_headers, name)) return std::string(value);
  if (iequals(name, "authorization")) {
    auto space = value.find(' ');
    return space == std::string_view::npos
               ? std::string(redacted_marker)
               : std::string(value.substr(0, space + 1)) + std::string(redacted_marker);
  }
  if (iequals(name, "x-api-key")) {
    // The API key (the client ID) is shown by its first characters only, enough to tell two
    // credentials apart.
    return value.size() > 8 ? std::string(value.substr(0, 4)) + std::string(redacted_marker)
                            : std::string(redacted_marker);
  }
  return std::string(redacted_marker);
}

Headers redact_headers(const Headers& headers) {
  Headers out;
  out.reserve(headers.size());
  for (const auto& h : headers)
    out.push_back({h.name, redact_header(h.name, h.value)});
  return out;
}

std::string redact_body(std::string_view body) {
  if (body.empty()) return {};
  auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return std::string("<").append(std::to_string(body.size())).append(" bytes, not JSON>");
  }
  if (is_json_patch(j)) {
    for (auto& op : j) {
      if (auto value = op.find("value"); value != op.end()) {
        redact_patch_value(*value, op["path"].get_ref<const std::string&>());
      }
    }
  }
  redact_json(j, Where::body);
  return j.dump();
}

std::string scrub(std::string text, std::string_view secret) {
  if (secret.size() < min_scrub_length) return text;
  std::size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), redacted_marker);
    pos += redacted_marker.size();
  }
  return text;
}

}  // namespace aepflow
