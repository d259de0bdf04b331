#include "aepflow/flow/datasets.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow {

using nlohmann::json;

Result<DatasetPage> dataset_page(FlowService& service, long start, int limit) {
  Request req;
  req.path = "/connectionSpecs/" + std::string(data_lake_spec_id) + "/configs";
  req.query = {{"outputType", "activationDatasets"},
               {"outputField", "datasets"},
               {"start", std::to_string(start)},
               {"limit", std::to_string(limit)}};
  const std::string context = "list exportable datasets";
  auto res = service.send(std::move(req));
  if (!res) return std::unexpected(res.error());
  if (res->status < 200 || res->status > 299) {
    return std::unexpected(error_from_response(*res, context));
  }
  auto body = parse_json_body(*res, context);
  if (!body) return std::unexpected(body.error());
  const json& items = member(*body, "items");
  if (!items.is_array()) return fail(ErrorKind::api, context + ": the answer has no items list");
  DatasetPage page;
  page.items = items;
  const json& info = object_member(*body, "pageInfo");
  const json& more = member(info, "hasNext");
  page.has_next = more.is_boolean() && more.get<bool>();
  page.next_start = start + static_cast<long>(items.size());
  if (page.has_next && items.empty()) {
    return fail(ErrorKind::api, context + ": the service said more datasets follow from " +
                                    std::to_string(start) + " but sent none");
  }
  return page;
}

Result<json> dataset_refs(FlowService& service, const std::vector<std::string>& ids) {
  std::vector<std::string> wanted;
  for (const auto& id : ids) {
    // Catalog dataset IDs are 24 hex digits; anything outside letters and digits is a typo or a
    // pasted line, refused before a request.
    const bool word = !id.empty() && id.size() <= 64 &&
                      std::ranges::all_of(id, [](unsigned char c) { return std::isalnum(c); });
    if (!word) return usage("dataset ID '" + printable(id) + "' is not an ID (letters and digits)");
    if (std::ranges::find(wanted, id) == wanted.end()) wanted.push_back(id);
  }
  if (wanted.empty()) return usage("--datasets: give at least one dataset ID");
  std::vector<std::string> names(wanted.size());
  std::size_t found = 0;
  for (long start = 0; found < wanted.size();) {
    auto page = dataset_page(service, start, 100);
    if (!page) return std::unexpected(page.error());
    for (const auto& d : page->items) {
      auto at = std::ranges::find(wanted, text_of(d, "id"));
      if (at == wanted.end()) continue;
      auto& name = names[static_cast<std::size_t>(at - wanted.begin())];
      if (name.empty()) ++found;
      name = text_of(d, "name").empty() ? *at : text_of(d, "name");
    }
    if (!page->has_next) break;
    start = page->next_start;
  }
  json refs = json::array();
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    if (names[i].empty()) missing.push_back(wanted[i]);
    refs.push_back({{"dataSetId", wanted[i]}, {"name", names[i]}});
  }
  if (!missing.empty()) {
    return usage("not among the datasets a destination can export: " + join(missing) +
                 " (run `aepflow datasets list --all`)");
  }
  return refs;
}

}  // namespace aepflow
