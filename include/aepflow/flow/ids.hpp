#pragma once
// Identifiers and well-known IDs. Every Flow Service entity ID is a UUID; checking that locally
// turns a pasted typo into a usage error instead of a confusing 404.

#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"

namespace aepflow {

// The Profile Store ("Unified Profile Service") connection spec: the source of every audience
// export, used for both the base and the source connection.
inline constexpr std::string_view profile_store_spec_id = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";

bool is_uuid(std::string_view s);

// A usage error naming `what` (e.g. "flow ID") when `id` is not a UUID.
Result<void> check_uuid(std::string_view what, std::string_view id);

// An audience (segment) ID as one spelling: surrounding whitespace dropped; a UUID (every
// Segmentation Service audience) in lowercase, as the service writes them, since a UUID's letter
// case carries no meaning (RFC 9562). Other IDs (an external audience's "extaud9001" in Adobe's
// destinations spec) keep their case. A usage error when the ID is empty or holds a space, a
// control character, a non-ASCII byte or one of , ; " ' \ (a file's quoting or separators left
// in). Flags, audience files and pipeline files are held to this one rule, so two spellings of
// an ID are never two audiences.
Result<std::string> normalize_audience_id(std::string_view given);

// Each of `given` normalized, in order, without repeats; an error names `flag` and the value.
Result<std::vector<std::string>> normalize_audience_ids(const std::vector<std::string>& given,
                                                        std::string_view flag);

// Whether two IDs name the same audience (as normalize_audience_id would spell them); for IDs the
// service holds, which are not normalized.
bool same_audience(std::string_view a, std::string_view b);

}  // namespace aepflow
