#include "aepflow/specs/resolve.hpp"

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/specs/catalogue.hpp"

namespace aepflow {

namespace {

Result<std::string> find_by_name(FlowService& service, Collection c, std::string_view name,
                                 std::string_view hint) {
  auto all = service.list_all(c, {});
  if (!all) return std::unexpected(all.error());
  std::vector<const nlohmann::json*> matches;
  for (const auto& item : *all) {
    auto n = item.find("name");
    if (n != item.end() && n->is_string() && iequals(n->get<std::string>(), name)) {
      matches.push_back(&item);
    }
  }
  const std::string noun(collection_noun(c));
  if (matches.empty()) {
    return usage("unknown " + noun + " '" + std::string(name) +
                 "'. Known destinations: " + known_destination_names() + ". " + std::string(hint));
  }
  if (matches.size() > 1) {
    std::string ids;
    for (const auto* m : matches)
      ids.append(" ").append(text_of(*m, "id").empty() ? "?" : text_of(*m, "id"));
    return usage("the " + noun + " name '" + std::string(name) +
                 "' is ambiguous; pass one of these IDs instead:" + ids);
  }
  return text_of(*matches.front(), "id");
}

Result<std::string> check_not_empty(std::string_view what, std::string_view s) {
  if (s.empty()) return usage(std::string(what) + " is empty: pass a name or an ID");
  return std::string(s);
}

}  // namespace

Result<std::string> resolve_connection_spec(FlowService& service, std::string_view name_or_id) {
  if (auto ok = check_not_empty("the connection spec", name_or_id); !ok) return ok;
  if (is_uuid(name_or_id)) return std::string(name_or_id);
  if (const auto* d = find_destination(name_or_id)) return std::string(d->connection_spec_id);
  return find_by_name(service, Collection::connection_specs, name_or_id,
                      "Run `aepflow specs list` for the service's catalogue.");
}

Result<std::string> resolve_flow_spec(FlowService& service, std::string_view name_or_id,
                                      std::optional<FlowKind> kind) {
  if (auto ok = check_not_empty("the flow spec", name_or_id); !ok) return ok;
  if (is_uuid(name_or_id)) return std::string(name_or_id);
  std::string_view card = name_or_id;
  constexpr std::string_view suffix = " datasets";
  if (card.size() > suffix.size() && iequals(card.substr(card.size() - suffix.size()), suffix)) {
    if (kind == FlowKind::audiences) {
      return usage("--flow-spec '" + printable(name_or_id) +
                   "' names a dataset export, and --kind is audiences");
    }
    card.remove_suffix(suffix.size());
    kind = FlowKind::datasets;
  }
  if (const auto* d = find_destination(card); d && !d->flow_spec_id.empty()) {
    if (kind != FlowKind::datasets) return std::string(d->flow_spec_id);
    if (d->dataset_flow_spec_id.empty()) {
      return usage(std::string(d->name) +
                   " exports no datasets: dataset exports go to the current cloud-storage cards "
                   "(Amazon S3, Azure Blob Storage, Azure Data Lake Storage Gen2, Data Landing "
                   "Zone, Google Cloud Storage, SFTP)");
    }
    return std::string(d->dataset_flow_spec_id);
  }
  return find_by_name(service, Collection::flow_specs, name_or_id,
                      "Run `aepflow flowspecs list` for the service's catalogue.");
}

}  // namespace aepflow
