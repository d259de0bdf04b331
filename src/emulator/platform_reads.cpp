#include "platform_reads.hpp"

#include "errors.hpp"
#include "gateway.hpp"
#include "util.hpp"

namespace emulator {

namespace {

// The services' names in the type URI of their errors (errors.hpp, platform_error); the codes
// are the emulator's own, as no document lists any.
constexpr const char* kProfile = "UPS";
constexpr const char* kIdentity = "IDNAMESPACE";

Response refuse(const Call& call, const char* service, int status, const char* code,
                const char* title, const std::string& message) {
  return reply(platform_error(service, status, code, title, message, call.rid));
}

// The query the tutorial sends, property=fullSchema==true&property=includeRelationshipDescriptors
// ==true; each is a flag, true or false. Without them the service answers something no document
// shows: the emulator answers the same union schema.
std::optional<std::string> entity_type_query_problem(const Call& call) {
  for (const auto& [k, v] : call.req.query) {
    if (k != "property") return "The query parameter " + k + " is not supported here.";
    const auto eq = v.find("==");
    const std::string name = v.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : v.substr(eq + 2);
    if ((name != "fullSchema" && name != "includeRelationshipDescriptors") ||
        (value != "true" && value != "false")) {
      return "property=" + v +
             " is not supported: use fullSchema==true and includeRelationshipDescriptors==true.";
    }
  }
  return std::nullopt;
}

}  // namespace

Response route_entity_types(Call& call) {
  if (auto f = check_gateway_headers(call, kProfile)) return reply(*f);
  ++(call.req.method == "GET" ? call.state.stats.reads : call.state.stats.writes);
  const auto parts = split_path(call.path);
  if (call.req.method != "GET") {
    return refuse(call, kProfile, 405, "1102", "Method Not Allowed",
                  "The method is not allowed on this resource.");
  }
  // The profile is the one entity type whose schema a destination's mapping reads.
  if (parts.size() != 1 || parts[0] != "_xdm.context.profile") {
    return refuse(call, kProfile, 404, "1101", "Resource not found",
                  "The entity type " + join(parts, "/") + " is not found.");
  }
  if (auto p = entity_type_query_problem(call)) {
    return refuse(call, kProfile, 400, "1001", "Invalid request", *p);
  }
  return reply(200, call.state.profile_union);
}

Response route_namespaces(Call& call) {
  if (auto f = check_gateway_headers(call, kIdentity)) return reply(*f);
  ++(call.req.method == "GET" ? call.state.stats.reads : call.state.stats.writes);
  const auto parts = split_path(call.path);
  if (call.req.method != "GET") {
    // POST makes a custom namespace (create-custom-namespace.md): not served, the sandbox has
    // the standard namespaces only.
    return refuse(call, kIdentity, 405, "1102", "Method Not Allowed",
                  "The method is not allowed on this resource.");
  }
  if (!call.req.query.empty()) {
    return refuse(
        call, kIdentity, 400, "1001", "Invalid request",
        "The query parameter " + call.req.query.begin()->first + " is not supported here.");
  }
  if (parts.empty()) return reply(200, call.state.namespaces);
  return refuse(call, kIdentity, 404, "1101", "Resource not found",
                "The identity namespace " + join(parts, "/") + " is not found.");
}

}  // namespace emulator
