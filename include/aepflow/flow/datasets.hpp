#pragma once
// The datasets a destination can export: the Data Lake connection spec's configs
// (GET /connectionSpecs/{Data Lake}/configs?outputType=activationDatasets&outputField=datasets),
// paged by start and limit, with the pageInfo that endpoint answers instead of next links.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/flow/client.hpp"

namespace aepflow {

inline constexpr std::string_view data_lake_spec_id = "23598e46-f560-407b-88d5-ea6207e49db0";

struct DatasetPage {
  nlohmann::json items = nlohmann::json::array();
  bool has_next = false;
  long next_start = 0;  // where the next page starts
};

// One page: `limit` datasets from index `start`. A page that says there is more but holds
// nothing, or an answer without its items, is an error (a walk over the pages would not end).
Result<DatasetPage> dataset_page(FlowService& service, long start, int limit);

// The Data Lake source connection's params.datasets for these dataset IDs, in the order given,
// each with the name the service lists ([{"dataSetId": ID, "name": NAME}]), read page after page
// until all are found. An ID given twice counts once; an ID that is malformed, or that is not
// among the exportable datasets, is a usage error naming it.
Result<nlohmann::json> dataset_refs(FlowService& service, const std::vector<std::string>& ids);

}  // namespace aepflow
