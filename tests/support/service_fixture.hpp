#pragma once
// A FlowService over a FakeTransport, with a static token and retries that do not wait.

#include <memory>

#include "aepflow/auth/auth.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "fake_transport.hpp"

namespace test {

struct ServiceFixture {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  aepflow::StaticToken token{"t"};
  std::unique_ptr<aepflow::HttpPipeline> pipeline;
  std::unique_ptr<aepflow::FlowService> service;
  ServiceFixture() {
    aepflow::HttpPipelineOptions o;
    o.base_url = "https://h.test";  // the Platform root; Flow Service at /base
    o.credentials = {"k", "o@AdobeOrg", "prod"};
    o.tokens = &token;
    o.retry.sleep = [](std::chrono::milliseconds) { return true; };
    pipeline = aepflow::make_pipeline(o, fake);
    service = std::make_unique<aepflow::FlowService>(*pipeline, "/base");
  }
};

}  // namespace test
