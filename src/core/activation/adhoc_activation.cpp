#include "aepflow/activation/adhoc_activation.hpp"

#include <cstdio>
#include <ctime>
#include <optional>
#include <regex>

#include "aepflow/activation/activation.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/flow/datasets.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/flow/requests.hpp"

namespace aepflow {

using nlohmann::json;
using std::chrono::system_clock;

namespace {

// A selector's "YYYY-MM-DD" at "HH:MM" (UTC; midnight when empty); nullopt when not a date.
std::optional<system_clock::time_point> utc_time(const std::string& date, const std::string& time) {
  if (!is_calendar_date(date) || (!time.empty() && !is_clock_time(time))) return std::nullopt;
  int y = 0, m = 0, d = 0, hh = 0, mm = 0;
  std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  if (!time.empty()) std::sscanf(time.c_str(), "%2d:%2d", &hh, &mm);
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  return std::chrono::sys_days(ymd) + std::chrono::hours(hh) + std::chrono::minutes(mm);
}

std::string utc_text(system_clock::time_point t) {
  const std::time_t s = system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&s, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

bool exports_datasets(const json& flow) {
  if (flow.contains("scheduleParams")) return true;
  const json& inherited = object_member(flow, "inheritedAttributes");
  for (const auto& s : array_member(inherited, "sourceConnections")) {
    if (text_of(object_member(s, "connectionSpec"), "id") == data_lake_spec_id) return true;
  }
  for (const auto& t : array_member(inherited, "targetConnections")) {
    if (text_of(object_member(t, "data"), "outputType") == "DATASET_EXPORT") return true;
  }
  return false;
}

// Why `a` cannot be exported ad hoc at `now`, or "".
std::string schedule_problem(const Audience& a, system_clock::time_point now) {
  const Schedule& s = a.schedule;
  auto first = utc_time(s.start_date, s.start_time);
  if (!first) {
    return "audience " + a.id + " has no schedule start date on the dataflow, so its first " +
           "scheduled activation is not known";
  }
  const auto possible = *first + kAdhocWaitAfterFirstActivation;
  if (now < possible) {
    const bool started = now >= *first;
    return "audience " + a.id +
           (started ? " was first activated on its schedule at "
                    : " is first activated on its schedule at ") +
           utc_text(*first) + ": it can be exported ad hoc an hour after that, from " +
           utc_text(possible);
  }
  if (!s.end_date.empty()) {
    auto end = utc_time(s.end_date, "");
    if (end && now >= *end + std::chrono::hours(24)) {
      return "audience " + a.id + "'s schedule ended on " + s.end_date +
             ": extend it (flow activate --update --end-date) before exporting it ad hoc";
    }
  }
  return "";
}

}  // namespace

Result<void> check_export_now(const json& flow, const std::vector<std::string>& audiences,
                              system_clock::time_point now) {
  const std::string flow_id = text_of(flow, "id");
  if (exports_datasets(flow)) {
    return usage("dataflow " + flow_id +
                 " exports datasets: export-now exports audiences of a batch file-based "
                 "destination's dataflow only");
  }
  const FlowContents contents = read_flow_contents(flow);
  std::vector<std::string> missing, problems;
  for (const auto& id : audiences) {
    auto it = std::find_if(contents.audiences.begin(), contents.audiences.end(),
                           [&](const Audience& a) { return same_audience(a.id, id); });
    if (it == contents.audiences.end()) {
      missing.push_back(id);
      continue;
    }
    if (auto p = schedule_problem(*it, now); !p.empty()) problems.push_back(p);
  }
  if (!missing.empty()) {
    return usage(std::string(missing.size() == 1 ? "audience " : "audiences ") + join(missing) +
                 (missing.size() == 1 ? " is" : " are") + " not on dataflow " + flow_id +
                 ": activate it first (aepflow flow activate " + flow_id + " --audience ID)");
  }
  if (!problems.empty()) return usage(join(problems, "; "));
  return {};
}

std::vector<std::vector<std::string>> adhoc_jobs(const std::vector<std::string>& audiences) {
  std::vector<std::vector<std::string>> jobs;
  for (std::size_t i = 0; i < audiences.size(); i += kAdhocJobLimit) {
    const auto end = std::min(audiences.size(), i + kAdhocJobLimit);
    jobs.emplace_back(audiences.begin() + static_cast<std::ptrdiff_t>(i),
                      audiences.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return jobs;
}

std::string run_id_from_status_url(std::string_view url) {
  if (auto q = url.find_first_of("?#"); q != std::string_view::npos) url = url.substr(0, q);
  while (!url.empty() && url.back() == '/')
    url.remove_suffix(1);
  const auto slash = url.rfind('/');
  if (slash == std::string_view::npos) return "";
  return std::string(url.substr(slash + 1));
}

Error explain_adhoc_error(Error e, std::string_view flow_id) {
  if (e.status != 400) return e;
  static const std::regex running(
      R"(Run already going on for audience (\S+) for order (\S+) with run id (\S+?)\.?$)");
  static const std::regex refused(
      R"(Segments (.*) are not part of this dataflow or out of schedule range!?)");
  std::smatch m;
  const std::string said = e.message;
  if (std::regex_search(said, m, running)) {
    e.message = "audience " + printable(m[1].str()) + " already has a run going on dataflow " +
                printable(m[2].str()) + " (run " + printable(m[3].str()) +
                "): one ad hoc run at a time per audience, and none beside its scheduled "
                "export; wait for it (aepflow runs get " +
                printable(m[3].str()) + ") and try again";
  } else if (std::regex_search(said, m, refused)) {
    e.message = "the service refused audiences " + printable(m[1].str()) +
                ": each is not on dataflow " + std::string(flow_id) +
                ", or outside its schedule (not started, ended, or first activated less than an "
                "hour ago)";
  }
  return e;
}

Result<std::vector<AdhocRun>> AdhocActivation::run(std::string_view flow_id,
                                                   const std::vector<std::string>& audiences) {
  const std::string context = "export audiences of dataflow " + std::string(flow_id) + " now";
  Request req = requests::post("/adhocrun", {{"activationInfo", {{flow_id, audiences}}}});
  set_header(req.headers, "Accept", std::string(kAdhocV2Accept));
  auto res = service_.send(std::move(req));
  if (!res) return std::unexpected(with_context(std::move(res.error()), context));
  if (res->simulated) return std::vector<AdhocRun>{};  // a dry run: nothing was sent
  if (res->status < 200 || res->status > 299) {
    return std::unexpected(explain_adhoc_error(error_from_response(*res, context), flow_id));
  }
  auto answer = parse_json_body(*res, context);
  if (!answer) return std::unexpected(answer.error());
  const json& order = member(*answer, "order");
  if (!order.is_array()) {
    return std::unexpected(
        with_context(fail(ErrorKind::api,
                          "the answer has no order list (the service may have changed its "
                          "format)")
                         .error(),
                     context));
  }
  std::vector<AdhocRun> runs;
  for (const auto& item : order) {
    AdhocRun r{text_of(item, "segment"), text_of(item, "order"),
               run_id_from_status_url(text_of(item, "statusURL"))};
    if (r.flow_id.empty()) r.flow_id = std::string(flow_id);
    if (!is_uuid(r.run_id)) {
      return std::unexpected(
          with_context(fail(ErrorKind::api, "the statusURL of audience " + printable(r.audience) +
                                                " names no run ID: '" +
                                                printable(text_of(item, "statusURL")) + "'")
                           .error(),
                       context));
    }
    runs.push_back(std::move(r));
  }
  return runs;
}

}  // namespace aepflow
