#pragma once
// A dataset export's schedule flags, shared by flow create and flow update: --every, --once,
// --export-mode, --start, --end and --folder-template.

#include "aepflow/flow/dataset_schedule.hpp"
#include "app/command_builder.hpp"

namespace aepflow::cli {

void add_dataset_schedule_flags(Command& cmd, DatasetScheduleFlags& f, bool creating);

}  // namespace aepflow::cli
