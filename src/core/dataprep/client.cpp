#include "aepflow/dataprep/client.hpp"

#include "aepflow/base/json_fields.hpp"
#include "aepflow/flow/client.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

Request get(std::string path) {
  Request r;
  r.path = std::move(path);
  return r;
}

Error answer_without(std::string_view what, std::string_view context) {
  Error e = fail(ErrorKind::api, "the answer has no " + std::string(what) +
                                     " (the service may have changed its format)")
                .error();
  return with_context(std::move(e), std::string(context));
}

}  // namespace

Result<std::string> DataPrep::create_schema(std::string_view name, const json& json_schema) {
  const std::string context = "create the Data Prep schema '" + std::string(name) + "'";
  auto j = call_json(
      service_, requests::post("/schemas", {{"name", name}, {"jsonSchema", json_schema}}), context);
  if (!j) return std::unexpected(j.error());
  std::string id = text_of(*j, "id");
  if (id.empty()) return std::unexpected(answer_without("schema ID", context));
  return id;
}

Result<MappingSetRef> DataPrep::create_mapping_set(const NewMappingSet& m) {
  json mappings = json::array();
  for (const auto& x : m.mappings) {
    mappings.push_back(
        {{"destination", x.destination}, {"source", x.source}, {"sourceType", "ATTRIBUTE"}});
  }
  const json body = {{"inputSchema", {{"id", m.input_schema_id}}},
                     {"outputSchema", {{"id", m.output_schema_id}}},
                     {"mappings", mappings},
                     {"xdmVersion", "1.0"}};
  const std::string context = "create the Data Prep mapping set";
  auto j = call_json(service_, requests::post("/mappingSets", body), context);
  if (!j) return std::unexpected(j.error());
  MappingSetRef ref;
  ref.id = text_of(*j, "id");
  if (ref.id.empty()) return std::unexpected(answer_without("mapping set ID", context));
  if (auto v = j->find("version"); v != j->end() && v->is_number_integer()) {
    ref.version = v->get<int>();
  }
  return ref;
}

Result<std::vector<Mapping>> DataPrep::mappings(const MappingSetRef& ref) {
  const std::string context = "read Data Prep mapping set " + ref.id;
  if (ref.id.empty() || ref.id.find_first_of("/?#%") != std::string::npos) {
    return usage("the flow's mapping set ID '" + ref.id + "' is not one the service issues");
  }
  auto j = call_json(
      service_, get("/mappingSets/" + ref.id + "?version=" + std::to_string(ref.version)), context);
  if (!j) return std::unexpected(j.error());
  std::vector<Mapping> out;
  const json& list = member(*j, "mappings");
  if (!j->is_object() || !(list.is_array() || list.is_null())) {
    return std::unexpected(answer_without("mappings list", context));
  }
  for (const auto& m : list) {
    if (!m.is_object()) continue;
    out.push_back({text_of(m, "source"), text_of(m, "destination")});
  }
  return out;
}

Result<json> ProfileReads::union_schema() {
  return call_json(profile_,
                   get("/config/entityTypes/_xdm.context.profile?property=fullSchema==true"
                       "&property=includeRelationshipDescriptors==true"),
                   "read the profile union schema");
}

Result<std::vector<std::string>> ProfileReads::identity_codes() {
  const std::string context = "read the identity namespaces";
  auto j = call_json(identities_, get("/identities"), context);
  if (!j) return std::unexpected(j.error());
  if (!j->is_array()) return std::unexpected(answer_without("list of namespaces", context));
  std::vector<std::string> codes;
  for (const auto& n : *j) {
    if (n.is_object() && !text_of(n, "code").empty()) codes.push_back(text_of(n, "code"));
  }
  return codes;
}

}  // namespace aepflow
