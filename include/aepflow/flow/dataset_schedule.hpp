#pragma once
// A dataset export flow's schedule (its scheduleParams), from what a user types: --every 3h|6h|
// 9h|12h|1d or --once, --export-mode, --start and --end (dates or RFC 3339, sent as epoch
// seconds) and --folder-template. Pure: no requests; the clock is given.
//
// Where Adobe's documents disagree, this follows the schema the service publishes
// (flow-service-destinations.yaml, DatasetScheduleParams_V2), which the service checks bodies
// against:
// - the key is folderNameTemplate (the dataset export guide spells it foldernameTemplate);
// - hourly intervals are 3, 6, 9 and 12 (the UI guide and the guardrails page say 8, the
//   audience exports' EVERY_8_HOURS);
// - a one-time export is DAILY_FULL_EXPORT with timeUnit day and interval 1: the guide and the
//   schema's own description say interval 0, but the schema's enum has no 0.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"

namespace aepflow {

struct DatasetScheduleFlags {
  std::optional<std::string> every;  // 3h, 6h, 9h, 12h, 1d
  bool once = false;
  std::optional<std::string> export_mode;  // FIRST_FULL_THEN_INCREMENTAL, DAILY_FULL_EXPORT
  std::optional<std::string> start, end;   // YYYY-MM-DD, RFC 3339 or epoch seconds
  std::optional<std::string> folder_template;

  bool any() const { return every || once || export_mode || start || end || folder_template; }
};

// "2026-12-31" (midnight UTC), "2026-12-31T18:00:00Z" or with an offset, or epoch seconds, as
// epoch seconds. Milliseconds (13 digits) are refused with the reason, as the service would read
// them as a date thousands of years away.
Result<std::int64_t> parse_export_time(std::string_view flag, std::string_view text);

// The documented macros of a dataset export's folder name template, at most one of
// %DATETIME(YYYYMMdd_HHmmss)% and %EXPORT_TIME%; anything else between % signs is refused.
Result<void> check_folder_template(std::string_view text);

// scheduleParams for a new dataset export flow: --end is required (Adobe gives flows without one
// an end date of its own choosing), --start defaults to `now_s`.
Result<nlohmann::json> new_dataset_schedule(const DatasetScheduleFlags& f, std::int64_t now_s);

// `current` (a flow's scheduleParams as read) with the flags given applied: the whole object, as
// `replace /scheduleParams` sends it. The stored start is kept unless --start is given; an end
// moved to before `now_s` is refused.
Result<nlohmann::json> changed_dataset_schedule(const nlohmann::json& current,
                                                const DatasetScheduleFlags& f, std::int64_t now_s);

// "every 3 hours, incremental, 2026-12-01 to 2027-06-01 (UTC)": one line for `flow get`.
std::string describe_dataset_schedule(const nlohmann::json& schedule);

// When the schedule ends (epoch seconds), if it says.
std::optional<std::int64_t> dataset_schedule_end(const nlohmann::json& schedule);

}  // namespace aepflow
