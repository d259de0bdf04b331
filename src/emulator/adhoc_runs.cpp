#include "adhoc_runs.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>

#include "entities.hpp"
#include "flows.hpp"
#include "gateway.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

// Every answer of this API the yaml shows is {"message": "..."}; the emulator answers its own
// refusals (a malformed body, an unknown flow, too many audiences) in that shape too.
Response message(int status, const std::string& text) {
  return reply(status, {{"message", text}});
}

// "YYYY-MM-DD" (and "HH:MM", UTC) as epoch milliseconds; nullopt when not a date.
std::optional<std::int64_t> utc_ms(const std::string& date, const std::string& time) {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
    return std::nullopt;
  }
  if (!time.empty() && std::sscanf(time.c_str(), "%2d:%2d", &hh, &mm) != 2) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  const auto day = std::chrono::sys_days(ymd);
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             (day + std::chrono::hours(hh) + std::chrono::minutes(mm)).time_since_epoch())
      .count();
}

// A member of `j` by reference (into the stored flow, not a copy), or nullptr.
const json* child(const json* j, const char* key) {
  if (!j || !j->is_object()) return nullptr;
  auto it = j->find(key);
  return it == j->end() ? nullptr : &*it;
}

// The value of the flow's segment selector for `audience`, or nullptr.
const json* selector_of(const json& flow, const std::string& audience) {
  const json* ts = child(&flow, "transformations");
  if (!ts || !ts->is_array() || ts->empty()) return nullptr;
  const json* selectors = child(child(child(&(*ts)[0], "params"), "segmentSelectors"), "selectors");
  if (!selectors || !selectors->is_array()) return nullptr;
  for (const auto& s : *selectors) {
    const json* value = child(&s, "value");
    if (value && value->is_object() && str(*value, "id") == audience) return value;
  }
  return nullptr;
}

// Whether an ad hoc run of the audience may start at `now`: its schedule began (startDate at
// startTime, UTC; 00:00 when there is no startTime, as with AFTER_SEGMENT_EVAL) at least an hour
// ago, and its endDate (when set) is not past. The hour after the first scheduled activation is
// the API's guardrail; what it answers then is not documented: the emulator's reading is the
// "out of schedule range" 400, as for a schedule that has not started or has ended.
bool in_schedule(const json& value, std::int64_t now) {
  const json& schedule = value.value("schedule", json::object());
  if (!schedule.is_object()) return false;
  auto first = utc_ms(str(schedule, "startDate"), str(schedule, "startTime"));
  if (!first || now < *first + kHourMs) return false;
  const std::string end = str(schedule, "endDate");
  if (end.empty()) return true;
  auto end_ms = utc_ms(end, "");
  return end_ms && now < *end_ms + 24 * kHourMs;  // the end date is a whole day
}

// A run of the flow that exports `audience` and is still processing at `now`: ad hoc or
// scheduled, either keeps a new ad hoc run of it from starting.
const Run* running(const Sandbox& sb, const std::string& flow_id, const std::string& audience,
                   std::int64_t now) {
  for (const auto& r : sb.runs) {
    if (r.flow_id != flow_id || now >= r.completed_ms) continue;
    if (std::find(r.audiences.begin(), r.audiences.end(), audience) != r.audiences.end()) return &r;
  }
  return nullptr;
}

bool v2_accept(const Call& call) {
  auto it = call.req.headers.find("accept");
  if (it == call.req.headers.end()) return false;
  auto squeeze = [](std::string s) {
    std::erase(s, ' ');
    return lower(s);
  };
  return squeeze(it->second) == squeeze(kAdhocV2Accept);
}

struct Job {
  std::string flow_id;
  std::vector<std::string> audiences;  // in the order given, without repeats
};

// activationInfo read: {"<flowId>": ["<audienceId>", ...], ...}; an error text otherwise.
std::optional<std::string> read_jobs(const json& body, std::vector<Job>& jobs) {
  const json& info = body.value("activationInfo", json());
  if (!info.is_object() || info.empty()) {
    return "activationInfo is required: an object of destination IDs, each with a list of "
           "audience IDs";
  }
  for (const auto& [flow_id, audiences] : info.items()) {
    if (!audiences.is_array() || audiences.empty()) {
      return "activationInfo." + flow_id + " must be a non-empty list of audience IDs";
    }
    Job job{flow_id, {}};
    for (const auto& a : audiences) {
      if (!a.is_string() || a.get<std::string>().empty()) {
        return "activationInfo." + flow_id + " must hold audience IDs (strings)";
      }
      const std::string id = a.get<std::string>();
      if (std::find(job.audiences.begin(), job.audiences.end(), id) == job.audiences.end()) {
        job.audiences.push_back(id);
      }
    }
    jobs.push_back(std::move(job));
  }
  return std::nullopt;
}

