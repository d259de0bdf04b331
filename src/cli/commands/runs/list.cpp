// aepflow runs list --flow FLOW_ID [--status S] [--since DURATION|DATE] [--limit N] [--all]
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "commands/runs/run_summary.hpp"
#include "terminal/listing.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::string status;
  std::string since;
  std::string limit;
  bool all = false;
};

// --since 2h -> now minus two hours; --since 2026-11-01 -> that date, midnight UTC.
Result<std::int64_t> since_ms(const std::string& text, const Io& io) {
  if (auto date = parse_utc_ms(text)) return *date;
  if (auto d = parse_duration(text)) {
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(io.now().time_since_epoch());
    return (now - *d).count();
  }
  return usage(
      "--since must be a duration (30m, 12h, 7d) or a date (2026-11-28 or "
      "2026-11-28T09:00:00Z), got '" +
      text + "'");
}

Result<void> run(const Options& o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  auto limit = parse_limit(o.limit);
  if (!limit) return std::unexpected(limit.error());
  ListQuery q;
  q.properties.push_back("flowId==" + o.flow_id);
  if (!o.status.empty()) {
    std::string s = o.status;
    for (auto& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s != "success" && s != "failed" && s != "processing" && s != "waiting") {
      return usage("--status must be success, failed, processing or waiting, got '" + o.status +
                   "'");
    }
    q.properties.push_back("metrics.statusSummary.status==" + s);
  }
  if (!o.since.empty()) {
    auto ms = since_ms(o.since, ctx.io);
    if (!ms) return std::unexpected(ms.error());
    q.properties.push_back("metrics.durationSummary.startedAtUTC>" + std::to_string(*ms));
  }
  return stream_list(ctx, Collection::runs, std::move(q), {*limit, o.all}, kRunHeader, run_row);
}

}  // namespace

void add_runs_list(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command("list", "list the runs of a dataflow, newest first (GET /runs)");
  cmd.option("--flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--status", opts->status, "only runs with this status: success, failed, processing");
  cmd.option("--since", opts->since, "only runs started since: 30m, 12h, 7d, or a date");
  cmd.option("--limit", opts->limit, "at most N runs");
  cmd.flag("--all", opts->all, "every run, following each next link to the end");
  cmd.examples(
      "Examples:\n  aepflow runs list --flow \"$FLOW\" --status failed --since 7d\n"
      "  aepflow runs list --flow \"$FLOW\" --limit 1 -o json | jq '.[0].metrics'");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
