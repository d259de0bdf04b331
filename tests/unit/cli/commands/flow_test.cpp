// flow create, activate and validate: argv -> requests -> output and exit code.
#include <catch2/catch.hpp>

#include "cli_harness.hpp"
#include "command_helpers.hpp"
#include "commands/flow/activate.hpp"
#include "commands/flow/create.hpp"
#include "seed_specs.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

TEST_CASE("flow create resolves a destination name to its flow spec", "[commands]") {
  struct Dest {
    const char* given;
    const char* flow_spec;
    const char* target_spec;
  };
  auto dest = GENERATE(
      Dest{"Oracle Responsys", "51d675ce-e270-408d-91fc-22717bdf2148",
           "a5e28ddf-e265-426e-83a1-9d03a3a6822b"},
      Dest{"sfmc", "493b2bd6-26e4-4167-ab3b-5e910bba44f0", "f599a5b3-60a7-4951-950a-cc4115c7ea27"},
      Dest{"Adobe Campaign", "71471eba-b620-49e4-90fd-23f1fa0174d8",
           "0b23e41a-cb4a-4321-a78f-3b654f5d7d97"},
      Dest{"71471eba-b620-49e4-90fd-23f1fa0174d8", "71471eba-b620-49e4-90fd-23f1fa0174d8",
           "4890fc95-5a1f-4983-94bb-e060c08e3f81"});
  auto f = fake();
  test::stub_flow_checks(*f, dest.flow_spec, "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
                         "8a9c3494-9708-43d7-ae3f-cda01e5030e1",
                         "12ab90c7-519c-4291-bd20-d64186b62da8", dest.target_spec);
  f->on(Method::post, "/flows", 201, R"({"id":"flow-1","etag":"\"e\""})");
  auto r = run_cli(with_credentials({"flow", "create", "--name", "F", "--flow-spec", dest.given,
                                     "--source", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97", "--target",
                                     "12ab90c7-519c-4291-bd20-d64186b62da8", "-o", "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(r.out == "flow-1\n");
  CHECK(body_of(f->sent[3])["flowSpec"]["id"] == dest.flow_spec);
}

TEST_CASE("activate reads the etag, then sends one PATCH with every audience and attribute",
          "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"etag-1\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 200,
        json{{"id", kFlow}, {"etag", "\"etag-2\""}}.dump());
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--audience",
                                     std::string(kSegment) + "=Interested in Mountain Biking",
                                     "--audience", kSegment2, "--attribute", "person.lastName",
                                     "--start-time", "17:00", "-o", "table"}),
                   f);
  CHECK(r.code == 0);
  REQUIRE(f->sent.size() == 2);
  const auto& patch = f->sent[1].request;
  CHECK(header_of(f->sent[1], "If-Match") == "\"etag-1\"");
  json ops = json::parse(patch.body);
  REQUIRE(ops.size() == 3);
  CHECK(ops[0]["value"]["value"] ==
        json{{"id", kSegment},
             {"name", "Interested in Mountain Biking"},
             {"filenameTemplate", "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%"},
             {"exportMode", "DAILY_FULL_EXPORT"},
             {"schedule",
              {{"frequency", "ONCE"},
               {"triggerType", "SCHEDULED"},
               {"startDate", "2026-11-28"},  // today in UTC
               {"startTime", "17:00"}}}});
  CHECK(ops[1]["value"]["value"]["id"] == kSegment2);
  CHECK(ops[2] ==
        json{{"op", "add"},
             {"path", "/transformations/0/params/profileSelectors/selectors/-"},
             {"value", {{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}}}});
  CHECK_THAT(r.out, Catch::StartsWith("Activated in sandbox prod\n"));
  CHECK(has_line(r.out, "added", std::string("2: ") + kSegment + ", " + kSegment2));
  CHECK(has_line(r.out, "attributes", "1: person.lastName"));
  CHECK(has_line(r.out, "etag", "\"etag-2\""));
}

TEST_CASE("an etag given in any form goes out as If-Match with one pair of quotes",
          "[commands][activate]") {
  auto given = GENERATE(as<std::string>{}, "0000d781-0000-0200-0000-63e29f420000",
                        "\"0000d781-0000-0200-0000-63e29f420000\"",
                        "\\\"0000d781-0000-0200-0000-63e29f420000\\\"");
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200,
        flow_json("\"0000d781-0000-0200-0000-63e29f420000\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 200,
        json{{"id", kFlow}, {"etag", "\"n\""}}.dump());
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", given, "-o", "id"}),
                   f);
  CHECK(r.code == 0);
  CHECK(r.out == std::string(kFlow) + "\n");
  REQUIRE(f->sent.size() == 2);  // the read that plans the change, then the patch
  CHECK(header_of(f->sent[1], "If-Match") == "\"0000d781-0000-0200-0000-63e29f420000\"");
}

