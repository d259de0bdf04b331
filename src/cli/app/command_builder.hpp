#pragma once
// How a command declares its options and its action, without the command files including CLI11
// (a heavy header-only library: including it in every command file doubled their build time).
// Command files see CLI11 only through this; the app (app.cpp, command_builder.cpp), help and
// suggestions (help/), and the help and completion commands, which walk the parser itself, include
// it directly.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aepflow/base/error.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace aepflow::cli {

class Context;

// What a command does with its options once they are parsed. A command's registration that takes
// one lets a test check argv -> options with nothing sent (gh's runF); by default it runs the
// command.
template <class Options>
using RunFunction = std::function<Result<void>(const Options&)>;

class Command {
 public:
  explicit Command(CLI::App* app) : app_(app) {}

  // "--name" for an option, "name" for a positional argument.
  Command& option(const std::string& names, std::string& into, const std::string& help);
  Command& option(const std::string& names, std::vector<std::string>& into,
                  const std::string& help);
  // Unset unless given: an empty value given (--etag "") is told apart from none.
  Command& option(const std::string& names, std::optional<std::string>& into,
                  const std::string& help);
  Command& flag(const std::string& names, bool& into, const std::string& help);
  Command& required();      // of the last option
  Command& show_default();  // the last option's current value, in --help
  // The last (repeatable) option also takes a list in one value: --datasets A,B.
  Command& split_on(char delimiter);
  Command& examples(const std::string& text);
  // What runs when this command is chosen, once parsing has finished.
  void run(Context& ctx, std::function<Result<void>()> action);
  // The same, through a run function given the options as parsed.
  template <class Options>
  void run(Context& ctx, const std::shared_ptr<const Options>& options,
           RunFunction<Options> run_f) {
    run(ctx, [options, run_f = std::move(run_f)] { return run_f(*options); });
  }

 private:
  CLI::App* app_;
  CLI::Option* last_ = nullptr;
};

// A noun ("flow") whose verbs are commands.
class Group {
 public:
  explicit Group(CLI::App* app) : app_(app) {}
  Command command(const std::string& name, const std::string& summary);
  // A noun below this level ("flow" below the top), whose verbs are commands.
  Group group(const std::string& name, const std::string& summary,
              const std::string& examples = "");

 private:
  CLI::App* app_;
};

}  // namespace aepflow::cli
