// aepflow plan -f FILE|- [--detailed-exitcode] [--rotate-secrets]
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/pipeline_file_command.hpp"
#include "app/util.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string file;
  bool detailed_exitcode = false;
  bool rotate = false;
};

Result<void> run(const Options& o, Context& ctx) {
  auto planned = plan_file(ctx, o.file, Goal::match, o.rotate);
  if (!planned) return std::unexpected(planned.error());
  const auto& plans = planned->plans;
  print_plans(ctx, plans, "Plan");
  if (o.detailed_exitcode && count(plans).any_change()) {
    Error e;
    e.kind = ErrorKind::mismatch;
    e.context = "plan";
    e.message =
        "the service differs from " + planned->pipeline_file.file + " (--detailed-exitcode)";
    return std::unexpected(std::move(e));
  }
  return {};
}

}  // namespace

void add_plan(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd =
      parent.command("plan", "show what apply would create, change or leave alone (reads only)");
  cmd.option("-f,--file", opts->file, "the pipeline file (YAML or JSON); - reads it from stdin")
      .required();
  cmd.flag("--detailed-exitcode", opts->detailed_exitcode,
           "exit 0 when nothing would change, 7 when something would");
  cmd.flag("--rotate-secrets", opts->rotate,
           "plan as apply --rotate-secrets: each connection that exists gets the file's secrets");
  cmd.examples(
      "Examples:\n  aepflow plan -f destinations.yaml\n"
      "  aepflow plan -f destinations.yaml --detailed-exitcode -o json\n"
      "  aepflow import --flow \"$FLOW\" | aepflow plan -f - --sandbox prod");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
