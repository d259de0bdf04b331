#pragma once
// Helpers every command file uses.

#include <functional>
#include <string_view>

#include "aepflow/flow/client.hpp"
#include "aepflow/specs/spec_check.hpp"
#include "app/command_builder.hpp"
#include "app/context.hpp"
#include "app/util.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

// A usage error when --dry-run is given to a command that changes only this machine's files
// (`changes` says which): it has no request to print, so it refuses rather than do it anyway.
Result<void> refuse_dry_run(const Context& ctx, std::string_view command, std::string_view changes);

// "Created" or, in a dry run, "Would create": the verb a person reads for what happened.
std::string done_or_would(const Context& ctx, std::string_view done, std::string_view would);

// Prints a create's answer ("Created <noun>" with id, etag and sandbox; the response for -o json;
// the bare ID for -o id), or passes its error on.
Result<void> report_created(Context& ctx, std::string_view noun, Result<Created> created);

// resolve_connection_spec, with a warning when the spec is one Adobe retired.
Result<std::string> resolve_destination_spec(const Terminal& terminal, FlowService& service,
                                             std::string_view name_or_id);

// Runs one of the library's checks (spec_check.hpp) and prints the warnings it gives.
Result<void> checked_with_warnings(
    const Terminal& terminal,
    const std::function<Result<void>(std::vector<std::string>& warnings)>& check);

// Warns of each credential param typed on the command line (shell history and `ps` see it).
void warn_typed_secrets(const Context& ctx, const Params& params);

// The object at /{collection}/{id}, once the ID is known to be well formed (`what`: "flow ID").
Result<nlohmann::json> fetch(Context& ctx, Collection c, std::string_view what,
                             const std::string& id);

// Every item of a spec catalogue whose name contains `name_filter` (case-insensitive; empty: all),
// from the service, or from `from_file` when given: a saved answer ({"items": [...]}) or an array.
Result<nlohmann::json> list_catalogue(Context& ctx, Collection c, std::string_view name_filter,
                                      const std::string& from_file = "");

// Prints one object: its ID (-o id), the object (-o json), or what `table` prints.
void print_item(Output& out, const nlohmann::json& item, const std::function<void(Output&)>& table);

// Prints one ID per line (-o id), the items (-o json), or the rows (table).
void print_list(Output& out, const nlohmann::json& items, const Row& header,
                const std::function<Row(const nlohmann::json&)>& row);

}  // namespace aepflow::cli
