#include "aepflow/http/retry.hpp"

#include <catch2/catch.hpp>

#include "aepflow/auth/auth.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "fake_transport.hpp"

using namespace aepflow;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1795867200));

// A pipeline with retries whose waits are recorded and advance an injected clock.
struct Fixture {
  std::shared_ptr<test::FakeTransport> fake = std::make_shared<test::FakeTransport>();
  StaticToken token{"t"};
  std::vector<milliseconds> slept;
  std::chrono::system_clock::time_point now = kNow;
  bool interrupt_sleep = false;
  std::unique_ptr<HttpPipeline> pipeline;
  std::unique_ptr<FlowService> service;

  explicit Fixture(int attempts = 5, milliseconds max_elapsed = 120s) {
    HttpPipelineOptions o;
    o.base_url = "https://h.test";  // the Platform root; Flow Service at /base
    o.credentials = {"k", "o@AdobeOrg", "prod"};
    o.tokens = &token;
    o.retry.max_attempts = attempts;
    o.retry.max_elapsed = max_elapsed;
    o.retry.sleep = [this](milliseconds d) {
      slept.push_back(d);
      now += d;
      return !interrupt_sleep;
    };
    o.retry.now = [this] { return now; };
    o.retry.random = [] { return 0.5; };
    pipeline = make_pipeline(o, fake);
    service = std::make_unique<FlowService>(*pipeline, "/base");
  }
  Request get(std::string path) {
    Request r;
    r.path = std::move(path);
    return r;
  }
};

Request request(Method m, bool if_match = false, bool repeatable = false) {
  Request r;
  r.method = m;
  r.path = "/flows";
  if (if_match) set_header(r.headers, "If-Match", "\"1\"");
  r.repeatable = repeatable;
  return r;
}

Result<Response> answer(int status, Headers headers = {}) {
  return Response{status, std::move(headers), ""};
}

Result<Response> network(bool not_sent, ErrorKind kind = ErrorKind::network) {
  Error e;
  e.kind = kind;
  e.message = "dropped";
  e.not_sent = not_sent;
  return std::unexpected(e);
}

constexpr const char* kConnectionBody =
    R"({"id":"c1","etag":"\"e1\"","name":"s3","createdAt":1795867200500,
        "connectionSpec":{"id":"spec-1","version":"1.0"}})";

NewConnection new_connection() {
  NewConnection c;
  c.name = "s3";
  c.spec.id = "spec-1";
  return c;
}

}  // namespace

TEST_CASE("Retry-After is read as seconds or as an HTTP date", "[retry]") {
  CHECK(parse_retry_after("3", kNow) == milliseconds(3000));
  CHECK(parse_retry_after(" 0 ", kNow) == milliseconds(0));
  // kNow is Sat, 28 Nov 2026 12:00:00 GMT.
  CHECK(parse_retry_after("Sat, 28 Nov 2026 12:00:07 GMT", kNow) == milliseconds(7000));
  CHECK(parse_retry_after("Sat, 28 Nov 2026 11:00:00 GMT", kNow) == milliseconds(0));
  CHECK_FALSE(parse_retry_after("", kNow));
  CHECK_FALSE(parse_retry_after("soon", kNow));
  CHECK_FALSE(parse_retry_after("-1", kNow));
  CHECK_FALSE(parse_retry_after("99999999999999", kNow));
  CHECK_FALSE(parse_retry_after("Sat, 28 Nov 2026 12:00:07 PST", kNow));
}

