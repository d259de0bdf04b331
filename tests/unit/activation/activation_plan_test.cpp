// Planning against a flow: add, skip, update at the index, remove by ID, lists in the flow's own
// layout, drift; and the loop that re-plans after a 412.
#include "aepflow/activation/activation_plan.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

#include "aepflow/activation/audience_file.hpp"
#include "aepflow/auth/auth.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "fake_transport.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

constexpr const char* kA = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
constexpr const char* kB = "25768be6-ebd5-45cc-8913-12fb3f348613";
constexpr const char* kC = "979558ae-a8ba-4e6e-b6ba-95c0a523b44a";

json selector(const std::string& id, const std::string& start_time = "17:00") {
  return {{"type", "PLATFORM_SEGMENT"},
          {"value",
           {{"id", id},
            {"name", "n-" + id.substr(0, 4)},
            {"filenameTemplate", "%DESTINATION_NAME%_%SEGMENT_ID%"},
            {"exportMode", "DAILY_FULL_EXPORT"},
            {"schedule",
             {{"frequency", "ONCE"},
              {"triggerType", "SCHEDULED"},
              {"startDate", "2026-12-01"},
              {"startTime", start_time}}},
            {"createTime", "1795867200"},
            {"updateTime", "1795867200"}}}};
}

json legacy_flow(json segments, std::vector<std::string> attributes = {}) {
  json profiles = json::array();
  for (const auto& a : attributes)
    profiles.push_back({{"type", "JSON_PATH"}, {"value", {{"path", a}}}});
  return {{"id", "flow-1"},
          {"etag", "\"e1\""},
          {"transformations",
           {{{"name", "GeneralTransform"},
             {"params",
              {{"segmentSelectors", {{"selectors", segments}}},
               {"profileSelectors", {{"selectors", profiles}}}}}}}}};
}

AudienceSpec spec(const std::string& id) {
  AudienceSpec a;
  a.id = id;
  return a;
}

ActivationRequest request_for(std::vector<std::string> ids) {
  ActivationRequest r;
  r.new_defaults.filename_template = std::string(default_filename_template);
  r.new_defaults.export_mode = "DAILY_FULL_EXPORT";
  r.new_defaults.frequency = "ONCE";
  r.new_defaults.trigger_type = "SCHEDULED";
  r.new_defaults.start_date = "2026-12-01";
  r.new_defaults.start_time = "17:00";
  for (auto& id : ids)
    r.audiences.push_back(spec(id));
  return r;
}

}  // namespace

TEST_CASE("plan: new audiences are added, present ones skipped", "[plan]") {
  auto r = request_for({kA, kB});
  r.attributes = {"person.lastName", "personalEmail.address"};
  auto plan = plan_activation(legacy_flow(json::array({selector(kA)}), {"person.lastName"}), r);
  REQUIRE(plan);
  CHECK(plan->added == std::vector<std::string>{kB});
  CHECK(plan->skipped == std::vector<std::string>{kA});
  CHECK(plan->attributes_added == std::vector<std::string>{"personalEmail.address"});
  CHECK(plan->attributes_skipped == std::vector<std::string>{"person.lastName"});
  REQUIRE(plan->ops.size() == 2);
  CHECK(plan->ops[0]["path"] == "/transformations/0/params/segmentSelectors/selectors/-");
  CHECK(plan->ops[0]["value"]["value"]["id"] == kB);
  CHECK(plan->ops[1]["path"] == "/transformations/0/params/profileSelectors/selectors/-");
}

