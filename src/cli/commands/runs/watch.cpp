// aepflow runs watch --flow FLOW_ID [--timeout DURATION] [--interval DURATION] [--next]
#include "aepflow/base/text.hpp"
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/runs/run_summary.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::string timeout = "30m";
  std::string interval = "10s";
  bool next = false;
};

Result<std::chrono::milliseconds> duration_option(const std::string& text, const char* flag) {
  auto d = parse_duration(text);
  if (!d || d->count() <= 0) {
    return usage(std::string(flag) + " must be a duration such as 90s, 15m or 2h, got '" + text +
                 "'");
  }
  return *d;
}

// The status line: rewritten in place on a terminal, one line per change otherwise.
class StatusLine {
 public:
  explicit StatusLine(Context& ctx) : ctx_(ctx) {}
  void show(const std::string& given) {
    const std::string text = printable(given);  // a run's state and errors, from the service
    if (ctx_.io.err_is_terminal) {
      ctx_.err() << "\r\x1b[K" << text << std::flush;
      shown_ = true;
    } else if (text != last_) {
      ctx_.err() << text << '\n';
    }
    last_ = text;
  }
  void end() {
    if (shown_) ctx_.err() << '\n';
    shown_ = false;
  }

 private:
  Context& ctx_;
  std::string last_;
  bool shown_ = false;
};

Result<void> run(const Options& o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  auto timeout = duration_option(o.timeout, "--timeout");
  if (!timeout) return std::unexpected(timeout.error());
  auto interval = duration_option(o.interval, "--interval");
  if (!interval) return std::unexpected(interval.error());
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());

  using std::chrono::milliseconds;
  const auto started = ctx.io.now();
  const auto started_ms =
      std::chrono::duration_cast<milliseconds>(started.time_since_epoch()).count();
  milliseconds slept{0};
  StatusLine status(ctx);
  ListQuery q;
  q.properties.push_back("flowId==" + o.flow_id);
  q.limit = 1;          // newest first: the first item is the newest run
  std::string watched;  // the run followed, once chosen; then read by ID, not as "the newest"
  for (;;) {
    std::optional<nlohmann::json> run;
    if (watched.empty()) {
      auto page = (*service)->list_page(Collection::runs, q);
      if (!page) {
        status.end();
        return std::unexpected(page.error());
      }
      if (!page->items.empty()) {
        const auto run_started = page->items[0]
                                     .value("metrics", nlohmann::json::object())
                                     .value("durationSummary", nlohmann::json::object())
                                     .value("startedAtUTC", std::int64_t{0});
        if (!o.next || run_started >= started_ms) {
          run = std::move(page->items[0]);
          watched = text_of(*run, "id");
        }
      }
    } else {
      auto got = (*service)->get(Collection::runs, watched);
      if (!got) {
        status.end();
        return std::unexpected(got.error());
      }
      run = std::move(*got);
    }
    const auto waited =
        std::max(slept, std::chrono::duration_cast<milliseconds>(ctx.io.now() - started));
    std::string line;
    if (run) {
      if (run_finished(*run)) {
        status.end();
        print_item(ctx.out(), *run, [&](Output& out) { print_run(out, *run); });
        if (run_status(*run) == "success") return {};
        Error e;
        e.kind = ErrorKind::api;
        e.context = "run " + watched + " of dataflow " + o.flow_id;
        std::string errors = run_errors(*run);
        e.message = "the run failed" + (errors.empty() ? std::string() : ": " + errors);
        return std::unexpected(std::move(e));
      }
      line =
          "run " + watched + ": " + run_status(*run) + ", watched for " + format_duration(waited);
    } else {
      line = std::string("waiting for ") + (o.next ? "the next run" : "a run") + " of dataflow " +
             o.flow_id + ", " + format_duration(waited);
    }
    status.show(line);
    if (waited >= *timeout) {
      status.end();
      Error e;
      e.kind = ErrorKind::network;
      e.context = "watch dataflow " + o.flow_id;
      e.message = "timed out after " + format_duration(*timeout) + " (" + line + ")";
      return std::unexpected(std::move(e));
    }
    const auto pause = std::min(*interval, *timeout - waited);
    if (!ctx.io.sleep(pause)) {
      status.end();
      return fail(ErrorKind::interrupted, "interrupted while watching dataflow " + o.flow_id);
    }
    slept += pause;
  }
}

}  // namespace

void add_runs_watch(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("watch", "wait for the newest run of a dataflow to finish");
  cmd.option("--flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--timeout", opts->timeout, "give up after this long (exit 6)").show_default();
  cmd.option("--interval", opts->interval, "time between polls").show_default();
  cmd.flag("--next", opts->next, "wait for a run that starts after the watch does");
  cmd.examples(
      "Exit 0 when the run succeeds, 1 with its errors when it fails, 6 on timeout.\n"
      "Example:\n  aepflow flow activate \"$FLOW\" ... && aepflow runs watch --flow \"$FLOW\" "
      "--next --timeout 2h");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
