#pragma once
// Values that may stand for something else, so secrets need not appear on the command line:
//   @PATH or file:PATH   the file's content (one trailing newline dropped); ~/ is $HOME/
//   env:VAR              the environment variable
//   cmd:COMMAND          the command's stdout (one trailing newline dropped)
//   prompt:              asked on the terminal, without echo
//   @@...                a literal value starting with @
// and --param KEY=VALUE / KEY:=JSON, whose VALUE may use the forms above.

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"
#include "terminal/io.hpp"

namespace aepflow::cli {

enum ValueForm : unsigned {
  form_file = 1,     // @PATH, file:PATH
  form_env = 2,      // env:VAR
  form_command = 4,  // cmd:COMMAND
  form_prompt = 8,   // prompt:
};
inline constexpr unsigned param_forms = form_file | form_env | form_command | form_prompt;
inline constexpr unsigned secret_forms = form_file | form_env | form_command | form_prompt;

struct Value {
  std::string text;
  bool literal = true;  // given as is, not by reference
};

// How long a cmd: reference may run before it is stopped, unless secret_command_timeout says.
inline constexpr std::chrono::milliseconds default_command_timeout{30'000};

// Resolves one value. `what` names it in errors ("param password"); the value itself never
// appears in an error. A reference that yields nothing (an empty variable or file, a command that
// prints nothing) is a usage error naming the reference; so is a command that fails or runs past
// `command_timeout` (it is stopped, with every process it started).
Result<Value> resolve_value(std::string_view value, std::string_view what, const Io& io,
                            unsigned forms,
                            std::chrono::milliseconds command_timeout = default_command_timeout);

struct Params {
  nlohmann::json values = nlohmann::json::object();
  std::vector<std::string> literal_keys;  // keys whose value was typed on the command line
};

// Parses every KEY=VALUE / KEY:=JSON into one object; duplicate keys are an error.
Result<Params> parse_params(const std::vector<std::string>& args, const Io& io);

}  // namespace aepflow::cli
