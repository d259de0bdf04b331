#include "app/update_support.hpp"

#include "aepflow/base/json_fields.hpp"
#include "aepflow/flow/etag.hpp"
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "terminal/dry_run.hpp"

namespace aepflow::cli {

using nlohmann::json;

Result<std::optional<std::string>> etag_guard(const std::optional<std::string>& given) {
  if (!given) return std::optional<std::string>();
  auto normalized = normalize_etag(*given);
  if (!normalized) return std::unexpected(normalized.error());
  return std::optional<std::string>(std::move(*normalized));
}

void add_update_flags(Command& cmd, UpdateFlags& flags, const std::string& id_name,
                      const std::string& noun) {
  cmd.option(id_name, flags.id, noun + " ID").required();
  cmd.option("--name", flags.name, "new name");
  cmd.option("--description", flags.description, "new description (\"\" clears it)");
  cmd.option("--etag", flags.etag,
             "change only if the " + noun +
                 " is still at this etag (exit 5 if not, nothing sent); without it a "
                 "concurrent change is re-read and the update retried");
}

Result<std::optional<std::string>> check_update_flags(const UpdateFlags& flags,
                                                      const std::string& noun) {
  if (auto ok = check_uuid(noun + " ID", flags.id); !ok) return std::unexpected(ok.error());
  if (flags.name && flags.name->find_first_not_of(" \t\r\n") == std::string::npos) {
    return usage("--name must not be empty or blank");
  }
  return etag_guard(flags.etag);
}

void replace_whole(UpdatePlan& plan, const std::string& path, const std::string& field,
                   const json& value, bool changed) {
  if (!changed) return;
  plan.ops.push_back({{"op", "replace"}, {"path", path}, {"value", value}});
  plan.fields.push_back(field);
}

void set_member(UpdatePlan& plan, const json& current, const std::string& key,
                const std::optional<std::string>& value) {
  if (!value) return;
  auto it = current.find(key);
  if (it != current.end() && it->is_string() && it->get<std::string>() == *value) return;
  plan.ops.push_back(
      {{"op", it == current.end() ? "add" : "replace"}, {"path", "/" + key}, {"value", *value}});
  plan.fields.push_back(key);
}

namespace {

void report(Context& ctx, Collection c, const std::string& id, const Applied& applied,
            const std::vector<std::string>& fields, const std::string& etag) {
  const std::string noun(collection_noun(c));
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(id);
      break;
    case Format::json: {
      json j = {{"id", id},
                {"changed", applied.sent && !ctx.globals.dry_run},
                {"fields", applied.sent ? json(fields) : json::array()},
                {"attempts", applied.attempts}};
      j["etag"] = etag.empty() ? json(nullptr) : json(etag);
      out.json(j);
      break;
    }
    case Format::table: {
      std::vector<std::pair<std::string, std::string>> kv = {{"id", id}};
      if (applied.sent) kv.emplace_back("changed", join(fields));
      kv.emplace_back("etag", is_invented(etag) ? "(none: nothing was sent)"
                              : etag.empty()    ? "(accepted; the service returned no etag)"
                                                : etag);
      if (applied.attempts > 1) {
        kv.emplace_back("attempts", std::to_string(applied.attempts) + " (the " + noun +
                                        " changed meanwhile; re-read and re-planned)");
      }
      const std::string where = " " + noun + " in sandbox " + ctx.sandbox();
      out.fields(applied.sent ? done_or_would(ctx, "Updated", "Would update") + where
                              : "No change to" + where,
                 kv);
      break;
    }
  }
}

}  // namespace

Result<void> run_update(Context& ctx, Collection c, const std::string& id,
                        const std::optional<std::string>& etag, json current,
                        const UpdatePlanner& planner) {
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  const std::string noun(collection_noun(c));
  const std::string current_etag = text_of(current, "etag");
  ApplyOptions options;
  options.sleep = ctx.io.sleep;
  options.if_match = etag;
  options.known = std::move(current);
  std::vector<std::string> fields;
  bool confirmed = false;
  auto applied = apply_change(
      **service, c, id,
      [&](const json& now) -> Result<json> {
        auto plan = planner(now);
        if (!plan) return std::unexpected(plan.error());
        if (!plan->ops.empty() && !confirmed) {
          if (auto ok = ctx.confirm_change("update " + noun + " " + id); !ok) {
            return std::unexpected(ok.error());
          }
          confirmed = true;
        }
        fields = std::move(plan->fields);
        return std::move(plan->ops);
      },
      options);
  if (!applied) return std::unexpected(applied.error());
  if (!applied->sent) {
    ctx.err() << "nothing to send: the " << noun << " already is as given\n";
  }
  report(ctx, c, id, *applied, fields,
         applied->sent ? applied->patched.etag : std::string(current_etag));
  return {};
}

}  // namespace aepflow::cli
