#pragma once
// Help beyond --help: `aepflow help TOPIC` (environment, exit codes, config, output), the command
// tree as JSON for tools, and the manual page, all made from the command tree itself so none of
// them can drift from the commands.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"

namespace CLI {
class App;
}

namespace aepflow::cli {

class Context;

struct Topic {
  std::string_view name;
  std::string_view summary;
  std::string (*text)();
};
const std::vector<Topic>& help_topics();

// The JSON that aepflow itself builds (not the service's objects, which it passes through):
// top-level fields by command, `optional` ones present only in some answers.
struct JsonShape {
  std::string_view commands;
  std::vector<std::string_view> fields;
  std::vector<std::string_view> optional;
};
const std::vector<JsonShape>& json_shapes();

// Every command under `app` (app itself first): path, summary, options, positionals, examples.
nlohmann::json command_tree(const CLI::App& app);

// The manual page, in roff (man -l aepflow.1).
std::string man_page(const CLI::App& app);

// What `aepflow help` was asked (commands/help.cpp binds it).
struct HelpOptions {
  std::vector<std::string> words;  // a topic, or a command path
  bool commands = false;           // the command tree as JSON
  bool man = false;                // the manual page
};

// `aepflow help [TOPIC | COMMAND...]`, `--commands`, `--man`.
Result<void> run_help(HelpOptions o, const CLI::App& root, Context& ctx);

// The words after `help` marked so that the parser does not take them for commands (`aepflow
// help flow create` is help on `flow create`, not `flow create` itself).
inline constexpr std::string_view help_word_mark = "help:";
std::vector<std::string> protect_help_words(const CLI::App& app, std::vector<std::string> args);

// The exit codes, as the top-level --help and `help exit-codes` show them.
std::string exit_codes_text();

}  // namespace aepflow::cli
