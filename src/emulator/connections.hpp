#pragma once
// Base connections, /connections: created against a connection spec and, where the spec has
// auth specs, one of them by name with params checked against its schema (patterns and base64
// content included); where the spec has encryption specs, optional file encryption
// (encryption.hpp). Secret params (format: password) are kept to check later edits and never
// shown.

#include <optional>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

Response create_connection(Call& call, const nlohmann::json& body);

// The problem with a connection's `auth` against its connection spec: an unknown specName is
// 1415, params that break the auth spec's schema 1100.
std::optional<Failure> auth_problem(const Call& call, const nlohmann::json& spec,
                                    const nlohmann::json& auth);

// After a PATCH that changed `auth`: the service stamps the new credentials' date, as on create.
void stamp_authorized(const State& state, nlohmann::json& updated, const nlohmann::json& before);

// A connection as GET shows it: secret params masked.
nlohmann::json render_connection(const State& state, const nlohmann::json& connection);

}  // namespace emulator
