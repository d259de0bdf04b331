#pragma once
// What every collection (/connections, /sourceConnections, /targetConnections, /flows) shares:
// the checks of a create body, the stored entity with its audit fields and etag, and the
// answers by ID: GET ({items:[...]}), PATCH (JSON Patch under If-Match), DELETE (refused while
// in use).

#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

std::optional<Failure> name_problem(const Call& call, const nlohmann::json& body);
// Checks body[field] = {id, version} against a catalogue; sets `spec`.
std::optional<Failure> spec_ref_problem(const Call& call, const nlohmann::json& body,
                                        const char* field, const nlohmann::json& catalogue,
                                        const nlohmann::json*& spec);

// A new entity: ID, audit fields, name, description, etag and version.
nlohmann::json new_entity(Call& call, const nlohmann::json& body);
// Stores it and answers 201 {id, etag} with a Location.
Response store_created(Call& call, const std::string& collection, nlohmann::json entity);

// 412 1404 when `if_match` is not the entity's current etag; the sentence the service writes.
std::optional<Failure> stale_etag(const Call& call, const std::string& collection,
                                  const std::string& id, const std::string& if_match,
                                  const std::string& current);

const nlohmann::json* find_entity(const Call& call, const std::string& collection,
                                  const std::string& id);

// An entity as GET and lists show it (secrets masked, a flow's last run).
nlohmann::json render(const Call& call, const std::string& collection,
                      const nlohmann::json& entity);

Response get_entity(Call& call, const std::string& collection, const std::string& id);
Response patch_entity(Call& call, const std::string& collection, const std::string& id);
Response delete_entity(Call& call, const std::string& collection, const std::string& id);
Response list_entities(Call& call, const std::string& collection);

}  // namespace emulator
