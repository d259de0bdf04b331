#include "aepflow/activation/activation.hpp"

#include <catch2/catch.hpp>
#include <functional>

using namespace aepflow;
using nlohmann::json;

namespace {

Audience valid_full_once() {
  Audience a;
  a.id = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
  a.filename_template = std::string(default_filename_template);
  a.export_mode = "DAILY_FULL_EXPORT";
  a.schedule = {"ONCE", "SCHEDULED", "2026-12-20", "17:00", ""};
  return a;
}

std::vector<std::string> fields(const std::vector<RuleViolation>& v) {
  std::vector<std::string> out;
  for (const auto& x : v)
    out.push_back(x.field);
  return out;
}

}  // namespace

TEST_CASE("the tutorial's schedules pass every rule", "[activation]") {
  CHECK(check_audience(valid_full_once()).empty());
  Audience inc = valid_full_once();
  inc.export_mode = "FIRST_FULL_THEN_INCREMENTAL";
  inc.schedule = {"EVERY_6_HOURS", "SCHEDULED", "2021-12-22", "17:00", "2021-12-31"};
  CHECK(check_audience(inc).empty());
  Audience after = valid_full_once();
  after.schedule = {"DAILY", "AFTER_SEGMENT_EVAL", "2022-07-20", "", "2022-07-30"};
  CHECK(check_audience(after).empty());
  Audience custom = valid_full_once();
  custom.filename_template =
      "%DESTINATION_NAME%_%SEGMENT_ID%_%SEGMENT_NAME%_%TIMESTAMP%_%this is custom text%";
  CHECK(check_audience(custom).empty());
}

TEST_CASE("each broken rule names the audience, the field, the value and what is allowed",
          "[activation]") {
  Audience a = valid_full_once();
  SECTION("filename template without a required macro") {
    a.filename_template = "%SEGMENT_ID%_export";
    auto v = check_audience(a);
    REQUIRE(v.size() == 1);
    CHECK(v[0].field == "filenameTemplate");
    CHECK(v[0].describe() ==
          "audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a: filenameTemplate '%SEGMENT_ID%_export' "
          "must contain %DESTINATION_NAME%");
  }
  SECTION("unknown macro") {
    a.filename_template = "%DESTINATION_NAME%_%SEGMENT_ID%_%SEGMENTID%";
    auto v = check_audience(a);
    REQUIRE(v.size() == 1);
    CHECK_THAT(v[0].problem, Catch::Contains("%SEGMENTID%"));
  }
  SECTION("DATETIME with a format Adobe does not document") {
    a.filename_template = "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(bad)%";
    auto v = check_audience(a);
    REQUIRE(v.size() == 1);
    CHECK(v[0].problem == "uses %DATETIME(bad)%, a date format Adobe does not document");
    CHECK(v[0].allowed == "%DATETIME(YYYYMMdd_HHmmss)%");
  }
  SECTION("DATETIME without its format") {
    a.filename_template = "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME%";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"filenameTemplate"});
  }
  SECTION("export mode") {
    a.export_mode = "WEEKLY_EXPORT";
    auto v = check_audience(a);
    REQUIRE(v.size() == 1);
    CHECK(v[0].field == "exportMode");
    CHECK(v[0].allowed == "DAILY_FULL_EXPORT, FIRST_FULL_THEN_INCREMENTAL");
  }
  SECTION("an hourly frequency with a full export") {
    a.schedule.frequency = "EVERY_3_HOURS";
    a.schedule.end_date = "2026-12-31";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.frequency"});
  }
  SECTION("WEEKLY and MONTHLY are not in the service's enum") {
    for (const char* frequency : {"WEEKLY", "MONTHLY"}) {
      a.schedule.frequency = frequency;
      a.schedule.end_date = "2026-12-31";
      auto v = check_audience(a);
      REQUIRE(fields(v) == std::vector<std::string>{"schedule.frequency"});
      CHECK(v[0].allowed == "ONCE, DAILY");
    }
  }
  SECTION("ONCE with an incremental export") {
    a.export_mode = "FIRST_FULL_THEN_INCREMENTAL";
    auto f = fields(check_audience(a));
    CHECK(f.front() == "schedule.frequency");
  }
  SECTION("trigger type is required with a full export") {
    a.schedule.trigger_type = "";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.triggerType"});
  }
  SECTION("unknown trigger type") {
    a.schedule.trigger_type = "CHAINED";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.triggerType"});
  }
  SECTION("start time is required with SCHEDULED, as HH:MM on the hour") {
    a.schedule.start_time = "";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.startTime"});
    a.schedule.start_time = "5pm";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.startTime"});
    a.schedule.start_time = "24:00";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.startTime"});
    a.schedule.start_time = "17:30";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.startTime"});
  }
  SECTION("start time does not apply after segment evaluation") {
    a.schedule.trigger_type = "AFTER_SEGMENT_EVAL";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.startTime"});
  }
  SECTION("dates must be real calendar dates") {
    a.schedule.start_date = "2026-02-30";
    auto v = check_audience(a);
    REQUIRE(v.size() == 1);
    CHECK(v[0].describe() ==
          "audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a: schedule.startDate '2026-02-30' is not "
          "a calendar date (allowed: YYYY-MM-DD)");
  }
  SECTION("end date is refused with DAILY_FULL_EXPORT and ONCE") {
    a.schedule.end_date = "2026-12-31";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.endDate"});
  }
  SECTION("end date is required for a recurring export and not before the start") {
    a.schedule.frequency = "DAILY";
    CHECK(fields(check_audience(a)) == std::vector<std::string>{"schedule.endDate"});
    a.schedule.end_date = "2026-12-19";
    auto v = check_audience(a);
    REQUIRE(v.size() == 1);
    CHECK_THAT(v[0].problem, Catch::Contains("before startDate 2026-12-20"));
    a.schedule.end_date = "2026-12-20";
    CHECK(check_audience(a).empty());
  }
}