TEST_CASE("an etag that is no longer current exits 5 before anything is sent",
          "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"newer\""));
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "older"}),
                   f);
  CHECK(r.code == 5);
  CHECK_THAT(r.err, Catch::Contains("the dataflow has changed since etag \"older\" (it is now "
                                    "\"newer\"); nothing was sent"));
  CHECK(f->sent.size() == 1);
}

TEST_CASE("audiences and attributes already on the flow are not added twice",
          "[commands][activate]") {
  json present = json::array({{{"type", "PLATFORM_SEGMENT"}, {"value", {{"id", kSegment}}}}});
  json attrs = json::array({{{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}}});
  SECTION("some new: only they are sent") {
    auto f = fake();
    f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
    f->on(Method::patch, std::string("/flows/") + kFlow, 200,
          json{{"id", kFlow}, {"etag", "\"n\""}}.dump());
    auto r = run_cli(
        with_credentials({"flow", "activate", kFlow, "--audience", kSegment, "--audience",
                          kSegment2, "--attribute", "person.lastName", "--start-time", "17:00"}),
        f);
    CHECK(r.code == 0);
    CHECK_THAT(r.err, Catch::Contains(std::string("audience ") + kSegment +
                                      " is already on the dataflow"));
    CHECK_THAT(r.err, Catch::Contains("attribute person.lastName is already on the dataflow"));
    json ops = json::parse(f->sent[1].request.body);
    REQUIRE(ops.size() == 1);
    CHECK(ops[0]["value"]["value"]["id"] == kSegment2);
  }
  SECTION("nothing new: no PATCH at all") {
    auto f = fake();
    f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
    auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--audience", kSegment,
                                       "--start-time", "17:00", "-o", "id"}),
                     f);
    CHECK(r.code == 0);
    CHECK(r.out == std::string(kFlow) + "\n");
    CHECK_THAT(r.err, Catch::Contains("nothing to do"));
    CHECK(f->sent.size() == 1);
  }
}

TEST_CASE("a stale etag exits 5 and says how to recover", "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"old\""));
  f->on(
      Method::patch, std::string("/flows/") + kFlow, 412,
      R"({"type":"https://ns.adobe.com/aep/errors/FLOW-1404-412","title":"Version not matching","status":412,
            "report":{"detailed-message":"Supplied version=[\"old\"] does not match the current version on entity=[\"new\"]","request-id":"r-9"}})");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "old"}),
                   f);
  CHECK(r.code == 5);
  CHECK_THAT(r.err, Catch::StartsWith("error: update dataflow " + std::string(kFlow) +
                                      ": HTTP 412 [FLOW-1404-412]"));
  CHECK_THAT(r.err, Catch::Contains("run again without --etag"));
  CHECK_THAT(r.err, Catch::Contains("(request id r-9)"));
  CHECK(r.out.empty());
}

TEST_CASE("a 202 with no body is a success without a new etag", "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 202, "");
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "e", "-o", "table"}),
                   f);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("accepted; the service returned no etag"));
  auto g = fake();
  g->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\""));
  g->on(Method::patch, std::string("/flows/") + kFlow, 202, "");
  auto j = run_cli(with_credentials({"flow", "activate", kFlow, "--attribute", "person.lastName",
                                     "--etag", "e", "-o", "json"}),
                   g);
  CHECK(j.code == 0);
  json answer = json::parse(j.out);
  CHECK(answer["id"] == kFlow);
  CHECK(answer["status"] == 202);
  CHECK(answer["changed"] == true);
  CHECK_FALSE(answer.contains("etag"));
}

