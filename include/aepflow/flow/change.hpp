#pragma once
// Changing an object in place under its etag: read it, plan the JSON Patch against what was read,
// and send it with If-Match. When the service says the object changed meanwhile (412), it is read
// again and the change planned anew, so nothing is lost or done twice however many writers race;
// an etag the user vouched for instead makes the change conditional on that version.

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "aepflow/base/error.hpp"
#include "aepflow/flow/client.hpp"

namespace aepflow {

struct ApplyOptions {
  // The etag the user vouched for: the change is sent only against that version, and a 412 is
  // final. Without it, a 412 means re-read, re-plan and try again.
  std::optional<std::string> if_match;
  int max_attempts = 12;
  // The object as the caller already holds it, with its etag (a flow just created): the first
  // attempt plans against it instead of reading; a 412 sends the next attempt back to a fresh read.
  std::optional<nlohmann::json> known;
  std::function<bool(std::chrono::milliseconds)> sleep;  // default: interruptible_sleep
};

struct Applied {
  bool sent = false;  // false when the plan was empty: nothing to change
  Patched patched;
  int attempts = 0;
};

// What a plan makes of the object as read: the JSON Patch ops (empty: nothing to change).
using ChangePlan = std::function<Result<nlohmann::json>(const nlohmann::json& current)>;

// Reads the object `id` of `c`, asks `plan` for the ops against it, and PATCHes them under its
// etag. A stale --etag (`options.if_match`) is exit 5 with nothing sent.
Result<Applied> apply_change(FlowService& service, Collection c, const std::string& id,
                             const ChangePlan& plan, const ApplyOptions& options);

}  // namespace aepflow
