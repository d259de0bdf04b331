#include "aepflow/http/service.hpp"

#include "aepflow/http/http_pipeline.hpp"

namespace aepflow {

namespace {

std::string_view without_trailing_slashes(std::string_view s) {
  while (!s.empty() && s.back() == '/')
    s.remove_suffix(1);
  return s;
}

}  // namespace

PlatformUrls split_flow_service_url(std::string_view flow_service_url) {
  std::string_view url = without_trailing_slashes(flow_service_url);
  if (url.ends_with(kFlowServicePath)) {
    url.remove_suffix(kFlowServicePath.size());
    return {std::string(url), std::string(kFlowServicePath)};
  }
  // scheme://host[:port] is the root; the rest of the path is where this gateway serves Flow
  // Service.
  const auto scheme = url.find("://");
  const auto path =
      scheme == std::string_view::npos ? std::string_view::npos : url.find('/', scheme + 3);
  if (path == std::string_view::npos) return {std::string(url), ""};
  return {std::string(url.substr(0, path)), std::string(url.substr(path))};
}

ServiceClient::ServiceClient(HttpPipeline& pipeline, std::string_view path)
    : pipeline_(pipeline),
      path_(without_trailing_slashes(path)),
      url_(pipeline.base_url() + path_) {}

Result<Response> ServiceClient::send(Request req) {
  req.service = path_;
  req.platform = true;
  auto res = pipeline_.send(std::move(req));
  if (res) clock_->observe(res->headers, std::chrono::system_clock::now());
  return res;
}

bool ServiceClient::concurrent() const {
  return pipeline_.concurrent();
}

}  // namespace aepflow
