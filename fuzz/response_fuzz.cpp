// libFuzzer target: arbitrary bytes as the service's answer to every kind of request. Whatever
// arrives (truncated JSON, HTML, wrong types, missing fields), the client must give a value or an
// Error, never crash, hang or touch memory it does not own.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "aepflow/activation/activation.hpp"
#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/auth/auth.hpp"
#include "aepflow/auth/ims.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "aepflow/http/redact.hpp"

namespace {

using namespace aepflow;

// Answers every request with the fuzzed response.
class FuzzTransport final : public Transport {
 public:
  explicit FuzzTransport(Response r) : response_(std::move(r)) {}
  Result<Response> send(const Request&, const std::string&) override { return response_; }

 private:
  Response response_;
};

constexpr int kStatuses[] = {200, 201, 202, 204, 400, 401, 403, 404, 412, 422, 429, 500, 502, 503};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  Response response;
  response.status = kStatuses[data[0] % std::size(kStatuses)];
  if (data[1] & 1) response.headers.push_back({"Content-Type", "application/json"});
  if (data[1] & 2) response.headers.push_back({"Retry-After", "0"});
  response.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);

  (void)error_from_response(response, "fuzz");
  (void)redact_body(response.body);
  (void)parse_ims_token(response);

  StaticToken token("t");
  HttpPipelineOptions options;
  options.base_url = "https://fuzz.test";
  options.credentials = {"k", "o@AdobeOrg", "prod"};
  options.tokens = &token;
  options.retry.max_attempts = 1;  // no waiting
  auto pipeline = make_pipeline(options, std::make_shared<FuzzTransport>(response));
  FlowService service(*pipeline);

  if (auto flow = service.get(Collection::flows, "f")) {
    auto contents = read_flow_contents(*flow);
    (void)plan_deactivation(*flow, {"a", "b"}, {"person.name.firstName"});
    (void)contents;
  }
  if (auto page = service.list_page(Collection::flows, {})) {
    for (const auto& item : page->items)
      (void)read_flow_contents(item);
  }
  NewConnection c;
  c.name = "n";
  (void)service.create_connection(c);
  (void)service.patch_flow("f", "\"1\"", nlohmann::json::array());
  (void)service.flow_action("f", FlowAction::enable);
  (void)service.remove(Collection::flows, "f");
  return 0;
}
