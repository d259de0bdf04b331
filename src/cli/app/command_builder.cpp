#include "app/command_builder.hpp"

#include <CLI/CLI.hpp>

#include "app/context.hpp"

namespace aepflow::cli {

Command& Command::option(const std::string& names, std::string& into, const std::string& help) {
  last_ = app_->add_option(names, into, help);
  return *this;
}

Command& Command::option(const std::string& names, std::vector<std::string>& into,
                         const std::string& help) {
  last_ = app_->add_option(names, into, help);
  return *this;
}

Command& Command::option(const std::string& names, std::optional<std::string>& into,
                         const std::string& help) {
  last_ = app_->add_option_function<std::string>(
      names, [&into](const std::string& v) { into = v; }, help);
  return *this;
}

Command& Command::flag(const std::string& names, bool& into, const std::string& help) {
  last_ = app_->add_flag(names, into, help);
  return *this;
}

Command& Command::required() {
  if (last_) last_->required();
  return *this;
}

Command& Command::split_on(char delimiter) {
  if (last_) last_->delimiter(delimiter);
  return *this;
}

Command& Command::show_default() {
  if (last_) last_->capture_default_str();
  return *this;
}

Command& Command::examples(const std::string& text) {
  app_->footer(text);
  return *this;
}

void Command::run(Context& ctx, std::function<Result<void>()> action) {
  app_->callback([&ctx, action = std::move(action)] { ctx.action = action; });
}

Command Group::command(const std::string& name, const std::string& summary) {
  return Command(app_->add_subcommand(name, summary));
}

Group Group::group(const std::string& name, const std::string& summary,
                   const std::string& examples) {
  auto* sub = app_->add_subcommand(name, summary);
  if (!examples.empty()) sub->footer(examples);
  return Group(sub);
}

}  // namespace aepflow::cli
