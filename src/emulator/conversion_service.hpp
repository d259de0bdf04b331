#pragma once
// Data Prep's conversion service under /data/foundation/conversion (data-prep.yaml, schemas.md,
// mapping-set.md): the schemas and mapping sets a destination's dataflow maps profiles with,
// behind the gateway's checks and kept per sandbox, as Flow Service keeps its entities.

#include <expected>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

// The service's name in the type URI of its errors (errors.hpp, platform_error).
inline constexpr const char* kConversionService = "CONVERSION";

// The routes below the base path, after the gateway's checks:
//   GET|POST /schemas, GET /schemas/{id}                           conversion_schemas.cpp
//   GET|POST /mappingSets, GET|PUT /mappingSets/{id},
//   GET /mappingSets/{id}/mappings[/{mappingId}]                    mapping_sets.cpp
Response route_conversion(Call& call);

// What the endpoints share.
Failure conversion_failure(const Call& call, int status, std::string_view code,
                           std::string_view title, std::string_view message);
// 400: a body, a field or a query value the service does not take.
Failure invalid_request_body(const Call& call, std::string_view message);
// 404: no such schema, mapping set or mapping in this sandbox.
Failure not_in_sandbox(const Call& call, std::string_view what, std::string_view id);

// The JSON object a POST or PUT carries: a body, with a JSON Content-Type, that parses.
std::expected<nlohmann::json, Failure> read_object(const Call& call);

// A failure when the query has a parameter outside `allowed`, or one given twice.
std::optional<Failure> check_params(const Call& call, std::initializer_list<const char*> allowed);
std::string query_value(const Call& call, const char* name);  // "" when absent

// A list's page: start and limit are both required (schemas.md, mapping-set.md).
struct Page {
  std::size_t start = 0;
  std::size_t limit = 0;
};
std::expected<Page, Failure> page_of(const Call& call);
// The list envelope, {"data": [...], "_page": {"count", "limit"}}; count is the items on the
// page, as schemas.md prints it (mapping-set.md prints count 0 beside two items).
nlohmann::json page_answer(const std::vector<const nlohmann::json*>& all, const Page& page);

// An orderBy name and the date field it sorts by.
struct SortField {
  const char* name;
  const char* field;
};
// Sorts `all` as orderBy asks: newest first when it is empty; "+name" ascending (a '+' arrives
// as a space), "-name" or "name" descending. A failure when the name is not one of `fields`.
std::optional<Failure> sort_by(const Call& call, std::vector<const nlohmann::json*>& all,
                               const std::string& order_by,
                               std::initializer_list<SortField> fields);

}  // namespace emulator