TEST_CASE("plan: --update replaces the whole selector at its index, keeping what it carries",
          "[plan]") {
  auto r = request_for({kB});
  r.update = true;
  r.audiences[0].start_time = "18:00";
  json flow = legacy_flow(json::array({selector(kA), selector(kB), selector(kC)}));
  auto plan = plan_activation(flow, r);
  REQUIRE(plan);
  CHECK(plan->updated == std::vector<std::string>{kB});
  REQUIRE(plan->ops.size() == 1);
  CHECK(plan->ops[0]["op"] == "replace");
  CHECK(plan->ops[0]["path"] == "/transformations/0/params/segmentSelectors/selectors/1");
  json expected = selector(kB, "18:00");
  CHECK(plan->ops[0]["value"] == expected);  // name, createTime and the rest kept

  r.audiences[0].start_time = "17:00";  // what it already is
  auto same = plan_activation(flow, r);
  REQUIRE(same);
  CHECK(same->unchanged == std::vector<std::string>{kB});
  CHECK(same->ops.empty());

  r.audiences[0].start_time = "18:30";  // breaks a rule once merged
  auto bad = plan_activation(flow, r);
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message,
             Catch::Contains("schedule.startTime '18:30' must be on the hour"));
}

TEST_CASE("plan: mandatory fields and dedup keys go where the flow keeps them", "[plan]") {
  auto r = request_for({});
  r.mandatory = {"person.name.lastName"};
  r.dedup_keys = {DedupKey::parse("personalEmail.address"),
                  DedupKey::parse("person.name.lastName")};
  json legacy = legacy_flow(json::array());
  legacy["transformations"][0]["params"]["profileSelectors"]["mandatoryFields"] = {
      "person.name.firstName"};
  auto plan = plan_activation(legacy, r);
  REQUIRE(plan);
  REQUIRE(plan->ops.size() == 2);
  CHECK(plan->ops[0] == json{{"op", "add"},
                             {"path", "/transformations/0/params/profileSelectors/mandatoryFields"},
                             {"value", {"person.name.firstName", "person.name.lastName"}}});
  CHECK(plan->ops[1]["path"] == "/transformations/0/params/profileSelectors/primaryFields");
  CHECK(plan->ops[1]["value"] ==
        json::parse(R"([{"fieldType":"ATTRIBUTE","attributePath":"personalEmail.address"},
                        {"fieldType":"ATTRIBUTE","attributePath":"person.name.lastName"}])"));

  json enhanced = {{"id", "f"},
                   {"transformations",
                    {{{"name", "GeneralTransform"},
                      {"params",
                       {{"mandatoryFields", json::array()},
                        {"primaryFields", json::array()},
                        {"profileMapping", json::object()},
                        {"segmentSelectors", {{"selectors", json::array()}}}}}}}}};
  auto e = plan_activation(enhanced, r);
  REQUIRE(e);
  CHECK(e->ops[0]["path"] == "/transformations/0/params/mandatoryFields");
  CHECK(e->ops[1]["path"] == "/transformations/0/params/primaryFields");
  r.attributes = {"person.lastName"};
  auto no_selectors = plan_activation(enhanced, r);
  REQUIRE_FALSE(no_selectors);
  CHECK_THAT(no_selectors.error().message, Catch::Contains("Data Prep mapping set"));
}

TEST_CASE("plan: a flow without a transformation gets the tutorial's empty one first", "[plan]") {
  auto r = request_for({kA});
  auto plan = plan_activation(json{{"id", "f"}, {"transformations", json::array()}}, r);
  REQUIRE(plan);
  REQUIRE(plan->ops.size() == 2);
  CHECK(plan->ops[0]["path"] == "/transformations");
  CHECK(plan->ops[0]["value"] == empty_general_transform());
  CHECK(plan->ops[1]["path"] == "/transformations/0/params/segmentSelectors/selectors/-");
}

TEST_CASE("plan: the same audience twice is refused", "[plan]") {
  auto plan = plan_activation(legacy_flow(json::array()), request_for({kA, kA}));
  REQUIRE_FALSE(plan);
  CHECK_THAT(plan.error().message, Catch::Contains("given more than once"));
}

