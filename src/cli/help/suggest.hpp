#pragma once
// What the user probably meant: for a command line CLI11 refused, the first unknown command or
// option, with the closest known ones at that point of the command tree.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace aepflow::cli {

// Edit distance with adjacent swaps counted as one edit ("flwo" is 1 from "flow").
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known names nearest to `typed`, if within a third of its length (at least 1 edit), a name
// that starts with it counting as 1; at most three.
std::vector<std::string> closest(std::string_view typed, const std::vector<std::string>& known);

// Whether `opt`, written as `arg`, takes its value from the next argument: not a flag, not
// --name=value, not -ovalue.
bool takes_next_argument(const CLI::Option& opt, std::string_view arg);

// "unknown command 'flwo' for 'aepflow'; did you mean 'flow'?" for the first token of `args`
// that is neither a command nor an option where it stands; nothing when every token is known.
std::optional<std::string> unknown_token_message(const CLI::App& app,
                                                 const std::vector<std::string>& args);

}  // namespace aepflow::cli
