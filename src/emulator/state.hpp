#pragma once
// What the emulated service holds between requests, and what each part of it reads while it
// answers one: the sandboxes and their collections, the catalogues, issued tokens, counters. Only
// the Service (service.cpp) owns a State; the parts get it, with the request, as a Call.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "faults.hpp"
#include "runs.hpp"
#include "service.hpp"

namespace emulator {

// The Flow Service's base path.
inline constexpr const char* kFlowServicePath = "/data/foundation/flowservice";
// The other Platform APIs a client reads or writes to build a destination's mapping set.
inline constexpr const char* kConversionPath = "/data/foundation/conversion";
inline constexpr const char* kEntityTypesPath = "/data/core/ups/config/entityTypes";
inline constexpr const char* kNamespacesPath = "/data/core/idnamespace/identities";

// The connection specs a destination's dataflow reads from.
inline constexpr const char* kProfileStoreSpec = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";
inline constexpr const char* kDataLakeSpec = "23598e46-f560-407b-88d5-ea6207e49db0";

inline constexpr const char* kCollections[] = {"connections", "sourceConnections",
                                               "targetConnections", "flows"};

struct Collection {
  std::map<std::string, nlohmann::json> by_id;
  std::vector<std::string> order;  // creation order
};

// A schema of Data Prep's conversion service, as GET /schemas/{id} shows it, with what it was
// made from.
struct ConversionSchema {
  nlohmann::json body;  // {id, version, name, jsonSchema, schemaRef, createdDate, ...}
  std::string xdm_ref;  // the Schema Registry ID it was made from; "" when sent as a jsonSchema
};

// Data Prep's entities in one sandbox: schemas, and mapping sets with every version they have
// had (oldest first), each in creation order.
struct Conversion {
  std::map<std::string, ConversionSchema> schemas;
  std::vector<std::string> schema_order;
  std::map<std::string, std::vector<nlohmann::json>> mapping_sets;
  std::vector<std::string> mapping_set_order;
};

struct Sandbox {
  std::string id;
  std::map<std::string, Collection> collections;
  Conversion conversion;
  std::vector<Run> runs;                            // in start order
  std::map<std::string, std::int64_t> next_run_ms;  // flow ID -> when its next run starts
};

// A token bucket per API key: `rate` requests per second, bursts up to `rate`.
struct Bucket {
  double tokens = 0;
  std::chrono::steady_clock::time_point at;
};

struct State {
  Options options;
  FaultPlan faults{0};
  std::mt19937_64 run_rng{0};
  std::map<std::string, Bucket> buckets;
  std::map<std::string, std::chrono::system_clock::time_point> issued_tokens;
  std::function<std::chrono::system_clock::time_point()> clock;
  mutable std::mutex mutex;
  nlohmann::json connection_specs;
  nlohmann::json flow_specs;
  nlohmann::json datasets;       // what GET /connectionSpecs/{Data Lake}/configs lists
  nlohmann::json profile_union;  // GET /data/core/ups/config/entityTypes/_xdm.context.profile
  nlohmann::json namespaces;     // GET /data/core/idnamespace/identities
  std::map<std::string, Sandbox> sandboxes;
  Stats stats;
  std::uint64_t etag_counter = 0;
  std::mt19937_64 rng{std::random_device{}()};

  std::int64_t now_ms() const;
  std::string uuid();
  // Data Prep's IDs: 32 lower-case hex digits, "8db56468c2ab475dbf17c2621f92c0f8".
  std::string hex_id();
  // Etags look like the service's: "\"0000d781-0000-0200-0000-63e29f420000\"" in JSON.
  std::string new_etag();
  const nlohmann::json* find_spec(const nlohmann::json& catalogue, const std::string& id) const;
  Sandbox& sandbox(const std::string& name);
};

// One request being answered, with what the gateway established about it.
struct Call {
  State& state;
  const Request& req;
  std::string path;  // below the base path: "/flows/{id}"
  std::string rid;   // the request ID, in every error body
  std::string sandbox_name;
  Sandbox* sandbox = nullptr;

  // The audit fields every created entity carries.
  nlohmann::json audit() const;
  std::string org() const;
};

}  // namespace emulator
