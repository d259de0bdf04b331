#pragma once
// Dataflow runs on a compressed clock: an enabled flow with audiences starts a run every
// `interval`; each run takes `duration`, then succeeds or fails with Adobe's error codes. A run is
// planned when it starts (its outcome and counts drawn from a seeded generator) and rendered as
// the service shows it at the moment it is read.

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace emulator {

struct RunOptions {
  std::chrono::milliseconds interval{60'000};  // zero: no runs
  std::chrono::milliseconds duration{10'000};
  // Without it, a flow's runs fall every `interval` from its creation (those while it has
  // nothing to export are skipped); with it, the first run starts this long after the flow can
  // export (enabled, with audiences or datasets), as when its schedule has already begun.
  std::optional<std::chrono::milliseconds> first_run_delay;
  double failure_rate = 0.1;
};

struct Run {
  std::string id;
  std::string flow_id;
  std::string target_id;
  nlohmann::json flow_spec;
  std::vector<std::string> audiences;
  std::int64_t started_ms = 0;
  std::int64_t completed_ms = 0;
  bool failed = false;
  std::int64_t input_records = 0;
  std::int64_t skipped_records = 0;
  std::int64_t failed_records = 0;
  std::int64_t output_bytes = 0;
  std::int64_t files = 0;
  std::string etag;
  std::string sandbox_id;
  std::string sandbox_name;
  std::string org;
  bool adhoc = false;  // started by POST /adhocrun, not by the flow's schedule
};

// The audience IDs a flow exports (segment selectors of its first transformation).
std::vector<std::string> exported_audiences(const nlohmann::json& flow);
// Whether an enabled flow has something to export: audiences, or datasets on a schedule.
bool exportable(const nlohmann::json& flow);

Run plan_run(std::mt19937_64& rng, const nlohmann::json& flow, std::int64_t started_ms,
             const RunOptions& options, std::string id, std::string etag);
// A run of `flow` that exports only `audiences` (an ad hoc job's run: one audience each).
Run plan_run(std::mt19937_64& rng, const nlohmann::json& flow, std::vector<std::string> audiences,
             std::int64_t started_ms, const RunOptions& options, std::string id, std::string etag);

// The run as GET /runs shows it at `now_ms`: processing until it completes.
nlohmann::json render_run(const Run& run, std::int64_t now_ms);

}  // namespace emulator
