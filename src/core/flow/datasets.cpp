#include "aepflow/flow/datasets.hpp"

#include <string>

#include "aepflow/base/json_fields.hpp"

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

}  // namespace aepflow