TEST_CASE("validate exits 7 and names what is missing", "[commands][validate]") {
  json present = json::array(
      {{{"type", "PLATFORM_SEGMENT"},
        {"value",
         {{"id", kSegment},
          {"name", "Interested in Mountain Biking"},
          {"exportMode", "DAILY_FULL_EXPORT"},
          {"schedule",
           {{"frequency", "ONCE"}, {"startDate", "2021-12-20"}, {"startTime", "17:00"}}}}}}});
  json attrs = json::array({{{"type", "JSON_PATH"}, {"value", {{"path", "person.lastName"}}}}});
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
  auto r = run_cli(
      with_credentials({"flow", "validate", kFlow, "--expect-audience", kSegment,
                        "--expect-audience", kSegment2, "--expect-attribute", "person.lastName",
                        "--expect-attribute", "personalEmail.address", "-o", "json"}),
      f);
  CHECK(r.code == 7);
  json report = json::parse(r.out);
  CHECK(report["valid"] == false);
  CHECK(report["missing"]["audiences"] == json::array({kSegment2}));
  CHECK(report["missing"]["attributes"] == json::array({"personalEmail.address"}));
  CHECK(report["audiences"][0]["name"] == "Interested in Mountain Biking");
  CHECK(report["attributes"] == json::array({"person.lastName"}));
  CHECK_THAT(r.err, Catch::Contains("is missing audiences " + std::string(kSegment2) +
                                    "; attributes personalEmail.address"));

  auto g = fake();
  g->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\"", present, attrs));
  auto ok = run_cli(
      with_credentials({"flow", "validate", kFlow, "--expect-audience", kSegment, "-o", "table"}),
      g);
  CHECK(ok.code == 0);
  CHECK_THAT(ok.out, Catch::Contains("Interested in Mountain Biking"));
  CHECK_THAT(ok.out, Catch::Contains("ONCE from 2021-12-20 at 17:00 UTC"));
  CHECK_THAT(ok.out, Catch::Contains("Valid: every expected audience"));
}

TEST_CASE("a flow spec that does not fit the connections is refused, with the one to use",
          "[commands][spec]") {
  SECTION("a dataset-export flow spec for the Profile Store") {
    auto f = fake();
    test::stub_flow_checks(
        *f, "269ba276-16fc-47db-92b0-c1049a3c131f", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
        "8a9c3494-9708-43d7-ae3f-cda01e5030e1", "12ab90c7-519c-4291-bd20-d64186b62da8",
        "4fce964d-3f37-408f-9778-e597338a21ee");
    auto r = run_cli(with_credentials({"flow", "create", "--name", "F", "--flow-spec",
                                       "269ba276-16fc-47db-92b0-c1049a3c131f", "--source",
                                       "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97", "--target",
                                       "12ab90c7-519c-4291-bd20-d64186b62da8"}),
                     f);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("flow spec Amazon S3 - Dataset (269ba276-16fc-47db-92b0-"
                                      "c1049a3c131f) reads from Data Lake"));
    CHECK_THAT(r.err, Catch::Contains("audiences need a flow spec for profile export"));
  }
  SECTION("Responsys's flow spec for an Adobe Campaign target") {
    auto f = fake();
    test::stub_flow_checks(
        *f, "51d675ce-e270-408d-91fc-22717bdf2148", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
        "8a9c3494-9708-43d7-ae3f-cda01e5030e1", "12ab90c7-519c-4291-bd20-d64186b62da8",
        "0b23e41a-cb4a-4321-a78f-3b654f5d7d97");
    auto r = run_cli(with_credentials({"flow", "create", "--name", "F", "--flow-spec", "Responsys",
                                       "--source", "ed48ae9b-c774-4b6e-88ae-9bc7748b6e97",
                                       "--target", "12ab90c7-519c-4291-bd20-d64186b62da8"}),
                     f);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains("does not export to Adobe Campaign"));
    CHECK_THAT(r.err, Catch::Contains("use the flow spec \"Adobe Campaign\" "
                                      "(71471eba-b620-49e4-90fd-23f1fa0174d8)"));
  }
}

TEST_CASE("an audiences file: each row's settings, flags for what a row leaves empty",
          "[commands][activate]") {
  auto f = fake();
  f->on(Method::get, std::string("/flows/") + kFlow, 200, flow_json("\"e\""));
  f->on(Method::patch, std::string("/flows/") + kFlow, 200,
        json{{"id", kFlow}, {"etag", "\"n\""}}.dump());
  std::string csv = "id,name,exportMode,frequency,startTime,endDate\n" + std::string(kSegment) +
                    ",Bikers,,,,\n" + kSegment2 +
                    ",Loyal,FIRST_FULL_THEN_INCREMENTAL,EVERY_6_HOURS,18:00,2026-12-31\n";
  auto r = run_cli(with_credentials({"flow", "activate", kFlow, "--audiences-file", "a.csv",
                                     "--start-time", "17:00", "--mandatory", "person.lastName",
                                     "--dedup-key", "identity:Email", "-o", "json"}),
                   f, {}, {{"a.csv", csv}});
  INFO(r.err);
  CHECK(r.code == 0);
  json ops = json::parse(f->sent[1].request.body);
  REQUIRE(ops.size() == 4);
  json first = ops[0]["value"]["value"];
  CHECK(first["name"] == "Bikers");
  CHECK(first["exportMode"] == "DAILY_FULL_EXPORT");  // the default
  CHECK(first["schedule"] == json{{"frequency", "ONCE"},
                                  {"triggerType", "SCHEDULED"},
                                  {"startDate", "2026-11-28"},
                                  {"startTime", "17:00"}});  // the flag
  json second = ops[1]["value"]["value"];
  CHECK(second["schedule"]["startTime"] == "18:00");  // the row wins over the flag
  CHECK(second["schedule"]["frequency"] == "EVERY_6_HOURS");
  CHECK(ops[2] == json{{"op", "add"},
                       {"path", "/transformations/0/params/profileSelectors/mandatoryFields"},
                       {"value", {"person.lastName"}}});
  CHECK(ops[3]["value"] ==
        json::parse(R"([{"fieldType":"IDENTITY","identityNamespace":"Email"}])"));
  json answer = json::parse(r.out);
  CHECK(answer["audiences"]["added"] == json::array({kSegment, kSegment2}));
  CHECK(answer["dedupKeys"] == json::array({"identity:Email"}));

  auto bad = run_cli(with_credentials({"flow", "activate", kFlow, "--audiences-file", "b.csv"}),
                     fake(), {}, {{"b.csv", "id,when\nx,y\n"}});
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("b.csv: line 1: unknown column 'when'"));
}

