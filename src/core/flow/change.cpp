#include "aepflow/flow/change.hpp"

#include <algorithm>
#include <random>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/flow/etag.hpp"
#include "aepflow/http/retry.hpp"

namespace aepflow {

using nlohmann::json;

Result<Applied> apply_change(FlowService& service, Collection c, const std::string& id,
                             const ChangePlan& plan, const ApplyOptions& options) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  auto sleep = options.sleep ? options.sleep : interruptible_sleep;
  const std::string noun(collection_noun(c));
  Applied result;
  for (int attempt = 1;; ++attempt) {
    result.attempts = attempt;
    auto current =
        attempt == 1 && options.known ? Result<json>(*options.known) : service.get(c, id);
    if (!current) return std::unexpected(current.error());
    auto etag = normalize_etag(text_of(*current, "etag"));
    if (!etag) return fail(ErrorKind::api, "the " + noun + " " + id + " has no usable etag");
    if (options.if_match && *options.if_match != *etag) {
      Error e;
      e.kind = ErrorKind::precondition;
      e.context = "update " + noun + " " + id;
      e.message = "the " + noun + " has changed since etag " + *options.if_match + " (it is now " +
                  *etag +
                  "); nothing was sent. Run again without --etag to apply the change to the "
                  "current version";
      return std::unexpected(std::move(e));
    }
    auto ops = plan(*current);
    if (!ops) return std::unexpected(ops.error());
    if (ops->empty()) return result;
    auto patched = service.patch(c, id, options.if_match.value_or(*etag), *ops);
    if (patched) {
      result.sent = true;
      result.patched = std::move(*patched);
      return result;
    }
    Error e = patched.error();
    if (e.kind != ErrorKind::precondition || options.if_match) {
      if (e.kind == ErrorKind::precondition) {
        e.message += ". The " + noun + " changed since etag " + *options.if_match +
                     " was given; run again without --etag to use the current one";
      }
      return std::unexpected(std::move(e));
    }
    if (attempt >= options.max_attempts) {
      e.message += ". The " + noun + " kept changing: gave up after " + std::to_string(attempt) +
                   " attempts, nothing was applied";
      return std::unexpected(std::move(e));
    }
    // Someone else changed the object between the read and the patch: read it again and rebuild
    // the plan, after a random pause so racing writers spread out.
    const long cap = std::min<long>(2000, 25L << std::min(attempt, 7));
    if (!sleep(std::chrono::milliseconds(std::uniform_int_distribution<long>(0, cap)(rng)))) {
      return fail(ErrorKind::interrupted, "interrupted: nothing was applied");
    }
  }
}

}  // namespace aepflow
