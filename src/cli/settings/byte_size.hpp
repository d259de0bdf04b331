#pragma once
// Sizes the user writes: "64M", "64MiB", "1.5G", "512k", "1048576" (bytes). K, M and G are binary
// (1024-based), as every other tool that takes a buffer size means them.

#include <cstddef>
#include <optional>
#include <string_view>

namespace aepflow::cli {

// The number of bytes, or nothing when `text` is not a size (or is 0, or above 1 TiB).
std::optional<std::size_t> parse_byte_size(std::string_view text);

}  // namespace aepflow::cli
