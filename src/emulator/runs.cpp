#include "runs.hpp"

#include <algorithm>

namespace emulator {

using nlohmann::json;

std::vector<std::string> exported_audiences(const json& flow) {
  std::vector<std::string> ids;
  const json& ts = flow.value("transformations", json::array());
  if (!ts.is_array() || ts.empty() || !ts[0].is_object()) return ids;
  const json selectors = ts[0]
                             .value("params", json::object())
                             .value("segmentSelectors", json::object())
                             .value("selectors", json::array());
  if (!selectors.is_array()) return ids;
  for (const auto& s : selectors) {
    if (!s.is_object() || !s.contains("value") || !s["value"].is_object()) continue;
    if (auto id = s["value"].find("id"); id != s["value"].end() && id->is_string()) {
      ids.push_back(id->get<std::string>());
    }
  }
  return ids;
}

bool exportable(const json& flow) {
  if (flow.value("state", "") != "enabled") return false;
  return !exported_audiences(flow).empty() || flow.contains("scheduleParams");
}

Run plan_run(std::mt19937_64& rng, const json& flow, std::int64_t started_ms,
             const RunOptions& options, std::string id, std::string etag) {
  return plan_run(rng, flow, exported_audiences(flow), started_ms, options, std::move(id),
                  std::move(etag));
}

Run plan_run(std::mt19937_64& rng, const json& flow, std::vector<std::string> audiences,
             std::int64_t started_ms, const RunOptions& options, std::string id, std::string etag) {
  Run r;
  r.id = std::move(id);
  r.etag = std::move(etag);
  r.flow_id = flow.value("id", "");
  r.flow_spec = flow.value("flowSpec", json::object());
  const json targets = flow.value("targetConnectionIds", json::array());
  if (targets.is_array() && !targets.empty() && targets[0].is_string()) r.target_id = targets[0];
  r.sandbox_id = flow.value("sandboxId", "");
  r.sandbox_name = flow.value("sandboxName", "");
  r.org = flow.value("imsOrgId", "");
  r.audiences = std::move(audiences);
  r.started_ms = started_ms;
  // Durations vary around the configured one, as real runs do.
  const auto spread = std::uniform_real_distribution<double>(0.6, 1.4)(rng);
  r.completed_ms = started_ms + static_cast<std::int64_t>(
                                    static_cast<double>(options.duration.count()) * spread);
  r.failed = std::uniform_real_distribution<double>(0, 1)(rng) < options.failure_rate;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, r.audiences.size()); ++i)
    r.input_records += std::uniform_int_distribution<std::int64_t>(500, 50'000)(rng);
  r.skipped_records = r.input_records / std::uniform_int_distribution<std::int64_t>(40, 400)(rng);
  r.failed_records = r.failed ? r.input_records - r.skipped_records : 0;
  r.output_bytes = (r.input_records - r.skipped_records - r.failed_records) * 96;
  r.files = r.failed ? 0 : static_cast<std::int64_t>(std::max<std::size_t>(1, r.audiences.size()));
  return r;
}

json render_run(const Run& r, std::int64_t now_ms) {
  const bool done = now_ms >= r.completed_ms;
  const std::string status = !done ? "processing" : r.failed ? "failed" : "success";
  const std::int64_t output = r.input_records - r.skipped_records - r.failed_records;
  json duration = {{"startedAtUTC", r.started_ms}};
  if (done) duration["completedAtUTC"] = r.completed_ms;
  json sources = json::array(), targets = json::array();
  const auto per_audience = r.input_records / std::max<std::size_t>(1, r.audiences.size());
  json entities = json::array();
  for (const auto& a : r.audiences) {
    sources.push_back({{"id", a},
                       {"inputRecordCount", per_audience},
                       {"entitySummaries", {{{"id", "segment:" + a}}}}});
    entities.push_back({{"id", "segment:" + a},
                        {"outputRecordCount", done ? per_audience : 0},
                        {"skippedRecordCount", 0}});
  }
  targets.push_back({{"id", r.target_id},
                     {"outputRecordCount", done ? output : 0},
                     {"failedRecordCount", done ? r.failed_records : 0},
                     {"entitySummaries", entities}});
  json skipped = json::array();
  if (r.skipped_records > 0) {
    skipped.push_back({{"code", "ACTIVATION_BATCH-0000-SKIP"},
                       {"message", "Profiles skipped: a mandatory attribute is missing"},
                       {"count", r.skipped_records}});
  }
  json failed_info = json::array(), errors = json::array();
  if (done && r.failed) {
    failed_info.push_back({{"code", "ACTIVATION_BATCH-0000-FAILED"},
                           {"message", "Failed to write files to the destination"},
                           {"count", r.failed_records}});
    errors.push_back({{"code", "ACTIVATION_BATCH-0000-FAILED"},
                      {"message",
                       "Failed to write files to the destination: access denied by the storage "
                       "location (check the credentials of the base connection)"}});
  }
  json records = {{"inputRecordCount", r.input_records},
                  {"createdRecordCount", done ? output : 0},
                  {"outputRecordCount", done ? output : 0},
                  {"skippedRecordCount", r.skipped_records},
                  {"failedRecordCount", done ? r.failed_records : 0},
                  {"sourceSummaries", sources},
                  {"targetSummaries", targets},
                  {"skippedInfo", skipped},
                  {"failedInfo", failed_info}};
  json metrics = {
      {"durationSummary", duration},
      {"sizeSummary",
       {{"inputBytes", r.input_records * 128}, {"outputBytes", done ? r.output_bytes : 0}}},
      {"recordSummary", records},
      {"fileSummary", {{"inputFileCount", 0}, {"outputFileCount", done ? r.files : 0}}},
      {"statusSummary", {{"status", status}, {"errors", errors}, {"activityRefs", json::array()}}}};
  json activity = {
      {"id", r.id + "-activation"},
      {"name", "Activation"},
      {"updatedAtUTC", done ? r.completed_ms : now_ms},
      {"durationSummary", duration},
      {"latencySummary",
       {{"waiting", 0},
        {"processing", done ? r.completed_ms - r.started_ms : now_ms - r.started_ms}}},
      {"sizeSummary",
       {{"inputBytes", r.input_records * 128}, {"outputBytes", done ? r.output_bytes : 0}}},
      {"fileSummary", {{"inputFileCount", 0}, {"outputFileCount", done ? r.files : 0}}},
      {"recordSummary",
       {{"inputRecordCount", r.input_records},
        {"outputRecordCount", done ? output : 0},
        {"failedRecordCount", done ? r.failed_records : 0}}},
      {"statusSummary", {{"status", status}}}};
  return {{"id", r.id},
          {"flowId", r.flow_id},
          {"flowSpec", r.flow_spec},
          {"providerRefId", "run-" + r.id.substr(0, 8)},
          {"etag", r.etag},
          {"createdAt", r.started_ms},
          {"updatedAt", done ? r.completed_ms : r.started_ms},
          {"createdBy", "acp_foundation_flowservice@AdobeID"},
          {"updatedBy", "acp_foundation_flowservice@AdobeID"},
          {"createdClient", "acp_foundation_flowservice"},
          {"updatedClient", "acp_foundation_flowservice"},
          {"sandboxId", r.sandbox_id},
          {"sandboxName", r.sandbox_name},
          {"imsOrgId", r.org},
          {"metrics", metrics},
          {"activities", {activity}}};
}

}  // namespace emulator