TEST_CASE("what may be sent again, by method and outcome", "[retry]") {
  struct Case {
    Request req;
    Result<Response> outcome;
    bool retry;
  };
  const Headers retry_after = {{"Retry-After", "1"}};
  auto c = GENERATE_COPY(
      Case{request(Method::get), answer(429), true}, Case{request(Method::post), answer(429), true},
      Case{request(Method::get), answer(500), true}, Case{request(Method::get), answer(502), true},
      Case{request(Method::get), answer(503), true}, Case{request(Method::get), answer(504), true},
      Case{request(Method::delete_), answer(503), true},
      Case{request(Method::put), answer(500), true},
      Case{request(Method::patch, true), answer(502), true},
      Case{request(Method::patch, false), answer(502), false},
      Case{request(Method::post), answer(500), false},
      Case{request(Method::post), answer(502), false},
      Case{request(Method::post), answer(503), false},
      Case{request(Method::post), answer(503, retry_after), true},
      Case{request(Method::post), answer(504), false},
      Case{request(Method::post, false, true), answer(500), true},
      Case{request(Method::get), answer(400), false},
      Case{request(Method::get), answer(404), false},
      Case{request(Method::patch, true), answer(412), false},
      Case{request(Method::get), answer(501), false},
      Case{request(Method::get), network(false), true},
      Case{request(Method::post), network(false), false},
      Case{request(Method::post), network(true), true},
      Case{request(Method::patch, true), network(false), true},
      Case{request(Method::get), network(false, ErrorKind::interrupted), false},
      Case{request(Method::get), network(false, ErrorKind::auth), false});
  CAPTURE(to_string(c.req.method), c.outcome ? c.outcome->status : 0);
  CHECK(may_retry(c.req, c.outcome) == c.retry);
}

TEST_CASE("backoff is full jitter under an exponential cap", "[retry]") {
  RetryOptions o;
  o.base_delay = 500ms;
  o.max_delay = 4000ms;
  CHECK(backoff_delay(1, o, 0.0) == 0ms);
  CHECK(backoff_delay(1, o, 0.5) == 250ms);
  CHECK(backoff_delay(2, o, 0.5) == 500ms);
  CHECK(backoff_delay(3, o, 0.999) == 1998ms);
  CHECK(backoff_delay(10, o, 0.5) == 2000ms);  // capped at max_delay
  CHECK(backoff_delay(60, o, 1.0) == 4000ms);
}

TEST_CASE("a read is retried on 5xx with growing waits until it succeeds", "[retry]") {
  Fixture f;
  f.fake->on(Method::get, "/flows", 503).times(2);
  f.fake->on(Method::get, "/flows", 200, R"({"items":[]})");
  auto res = f.pipeline->send(f.get("/flows"));
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(f.fake->sent.size() == 3);
  CHECK(f.slept == std::vector<milliseconds>{250ms, 500ms});
}

TEST_CASE("Retry-After is waited exactly, in seconds or as a date", "[retry]") {
  Fixture f;
  f.fake->on(Method::post, "/connections", 429, "", {{"Retry-After", "3"}});
  f.fake->on(Method::post, "/connections", 429, "",
             {{"Retry-After", "Sat, 28 Nov 2026 12:00:10 GMT"}});
  f.fake->on(Method::post, "/connections", 201, kConnectionBody);
  auto c = f.service->create_connection(new_connection());
  REQUIRE(c);
  CHECK(c->id == "c1");
  // 3 s, then until 12:00:10 (the clock is at 12:00:03 by then): 7 s.
  CHECK(f.slept == std::vector<milliseconds>{3000ms, 7000ms});
}

TEST_CASE("retries stop at the attempt limit and the last answer stands", "[retry]") {
  Fixture f(3);
  f.fake->on(Method::get, "/flows", 502).times(3);
  auto res = f.pipeline->send(f.get("/flows"));
  REQUIRE(res);
  CHECK(res->status == 502);
  CHECK(f.fake->sent.size() == 3);
}

TEST_CASE("no retry starts a wait that would pass the time limit", "[retry]") {
  Fixture f(5, 10s);
  f.fake->on(Method::get, "/flows", 429, "", {{"Retry-After", "4"}}).times(3);
  auto res = f.pipeline->send(f.get("/flows"));
  REQUIRE(res);
  CHECK(res->status == 429);
  CHECK(f.fake->sent.size() == 3);  // waited 4 s twice; a third wait would end at 12 s
  CHECK(f.slept == std::vector<milliseconds>{4000ms, 4000ms});
}

TEST_CASE("an interrupted wait ends the request with exit 130's kind", "[retry]") {
  Fixture f;
  f.interrupt_sleep = true;
  f.fake->on(Method::get, "/flows", 503);
  auto res = f.pipeline->send(f.get("/flows"));
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == ErrorKind::interrupted);
  CHECK(f.fake->sent.size() == 1);
}

