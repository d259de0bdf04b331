#include <catch2/catch.hpp>

#include "aepflow/flow/client.hpp"
#include "app/exit_codes.hpp"

using namespace aepflow;

namespace {
Response response(int status, std::string body, Headers headers = {}) {
  return {status, std::move(headers), std::move(body)};
}
}  // namespace

TEST_CASE("gateway errors: error_code as a string or a number", "[errors]") {
  Error e = error_from_response(
      response(401, R"({"error_code":"401013","message":"Oauth token is not valid"})"), "get flow");
  CHECK(e.kind == ErrorKind::auth);
  CHECK(e.status == 401);
  CHECK(e.code == "401013");
  CHECK(e.message == "Oauth token is not valid");
  CHECK(e.context == "get flow");
  CHECK(e.describe() == "get flow: HTTP 401 [401013] Oauth token is not valid");

  Error n = error_from_response(
      response(401, R"({"error_code":401013,"message":"Oauth token is not valid"})"), "x");
  CHECK(n.code == "401013");

  Error m = error_from_response(
      response(403, R"({"error_code":"403000","message":"Api Key is required"})"), "x");
  CHECK(m.kind == ErrorKind::auth);
  CHECK(m.code == "403000");
}

TEST_CASE("the content-type error shape", "[errors]") {
  Error e = error_from_response(
      response(400, R"({"type":"/placeholder/type/uri","status":400,"title":"BadRequestError",
                        "detail":"A valid content-type must be specified"})"),
      "create");
  CHECK(e.kind == ErrorKind::api);
  CHECK(e.code.empty());
  CHECK(e.title == "BadRequestError");
  CHECK(e.message == "A valid content-type must be specified");
}

TEST_CASE("the legacy Flow Service shapes", "[errors]") {
  Error e = error_from_response(
      response(
          412,
          R"({"errorMessage":"Supplied version=[\"04001277\"] does not match the current version on entity=[\"0400117f\"]",
                        "errorDetails":"Supplied version=[\"04001277\"] does not match the current version on entity=[\"0400117f\"]"})"),
      "update");
  CHECK(e.kind == ErrorKind::precondition);
  CHECK(e.message ==
        "Supplied version=[\"04001277\"] does not match the current version on "
        "entity=[\"0400117f\"]");

  Error d = error_from_response(
      response(404,
               R"({"errorMessage":"flows not found with id = [x]","errorDetails":"more detail"})"),
      "get");
  CHECK(d.kind == ErrorKind::not_found);
  CHECK(d.message == "flows not found with id = [x] (more detail)");

  Error m =
      error_from_response(response(400, R"({"message":"Please provide a valid spec id"})"), "c");
  CHECK(m.message == "Please provide a valid spec id");
}

TEST_CASE("the current Flow Service shape with its report", "[errors]") {
  Error e = error_from_response(
      response(
          404,
          R"({"type":"https://ns.adobe.com/aep/errors/FLOW-1439-404","title":"Resource not found",
                        "status":404,"report":{"detailed-message":"The requested flows resource abc is not found.",
                        "id":"abc","request-id":"req-123","type":"flows"},
                        "errorMessage":"The requested flows resource abc is not found."})"),
      "get dataflow abc");
  CHECK(e.kind == ErrorKind::not_found);
  CHECK(e.code == "FLOW-1439-404");
  CHECK(e.title == "Resource not found");
  CHECK(e.message == "The requested flows resource abc is not found.");
  CHECK(e.request_id == "req-123");
  CHECK(e.describe() ==
        "get dataflow abc: HTTP 404 [FLOW-1439-404] Resource not found: The requested flows "
        "resource abc is not found. (request id req-123)");

  Error f = error_from_response(
      response(403, R"({"type":"https://ns.adobe.com/aep/errors/FLOW-2120-403","title":"Forbidden",
                        "status":403,"report":{"detailed-message":"No permission","request-id":"r"}})"),
      "x");
  CHECK(f.kind == ErrorKind::auth);
  CHECK(f.code == "FLOW-2120-403");
}

TEST_CASE("bodies that are not JSON, empty, or arrays", "[errors]") {
  Error html = error_from_response(
      response(502, "<html><body>Bad gateway</body></html>", {{"Content-Type", "text/html"}}), "x");
  CHECK(html.kind == ErrorKind::api);
  CHECK(html.message == "unexpected non-JSON error body (text/html, 37 bytes)");

  Error empty = error_from_response(response(503, ""), "x");
  CHECK(empty.message == "Service Unavailable");

  Error arr = error_from_response(response(400, R"([{"error_code":"1","message":"first"}])"), "x");
  CHECK(arr.message == "first");
}

TEST_CASE("the request id comes from the x-request-id header when the body has none", "[errors]") {
  Error e =
      error_from_response(response(500, R"({"message":"boom"})", {{"X-Request-Id", "hdr-1"}}), "x");
  CHECK(e.request_id == "hdr-1");
}

TEST_CASE("every error kind maps to its documented exit code", "[errors]") {
  CHECK(exit_code::for_kind(ErrorKind::usage) == 2);
  CHECK(exit_code::for_kind(ErrorKind::auth) == 3);
  CHECK(exit_code::for_kind(ErrorKind::not_found) == 4);
  CHECK(exit_code::for_kind(ErrorKind::precondition) == 5);
  CHECK(exit_code::for_kind(ErrorKind::network) == 6);
  CHECK(exit_code::for_kind(ErrorKind::mismatch) == 7);
  CHECK(exit_code::for_kind(ErrorKind::api) == 1);
  CHECK(exit_code::for_kind(ErrorKind::internal) == 1);
  auto status = GENERATE(400, 409, 422, 429, 500);
  CHECK(exit_code::for_kind(error_from_response(response(status, ""), "x").kind) == 1);
}
