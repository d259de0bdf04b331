// aepflow flowspecs get ID|NAME
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string spec;
};

std::string spec_list(const nlohmann::json& spec, std::string_view key) {
  std::string out;
  auto it = spec.find(key);
  if (it == spec.end() || !it->is_array()) return "(none)";
  for (const auto& id : *it) {
    if (!id.is_string()) continue;
    const auto* d = find_destination(id.get<std::string>());
    if (!out.empty()) out += ", ";
    out += id.get<std::string>();
    if (d) out += " (" + std::string(d->name) + ")";
  }
  return out.empty() ? "(none)" : out;
}

Result<void> run(const Options& o, Context& ctx) {
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  auto id = resolve_flow_spec(**service, o.spec);
  if (!id) return std::unexpected(id.error());
  auto spec = (*service)->get(Collection::flow_specs, *id);
  if (!spec) return std::unexpected(spec.error());
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(text_of(*spec, "id"));
      break;
    case Format::json:
      out.json(*spec);
      break;
    case Format::table:
      out.fields(text_of(*spec, "name"),
                 {{"id", text_of(*spec, "id")},
                  {"version", text_of(*spec, "version")},
                  {"source specs", spec_list(*spec, "sourceConnectionSpecIds")},
                  {"target specs", spec_list(*spec, "targetConnectionSpecIds")}});
      break;
  }
  return {};
}

}  // namespace

void add_flowspecs_get(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "get",
      "show a dataflow spec; a destination name gives the spec that activates audiences to it");
  cmd.option("spec", opts->spec, "flow spec ID, flow spec name or destination name").required();
  cmd.examples(
      "Examples:\n  aepflow flowspecs get \"Oracle Responsys\"\n"
      "  aepflow flowspecs get 71471eba-b620-49e4-90fd-23f1fa0174d8 -o json");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
