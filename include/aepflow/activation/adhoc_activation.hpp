#pragma once
// Ad hoc ("export now") activation: audiences already on a batch file-based destination's
// dataflow exported without waiting for their schedule (ad-hoc-activation.yaml, v2). The checks
// a client can make offline from the flow it read (the API's guardrails), the typed client of
// POST /data/core/activation/disflowprovider/adhocrun, and the two documented refusals turned
// into errors that say what to do.

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/http/service.hpp"

namespace aepflow {

// The API's path below the Platform root, beside Flow Service.
inline constexpr std::string_view kAdhocActivationPath = "/data/core/activation/disflowprovider";
// The Accept value that selects v2: only activationInfo in the body, no export job ID.
inline constexpr std::string_view kAdhocV2Accept =
    "application/vnd.adobe.adhoc.activation+json; version=2";
// Audiences one ad hoc job may activate (a larger job fails, the API says).
inline constexpr std::size_t kAdhocJobLimit = 80;
// An audience can be exported ad hoc this long after its first scheduled activation.
inline constexpr std::chrono::hours kAdhocWaitAfterFirstActivation{1};

// One audience's run, from the answer's order item.
struct AdhocRun {
  std::string audience;  // "segment"
  std::string flow_id;   // "order": the destination instance, which is the dataflow
  std::string run_id;    // the last path segment of statusURL
};

// What the guardrails say of exporting `audiences` (normalized, without repeats) of `flow` (as
// GET /flows/{id} shows it) at `now`: a usage error naming every audience not on the flow, a
// dataset export flow, and each audience whose first scheduled activation (its selector's
// startDate at startTime, UTC; 00:00 without a startTime) is less than an hour before `now` or
// whose endDate has passed, saying when it becomes possible.
Result<void> check_export_now(const nlohmann::json& flow, const std::vector<std::string>& audiences,
                              std::chrono::system_clock::time_point now);

// `audiences` in jobs of at most kAdhocJobLimit, in order.
std::vector<std::vector<std::string>> adhoc_jobs(const std::vector<std::string>& audiences);

// The run ID at the end of a statusURL ("https://.../flowservice/runs/<id>"); "" when there is
// none. Runs are read by that ID through the client's own base URL, never at the URL itself.
std::string run_id_from_status_url(std::string_view url);

// The documented 400s as errors that say what happened and what to do; any other error as is.
// "Run already going on ..." names the audience, the dataflow and the run; "Segments ... are not
// part of this dataflow or out of schedule range!" names the audiences the service refused.
Error explain_adhoc_error(Error e, std::string_view flow_id);

class AdhocActivation {
 public:
  explicit AdhocActivation(HttpPipeline& pipeline, std::string_view path = kAdhocActivationPath)
      : service_(pipeline, path) {}

  // POST /adhocrun {"activationInfo": {flow_id: audiences}} with the v2 Accept: one run per
  // audience, in the order the service answered; none in a dry run (nothing was sent).
  Result<std::vector<AdhocRun>> run(std::string_view flow_id,
                                    const std::vector<std::string>& audiences);

 private:
  ServiceClient service_;
};

}  // namespace aepflow