TEST_CASE("calendar dates and clock times", "[activation]") {
  CHECK(is_calendar_date("2024-02-29"));
  CHECK_FALSE(is_calendar_date("2023-02-29"));
  CHECK(is_calendar_date("2000-02-29"));
  CHECK_FALSE(is_calendar_date("1900-02-29"));
  CHECK_FALSE(is_calendar_date("2026-13-01"));
  CHECK_FALSE(is_calendar_date("2026-04-31"));
  CHECK_FALSE(is_calendar_date("2026-4-1"));
  CHECK_FALSE(is_calendar_date("20261201"));
  CHECK(is_clock_time("00:00"));
  CHECK(is_clock_time("23:59"));
  CHECK_FALSE(is_clock_time("7:00"));
  CHECK_FALSE(is_clock_time("12:60"));
}

TEST_CASE("the activation patch adds each audience, then each attribute, at the end",
          "[activation]") {
  Audience a = valid_full_once();
  a.name = "Interested in Mountain Biking";
  json ops = activation_patch({a}, {"person.lastName"});
  CHECK(ops == json::parse(R"([
    {"op":"add","path":"/transformations/0/params/segmentSelectors/selectors/-",
     "value":{"type":"PLATFORM_SEGMENT","value":{
        "id":"9f7d37fd-7039-4454-94ef-2b0cd6c3206a","name":"Interested in Mountain Biking",
        "filenameTemplate":"%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%",
        "exportMode":"DAILY_FULL_EXPORT",
        "schedule":{"frequency":"ONCE","triggerType":"SCHEDULED","startDate":"2026-12-20","startTime":"17:00"}}}},
    {"op":"add","path":"/transformations/0/params/profileSelectors/selectors/-",
     "value":{"type":"JSON_PATH","value":{"path":"person.lastName"}}}
  ])"));
}