TEST_CASE("deactivation removes by ID, highest index first", "[plan]") {
  json flow = legacy_flow(json::array({selector(kA), selector(kB), selector(kC)}),
                          {"person.lastName", "personalEmail.address"});
  auto plan = plan_deactivation(flow, {kA, kC, "missing-id"}, {"personalEmail.address", "nope"});
  CHECK(plan.removed == std::vector<std::string>{kA, kC});
  CHECK(plan.not_found == std::vector<std::string>{"missing-id"});
  CHECK(plan.attributes_not_found == std::vector<std::string>{"nope"});
  REQUIRE(plan.ops.size() == 3);
  CHECK(plan.ops[0]["path"] == "/transformations/0/params/segmentSelectors/selectors/2");
  CHECK(plan.ops[1]["path"] == "/transformations/0/params/segmentSelectors/selectors/0");
  CHECK(plan.ops[2]["path"] == "/transformations/0/params/profileSelectors/selectors/1");
  for (const auto& op : plan.ops)
    CHECK(op["op"] == "remove");
  // Applying the ops in order leaves exactly what was not removed.
  json after = flow.patch(plan.ops);
  auto c = read_flow_contents(after);
  REQUIRE(c.audiences.size() == 1);
  CHECK(c.audiences[0].id == kB);
  CHECK(c.attributes == std::vector<std::string>{"person.lastName"});
}

TEST_CASE("drift: missing, extra and changed, only for what the file states", "[plan][drift]") {
  json flow = legacy_flow(json::array({selector(kA), selector(kB)}), {"person.lastName"});
  Expectation e;
  e.audiences = {spec(kA), spec(kC)};
  e.audiences[0].start_time = "18:00";
  e.audiences[0].export_mode = "DAILY_FULL_EXPORT";  // as it is
  Drift d = compare(flow, e);
  CHECK(d.missing_audiences == std::vector<std::string>{kC});
  CHECK(d.extra_audiences == std::vector<std::string>{kB});
  REQUIRE(d.changed.size() == 1);
  CHECK(d.changed[0].field == "startTime");
  CHECK(d.changed[0].expected == "18:00");
  CHECK(d.changed[0].actual == "17:00");
  CHECK(d.missing_attributes.empty());  // the file says nothing about attributes
  e.attributes = std::vector<std::string>{"personalEmail.address"};
  d = compare(flow, e);
  CHECK(d.missing_attributes == std::vector<std::string>{"personalEmail.address"});
  CHECK(d.extra_attributes == std::vector<std::string>{"person.lastName"});
  CHECK(d.to_json()["inSync"] == false);

  Expectation exact;
  exact.audiences = {spec(kA), spec(kB)};
  exact.attributes = std::vector<std::string>{"person.lastName"};
  exact.mandatory = std::vector<std::string>{};
  CHECK(compare(flow, exact).empty());
}

namespace {

json mapped_flow(json segments, json primary = json::array()) {
  return {{"id", "flow-2"},
          {"etag", "\"e1\""},
          {"transformations",
           {{{"name", "GeneralTransform"},
             {"params",
              {{"mandatoryFields", json::array()},
               {"primaryFields", primary},
               {"profileMapping",
                {{"mappingId", "5f0031f8ccd4444dac9c5c391389e9e8"}, {"mappingVersion", 0}}},
               {"segmentSelectors", {{"selectors", segments}}}}}}}}};
}

}  // namespace

