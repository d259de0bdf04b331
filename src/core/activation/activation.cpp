#include "aepflow/activation/activation.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "aepflow/base/json_fields.hpp"
#include "aepflow/dataprep/mapping.hpp"

namespace aepflow {

using nlohmann::json;

namespace {

constexpr std::string_view segment_selectors_path =
    "/transformations/0/params/segmentSelectors/selectors/-";
constexpr std::string_view profile_selectors_path =
    "/transformations/0/params/profileSelectors/selectors/-";

// Macros a filename template may use: the legacy set, then the ones the current cloud-storage
// cards' V2 selector adds (whose own example still writes %DESTINATION_NAME%).
constexpr std::array known_macros = {
    "DESTINATION_NAME",
    "SEGMENT_ID",
    "SEGMENT_NAME",
    "TIMESTAMP",
    "DESTINATION",
    "DESTINATION_INSTANCE_ID",
    "DESTINATION_INSTANCE_NAME",
    "ORGANIZATION_NAME",
    "SANDBOX_NAME",
};

// The date formats Adobe documents for %DATETIME(...)%: the filename template's (every example,
// FLOW-SERVICE-API 7.4 and the V2 selector), and the dataset exports' spelling of it. The service
// reads no other; an unknown one would name files by a format nobody can predict.
constexpr std::array datetime_formats = {"YYYYMMdd_HHmmss", "yyyyMMdd_HHmmss"};

constexpr std::array export_modes = {"DAILY_FULL_EXPORT", "FIRST_FULL_THEN_INCREMENTAL"};
// The service's enum (the destinations spec). WEEKLY and MONTHLY appear in one rendering of the
// tutorial only, and the service refuses them.
constexpr std::array full_export_frequencies = {"ONCE", "DAILY"};
constexpr std::array incremental_frequencies = {"DAILY", "EVERY_3_HOURS", "EVERY_6_HOURS",
                                                "EVERY_8_HOURS", "EVERY_12_HOURS"};
constexpr std::array trigger_types = {"SCHEDULED", "AFTER_SEGMENT_EVAL"};

template <std::size_t N>
bool one_of(const std::array<const char*, N>& list, std::string_view v) {
  return std::any_of(list.begin(), list.end(), [&](const char* s) { return v == s; });
}

template <std::size_t N>
std::string join(const std::array<const char*, N>& list) {
  std::string out;
  for (const char* s : list) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

bool is_macro_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Checks the %MACRO% parts of a template; returns the first unknown macro, or empty.
std::string unknown_macro(std::string_view t) {
  std::size_t pos = 0;
  while ((pos = t.find('%', pos)) != std::string_view::npos) {
    auto end = t.find('%', pos + 1);
    if (end == std::string_view::npos) return std::string(t.substr(pos));
    std::string_view inner = t.substr(pos + 1, end - pos - 1);
    bool known = one_of(known_macros, inner);
    if (!known && inner.starts_with("DATETIME(") && inner.ends_with(")")) {
      known = one_of(datetime_formats, inner.substr(9, inner.size() - 10));
    }
    // %this is custom text% is allowed; only macro-shaped names must be known.
    if (!known && (is_macro_name(inner) || inner.starts_with("DATETIME"))) {
      return std::string("%").append(inner).append("%");
    }
    pos = end + 1;
  }
  return {};
}

}  // namespace

std::string RuleViolation::describe() const {
  std::string out = "audience " + audience + ": " + field;
  if (!value.empty()) out += " '" + value + "'";
  out += " " + problem;
  if (!allowed.empty()) out += " (allowed: " + allowed + ")";
  return out;
}

bool is_calendar_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d)) return false;
  int year = to_int(y), month = to_int(m), day = to_int(d);
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = days[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

bool is_clock_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return false;
  auto h = s.substr(0, 2), m = s.substr(3, 2);
  return digits(h) && digits(m) && to_int(h) < 24 && to_int(m) < 60;
}