TEST_CASE("flow activate: argv -> options, repeatable flags in order, nothing sent",
          "[commands][options]") {
  using aepflow::cli::FlowActivateOptions;
  auto p = test::parse_command<FlowActivateOptions>(
      "flow",
      {"flow",
       "activate",
       kFlow,
       "--audience",
       kSegment,
       "--attribute",
       "person.name.lastName",
       "--audience",
       kSegment2 + std::string("=Loyalty"),
       "--attribute",
       "personalEmail.address",
       "--dedup-key",
       "identity:email",
       "--mandatory",
       "person.name.lastName",
       "--export-mode",
       "FIRST_FULL_THEN_INCREMENTAL",
       "--frequency",
       "EVERY_6_HOURS",
       "--start-time",
       "17:00",
       "--update",
       "--etag",
       "\"e1\""},
      [](auto& g, auto& ctx, auto run_f) { aepflow::cli::add_flow_activate(g, ctx, run_f); });
  REQUIRE(p.run.code == 0);
  REQUIRE(p.options);
  const auto& o = *p.options;
  CHECK(o.flow_id == kFlow);
  CHECK(o.audiences == std::vector<std::string>{kSegment, kSegment2 + std::string("=Loyalty")});
  CHECK(o.attributes == std::vector<std::string>{"person.name.lastName", "personalEmail.address"});
  CHECK(o.dedup_keys == std::vector<std::string>{"identity:email"});
  CHECK(o.mandatory == std::vector<std::string>{"person.name.lastName"});
  CHECK(o.export_mode == "FIRST_FULL_THEN_INCREMENTAL");
  CHECK(o.frequency == "EVERY_6_HOURS");
  CHECK(o.start_time == "17:00");
  CHECK(o.start_date.empty());  // left for the command to default, not filled by the parser
  CHECK(o.update);
  CHECK(o.etag == std::optional<std::string>("\"e1\""));
}

TEST_CASE(
    "flow activate and flow create: a missing positional or required flag is exit 2, "
    "and the command does not run",
    "[commands][options]") {
  using aepflow::cli::FlowActivateOptions;
  using aepflow::cli::FlowCreateOptions;
  auto activate = test::parse_command<FlowActivateOptions>(
      "flow", {"flow", "activate", "--audience", kSegment},
      [](auto& g, auto& ctx, auto run_f) { aepflow::cli::add_flow_activate(g, ctx, run_f); });
  CHECK(activate.run.code == 2);
  CHECK_FALSE(activate.options);
  CHECK(activate.run.err.find("flow is required") != std::string::npos);

  auto create = test::parse_command<FlowCreateOptions>(
      "flow", {"flow", "create", "--name", "N", "--flow-spec", "Adobe Campaign", "--source", "S"},
      [](auto& g, auto& ctx, auto run_f) { aepflow::cli::add_flow_create(g, ctx, run_f); });
  CHECK(create.run.code == 2);
  CHECK_FALSE(create.options);
  CHECK(create.run.err.find("--target is required") != std::string::npos);

  auto full = test::parse_command<FlowCreateOptions>(
      "flow",
      {"flow", "create", "--name", "a name with spaces", "--flow-spec", "Adobe Campaign",
       "--source", "S", "--target", "T", "--description", ""},
      [](auto& g, auto& ctx, auto run_f) { aepflow::cli::add_flow_create(g, ctx, run_f); });
  REQUIRE(full.options);
  CHECK(full.options->name == "a name with spaces");
  CHECK(full.options->flow_spec == "Adobe Campaign");
  CHECK(full.options->source == "S");
  CHECK(full.options->target == "T");
  CHECK(full.options->description.empty());
}
