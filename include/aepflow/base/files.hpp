#pragma once
// Files written whole: replaced by rename (or put where nothing is by link) so a reader never sees
// half a file; those that hold secrets (the token cache, config.toml) created 0600 in a 0700
// folder and checked for permissions that are too open.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"

namespace aepflow {

// Creates the folder (and its parents) if missing; the folder itself with mode 0700.
Result<void> ensure_private_dir(const std::filesystem::path& dir);

// Writes `content` to a new 0600 file beside `path` and renames it over `path`.
Result<void> replace_private_file(const std::filesystem::path& path, std::string_view content);

// Writes `content` to a new file beside `path` and moves it to `path` whole, so a reader never
// sees half of it: over what is there with `replace`; otherwise only where nothing is (a usage
// error "PATH exists" when something is). Mode 0644; the folder must exist.
Result<void> write_file_whole(const std::filesystem::path& path, std::string_view content,
                              bool replace);

// "PATH is accessible by group or others (mode 644); run: chmod 600 PATH", or nothing.
std::optional<std::string> permission_warning(const std::filesystem::path& path);

}  // namespace aepflow
