#pragma once
// Redaction by allow-list: a header or a credential field is shown only when it is known to be
// harmless. Used by the request log, by error output and by anything that echoes a body.

#include <string>
#include <string_view>

#include "aepflow/http/http.hpp"

namespace aepflow {

inline constexpr std::string_view redacted_marker = "***";

// Whether a field of a credential block (auth.params) is known to be harmless to show.
bool is_shown_credential_field(std::string_view key);

// Value of a header as it may be printed.
std::string redact_header(std::string_view name, std::string_view value);
Headers redact_headers(const Headers& headers);

// A body as it may be printed: JSON with every secret field replaced by the marker (and credential
// objects allow-listed); a JSON Patch's values are redacted as they would be at their paths
// ("/auth/params/secretKey", "/auth/params"); anything that is not JSON is summarised by its size.
std::string redact_body(std::string_view body);

// Replaces every occurrence of a secret in text (for messages that may quote input back).
// Values shorter than min_scrub_length are left alone: they are no real credential, and replacing
// them would garble ordinary words.
inline constexpr std::size_t min_scrub_length = 8;
std::string scrub(std::string text, std::string_view secret);

}  // namespace aepflow
