#pragma once
// Data Prep (the conversion service), typed: the schemas and mapping sets that carry the profile
// attributes and identity a current cloud-storage card's dataflow exports. The flow itself holds
// only {mappingId, mappingVersion}; the mapped attributes are read from the mapping set.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/http/service.hpp"

namespace aepflow {

struct Mapping {
  std::string source;       // "person.name.firstName", "identityMap.Email"
  std::string destination;  // the exported column: "person_name_firstName", "Email"
};

struct MappingSetRef {
  std::string id;
  int version = 0;
  bool operator==(const MappingSetRef&) const = default;
};

struct NewMappingSet {
  std::string input_schema_id;   // the profile attributes and identities
  std::string output_schema_id;  // the card's partner schema
  std::vector<Mapping> mappings;
};

class DataPrep {
 public:
  explicit DataPrep(HttpPipeline& pipeline, std::string_view path = kConversionPath)
      : service_(pipeline, path) {}

  // POST /schemas {name, jsonSchema}: the new schema's ID.
  Result<std::string> create_schema(std::string_view name, const nlohmann::json& json_schema);
  // POST /mappingSets: its ID and version (0).
  Result<MappingSetRef> create_mapping_set(const NewMappingSet& m);
  // GET /mappingSets/{id}?version=N: the mappings of that version, in order.
  Result<std::vector<Mapping>> mappings(const MappingSetRef& ref);

 private:
  ServiceClient service_;
};

// The Platform reads a mapping set is built from: the profile's union schema (the input schema's
// content) and the identity namespaces (which `identityMap.<code>` sources exist).
class ProfileReads {
 public:
  explicit ProfileReads(HttpPipeline& pipeline)
      : profile_(pipeline, std::string(kProfileConfigPath)),
        identities_(pipeline, std::string(kIdentityNamespacePath)) {}

  // GET /data/core/ups/config/entityTypes/_xdm.context.profile (the full union schema).
  Result<nlohmann::json> union_schema();
  // GET /data/core/idnamespace/identities: every namespace's code.
  Result<std::vector<std::string>> identity_codes();

 private:
  ServiceClient profile_;
  ServiceClient identities_;
};

}  // namespace aepflow
