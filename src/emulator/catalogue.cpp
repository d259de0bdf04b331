#include "catalogue.hpp"

#include <algorithm>
#include <cstdio>

#include "errors.hpp"
#include "paging.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

Response datasets(Call& call) {
  if (auto f = check_query_params(
          call, {"outputType", "outputField", "start", "limit", "properties", "orderby"})) {
    return reply(*f);
  }
  auto param = [&](const char* name, const std::string& fallback) {
    auto it = call.req.query.find(name);
    return it == call.req.query.end() ? fallback : it->second;
  };
  if (param("outputType", "") != "activationDatasets" || param("outputField", "") != "datasets") {
    return reply(bad_request("2119",
                             "The request context does not contain the required query "
                             "parameters outputType=activationDatasets and outputField=datasets.",
                             call.rid));
  }
  auto start = bounded_int(param("start", "0"), 0, 1'000'000);
  auto limit = bounded_int(param("limit", "20"), 1, 100);
  if (!start || !limit) {
    return reply(bad_request(
        "1453", "Invalid query value: start is 0 or more, limit from 1 to 100.", call.rid));
  }
  const auto& all = call.state.datasets;
  json items = json::array();
  for (std::size_t i = static_cast<std::size_t>(*start);
       i < all.size() && i < static_cast<std::size_t>(*start) + static_cast<std::size_t>(*limit);
       ++i) {
    items.push_back(all[i]);
  }
  const std::size_t end = static_cast<std::size_t>(*start) + items.size();
  return reply(
      200,
      {{"items", items},
       {"pageInfo",
        {{"start", *start}, {"end", end}, {"total", all.size()}, {"hasNext", end < all.size()}}}});
}

}  // namespace

json seed_datasets(int count) {
  static const char* names[] = {"Loyalty members",     "Web events",         "Email engagement",
                                "Store purchases",     "Product catalogue",  "CRM contacts",
                                "Call center logs",    "Mobile app events",  "Consent records",
                                "Offline conversions", "Campaign responses", "Support tickets"};
  json out = json::array();
  // 24 hex digits, as Catalog's IDs: the last four count (--seed-datasets is at most 60,000).
  for (std::size_t i = 0; i < static_cast<std::size_t>(std::clamp(count, 0, 0xffff)); ++i) {
    char id[25];
    std::snprintf(id, sizeof id, "5ef3e3259ad2a1191ab7%04x", static_cast<unsigned>(i & 0xffff));
    std::string name = names[i % std::size(names)];
    if (i >= std::size(names)) name += " (archive)";
    out.push_back({{"id", id},
                   {"name", name},
                   {"description", "Dataset " + name},
                   {"fileDescription",
                    {{"persisted", true}, {"containerFormat", "parquet"}, {"format", "parquet"}}},
                   {"aspect", "production"},
                   {"schemaRef",
                    {{"id", "https://ns.adobe.com/emulator/schemas/" + std::string(id + 16)},
                     {"contentType", "application/vnd.adobe.xed-full+json;version=1"}}},
                   {"state", "DRAFT"}});
  }
  return out;
}

Response catalogue(Call& call, const std::vector<std::string>& parts) {
  const std::string& name = parts[0];
  if (call.req.method != "GET") return reply(method_not_allowed(call.rid));
  const json& specs =
      name == "connectionSpecs" ? call.state.connection_specs : call.state.flow_specs;
  if (parts.size() == 1) {
    std::vector<const json*> all;
    for (const auto& s : specs)
      all.push_back(&s);
    return list(call, all, name, "/" + name);
  }
  const json* spec = call.state.find_spec(specs, parts[1]);
  if (parts.size() == 2) {
    if (auto f = check_query_params(call, {})) return reply(*f);
    if (!spec) return reply(not_found(name, parts[1], call.rid));
    return reply(200, {{"items", {*spec}}});
  }
  if (parts.size() == 3 && name == "connectionSpecs" && parts[2] == "configs") {
    if (!spec) return reply(not_found(name, parts[1], call.rid));
    if (parts[1] != kDataLakeSpec) {
      return reply(
          invalid_request("configs of activation datasets are read from the Data Lake "
                          "connection spec " +
                              std::string(kDataLakeSpec),
                          call.rid));
    }
    return datasets(call);
  }
  return reply(not_found("endpoint", call.path, call.rid));
}

}  // namespace emulator
