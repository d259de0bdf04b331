#include "terminal/listing.hpp"

#include <charconv>

#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/resolve.hpp"
#include "app/context.hpp"
#include "app/util.hpp"
#include "terminal/progress.hpp"

namespace aepflow::cli {

namespace {

struct ListOptions {
  std::string destination;
  std::string name;
  std::string state;
  std::string kind;
  std::vector<std::string> filters;
  std::string order_by;
  std::string limit;
  bool all = false;
  bool include_sources = false;
};

Result<void> run(const ListSpec& spec, const ListOptions& o, Context& ctx) {
  auto limit = parse_limit(o.limit);
  if (!limit) return std::unexpected(limit.error());
  if (!o.state.empty() && o.state != "enabled" && o.state != "disabled") {
    return usage("--state must be enabled or disabled, got '" + o.state + "'");
  }
  if (o.name.find(',') != std::string::npos) {
    return usage("--name cannot contain a comma (the service reads it as a list of names)");
  }
  std::string kind_filter;
  if (!o.kind.empty()) {
    std::vector<std::string> names;
    for (const auto& [name, filter] : spec.kinds) {
      names.push_back(name);
      if (name == o.kind) kind_filter = filter;
    }
    if (kind_filter.empty()) {
      return usage("--kind must be " + join(names, " or ") + ", got '" + printable(o.kind) + "'");
    }
  }
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  ListQuery q;
  if (!o.include_sources) q.properties = spec.default_properties;
  if (!kind_filter.empty()) q.properties.push_back(kind_filter);
  if (!o.destination.empty()) {
    auto id = resolve_connection_spec(**service, o.destination);
    if (!id) return std::unexpected(id.error());
    q.properties.push_back(spec.destination_property + "==" + *id);
  }
  if (!o.name.empty()) q.properties.push_back("name==" + o.name);
  if (!o.state.empty()) q.properties.push_back("state==" + o.state);
  for (const auto& f : o.filters)
    q.properties.push_back(f);
  q.order_by = o.order_by;
  return stream_list(ctx, spec.collection, std::move(q), {*limit, o.all}, spec.header, spec.row);
}

}  // namespace

Result<std::optional<long>> parse_limit(const std::string& text) {
  if (text.empty()) return std::optional<long>{};
  long n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1) {
    return usage("--limit must be a whole number from 1, got '" + text + "'");
  }
  return std::optional<long>{n};
}

Result<void> stream_list(Context& ctx, Collection c, ListQuery query, ListRange range,
                         const Row& header, const std::function<Row(const nlohmann::json&)>& row) {
  constexpr long kMaxPage = 100;  // the service's largest page
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (range.limit) query.limit = static_cast<int>(std::min(*range.limit, kMaxPage));
  ListStream stream(ctx.out(), header);
  Progress progress(ctx.io, "listing " + std::string(collection_noun(c)) + "s");
  auto page = (*service)->list_page(c, query);
  NextLinks links;
  for (long pages = 1;; ++pages) {
    auto hold = progress.pause();  // rows and the progress line share the terminal
    if (!page) {
      stream.abandon();
      return std::unexpected(page.error());
    }
    for (const auto& item : page->items) {
      if (range.limit && stream.count() >= *range.limit) break;
      stream.add(item, row);
    }
    stream.end_page();
    const bool want_more = range.all || (range.limit && stream.count() < *range.limit);
    if (page->next_href.empty() || !want_more) {
      stream.finish();
      if (!page->next_href.empty() && !range.limit) {
        ctx.warn("more " + std::string(collection_noun(c)) +
                 "s exist than this page shows: pass --all for every one, or --limit N");
      }
      return {};
    }
    hold.unlock();
    progress.set(with_thousands(stream.count()) + " so far, " + with_thousands(pages) +
                 (pages == 1 ? " page" : " pages"));
    // Followed exactly as given; the page is dropped before the next one is read.
    const std::string next = std::move(page->next_href);
    // A link that comes round again is an error, handled as a page that failed.
    if (auto ok = links.follow(next); !ok) {
      page = std::unexpected(ok.error());
    } else {
      page = (*service)->next_page(next);
    }
  }
}

std::string cell_time_ms(const nlohmann::json& item, const char* key) {
  auto it = item.find(key);
  if (it == item.end() || !it->is_number()) return "-";
  return format_utc(it->get<std::int64_t>() / 1000);
}

std::string cell_spec(const nlohmann::json& spec_ref) {
  const std::string id = text_of(spec_ref, "id");
  if (id.empty()) return "-";
  const auto* d = find_destination(id);
  return d ? std::string(d->name) : id;
}

void add_list_command(Group& parent, Context& ctx, ListSpec spec) {
  auto o = std::make_shared<ListOptions>();
  auto shared = std::make_shared<ListSpec>(std::move(spec));
  auto cmd = parent.command("list", shared->summary);
  if (!shared->destination_property.empty()) {
    cmd.option("--destination", o->destination,
               "only those of this destination: a name (\"Amazon S3\") or connection spec ID");
  }
  cmd.option("--name", o->name, "only those with exactly this name");
  if (shared->has_state) cmd.option("--state", o->state, "only enabled or disabled ones");
  if (!shared->kinds.empty()) {
    std::vector<std::string> names;
    for (const auto& k : shared->kinds)
      names.push_back(k.first);
    cmd.option("--kind", o->kind, "only those that export " + join(names, " or "));
  }
  cmd.option("--filter", o->filters,
             "a property= filter expression passed as given, e.g. 'createdAt>=1764000000000' "
             "(repeatable; all must match)");
  cmd.option("--order-by", o->order_by, "sort field, '-' prefix for descending: -createdAt");
  cmd.option("--limit", o->limit, "at most N, reading as many pages as needed");
  cmd.flag("--all", o->all, "every one, following each next link to the end");
  if (!shared->default_properties.empty()) {
    cmd.flag("--include-sources", o->include_sources, "also flows that are not destination flows");
  }
  cmd.examples(shared->examples);
  cmd.run(ctx, [o, shared, &ctx] { return run(*shared, *o, ctx); });
}

}  // namespace aepflow::cli
