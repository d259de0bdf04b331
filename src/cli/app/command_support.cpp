#include "app/command_support.hpp"

#include "aepflow/flow/ids.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/resolve.hpp"
#include "aepflow/specs/spec_check.hpp"

namespace aepflow::cli {

Result<void> refuse_dry_run(const Context& ctx, std::string_view command,
                            std::string_view changes) {
  if (!ctx.globals.dry_run) return {};
  return usage("--dry-run: 'aepflow " + std::string(command) +
               "' sends no change to the service (it " + std::string(changes) +
               "), so there is nothing to show; run it without --dry-run. "
               "Nothing was changed");
}

std::string done_or_would(const Context& ctx, std::string_view done, std::string_view would) {
  return std::string(ctx.globals.dry_run ? would : done);
}

Result<void> report_created(Context& ctx, std::string_view noun, Result<Created> created) {
  if (!created) return std::unexpected(std::move(created.error()));
  const Created& c = *created;
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(c.id);
      break;
    case Format::json:
      out.json(c.body);
      break;
    case Format::table:
      if (ctx.globals.dry_run) {
        out.line("Would create " + std::string(noun) + " in sandbox " + ctx.sandbox() +
                 " (dry run: nothing was sent)");
        break;
      }
      out.fields("Created " + std::string(noun) + " in sandbox " + ctx.sandbox(),
                 {{"id", c.id}, {"etag", c.etag.empty() ? "(none returned)" : c.etag}});
      break;
  }
  return {};
}

Result<std::string> resolve_destination_spec(const Terminal& terminal, FlowService& service,
                                             std::string_view name_or_id) {
  auto id = resolve_connection_spec(service, name_or_id);
  if (id) {
    if (auto w = retired_warning(*id)) terminal.warn(*w);
  }
  return id;
}

Result<void> checked_with_warnings(
    const Terminal& terminal,
    const std::function<Result<void>(std::vector<std::string>& warnings)>& check) {
  std::vector<std::string> warnings;
  auto ok = check(warnings);
  for (const auto& w : warnings)
    terminal.warn(w);
  return ok;
}

void warn_typed_secrets(const Context& ctx, const Params& params) {
  for (const auto& key : params.literal_keys) {
    if (is_shown_credential_field(key)) continue;
    ctx.warn("--param " + key +
             " was typed on the command line, where shell history and other users' `ps` can "
             "see it; use " +
             key + "=env:VAR, " + key + "=@PATH, " + key + "=cmd:COMMAND or " + key + "=prompt:");
  }
}

Result<nlohmann::json> fetch(Context& ctx, Collection c, std::string_view what,
                             const std::string& id) {
  if (auto ok = check_uuid(what, id); !ok) return std::unexpected(ok.error());
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  return (*service)->get(c, id);
}

namespace {

Result<nlohmann::json> read_catalogue(Context& ctx, const std::string& file) {
  auto text = ctx.io.read_file(file);
  if (!text) return usage("--from-file " + file + ": " + text.error().message);
  auto parsed = nlohmann::json::parse(*text, nullptr, false);
  if (parsed.is_discarded()) return usage("--from-file " + file + ": not valid JSON");
  if (parsed.is_object() && parsed.contains("items")) parsed = std::move(parsed["items"]);
  if (!parsed.is_array()) {
    return usage("--from-file " + file +
                 ": expected a list answer ({\"items\": [...]}) or an array");
  }
  return parsed;
}

}  // namespace

Result<nlohmann::json> list_catalogue(Context& ctx, Collection c, std::string_view name_filter,
                                      const std::string& from_file) {
  Result<nlohmann::json> all;
  if (!from_file.empty()) {
    all = read_catalogue(ctx, from_file);
  } else {
    auto service = ctx.service();
    if (!service) return std::unexpected(service.error());
    all = (*service)->list_all(c, {});
  }
  if (!all) return std::unexpected(all.error());
  if (name_filter.empty()) return all;
  nlohmann::json matching = nlohmann::json::array();
  for (auto& item : *all) {
    if (icontains(text_of(item, "name"), name_filter)) matching.push_back(std::move(item));
  }
  return matching;
}

void print_item(Output& out, const nlohmann::json& item,
                const std::function<void(Output&)>& table) {
  switch (out.format()) {
    case Format::id:
      out.id(text_of(item, "id"));
      break;
    case Format::json:
      out.json(item);
      break;
    case Format::table:
      table(out);
      break;
  }
}

void print_list(Output& out, const nlohmann::json& items, const Row& header,
                const std::function<Row(const nlohmann::json&)>& row) {
  switch (out.format()) {
    case Format::id:
      for (const auto& item : items)
        out.id(text_of(item, "id"));
      break;
    case Format::json:
      out.json(items);
      break;
    case Format::table: {
      std::vector<Row> rows;
      for (const auto& item : items)
        rows.push_back(row(item));
      out.table(header, rows);
      break;
    }
  }
}

}  // namespace aepflow::cli