TEST_CASE("a create that never reached the service is simply sent again", "[retry]") {
  Fixture f;
  // The failure provably happened before sending: no lookup is needed.
  f.fake->fail(Method::post, "/connections", ErrorKind::network, "could not connect", true);
  f.fake->on(Method::post, "/connections", 201, kConnectionBody);
  auto c = f.service->create_connection(new_connection());
  REQUIRE(c);
  CHECK(f.fake->sent.size() == 2);
}

TEST_CASE("a create whose answer was lost is found by name, not sent again", "[retry]") {
  Fixture f;
  // First its name is looked up: one connection of that name exists already; the answer's Date
  // is the service's clock (12:00:00, whatever this machine's says).
  f.fake->on(Method::get, "/connections", 200,
             R"({"items":[{"id":"known","name":"s3","createdAt":1795867200900,
                           "connectionSpec":{"id":"spec-1"}}]})",
             {{"Content-Type", "application/json"}, {"Date", "Sat, 28 Nov 2026 12:00:00 GMT"}});
  f.fake->fail(Method::post, "/connections", ErrorKind::network, "the connection was dropped");
  // Found after the loss: the one this create made; one with another spec; one made before the
  // create was sent (11:59:59, by the service's clock); and the one it knew of before.
  f.fake->on(Method::get, "/connections", 200,
             std::string(R"({"items":[)") + kConnectionBody +
                 R"(,{"id":"other","name":"s3","createdAt":1795867200900,
                  "connectionSpec":{"id":"spec-2"}},
                  {"id":"earlier","name":"s3","createdAt":1795867199000,
                  "connectionSpec":{"id":"spec-1"}},
                  {"id":"known","name":"s3","createdAt":1795867200900,
                  "connectionSpec":{"id":"spec-1"}}]})");
  auto c = f.service->create_connection(new_connection());
  REQUIRE(c);
  CHECK(c->id == "c1");
  REQUIRE(f.fake->sent.size() == 3);
  CHECK_THAT(f.fake->sent[0].url, Catch::EndsWith("/connections?property=name%3D%3Ds3"));
  CHECK(f.fake->sent[1].request.method == Method::post);
  const std::string& lookup = f.fake->sent[2].url;
  CHECK_THAT(lookup, Catch::Contains("property=name%3D%3Ds3"));
  // createdAt >= when the create was sent, by the service's clock: 12:00:00 at the earliest.
  CHECK_THAT(lookup, Catch::Contains("property=createdAt%3E%3D17958672"));
}

TEST_CASE("a create that failed with 5xx and is not found is sent again, once", "[retry]") {
  Fixture f;
  f.fake->on(Method::post, "/connections", 500, R"({"message":"boom"})");
  f.fake->on(Method::get, "/connections", 200, R"({"items":[]})");
  f.fake->on(Method::post, "/connections", 201, kConnectionBody);
  auto c = f.service->create_connection(new_connection());
  REQUIRE(c);
  CHECK(c->id == "c1");
  CHECK(f.fake->sent.size() == 3);
}

TEST_CASE("a create is sent three times at most, each after a lookup", "[retry]") {
  Fixture f;
  for (int i = 0; i < 3; ++i) {
    f.fake->on(Method::post, "/flows", 504);
    f.fake->on(Method::get, "/flows", 200, R"({"items":[]})");
  }
  NewFlow nf;
  nf.name = "flow";
  auto c = f.service->create_flow(nf);
  REQUIRE_FALSE(c);
  CHECK(c.error().status == 504);
  CHECK_THAT(c.error().message, Catch::Contains("nothing was created"));
  CHECK(f.fake->sent.size() == 6);
}

TEST_CASE("when the lookup after a lost answer fails, the error says what to check", "[retry]") {
  Fixture f(1);
  f.fake->on(Method::get, "/targetConnections", 200, R"({"items":[]})");  // the name, first
  f.fake->fail(Method::post, "/targetConnections", ErrorKind::network, "the request timed out");
  f.fake->on(Method::get, "/targetConnections", 403, R"({"error_code":"403003","message":"no"})");
  NewTargetConnection t;
  t.name = "tc";
  auto c = f.service->create_target_connection(t);
  REQUIRE_FALSE(c);
  CHECK(c.error().kind == ErrorKind::network);
  CHECK_THAT(c.error().message, Catch::Contains("may have been created"));
  CHECK_THAT(c.error().message, Catch::Contains("list target connections by name"));
}