TEST_CASE("reading a flow's audiences and attributes tolerates missing pieces", "[activation]") {
  CHECK(read_flow_contents(json::object()).audiences.empty());
  CHECK(read_flow_contents(json{{"transformations", "nonsense"}}).attributes.empty());
  json flow = json::parse(R"({"transformations":[{"name":"GeneralTransform","params":{
      "segmentSelectors":{"selectors":[{"type":"PLATFORM_SEGMENT","value":{"id":"s1","name":"One",
         "exportMode":"DAILY_FULL_EXPORT","schedule":{"frequency":"ONCE","startDate":"2022-07-22"}}},
         {"type":"PLATFORM_SEGMENT"}]},
      "profileSelectors":{"selectors":[{"type":"JSON_PATH","value":{"path":"person.name.firstName",
         "operator":"EXISTS"}},{"type":"JSON_PATH"}]}}}]})");
  auto c = read_flow_contents(flow);
  REQUIRE(c.audiences.size() == 2);
  CHECK(c.audiences[0].id == "s1");
  CHECK(c.audiences[0].schedule.start_date == "2022-07-22");
  CHECK(c.audiences[1].id.empty());
  CHECK(c.attributes == std::vector<std::string>{"person.name.firstName"});
}

TEST_CASE("every activation rule, good and bad values, in one table", "[activation][rules]") {
  // Each row changes the tutorial's valid one-time export, then names the fields that must be
  // reported (none: the row is valid).
  struct Row {
    const char* what;
    std::function<void(Audience&)> change;
    std::vector<std::string> reported;
  };
  auto set = [](std::string Audience::*f, std::string v) {
    return [f, v](Audience& a) { a.*f = v; };
  };
  auto sched = [](std::string Schedule::*f, std::string v) {
    return [f, v](Audience& a) { a.schedule.*f = v; };
  };
  auto both = [](std::function<void(Audience&)> x, std::function<void(Audience&)> y) {
    return [x, y](Audience& a) {
      x(a);
      y(a);
    };
  };
  const std::vector<Row> table = {
      {"as given", [](Audience&) {}, {}},
      // filename template
      {"template with SEGMENT_NAME and TIMESTAMP",
       set(&Audience::filename_template,
           "%DESTINATION_NAME%_%SEGMENT_ID%_%SEGMENT_NAME%_%TIMESTAMP%"),
       {}},
      {"template with custom text",
       set(&Audience::filename_template, "%DESTINATION_NAME%_%SEGMENT_ID%_extra"),
       {}},
      {"template with the documented DATETIME format",
       set(&Audience::filename_template,
           "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%"),
       {}},
      {"template with an undocumented DATETIME format",
       set(&Audience::filename_template, "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd)%"),
       {"filenameTemplate"}},
      {"template with DATETIME(bad)",
       set(&Audience::filename_template, "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(bad)%"),
       {"filenameTemplate"}},
      {"template empty", set(&Audience::filename_template, ""), {"filenameTemplate"}},
      {"template without DESTINATION_NAME",
       set(&Audience::filename_template, "%SEGMENT_ID%"),
       {"filenameTemplate"}},
      {"template without SEGMENT_ID",
       set(&Audience::filename_template, "%DESTINATION_NAME%"),
       {"filenameTemplate"}},
      {"template with an unknown macro",
       set(&Audience::filename_template, "%DESTINATION_NAME%_%SEGMENT_ID%_%ORG%"),
       {"filenameTemplate"}},
      // export mode and frequency
      {"incremental every 3 hours",
       both(set(&Audience::export_mode, "FIRST_FULL_THEN_INCREMENTAL"),
            both(sched(&Schedule::frequency, "EVERY_3_HOURS"),
                 sched(&Schedule::end_date, "2026-12-31"))),
       {}},
      {"export mode empty", set(&Audience::export_mode, ""), {"exportMode"}},
      {"export mode unknown", set(&Audience::export_mode, "HOURLY_EXPORT"), {"exportMode"}},
      {"full export daily",
       both(sched(&Schedule::frequency, "DAILY"), sched(&Schedule::end_date, "2026-12-31")),
       {}},
      {"full export every 6 hours",
       both(sched(&Schedule::frequency, "EVERY_6_HOURS"), sched(&Schedule::end_date, "2026-12-31")),
       {"schedule.frequency"}},
      // One reason: the frequency. An end date "required with frequency ONCE" would contradict it.
      {"incremental once",
       set(&Audience::export_mode, "FIRST_FULL_THEN_INCREMENTAL"),
       {"schedule.frequency"}},
      {"frequency CHAINED", sched(&Schedule::frequency, "CHAINED"), {"schedule.frequency"}},
      // trigger type
      {"trigger after segment evaluation, no start time",
       both(sched(&Schedule::trigger_type, "AFTER_SEGMENT_EVAL"), sched(&Schedule::start_time, "")),
       {}},
      {"trigger missing with a full export",
       sched(&Schedule::trigger_type, ""),
       {"schedule.triggerType"}},
      {"trigger unknown", sched(&Schedule::trigger_type, "ON_DEMAND"), {"schedule.triggerType"}},
      // start time
      {"start time missing with SCHEDULED",
       sched(&Schedule::start_time, ""),
       {"schedule.startTime"}},
      {"start time 23:00", sched(&Schedule::start_time, "23:00"), {}},
      {"start time 7:00", sched(&Schedule::start_time, "7:00"), {"schedule.startTime"}},
      {"start time 24:00", sched(&Schedule::start_time, "24:00"), {"schedule.startTime"}},
      {"start time 17:15", sched(&Schedule::start_time, "17:15"), {"schedule.startTime"}},
      {"start time with AFTER_SEGMENT_EVAL",
       sched(&Schedule::trigger_type, "AFTER_SEGMENT_EVAL"),
       {"schedule.startTime"}},
      // dates
      {"start date missing", sched(&Schedule::start_date, ""), {"schedule.startDate"}},
      {"start date 29 February of a leap year", sched(&Schedule::start_date, "2028-02-29"), {}},
      {"start date 29 February otherwise",
       sched(&Schedule::start_date, "2027-02-29"),
       {"schedule.startDate"}},
      {"start date 31 April", sched(&Schedule::start_date, "2026-04-31"), {"schedule.startDate"}},
      {"start date as 2026/12/20",
       sched(&Schedule::start_date, "2026/12/20"),
       {"schedule.startDate"}},
      {"end date with a one-time full export",
       sched(&Schedule::end_date, "2026-12-31"),
       {"schedule.endDate"}},
      {"end date missing for a daily export",
       sched(&Schedule::frequency, "DAILY"),
       {"schedule.endDate"}},
      {"end date before the start",
       both(sched(&Schedule::frequency, "DAILY"), sched(&Schedule::end_date, "2026-12-19")),
       {"schedule.endDate"}},
      {"end date equal to the start",
       both(sched(&Schedule::frequency, "DAILY"), sched(&Schedule::end_date, "2026-12-20")),
       {}},
      {"end date not a date",
       both(sched(&Schedule::frequency, "DAILY"), sched(&Schedule::end_date, "2026-13-01")),
       {"schedule.endDate"}},
      {"id missing", set(&Audience::id, ""), {"id"}},
  };
  for (const auto& row : table) {
    CAPTURE(row.what);
    Audience a = valid_full_once();
    row.change(a);
    auto v = check_audience(a);
    CHECK(fields(v) == row.reported);
    for (const auto& x : v) {
      CHECK_FALSE(x.problem.empty());
      CHECK_THAT(x.describe(), Catch::StartsWith("audience " + a.id + ": " + x.field));
    }
  }
}

