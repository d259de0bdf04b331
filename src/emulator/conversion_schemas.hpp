#pragma once
// Data Prep schemas, /schemas (schemas.md): made from a JSON schema sent as it is (the activation
// tutorial pastes the profile union schema and the destination's partner schema), or from a
// Schema Registry reference; read by ID and listed a page at a time.

#include <expected>
#include <nlohmann/json.hpp>
#include <string>

#include "state.hpp"

namespace emulator {

Response create_schema(Call& call);
Response get_schema(Call& call, const std::string& id);
Response list_schemas(Call& call);

const ConversionSchema* find_schema(const Call& call, const std::string& id);

// Makes a schema of a Schema Registry reference {id, contentType}, as a mapping set with an
// inline outputSchema {schemaRef} has one made; its ID, or why the reference is refused.
std::expected<std::string, std::string> schema_from_ref(Call& call, const nlohmann::json& ref,
                                                        const std::string& name);

}  // namespace emulator
