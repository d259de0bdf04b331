#pragma once
// Base64 (RFC 4648, the standard alphabet with padding): how a destination's spec asks for key
// material (`contentEncoding: base64`), an SSH private key or a PGP public key.

#include <optional>
#include <string>
#include <string_view>

namespace aepflow {

std::string base64_encode(std::string_view bytes);

// The bytes `text` encodes; unset when it is not base64. Line breaks and spaces are skipped (a
// key file wraps its base64 at 64 or 76 columns); padding is optional.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace aepflow
