// aepflow flow|target|source|connection delete ID [--yes]
#include "aepflow/flow/ids.hpp"
#include "aepflow/flow/users.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string id;
};

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
      // Best effort: a failed lookup leaves the service's own message as it is.
      auto users = users_of(**service, c, o.id);
      if (users && !users->empty()) {
        std::vector<std::string> named;
        for (const auto& u : *users)
          named.push_back(describe(u));
        e.message += ". It is used by " + join(named) + ": delete " +
                     (named.size() == 1 ? "that" : "those") + " first";
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
