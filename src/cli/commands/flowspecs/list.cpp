// aepflow flowspecs list [--name TEXT]
#include "aepflow/specs/catalogue.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string name;
  std::string from_file;
};

// "Adobe Campaign, Amazon S3, ..." for the target connection specs the built-in catalogue knows.
std::string target_names(const nlohmann::json& spec) {
  std::string out;
  auto it = spec.find("targetConnectionSpecIds");
  if (it == spec.end() || !it->is_array()) return out;
  for (const auto& id : *it) {
    if (!id.is_string()) continue;
    const auto* d = find_destination(id.get<std::string>());
    if (!out.empty()) out += ", ";
    out += d ? std::string(d->name) : id.get<std::string>();
  }
  return out;
}

Result<void> run(const Options& o, Context& ctx) {
  auto items = list_catalogue(ctx, Collection::flow_specs, o.name, o.from_file);
  if (!items) return std::unexpected(items.error());
  print_list(ctx.out(), *items, {"id", "name", "destinations"}, [](const nlohmann::json& s) {
    return Row{text_of(s, "id"), text_of(s, "name"), target_names(s)};
  });
  return {};
}

}  // namespace

void add_flowspecs_list(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("list", "list the dataflow specs");
  cmd.option("--name", opts->name, "only specs whose name contains TEXT (case-insensitive)");
  cmd.option("--from-file", opts->from_file,
             "read the catalogue from a file instead of the service: a saved list answer "
             "({\"items\": [...]}) or a JSON array; no request is made");
  cmd.examples("Example:\n  aepflow flowspecs list -o json");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
