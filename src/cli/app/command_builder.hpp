#pragma once
// How a command declares its options and its action, without the command files including CLI11
// (a heavy header-only library: including it in every command file doubled their build time).
// Command files see CLI11 only through this; the app (app.cpp, command_builder.cpp), help and
// suggestions (help/), and the help and completion commands, which walk the parser itself, include
// it directly.

#include <functional>
#include <string>
#include <vector>

#include "aepflow/base/error.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace aepflow::cli {

class Context;

class Command {
 public:
  explicit Command(CLI::App* app) : app_(app) {}

  // "--name" for an option, "name" for a positional argument.
  Command& option(const std::string& names, std::string& into, const std::string& help);
  Command& option(const std::string& names, std::vector<std::string>& into,
                  const std::string& help);
  Command& flag(const std::string& names, bool& into, const std::string& help);
  Command& required();      // of the last option
  Command& show_default();  // the last option's current value, in --help
  Command& examples(const std::string& text);
  // What runs when this command is chosen, once parsing has finished.
  void run(Context& ctx, std::function<Result<void>()> action);

 private:
  CLI::App* app_;
  CLI::Option* last_ = nullptr;
};

// A noun ("flow") whose verbs are commands.
class Group {
 public:
  explicit Group(CLI::App* app) : app_(app) {}
  Command command(const std::string& name, const std::string& summary);

 private:
  CLI::App* app_;
};

}  // namespace aepflow::cli
