#pragma once
// The query language of Flow Service lists (help/dataflows/api/sort-and-filter.md,
// FLOW-SERVICE-API.md section 4): `property=PATH<op>VALUE` with ==, !=, >, <, >=, <=, and exists
// (a bare PATH; !PATH for "does not exist", as Platform's Catalog writes it), `[]` walking
// arrays, a comma list meaning any of, repeated `property` meaning all of;
// `orderby=[+|-]FIELD,...`. `~` is parsed and refused as the catalogue says (1440). Errors carry
// the codes of Adobe's catalogue (help/sources/errors/flow-service-errors.md).

#include <expected>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace emulator {

struct QueryError {
  std::string code;  // "1449"
  std::string message;
};

struct Filter {
  std::vector<std::string> path;  // segments; "x[]" walks an array
  std::string op;                 // ==, !=, >=, <=, >, <, exists, !exists
  std::vector<std::string> values;
};

struct SortKey {
  std::vector<std::string> path;
  bool descending = false;
};

// The root fields of each resource as Adobe documents it ("flows", "runs", "connectionSpecs"...):
// a filter or sort on another field is refused.
const std::set<std::string>& documented_fields(const std::string& collection);

std::expected<Filter, QueryError> parse_filter(const std::string& expression,
                                               const std::set<std::string>& fields);
bool matches(const nlohmann::json& item, const Filter& f);

std::expected<std::vector<SortKey>, QueryError> parse_orderby(const std::string& orderby,
                                                              const std::set<std::string>& fields);
void sort_items(std::vector<const nlohmann::json*>& items, const std::vector<SortKey>& keys);

}  // namespace emulator
