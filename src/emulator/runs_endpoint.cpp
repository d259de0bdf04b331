#include "runs_endpoint.hpp"

#include "errors.hpp"
#include "paging.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

void advance_runs(State& state) {
  const auto interval = state.options.runs.interval.count();
  if (interval <= 0) return;
  const std::int64_t now = state.now_ms();
  for (auto& [name, sb] : state.sandboxes) {
    for (const auto& [id, flow] : sb.collections["flows"].by_id) {
      const auto& delay = state.options.runs.first_run_delay;
      if (delay && !exportable(flow) && !sb.next_run_ms.count(id)) continue;
      const std::int64_t first =
          delay ? now + delay->count() : flow.value("createdAt", now) + interval;
      auto [next, fresh] = sb.next_run_ms.try_emplace(id, first);
      if (next->second > now) continue;
      // Far behind (an emulator left idle): only the last few runs are made up.
      if (now - next->second > 20 * interval) next->second = now - 20 * interval;
      for (; next->second <= now; next->second += interval) {
        if (!exportable(flow)) continue;
        sb.runs.push_back(plan_run(state.run_rng, flow, next->second, state.options.runs,
                                   state.uuid(), state.new_etag()));
        ++state.stats.runs;
      }
    }
  }
}

Response runs(Call& call, const std::vector<std::string>& parts) {
  if (call.req.method != "GET") return reply(method_not_allowed(call.rid));
  const std::int64_t now = call.state.now_ms();
  const auto& all_runs = call.sandbox->runs;
  if (parts.size() == 2) {
    if (auto f = check_query_params(call, {})) return reply(*f);
    for (const auto& r : all_runs) {
      if (r.id == parts[1]) return reply(200, {{"items", {render_run(r, now)}}});
    }
    return reply(not_found("runs", parts[1], call.rid));
  }
  if (parts.size() != 1) return reply(not_found("endpoint", call.path, call.rid));
  std::vector<json> rendered;
  rendered.reserve(all_runs.size());
  for (auto it = all_runs.rbegin(); it != all_runs.rend(); ++it)
    rendered.push_back(render_run(*it, now));
  std::vector<const json*> all;
  all.reserve(rendered.size());
  for (const auto& r : rendered)
    all.push_back(&r);
  return list(call, all, "runs", "/runs");
}

}  // namespace emulator
