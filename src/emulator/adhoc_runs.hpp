#pragma once
// The ad hoc activation API, POST /data/core/activation/disflowprovider/adhocrun
// (ad-hoc-activation.yaml): audiences already on a batch file-based destination's dataflow
// exported now, one Flow Service run per audience, behind the gateway's checks and the
// guardrails the API documents (80 audiences a job, one run at a time per audience, an hour
// after the audience's first scheduled activation, inside its schedule).

#include "state.hpp"

namespace emulator {

// The API's base path beside Flow Service.
inline constexpr const char* kAdhocActivationPath = "/data/core/activation/disflowprovider";
// The Accept value that asks for v2 (no exportIds in the body).
inline constexpr const char* kAdhocV2Accept =
    "application/vnd.adobe.adhoc.activation+json; version=2";
// Audiences one job may activate.
inline constexpr std::size_t kAdhocMaxAudiences = 80;

// The routes below the base path, after the gateway's checks: POST /adhocrun.
Response route_adhoc_activation(Call& call);

}  // namespace emulator