TEST_CASE("a current card's filename template: any V2 macro, none required, 255 characters",
          "[activation][rules]") {
  Audience a = valid_full_once();
  // Batch_Flow_Profile_Mapping_And_Identities_V2's template names no %DESTINATION_NAME%.
  a.filename_template =
      "%DESTINATION%_%SEGMENT_ID%_%SEGMENT_NAME%_%DESTINATION_INSTANCE_ID%_"
      "%DESTINATION_INSTANCE_NAME%_%DATETIME(YYYYMMdd_HHmmss)%";
  CHECK(check_audience(a, Card::current).empty());
  CHECK(check_audience(a, Card::unknown).empty());
  CHECK(fields(check_audience(a, Card::legacy)) == std::vector<std::string>{"filenameTemplate"});

  a.filename_template = "%ORGANIZATION_NAME%_%SANDBOX_NAME%_%TIMESTAMP%_export";
  CHECK(check_audience(a, Card::current).empty());
  a.filename_template = std::string(default_filename_template);  // the V2 example's own
  CHECK(check_audience(a, Card::current).empty());

  a.filename_template = "%DESTINATION%_%SEGMENT_ID%_" + std::string(240, 'x');
  auto long_one = check_audience(a, Card::current);
  REQUIRE(long_one.size() == 1);
  CHECK_THAT(long_one[0].problem,
             Catch::Contains("is 267 characters long") && Catch::Contains("at most 255"));
  CHECK(check_audience(a, Card::unknown).empty());  // the length is the card's rule
  a.filename_template.resize(255);
  CHECK(check_audience(a, Card::current).empty());

  a.filename_template = "%DESTINATION%_%SEGMENT_ID%_%DESTINATION_INSTANCE%";
  for (Card card : {Card::current, Card::unknown}) {
    auto v = check_audience(a, card);
    REQUIRE(v.size() == 1);
    CHECK_THAT(v[0].describe(), Catch::Contains("uses an unknown macro %DESTINATION_INSTANCE%") &&
                                    Catch::Contains("%DESTINATION_INSTANCE_NAME%") &&
                                    Catch::Contains("%SANDBOX_NAME%"));
  }
  a.filename_template = "";
  CHECK(fields(check_audience(a, Card::current)) == std::vector<std::string>{"filenameTemplate"});
}

