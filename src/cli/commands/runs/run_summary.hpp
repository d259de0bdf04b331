#pragma once
// How a dataflow run reads: its status, counts and errors, for runs list, get and watch.

#include <nlohmann/json.hpp>
#include <string>

#include "terminal/output.hpp"

namespace aepflow::cli {

// "success", "failed", "processing", "waiting" (lowercase whatever the service sent), or "-".
std::string run_status(const nlohmann::json& run);
bool run_finished(const nlohmann::json& run);
// "ACTIVATION_BATCH-0000-FAILED: Failed to write ..." for each error, joined with "; ".
std::string run_errors(const nlohmann::json& run);

extern const Row kRunHeader;
Row run_row(const nlohmann::json& run);

// Everything about one run, as `runs get` prints it.
void print_run(Output& out, const nlohmann::json& run);

}  // namespace aepflow::cli
