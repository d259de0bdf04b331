// aepflow help [TOPIC | COMMAND...] [--commands] [--man]
#include "help/help.hpp"

#include <CLI/CLI.hpp>

#include "app/command_table.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

void add_help(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<HelpOptions>();
  auto* help = app.add_subcommand(
      "help", "help on a topic (environment, exit-codes, config, output) or a command");
  help->add_option("topic", o->words, "a topic, or a command path such as: flow activate");
  help->add_flag("--commands", o->commands,
                 "print every command, option and example as JSON (for tools)");
  help->add_flag("--man", o->man, "print the manual page (roff): aepflow help --man | man -l -");
  help->footer(
      "Examples:\n  aepflow help exit-codes\n  aepflow help output\n"
      "  aepflow help flow activate\n  aepflow help --man | man -l -");
  help->callback(
      [o, &app, &ctx] { ctx.action = [o, &app, &ctx] { return run_help(*o, app, ctx); }; });
}

}  // namespace aepflow::cli
