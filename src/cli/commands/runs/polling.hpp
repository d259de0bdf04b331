#pragma once
// Waiting for dataflow runs to finish, for runs watch and flow export-now --wait: the duration
// flags, a status line on stderr, the poll loop's timeout (exit 6) and Ctrl-C, and what a
// finished run means for the exit code.

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aepflow/base/error.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

// A positive duration ("90s", "15m", "2h"); a usage error naming `flag` otherwise.
Result<std::chrono::milliseconds> duration_option(const std::string& text, const char* flag);

// --timeout and --interval, as runs watch and export-now --wait take them.
struct WaitTimes {
  std::chrono::milliseconds timeout;
  std::chrono::milliseconds interval;
};
Result<WaitTimes> wait_times(const std::string& timeout, const std::string& interval);

// The status line: rewritten in place on a terminal, one line per change otherwise.
class StatusLine {
 public:
  explicit StatusLine(Context& ctx) : ctx_(ctx) {}
  void show(const std::string& given);
  void end();

 private:
  Context& ctx_;
  std::string last_;
  bool shown_ = false;
};

// One wait: started when made, polled every `interval` until `timeout`.
class Poll {
 public:
  Poll(Context& ctx, std::chrono::milliseconds timeout, std::chrono::milliseconds interval);
  // How long it has waited: the time slept, or the clock's, whichever is longer.
  std::chrono::milliseconds waited() const;
  std::int64_t started_ms() const;
  // Shows `line`, then sleeps until the next poll. A network error ("<what>: timed out after
  // ...") when the timeout has passed, an interrupted one on Ctrl-C.
  Result<void> pause(const std::string& line, const std::string& what);
  // The status line ended, and the error passed on (a failed read while waiting).
  Error stop(Error e);
  StatusLine& status() { return status_; }

 private:
  Context& ctx_;
  std::chrono::milliseconds timeout_;
  std::chrono::milliseconds interval_;
  std::chrono::system_clock::time_point started_;
  std::chrono::milliseconds slept_{0};
  StatusLine status_;
};

// A finished run's meaning: success, or an api error (exit 1) "the run failed: <its errors>".
Result<void> run_outcome(const nlohmann::json& run, const std::string& context);

// Reads each of `run_ids` by ID (GET /runs/{id}, through the client's base URL) until all have
// finished: the runs as last read, in the order given. `label` names them in the status line
// and in the timeout ("dataflow <id>"). `read`: the runs as just read (as many as `run_ids`), so
// the first poll waits for the next interval instead of reading them again.
Result<std::vector<nlohmann::json>> follow_runs(FlowService& service,
                                                const std::vector<std::string>& run_ids, Poll& poll,
                                                const std::string& label,
                                                std::vector<nlohmann::json> read = {});

}  // namespace aepflow::cli
