#pragma once
// --param KEY=VALUE and KEY:=JSON. A VALUE of @PATH is read from a file (one trailing newline
// dropped), env:VAR from the environment, so secrets need not appear on the command line; @@ at
// the start stands for a literal @.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/error.hpp"
#include "io.hpp"

namespace aepflow::cli {

// Resolves @PATH, env:VAR and @@ in one value. `what` names it in errors ("param password").
Result<std::string> resolve_value(std::string_view value, std::string_view what, const Io& io);

// Parses every KEY=VALUE / KEY:=JSON into one object; duplicate keys are an error.
Result<nlohmann::json> parse_params(const std::vector<std::string>& args, const Io& io);

}  // namespace aepflow::cli