TEST_CASE("plan: a current card's flow takes the V2 filename templates, up to 255 characters",
          "[plan]") {
  auto r = request_for({kA});
  r.new_defaults.filename_template = "%DESTINATION%_%SEGMENT_ID%_%DESTINATION_INSTANCE_NAME%";
  auto plan = plan_activation(mapped_flow(json::array()), r);
  REQUIRE(plan);
  CHECK(plan->added == std::vector<std::string>{kA});
  auto legacy = plan_activation(legacy_flow(json::array()), r);
  REQUIRE_FALSE(legacy);
  CHECK_THAT(legacy.error().message, Catch::Contains("must contain %DESTINATION_NAME%"));

  r.new_defaults.filename_template = "%DESTINATION%_" + std::string(250, 'x');
  auto too_long = plan_activation(mapped_flow(json::array()), r);
  REQUIRE_FALSE(too_long);
  CHECK(too_long.error().kind == ErrorKind::usage);
  CHECK_THAT(too_long.error().message, Catch::Contains("at most 255"));

  // An audience already there, updated, is held to the same rules.
  auto update = request_for({kA});
  update.update = true;
  update.audiences[0].filename_template = "%SEGMENT_ID%_%FOLDER%";
  auto bad = plan_activation(mapped_flow(json::array({selector(kA)})), update);
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("unknown macro %FOLDER%"));
}

TEST_CASE("plan: the dedup key counts the flow's own keys, and soft limits warn", "[plan]") {
  auto r = request_for({});
  r.dedup_keys = {DedupKey::parse("person.name.lastName")};
  const json with_identity = mapped_flow(
      json::array(), json::parse(R"([{"fieldType":"IDENTITY","identityNamespace":"GAID"}])"));
  auto mixed = plan_activation(with_identity, r);
  REQUIRE_FALSE(mixed);
  CHECK_THAT(mixed.error().message, Catch::Contains("never both") &&
                                        Catch::Contains("(the dataflow's own: identity:GAID)"));
  r.dedup_keys = {DedupKey::parse("identity:GAID")};
  auto same = plan_activation(with_identity, r);
  REQUIRE(same);
  CHECK(same->ops.empty());

  json many = json::array();
  for (int i = 0; i < 250; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
    many.push_back(selector(id));
  }
  auto at_limit = plan_activation(mapped_flow(many), request_for({}));
  REQUIRE(at_limit);
  CHECK(at_limit->warnings.empty());
  auto above = plan_activation(mapped_flow(many), request_for({kA}));
  REQUIRE(above);
  REQUIRE(above->warnings.size() == 1);
  CHECK_THAT(above->warnings[0], Catch::Contains("251 audiences"));

  std::vector<std::string> fifty;
  for (int i = 0; i < 50; ++i)
    fifty.push_back("a.f" + std::to_string(i));
  auto attributes = request_for({});
  attributes.attributes = {"a.new"};
  auto legacy = plan_activation(legacy_flow(json::array(), fifty), attributes);
  REQUIRE(legacy);
  REQUIRE(legacy->warnings.size() == 1);
  CHECK_THAT(legacy->warnings[0], Catch::Contains("51 mapped attributes"));
}

TEST_CASE("drift of a current card's flow: what its mapping set maps, identities too",
          "[plan][drift]") {
  FlowContents c = with_mappings(
      read_flow_contents(mapped_flow(json::array({selector(kA)}))),
      {{"person.name.firstName", "person_name_firstName"}, {"identityMap.Email", "Email"}});
  Expectation e;
  e.audiences = {spec(kA)};
  e.attributes = std::vector<std::string>{"person.name.firstName", "loyalty.tier"};
  Drift d = compare(c, e);
  CHECK(d.missing_attributes == std::vector<std::string>{"loyalty.tier"});
  CHECK(d.extra_attributes.empty());                           // the identity is not an attribute
  CHECK_FALSE(d.to_json()["missing"].contains("identities"));  // the file names none

  e.identities = std::vector<std::string>{"Phone_E.164"};
  d = compare(c, e);
  CHECK(d.missing_identities == std::vector<std::string>{"Phone_E.164"});
  CHECK(d.extra_identities == std::vector<std::string>{"Email"});
  CHECK(d.to_json()["missing"]["identities"] == json::array({"Phone_E.164"}));
  CHECK(d.to_json()["extra"]["identities"] == json::array({"Email"}));

  e.attributes = std::vector<std::string>{"person.name.firstName"};
  e.identities = std::vector<std::string>{"Email"};
  CHECK(compare(c, e).empty());
  // The flow as stored maps nothing: the caller reads the mapping set.
  CHECK(compare(mapped_flow(json::array({selector(kA)})), e).missing_identities ==
        std::vector<std::string>{"Email"});
}

