// aepflow completion bash|zsh|fish
#include "help/completion.hpp"

#include <CLI/CLI.hpp>

#include "app/command_table.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

void add_completion(CLI::App& app, Context& ctx) {
  auto shell = std::make_shared<std::string>();
  auto* completion =
      app.add_subcommand("completion", "print a shell completion script (bash, zsh or fish)");
  completion->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->footer(
      "Examples:\n  source <(aepflow completion bash)        # in ~/.bashrc\n"
      "  source <(aepflow completion zsh)         # in ~/.zshrc\n"
      "  aepflow completion fish > ~/.config/fish/completions/aepflow.fish");
  completion->callback([&ctx, &app, shell] {
    ctx.action = [&ctx, &app, shell]() -> Result<void> {
      ctx.io.out << completion_script(app, *shell);
      return {};
    };
  });
}

}  // namespace aepflow::cli