// Why the flow takes no ad hoc job, or nullopt: the API serves batch file-based destinations'
// audience dataflows only.
std::optional<std::string> flow_problem(const Call& call, const json& flow) {
  if (exports_datasets(call, flow)) {
    return "Dataflow " + str(flow, "id") +
           " exports datasets: ad hoc activation exports audiences of batch file-based "
           "destinations only";
  }
  const json* spec =
      call.state.find_spec(call.state.flow_specs, str(flow.value("flowSpec", json()), "id"));
  const json attributes = spec ? spec->value("attributes", json::object()) : json::object();
  if (!attributes.value("isDestinationFlow", false)) {
    return "Dataflow " + str(flow, "id") +
           " is not a batch file-based destination's dataflow: ad hoc activation does not serve "
           "it";
  }
  return std::nullopt;
}

Response adhoc_run(Call& call) {
  if (call.req.body.empty()) return message(400, "The request body is required");
  if (!json_content(call.req)) return reply(content_type_error());
  const json body = json::parse(call.req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || json_depth(body) > kMaxBodyDepth) {
    return message(400, "The request body must be a JSON object");
  }
  // Without the v2 Accept the v1 rules apply: the latest audience export job's ID is required.
  if (!v2_accept(call)) {
    const json& ids = body.value("exportIds", json());
    if (!ids.is_array() || ids.empty() ||
        !std::all_of(ids.begin(), ids.end(), [](const json& i) { return i.is_string(); })) {
      return message(
          400, "exportIds is required without the header Accept: " + std::string(kAdhocV2Accept));
    }
  }
  std::vector<Job> jobs;
  if (auto problem = read_jobs(body, jobs)) return message(400, *problem);
  std::size_t total = 0;
  for (const auto& j : jobs)
    total += j.audiences.size();
  // The API says a job of more than 80 audiences fails; with what status is not documented. The
  // emulator refuses the request with a 400, before any run starts.
  if (total > kAdhocMaxAudiences) {
    return message(400, "An ad hoc activation job can activate up to " +
                            std::to_string(kAdhocMaxAudiences) + " audiences; this one has " +
                            std::to_string(total));
  }
  const std::int64_t now = call.state.now_ms();
  std::vector<const json*> flows;
  for (const auto& job : jobs) {
    const json* flow = find_entity(call, "flows", job.flow_id);
    if (!flow) return message(404, "Destination instance " + job.flow_id + " was not found");
    if (auto problem = flow_problem(call, *flow)) return message(400, *problem);
    flows.push_back(flow);
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    // {segmentName}: the audience's name on the flow, its ID when it is not on the flow. How
    // several are joined is not documented: the emulator lists them all, joined with ", ".
    std::vector<std::string> refused;
    for (const auto& a : jobs[i].audiences) {
      const json* value = selector_of(*flows[i], a);
      if (!value) {
        refused.push_back(a);
      } else if (!in_schedule(*value, now)) {
        const std::string name = str(*value, "name");
        refused.push_back(name.empty() ? a : name);
      }
    }
    if (!refused.empty()) {
      return message(400, "Segments " + join(refused, ", ") +
                              " are not part of this dataflow or out of schedule range!");
    }
  }
  for (const auto& job : jobs) {
    for (const auto& a : job.audiences) {
      if (const Run* r = running(*call.sandbox, job.flow_id, a, now)) {
        return message(400, "Run already going on for audience " + a + " for order " + job.flow_id +
                                " with run id " + r->id);
      }
    }
  }
  json order = json::array();
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    for (const auto& a : jobs[i].audiences) {
      Run r = plan_run(call.state.run_rng, *flows[i], {a}, now, call.state.options.runs,
                       call.state.uuid(), call.state.new_etag());
      r.adhoc = true;
      // The run's URL as the service prints it, on Platform's host: a client reads the run by
      // its ID through its own base URL.
      order.push_back({{"segment", a},
                       {"order", jobs[i].flow_id},
                       {"statusURL", std::string("https://platform.adobe.io") + kFlowServicePath +
                                         "/runs/" + r.id}});
      call.sandbox->runs.push_back(std::move(r));
      ++call.state.stats.runs;
    }
  }
  return reply(200, {{"order", order}});
}

}  // namespace

Response route_adhoc_activation(Call& call) {
  if (auto f = check_gateway_headers(call, "ACTIVATION")) return reply(*f);
  ++(call.req.method == "GET" ? call.state.stats.reads : call.state.stats.writes);
  const auto parts = split_path(call.path);
  if (parts.size() != 1 || parts[0] != "adhocrun") {
    return message(404, "No endpoint " + call.path + " in the ad hoc activation API");
  }
  if (call.req.method != "POST") return message(405, "Only POST is served on /adhocrun");
  return adhoc_run(call);
}

}  // namespace emulator
