#include "errors.hpp"

namespace emulator {

using nlohmann::json;

Failure gateway_error(int status, std::string_view code, std::string_view message) {
  return {status, {{"error_code", code}, {"message", message}}};
}

Failure flow_error(int status, std::string_view code, std::string_view title,
                   std::string_view message, std::string_view request_id,
                   std::string_view resource_type, std::string_view resource_id) {
  json report = {{"detailed-message", message}, {"request-id", request_id}};
  if (!resource_id.empty()) report["id"] = resource_id;
  if (!resource_type.empty()) report["type"] = resource_type;
  return {status,
          {{"type", "https://ns.adobe.com/aep/errors/FLOW-" + std::string(code) + "-" +
                        std::to_string(status)},
           {"title", title},
           {"status", status},
           {"report", report},
           {"errorMessage", message},
           {"errorDetails", message}}};
}

Failure platform_error(std::string_view service, int status, std::string_view code,
                       std::string_view title, std::string_view message,
                       std::string_view request_id) {
  return {status,
          {{"type", "https://ns.adobe.com/aep/errors/" + std::string(service) + "-" +
                        std::string(code) + "-" + std::to_string(status)},
           {"title", title},
           {"status", status},
           {"detail", message},
           {"report", {{"detailed-message", message}, {"request-id", request_id}}}}};
}

Failure content_type_error() {
  return {400,
          {{"type", "/placeholder/type/uri"},
           {"status", 400},
           {"title", "BadRequestError"},
           {"detail", "A valid content-type must be specified"}}};
}

Failure not_found(std::string_view collection, std::string_view id, std::string_view request_id) {
  std::string message = "The requested " + std::string(collection) + " resource " +
                        std::string(id) +
                        " is not found. Verify the resource ID before trying again.";
  return flow_error(404, "1439", "Resource not found", message, request_id, collection, id);
}

Failure bad_request(std::string_view code, std::string_view message, std::string_view request_id) {
  return flow_error(400, code, "Invalid request", message, request_id);
}

Failure method_not_allowed(std::string_view request_id) {
  return flow_error(405, "1100", "Method Not Allowed",
                    "The method is not allowed on this resource.", request_id);
}

Failure invalid_request(std::string_view message, std::string_view request_id) {
  return bad_request("1100", message, request_id);
}

}  // namespace emulator
