// aepflow datasets list [--name TEXT] [--limit N] [--all]
// The datasets a destination can export, page after page of the Data Lake spec's configs.
#include "aepflow/flow/datasets.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "terminal/listing.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

struct Options {
  std::string name;
  std::string limit;  // default 20
  bool all = false;
};

// The page size asked for: the endpoint's largest.
constexpr int kPage = 100;

Result<void> run(const Options& o, Context& ctx) {
  auto given = parse_limit(o.limit);
  if (!given) return std::unexpected(given.error());
  const long limit = given->value_or(20);
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  json shown = json::array();
  long start = 0;
  for (;;) {
    auto page = dataset_page(**service, start, kPage);
    if (!page) return std::unexpected(page.error());
    for (const auto& d : page->items) {
      if (!o.name.empty() && !icontains(text_of(d, "name"), o.name)) continue;
      shown.push_back(d);
      if (!o.all && static_cast<long>(shown.size()) >= limit) break;
    }
    const bool full = !o.all && static_cast<long>(shown.size()) >= limit;
    if (full || !page->has_next) break;
    start = page->next_start;
  }
  print_list(ctx.out(), shown, {"id", "name", "format", "state"}, [](const json& d) {
    return Row{text_of(d, "id"), text_of(d, "name"),
               text_of(object_member(d, "fileDescription"), "format"), text_of(d, "state")};
  });
  return {};
}

}  // namespace

void add_datasets_list(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "list", "list the datasets a destination can export (the Data Lake spec's configs)");
  cmd.option("--name", opts->name, "only datasets whose name contains TEXT (case-insensitive)");
  cmd.option("--limit", opts->limit, "at most N datasets (default 20)");
  cmd.flag("--all", opts->all, "every dataset, page after page");
  cmd.examples(
      "Examples:\n  aepflow datasets list --name loyalty\n"
      "  aepflow datasets list --all -o id");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
