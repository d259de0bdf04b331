#include "commands/runs/run_summary.hpp"

#include "app/util.hpp"

namespace aepflow::cli {

using nlohmann::json;

namespace {

const json& at(const json& j, std::initializer_list<const char*> path) {
  static const json null_value;
  const json* cur = &j;
  for (const char* key : path) {
    if (!cur->is_object()) return null_value;
    auto it = cur->find(key);
    if (it == cur->end()) return null_value;
    cur = &*it;
  }
  return *cur;
}

std::string number(const json& v) {
  return v.is_number() ? std::to_string(v.get<long long>()) : "-";
}

std::string time_of(const json& v) {
  return v.is_number() ? format_utc(v.get<std::int64_t>() / 1000) : "-";
}

std::string duration_of(const json& run) {
  const json& started = at(run, {"metrics", "durationSummary", "startedAtUTC"});
  const json& completed = at(run, {"metrics", "durationSummary", "completedAtUTC"});
  if (!started.is_number() || !completed.is_number()) return "-";
  return format_duration(
      std::chrono::milliseconds(completed.get<std::int64_t>() - started.get<std::int64_t>()));
}

std::string codes(const json& run) {
  std::vector<std::string> out;
  const json& errors = at(run, {"metrics", "statusSummary", "errors"});
  if (errors.is_array()) {
    for (const auto& e : errors)
      out.push_back(text_of(e, "code"));
  }
  return out.empty() ? "-" : join(out);
}

}  // namespace

std::string run_status(const json& run) {
  const json& s = at(run, {"metrics", "statusSummary", "status"});
  if (!s.is_string()) return "-";
  std::string status = s.get<std::string>();
  for (auto& c : status)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return status;
}

bool run_finished(const json& run) {
  const std::string s = run_status(run);
  return s == "success" || s == "failed";
}

std::string run_errors(const json& run) {
  std::vector<std::string> out;
  const json& errors = at(run, {"metrics", "statusSummary", "errors"});
  if (errors.is_array()) {
    for (const auto& e : errors)
      out.push_back(text_of(e, "code") + ": " + text_of(e, "message"));
  }
  return join(out, "; ");
}

const Row kRunHeader = {"id",       "status", "started", "duration",
                        "exported", "failed", "skipped", "errors"};

Row run_row(const json& run) {
  const json& records = at(run, {"metrics", "recordSummary"});
  return {text_of(run, "id"),
          run_status(run),
          time_of(at(run, {"metrics", "durationSummary", "startedAtUTC"})),
          duration_of(run),
          number(at(records, {"outputRecordCount"})),
          number(at(records, {"failedRecordCount"})),
          number(at(records, {"skippedRecordCount"})),
          codes(run)};
}

void print_run(Output& out, const json& run) {
  const json& records = at(run, {"metrics", "recordSummary"});
  out.fields("Run " + text_of(run, "id"),
             {{"flow", text_of(run, "flowId")},
              {"status", run_status(run)},
              {"started", time_of(at(run, {"metrics", "durationSummary", "startedAtUTC"}))},
              {"completed", time_of(at(run, {"metrics", "durationSummary", "completedAtUTC"}))},
              {"duration", duration_of(run)},
              {"records in", number(at(records, {"inputRecordCount"}))},
              {"exported", number(at(records, {"outputRecordCount"}))},
              {"skipped", number(at(records, {"skippedRecordCount"}))},
              {"failed", number(at(records, {"failedRecordCount"}))},
              {"files", number(at(run, {"metrics", "fileSummary", "outputFileCount"}))},
              {"bytes", number(at(run, {"metrics", "sizeSummary", "outputBytes"}))}});
  const json& errors = at(run, {"metrics", "statusSummary", "errors"});
  if (errors.is_array() && !errors.empty()) {
    out.line("Errors:");
    for (const auto& e : errors)
      out.line("  " + text_of(e, "code") + "  " + text_of(e, "message"));
  }
  for (const char* key : {"skippedInfo", "failedInfo"}) {
    const json& info = at(records, {key});
    if (!info.is_array() || info.empty()) continue;
    out.line(std::string(key) == "skippedInfo" ? "Skipped:" : "Failed:");
    for (const auto& i : info) {
      out.line("  " + text_of(i, "code") + "  " + number(i.value("count", json())) + "  " +
               text_of(i, "message"));
    }
  }
  const json& per_audience = at(records, {"sourceSummaries"});
  if (per_audience.is_array() && !per_audience.empty()) {
    out.line("Audiences:");
    for (const auto& s : per_audience)
      out.line("  " + text_of(s, "id") + "  " + number(s.value("inputRecordCount", json())) +
               " records in");
  }
  const json& activities = run.value("activities", json::array());
  if (activities.is_array() && !activities.empty()) {
    out.line("Activities:");
    for (const auto& a : activities) {
      out.line("  " + text_of(a, "name") + "  " + run_status({{"metrics", a}}) + "  " +
               duration_of({{"metrics", a}}));
    }
  }
}

}  // namespace aepflow::cli
