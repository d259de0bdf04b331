#pragma once
// Shell completion scripts, generated from the command tree itself, so they cannot drift from it.

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace aepflow::cli {

// The script for `shell` (bash, zsh or fish): commands, subcommands and options at each level.
std::string completion_script(const CLI::App& app, std::string_view shell);

}  // namespace aepflow::cli
