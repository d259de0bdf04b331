#pragma once
// The two Platform reads a client makes before it builds a destination's mapping set
// (activate-segments-file-based-destinations.md, 'Create an input schema'): the profile union
// schema, GET /data/core/ups/config/entityTypes/_xdm.context.profile, and the identity
// namespaces, GET /data/core/idnamespace/identities. Both are read-only catalogues, the same in
// every sandbox, behind the gateway's checks.

#include "state.hpp"

namespace emulator {

// `call.path` is below kEntityTypesPath ("/_xdm.context.profile").
Response route_entity_types(Call& call);
// `call.path` is below kNamespacesPath ("" for the list).
Response route_namespaces(Call& call);

}  // namespace emulator
