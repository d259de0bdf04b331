#pragma once
// The values the Flow Service client takes and gives: collections, flow actions, what a create
// needs (NewConnection, NewFlow...), list queries, and the answers to creates, patches and list
// pages.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/flow/ids.hpp"

namespace aepflow {

enum class Collection {
  connection_specs,
  flow_specs,
  connections,
  source_connections,
  target_connections,
  flows,
  runs,
};

enum class FlowAction { enable, disable };

std::string_view collection_path(Collection c);  // "/connections"
std::string_view collection_noun(Collection c);  // "base connection"

struct SpecRef {
  std::string id;
  std::string version = "1.0";
};

struct NewConnection {
  std::string name;
  std::string description;
  SpecRef spec;
  std::optional<std::string> auth_spec;  // absent: no auth block (Profile Store)
  nlohmann::json auth_params = nlohmann::json::object();
  // File encryption (current cloud-storage cards): the base64 of a PGP public key. Sent as the
  // create shape, {"encryptionSpecs": {"specName": "Encryption spec", "params": {...}}}; the
  // service stores and returns it as "encryption" (specName "File Encryption").
  std::optional<std::string> encryption_public_key;
};

struct NewSourceConnection {
  std::string name;
  std::string description;
  SpecRef spec{std::string(profile_store_spec_id)};
  std::string base_connection_id;
  std::string data_format = "CSV";
  // A Data Lake source's params.datasets ([{dataSetId, name}], from dataset_refs): when set, the
  // connection reads these datasets and has no data block, as Adobe's dataset export sends it.
  nlohmann::json datasets;
};

struct NewTargetConnection {
  std::string name;
  std::string description;
  std::string base_connection_id;
  SpecRef spec;
  nlohmann::json params = nlohmann::json::object();
};

struct NewFlow {
  std::string name;
  std::string description;
  SpecRef flow_spec;
  std::string source_connection_id;
  std::string target_connection_id;
  bool mapped = false;  // to a current cloud-storage card: see empty_general_transform
  // A dataset export's scheduleParams (new_dataset_schedule): when set, the flow exports
  // datasets, with no transformations, as Adobe's dataset export sends it.
  nlohmann::json schedule;
};

struct ListQuery {
  std::vector<std::string> properties;  // each sent as one property= (AND)
  std::optional<int> limit;
  std::string order_by;
};

// Adds the filter name==NAME, unless the service cannot be asked for that name alone (a comma
// in a filter value is an OR list): then it adds nothing, returns false, and the caller matches
// names itself.
bool add_name_filter(ListQuery& q, const std::string& name);

// What a create answers: {id, etag}. The body is kept for -o json.
struct Created {
  std::string id;
  std::string etag;
  nlohmann::json body;
};

// PATCH answers 200 {id, etag} (API reference) or 202 with no body (the tutorial): etag is empty
// in the second case.
struct Patched {
  int status = 0;
  std::string id;
  std::string etag;
  nlohmann::json body;
};

struct Page {
  nlohmann::json items = nlohmann::json::array();
  std::string next_href;  // _links.next.href exactly as given; empty on the last page
};

}  // namespace aepflow
