#include "conversion_schemas.hpp"

#include "conversion_service.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

constexpr const char* kUnknownReference = "1003";

// The emulator's Schema Registry holds the one schema a destination's mapping reads from, the
// profile union (GET /data/core/ups/config/entityTypes/_xdm.context.profile), by its $id or its
// meta:altId.
const json* registry_schema(const Call& call, const std::string& id) {
  const json& u = call.state.profile_union;
  if (id == str(u, "$id") || id == str(u, "meta:altId")) return &u;
  return nullptr;
}

// A new schema with the fields SchemaRepresentation (data-prep.yaml) lists; stored, its ID
// returned.
std::string store(Call& call, const std::string& name, json json_schema, const json& schema_ref,
                  std::string xdm_ref) {
  const auto ms = call.state.now_ms();
  ConversionSchema s;
  s.xdm_ref = std::move(xdm_ref);
  s.body = {{"id", call.state.hex_id()}, {"version", 0}};
  if (!name.empty()) s.body["name"] = name;
  s.body["jsonSchema"] = std::move(json_schema);
  if (!schema_ref.is_null()) s.body["schemaRef"] = schema_ref;
  s.body["createdDate"] = ms;
  s.body["modifiedDate"] = ms;
  s.body["createdBy"] = "emulator@AdobeID";
  s.body["modifiedBy"] = "emulator@AdobeID";
  const std::string id = s.body["id"];
  auto& c = call.sandbox->conversion;
  c.schemas[id] = std::move(s);
  c.schema_order.push_back(id);
  return id;
}

}  // namespace

const ConversionSchema* find_schema(const Call& call, const std::string& id) {
  const auto& schemas = call.sandbox->conversion.schemas;
  auto it = schemas.find(id);
  return it == schemas.end() ? nullptr : &it->second;
}

std::expected<std::string, std::string> schema_from_ref(Call& call, const json& ref,
                                                        const std::string& name) {
  if (!ref.is_object() || str(ref, "id").empty()) {
    return std::unexpected("schemaRef.id is required (a Schema Registry schema ID)");
  }
  if (ref.contains("contentType") && !ref["contentType"].is_string()) {
    return std::unexpected("schemaRef.contentType must be a string");
  }
  const std::string id = str(ref, "id");
  const json* schema = registry_schema(call, id);
  if (!schema) {
    return std::unexpected("schemaRef.id " + id +
                           " is not a schema of the Schema Registry in the sandbox " +
                           call.sandbox_name);
  }
  return store(call, name, *schema, ref, id);
}

Response create_schema(Call& call) {
  if (auto f = check_params(call, {})) return reply(*f);
  auto body = read_object(call);
  if (!body) return reply(body.error());
  if (body->contains("name") && !(*body)["name"].is_string()) {
    return reply(invalid_request_body(call, "name must be a string."));
  }
  const std::string name = str(*body, "name");
  int forms = 0;
  for (const char* form : {"jsonSchema", "sampleId", "schemaRef"})
    forms += body->contains(form) ? 1 : 0;
  // schemas.md: "three ways to create a schema", each its own body.
  if (forms != 1) {
    return reply(invalid_request_body(
        call,
        "Send exactly one of jsonSchema (a JSON schema), sampleId (uploaded sample data) "
        "or schemaRef (a Schema Registry schema)."));
  }
  if (body->contains("jsonSchema")) {
    if (!(*body)["jsonSchema"].is_object()) {
      return reply(invalid_request_body(call, "jsonSchema must be a JSON object."));
    }
    const std::string id = store(call, name, (*body)["jsonSchema"], nullptr, "");
    return reply(200, call.sandbox->conversion.schemas.at(id).body);
  }
  if (body->contains("sampleId")) {
    // Sample data is uploaded with POST /samples (sample-data.md), which the emulator does not
    // serve: no sample ID names data here, as none would in a sandbox without uploads.
    const std::string sample =
        (*body)["sampleId"].is_string() ? (*body)["sampleId"].get<std::string>() : "";
    return reply(conversion_failure(call, 400, kUnknownReference, "Invalid request",
                                    "The sample " +
                                        (sample.empty() ? (*body)["sampleId"].dump() : sample) +
                                        " is not found in the sandbox " + call.sandbox_name + "."));
  }
  auto id = schema_from_ref(call, (*body)["schemaRef"], name);
  if (!id) {
    return reply(conversion_failure(call, 400, kUnknownReference, "Invalid request", id.error()));
  }
  // schemas.md's answer to this form carries jsonSchema serialized as a string; GET shows the
  // same schema as an object.
  json out = call.sandbox->conversion.schemas.at(*id).body;
  out["jsonSchema"] = out["jsonSchema"].dump();
  return reply(200, out);
}

Response get_schema(Call& call, const std::string& id) {
  if (auto f = check_params(call, {})) return reply(*f);
  const ConversionSchema* s = find_schema(call, id);
  if (!s) return reply(not_in_sandbox(call, "schema", id));
  return reply(200, s->body);
}

Response list_schemas(Call& call) {
  if (auto f = check_params(call, {"limit", "start", "name", "orderBy"})) return reply(*f);
  auto page = page_of(call);
  if (!page) return reply(page.error());
  const std::string name = query_value(call, "name");
  std::vector<const json*> all;
  for (const auto& id : call.sandbox->conversion.schema_order) {
    const json& body = call.sandbox->conversion.schemas.at(id).body;
    if (name.empty() || str(body, "name") == name) all.push_back(&body);
  }
  if (auto f = sort_by(call, all, query_value(call, "orderBy"),
                       {{"createdDate", "createdDate"}, {"modifiedDate", "modifiedDate"}})) {
    return reply(*f);
  }
  return reply(200, page_answer(all, *page));
}

}  // namespace emulator
