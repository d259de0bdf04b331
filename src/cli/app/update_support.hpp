#pragma once
// What every `update` command shares: the --etag guard, the change sent under the object's etag
// (re-read and re-planned on a 412, flow/change.hpp), and the report of what changed.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "aepflow/flow/change.hpp"
#include "app/command_builder.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

// --etag as given: unset when not given; a blank or malformed one is a usage error (never taken
// for "no guard").
Result<std::optional<std::string>> etag_guard(const std::optional<std::string>& given);

// What every update takes: the object's ID, a new name and description, and the --etag guard.
struct UpdateFlags {
  std::string id;
  std::optional<std::string> name, description, etag;
};
// Registers them; `noun` is the object's ("base connection"). The ID is positional (`id_name`).
void add_update_flags(Command& cmd, UpdateFlags& flags, const std::string& id_name,
                      const std::string& noun);
// The checks of them before anything is read: the ID well formed, a given name not empty, the
// etag usable. Answers the etag guard.
Result<std::optional<std::string>> check_update_flags(const UpdateFlags& flags,
                                                      const std::string& noun);

// The ops that make `current` what the command asks, and the names of the fields they change
// ("name", "auth.params"), for the report.
struct UpdatePlan {
  nlohmann::json ops = nlohmann::json::array();
  std::vector<std::string> fields;
};
using UpdatePlanner = std::function<Result<UpdatePlan>(const nlohmann::json& current)>;

// Sends the update of `id` in `c`: planned against `current` (as just read) first, under
// `etag` when the user pinned one; then prints what changed, or that nothing did (nothing sent).
Result<void> run_update(Context& ctx, Collection c, const std::string& id,
                        const std::optional<std::string>& etag, nlohmann::json current,
                        const UpdatePlanner& planner);

// The op that replaces the object's whole `path` ("/params") with `value`, unless `changed` is
// false; `field` names it in the report.
void replace_whole(UpdatePlan& plan, const std::string& path, const std::string& field,
                   const nlohmann::json& value, bool changed = true);

// The op that sets the top-level string member `key` (replace when the object has it, add when
// not), or nothing when it already has that value.
void set_member(UpdatePlan& plan, const nlohmann::json& current, const std::string& key,
                const std::optional<std::string>& value);

}  // namespace aepflow::cli
