// Platform services on one pipeline: the root from --base-url, each service's path below it.
#include "aepflow/http/service.hpp"

#include <catch2/catch.hpp>

#include "aepflow/http/http_pipeline.hpp"
#include "aepflow/http/service_clock.hpp"
#include "fake_transport.hpp"

using namespace aepflow;

TEST_CASE("the base URL splits into the Platform root and Flow Service's path", "[http][service]") {
  auto split = [](std::string_view url) {
    auto u = split_flow_service_url(url);
    return u.root + " | " + u.flow_service_path;
  };
  CHECK(split("https://platform.adobe.io/data/foundation/flowservice") ==
        "https://platform.adobe.io | /data/foundation/flowservice");
  CHECK(split("https://platform.adobe.io/data/foundation/flowservice//") ==
        "https://platform.adobe.io | /data/foundation/flowservice");
  CHECK(split("http://127.0.0.1:8080/data/foundation/flowservice") ==
        "http://127.0.0.1:8080 | /data/foundation/flowservice");
  // A gateway with a path of its own: Flow Service there, the others at their paths on its host.
  CHECK(split("https://proxy.example/aep/flow") == "https://proxy.example | /aep/flow");
  CHECK(split("http://127.0.0.1:8080") == "http://127.0.0.1:8080 | ");
  CHECK(split("http://127.0.0.1:8080/") == "http://127.0.0.1:8080 | ");
}

TEST_CASE("each service's requests go below the root at its path, marked as the Platform's",
          "[http][service]") {
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::get, "/flows", 200, "{}");
  fake->on(Method::get, "/mappingSets/abc", 200, "{}");
  HttpPipelineOptions o;
  o.base_url = "https://platform.example.test/";
  o.retry.max_attempts = 1;
  auto pipeline = make_pipeline(o, fake);
  ServiceClient flows(*pipeline, std::string(kFlowServicePath));
  ServiceClient prep(*pipeline, "/data/foundation/conversion/");  // a trailing slash is dropped
  CHECK(flows.url() == "https://platform.example.test/data/foundation/flowservice");
  CHECK(prep.url() == "https://platform.example.test/data/foundation/conversion");
  Request r;
  r.path = "/flows";
  REQUIRE(flows.send(r));
  r.path = "/mappingSets/abc";
  REQUIRE(prep.send(r));
  REQUIRE(fake->sent.size() == 2);
  CHECK(fake->sent[0].url == "https://platform.example.test/data/foundation/flowservice/flows");
  CHECK(fake->sent[1].url ==
        "https://platform.example.test/data/foundation/conversion/mappingSets/abc");
  CHECK(fake->sent[0].request.platform);
  CHECK(fake->sent[1].request.service == "/data/foundation/conversion");
  // The headers every Platform call needs come from the one pipeline, whichever service.
  CHECK(find_header(fake->sent[1].request.headers, "x-request-id"));
}

TEST_CASE("the service's clock is a lower bound from its Date headers, the sharpest kept",
          "[http][service]") {
  using namespace std::chrono;
  ServiceClock clock;
  const auto local = system_clock::from_time_t(2'000'000'000);
  CHECK_FALSE(clock.at_least(local));
  clock.observe({{"Date", "not a date"}}, local);
  CHECK_FALSE(clock.at_least(local));
  // Stamped 12:00:00 (rounded down), arrived when this machine said 2033-05-18 03:33:20.
  const auto stamped = parse_http_date("Sat, 28 Nov 2026 12:00:00 GMT");
  REQUIRE(stamped);
  CHECK(system_clock::to_time_t(*stamped) == 1'795'867'200);
  clock.observe({{"Date", "Sat, 28 Nov 2026 12:00:00 GMT"}}, local);
  CHECK(clock.at_least(local + 2s) == *stamped + 2s);
  // A later answer whose Date is further ahead sharpens it; one that says less does not.
  clock.observe({{"Date", "Sat, 28 Nov 2026 12:00:02 GMT"}}, local + 1s);
  CHECK(clock.at_least(local + 2s) == *stamped + 3s);
  clock.observe({{"Date", "Sat, 28 Nov 2026 12:00:00 GMT"}}, local + 5s);
  CHECK(clock.at_least(local + 2s) == *stamped + 3s);
}
