// aepflow config import-aepp FILE [--profile P]: a profile from the JSON config file of the aepp
// Python library, so teams can switch without re-entering anything.
#include "aepflow/base/text.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/config/config_target.hpp"

namespace aepflow::cli {

namespace {

std::string scopes_of(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  if (v.is_array()) {
    for (const auto& s : v) {
      if (s.is_string()) out += (out.empty() ? "" : ",") + s.get<std::string>();
    }
  }
  return out;
}

Result<void> run(const std::string& path, Context& ctx) {
  if (auto ok = refuse_dry_run(ctx, "config import-aepp", "writes the config file"); !ok) return ok;
  auto text = ctx.io.read_file(path);
  if (!text) return std::unexpected(text.error());
  auto j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return usage(path + " is not a JSON object (an aepp config file)");
  auto target = open_config(ctx);
  if (!target) return std::unexpected(target.error());

  std::vector<std::string> imported;
  auto take = [&](const char* from, const char* key, const std::string& value) {
    if (value.empty()) return;
    target->file.set(target->profile, key, value);
    imported.push_back(std::string(key) + " (from " + from + ")");
  };
  take("org_id", "org_id", text_of(j, "org_id"));
  take("client_id", "client_id", text_of(j, "client_id"));
  take("secret", "client_secret", text_of(j, "secret"));
  take("scopes", "scopes", j.contains("scopes") ? scopes_of(j["scopes"]) : "");
  take("sandbox-name", "sandbox", text_of(j, "sandbox-name"));
  const std::string environment = text_of(j, "environment");
  if (environment == "stage") {
    take("environment", "base_url", "https://platform-stage.adobe.io/data/foundation/flowservice");
    take("environment", "ims_url", "https://ims-na1-stg1.adobelogin.com");
  } else if (!environment.empty() && environment != "prod") {
    ctx.warn("environment '" + environment + "' is not prod or stage; the default URLs are kept");
  }
  for (const char* jwt : {"tech_id", "pathToKey", "private_key", "auth_code"}) {
    if (j.contains(jwt)) {
      ctx.warn(std::string(jwt) + " belongs to the retired JWT credential and is not imported");
      break;
    }
  }
  if (imported.empty()) return usage(path + " has none of org_id, client_id, secret, scopes");
  if (auto ok = target->file.save(); !ok) return ok;
  if (!text_of(j, "secret").empty()) {
    ctx.warn("the client secret is now stored as plain text in " + target->file.path().string() +
             " (mode 0600); `aepflow config set client_secret env:VAR` replaces it by a reference");
  }
  ctx.err() << "Imported into profile " << printable(target->profile) << ": " << join(imported)
            << '\n';
  return {};
}

}  // namespace

void add_config_import_aepp(Group& parent, Context& ctx) {
  auto path = std::make_shared<std::string>();
  auto cmd = parent.command("import-aepp",
                            "create a profile from an aepp (Python library) JSON config file");
  cmd.option("file", *path, "the aepp config file").required();
  cmd.examples("Example:\n  aepflow config import-aepp ~/aepp/config.json --profile prod-team");
  cmd.run(ctx, [path, &ctx] { return run(*path, ctx); });
}

}  // namespace aepflow::cli
