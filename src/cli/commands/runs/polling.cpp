#include "commands/runs/polling.hpp"

#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"
#include "app/util.hpp"
#include "commands/runs/run_summary.hpp"

namespace aepflow::cli {

using std::chrono::milliseconds;

Result<milliseconds> duration_option(const std::string& text, const char* flag) {
  auto d = parse_duration(text);
  if (!d || d->count() <= 0) {
    return usage(std::string(flag) + " must be a duration such as 90s, 15m or 2h, got '" + text +
                 "'");
  }
  return *d;
}

Result<WaitTimes> wait_times(const std::string& timeout, const std::string& interval) {
  auto t = duration_option(timeout, "--timeout");
  if (!t) return std::unexpected(t.error());
  auto i = duration_option(interval, "--interval");
  if (!i) return std::unexpected(i.error());
  return WaitTimes{*t, *i};
}

void StatusLine::show(const std::string& given) {
  const std::string text = printable(given);  // a run's state and errors, from the service
  if (ctx_.io.err_is_terminal) {
    ctx_.err() << "\r\x1b[K" << text << std::flush;
    shown_ = true;
  } else if (text != last_) {
    ctx_.err() << text << '\n';
  }
  last_ = text;
}

void StatusLine::end() {
  if (shown_) ctx_.err() << '\n';
  shown_ = false;
}

Poll::Poll(Context& ctx, milliseconds timeout, milliseconds interval)
    : ctx_(ctx), timeout_(timeout), interval_(interval), started_(ctx.io.now()), status_(ctx) {}

milliseconds Poll::waited() const {
  return std::max(slept_, std::chrono::duration_cast<milliseconds>(ctx_.io.now() - started_));
}

std::int64_t Poll::started_ms() const {
  return std::chrono::duration_cast<milliseconds>(started_.time_since_epoch()).count();
}

Result<void> Poll::pause(const std::string& line, const std::string& what) {
  status_.show(line);
  const auto waited_now = waited();
  if (waited_now >= timeout_) {
    status_.end();
    Error e;
    e.kind = ErrorKind::network;
    e.context = what;
    e.message = "timed out after " + format_duration(timeout_) + " (" + line + ")";
    return std::unexpected(std::move(e));
  }
  const auto pause = std::min(interval_, timeout_ - waited_now);
  if (!ctx_.io.sleep(pause)) {
    status_.end();
    return fail(ErrorKind::interrupted, "interrupted while waiting (" + what + ")");
  }
  slept_ += pause;
  return {};
}

Error Poll::stop(Error e) {
  status_.end();
  return e;
}

Result<void> run_outcome(const nlohmann::json& run, const std::string& context) {
  if (run_status(run) == "success") return {};
  Error e;
  e.kind = ErrorKind::api;
  e.context = context;
  std::string errors = run_errors(run);
  e.message = "the run failed" + (errors.empty() ? std::string() : ": " + errors);
  return std::unexpected(std::move(e));
}

Result<std::vector<nlohmann::json>> follow_runs(FlowService& service,
                                                const std::vector<std::string>& run_ids, Poll& poll,
                                                const std::string& label,
                                                std::vector<nlohmann::json> read) {
  const bool fresh = read.size() == run_ids.size();
  std::vector<nlohmann::json> runs =
      fresh ? std::move(read) : std::vector<nlohmann::json>(run_ids.size());
  std::vector<bool> finished(run_ids.size(), false);
  for (bool first = true;; first = false) {
    std::size_t done = 0;
    std::string going;
    for (std::size_t i = 0; i < run_ids.size(); ++i) {
      if (first && fresh) {
        finished[i] = run_finished(runs[i]);
      } else if (!finished[i]) {
        auto got = service.get(Collection::runs, run_ids[i]);
        if (!got) return std::unexpected(poll.stop(std::move(got.error())));
        runs[i] = std::move(*got);
        finished[i] = run_finished(runs[i]);
      }
      if (finished[i]) {
        ++done;
      } else if (going.empty()) {
        going = "run " + run_ids[i] + ": " + run_status(runs[i]);
      }
    }
    if (done == run_ids.size()) {
      poll.status().end();
      return runs;
    }
    std::string line = run_ids.size() == 1
                           ? going
                           : std::to_string(done) + " of " + std::to_string(run_ids.size()) +
                                 " runs of " + label + " finished (" + going + ")";
    line += ", watched for " + format_duration(poll.waited());
    if (auto ok = poll.pause(line, "watch " + label); !ok) return std::unexpected(ok.error());
  }
}

}  // namespace aepflow::cli
