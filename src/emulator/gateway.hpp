#pragma once
// Adobe's API gateway in front of Flow Service: the token, the API key, the organization and the
// sandbox every request must carry (FLOW-SERVICE-API.md section 3), and the rate limit.

#include <optional>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

// The first problem with the request's headers, in the order the gateway checks them; on
// success, sets call.sandbox_name and call.sandbox. The token, key and organization are the
// gateway's checks, in its shape; the sandbox is the service's, named by `service` ("FLOW" for
// Flow Service, whose catalogue has the codes).
std::optional<Failure> check_gateway_headers(Call& call, std::string_view service = "FLOW");

// The rate limit: true when this API key has a request left in this second; otherwise
// `retry_after` says how many seconds to wait.
bool admit(State& state, const Request& req, int& retry_after);

}  // namespace emulator