std::vector<RuleViolation> check_audience(const Audience& a, Card card) {
  std::vector<RuleViolation> out;
  auto bad = [&](std::string field, std::string value, std::string problem, std::string allowed) {
    out.push_back(
        {a.id, std::move(field), std::move(value), std::move(problem), std::move(allowed)});
  };
  const auto& s = a.schedule;

  if (a.id.empty()) bad("id", "", "is required", "");

  if (a.filename_template.empty()) {
    bad("filenameTemplate", "", "is required for a file-based destination",
        std::string(default_filename_template));
  } else {
    for (std::string_view required : {"%DESTINATION_NAME%", "%SEGMENT_ID%"}) {
      if (card == Card::legacy && a.filename_template.find(required) == std::string::npos) {
        bad("filenameTemplate", a.filename_template, "must contain " + std::string(required), "");
      }
    }
    if (card == Card::current && a.filename_template.size() > max_filename_template) {
      bad("filenameTemplate", a.filename_template.substr(0, 40) + "...",
          "is " + std::to_string(a.filename_template.size()) +
              " characters long; a current cloud-storage card's file names are at most " +
              std::to_string(max_filename_template),
          "");
    }
    if (auto macro = unknown_macro(a.filename_template); !macro.empty()) {
      std::string allowed;
      for (const char* m : known_macros)
        allowed.append("%").append(m).append("%, ");
      const bool datetime = macro.starts_with("%DATETIME");
      bad("filenameTemplate", a.filename_template,
          datetime ? "uses " + macro + ", a date format Adobe does not document"
                   : "uses an unknown macro " + macro,
          datetime ? std::string("%DATETIME(YYYYMMdd_HHmmss)%")
                   : allowed + "%DATETIME(YYYYMMdd_HHmmss)%, %custom text%");
    }
  }

  const bool full = a.export_mode == "DAILY_FULL_EXPORT";
  if (!one_of(export_modes, a.export_mode)) {
    bad("exportMode", a.export_mode, a.export_mode.empty() ? "is required" : "is not valid",
        join(export_modes));
  }

  bool frequency_fits = true;  // with the export mode: the end date rules follow from both
  if (full && !one_of(full_export_frequencies, s.frequency)) {
    frequency_fits = false;
    bad("schedule.frequency", s.frequency, "is not valid with exportMode DAILY_FULL_EXPORT",
        join(full_export_frequencies));
  } else if (a.export_mode == "FIRST_FULL_THEN_INCREMENTAL" &&
             !one_of(incremental_frequencies, s.frequency)) {
    frequency_fits = false;
    bad("schedule.frequency", s.frequency,
        "is not valid with exportMode FIRST_FULL_THEN_INCREMENTAL", join(incremental_frequencies));
  }

  if (s.trigger_type.empty()) {
    if (full)
      bad("schedule.triggerType", "", "is required with exportMode DAILY_FULL_EXPORT",
          join(trigger_types));
  } else if (!one_of(trigger_types, s.trigger_type)) {
    bad("schedule.triggerType", s.trigger_type, "is not valid", join(trigger_types));
  }

  if (s.start_date.empty()) {
    bad("schedule.startDate", "", "is required", "YYYY-MM-DD");
  } else if (!is_calendar_date(s.start_date)) {
    bad("schedule.startDate", s.start_date, "is not a calendar date", "YYYY-MM-DD");
  }

  const bool after_eval = s.trigger_type == "AFTER_SEGMENT_EVAL";
  if (after_eval) {
    if (!s.start_time.empty()) {
      bad("schedule.startTime", s.start_time,
          "does not apply with triggerType AFTER_SEGMENT_EVAL (the export follows segmentation)",
          "");
    }
  } else if (s.start_time.empty()) {
    bad("schedule.startTime", "",
        s.trigger_type.empty() ? "is required" : "is required with triggerType " + s.trigger_type,
        "HH:MM in UTC, on the hour, e.g. 17:00");
  } else if (!is_clock_time(s.start_time)) {
    bad("schedule.startTime", s.start_time, "is not a 24-hour time", "HH:MM in UTC, e.g. 17:00");
  } else if (!s.start_time.ends_with(":00")) {
    bad("schedule.startTime", s.start_time, "must be on the hour (minutes 00)", "e.g. 17:00");
  }

  // The end date rules depend on the export mode and the frequency; an invalid mode, or a
  // frequency the mode does not take, is reported once, above (an end date "required with
  // frequency ONCE" would contradict it).
  const bool once = s.frequency == "ONCE";
  if (!one_of(export_modes, a.export_mode) || !frequency_fits) {
    return out;
  }
  if (full && once) {
    if (!s.end_date.empty()) {
      bad("schedule.endDate", s.end_date,
          "does not apply to a one-time export (DAILY_FULL_EXPORT with frequency ONCE)", "");
    }
  } else if (s.end_date.empty()) {
    if (!s.frequency.empty()) {
      bad("schedule.endDate", "", "is required with frequency " + s.frequency, "YYYY-MM-DD");
    }
  } else if (!is_calendar_date(s.end_date)) {
    bad("schedule.endDate", s.end_date, "is not a calendar date", "YYYY-MM-DD");
  } else if (is_calendar_date(s.start_date) && s.end_date < s.start_date) {
    bad("schedule.endDate", s.end_date, "is before startDate " + s.start_date, "");
  }
  return out;
}

json segment_selector(const Audience& a) {
  json schedule = {{"frequency", a.schedule.frequency}, {"startDate", a.schedule.start_date}};
  if (!a.schedule.trigger_type.empty()) schedule["triggerType"] = a.schedule.trigger_type;
  if (!a.schedule.start_time.empty()) schedule["startTime"] = a.schedule.start_time;
  if (!a.schedule.end_date.empty()) schedule["endDate"] = a.schedule.end_date;
  json value = {{"id", a.id}};
  if (!a.name.empty()) value["name"] = a.name;
  if (!a.description.empty()) value["description"] = a.description;
  value["filenameTemplate"] = a.filename_template;
  value["exportMode"] = a.export_mode;
  value["schedule"] = std::move(schedule);
  return {{"type", "PLATFORM_SEGMENT"}, {"value", std::move(value)}};
}

