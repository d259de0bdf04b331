#pragma once
// List queries: property filters (path<op>value, comma = OR, repeated = AND, [] walks arrays),
// orderby, limit and continuation tokens, count.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace emulator {

struct Filter {
  std::vector<std::string> path;  // segments; "x[]" walks an array
  std::string op;                 // ==, !=, >=, <=, >, <
  std::vector<std::string> values;
};

// A filter, or nullopt when the expression has no operator or an empty path.
std::optional<Filter> parse_filter(const std::string& expression);
bool matches(const nlohmann::json& item, const Filter& f);

// Sorts by "field", "+field" or "-field" (comma-separated: tie-breakers). Returns false when a
// sort key is malformed.
bool sort_items(std::vector<const nlohmann::json*>& items, const std::string& orderby);

}  // namespace emulator