TEST_CASE("a flow's kind, mapping set and identities, as read", "[activation]") {
  json legacy = json::parse(R"({"transformations":[{"params":{
      "segmentSelectors":{"selectors":[]},
      "profileSelectors":{"selectors":[{"type":"JSON_PATH","value":{"path":"person.name.firstName"}},
                                       {"type":"JSON_PATH","value":{"path":"identityMap.Email"}}]}}}]})");
  auto l = read_flow_contents(legacy);
  CHECK(l.legacy);
  CHECK_FALSE(l.mapped);
  CHECK(l.attributes == std::vector<std::string>{"person.name.firstName", "identityMap.Email"});
  CHECK(l.identities == std::vector<std::string>{"Email"});
  CHECK_FALSE(l.mapping_set);

  json current = json::parse(R"({"transformations":[{"params":{
      "mandatoryFields":["ECID"],"primaryFields":[{"identityNamespace":"ECID","fieldType":"IDENTITY"}],
      "profileMapping":{"mappingId":"5d21b87871df4f5ea93b436c5e8da224","mappingVersion":3},
      "segmentSelectors":{"selectors":[]}}}]})");
  auto c = read_flow_contents(current);
  CHECK(c.mapped);
  REQUIRE(c.mapping_set);
  CHECK(c.mapping_set->id == "5d21b87871df4f5ea93b436c5e8da224");
  CHECK(c.mapping_set->version == 3);
  CHECK(c.attributes.empty());  // in the mapping set, not the flow
  CHECK(c.mandatory == std::vector<std::string>{"ECID"});

  auto m = with_mappings(c, {{"person.name.firstName", "person_name_firstName"},
                             {"identityMap.Phone_E//.164", "Phone_E_164"},
                             {"loyalty.tier", "loyalty_tier"}});
  CHECK(m.attributes == std::vector<std::string>{"person.name.firstName", "loyalty.tier"});
  CHECK(m.identities == std::vector<std::string>{"Phone_E.164"});
  CHECK(m.mappings.size() == 3);

  json empty_mapping = current;
  empty_mapping["transformations"][0]["params"]["profileMapping"] = json::object();
  CHECK_FALSE(read_flow_contents(empty_mapping).mapping_set);
  CHECK(read_flow_contents(empty_mapping).mapped);
}
