#pragma once
// Identifiers and well-known IDs. Every Flow Service entity ID is a UUID; checking that locally
// turns a pasted typo into a usage error instead of a confusing 404.

#include <string_view>

#include "aepflow/base/error.hpp"

namespace aepflow {

// The Profile Store ("Unified Profile Service") connection spec: the source of every audience
// export, used for both the base and the source connection.
inline constexpr std::string_view profile_store_spec_id = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";

bool is_uuid(std::string_view s);

// A usage error naming `what` (e.g. "flow ID") when `id` is not a UUID.
Result<void> check_uuid(std::string_view what, std::string_view id);

}  // namespace aepflow
