#include "commands/flow/schedule_flags.hpp"

namespace aepflow::cli {

void add_dataset_schedule_flags(Command& cmd, DatasetScheduleFlags& f, bool creating) {
  const std::string verb = creating ? "" : "new ";
  cmd.option("--every", f.every,
             "dataset export: the " + verb +
                 "cadence, 3h, 6h, 9h, 12h or 1d (incremental after a first full export)");
  cmd.flag("--once", f.once,
           "dataset export: one full export at --start (DAILY_FULL_EXPORT, sent with interval 1: "
           "the schema's enum has no 0)");
  cmd.option("--export-mode", f.export_mode,
             "dataset export: FIRST_FULL_THEN_INCREMENTAL (with --every) or DAILY_FULL_EXPORT "
             "(as --once)");
  cmd.option("--start", f.start,
             creating ? "dataset export: first export, YYYY-MM-DD (UTC), RFC 3339 or epoch "
                        "seconds (default: now)"
                      : "dataset export: the new start (default: the current one)");
  cmd.option("--end", f.end,
             creating ? "dataset export: last export (required), YYYY-MM-DD (UTC), RFC 3339 or "
                        "epoch seconds"
                      : "dataset export: the new end date, YYYY-MM-DD (UTC), RFC 3339 or epoch "
                        "seconds");
  cmd.option("--folder-template", f.folder_template,
             "dataset export: folder name from %DESTINATION%, %DATASET_NAME%, %DATASET_ID%, "
             "%DESTINATION_INSTANCE_ID%, %DESTINATION_INSTANCE_NAME%, %SANDBOX_NAME% and one of "
             "%DATETIME(YYYYMMdd_HHmmss)% or %EXPORT_TIME%, with text and /");
}

}  // namespace aepflow::cli
