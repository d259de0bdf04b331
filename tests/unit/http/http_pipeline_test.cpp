#include "aepflow/http/http_pipeline.hpp"

#include <catch2/catch.hpp>

#include "aepflow/auth/auth.hpp"
#include "aepflow/http/redact.hpp"
#include "fake_transport.hpp"

using namespace aepflow;

namespace {

class RecordingLog final : public LogSink {
 public:
  explicit RecordingLog(int verbosity) : verbosity_(verbosity) {}
  bool enabled(LogLevel level) const override { return verbosity_ >= static_cast<int>(level); }
  void write(LogLevel, std::string_view message) override { text += std::string(message) + "\n"; }
  std::string text;

 private:
  int verbosity_;
};

StaticToken test_token{"token-SECRET-value"};

HttpPipelineOptions options(LogSink* log = nullptr) {
  HttpPipelineOptions o;
  o.base_url = "https://platform.example.test/data/foundation/flowservice/";
  o.credentials = {"client-id-1234567", "ORG@AdobeOrg", "dev"};
  o.tokens = &test_token;
  o.user_agent = "aepflow/test";
  o.log = log;
  o.request_id_generator = [] { return std::string("req-1"); };
  o.retry.max_attempts = 1;  // retries have their own tests (retry_test.cpp)
  return o;
}

}  // namespace

TEST_CASE("every request carries the standard headers and a request id", "[pipeline]") {
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::get, "/flows/abc", 200, "{}");
  auto p = make_pipeline(options(), fake);
  Request r;
  r.path = "/flows/abc";
  REQUIRE(p->send(r));
  REQUIRE(fake->sent.size() == 1);
  const auto& h = fake->sent[0].request.headers;
  CHECK(*find_header(h, "Authorization") == "Bearer token-SECRET-value");
  CHECK(*find_header(h, "x-api-key") == "client-id-1234567");
  CHECK(*find_header(h, "x-gw-ims-org-id") == "ORG@AdobeOrg");
  CHECK(*find_header(h, "x-sandbox-name") == "dev");
  CHECK(*find_header(h, "x-request-id") == "req-1");
  CHECK(*find_header(h, "Accept") == "application/json");
  CHECK(*find_header(h, "User-Agent") == "aepflow/test");
  CHECK(find_header(h, "Content-Type") == nullptr);  // no body, no content type
  CHECK(fake->sent[0].url == "https://platform.example.test/data/foundation/flowservice/flows/abc");
}

TEST_CASE("a request with a body gets a JSON content type", "[pipeline]") {
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::post, "/flows", 201, R"({"id":"x"})");
  auto p = make_pipeline(options(), fake);
  Request r;
  r.method = Method::post;
  r.path = "/flows";
  r.body = "{}";
  REQUIRE(p->send(r));
  CHECK(*find_header(fake->sent[0].request.headers, "content-type") == "application/json");
}

TEST_CASE("verbose logging: one line per exchange at -v, redacted headers and bodies at -vv",
          "[pipeline][secrets]") {
  auto verbosity = GENERATE(1, 2);
  RecordingLog log(verbosity);
  auto fake = std::make_shared<test::FakeTransport>();
  fake->on(Method::post, "/connections", 201,
           R"({"id":"c1","etag":"\"e\"","auth":{"params":{"password":"pw-FROM-SERVER"}}})");
  auto p = make_pipeline(options(&log), fake);
  Request r;
  r.method = Method::post;
  r.path = "/connections";
  r.body = R"({"name":"n","auth":{"specName":"SFTP with Password","params":{"domain":"example.com",
             "host":"sftp.example.com","username":"u","password":"pw-SECRET-1"}}})";
  REQUIRE(p->send(r));
  CAPTURE(log.text);
  CHECK_THAT(log.text, Catch::Contains("> POST https://platform.example.test"));
  CHECK_THAT(log.text, Catch::Contains("< 201 in"));
  CHECK_THAT(log.text, !Catch::Contains("SECRET"));
  CHECK_THAT(log.text, !Catch::Contains("pw-FROM-SERVER"));
  CHECK_THAT(log.text, !Catch::Contains("client-id-1234567"));
  if (verbosity == 2) {
    CHECK_THAT(log.text, Catch::Contains("Authorization: Bearer ***"));
    CHECK_THAT(log.text, Catch::Contains("x-api-key: clie***"));
    CHECK_THAT(log.text, Catch::Contains("\"host\":\"sftp.example.com\""));
    CHECK_THAT(log.text, Catch::Contains("\"password\":\"***\""));
  } else {
    CHECK_THAT(log.text, !Catch::Contains("Authorization"));
  }
}

TEST_CASE("a transport failure passes through the pipeline as a network error", "[pipeline]") {
  RecordingLog log(1);
  auto fake = std::make_shared<test::FakeTransport>();
  fake->fail(Method::get, "/flows", ErrorKind::network, "could not connect: refused");
  auto p = make_pipeline(options(&log), fake);
  Request r;
  r.path = "/flows";
  auto res = p->send(r);
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == ErrorKind::network);
  CHECK_THAT(log.text, Catch::Contains("no response"));
}

TEST_CASE("random request ids are version 4 UUIDs and differ", "[pipeline]") {
  auto a = random_uuid(), b = random_uuid();
  CHECK(a != b);
  REQUIRE(a.size() == 36);
  CHECK(a[14] == '4');
  CHECK(std::string("89ab").find(a[19]) != std::string::npos);
}
