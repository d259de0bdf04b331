// aepflow specs get ID|NAME
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "help/schema_summary.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string spec;
};

void print_schema(Output& out, const std::string& title, const nlohmann::json& schema) {
  auto s = summarize_schema(schema);
  std::vector<std::pair<std::string, std::string>> kv;
  kv.emplace_back("required", s.required.empty() ? "(none)" : join(s.required));
  for (const auto& [when, params] : s.required_when)
    kv.emplace_back("when " + when, join(params));
  if (!s.optional.empty()) kv.emplace_back("optional", join(s.optional));
  for (const auto& [name, when] : s.only_when)
    kv.emplace_back(name, "only for " + when);
  for (const auto& [name, values] : s.allowed)
    kv.emplace_back(name + " is one of", join(values, " | "));
  if (!s.secret.empty()) kv.emplace_back("secret", join(s.secret));
  out.fields(title, kv);
}

Result<void> run(const Options& o, Context& ctx) {
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  auto id = resolve_destination_spec(ctx.terminal, **service, o.spec);
  if (!id) return std::unexpected(id.error());
  auto spec = (*service)->get(Collection::connection_specs, *id);
  if (!spec) return std::unexpected(spec.error());

  auto& out = ctx.out();
  if (out.format() == Format::id) {
    out.id(text_of(*spec, "id"));
    return {};
  }
  if (out.format() == Format::json) {
    out.json(*spec);
    return {};
  }
  out.fields(text_of(*spec, "name"), {{"id", text_of(*spec, "id")},
                                      {"provider", text_of(*spec, "providerId")},
                                      {"version", text_of(*spec, "version")}});
  const auto& auth = (*spec)["authSpec"];
  if (auth.is_array() && !auth.empty()) {
    for (const auto& a : auth) {
      print_schema(out, "Auth spec \"" + text_of(a, "name") + "\" (--auth-spec)",
                   a.contains("spec") ? a["spec"] : nlohmann::json());
      if (text_of(a, "type") == "S3RoleBased") {
        out.line("  The role's trust policy must allow Adobe's AWS account " +
                 std::string(adobe_aws_account) + " sts:AssumeRole.");
      }
    }
  } else {
    out.line("Auth specs: none (create the base connection without --auth-spec)");
  }
  if (const auto& enc = (*spec)["encryptionSpecs"]; enc.is_array() && !enc.empty()) {
    out.fields("File encryption (--encryption-key @public.asc)",
               {{"spec", text_of(enc[0], "name")},
                {"takes", "a PGP public key, armored or base64 (publicKey)"}});
  }
  const auto& target = (*spec)["targetSpec"];
  if (target.is_object() && target.contains("spec")) {
    print_schema(out, "Target spec (target create: its flags, or --param)", target["spec"]);
  }
  return {};
}

}  // namespace

void add_specs_get(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "get", "show a connection spec: its auth specs and target params, required and optional");
  cmd.option("spec", opts->spec, "connection spec ID or destination name").required();
  cmd.examples(
      "Examples:\n  aepflow specs get \"Adobe Campaign\"\n  aepflow specs get s3\n"
      "  aepflow specs get 0b23e41a-cb4a-4321-a78f-3b654f5d7d97 -o json");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
