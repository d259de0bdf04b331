// aepflow specs list [--name TEXT]
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string name;
  std::string from_file;
};

std::string auth_spec_names(const nlohmann::json& spec) {
  std::string out;
  auto it = spec.find("authSpec");
  if (it == spec.end() || !it->is_array()) return out;
  for (const auto& a : *it) {
    if (!out.empty()) out += ", ";
    out += text_of(a, "name");
  }
  return out;
}

Result<void> run(const Options& o, Context& ctx) {
  auto items = list_catalogue(ctx, Collection::connection_specs, o.name, o.from_file);
  if (!items) return std::unexpected(items.error());
  print_list(ctx.out(), *items, {"id", "name", "auth specs"}, [](const nlohmann::json& s) {
    return Row{text_of(s, "id"), text_of(s, "name"), auth_spec_names(s)};
  });
  return {};
}

}  // namespace

void add_specs_list(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("list", "list the connection specs (destinations and sources)");
  cmd.option("--name", opts->name, "only specs whose name contains TEXT (case-insensitive)");
  cmd.option("--from-file", opts->from_file,
             "read the catalogue from a file instead of the service: a saved list answer "
             "({\"items\": [...]}) or a JSON array; no request is made");
  cmd.examples(
      "Examples:\n  aepflow specs list --name campaign\n"
      "  aepflow specs list --from-file catalogue.json -o json   # offline, no credentials");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
