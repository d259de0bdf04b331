#include "activation_rules.hpp"

#include <chrono>
#include <regex>
#include <set>

#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

const std::set<std::string> kModes = {"DAILY_FULL_EXPORT", "FIRST_FULL_THEN_INCREMENTAL"};
// The destinations spec's frequency enum; WEEKLY and MONTHLY are in one rendering of the email
// tutorial only (FLOW-SERVICE-API.md section 7.4, a CONFLICT): followed, the spec's enum.
const std::set<std::string> kFullFrequencies = {"ONCE", "DAILY"};
const std::set<std::string> kIncrementalFrequencies = {"DAILY", "EVERY_3_HOURS", "EVERY_6_HOURS",
                                                       "EVERY_8_HOURS", "EVERY_12_HOURS"};
const std::set<std::string> kTriggers = {"SCHEDULED", "AFTER_SEGMENT_EVAL"};
// BatchSegmentSelector's macros and BatchSegmentSelector_V2's, whose own example writes
// %DESTINATION_NAME% too (and the update guide makes it required, on a legacy flow spec).
const std::set<std::string> kMacros = {"DESTINATION_NAME",
                                       "SEGMENT_ID",
                                       "SEGMENT_NAME",
                                       "TIMESTAMP",
                                       "DESTINATION",
                                       "DESTINATION_INSTANCE_ID",
                                       "DESTINATION_INSTANCE_NAME",
                                       "ORGANIZATION_NAME",
                                       "SANDBOX_NAME"};

bool real_date(const std::string& s) {
  if (s.size() != 10) return false;  // and std::regex never sees a long string
  static const std::regex shape(R"(^(\d{4})-(\d{2})-(\d{2})$)");
  std::smatch m;
  if (!std::regex_match(s, m, shape)) return false;
  using namespace std::chrono;
  year_month_day ymd{year{std::stoi(m[1])}, month{static_cast<unsigned>(std::stoi(m[2]))},
                     day{static_cast<unsigned>(std::stoi(m[3]))}};
  return ymd.ok();
}

std::string list(const std::set<std::string>& s) {
  std::string out;
  for (const auto& v : s)
    out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

// activate-batch-profile-destinations.md (the UI guide): a file name is at most 255 characters.
constexpr std::size_t kMaxFileName = 255;

std::vector<std::string> segment_selector_problems(const json& selector, const std::string& where,
                                                   bool legacy) {
  std::vector<std::string> out;
  if (!selector.is_object() || !selector.contains("value") || !selector["value"].is_object()) {
    out.push_back(where + " must be an object with a value");
    return out;
  }
  const json& v = selector["value"];
  const std::string at = where + ".value";
  if (str(v, "id").empty()) out.push_back(at + ".id is required");

  const std::string tmpl = str(v, "filenameTemplate");
  if (tmpl.empty()) {
    out.push_back(at + ".filenameTemplate is required");
  } else {
    for (const char* m : {"%DESTINATION_NAME%", "%SEGMENT_ID%"}) {
      if (legacy && tmpl.find(m) == std::string::npos) {
        out.push_back(at + ".filenameTemplate must contain " + m);
      }
    }
    if (!legacy && tmpl.size() > kMaxFileName) {
      out.push_back(at + ".filenameTemplate is " + std::to_string(tmpl.size()) +
                    " characters long; a file name is at most " + std::to_string(kMaxFileName));
    }
    for (const auto& m : macros_in(tmpl)) {
      bool ok = !m.format.empty() ? m.name == "DATETIME" : kMacros.count(m.name) > 0;
      if (!ok) out.push_back(at + ".filenameTemplate has an unknown macro " + m.text);
    }
  }

  const std::string mode = str(v, "exportMode");
  if (!kModes.count(mode)) {
    out.push_back(at + ".exportMode must be one of " + list(kModes) + ", got '" + mode + "'");
  }
  const json schedule = v.value("schedule", json::object());
  const std::string s_at = at + ".schedule";
  const std::string frequency = str(schedule, "frequency");
  const std::string trigger = str(schedule, "triggerType");
  const std::string start_date = str(schedule, "startDate");
  const std::string start_time = str(schedule, "startTime");
  const std::string end_date = str(schedule, "endDate");
  const bool full = mode == "DAILY_FULL_EXPORT";

  const auto& frequencies = full ? kFullFrequencies : kIncrementalFrequencies;
  if (kModes.count(mode) && !frequencies.count(frequency)) {
    out.push_back(s_at + ".frequency must be one of " + list(frequencies) + " with exportMode " +
                  mode + ", got '" + frequency + "'");
  }
  // The tutorial's first example omits triggerType, so omission is accepted.
  if (!trigger.empty() && !kTriggers.count(trigger)) {
    out.push_back(s_at + ".triggerType must be one of " + list(kTriggers) + ", got '" + trigger +
                  "'");
  }
  if (!real_date(start_date)) {
    out.push_back(s_at + ".startDate must be a date YYYY-MM-DD, got '" + start_date + "'");
  }
  static const std::regex hhmm(R"(^([01]\d|2[0-3]):([0-5]\d)$)");
  if (trigger == "AFTER_SEGMENT_EVAL") {
    if (!start_time.empty()) {
      out.push_back(s_at + ".startTime is not applicable with triggerType AFTER_SEGMENT_EVAL");
    }
  } else if (start_time.empty()) {
    out.push_back(s_at + ".startTime is required unless triggerType is AFTER_SEGMENT_EVAL");
  } else if (start_time.size() != 5 || !std::regex_match(start_time, hhmm)) {
    out.push_back(s_at + ".startTime must be HH:MM (24-hour, UTC), got '" + start_time + "'");
  } else if (start_time.substr(3) != "00") {
    out.push_back(s_at + ".startTime minutes must be 00, got '" + start_time + "'");
  }
  if (full && frequency == "ONCE") {
    if (!end_date.empty()) {
      out.push_back(s_at + ".endDate is not applicable with DAILY_FULL_EXPORT and frequency ONCE");
    }
  } else if (end_date.empty()) {
    out.push_back(s_at + ".endDate is required with frequency " + frequency);
  } else if (!real_date(end_date)) {
    out.push_back(s_at + ".endDate must be a date YYYY-MM-DD, got '" + end_date + "'");
  } else if (real_date(start_date) && end_date < start_date) {
    out.push_back(s_at + ".endDate " + end_date + " is before startDate " + start_date);
  }
  return out;
}

}  // namespace emulator
