#pragma once
// `aepflow <noun> list` for the four collections, and `runs list`: filters turned into property=
// expressions, and every page streamed to the output as it arrives.

#include <functional>
#include <string>
#include <vector>

#include "aepflow/flow/client.hpp"
#include "app/command_builder.hpp"
#include "terminal/output.hpp"

namespace aepflow::cli {

class Context;

struct ListSpec {
  Collection collection;
  std::string summary;
  std::string examples;
  Row header;
  std::function<Row(const nlohmann::json&)> row;
  // The property --destination filters on; empty: no --destination.
  std::string destination_property;
  bool has_state = false;
  // Filters always sent unless --include-sources (flow list: destination flows only).
  std::vector<std::string> default_properties;
  // --kind NAME sends the filter given for NAME (flow list: audiences or datasets); none: no
  // --kind.
  std::vector<std::pair<std::string, std::string>> kinds;
};

void add_list_command(Group& parent, Context& ctx, ListSpec spec);

struct ListRange {
  std::optional<long> limit;  // at most this many items; none: one page, or all with --all
  bool all = false;
};

// Parses --limit ("" when not given): a whole number from 1.
Result<std::optional<long>> parse_limit(const std::string& text);

// Streams the pages of a list to the output; says on stderr when more exist than were shown.
Result<void> stream_list(Context& ctx, Collection c, ListQuery query, ListRange range,
                         const Row& header, const std::function<Row(const nlohmann::json&)>& row);

// Shared cells: "2026-11-28 12:00Z" from epoch milliseconds; a spec's name from the catalogue.
std::string cell_time_ms(const nlohmann::json& item, const char* key);
std::string cell_spec(const nlohmann::json& spec_ref);

}  // namespace aepflow::cli