json profile_selector(std::string_view path) {
  return {{"type", "JSON_PATH"}, {"value", {{"path", path}}}};
}

json activation_patch(const std::vector<Audience>& audiences,
                      const std::vector<std::string>& attributes) {
  json ops = json::array();
  for (const auto& a : audiences) {
    ops.push_back(
        {{"op", "add"}, {"path", segment_selectors_path}, {"value", segment_selector(a)}});
  }
  for (const auto& p : attributes) {
    ops.push_back(
        {{"op", "add"}, {"path", profile_selectors_path}, {"value", profile_selector(p)}});
  }
  return ops;
}

namespace {

Audience audience_from(const json& value) {
  Audience a;
  a.id = text_of(value, "id");
  a.name = text_of(value, "name");
  a.description = text_of(value, "description");
  a.filename_template = text_of(value, "filenameTemplate");
  a.export_mode = text_of(value, "exportMode");
  const json& s = member(value, "schedule");
  a.schedule = {text_of(s, "frequency"), text_of(s, "triggerType"), text_of(s, "startDate"),
                text_of(s, "startTime"), text_of(s, "endDate")};
  return a;
}

std::vector<std::string> strings_of(const json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::vector<DedupKey> dedup_keys_of(const json& j) {
  std::vector<DedupKey> out;
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    if (auto k = DedupKey::from_json(v)) out.push_back(*k);
  }
  return out;
}

std::optional<MappingSetRef> mapping_in(const json& params) {
  const json& m = member(params, "profileMapping");
  const std::string id = text_of(m, "mappingId");
  if (id.empty()) return std::nullopt;
  MappingSetRef ref{id, 0};
  if (const json& v = member(m, "mappingVersion"); v.is_number_integer())
    ref.version = v.get<int>();
  return ref;
}

}  // namespace

DedupKey DedupKey::parse(std::string_view t) {
  if (t.starts_with("identity:")) return {Kind::identity, std::string(t.substr(9))};
  return {Kind::attribute, std::string(t)};
}

std::string DedupKey::text() const {
  return kind == Kind::identity ? "identity:" + value : value;
}

json DedupKey::to_json() const {
  if (kind == Kind::identity) return {{"fieldType", "IDENTITY"}, {"identityNamespace", value}};
  return {{"fieldType", "ATTRIBUTE"}, {"attributePath", value}};
}

std::optional<DedupKey> DedupKey::from_json(const json& j) {
  const std::string type = aepflow::text_of(j, "fieldType");
  if (type == "IDENTITY" && !aepflow::text_of(j, "identityNamespace").empty()) {
    return DedupKey{Kind::identity, aepflow::text_of(j, "identityNamespace")};
  }
  if (type == "ATTRIBUTE" && !aepflow::text_of(j, "attributePath").empty()) {
    return DedupKey{Kind::attribute, aepflow::text_of(j, "attributePath")};
  }
  return std::nullopt;
}

FlowContents read_flow_contents(const json& flow) {
  FlowContents out;
  const json& transformations = member(flow, "transformations");
  if (!transformations.is_array() || transformations.empty()) return out;
  // Activation works on the first transformation, as the documented patch paths do.
  const json& params = member(transformations[0], "params");
  out.has_transformation = params.is_object();
  const json& segment_selectors = member(params, "segmentSelectors");
  out.has_segment_selectors = member(segment_selectors, "selectors").is_array();
  if (out.has_segment_selectors) {
    for (const auto& sel : member(segment_selectors, "selectors")) {
      out.audiences.push_back(audience_from(member(sel, "value")));
      out.selectors.push_back(sel);
    }
  }
  const json& profile = member(params, "profileSelectors");
  out.legacy = profile.is_object();
  for (const auto& sel :
       member(profile, "selectors").is_array() ? member(profile, "selectors") : json::array()) {
    std::string path = text_of(member(sel, "value"), "path");
    if (!path.empty()) out.attributes.push_back(std::move(path));
  }
  for (const auto& path : out.attributes) {
    if (is_identity_source(path)) out.identities.push_back(identity_code(path));
  }
  out.mapped = out.has_transformation && !out.legacy;
  if (out.mapped) out.mapping_set = mapping_in(params);
  const json& home = out.legacy ? profile : params;
  out.mandatory = strings_of(member(home, "mandatoryFields"));
  out.dedup_keys = dedup_keys_of(member(home, "primaryFields"));
  return out;
}

FlowContents with_mappings(FlowContents c, std::vector<Mapping> mappings) {
  c.attributes.clear();
  c.identities.clear();
  for (const auto& m : mappings) {
    if (is_identity_source(m.source)) {
      c.identities.push_back(identity_code(m.source));
    } else {
      c.attributes.push_back(m.source);
    }
  }
  c.mappings = std::move(mappings);
  return c;
}

}  // namespace aepflow
