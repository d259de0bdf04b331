#pragma once
// Platform services on the one request pipeline. The pipeline knows the Platform host; each
// service's client knows its path below it. Auth, retries, redaction and the sandbox header stay
// in the pipeline, once, whichever service a request is for.

#include <memory>
#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"
#include "aepflow/http/http.hpp"
#include "aepflow/http/service_clock.hpp"

namespace aepflow {

class HttpPipeline;

// Where each service lives below the Platform root (https://platform.adobe.io).
inline constexpr std::string_view kFlowServicePath = "/data/foundation/flowservice";
inline constexpr std::string_view kConversionPath = "/data/foundation/conversion";  // Data Prep
inline constexpr std::string_view kProfileConfigPath = "/data/core/ups";
inline constexpr std::string_view kIdentityNamespacePath = "/data/core/idnamespace";

struct PlatformUrls {
  std::string root;               // "https://platform.adobe.io", no trailing slash
  std::string flow_service_path;  // "/data/foundation/flowservice"
};

// --base-url names the Flow Service; the other services are beside it on the same host. A URL
// ending in the Flow Service's own path is split there; any other URL is taken as a gateway that
// serves Flow Service at its own path, and the other services at their usual paths on its host.
PlatformUrls split_flow_service_url(std::string_view flow_service_url);

// One service's requests: their paths are the service's own ("/flows", "/mappingSets").
class ServiceClient {
 public:
  ServiceClient(HttpPipeline& pipeline, std::string_view path);
  Result<Response> send(Request req);
  // The service's URL: the Platform root and the service's path.
  const std::string& url() const { return url_; }
  bool concurrent() const;
  // The service's clock, read from the Date of every answer sent through this client.
  const ServiceClock& clock() const { return *clock_; }

 private:
  HttpPipeline& pipeline_;
  std::string path_;
  std::string url_;
  std::shared_ptr<ServiceClock> clock_ = std::make_shared<ServiceClock>();
};

}  // namespace aepflow
