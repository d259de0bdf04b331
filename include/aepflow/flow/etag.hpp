#pragma once
// Flow Service etags are values that contain their own double quotes ("\"0000d781-...\"" in JSON).
// If-Match must carry exactly one pair of quotes around the bare value. Users paste etags in every
// form: bare, quoted, with backslash-escaped quotes, or as the JSON string literal itself.

#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"

namespace aepflow {

// Returns the value to send as If-Match: the bare value wrapped in one pair of double quotes.
// A usage error when nothing is left after unwrapping, or the bare value has quotes, backslashes
// or whitespace inside.
Result<std::string> normalize_etag(std::string_view input);

}  // namespace aepflow
