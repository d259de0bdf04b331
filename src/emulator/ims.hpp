#pragma once
// Adobe IMS's token endpoint for OAuth server-to-server clients: POST /ims/token/v3 with
// grant_type=client_credentials, client_id, client_secret and scope (FLOW-SERVICE-API.md
// section 2). Served at its own path, outside Flow Service's base path, as IMS is another host.

#include "state.hpp"

namespace emulator {

inline constexpr const char* kImsTokenPath = "/ims/token/v3";

Response issue_token(State& state, const Request& req);

}  // namespace emulator
