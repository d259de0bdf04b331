#pragma once
// Error bodies in the shapes Flow Service and Adobe's gateway use (FLOW-SERVICE-API.md section 8).

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace emulator {

struct Failure {
  int status = 500;
  nlohmann::json body;
};

// Gateway shape: {"error_code": "401013", "message": "..."}
Failure gateway_error(int status, std::string_view code, std::string_view message);

// Current Flow Service shape: type URI FLOW-<code>-<status>, title, report, errorMessage.
Failure flow_error(int status, std::string_view code, std::string_view title,
                   std::string_view message, std::string_view request_id,
                   std::string_view resource_type = "", std::string_view resource_id = "");

// The Platform APIs besides Flow Service that the emulator serves (Data Prep's conversion
// service, the profile configuration, the identity namespaces) print no error bodies: every 4xx
// answer of data-prep.yaml has empty content. They answer in the current Flow Service shape
// (FLOW-SERVICE-API.md section 8, #4) with the service's own name in the type URI,
// https://ns.adobe.com/aep/errors/<SERVICE>-<code>-<status>; the codes are the emulator's.
Failure platform_error(std::string_view service, int status, std::string_view code,
                       std::string_view title, std::string_view message,
                       std::string_view request_id);

// RFC 7807-like shape used for a missing or wrong Content-Type.
Failure content_type_error();

Failure not_found(std::string_view collection, std::string_view id, std::string_view request_id);
Failure bad_request(std::string_view code, std::string_view message, std::string_view request_id);
Failure method_not_allowed(std::string_view request_id);
// A body the service refuses (1100-400, "Invalid request": what the flow provider's validation
// answers); the message names the field.
Failure invalid_request(std::string_view message, std::string_view request_id);

}  // namespace emulator