TEST_CASE("apply: a 412 means read again, plan again, send again", "[plan][etag]") {
  auto fake = std::make_shared<test::FakeTransport>();
  StaticToken token{"t"};
  HttpPipelineOptions o;
  o.base_url = "https://h.test";
  o.tokens = &token;
  auto pipeline = make_pipeline(o, fake);
  FlowService service(*pipeline, "");
  std::vector<std::chrono::milliseconds> slept;
  ApplyOptions options;
  options.sleep = [&](std::chrono::milliseconds d) {
    slept.push_back(d);
    return true;
  };
  auto planner = [&](const json& flow) -> Result<json> {
    auto plan = plan_activation(flow, request_for({kA, kB}));
    if (!plan) return std::unexpected(plan.error());
    return plan->ops;
  };

  SECTION("recovered: the second plan skips what another writer added meanwhile") {
    json before = legacy_flow(json::array());
    json after = legacy_flow(json::array({selector(kA)}));
    after["etag"] = "\"e2\"";
    fake->on(Method::get, "/flows/flow-1", 200, json{{"items", {before}}}.dump());
    fake->on(Method::patch, "/flows/flow-1", 412, R"({"errorMessage":"stale"})");
    fake->on(Method::get, "/flows/flow-1", 200, json{{"items", {after}}}.dump());
    fake->on(Method::patch, "/flows/flow-1", 200, R"({"id":"flow-1","etag":"\"e3\""})");
    auto applied = apply_flow_change(service, "flow-1", planner, options);
    REQUIRE(applied);
    CHECK(applied->attempts == 2);
    CHECK(applied->patched.etag == "\"e3\"");
    CHECK(slept.size() == 1);
    CHECK(*find_header(fake->sent[3].request.headers, "If-Match") == "\"e2\"");
    json ops = json::parse(fake->sent[3].request.body);
    REQUIRE(ops.size() == 1);  // kA is there now: only kB
    CHECK(ops[0]["value"]["value"]["id"] == kB);
  }
  SECTION("bounded: a flow that keeps changing gives up with exit 5") {
    options.max_attempts = 3;
    for (int i = 0; i < 3; ++i) {
      fake->on(Method::get, "/flows/flow-1", 200,
               json{{"items", {legacy_flow(json::array())}}}.dump());
      fake->on(Method::patch, "/flows/flow-1", 412, R"({"errorMessage":"stale"})");
    }
    auto applied = apply_flow_change(service, "flow-1", planner, options);
    REQUIRE_FALSE(applied);
    CHECK(applied.error().kind == ErrorKind::precondition);
    CHECK_THAT(applied.error().message,
               Catch::Contains("gave up after 3 attempts, nothing was applied"));
    CHECK(slept.size() == 2);
  }
  SECTION("a given etag is final") {
    options.if_match = "\"e1\"";
    fake->on(Method::get, "/flows/flow-1", 200,
             json{{"items", {legacy_flow(json::array())}}}.dump());
    fake->on(Method::patch, "/flows/flow-1", 412, R"({"errorMessage":"stale"})");
    auto applied = apply_flow_change(service, "flow-1", planner, options);
    REQUIRE_FALSE(applied);
    CHECK(applied.error().kind == ErrorKind::precondition);
    CHECK(slept.empty());
  }
  SECTION("nothing to change: nothing sent") {
    fake->on(Method::get, "/flows/flow-1", 200,
             json{{"items", {legacy_flow(json::array({selector(kA), selector(kB)}))}}}.dump());
    auto applied = apply_flow_change(service, "flow-1", planner, options);
    REQUIRE(applied);
    CHECK_FALSE(applied->sent);
    CHECK(fake->sent.size() == 1);
  }
}
