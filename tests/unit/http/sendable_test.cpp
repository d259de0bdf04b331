// The last line of defence: a request whose headers would change on the wire, or whose body
// could not be encoded, never reaches a transport.
#include <catch2/catch.hpp>

#include "aepflow/auth/auth.hpp"
#include "aepflow/http/http.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "fake_transport.hpp"

using namespace aepflow;

namespace {

StaticToken token{"token-SECRET-value"};

std::unique_ptr<HttpPipeline> pipeline(std::shared_ptr<test::FakeTransport> fake,
                                       Credentials credentials) {
  HttpPipelineOptions o;
  o.base_url = "https://platform.example.test";
  o.credentials = std::move(credentials);
  o.tokens = &token;
  o.retry.max_attempts = 1;
  return make_pipeline(std::move(o), std::move(fake));
}

}  // namespace

TEST_CASE("a header value with CR, LF, NUL or another control character is not sendable",
          "[http][sendable]") {
  CHECK(header_value_flaw("prod") == std::string_view::npos);
  CHECK(header_value_flaw("a\tb") == std::string_view::npos);  // a tab is allowed
  CHECK(header_value_flaw("prod\r\nX: 1") == 4);
  CHECK(header_value_flaw(std::string("a\0b", 3)) == 1);
  CHECK(header_value_flaw("a\x1b[31m") == 1);
  CHECK(header_value_flaw("a\x7f") == 1);

  Request r;
  r.headers.push_back({"If-Match", "\"e\"\r\nX-Injected: 1"});
  auto refused = check_sendable(r);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ErrorKind::usage);
  CHECK_THAT(refused.error().message, Catch::Contains("If-Match") && Catch::Contains("\\r"));
  CHECK_THAT(refused.error().message, !Catch::Contains("X-Injected"));  // the value is not shown

  Request named;
  named.headers.push_back({"X Bad", "v"});
  CHECK_FALSE(check_sendable(named));
  Request body;
  body.unsendable = "the request body: the value at /name is not valid UTF-8";
  CHECK(check_sendable(body).error().message == body.unsendable);
}

TEST_CASE("the pipeline sends nothing when a header it adds holds a control character",
          "[http][sendable]") {
  auto fake = std::make_shared<test::FakeTransport>();  // any request sent fails the test
  auto p = pipeline(fake, {"key-123456789", "ORG@AdobeOrg", "prod\r\nX-Injected: 1"});
  Request r;
  r.path = "/connections";
  auto res = p->send(r);
  REQUIRE_FALSE(res);
  CHECK(res.error().kind == ErrorKind::usage);
  CHECK_THAT(res.error().message, Catch::Contains("x-sandbox-name"));
  CHECK(fake->sent.empty());

  Request unsendable;
  unsendable.method = Method::post;
  unsendable.path = "/connections";
  unsendable.unsendable = "the request body: the value at /name is not valid UTF-8";
  auto ok_headers = pipeline(fake, {"key-123456789", "ORG@AdobeOrg", "dev"});
  auto refused = ok_headers->send(unsendable);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message == unsendable.unsendable);
  CHECK(fake->sent.empty());
}
