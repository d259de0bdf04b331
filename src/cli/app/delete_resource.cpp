// aepflow flow|target|source|connection delete ID [--yes]
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string id;
};

// What still uses a connection, looked up when the service refuses to delete it. Best effort:
// a failed lookup leaves the service's own message as it is.
std::vector<std::string> users_of(FlowService& service, Collection c, const std::string& id) {
  std::vector<std::pair<Collection, std::string>> queries;
  switch (c) {
    case Collection::connections:
      queries = {
          {Collection::flows, "inheritedAttributes.sourceConnections[].baseConnection.id==" + id},
          {Collection::flows, "inheritedAttributes.targetConnections[].baseConnection.id==" + id},
          {Collection::source_connections, "baseConnectionId==" + id},
          {Collection::target_connections, "baseConnectionId==" + id}};
      break;
    case Collection::source_connections:
      queries = {{Collection::flows, "sourceConnectionIds[]==" + id}};
      break;
    case Collection::target_connections:
      queries = {{Collection::flows, "targetConnectionIds[]==" + id}};
      break;
    default:
      break;
  }
  std::vector<std::string> users;
  for (const auto& [collection, property] : queries) {
    ListQuery q;
    q.properties = {property};
    auto all = service.list_all(collection, q);
    if (!all) continue;
    for (const auto& item : *all) {
      users.push_back(std::string(collection_noun(collection)) + " " + text_of(item, "id") + " (" +
                      text_of(item, "name") + ")");
    }
  }
  return users;
}

Result<void> run(Collection c, const Options& o, Context& ctx) {
  const std::string noun(collection_noun(c));
  if (auto ok = check_uuid(noun + " ID", o.id); !ok) return ok;
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (auto ok = ctx.confirm_delete(noun + " " + o.id); !ok) return ok;
  auto removed = (*service)->remove(c, o.id);
  if (!removed) {
    Error e = std::move(removed.error());
    if (e.status == 400 || e.status == 409) {
      auto users = users_of(**service, c, o.id);
      if (!users.empty()) {
        e.message += ". It is used by " + join(users) + ": delete " +
                     (users.size() == 1 ? "that" : "those") + " first";
      }
    }
    return std::unexpected(std::move(e));
  }
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(o.id);
      break;
    case Format::json:
      out.json({{"id", o.id}, {"deleted", !ctx.globals.dry_run}});
      break;
    case Format::table:
      out.line(done_or_would(ctx, "Deleted ", "Would delete ") + noun + " " + o.id +
               " in sandbox " + ctx.sandbox());
      break;
  }
  return {};
}

}  // namespace

void add_delete_command(Group& parent, Context& ctx, Collection c) {
  auto opts = std::make_shared<Options>();
  const std::string noun(collection_noun(c));
  auto cmd = parent.command(
      "delete", "delete a " + noun + " (DELETE " + std::string(collection_path(c)) + "/{id})");
  cmd.option("id", opts->id, noun + " ID").required();
  cmd.examples(
      "Asks on a terminal; scripts pass --yes (or set AEP_ASSUME_YES=1).\nExample:\n"
      "  aepflow " +
      std::string(c == Collection::flows                ? "flow"
                  : c == Collection::source_connections ? "source"
                  : c == Collection::target_connections ? "target"
                                                        : "connection") +
      " delete \"$ID\" --yes");
  cmd.run(ctx, [c, opts, &ctx] { return run(c, *opts, ctx); });
}

}  // namespace aepflow::cli
