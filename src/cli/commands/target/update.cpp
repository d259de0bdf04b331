// aepflow target update ID [--name N] [--description D] [--param K=V ...] [shorthands]
//   [file options] [--no-manifest] [--etag E]
// One PATCH /targetConnections/{id} under its etag: the params given change, the others are kept
// (the whole set is sent, as Adobe does not document whether replace /params merges).
#include "aepflow/base/json_fields.hpp"
#include "aepflow/specs/spec_check.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/update_support.hpp"
#include "commands/target/param_flags.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

struct Options : UpdateFlags, TargetParamFlags {
  std::vector<std::string> removed;  // params to take out
  bool no_manifest = false;
};

// The current params with the given ones over them; CSV options change one by one.
json merged_params(const json& current, const json& given,
                   const std::vector<std::string>& removed) {
  json merged = object_member(current, "params");
  if (!merged.is_object()) merged = json::object();
  for (const auto& key : removed)
    merged.erase(key);
  for (const auto& [key, value] : given.items()) {
    if (key == "csvOptions" && value.is_object() && merged.contains(key) &&
        merged[key].is_object()) {
      for (const auto& [option, v] : value.items())
        merged[key][option] = v;
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

Result<void> run(const Options& o, Context& ctx) {
  auto etag = check_update_flags(o, "target connection");
  if (!etag) return std::unexpected(etag.error());
  if (o.manifest && o.no_manifest) return usage("--manifest and --no-manifest contradict");
  auto given = flag_params(o, ctx.io);
  if (!given) return std::unexpected(given.error());
  auto files = flag_file_options(o);
  if (!files) return std::unexpected(files.error());
  const bool file_options =
      files->file_type || files->compression || !files->csv.empty() || files->manifest;
  if (!o.name && !o.description && given->empty() && !file_options && !o.no_manifest &&
      o.removed.empty()) {
    return usage(
        "nothing to update: pass --name, --description, --param KEY=VALUE, --remove-param KEY "
        "or a param's flag (--path, --bucket, --file-type, ...)");
  }
  for (const auto& key : o.removed) {
    if (given->contains(key))
      return usage("--remove-param " + key + " and a value for it contradict");
  }
  auto current = fetch(ctx, Collection::target_connections, "target connection ID", o.id);
  if (!current) return std::unexpected(current.error());

  json spec;
  const bool params = !given->empty() || file_options || o.no_manifest || !o.removed.empty();
  if (params) {
    auto specs = ctx.specs();
    if (!specs) return std::unexpected(specs.error());
    auto found = (*specs)->get(Collection::connection_specs,
                               text_of(object_member(*current, "connectionSpec"), "id"));
    if (!found) return std::unexpected(found.error());
    spec = **found;
    if (auto ok = add_file_options(spec, *files, *given); !ok) return ok;
    if (o.no_manifest) {
      if (given->contains("includeFileManifest")) {
        return usage("--no-manifest and --param includeFileManifest contradict");
      }
      (*given)["includeFileManifest"] = false;
    }
  }
  bool warned = false;
  return run_update(
      ctx, Collection::target_connections, o.id, *etag, std::move(*current),
      [&](const json& now) -> Result<UpdatePlan> {
        UpdatePlan plan;
        set_member(plan, now, "name", o.name);
        set_member(plan, now, "description", o.description);
        if (!params) return plan;
        const json& current_params = object_member(now, "params");
        for (const auto& key : o.removed) {
          if (!current_params.contains(key)) {
            return std::unexpected(usage("--remove-param " + key + ": target connection " + o.id +
                                         " has no such param; nothing was sent"));
          }
        }
        json merged = merged_params(now, *given, o.removed);
        std::vector<std::string> warnings;
        if (auto ok = check_target_params(spec, merged, warnings); !ok) {
          return std::unexpected(ok.error());
        }
        for (const auto& w : warnings) {
          if (!warned) ctx.warn(w);
        }
        warned = true;
        replace_whole(plan, "/params", "params", merged, merged != object_member(now, "params"));
        return plan;
      });
}

}  // namespace

void add_target_update(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("update",
                            "change a target connection's name, description or params (PATCH, "
                            "under its etag): the params given change, the rest are kept");
  add_update_flags(cmd, *opts, "id", "target connection");
  add_target_param_flags(cmd, *opts);
  cmd.flag("--no-manifest", opts->no_manifest,
           "stop writing a manifest file beside each export (includeFileManifest false)");
  cmd.option("--remove-param", opts->removed,
             "take a param out (repeatable), e.g. csvOptions when the file type is no longer "
             "CSV");
  cmd.examples(
      "Examples:\n"
      "  # move the exports to a new folder of the same bucket\n"
      "  aepflow target update \"$TARGET\" --path campaign/weekly\n"
      "  aepflow target update \"$TARGET\" --manifest --compression GZIP\n"
      "  aepflow target update \"$TARGET\" --name \"S3 exports (archive)\" --etag \"$ETAG\"");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
